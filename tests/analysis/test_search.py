"""Search: lemmas find every inflection (German compounds, English), phrases, wildcards, regular expressions,
filters, and keyword-in-context lines."""

from __future__ import annotations

import pytest

from app.analysis.search import Filters, search
from app.services import ServiceError, add_code, apply_code_to_quote, set_attribute


# The workshops `german` and `bilingual` come from tests/fixtures/texts.py.


def _texts(hits):
    return [hit.text for hit in hits]


@pytest.mark.parametrize("query", ["Sprachkurs", "Sprachkurse", "sprachkursen"])
def test_a_lemma_search_finds_every_inflection_of_a_compound(german, query):
    assert _texts(search(german, query, mode="lemma")) == ["Sprachkurs", "Sprachkurse", "Sprachkursen"]


def test_deutschkenntnisse_in_every_inflection(german):
    assert _texts(search(german, "Deutschkenntnis", mode="lemma")) == ["Deutschkenntnisse", "Deutschkenntnissen"]


def test_anerkennungsverfahren_is_no_hit_for_anerkennung(german):
    assert _texts(search(german, "Anerkennung", mode="lemma")) == ["Anerkennung"]
    assert _texts(search(german, "Anerkennungsverfahren", mode="lemma")) == ["Anerkennungsverfahren"]


def test_english_lemmas(bilingual):
    assert _texts(search(bilingual, "course", mode="lemma")) == ["courses", "course"]
    assert _texts(search(bilingual, "help", mode="lemma", filters=Filters(documents=["Group 2"]))) == [
        "helps", "helped", "helping"]
    assert _texts(search(bilingual, "child", mode="lemma")) == ["Children"]


def test_a_word_search_finds_that_form_only_in_any_case(german):
    assert _texts(search(german, "sprachkurse")) == ["Sprachkurse"]


def test_phrases_by_form_and_by_lemma(bilingual):
    assert _texts(search(bilingual, "language course")) == ["language course"]
    assert _texts(search(bilingual, "language course", mode="lemma")) == ["language courses", "language course"]
    assert _texts(search(bilingual, "die Ausbildung", mode="phrase")) == ["die Ausbildung"]


def test_wildcards_and_regular_expressions(german):
    assert _texts(search(german, "Sprach*", mode="wildcard")) == ["Sprachkurs", "Sprachkurse", "Sprachkursen"]
    assert _texts(search(german, "Deutschkenntniss?", mode="wildcard")) == ["Deutschkenntnisse"]
    assert _texts(search(german, r"anerkennung\w*", mode="regex")) == ["Anerkennung", "Anerkennungsverfahren"]
    assert _texts(search(german, r"dauert \w+ monate", mode="regex")) == ["dauert trotzdem Monate"]


def test_hits_are_only_in_what_speakers_said(german):
    assert search(german, "Okafor", mode="regex") == []


def test_filters(german):
    add_code(german, "Sprache")
    apply_code_to_quote(german, document="Gruppe 1", code="Sprache", quote="In den Sprachkursen lernen sie viel.")
    set_attribute(german, speaker="Frau Berger", name="Institution", value="Jobcenter")
    by_speaker = search(german, "Sprachkurs", mode="lemma", filters=Filters(speakers=["Herr Okafor"]))
    assert [(h.text, h.speaker) for h in by_speaker] == [("Sprachkursen", "Herr Okafor")]
    by_attribute = search(german, "Sprachkurs", mode="lemma", filters=Filters(attribute=("Institution", "jobcenter")))
    assert _texts(by_attribute) == ["Sprachkurs", "Sprachkurse"]
    assert _texts(search(german, "Sprachkurs", mode="lemma", filters=Filters(codes=["Sprache"]))) == ["Sprachkursen"]
    with pytest.raises(ServiceError, match="no document"):
        search(german, "x", filters=Filters(documents=["Nope"]))


def test_keyword_in_context(german):
    hit = search(german, "Sprachkursen")[0]
    assert (hit.document, hit.speaker) == ("Gruppe 1", "Herr Okafor")
    assert "voll. Herr Okafor: In den [Sprachkursen] lernen sie viel. Aber" in hit.line()  # one line
    assert hit.as_json() == {"document": "Gruppe 1", "start": hit.start, "end": hit.end, "text": "Sprachkursen",
                             "speaker": "Herr Okafor"}


def test_bad_searches_say_why(german):
    with pytest.raises(ServiceError, match="not a valid regular expression"):
        search(german, "(", mode="regex")
    with pytest.raises(ServiceError, match="empty"):
        search(german, "  ")


@pytest.mark.parametrize(("query", "mode"), [("Sprachkurs", "lemma"), ("Sprach*", "wildcard"), ("Sprachkurse", "word")])
def test_a_read_only_project_without_an_index_is_searched_in_memory(project, make_document, opened, db, query, mode):
    from app.models import open_project
    from app.services import import_documents
    from tests.fixtures.texts import GERMAN_TURNS

    import_documents(project, [make_document("Gruppe 1", GERMAN_TURNS)])
    project.close()
    read_only = opened(open_project(project.path, read_only=True))
    expected = {"lemma": ["Sprachkurs", "Sprachkurse", "Sprachkursen"], "word": ["Sprachkurse"]}
    assert _texts(search(read_only, query, mode=mode)) == expected.get(mode, expected["lemma"])
    assert db.count("text_index") == 0 and db.count("term") == 0  # nothing written
