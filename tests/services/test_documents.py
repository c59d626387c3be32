"""Importing documents (with their speakers and turns), renaming and deleting them."""

from __future__ import annotations

import hashlib
import itertools
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers.base import ParsedDocument, ParsedTurn
from app.models import create_project
from app.services import (
    ServiceError,
    add_code,
    apply_code,
    delete_document,
    import_documents,
    rename_document,
    set_attribute,
    set_memo,
)


def test_import_writes_text_turns_and_speakers(project, db, make_document):
    parsed = make_document("Gruppe 1", [("Moderatorin", "Willkommen."), (None, "(Lachen)"), ("Herr Yilmaz", "Danke.")])
    changes = import_documents(project, [parsed], group="Jobcenter")

    document_id = changes.ids("document")[0]
    assert db.one("SELECT name, text, sha256, source_name, source_format, group_name, position FROM document") == (
        "Gruppe 1",
        parsed.text,
        hashlib.sha256(parsed.text.encode()).hexdigest(),
        "Gruppe 1.txt",
        "txt",
        "Jobcenter",
        0,
    )
    turns = db.rows(
        'SELECT t.position, s.name, t.start, t."end" FROM turn t LEFT JOIN speaker s ON s.id = t.speaker_id '
        "WHERE t.document_id = ? ORDER BY t.position",
        document_id,
    )
    assert turns == [
        (0, "Moderatorin", 13, 24),
        (1, None, 25, 33),
        (2, "Herr Yilmaz", 47, 53),
    ]
    assert [parsed.text[start:end] for _, _, start, end in turns] == ["Willkommen.", "(Lachen)", "Danke."]
    assert db.rows("SELECT name, key FROM speaker ORDER BY id") == [
        ("Moderatorin", "moderatorin"),
        ("Herr Yilmaz", "herryilmaz"),
    ]


def test_import_keeps_time_marks_votes_and_priorities(project, db):
    text = "Karte: Sprachkurs früher\nKarte: Mentoring"
    parsed = ParsedDocument(
        "Karten", text, "karten.xlsx", "xlsx",
        (
            ParsedTurn(None, 7, 24, start_ms=1000, end_ms=2500, votes=7, priority=1),
            ParsedTurn(None, 32, 41, votes=3),
        ),
    )
    import_documents(project, [parsed])
    assert db.rows('SELECT start, "end", start_ms, end_ms, votes, priority FROM turn ORDER BY position') == [
        (7, 24, 1000, 2500, 7, 1),
        (32, 41, None, None, 3, None),
    ]


def test_import_names_what_it_created(project, make_document):
    first = import_documents(project, [make_document("A", [("Anna", "Hallo"), ("Ben", "Hi")])])
    assert [ref.kind for ref in first.created] == ["document", "speaker", "speaker"]
    assert not first.updated and not first.deleted
    second = import_documents(project, [make_document("B", [("Ben", "Wieder da"), ("Cem", "Neu")])])
    assert [ref.kind for ref in second.created] == ["document", "speaker"]  # Ben exists already
    assert second.ids("speaker") == [3]


def test_import_is_committed_at_once(project, db, make_document):
    import_documents(project, [make_document("A", [("Anna", "Hallo")])])
    assert db.count("document") == 1 and db.count("turn") == 1 and db.count("speaker") == 1


def test_speakers_are_matched_across_the_project_by_their_key(project, db, make_document):
    import_documents(project, [make_document("Gruppe 1", [("Interviewer 1", "Frage?"), ("B1", "Antwort.")])])
    import_documents(project, [make_document("Gruppe 2", [("Interviewer1", "Noch eine Frage?"),
                                                         ("INTERVIEWER 1", "Und?"), ("b 1", "Ja.")])])
    assert db.rows("SELECT name FROM speaker ORDER BY id") == [("Interviewer 1",), ("B1",)]
    per_speaker = db.rows("SELECT s.name, count(*) FROM turn t JOIN speaker s ON s.id = t.speaker_id "
                          "GROUP BY s.id ORDER BY s.id")
    assert per_speaker == [("Interviewer 1", 3), ("B1", 2)]


def test_two_spellings_within_one_document_are_one_speaker(project, db, make_document):
    changes = import_documents(project, [make_document("G", [("Dr.\u00a0Weber", "Ja."), ("Dr. Weber", "Nein.")])])
    assert len(changes.ids("speaker")) == 1
    assert db.rows("SELECT DISTINCT speaker_id FROM turn") == [(1,)]
    assert db.value("SELECT name FROM speaker") == "Dr.\u00a0Weber"  # the first spelling met


