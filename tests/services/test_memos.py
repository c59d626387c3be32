"""Memos on the project, a document, a code, a speaker or a coding."""

from __future__ import annotations

import pytest

from app.services import ServiceError, add_code, apply_code, rename_speaker, set_memo


@pytest.fixture
def targets(project, workshop):
    add_code(project, "Sprache/Kurs")
    coding = apply_code(project, document="Workshop 1", code="Sprache/Kurs", start=0, end=5).ids("coding")[0]
    return {
        "document": ("Workshop 1", "document_id", 1),
        "code": ("Sprache/Kurs", "code_id", 2),
        "speaker": ("Dr. Anna Weber", "speaker_id", 2),
        "coding_id": (coding, "coding_id", coding),
    }


@pytest.mark.parametrize("kind", ["document", "code", "speaker", "coding_id"])
def test_a_memo_is_written_replaced_and_removed(project, db, targets, kind):
    target, column, target_id = targets[kind]

    created = set_memo(project, "Erster Eindruck.", title="Notiz", author="Anna", **{kind: target})
    assert created.ids("memo") and not created.updated
    memo_id = created.ids("memo")[0]
    assert db.rows(f"SELECT id, {column}, text, title FROM memo") == [(memo_id, target_id, "Erster Eindruck.", "Notiz")]
    assert db.value("SELECT c.name FROM memo JOIN coder c ON c.id = memo.author_id") == "Anna"

    replaced = set_memo(project, "Zweiter Gedanke.", **{kind: target})
    assert replaced.ids("memo", of="updated") == [memo_id] and not replaced.created
    assert db.rows("SELECT id, text, title FROM memo") == [(memo_id, "Zweiter Gedanke.", "Notiz")]  # title kept
    set_memo(project, "Dritter.", title="Neu", **{kind: target})
    assert db.rows("SELECT text, title FROM memo") == [("Dritter.", "Neu")]

    removed = set_memo(project, "  \n ", **{kind: target})
    assert removed.ids("memo", of="deleted") == [memo_id]
    assert db.count("memo") == 0
    assert not set_memo(project, "", **{kind: target})  # nothing to remove: nothing changes


def test_replacing_a_memo_updates_its_time(project, db, targets):
    set_memo(project, "a", document="Workshop 1")
    db_created = db.one("SELECT created_at, modified_at FROM memo")
    set_memo(project, "b", document="Workshop 1")
    created_at, modified_at = db.one("SELECT created_at, modified_at FROM memo")
    assert created_at == db_created[0] and modified_at >= db_created[1]


def test_the_project_may_have_many_memos(project, db):
    first = set_memo(project, "Ablauf des Workshops", title="Ablauf")
    second = set_memo(project, "Offene Fragen")
    assert first.ids("memo") != second.ids("memo")
    assert db.rows("SELECT text, document_id, code_id, speaker_id, coding_id FROM memo ORDER BY id") == [
        ("Ablauf des Workshops", None, None, None, None),
        ("Offene Fragen", None, None, None, None),
    ]
    assert not set_memo(project, "   ")
    assert db.count("memo") == 2


def test_a_speaker_memo_can_be_found_by_an_old_name(project, db, targets):
    rename_speaker(project, "Herr Yilmaz", "Mehmet Yilmaz")
    set_memo(project, "Ausbilder im Handwerk.", speaker="herr yilmaz")
    assert db.value("SELECT s.name FROM memo JOIN speaker s ON s.id = memo.speaker_id") == "Mehmet Yilmaz"


def test_refusals_write_nothing(project, db, targets):
    set_memo(project, "vorher", code="Sprache")
    before = db.dump()
    for kwargs, message in [
        ({"document": "Workshop 1", "code": "Sprache"}, "one thing at a time"),
        ({"document": "Workshop 9"}, "no document"),
        ({"code": "Zeit"}, "no code"),
        ({"speaker": "Unbekannt"}, "no speaker"),
        ({"coding_id": 999}, "no coding 999"),
        ({"code": "Sprache/Kurs", "author": "  "}, "coder needs a name"),
    ]:
        with pytest.raises(ServiceError, match=message):
            set_memo(project, "text", **kwargs)
    assert db.dump() == before


def test_a_call_that_changes_nothing_writes_nothing(project, db, targets):
    before = db.dump()
    assert not set_memo(project, "", document="Workshop 1", author="Neue Kodiererin")
    assert db.dump() == before  # no coder created for a memo that was not written


def test_memos_go_with_what_they_are_about(project, db, targets):
    from app.services import delete_code, delete_document, remove_coding

    coding_id = targets["coding_id"][0]
    set_memo(project, "zum Dokument", document="Workshop 1")
    set_memo(project, "zum Code", code="Sprache/Kurs")
    set_memo(project, "zur Kodierung", coding_id=coding_id)
    set_memo(project, "zur Person", speaker="Moderatorin")
    set_memo(project, "zum Projekt")
    remove_coding(project, coding_id)
    assert {row[0] for row in db.rows("SELECT text FROM memo")} == {"zum Dokument", "zum Code", "zur Person",
                                                                    "zum Projekt"}
    delete_code(project, "Sprache")
    delete_document(project, "Workshop 1")
    assert {row[0] for row in db.rows("SELECT text FROM memo")} == {"zur Person", "zum Projekt"}
