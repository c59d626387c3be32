"""Auto-coding: units cover exactly the right spans, one transaction, and taking it back leaves the project as it
was; code keywords and suggestions."""

from __future__ import annotations

import pytest

from app.analysis.autocoding import autocode, preview_autocode, suggest
from app.analysis.text_index import load_indexes
from app.models import Project
from app.services import (
    ServiceError,
    add_code,
    apply_code_to_quote,
    code_passages,
    remove_codings,
    set_code_keywords,
)
from app.services.text_settings import code_keywords


# The workshops `german` and `bilingual` come from tests/fixtures/texts.py.


@pytest.fixture
def coded(german: Project) -> Project:
    add_code(german, "Sprache")
    return german


def _texts(passages):
    return [p.text for p in passages]


def test_units_cover_the_match_the_sentence_or_the_turn(coded):
    assert _texts(preview_autocode(coded, "Sprachkurs", mode="lemma", unit="match")) == [
        "Sprachkurs", "Sprachkurse", "Sprachkursen"]
    assert _texts(preview_autocode(coded, "Sprachkurs", mode="lemma", unit="sentence")) == [
        "Der Sprachkurs ist das Wichtigste.", "Viele Sprachkurse sind voll.", "In den Sprachkursen lernen sie viel."]
    turns = preview_autocode(coded, "Sprachkurs", mode="lemma", unit="turn")
    assert _texts(turns) == ["Der Sprachkurs ist das Wichtigste. Viele Sprachkurse sind voll.",
                             "In den Sprachkursen lernen sie viel. Aber die Deutschkenntnisse reichen nicht."]
    assert [p.hits for p in turns] == [2, 1]


def test_spans_are_exact_positions(coded, db):
    passages = preview_autocode(coded, "Deutschkenntnisse", mode="lemma", unit="sentence")
    text = db.value("SELECT text FROM document")
    assert [text[p.start:p.end] for p in passages] == _texts(passages) == [
        "Aber die Deutschkenntnisse reichen nicht.", "Mit guten Deutschkenntnissen klappt die Anerkennung schneller."]


def test_the_preview_writes_nothing(coded, db, dump):
    load_indexes(coded)
    before = dump(coded.path)
    preview_autocode(coded, "Sprachkurs", mode="lemma", unit="turn", code="Sprache")
    assert dump(coded.path) == before


def test_autocoding_then_taking_it_back_leaves_the_project_as_before(coded, db, dump):
    load_indexes(coded)
    before = dump(coded.path)
    changes = autocode(coded, "Sprachkurs", code="Sprache", mode="lemma", unit="sentence", coder="Lena")
    assert len(changes.ids("coding")) == 3 == db.count("coding")
    assert db.rows('SELECT start, "end" FROM coding ORDER BY start') == [
        (p.start, p.end) for p in preview_autocode(coded, "Sprachkurs", mode="lemma", unit="sentence")]
    remove_codings(coded, changes.ids("coding"))
    after = dump(coded.path)
    assert {t: rows for t, rows in after.items() if t != "coder"} == {t: rows for t, rows in before.items() if t != "coder"}


def test_autocoding_twice_adds_nothing_and_the_preview_says_coded(coded, db):
    autocode(coded, "Sprachkurs", code="Sprache", mode="lemma")
    assert autocode(coded, "Sprachkurs", code="Sprache", mode="lemma").created == []
    assert all(p.coded for p in preview_autocode(coded, "Sprachkurs", mode="lemma", code="Sprache"))
    assert db.count("coding") == 3


def test_one_bad_passage_refuses_the_whole_step(coded, db):
    with pytest.raises(ServiceError, match="outside"):
        code_passages(coded, [(1, 0, 5), (1, 10, 100_000)], code="Sprache")
    assert db.count("coding") == 0


def test_keywords_and_suggestions(coded):
    set_code_keywords(coded, "Sprache", [("Sprachkurs", "lemma"), ("Deutschkenntnisse", "lemma")])
    assert code_keywords(coded, "Sprache") == [("Sprachkurs", "lemma"), ("Deutschkenntnisse", "lemma")]
    apply_code_to_quote(coded, document="Gruppe 1", code="Sprache", quote="Viele Sprachkurse sind voll.")
    suggested = _texts(suggest(coded, "Sprache"))
    assert "Viele Sprachkurse sind voll." not in suggested
    assert suggested == ["Der Sprachkurs ist das Wichtigste.", "In den Sprachkursen lernen sie viel.",
                         "Aber die Deutschkenntnisse reichen nicht.",
                         "Mit guten Deutschkenntnissen klappt die Anerkennung schneller."]
    with pytest.raises(ServiceError, match="Unknown search mode"):
        set_code_keywords(coded, "Sprache", [("x", "fuzzy")])
