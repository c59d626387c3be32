"""The tables themselves: defaults, constraints, cascades and foreign keys, below the services."""

from __future__ import annotations

import sqlite3
import uuid
from contextlib import closing

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Speaker,
    SpeakerAlias,
    Turn,
    speaker_key,
)


@pytest.fixture
def rows(project):
    """A document with two turns, a coder, a code with a sub-code, and a coding of each."""
    with project.transaction() as session:
        document = Document(name="D", text="Anna: Hallo Welt.\nBen: Ja.", sha256="")
        anna, ben = Speaker(name="Anna", key="anna"), Speaker(name="Ben", key="ben")
        coder = Coder(name="default")
        parent = Code(name="Sprache")
        child = Code(name="Kurs", parent=parent)
        session.add_all([document, anna, ben, coder, parent, child])
        session.flush()
        document.turns = [
            Turn(position=0, speaker_id=anna.id, start=6, end=17),
            Turn(position=1, speaker_id=ben.id, start=23, end=26),
        ]
        session.add_all(
            [
                Coding(document_id=document.id, code_id=parent.id, coder_id=coder.id, start=6, end=11),
                Coding(document_id=document.id, code_id=child.id, coder_id=coder.id, start=12, end=17, weight=80),
            ]
        )
    return {"document": document.id, "anna": anna.id, "ben": ben.id, "coder": coder.id, "parent": parent.id,
            "child": child.id}


def _raw(project):
    db = sqlite3.connect(project.path)
    db.execute("PRAGMA foreign_keys=ON")
    return closing(db)


def test_defaults_give_every_row_a_guid_and_a_time(project, rows):
    with project.reading() as session:
        for model in (Document, Speaker, Coder, Code, Coding):
            for row in session.scalars(select(model)):
                assert uuid.UUID(row.guid).version == 4
        code = session.get(Code, rows["parent"])
        assert (code.color, code.definition, code.position) == ("#808080", "", 0)
        assert session.get(Coding, 1).created_at is not None
        guids = session.scalars(select(Coding.guid)).all()
        assert len(set(guids)) == len(guids)


def test_relationships_order_turns_and_children(project, rows):
    with project.reading() as session:
        document = session.get(Document, rows["document"])
        assert [(turn.position, turn.speaker.name) for turn in document.turns] == [(0, "Anna"), (1, "Ben")]
        assert [child.name for child in session.get(Code, rows["parent"]).children] == ["Kurs"]
        assert session.get(Code, rows["child"]).parent.name == "Sprache"


@pytest.mark.parametrize(
    ("start", "end", "weight"),
    [(5, 5, 0), (6, 5, 0), (-1, 3, 0), (0, 3, -1), (0, 3, 101)],
    ids=["empty", "reversed", "negative start", "weight below 0", "weight above 100"],
)
def test_a_coding_needs_a_real_span_and_a_weight_between_0_and_100(project, rows, start, end, weight):
    with pytest.raises(IntegrityError, match="CHECK"), project.transaction() as session:
        session.add(Coding(document_id=rows["document"], code_id=rows["parent"], coder_id=rows["coder"],
                           start=start, end=end, weight=weight))


def test_an_empty_turn_is_allowed_but_not_a_reversed_one(project, rows):
    with project.transaction() as session:
        session.add(Turn(document_id=rows["document"], position=2, start=26, end=26))
    with pytest.raises(IntegrityError, match="CHECK"), project.transaction() as session:
        session.add(Turn(document_id=rows["document"], position=3, start=26, end=25))


def test_sibling_names_are_unique_at_every_level_including_the_top(project, rows):
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(Code(name="Sprache"))  # top level: NULL parents need the partial index
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(Code(name="Kurs", parent_id=rows["parent"]))
    with project.transaction() as session:  # the same name elsewhere in the tree is fine
        session.add(Code(name="Kurs"))
        session.add(Code(name="Sprache", parent_id=rows["child"]))


def test_speaker_keys_and_alias_keys_are_unique(project, rows):
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(Speaker(name="ANNA", key="anna"))
    with project.transaction() as session:
        session.add(SpeakerAlias(speaker_id=rows["anna"], name="A.", key="a"))
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(SpeakerAlias(speaker_id=rows["ben"], name="A", key="a"))


def test_a_memo_has_at_most_one_target_and_a_thing_at_most_one_memo(project, rows):
    with pytest.raises(IntegrityError, match="CHECK"), project.transaction() as session:
        session.add(Memo(text="x", document_id=rows["document"], code_id=rows["parent"]))
    with project.transaction() as session:
        session.add_all([Memo(text="project 1"), Memo(text="project 2"), Memo(text="d", document_id=rows["document"])])
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(Memo(text="again", document_id=rows["document"]))


