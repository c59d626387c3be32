"""Word frequencies: stop words never show, the project's own stop list, groupings by speaker, attribute, code."""

from __future__ import annotations

import pytest

from app.analysis.language import pipeline
from app.analysis.word_frequencies import stop_words, word_frequencies
from app.services import add_code, apply_code_to_quote, set_attribute, set_stop_words


# The workshops `german` and `bilingual` come from tests/fixtures/texts.py.


def _counts(rows):
    return {(row.group, row.word): row.count for row in rows}


@pytest.mark.parametrize("lemma", [False, True])
@pytest.mark.parametrize("by", ["project", "document", "speaker", "code"])
def test_stop_words_never_show(bilingual, by, lemma):
    add_code(bilingual, "Sprache")
    apply_code_to_quote(bilingual, document="Gruppe 1", code="Sprache", quote="Der Sprachkurs ist das Wichtigste.")
    listed = {w.casefold() for lang in ("de", "en") for w in pipeline(lang).nlp.Defaults.stop_words}
    rows = word_frequencies(bilingual, by=by, lemma=lemma)
    assert rows
    assert not [row.word for row in rows if row.word.casefold() in listed]


def test_lemmas_count_every_inflection_together(german):
    counts = _counts(word_frequencies(german, lemma=True))
    assert counts[(None, "Sprachkurs")] == 3
    assert counts[(None, "Deutschkenntnis")] == 2
    forms = _counts(word_frequencies(german))
    assert forms[(None, "Sprachkurse")] == 1


def test_the_projects_own_stop_list(german):
    set_stop_words(german, "de", ["Sprachkurs", "Sprachkurse", "Sprachkursen"])
    assert stop_words(german, "de") == {"sprachkurs", "sprachkurse", "sprachkursen"}
    words = {row.word for row in word_frequencies(german)}
    assert not {"Sprachkurs", "Sprachkurse", "Sprachkursen"} & words
    assert "die" in words  # the own list replaces spaCy's
    set_stop_words(german, "de", None)
    assert "die" not in {row.word for row in word_frequencies(german)}


def test_by_speaker_attribute_and_code(german):
    set_attribute(german, speaker="Frau Berger", name="Institution", value="Jobcenter")
    set_attribute(german, speaker="Herr Okafor", name="Institution", value="IHK")
    counts = _counts(word_frequencies(german, by="attribute", attribute="Institution", lemma=True))
    assert counts[("Jobcenter", "Sprachkurs")] == 2 and counts[("IHK", "Sprachkurs")] == 1
    speakers = _counts(word_frequencies(german, by="speaker", lemma=True))
    assert speakers[("Herr Okafor", "Deutschkenntnis")] == 1
    add_code(german, "Sprache")
    apply_code_to_quote(german, document="Gruppe 1", code="Sprache", quote="Viele Sprachkurse sind voll.")
    assert _counts(word_frequencies(german, by="code")) == {("Sprache", "Sprachkurse"): 1, ("Sprache", "voll"): 1}


def test_limit_keeps_the_most_frequent_per_group(german):
    rows = word_frequencies(german, by="speaker", lemma=True, limit=1)
    assert [(row.group, row.word) for row in rows][:2] == [("Frau Berger", "Sprachkurs"), ("Herr Okafor", "Aber")]         or len(rows) == len({row.group for row in rows})


def test_export_word_tables(german, tmp_path):
    from openpyxl import load_workbook

    from app.export.word_tables import word_frequency_table, write_table

    rows = word_frequencies(german, by="speaker", lemma=True)
    path = write_table(word_frequency_table(rows, by="speaker", lemma=True), tmp_path / "words.xlsx")
    sheet = load_workbook(path).active
    values = list(sheet.values)
    assert values[0] == ("Speaker", "Lemma", "Count")
    assert ("Frau Berger", "Sprachkurs", 2) in values
    csv_path = write_table(word_frequency_table(rows, by="speaker"), tmp_path / "words.csv")
    assert csv_path.read_text(encoding="utf-8-sig").splitlines()[0] == "Speaker;Word;Count"