def test_a_taken_document_name_gets_a_number(project, db, make_document):
    for _ in range(3):
        import_documents(project, [make_document("Interview", [("A", "x")])])
    import_documents(project, [make_document("Interview", [("A", "x")]), make_document("Interview", [("A", "y")])])
    assert db.rows("SELECT name FROM document ORDER BY position") == [
        ("Interview",), ("Interview (2)",), ("Interview (3)",), ("Interview (4)",), ("Interview (5)",),
    ]


def test_name_numbering_is_exact_about_wildcards_and_case(project, db, make_document):
    import_documents(project, [make_document(name, [("A", "x")]) for name in ("Gruppe_1", "gruppe 1", "Gruppe%1")])
    import_documents(project, [make_document(name, [("A", "x")]) for name in ("Gruppe 1", "Gruppe_1", "  ")])
    assert db.rows("SELECT name FROM document ORDER BY position") == [
        ("Gruppe_1",), ("gruppe 1",), ("Gruppe%1",), ("Gruppe 1",), ("Gruppe_1 (2)",), ("Document",),
    ]


def test_documents_are_appended_after_the_existing_ones(project, db, make_document):
    import_documents(project, [make_document("A", [("X", "1")]), make_document("B", [("X", "2")])])
    import_documents(project, [make_document("C", [("X", "3")])])
    assert db.rows("SELECT name, position FROM document ORDER BY id") == [("A", 0), ("B", 1), ("C", 2)]


def test_an_empty_document_and_an_empty_import(project, db):
    assert not import_documents(project, [])
    import_documents(project, [ParsedDocument("Leer", "", "leer.txt", "txt")])
    assert db.one("SELECT name, text FROM document") == ("Leer", "")
    assert db.count("turn") == 0


@pytest.mark.parametrize(
    "bad_turn",
    [ParsedTurn("B", 3, 999), ParsedTurn("B", -1, 2), ParsedTurn("B", 5, 4)],
    ids=["past the end", "negative", "reversed"],
)
def test_several_documents_are_imported_all_or_nothing(project, db, make_document, bad_turn):
    good = make_document("Gut", [("Anna", "Alles in Ordnung.")])
    bad = ParsedDocument("Kaputt", "Anna: Oh.", "kaputt.txt", "txt", (ParsedTurn("Anna", 6, 9), bad_turn))
    before = db.dump()
    with pytest.raises(ServiceError, match="'Kaputt': a speaker turn .* outside the text"):
        import_documents(project, [good, bad])
    assert db.dump() == before
    assert db.count("document") == 0 and db.count("speaker") == 0


def test_an_error_in_the_middle_of_an_import_leaves_the_file_as_it_was(project, db, make_document, monkeypatch):
    import_documents(project, [make_document("Vorher", [("Anna", "Schon da.")])])
    before_dump, before_bytes = db.dump(), project.path.read_bytes()
    calls = itertools.count()
    from app.services.speaker_index import SpeakerIndex

    real_add_speaker = SpeakerIndex.add

    def add_speaker_then_crash(index, guid, name):
        if next(calls) == 2:  # Dana: second document, after its row and its first new speaker were written
            raise RuntimeError("power cut")
        return real_add_speaker(index, guid, name)

    monkeypatch.setattr(SpeakerIndex, "add", add_speaker_then_crash)
    with pytest.raises(RuntimeError, match="power cut"):
        import_documents(project, [
            make_document("Eins", [("Anna", "a"), ("Ben", "b")]),
            make_document("Zwei", [("Cem", "c"), ("Dana", "d")]),
        ])
    assert db.dump() == before_dump
    assert project.path.read_bytes() == before_bytes


def test_rename_document(project, workshop, db):
    changes = rename_document(project, "Workshop 1", "  Fokusgruppe Jobcenter ")
    assert changes.updated and changes.updated[0].kind == "document"
    assert db.value("SELECT name FROM document") == "Fokusgruppe Jobcenter"


def test_rename_document_refusals_leave_the_file_unchanged(project, workshop, db, make_document):
    import_documents(project, [make_document("Workshop 2", [("A", "x")])])
    before = db.dump()
    for name, new_name, message in [
        ("Workshop 1", "Workshop 2", "already a document"),
        ("Workshop 1", "   ", "needs a name"),
        ("Workshop 9", "Neu", "no document 'Workshop 9'"),
    ]:
        with pytest.raises(ServiceError, match=message):
            rename_document(project, name, new_name)
    assert db.dump() == before
    assert rename_document(project, "Workshop 1", "Workshop 1")  # to its own name: allowed


