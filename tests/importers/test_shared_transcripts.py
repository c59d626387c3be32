"""Real transcripts from other projects (../shared/data/transcripts, see SOURCES.md) through read_document.

The expected speakers are the ones a human reader of each file names; the files are read in place, never copied.
"""

from __future__ import annotations

from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from app.importers import ParsedDocument, read_document
from app.models.speaker_names import speaker_key

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "transcripts"

pytestmark = pytest.mark.skipif(not DATA.is_dir(), reason="the shared test data folder is not there")


@cache
def read(file_name: str) -> ParsedDocument:
    return read_document(DATA / file_name)


def turn_counts(doc: ParsedDocument) -> dict[str, int]:
    """Turns per speaker, by speaker key: "Teacher4" and "Teacher 4" are the same, whatever a reader keeps."""
    return dict(Counter(speaker_key(t.speaker) for t in doc.turns if t.speaker is not None))


def texts(doc: ParsedDocument) -> list[str]:
    return [doc.turn_text(t) for t in doc.turns]


# file -> turns per speaker (speaker keys, in order of first appearance); every file in the folder is listed.
EXPECTED_TURNS = {
    "de_haski_interview3_I-S5-S6.docx": {"i": 3, "s5": 9, "s6": 8},
    "de_lecturer_R2-DESC_utf8-bom_GAT.txt": {"s01": 2, "s00": 2},
    "en_oral_history_interview_messy-layout.docx": {"hassan": 8, "abdrabou": 7},
    "en_qualcoder_test_file_specialchars.docx": {},
    "en_qualcoder_transcript_idN-labels.txt": {"id1": 3, "id2": 2, "id3": 2},
    "en_trans8.odt": {"researcher2": 1, "teacher4": 2, "multiplestudents": 1},
    "en_us_presidential_debate_2012-10-03.docx": {"lehrer": 46, "romney": 36, "obama": 27},
    "en_word_cp1252_trans7.rtf": {"researcher2": 1, "teacher4": 2, "multiplestudents": 1},
}


def test_every_shared_transcript_has_expectations() -> None:
    assert sorted(p.name for p in DATA.iterdir() if p.is_file()) == sorted(EXPECTED_TURNS)


@pytest.mark.parametrize("file_name", sorted(EXPECTED_TURNS))
def test_speakers_and_turn_counts(file_name: str) -> None:
    doc = read(file_name)
    counts = turn_counts(doc)
    assert counts == EXPECTED_TURNS[file_name]
    assert list(counts) == list(EXPECTED_TURNS[file_name])  # order of first appearance
    assert [speaker_key(name) for name in doc.speakers] == list(counts)


@pytest.mark.parametrize("file_name", sorted(EXPECTED_TURNS))
def test_spans_are_trimmed_ordered_and_inside_the_text(file_name: str) -> None:
    doc = read(file_name)
    assert doc.name == Path(file_name).stem and doc.source_name == file_name
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start < turn.end <= len(doc.text)
        assert doc.turn_text(turn) == doc.turn_text(turn).strip()
        previous_end = turn.end


def test_haski_interview_labels_header_and_continuation() -> None:
    doc = read("de_haski_interview3_I-S5-S6.docx")
    assert doc.speakers == ["I", "S5", "S6"]
    assert doc.text.startswith("Interview with S5 and S6")
    assert doc.turns[0].start > doc.text.index("(S = Student; I = Interviewer)")
    said = texts(doc)
    assert said[0] == "Gibt es konkrete Verbesserungen, die euch noch einfallen und ihr euch wünschen würdet?"
    # The unlabelled smoothed version after S5's first turn belongs to S5; a colon inside a turn is no label.
    assert said[1].endswith("aber dann war es immer noch nicht okay…")
    assert "\nBei der Freitextaufgabe sind wir lange hängen geblieben." in said[1]
    assert "Würde mir auch nicht reichen." in said
    assert any(t.startswith("Mir ist tatsächlich noch aufgefallen: die Musterlösung") for t in said)


