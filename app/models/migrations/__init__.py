"""Schema migrations (Alembic), run by FocusCoder itself on the project file it opens.

A new file is created from the models and stamped at the head revision; an older file is upgraded here. There is
no alembic.ini: the configuration is built in code, so the migrations travel inside the package. Alembic itself
is imported only to create, stamp or upgrade a file: which revisions exist is read from the scripts' own lines
(importing Alembic cost half a second of every command that only reads a project; SQLAlchemy, as much again).
"""

from __future__ import annotations

import re
import sqlite3
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy import Connection
    from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent
_REVISION_LINE = re.compile(r'^(?P<which>down_revision|revision)\s*=\s*(?:"(?P<id>[^"]+)"|None)', re.MULTILINE)


def _config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    return revisions()[-1]


@cache
def revisions() -> list[str]:
    """Every schema revision this version of FocusCoder knows, oldest first: each script's ``revision`` and
    ``down_revision`` lines, chained (the same order Alembic walks; a test holds the two together)."""
    down_of = {}
    for script in (HERE / "versions").glob("*.py"):
        found = {match["which"]: match["id"] for match in _REVISION_LINE.finditer(script.read_text(encoding="utf-8"))}
        down_of[found["revision"]] = found.get("down_revision")
    up_of = {down: revision for revision, down in down_of.items()}
    chain, current = [], up_of.get(None)
    while current is not None:
        chain.append(current)
        current = up_of.get(current)
    if len(chain) != len(down_of):
        raise RuntimeError(f"the migration scripts do not form one chain: {sorted(down_of)}")
    return chain


def stamp_head(connection: Connection) -> None:
    """Mark a new file as built at the head revision. Through the scripts read once per process: the stamp
    command read and compiled every migration script again on each call, a third of creating a project."""
    from alembic.runtime.migration import MigrationContext

    MigrationContext.configure(connection).stamp(_script(), "head")


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    from alembic import command

    command.upgrade(_config(connection), revision)


def upgrade_file(path: Path, revision: str = "head") -> None:
    """Upgrade a project file in one transaction, with foreign keys off while tables are rebuilt.

    Batch migrations copy a table and drop the old one; with foreign keys on, that drop would cascade into
    every child row. Keys are checked once the new tables are in place.
    """

    def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA journal_mode=DELETE")

    from sqlalchemy import create_engine, event

    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True)
    )
    event.listen(engine, "connect", configure)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the upgrade left {len(broken)} broken references")
    finally:
        engine.dispose()
