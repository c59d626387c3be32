"""Coding passages by span or by quote, changing and removing codings."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from app.importers.base import ParsedDocument
from app.services import (
    ServiceError,
    add_code,
    apply_code,
    apply_code_to_quote,
    import_documents,
    remove_coding,
    set_memo,
    update_coding,
)
from app.services import codings as codings_service
from app.services.codings import find_quote

HYPOTHESIS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def coded(project, workshop):
    """The workshop transcript and the codes Sprache, Sprache/Kurs and Arbeit."""
    add_code(project, "Sprache/Kurs")
    add_code(project, "Arbeit")
    return workshop


def coding_row(db, coding_id):
    return db.one(
        'SELECT d.name, k.name, c.start, c."end", r.name, c.weight FROM coding c '
        "JOIN document d ON d.id = c.document_id JOIN code k ON k.id = c.code_id JOIN coder r ON r.id = c.coder_id WHERE c.id = ?",
        coding_id,
    )


# --- by span ---------------------------------------------------------------------------------------------------------


def test_apply_code_writes_one_coding_and_names_it(project, coded, db):
    changes = apply_code(project, document="Workshop 1", code="Sprache/Kurs", start=10, end=25, weight=40)
    assert [ref.kind for ref in changes.created] == ["coding"] and not changes.updated and not changes.deleted
    assert coding_row(db, changes.created[0].id) == ("Workshop 1", "Kurs", 10, 25, "default", 40)
    assert db.value("SELECT created_at FROM coding") is not None


def test_the_coder_is_created_on_first_use(project, coded, db):
    apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, coder="Anna")
    apply_code(project, document="Workshop 1", code="Arbeit", start=3, end=6, coder="Anna")
    apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, coder=" Ben ")
    assert db.rows("SELECT name FROM coder ORDER BY id") == [("Anna",), ("Ben",)]
    with pytest.raises(ServiceError, match="coder needs a name"):
        apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, coder="  ")


def test_applying_the_same_code_twice_is_a_no_op(project, coded, db):
    apply_code(project, document="Workshop 1", code="Arbeit", start=5, end=9)
    before = db.dump()
    again = apply_code(project, document="Workshop 1", code="Arbeit", start=5, end=9, weight=99)
    assert not again and again.created == [] and again.updated == [] and again.deleted == []
    assert db.dump() == before
    # Another coder, code or span is a new coding.
    assert apply_code(project, document="Workshop 1", code="Arbeit", start=5, end=9, coder="Anna")
    assert apply_code(project, document="Workshop 1", code="Sprache", start=5, end=9)
    assert apply_code(project, document="Workshop 1", code="Arbeit", start=5, end=10)
    assert db.count("coding") == 4


@pytest.mark.parametrize(
    ("start", "end", "message"),
    [(-1, 3, "outside"), (5, 5, "start must be before end"), (6, 5, "outside"), (0, 10_000, "outside")],
)
def test_a_span_outside_the_text_is_refused(project, coded, db, start, end, message):
    before = db.dump()
    with pytest.raises(ServiceError, match=message) as refused:
        apply_code(project, document="Workshop 1", code="Arbeit", start=start, end=end)
    assert f"has {len(coded.text)} characters" in str(refused.value)
    assert db.dump() == before


def test_a_span_up_to_the_last_character_is_fine(project, coded, db):
    length = len(coded.text)
    apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=length)
    apply_code(project, document="Workshop 1", code="Arbeit", start=length - 1, end=length)
    assert db.count("coding") == 2


@pytest.mark.parametrize(("weight", "ok"), [(-1, False), (0, True), (100, True), (101, False)])
def test_the_weight_is_between_0_and_100(project, coded, db, weight, ok):
    if ok:
        apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, weight=weight)
        assert db.value("SELECT weight FROM coding") == weight
    else:
        with pytest.raises(ServiceError, match="between 0 and 100"):
            apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, weight=weight)
        assert db.count("coding") == 0 and db.count("coder") == 0


def test_unknown_document_or_code_is_refused(project, coded, db):
    before = db.dump()
    with pytest.raises(ServiceError, match="no document 'Workshop 9'"):
        apply_code(project, document="Workshop 9", code="Arbeit", start=0, end=3)
    with pytest.raises(ServiceError, match="no code 'Sprache/Zeit'"):
        apply_code(project, document="Workshop 1", code="Sprache/Zeit", start=0, end=3, coder="Neu")
    assert db.dump() == before  # the new coder was not kept either


# --- by quote --------------------------------------------------------------------------------------------------------


def test_apply_code_to_quote_finds_the_passage(project, coded, db):
    changes = apply_code_to_quote(project, document="Workshop 1", code="Sprache", quote="Der Sprachkurs")
    start = coded.text.index("Der Sprachkurs")
    assert coding_row(db, changes.ids("coding")[0])[2:4] == (start, start + len("Der Sprachkurs"))


def test_apply_code_to_quote_counts_occurrences(project, coded, db):
    first = coded.text.index("Ausbildung")
    second = coded.text.index("Ausbildung", first + 1)
    one = apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="Ausbildung")
    two = apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="Ausbildung", occurrence=2)
    assert coding_row(db, one.ids("coding")[0])[2] == first
    assert coding_row(db, two.ids("coding")[0])[2] == second
    with pytest.raises(ServiceError, match="occurs only 2 time"):
        apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="Ausbildung", occurrence=3)
    with pytest.raises(ServiceError, match="counts from 1"):
        apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="Ausbildung", occurrence=0)


def test_a_quote_that_is_not_there_is_refused_with_the_quote(project, coded, db):
    with pytest.raises(ServiceError, match="The text 'Sprachcafé' does not occur in the document"):
        apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="Sprachcafé")
    with pytest.raises(ServiceError, match="empty"):
        apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote="")
    long_quote = "nicht da " * 20
    with pytest.raises(ServiceError, match="'nicht da .{40,60}…'"):
        apply_code_to_quote(project, document="Workshop 1", code="Arbeit", quote=long_quote)
    assert db.count("coding") == 0


def test_a_quote_in_another_normal_form_is_found(project, db):
    text = "Frau Müller: Die Prüfung war schwer, café danach."  # NFC, as documents are stored
    import_documents(project, [ParsedDocument("NFC", text, "nfc.txt", "txt")])
    add_code(project, "Prüfung")
    quote = unicodedata.normalize("NFD", "Prüfung war schwer, café")
    assert quote != "Prüfung war schwer, café"
    changes = apply_code_to_quote(project, document="NFC", code="Prüfung", quote=quote)
    start, end = db.one('SELECT start, "end" FROM coding WHERE id = ?', changes.ids("coding")[0])
    assert text[start:end] == "Prüfung war schwer, café"


def test_find_quote_counts_overlapping_occurrences():
    assert find_quote("aaaa", "aa", 1) == (0, 2)
    assert find_quote("aaaa", "aa", 2) == (1, 3)
    assert find_quote("aaaa", "aa", 3) == (2, 4)


# --- update, remove ---------------------------------------------------------------------------------------------------


@pytest.fixture
def one_coding(project, coded):
    return apply_code(project, document="Workshop 1", code="Sprache", start=10, end=20, weight=10).ids("coding")[0]


def test_update_coding_changes_boundaries_weight_and_code(project, one_coding, db):
    changes = update_coding(project, one_coding, start=12)
    assert changes.updated == changes.updated[:1] and changes.ids("coding", of="updated") == [one_coding]
    assert coding_row(db, one_coding) == ("Workshop 1", "Sprache", 12, 20, "default", 10)
    update_coding(project, one_coding, end=30, weight=90)
    assert coding_row(db, one_coding) == ("Workshop 1", "Sprache", 12, 30, "default", 90)
    update_coding(project, one_coding, code="Sprache/Kurs")
    assert coding_row(db, one_coding) == ("Workshop 1", "Kurs", 12, 30, "default", 90)
    update_coding(project, one_coding, start=0, end=1, weight=0, code="Arbeit")
    assert coding_row(db, one_coding) == ("Workshop 1", "Arbeit", 0, 1, "default", 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"start": 20}, "start must be before end"),
        ({"end": 10_000}, "outside"),
        ({"start": -2}, "outside"),
        ({"weight": 101}, "between 0 and 100"),
        ({"start": 0, "weight": -5}, "between 0 and 100"),
        ({"start": 0, "code": "Zeit"}, "no code 'Zeit'"),
    ],
)
def test_update_coding_refusals_change_nothing(project, one_coding, db, change, message):
    before = db.dump()
    with pytest.raises(ServiceError, match=message):
        update_coding(project, one_coding, **change)
    assert db.dump() == before


def test_update_coding_does_not_create_a_duplicate(project, one_coding, db):
    other = apply_code(project, document="Workshop 1", code="Arbeit", start=10, end=20).ids("coding")[0]
    shifted = apply_code(project, document="Workshop 1", code="Sprache", start=10, end=21).ids("coding")[0]
    before = db.dump()
    with pytest.raises(ServiceError, match="already coded this passage"):
        update_coding(project, other, code="Sprache")  # re-assign onto an identical coding
    with pytest.raises(ServiceError, match="already coded this passage"):
        update_coding(project, shifted, end=20)  # move its boundary onto one
    assert db.dump() == before
    update_coding(project, one_coding, weight=50)  # an update of the coding itself is no clash


def test_unknown_coding(project, coded):
    for call in (lambda: update_coding(project, 999, weight=1), lambda: remove_coding(project, 999)):
        with pytest.raises(ServiceError, match="no coding 999"):
            call()


def test_remove_coding_takes_its_memo(project, one_coding, db):
    set_memo(project, "Wichtige Stelle", coding_id=one_coding)
    changes = remove_coding(project, one_coding)
    assert changes.deleted == changes.deleted[:1] and changes.ids("coding", of="deleted") == [one_coding]
    assert db.count("coding") == 0 and db.count("memo") == 0
    assert db.count("code") == 3 and db.count("document") == 1


def test_an_error_after_the_coding_was_written_leaves_the_file_as_it_was(project, coded, db, monkeypatch):
    before = db.dump()

    def weight_check_that_crashes(weight):
        raise RuntimeError("crash")

    monkeypatch.setattr(codings_service, "_check_weight", weight_check_that_crashes)  # after the coder was added
    with pytest.raises(RuntimeError):
        apply_code(project, document="Workshop 1", code="Arbeit", start=0, end=3, coder="Neu")
    assert db.dump() == before


# --- properties: positions survive the database --------------------------------------------------------------------

SCRIPT_PIECES = ["Sprache ", "ß", "é", "e\u0301", "😀", "👩‍👩‍👧", "🇩🇪", "مرحبا ", "\u200f", "हिन्दी", "文", "\n", "a", "𝄞"]
TEXT = unicodedata.normalize("NFC", "".join(SCRIPT_PIECES * 3))


@pytest.fixture
def scripts_project(project):
    import_documents(project, [ParsedDocument("Schriften", TEXT, "s.txt", "txt")])
    add_code(project, "Stelle")
    return project


@HYPOTHESIS
@given(data=st.data())
def test_any_valid_span_reads_back_the_same(scripts_project, data):
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, len(TEXT)))
    apply_code(scripts_project, document="Schriften", code="Stelle", start=start, end=end)
    with scripts_project.reading() as session:
        from sqlalchemy import select

        from app.models import Coding

        coding = session.scalars(select(Coding).where(Coding.start == start, Coding.end == end)).one()
        assert (coding.start, coding.end) == (start, end)
        assert coding.document.text[coding.start : coding.end] == TEXT[start:end]


@HYPOTHESIS
@given(data=st.data())
def test_coding_a_quote_finds_the_span_it_was_cut_from(scripts_project, data):
    start = data.draw(st.integers(0, len(TEXT) - 1))
    end = data.draw(st.integers(start + 1, min(len(TEXT), start + 12)))
    quote = TEXT[start:end]
    assume(unicodedata.is_normalized("NFC", quote))
    occurrence = sum(1 for at in range(start + 1) if TEXT.startswith(quote, at))
    changes = apply_code_to_quote(scripts_project, document="Schriften", code="Stelle", quote=quote,
                                  occurrence=occurrence)
    with scripts_project.reading() as session:
        from sqlalchemy import select

        from app.models import Coding

        coding = session.scalars(select(Coding).where(Coding.start == start, Coding.end == end)).one()
        assert not changes or changes.ids("coding") == [coding.id]
        assert coding.document.text[coding.start : coding.end] == quote