def test_delete_document_takes_turns_codings_memo_and_values_but_keeps_speakers(project, workshop, db, make_document):
    import_documents(project, [make_document("Workshop 2", [("Moderatorin", "Hallo")])])
    add_code(project, "Sprache")
    coded = apply_code(project, document="Workshop 1", code="Sprache", start=0, end=5)
    apply_code(project, document="Workshop 2", code="Sprache", start=13, end=18)
    set_memo(project, "Lebhafte Runde.", document="Workshop 1")
    set_memo(project, "Gut beobachtet.", coding_id=coded.ids("coding")[0])
    set_attribute(project, name="Ort", value="Jobcenter", document="Workshop 1")
    set_attribute(project, name="Rolle", value="Moderation", speaker="Moderatorin")
    speakers = db.rows("SELECT * FROM speaker")

    changes = delete_document(project, "Workshop 1")

    assert changes.deleted[0].kind == "document"
    assert changes.ids("coding", of="deleted") == coded.ids("coding")
    assert db.rows("SELECT name FROM document") == [("Workshop 2",)]
    assert db.rows("SELECT DISTINCT document_id FROM turn") == [(2,)]
    assert db.rows("SELECT document_id FROM coding") == [(2,)]
    assert db.count("memo") == 0
    assert db.rows("SELECT value FROM attribute_value") == [("Moderation",)]
    assert db.rows("SELECT * FROM speaker") == speakers
    with pytest.raises(ServiceError, match="no document"):
        delete_document(project, "Workshop 1")


# --- the import's fast paths write what the ORM wrote -------------------------------------------------------------


@pytest.mark.parametrize("count", [1, 3, 4, 5, 31, 32, 33, 255, 256, 257, 291, 1234])
def test_turns_go_in_whole_and_in_order_around_the_rows_per_statement(project, db, count):
    # insert_rows writes 256, 32, 4 or 1 rows to a statement: counts around those sizes and made of several.
    speakers = [None, "Anna", "Ben"]
    turns = tuple(ParsedTurn(speakers[n % 3], n, n + 1, n * 10 if n % 4 else None, None) for n in range(count))
    import_documents(project, [ParsedDocument("Lang", "x" * (count + 1), "lang.txt", "txt", turns)])
    rows = db.rows('SELECT t.position, s.name, t.start, t."end", t.start_ms, t.end_ms, t.votes, t.priority '
                   "FROM turn t LEFT JOIN speaker s ON s.id = t.speaker_id ORDER BY t.id")
    assert rows == [(n, t.speaker, t.start, t.end, t.start_ms, t.end_ms, None, None) for n, t in enumerate(turns)]


def test_votes_and_priorities_go_in_with_many_turns(project, db):
    turns = tuple(ParsedTurn(None, n, n + 1, votes=n if n % 2 else None, priority=n % 3 or None) for n in range(777))
    import_documents(project, [ParsedDocument("Karten", "x" * 800, "k.xlsx", "xlsx", turns)])
    assert db.rows("SELECT position, votes, priority FROM turn ORDER BY id") == [
        (n, t.votes, t.priority) for n, t in enumerate(turns)
    ]


def test_the_text_is_stored_as_text_with_its_hash(project, db):
    text = "Anna: Grüße, ı, 文, 😀 und e\u0301\nBen: \u200f ok"
    import_documents(project, [ParsedDocument("T", text, "t.txt", "txt", (ParsedTurn("Anna", 6, 10),))])
    assert db.one("SELECT typeof(text), text, length(text), sha256 FROM document") == (
        "text", text, len(text), hashlib.sha256(text.encode()).hexdigest(),
    )
    guid, imported_at = db.one("SELECT guid, imported_at FROM document")
    assert len(guid) == 36 and imported_at  # the model's defaults still apply to the Core insert
    assert db.one("SELECT length(guid), version, created_at IS NOT NULL FROM speaker") == (36, 1, 1)