def test_an_attribute_value_belongs_to_exactly_one_owner(project, rows):
    with project.transaction() as session:
        attribute = Attribute(name="Rolle", type=AttributeType.TEXT, scope=AttributeScope.SPEAKER)
        session.add(attribute)
        session.flush()
        attribute_id = attribute.id
    for owners in ({}, {"speaker_id": rows["anna"], "document_id": rows["document"]}):
        with pytest.raises(IntegrityError, match="CHECK"), project.transaction() as session:
            session.add(AttributeValue(attribute_id=attribute_id, value="x", **owners))
    with project.transaction() as session:
        session.add(AttributeValue(attribute_id=attribute_id, value="Moderation", speaker_id=rows["anna"]))
    with pytest.raises(IntegrityError, match="UNIQUE"), project.transaction() as session:
        session.add(AttributeValue(attribute_id=attribute_id, value="again", speaker_id=rows["anna"]))


def test_enums_are_stored_as_their_values(project, db):
    with project.transaction() as session:
        session.add(Attribute(name="Alter", type=AttributeType.NUMBER, scope=AttributeScope.SPEAKER))
    assert db.one("SELECT type, scope FROM attribute") == ("number", "speaker")


def test_foreign_keys_are_enforced(project, rows):
    with _raw(project) as db:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.execute("INSERT INTO coding (guid, document_id, code_id, coder_id, start, \"end\", weight, created_at) "
                       "VALUES ('g', ?, 999, ?, 0, 1, 0, '2024-01-01')", (rows["document"], rows["coder"]))
    with pytest.raises(IntegrityError, match="FOREIGN KEY"), project.transaction() as session:
        session.add(Coding(document_id=rows["document"], code_id=999, coder_id=rows["coder"], start=0, end=1))


def test_a_coder_with_codings_cannot_be_deleted(project, rows):
    with _raw(project) as db, pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute("DELETE FROM coder")


def test_deleting_a_document_cascades_to_turns_codings_memo_and_values_but_not_speakers(project, rows, db):
    with project.transaction() as session:
        attribute = Attribute(name="Ort", type=AttributeType.TEXT, scope=AttributeScope.DOCUMENT)
        session.add(attribute)
        session.flush()
        session.add_all([
            AttributeValue(attribute_id=attribute.id, document_id=rows["document"], value="Jobcenter"),
            Memo(text="about D", document_id=rows["document"]),
            Memo(text="about a coding", coding_id=1),
        ])
    with project.transaction() as session:
        session.delete(session.get(Document, rows["document"]))
    for table in ("document", "turn", "coding", "memo", "attribute_value"):
        assert db.count(table) == 0, table
    assert db.count("speaker") == 2 and db.count("code") == 2 and db.count("attribute") == 1


def test_deleting_a_speaker_keeps_their_turns_without_a_speaker(project, rows, db):
    with _raw(project) as raw:
        raw.execute("DELETE FROM speaker WHERE id = ?", (rows["anna"],))
        raw.commit()
    assert db.rows("SELECT position, speaker_id FROM turn ORDER BY position") == [(0, None), (1, rows["ben"])]


def test_deleting_a_code_cascades_to_sub_codes_and_their_codings(project, rows, db):
    with project.transaction() as session:
        session.add(Memo(text="about Kurs", code_id=rows["child"]))
    with project.transaction() as session:
        session.delete(session.get(Code, rows["parent"]))
    assert (db.count("code"), db.count("coding"), db.count("memo")) == (0, 0, 0)


@pytest.mark.parametrize(
    ("spellings", "same"),
    [
        (("Interviewer 1", "Interviewer1", "INTERVIEWER 1", "interviewer 1:"), True),
        (("Dr.\u00a0Weber", "Dr. Weber", "dr.weber"), True),
        (("Frau Müller", "Frau Mu\u0308ller", "FRAU MÜLLER"), True),  # NFC and NFD spellings
        (("Straße", "STRASSE"), True),  # casefold, not lower
        (("B1", "B 1", "B1 –"), True),
        (("Interviewer 1", "Interviewer 2"), False),
        (("Anna", "Hanna"), False),
    ],
)
def test_speaker_key_ignores_case_spacing_and_trailing_punctuation(spellings, same):
    keys = {speaker_key(spelling) for spelling in spellings}
    assert (len(keys) == 1) is same


def test_speaker_key_keeps_inner_punctuation():
    assert speaker_key("Dr. Anna Weber (IHK):") == "dr.annaweber(ihk)"
