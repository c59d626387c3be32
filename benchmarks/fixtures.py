"""Prepared studies on disk, built once per size and reused by every case (building is not what is measured)."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from benchmarks.corpus import Study, make_study

CACHE = Path(__file__).resolve().parent / ".cache"
GENERATOR_VERSION = 1


@dataclass(frozen=True)
class Size:
    name: str
    words: int
    codings: int


SIZES = (
    Size("small", 20_000, 2_000),
    Size("medium", 200_000, 20_000),
    Size("large", 2_000_000, 200_000),
)
SIZE_BY_NAME = {size.name: size for size in SIZES}


@dataclass(frozen=True)
class Prepared:
    size: Size
    transcripts: list[Path]
    project: Path  # every document imported, the code tree, all codings


def study_for(size: Size) -> Study:
    return make_study(size.words, size.codings)


def prepare(size: Size) -> Prepared:
    folder = CACHE / f"v{GENERATOR_VERSION}-{size.name}"
    project = folder / "study.fcproj"
    study = None
    transcripts = sorted((folder / "transcripts").glob("*.txt"))
    if not transcripts:
        study = study_for(size)
        transcripts = study.write_transcripts(folder / "transcripts")
    if not project.exists():
        study = study or study_for(size)
        _build_project(study, transcripts, project)
    else:
        _upgrade(project)
    return Prepared(size=size, transcripts=transcripts, project=project)


def _upgrade(project: Path) -> None:
    """Bring a study cached by an older FocusCoder to the current schema (cases open it read-only)."""
    from app.models import open_project
    from app.models.project_file import check_file

    if check_file(project).needs_upgrade:
        open_project(project).close()
        for backup in project.parent.glob(f"{project.stem}*before-upgrade*"):
            backup.unlink()


def _build_project(study: Study, transcripts: list[Path], target: Path) -> None:
    from app import services
    from app.importers import read_document

    partial = target.with_name("building.fcproj")
    partial.unlink(missing_ok=True)
    with services.create_project(partial, name="Benchmark") as project:
        services.import_documents(project, [read_document(path) for path in transcripts])
        for path in study.codes:
            services.add_code(project, path)
    # Codings go in by one executemany: preparing the fixture is not the thing measured.
    with sqlite3.connect(partial) as db:
        parents = dict(db.execute("SELECT id, name FROM code WHERE parent_id IS NULL").fetchall())
        by_path = {}
        for code_id, parent_id, name in db.execute("SELECT id, parent_id, name FROM code"):
            by_path[name if parent_id is None else f"{parents[parent_id]}/{name}"] = code_id
        documents = [row[0] for row in db.execute("SELECT id FROM document ORDER BY position")]
        for coder in ("Lena", "Murat"):
            db.execute("INSERT INTO coder (guid, name, created_at) VALUES (lower(hex(randomblob(16))), ?, "
                       "'2026-01-01 00:00:00')", (coder,))
        coders = dict(db.execute("SELECT name, id FROM coder").fetchall())
        db.executemany(
            'INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", weight, created_at) '
            "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00')",
            [
                (documents[c.document], by_path[c.code], coders[c.coder], c.start, c.end, c.weight)
                for c in study.codings
            ],
        )
    shutil.move(partial, target)