def test_the_driver_inserts_write_what_the_orm_writes(project, db, tmp_path):
    # The import's driver SQL names the model's defaults itself (GUID, times, row version): compare its rows with
    # rows the ORM writes from the same values, column by column.
    from app.models import Document, Speaker

    text = "Anna: Grüße\nBen: ja"
    import_documents(project, [ParsedDocument("T", text, "t.txt", "txt", (ParsedTurn("Anna", 6, 11),))],
                     group="Gruppe")
    with create_project(tmp_path / "orm.fcproj") as other:
        with other.transaction() as session:
            session.add(Document(name="T", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                                 source_name="t.txt", source_format="txt", group_name="Gruppe", position=0))
            session.add(Speaker(name="Anna", key="anna"))
        orm = type(db)(other.path)
        for table in ("document", "speaker"):
            ours, theirs = db.rows(f"SELECT * FROM {table}"), orm.rows(f"SELECT * FROM {table}")
            columns = [row[1] for row in db.rows(f"PRAGMA table_info({table})")]
            assert columns == [row[1] for row in orm.rows(f"PRAGMA table_info({table})")]
            for name, mine, its in zip(columns, ours[0], theirs[0]):
                if name == "guid":
                    assert len(mine) == len(its) == 36 and mine != its
                elif name in ("imported_at", "created_at"):  # the same format, a moment apart
                    assert re.sub(r"\d", "0", mine) == re.sub(r"\d", "0", its), (mine, its)
                else:
                    assert (name, mine) == (name, its)
            assert db.rows(f"SELECT {', '.join(f'typeof({c})' for c in columns)} FROM {table}") == orm.rows(
                f"SELECT {', '.join(f'typeof({c})' for c in columns)} FROM {table}"
            )


def test_a_label_joins_a_speaker_by_an_alias_and_a_speaker_key_wins_over_an_alias(project, db, make_document):
    from sqlalchemy import text

    from app.services import rename_speaker

    import_documents(project, [make_document("A", [("Herr Yilmaz", "Hallo"), ("Anna", "Hi")])])
    rename_speaker(project, "Herr Yilmaz", "Mehmet Yilmaz")  # "herryilmaz" becomes an alias
    with project.transaction() as session:  # an alias spelled like another speaker's key: that speaker decides
        session.execute(text("INSERT INTO speaker_alias (speaker_id, name, key) VALUES (1, 'ANNA', 'anna')"))
    changes = import_documents(project, [make_document("B", [("herr yilmaz", "Wieder"), ("Anna", "Ja"),
                                                             ("Cem", "Neu")])])
    assert changes.ids("speaker") == [3]
    assert db.rows("SELECT s.name FROM turn t JOIN speaker s ON s.id = t.speaker_id WHERE t.document_id = 2 "
                   "ORDER BY t.position") == [("Mehmet Yilmaz",), ("Anna",), ("Cem",)]


# --- positions are code points, whatever the script ------------------------------------------------------------

SCRIPTS = st.sampled_from(
    ["a", "ß", " ", "\n", "é", "e\u0301", "😀", "👩‍👩‍👧", "🇩🇪", "مرحبا", "ع", "\u200f", "ह", "文", "\U0001d11e"]
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pieces=st.lists(st.lists(SCRIPTS, min_size=0, max_size=8).map("".join), min_size=1, max_size=6))
def test_turn_positions_survive_the_database_in_every_script(tmp_path_factory, pieces):
    text = "\n".join(pieces)
    turns, position = [], 0
    for piece in pieces:
        turns.append(ParsedTurn("Sprecher " + str(len(turns) % 2), position, position + len(piece)))
        position += len(piece) + 1
    path = tmp_path_factory.mktemp("scripts") / "p.fcproj"
    with create_project(path) as project:
        import_documents(project, [ParsedDocument("D", text, "d.txt", "txt", tuple(turns))])
        with project.reading() as session:
            from app.models import Document

            document = session.get(Document, 1)
            assert document.text == text
            stored = [(turn.start, turn.end) for turn in document.turns]
            assert [document.text[start:end] for start, end in stored] == pieces


def test_a_text_imported_from_the_readers_bytes_is_stored_as_one_encoded(tmp_path):
    import dataclasses
    import sqlite3
    from contextlib import closing

    from app.importers import read_document

    source = tmp_path / "Gruppe.txt"
    source.write_text("Moderatorin: Grüß Gott – „gut“ 🙂\nB1 (Kammer): Ja.\n", encoding="utf-8")
    read = read_document(source)
    assert read.utf8 is not None  # the reader handed on the file's bytes
    rows = []
    for number, document in enumerate([read, dataclasses.replace(read)]):  # the copy has none: encoded
        path = tmp_path / f"p{number}.fcproj"
        with create_project(path) as project:
            import_documents(project, [document])
        with closing(sqlite3.connect(path)) as db:
            rows.append(db.execute("SELECT text, typeof(text), sha256, length(text) FROM document").fetchone())
    assert rows[0] == rows[1]
    assert rows[0][:3] == (read.text, "text", hashlib.sha256(read.text.encode()).hexdigest())