def test_lecturer_interview_with_bom_and_gat_notation() -> None:
    doc = read("de_lecturer_R2-DESC_utf8-bom_GAT.txt")
    assert doc.speakers == ["S01", "S00"]
    assert doc.text.startswith("Interviewer = S01\nS01: Ja. (.) Genau")
    assert texts(doc)[1] == "So, Lea, bitte transkribieren, zieht eine Grimasse beim Wort Experte. (...)"
    assert texts(doc)[3].endswith("wie jetzt wirklich ein Pilotlehrender, der da ganz frisch ist. (.)")


def test_presidential_debate_upper_case_labels_and_crosstalk() -> None:
    doc = read("en_us_presidential_debate_2012-10-03.docx")
    assert doc.speakers == ["LEHRER", "ROMNEY", "OBAMA"]
    said = texts(doc)
    assert said[0] == ("We'll talk about -- specifically about health care in a moment. But what -- do you "
                       "support the voucher system, Governor?")
    assert said[2] == "And what about the vouchers?\n(CROSSTALK)"  # a stage direction continues the turn
    assert not any(t.startswith("(CROSSTALK)") for t in said)
    assert [(t.speaker, doc.turn_text(t)) for t in doc.turns].count(("OBAMA", "Absolutely.")) == 1
    assert said[-1].startswith("Thank you, Governor.\nThank you, Mr. President.\nThe next debate")
    assert said[-1].endswith("I'm Jim Lehrer. Thank you, and good night.")


def test_oral_history_cover_page_is_not_a_speaker() -> None:
    doc = read("en_oral_history_interview_messy-layout.docx")
    assert doc.speakers == ["Hassan", "Abd Rabou"]
    cover = doc.text[: doc.turns[0].start]
    for field in ("Interviewer: Yasmine Hassan", "Narrator: Ahmad Abd Rabou", "Date: 16/10/2014", "Prof.: Professor",
                  "Persons Present:"):
        assert field in cover
    said = texts(doc)
    assert said[0].startswith("Could you please tell me your name, your title, your age")
    assert said[0].endswith("umm, residence?")
    assert said[1].startswith("My name is Ahmad Abd Rabou.")  # the label had a leading space
    assert said[-2:] == ["Thank you. You are welcome.", "Thank you."]


def test_qualcoder_id_labels() -> None:
    doc = read("en_qualcoder_transcript_idN-labels.txt")
    assert doc.speakers == ["id1", "id2", "id3"]
    assert [t.speaker for t in doc.turns] == ["id1", "id2", "id3", "id1", "id3", "id1", "id2"]
    assert texts(doc)[0] == ("hello, I like the course. It really helped me with understanding world's history and "
                             "gave me an insight into how did people cope with the complexities of life in the past.")
    assert texts(doc)[-1] == "Hmm, I will ask the tutor for more help as I am really struggling."
    assert doc.text.startswith("[id1] hello")


@pytest.mark.parametrize("file_name", ["en_trans8.odt", "en_word_cp1252_trans7.rtf"])
def test_textreadr_transcripts_in_odt_and_rtf(file_name: str) -> None:
    doc = read(file_name)
    said = texts(doc)
    assert said[0] == "October 7, 1892."
    assert said[1].startswith("Students it’s time to learn.")  # "Teacher4:Students": no space after the label
    assert said[1].endswith("[Student discussion; unintelligible]")
    assert said[2] == "Yes teacher we‘re ready to learn."
    assert said[3].startswith("Let's read this terrific book together.")
    assert said[3].endswith("What do you say? ”")


def test_special_characters_file_has_no_speakers() -> None:
    doc = read("en_qualcoder_test_file_specialchars.docx")
    assert doc.turns == ()
    assert "Αυτή είναι μια δοκιμή." in doc.text
    assert "And here is an ellipsis: …" in doc.text  # a colon in a sentence is not a label
