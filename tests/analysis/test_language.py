"""Pipeline choice, language detection and lemmas, German compounds above all."""

from __future__ import annotations

import pytest
import spacy

from app.analysis.language import detect_language, normalise_language, pipeline, trained_pipeline_name


@pytest.fixture(scope="module")
def german():
    return pipeline("de").lemmatiser


@pytest.mark.parametrize("word", ["Sprachkurs", "Sprachkurse", "Sprachkursen", "Sprachkurses", "sprachkursen"])
def test_every_inflection_of_a_compound_has_one_lemma(german, word):
    assert german.lemma(word).casefold() == "sprachkurs"


@pytest.mark.parametrize("word", ["Deutschkenntnisse", "Deutschkenntnissen"])
def test_deutschkenntnisse(german, word):
    assert german.lemma(word).casefold() == "deutschkenntnis"


def test_a_compound_keeps_its_head(german):
    assert german.lemma("Anerkennungsverfahren").casefold() != german.lemma("Anerkennung").casefold()
    assert german.lemma("Ausbildungsplätze") == "Ausbildungsplatz"


def test_regular_endings_beat_a_part_found_by_chance(german):
    assert german.lemma("Arbeitgeberinnen") == german.lemma("Arbeitgeberin") == "Arbeitgeberin"


def test_known_words_and_hyphens(german):
    assert german.lemma("Kurse") == "Kurs"
    assert german.lemma("Sprachkurs-Teilnehmerinnen").casefold() == "sprachkurs-teilnehmerin"


def test_english_lemmas():
    english = pipeline("en").lemmatiser
    assert english.lemma("courses") == "course"
    assert english.lemma("Courses") == "course"
    assert english.lemma("decision-makers") == "decision-maker"


def test_a_lower_case_search_word_is_read_as_noun_and_as_itself(german):
    assert "kurs" in german.query_lemmas("kurse")


def test_without_an_installed_model_the_blank_pipeline_reads_sentences():
    chosen = pipeline("de")
    if trained_pipeline_name("de") is None:
        assert chosen.name.startswith("blank de + lookups")
        assert chosen.nlp.pipe_names == ["sentencizer"]  # lemmas: Lemmatiser, from the same lookup table
    doc = chosen.nlp("Das ist gut. Das auch!")
    assert [sentence.text for sentence in doc.sents] == ["Das ist gut.", "Das auch!"]
    assert pipeline("de") is chosen  # loaded once


def test_a_trained_pipeline_is_used_only_when_installed(monkeypatch):
    monkeypatch.setattr(spacy.util, "is_package", lambda name: name == "de_core_news_sm")
    assert trained_pipeline_name("de") == "de_core_news_sm"
    assert trained_pipeline_name("en") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Der Sprachkurs ist das A und O, und wir brauchen mehr davon.", "de"),
        ("The language course is what matters, and we need more of it.", "en"),
        ("12:30 — 14:00", "de"),
        ("Grüße aus Köln", "de"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_an_undecided_text_gets_the_default():
    assert detect_language("12345", default="en") == "en"


def test_normalise_language():
    assert normalise_language("de-DE") == "de"
    assert normalise_language("fr") == "de"
    assert normalise_language(None, default="en") == "en"
