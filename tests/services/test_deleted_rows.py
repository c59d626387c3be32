"""Deleting a document undoably: everything that goes with it comes back exactly (same ids, same GUIDs)."""

from __future__ import annotations

import pytest

from app import services
from app.analysis.text_index import index_documents
from app.importers.base import ParsedDocument, ParsedTurn
from app.services.changes import ServiceError
from app.services.deleted_rows import delete_document_undoably, restore_rows
from tests.fixtures.dumps import unversioned

TEXT = "Moderatorin: Was hilft? 🙂\nAmal: Der Sprachkurs hilft.\nNoa: Und Praktika.\n"


def document(name: str) -> ParsedDocument:
    turns, offset = [], 0
    for line in TEXT.splitlines(keepends=True):
        label, _, words = line.partition(": ")
        start = offset + len(label) + 2
        turns.append(ParsedTurn(label, start, start + len(words.rstrip("\n")), start_ms=offset * 100))
        offset += len(line)
    return ParsedDocument(name, TEXT, f"{name}.txt", "txt", tuple(turns))


@pytest.fixture
def coded(tmp_path):
    path = tmp_path / "p.fcproj"
    with services.create_project(path) as project:
        services.import_documents(project, [document("Gruppe 1"), document("Gruppe 2")])
        index_documents(project)
        services.add_code(project, "Sprache/Sprachkurs")
        for coder in ("Anna", "Ben"):  # two coders on one passage
            services.apply_code_to_quote(project, document="Gruppe 1", code="Sprache/Sprachkurs",
                                         quote="Der Sprachkurs hilft.", coder=coder, weight=40)
        services.apply_code_to_quote(project, document="Gruppe 2", code="Sprache", quote="Praktika")
        coding = services.apply_code_to_quote(project, document="Gruppe 1", code="Sprache", quote="Praktika")
        services.set_memo(project, "Ein Memo zur Codierung", coding_id=coding.ids("coding")[0], author="Anna")
        services.set_memo(project, "Protokoll vom 12. März", document="Gruppe 1")
        services.set_attribute(project, document="Gruppe 1", name="Ort", value="Jobcenter")
    return path


def test_undoing_a_deletion_restores_every_row(coded):
    before = unversioned(coded)
    with services.open_project(coded) as project:
        changes, recorded = delete_document_undoably(project, "Gruppe 1")
        assert set(changes.ids("document", of="deleted")) == set(recorded.ids("document"))
        during = unversioned(coded)
        assert len(during["document"]) == 1
        assert len(during["coding"]) == 1 and not any("Protokoll" in str(row) for row in during["memo"])
        restored = restore_rows(project, recorded)
        assert restored.ids("document") == recorded.ids("document")
    assert unversioned(coded) == before


def test_the_recording_follows_every_cascade(coded):
    with services.open_project(coded) as project:
        _, recorded = delete_document_undoably(project, "Gruppe 1")
    tables = dict(recorded.tables)
    assert len(tables["document"]) == 1 and len(tables["turn"]) == 3 and len(tables["coding"]) == 3
    assert len(tables["text_index"]) == 1 and len(tables["attribute_value"]) == 1
    assert sorted(row["text"] for row in tables["memo"]) == ["Ein Memo zur Codierung", "Protokoll vom 12. März"]
    names = [name for name, _ in recorded.tables]
    assert names.index("document") < names.index("coding") < names.index("memo")  # parents go back first


def test_an_unknown_document_is_refused_and_nothing_changes(coded):
    before = unversioned(coded)
    with services.open_project(coded) as project, pytest.raises(ServiceError):
        delete_document_undoably(project, "Gruppe 9")
    assert unversioned(coded) == before
