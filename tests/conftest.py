"""Shared fixtures: a fresh project file per test, transcripts built in code, and an independent look at the file.

Assertions about what a service wrote go through ``db`` (a plain ``sqlite3`` connection opened anew for every
query), never through the project's own session: what ``db`` sees is what is committed to the file.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before anything imports Qt (the UI tests)

import tempfile

# Backups and the log go to a scratch folder, never into the user's data folder (children inherit this).
_SCRATCH = tempfile.mkdtemp(prefix="focuscoder-tests-")
os.environ.setdefault("FOCUSCODER_BACKUPS", os.path.join(_SCRATCH, "backups"))
os.environ.setdefault("FOCUSCODER_LOG", os.path.join(_SCRATCH, "focuscoder.log"))

# Fixtures shared by several folders: study projects for the analyses and exports, indexed text workshops.
pytest_plugins = ["tests.fixtures.study", "tests.fixtures.texts"]

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from pathlib import Path

import pytest

from app.importers.base import ParsedDocument, ParsedTurn
from app.models import Project, create_project


def build_document(
    name: str,
    turns: Sequence[tuple[str | None, str]],
    *,
    preamble: str = "",
    source_format: str = "txt",
) -> ParsedDocument:
    """A transcript as a reader would return it: one line ``Speaker: words`` per turn.

    Each turn's span covers its words only (the label stays outside), like the real turn parser's.
    """
    text, parsed_turns = preamble, []
    for speaker, words in turns:
        label = f"{speaker}: " if speaker is not None else ""
        start = len(text) + len(label)
        text += f"{label}{words}\n"
        parsed_turns.append(ParsedTurn(speaker=speaker, start=start, end=start + len(words)))
    return ParsedDocument(
        name=name,
        text=text,
        source_name=f"{name}.{source_format}",
        source_format=source_format,
        turns=tuple(parsed_turns),
    )


class ProjectFile:
    """Reads a project file through its own ``sqlite3`` connection, opened read-only for every call."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True)
        db.execute("PRAGMA foreign_keys=ON")
        return db

    def rows(self, sql: str, *params: object) -> list[tuple]:
        with closing(self._connect()) as db:
            return db.execute(sql, params).fetchall()

    def one(self, sql: str, *params: object) -> tuple | None:
        found = self.rows(sql, *params)
        assert len(found) <= 1, f"more than one row for {sql}"
        return found[0] if found else None

    def value(self, sql: str, *params: object) -> object:
        row = self.one(sql, *params)
        return None if row is None else row[0]

    def count(self, table: str, where: str = "1", *params: object) -> int:
        return self.value(f'SELECT count(*) FROM "{table}" WHERE {where}', *params)

    def dump(self) -> dict[str, list[tuple]]:
        """Every row of every table, in a stable order: compare two dumps to see whether anything changed."""
        return dump_tables(self.path)


def dump_tables(path: Path) -> dict[str, list[tuple]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return {table: db.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall() for table in tables}


@pytest.fixture
def dump() -> Callable[[Path], dict[str, list[tuple]]]:
    """``dump(path)``: every row of every table of any SQLite file (see ``ProjectFile.dump``)."""
    return dump_tables


@pytest.fixture
def opened() -> Iterator[Callable[[Project], Project]]:
    """Register a project to be closed after the test: ``project = opened(open_project(path))``."""
    projects: list[Project] = []

    def register(project: Project) -> Project:
        projects.append(project)
        return project

    yield register
    for project in projects:
        project.close()


@pytest.fixture
def project_path(tmp_path: Path) -> Path:
    return tmp_path / "study.fcproj"


@pytest.fixture
def project(project_path: Path, opened) -> Project:
    """A fresh, empty project file."""
    return opened(create_project(project_path, name="Integration workshop"))


@pytest.fixture
def db(project: Project) -> ProjectFile:
    """The project file as another program sees it."""
    return ProjectFile(project.path)


@pytest.fixture
def make_document() -> Callable[..., ParsedDocument]:
    return build_document


WORKSHOP_TURNS = (
    (None, "Gruppendiskussion am 12. März"),
    ("Moderatorin", "Was hilft beim Einstieg in die Ausbildung?"),
    ("Dr. Anna Weber", "Der Sprachkurs ist das A und O."),
    ("Herr Yilmaz", "Ohne Anerkennung der Abschlüsse geht wenig."),
    ("Moderatorin", "Und die Arbeitgeber?"),
    ("Dr. Anna Weber", "Die brauchen Begleitung, sonst scheitert die Ausbildung."),
)


@pytest.fixture
def workshop(project: Project) -> ParsedDocument:
    """The project with one imported focus-group transcript, "Workshop 1"; returns what was imported."""
    from app.services import import_documents

    parsed = build_document("Workshop 1", WORKSHOP_TURNS)
    import_documents(project, [parsed])
    return parsed
