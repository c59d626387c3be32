"""``focuscoder check``: what is wrong with a project file, in plain words, without changing it."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path

from app.models.errors import ProjectFileError
from app.models.locking import is_stale, read_holder


@dataclass
class Health:
    """Problems make the project unusable or suspicious; notes are for information."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def check_project(path: str | Path) -> Health:
    """Run every check on ``path`` read-only: header, schema revision, SQLite's full integrity check, foreign
    keys, positions of codings and turns, an interrupted change, the lock."""
    from app.models.project_file import _sqlite_uri, check_file

    path = Path(path)
    health = Health()
    journal = path.with_name(f"{path.name}-journal")
    if journal.is_file() and journal.stat().st_size > 0:
        health.notes.append("a change was interrupted (a crash?); it will be rolled back when the project is "
                            "opened, and the project is then as it was last saved")
    try:
        found = check_file(path)
    except ProjectFileError as exc:
        health.problems.append(str(exc))
        return health
    if found.needs_upgrade:
        health.notes.append(f"saved by an older version (schema {found.revision}); it is upgraded when opened, "
                            "after a backup copy")
    with closing(sqlite3.connect(_sqlite_uri(path, "ro") + "&immutable=1" * found.wal, uri=True)) as db:
        db.execute("PRAGMA trusted_schema=OFF")
        problems = [row[0] for row in db.execute("PRAGMA integrity_check(20)")]
        if problems != ["ok"]:
            health.problems += [f"damaged: {line.strip()}" for problem in problems for line in problem.splitlines()
                                if line.strip() and not line.startswith("***")]
        orphans = db.execute("PRAGMA foreign_key_check").fetchall()
        if orphans:
            tables = sorted({row[0] for row in orphans})
            health.problems.append(f"{len(orphans)} rows refer to things that no longer exist (in {', '.join(tables)})")
        for table in ("coding", "turn"):
            outside = db.execute(
                f'SELECT count(*) FROM "{table}" t JOIN document d ON d.id = t.document_id '
                f'WHERE t.start < 0 OR t."end" > length(d.text) OR t.start > t."end"'
            ).fetchone()[0]
            if outside:
                health.problems.append(f"{outside} {table}s lie outside their document's text")
    holder = read_holder(path)
    if holder is not None:
        state = "no longer running (a stale lock)" if is_stale(path, holder) else "open there now"
        health.notes.append(f"opened for writing by {holder.describe()}: {state}")
    return health
