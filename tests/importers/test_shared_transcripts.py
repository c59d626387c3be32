"""Real transcripts from other projects (../shared/data/transcripts, see SOURCES.md) through read_document.

The expected speakers are the ones a human reader of each file names; the files are read in place, never copied.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from app.importers import ParsedDocument, read_document
from app.models.speaker_names import speaker_key
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


pytestmark = needs_shared_data


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
    "de_bachelor_thesis_Student_M25_line-numbers_I-B_end-timestamps.pdf": {"i": 52, "b": 51},
    "de_haski_interview3_I-S5-S6.docx": {"i": 3, "s5": 9, "s6": 8},
    "de_landgraf_altenpflege_jekyll-bold-labels-IAL.md": {"interviewer": 38, "befragte": 38},
    "de_lecturer_R2-DESC_utf8-bom_GAT.txt": {"s01": 2, "s00": 2},
    # Each "mm:ss LABEL:" line is a turn of its own, also when the same label follows (the transcriber wrote it).
    "de_thgie_eQXH0W_mmss-nbsp-labels_speaker-legend.md": {"i": 49, "o1": 1, "p": 55, "o2": 11, "o3": 2},
    "en_hitsave_keitai-2025_whisper-json-segments_no-speakers.json": {},
    "en_ladybug_67-cryptography_otter-name-mmss.md": {"emma": 50, "kelly": 35, "ali": 33, "unknownspeaker": 4},
    "en_oral_history_interview_messy-layout.docx": {"hassan": 8, "abdrabou": 7},
    "en_pdpilot_userstudy_P6_numbered-paragraphs.pdf": {"dan": 50, "participant": 49},
    "en_qualcoder_test_file_specialchars.docx": {},
    "en_qualcoder_transcript_idN-labels.txt": {"id1": 3, "id2": 2, "id3": 2},
    # Consecutive cues of one speaker are one turn.
    "en_seenunseen_E05_whisper-pyannote_bracket-labels.vtt": {"amitvarma": 11, "unknown": 3, "guest": 8},
    "en_trans8.odt": {"researcher2": 1, "teacher4": 2, "multiplestudents": 1},
    "en_us_presidential_debate_2012-10-03.docx": {"lehrer": 46, "romney": 36, "obama": 27},
    "en_word_cp1252_trans7.rtf": {"researcher2": 1, "teacher4": 2, "multiplestudents": 1},
    # Consecutive blocks of one machine label (SPEAKER_nn) are one turn.
    "en_whisperx_Id_16_str_Speaker-Text-blocks.txt": {"speaker_01": 6, "speaker_00": 6},
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


def no_number_lines(text: str) -> bool:
    """No line of the text is only a number or a page count ("12", "3/5"): margin numbers and footers are gone."""
    return not any(re.fullmatch(r"\s*\d+(?:\s*/\s*\d+)?\s*", line) for line in text.split("\n"))


def test_pdf_with_paragraph_numbers_and_page_footers() -> None:
    doc = read("en_pdpilot_userstudy_P6_numbered-paragraphs.pdf")
    assert doc.source_format == "pdf"
    assert doc.speakers == ["Dan", "Participant"]
    assert doc.text.startswith("Interview\nDan: Okay, so now we will end wrap up")  # the heading is no turn
    assert no_number_lines(doc.text)
    said = texts(doc)
    # Wrapped lines are one paragraph again.
    assert said[0] == (
        "Okay, so now we will end wrap up with an interview. So you started you touched on this. A bit earlier during "
        "our meeting. But could you talk about what your current approach is in your work for using PDP or ICE plots. "
        "So I guess the first question would be. Do you use both PDP and ICE plots? I think earlier you said you just "
        "you just use PDPs, but if you want to expand then."
    )
    assert said[1].startswith("Yeah, yeah, the common approach") and "Like (unintelligible) if you" in said[1]
    # The line that Qt printed at the foot of one page and again at the top of the next is there once, and the
    # paragraph runs on over the page break.
    assert doc.text.count("pretty complicated and like, uh, like a Swiss knife") == 1
    assert doc.text.count("Right. Um, yeah, I think that's all good points.") == 1
    assert any("many, many great features. Uh, but, uh, you understand the, uh, value of them" in t for t in said)
    assert [(t.speaker, doc.turn_text(t)) for t in doc.turns[-2:]] == [
        ("Participant", "Yeah. Uh, have a great one."), ("Dan", "Thank you.")]


def test_pdf_with_line_numbers_cover_page_and_end_times() -> None:
    doc = read("de_bachelor_thesis_Student_M25_line-numbers_I-B_end-timestamps.pdf")
    assert doc.speakers == ["I", "B"]
    cover = doc.text[: doc.turns[0].start]
    for field in ("Kürzel: Student_M25", "Dauer der Aufnahme: 32:35", "Interviewer(in): Yannik Korzikowski",
                  "Transkribiert von: Yannik Korzikowski"):
        assert field in cover
    assert no_number_lines(doc.text)
    first, second = doc.turns[:2]
    # The "mm:ss" closing a turn is its end time (and the next turn's start), outside the words.
    assert doc.turn_text(first) == (
        "Auf dieser Folie sehen wir die Sieben-Tage-Inzidenz pro 100.000 Einwohner der letzten 14 Tage. Gewöhlich "
        "wird dieser Chart jeden Abend in der Tagesschau um 20 Uhr gezeigt. Welche Informationen kannst du dieser "
        "Darstellung entnehmen? Beschreibe mal was du siehst."
    )
    assert (first.end_ms, second.start_ms, second.end_ms) == (40_000, 40_000, 97_000)
    assert doc.turn_text(second).startswith("Ja, okay. Also ich kann sehen an der Überschrift")
    assert "Und das hier die 7-Tage Inzidenz abgebildet wird" in doc.turn_text(second)  # hyphen at a line end
    assert doc.turn_text(second).endswith("Das belegt.")
    said = {doc.turn_text(t): t for t in doc.turns}
    assert said["(...) So in Untersuchung sind oder? Oder was heißt das?"].end_ms == 19 * 60_000 + 24_000
    assert said["35% für 100 Tage?"].end_ms is None
    assert said["(...) Nicht im Moment. (lacht)"].end_ms == 32 * 60_000 + 29_000
    last = doc.turns[-1]
    assert (last.speaker, doc.turn_text(last)) == (
        "I", "Nochmals vielen Dank für das Interview! Ich beende nun die Audioaufnahme.")


def test_markdown_bold_labels_on_their_own_line() -> None:
    doc = read("de_landgraf_altenpflege_jekyll-bold-labels-IAL.md")
    assert doc.source_format == "md"
    assert doc.speakers == ["Interviewer", "Befragte"]
    # Front matter is not text; the heading is, outside the turns; no Markdown or kramdown markup is left.
    assert doc.text.startswith("Altenpflege Tagesgruppe – individuelle Pflege in der Regel ab 80 Jahren\n")
    assert doc.turns[0].start > len("Altenpflege Tagesgruppe")
    for markup in ("layout: default", "**", "{:", "---"):
        assert markup not in doc.text
    said = texts(doc)
    assert said[:2] == ["Hallo.", "Hallo."]
    assert said[2].startswith("Wir machen ja heute ein Interview und ich wollte dich mal in deiner Rolle")
    assert any("im [Norden einer Großstadt] so ein Gebiet" in t for t in said)
    assert any("dass wir […] nach Jahreszahlen" in t for t in said)
    assert [(t.speaker, doc.turn_text(t)) for t in doc.turns[-2:]] == [
        ("Interviewer", "Gut, dann vielen Dank."), ("Befragte", "Gerne.")]


def test_markdown_legend_and_timed_labels() -> None:
    doc = read("de_thgie_eQXH0W_mmss-nbsp-labels_speaker-legend.md")
    assert doc.speakers == ["I", "O1", "P", "O2", "O3"]
    head = doc.text[: doc.turns[0].start]
    # The heading and the legend that names the speakers come before the first turn and are not turns.
    assert head.startswith("Voice Assistant Basics")
    for entry in ("I: Interviewer", "P: Person eQXH0W", "O3: Person im Off 3, Partnerin des Partizipanden"):
        assert entry in head
    assert "**" not in doc.text and "](" not in doc.text and "%20" not in doc.text
    said = texts(doc)
    assert said[0].startswith("Ab jetzt nehmen wir auf.")
    assert all(t.start_ms is not None for t in doc.turns)  # every turn starts with its "mm:ss"
    assert [t.start_ms for t in doc.turns[:4]] == [0, 6_000, 9_000, 14_000]
    assert said[1] == "Schönen Abend.\nalle Anwesenden verabschieden sich von O1"  # a stage direction goes on
    assert any(t.endswith("Unterhaltungselektronik, come on zeigt ebenfalls auf Technik. "
                          "(what are consumer electronics)") for t in said)
    # Two timed labels in one Markdown paragraph (a hard line break between them) are two turns.
    rahel = said.index("Rahel.")
    assert doc.turns[rahel].start_ms == 10 * 60_000 + 27_000 and doc.turns[rahel].speaker == "P"
    assert said[rahel - 1].endswith("Wie heisst deine Partnerin?")
    assert (doc.turns[-1].speaker, said[-1], doc.turns[-1].start_ms) == ("I", "Gut, merci. That was it.", 1_023_000)


def test_otter_export_name_and_time_lines() -> None:
    doc = read("en_ladybug_67-cryptography_otter-name-mmss.md")
    assert doc.speakers == ["Emma", "Kelly", "Ali", "Unknown Speaker"]
    assert doc.text.startswith("Emma  0:00")
    said = texts(doc)
    assert said[0].startswith("cryptography is the method of protecting information")
    assert [(t.speaker, t.start_ms) for t in doc.turns[:3]] == [("Emma", 0), ("Kelly", 22_000), ("Ali", 24_000)]
    assert said[1] == "Welcome to the ladybug podcast. I'm Kelly."
    assert (doc.turns[-2].speaker, said[-2]) == ("Unknown Speaker", "Yeah, okay. Agreed")
    assert doc.turns[-1].start_ms == 34 * 60_000 + 25_000
    assert said[-1].endswith("And with that, hope y'all have a great day.")
    assert not any(re.search(r"\d:\d\d", t[:12]) for t in said)  # no time line inside a turn


def test_whisperx_speaker_and_text_blocks() -> None:
    doc = read("en_whisperx_Id_16_str_Speaker-Text-blocks.txt")
    assert doc.speakers == ["SPEAKER_01", "SPEAKER_00"]
    assert [t.speaker for t in doc.turns] == ["SPEAKER_01", "SPEAKER_00"] * 6
    assert doc.text.startswith("Speaker: SPEAKER_01\nText:  uh, your body")  # the file's own text
    said = texts(doc)
    assert said[0] == "uh, your body and the virtual visualization of your body."
    assert said[1:3] == ["Do you have a feeling that you were separated with the body?",
                         "Not at 100%, but somewhat, yes."]
    assert said[3].startswith("Somewhat, you feel like, OK, your body")
    assert said[3].endswith("Or you feel, like, more pleasant?")  # five blocks of SPEAKER_00, one turn
    assert "\nSpeaker: SPEAKER_00\nText: Yeah.\n" in said[3]  # the blocks between stay in the text
    assert said[4] == "It's more, let's say, weirdness."
    assert said[-1].startswith("It's kind of like separation sometimes.")
    assert said[-1].endswith("Thank you very much.")


def test_whisper_json_segments_without_speakers() -> None:
    doc = read("en_hitsave_keitai-2025_whisper-json-segments_no-speakers.json")
    assert doc.source_format == "json"
    assert doc.speakers == []
    # One timed paragraph per segment, so that the recording's times stay usable.
    assert len(doc.turns) == 762 and all(t.speaker is None for t in doc.turns)
    first, last = doc.turns[0], doc.turns[-1]
    assert doc.turn_text(first) == ("hello everyone and welcome to yet another hit save podcast this time we're "
                                    "doing a deep dive into the")
    assert (first.start_ms, first.end_ms) == (0, 7_680)
    assert (doc.turn_text(last), last.start_ms, last.end_ms) == ("see you next time bye bye", 5_431_120, 5_436_640)
    for field in ("segments", "avg_logprob", "50365", "{"):
        assert field not in doc.text
    assert len(doc.text.split()) == 14_492  # every word of the top-level "text", no more


def test_whisper_pyannote_vtt_bracket_labels() -> None:
    doc = read("en_seenunseen_E05_whisper-pyannote_bracket-labels.vtt")
    assert doc.speakers == ["Amit Varma", "Unknown", "Guest"]
    said = texts(doc)
    assert said[0].startswith("Welcome to the IBM Podcast Network. Imagine this. You are taking a leisurely walk")
    assert not any("[" in t and "]:" in t for t in said)  # no label left inside a turn
    assert (doc.turns[0].start_ms, doc.turns[0].end_ms) == (0, 79_800)
    assert doc.turns[1].speaker == "Unknown" and said[1].endswith("Please welcome your host, Amit Verma.")
    assert (doc.turns[-1].speaker, said[-1], doc.turns[-1].end_ms) == (
        "Unknown", "You can download it at Audioboom or iTunes.", 707_320)
