"""Importing transcripts into a team project on PostgreSQL writes what an import into a project file writes (the
import's driver SQL adapts its parameter marks, and binds the text as a string, not as SQLite's cast bytes)."""

from __future__ import annotations

import hashlib

from sqlalchemy import text

from app.importers.base import ParsedDocument, ParsedTurn
from app.models import open_project
from app.services import import_documents
from tests.conftest import build_document
from tests.team.conftest import small_project


def _documents() -> list[ParsedDocument]:
    many = tuple(ParsedTurn(None if n % 5 == 0 else f"Sprecher {n % 3}", n, n + 1, n * 100 or None)
                 for n in range(1203))  # three statements of turns: two of 500 rows and the rest
    return [
        build_document("Gruppe 3", [("Frau Ahmadi", "Wieder da. زبان 🙂"), ("Neu", "Hallo"), (None, "(Lachen)")]),
        ParsedDocument("Lang", "x" * 1204, "lang.txt", "txt", many),
        ParsedDocument("Karten", "Karte: A\nKarte: B", "k.xlsx", "xlsx",
                       (ParsedTurn(None, 7, 8, votes=3, priority=1), ParsedTurn(None, 16, 17, votes=1))),
    ]


def _rows(connection) -> dict[str, list[tuple]]:  # noqa: ANN001 - a DB-API or SQLAlchemy connection
    queries = {
        "document": "SELECT id, name, text, sha256, source_name, source_format, group_name, position FROM document "
                    "ORDER BY id",
        "speaker": "SELECT id, name, key, version FROM speaker ORDER BY id",
        "turn": 'SELECT document_id, position, speaker_id, start, "end", start_ms, end_ms, votes, priority FROM turn '
                "ORDER BY id",
    }
    return {table: [tuple(row) for row in connection.execute(text(sql))] for table, sql in queries.items()}


def test_an_import_into_a_team_project_writes_what_a_file_gets(team, tmp_path):
    project = team()
    changes = import_documents(project, _documents(), group="Team")
    # The same import into a copy of the study file the team project was published from.
    with open_project(small_project(tmp_path / "same.fcproj")) as same:
        assert import_documents(same, _documents(), group="Team") == changes
        with same.reading() as session:
            expected = _rows(session.connection())
    with project.reading() as session:
        found = _rows(session.connection())
    assert found == expected
    texts = {name: body for _, name, body, *_ in found["document"]}
    assert texts["Gruppe 3"].endswith("زبان 🙂\nNeu: Hallo\n(Lachen)\n")
    assert all(sha == hashlib.sha256(body.encode()).hexdigest() for _, _, body, sha, *_ in found["document"])
    assert len(found["turn"]) > 1203
