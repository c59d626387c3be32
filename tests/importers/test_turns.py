"""Speaker turns from paragraphs: the label conventions, what is not a label, spans and times."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers.base import Block, ParsedDocument, ReaderError
from app.importers.turns import parse_turns


def parse(*paragraphs: str | Block, speakers: str = "auto") -> ParsedDocument:
    blocks = [p if isinstance(p, Block) else Block(p) for p in paragraphs]
    return parse_turns(blocks, name="doc", source_name="doc.txt", source_format="txt", speakers=speakers)


def said(doc: ParsedDocument) -> list[tuple[str | None, str]]:
    return [(turn.speaker, doc.turn_text(turn)) for turn in doc.turns]


def times(doc: ParsedDocument) -> list[tuple[int | None, int | None]]:
    return [(turn.start_ms, turn.end_ms) for turn in doc.turns]


def assert_well_formed(doc: ParsedDocument) -> None:
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start < turn.end <= len(doc.text)
        words = doc.text[turn.start : turn.end]
        assert words == words.strip()
        previous_end = turn.end


# --- "Name:" labels ---------------------------------------------------------------------------------------


def test_text_is_the_paragraphs_joined_and_spans_cover_the_words_only() -> None:
    doc = parse("Moderatorin: Was hat geholfen?", "Anna Weber:   Die Sprachkurse.  ", "Moderatorin: Danke.")
    assert doc.text == "Moderatorin: Was hat geholfen?\nAnna Weber:   Die Sprachkurse.  \nModeratorin: Danke."
    assert said(doc) == [("Moderatorin", "Was hat geholfen?"), ("Anna Weber", "Die Sprachkurse."),
                         ("Moderatorin", "Danke.")]
    assert doc.turns[1].start == doc.text.index("Die Sprachkurse")
    assert doc.speakers == ["Moderatorin", "Anna Weber"]


def test_names_with_titles_hyphens_umlauts_and_institution() -> None:
    doc = parse(
        "Dr. Anna Weber (IHK): Die Anerkennung dauert zu lange.",
        "Hans-Jürgen Özdemir: Bei uns im Betrieb nicht.",
        "Frau von der Leyen-Schmidt (Jobcenter): Wir beraten früher.",
        "Dr. Anna Weber (IHK): Das freut mich.",
    )
    assert doc.speakers == ["Dr. Anna Weber (IHK)", "Hans-Jürgen Özdemir", "Frau von der Leyen-Schmidt (Jobcenter)"]
    assert said(doc)[2] == ("Frau von der Leyen-Schmidt (Jobcenter)", "Wir beraten früher.")
    assert len(doc.turns) == 4


def test_non_breaking_space_no_space_after_colon_and_leading_spaces() -> None:
    doc = parse("Dr.\u00a0Weber: Erstens.", "Teacher4:Students it's time.", "   Hassan:      Could you?",
                "Dr. Weber: Zweitens.")
    assert said(doc) == [("Dr. Weber", "Erstens."), ("Teacher4", "Students it's time."), ("Hassan", "Could you?"),
                         ("Dr. Weber", "Zweitens.")]
    assert doc.text.startswith("Dr.\u00a0Weber: ")  # the text keeps what the transcriber typed


def test_spellings_of_one_speaker_are_one_speaker_shown_as_first_met() -> None:
    doc = parse("Interviewer 1: Erste Frage?", "B: Antwort.", "Interviewer1: Zweite Frage?", "INTERVIEWER 1: Dritte?",
                "B: Noch eine Antwort.")
    assert doc.speakers == ["Interviewer 1", "B"]
    assert [speaker for speaker, _ in said(doc)] == ["Interviewer 1", "B", "Interviewer 1", "Interviewer 1", "B"]


def test_codes_and_short_dialogues_without_recurrence() -> None:
    assert said(parse("A: Hallo.", "B: Hallo zurück.")) == [("A", "Hallo."), ("B", "Hallo zurück.")]
    doc = parse("I: Frage?", "B1: Antwort.", "IP2: Auch.", "S00: Ja.", "SPEAKER_01: Nein.")
    assert doc.speakers == ["I", "B1", "IP2", "S00", "SPEAKER_01"]


def test_bracketed_label_with_colon_loses_its_brackets() -> None:
    doc = parse("[Moderator]: Willkommen.", "[Anna]: Danke.", "[Moderator]: Gern.")
    assert said(doc) == [("Moderator", "Willkommen."), ("Anna", "Danke."), ("Moderator", "Gern.")]


def test_lower_case_labels_count_only_when_they_recur() -> None:
    doc = parse("interviewer: one?", "respondent: yes", "interviewer: two?", "respondent: no", "interviewer: three?",
                "respondent: maybe")
    assert doc.speakers == ["interviewer", "respondent"]
    assert len(doc.turns) == 6


# --- continuation, headers, no labels ----------------------------------------------------------------------


def test_unlabelled_paragraphs_and_stage_directions_continue_the_turn() -> None:
    doc = parse("LEHRER: And what about the vouchers?", "(CROSSTALK)", "ROMNEY: So that's number one.",
                "Number two is for people coming along.", "   ", "LEHRER: All right.")
    assert said(doc) == [
        ("LEHRER", "And what about the vouchers?\n(CROSSTALK)"),
        ("ROMNEY", "So that's number one.\nNumber two is for people coming along."),
        ("LEHRER", "All right."),
    ]


def test_header_lines_before_the_first_label_belong_to_no_turn() -> None:
    doc = parse("Fokusgruppe Integration, 12.03.2024", "(M = Moderatorin)", "M: Willkommen.", "B1: Danke.",
                "M: Los geht's.")
    assert doc.turns[0].start == doc.text.index("Willkommen")
    assert said(doc)[0] == ("M", "Willkommen.")
    assert len(doc.turns) == 3


def test_cover_page_fields_are_not_speakers() -> None:
    doc = parse(
        "Interview Transcript",
        "Interviewer: Yasmine Hassan",
        "Narrator: Ahmad Abd Rabou",
        "Date: 16/10/2014",
        "Persons Present:     Yasmine Hassan - I",
        "Hassan:    Could you please tell me your name?",
        " Abd Rabou:   My name is Ahmad Abd Rabou.",
        "Hassan: Thank you.",
        "Abd Rabou: You are welcome.",
    )
    assert doc.speakers == ["Hassan", "Abd Rabou"]
    assert said(doc)[0] == ("Hassan", "Could you please tell me your name?")
    assert doc.turns[0].start > doc.text.index("Persons Present")


def test_cover_page_field_named_like_a_speaker() -> None:
    doc = parse(
        "Fokusgruppe „Integration in Ausbildung“",
        "Datum: 12.03.2024",
        "Ort: IHK Musterstadt",
        "Moderation: Dr. Lisa Brandt",
        "Teilnehmende: Anna Weber (IHK), Ben Krause (Jobcenter)",
        "Moderation: Herzlich willkommen.",
        "Anna Weber (IHK): Danke. Aus Sicht der Kammer: die Anerkennung dauert zu lange.",
        "Ben Krause (Jobcenter): Das sehe ich auch so.",
        "Moderation: Was hilft konkret?",
        "Anna Weber (IHK): Mentoring.",
        "Ben Krause (Jobcenter): Ganz ehrlich: ohne Mentoring geht es nicht.",
    )
    assert doc.speakers == ["Moderation", "Anna Weber (IHK)", "Ben Krause (Jobcenter)"]
    assert said(doc)[0] == ("Moderation", "Herzlich willkommen.")
    assert said(doc)[1] == ("Anna Weber (IHK)", "Danke. Aus Sicht der Kammer: die Anerkennung dauert zu lange.")
    assert len(doc.turns) == 6


def test_one_label_before_the_dialogue_is_a_speaker() -> None:
    doc = parse("Researcher 2: October 7, 1892.", "Teacher 4: Students, it's time to learn.",
                "[Student discussion; unintelligible]", "Multiple Students: Yes teacher.", "Teacher 4: Let's read.")
    assert said(doc) == [
        ("Researcher 2", "October 7, 1892."),
        ("Teacher 4", "Students, it's time to learn.\n[Student discussion; unintelligible]"),
        ("Multiple Students", "Yes teacher."),
        ("Teacher 4", "Let's read."),
    ]


def test_document_without_labels_has_no_turns() -> None:
    doc = parse("This is a test.", "And here are some special characters: ‘quotes’", "And here is an ellipsis: …")
    assert doc.turns == ()
    assert doc.text == "This is a test.\nAnd here are some special characters: ‘quotes’\nAnd here is an ellipsis: …"


def test_a_label_with_its_words_in_the_next_paragraph() -> None:
    doc = parse("Anna:", "Ich fange an.", "Ben: Gut.", "Anna:", "Ben:  ", "Anna: Ende.")
    assert said(doc) == [("Anna", "Ich fange an."), ("Ben", "Gut."), ("Anna", "Ende.")]


# --- what is not a label -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Wichtig ist: wir brauchen mehr Sprachkurse.",
        "Note: this was said off the record.",
        "Um 10:30 ging es los.",
        "10:30 Uhr: Pause.",
        "https://www.example.org: die Seite des Projekts.",
        "Mir ist tatsächlich noch aufgefallen: die Musterlösung fehlt.",
        "Die Lösung: mehr Zeit.",
        "Gute Frage: was heißt das?",
        "Fazit: es hat sich gelohnt.",
        "So the question is: does anybody think that?",
        "Ratio 3:2 was fine.",
        "He said, Anna: no.",
        "C:\\Users\\anna is the folder.",
    ],
)
def test_sentences_with_a_colon_inside_a_turn_stay_words(sentence: str) -> None:
    doc = parse("I: Was war wichtig?", "B: Vieles.", sentence, "I: Danke.", "B: Gern.")
    assert doc.speakers == ["I", "B"]
    assert said(doc)[1] == ("B", f"Vieles.\n{sentence}")


def test_a_once_seen_name_is_prose_where_every_speaker_is_an_upper_case_code() -> None:
    doc = parse("LEHRER: Governor?", "ROMNEY: Yes.", "Governor Romney: that was the claim.", "OBAMA: No.",
                "LEHRER: Thanks.", "OBAMA: Sure.", "ROMNEY: Fine.")
    assert doc.speakers == ["LEHRER", "ROMNEY", "OBAMA"]
    assert said(doc)[1] == ("ROMNEY", "Yes.\nGovernor Romney: that was the claim.")


def test_a_once_seen_name_among_named_speakers_is_a_speaker() -> None:
    doc = parse("Moderatorin: Frage?", "Anna Weber: Ja.", "Moderatorin: Weiter?", "Anna Weber: Nein.",
                "Ben Krause: Ich noch.", "Moderatorin: Danke.")
    assert doc.speakers == ["Moderatorin", "Anna Weber", "Ben Krause"]


def test_a_once_seen_label_followed_by_lower_case_is_a_sentence_going_on() -> None:
    doc = parse("Moderatorin: Frage?", "Anna Weber: Ja.", "Konkret: wir brauchen mehr Zeit.", "Moderatorin: Gut.",
                "Anna Weber: Genau.")
    assert doc.speakers == ["Moderatorin", "Anna Weber"]
    assert said(doc)[1] == ("Anna Weber", "Ja.\nKonkret: wir brauchen mehr Zeit.")


def test_a_numbered_label_seen_once_is_a_speaker_even_before_lower_case() -> None:
    doc = parse("I: Was hat geholfen?", "B1: Die Kurse.", "I: Und sonst?", "B1: Nichts.", "B3: ähm ja, die Kurse.",
                "Runde 2: Maßnahmen priorisieren", "I: Danke.")
    assert doc.speakers == ["I", "B1", "B3"]
    assert said(doc)[4] == ("B3", "ähm ja, die Kurse.\nRunde 2: Maßnahmen priorisieren")


def test_a_single_remark_alone_is_not_a_speaker() -> None:
    assert parse("Fazit: Sprachkurse helfen.", "Mehr dazu später.").turns == ()
    assert parse("Wichtig ist: alle waren da.").turns == ()


# --- time marks --------------------------------------------------------------------------------------------


def test_f4_marks_end_the_turn_and_start_the_next() -> None:
    doc = parse("I: Wie war der Kurs? #00:00:05-2#", "B: Gut, wirklich. #00:00:17-9#", "I: Und dann?  #00:01:02-0# ")
    assert said(doc) == [("I", "Wie war der Kurs?"), ("B", "Gut, wirklich."), ("I", "Und dann?")]
    assert times(doc) == [(None, 5200), (5200, 17900), (17900, 62000)]
    assert doc.text.endswith("#00:01:02-0# ")


def test_f4_mark_on_the_last_paragraph_of_a_longer_turn() -> None:
    doc = parse("I: Frage? #00:00:04-0#", "B1: Erstens.", "Zweitens. #00:00:20-5#", "I: Gut.")
    assert said(doc) == [("I", "Frage?"), ("B1", "Erstens.\nZweitens."), ("I", "Gut.")]
    assert times(doc) == [(None, 4000), (4000, 20500), (20500, None)]


@pytest.mark.parametrize(
    ("line", "ms"),
    [
        ("[00:01:22] Anna: Hallo.", 82000),
        ("(00:01:22) Anna: Hallo.", 82000),
        ("00:01:22 Anna: Hallo.", 82000),
        ("[01:22] Anna: Hallo.", 82000),
        ("[1:00:01.5] Anna: Hallo.", 3601500),
        ("#00:01:22-6# Anna: Hallo.", 82600),
        ("Anna (00:01:22): Hallo.", 82000),
        ("Anna [00:01:22] Hallo.", None),  # a time after the name needs a colon, or the line to itself
        ("Anna: [00:01:22] Hallo.", 82000),
    ],
)
def test_time_marks_by_the_label_give_the_start(line: str, ms: int | None) -> None:
    doc = parse(line, "[00:02:00] Ben: Tschüss.")
    if ms is None:
        assert said(doc) == [("Ben", "Tschüss.")]
    else:
        assert said(doc) == [("Anna", "Hallo."), ("Ben", "Tschüss.")]
        assert times(doc) == [(ms, None), (120000, None)]


def test_name_and_time_on_their_own_line() -> None:
    doc = parse("Anna Weber [00:00:03]", "Guten Morgen.", "Ben Krause (00:00:10)", "Hallo.")
    assert said(doc) == [("Anna Weber", "Guten Morgen."), ("Ben Krause", "Hallo.")]
    assert times(doc) == [(3000, None), (10000, None)]


def test_speech_recognition_segments_of_one_speaker_merge() -> None:
    doc = parse(
        "[00:00:01.000 --> 00:00:04.000] SPEAKER_00: Guten Morgen.",
        "[00:00:04.500 --> 00:00:06.000] SPEAKER_00: Wir beginnen.",
        "[00:00:06.000 --> 00:00:08.000] SPEAKER_01: Gern.",
        "[00:00:08.000 --> 00:00:09.000] SPEAKER_00: Gut.",
    )
    assert doc.speakers == ["SPEAKER_00", "SPEAKER_01"]
    first = doc.turn_text(doc.turns[0])
    assert first.startswith("Guten Morgen.") and first.endswith("Wir beginnen.")
    assert times(doc) == [(1000, 6000), (6000, 8000), (8000, 9000)]
    assert len(doc.turns) == 3


def test_speech_recognition_lines_without_times_merge_too() -> None:
    doc = parse("SPEAKER_00: Hallo.", "SPEAKER_00: Wie geht's?", "SPEAKER_01: Gut.", "Danke.", "SPEAKER_00: Schön.")
    assert said(doc) == [("SPEAKER_00", "Hallo.\nSPEAKER_00: Wie geht's?"), ("SPEAKER_01", "Gut.\nDanke."),
                         ("SPEAKER_00", "Schön.")]


def test_consecutive_turns_of_a_named_speaker_stay_separate() -> None:
    doc = parse("ROMNEY: So that's number one.", "ROMNEY: And by the way.", "OBAMA: Jim.")
    assert said(doc) == [("ROMNEY", "So that's number one."), ("ROMNEY", "And by the way."), ("OBAMA", "Jim.")]


# --- Teams copies, [idN], table rows -----------------------------------------------------------------------


def test_teams_name_and_time_on_one_line() -> None:
    doc = parse("Meeting transcript", "Anna Weber   0:03", "Guten Morgen.", "Noch etwas.", "Ben Krause   1:12",
                "Hallo.")
    assert said(doc) == [("Anna Weber", "Guten Morgen.\nNoch etwas."), ("Ben Krause", "Hallo.")]
    assert times(doc) == [(3000, None), (72000, None)]


def test_teams_name_line_then_time_line() -> None:
    doc = parse("Anna Weber", "0:03", "Guten Morgen.", "Ben Krause", "00:00:12.500 --> 00:00:15.000", "Hallo.",
                "Anna Weber", "1:02:03", "Tschüss.")
    assert said(doc) == [("Anna Weber", "Guten Morgen."), ("Ben Krause", "Hallo."), ("Anna Weber", "Tschüss.")]
    assert times(doc) == [(3000, None), (12500, 15000), (3723000, None)]


def test_teams_pair_inside_one_paragraph_with_line_breaks() -> None:
    doc = parse("Anna Weber\n0:03\nGuten Morgen.", "Ben Krause\n0:10\nHallo.")
    assert said(doc) == [("Anna Weber", "Guten Morgen."), ("Ben Krause", "Hallo.")]


def test_a_heading_before_a_time_is_not_a_speaker_once() -> None:
    assert parse("Einleitung", "10:30", "Wir beginnen.").turns == ()


def test_bracketed_id_labels_without_colon() -> None:
    doc = parse("[id1] hello, I like the course.", "[id2] I am struggling.", "[id1] I agree.", "[id2] Hmm.")
    assert said(doc) == [("id1", "hello, I like the course."), ("id2", "I am struggling."), ("id1", "I agree."),
                         ("id2", "Hmm.")]
    assert parse("[Laughter] that was funny.", "[id1] yes").turns == ()


def test_table_rows_name_their_speaker() -> None:
    doc = parse(Block("Die Sprachkurse.", speaker="Anna Weber"), Block("Weiter im Text."),
                Block("Stimmt.", speaker="Ben:"), Block("Anna Weber: Ja.", speaker=None))
    assert doc.text == "Anna Weber: Die Sprachkurse.\nWeiter im Text.\nBen: Stimmt.\nAnna Weber: Ja."
    assert said(doc) == [("Anna Weber", "Die Sprachkurse.\nWeiter im Text."), ("Ben", "Stimmt."), ("Anna Weber", "Ja.")]


# --- the speakers option -----------------------------------------------------------------------------------


def test_none_gives_the_same_text_without_turns() -> None:
    paragraphs = ("I: Frage?", "B: Antwort.")
    doc = parse(*paragraphs, speakers="none")
    assert doc.turns == () and doc.text == parse(*paragraphs).text


def test_regex_with_a_speaker_group() -> None:
    doc = parse("Intro", "MOD> Willkommen", "TN3> Danke: wirklich", "weiter", speakers=r"(?P<speaker>[A-Z]+\d*)>\s*")
    assert said(doc) == [("MOD", "Willkommen"), ("TN3", "Danke: wirklich\nweiter")]


def test_regex_with_a_plain_group_or_none() -> None:
    assert said(parse("-- Anna -- hallo", "-- Ben -- hi", speakers=r"-- (\w+) --")) == [("Anna", "hallo"),
                                                                                      ("Ben", "hi")]
    assert said(parse("Anna: hallo", "Wichtig ist: x", speakers=r"\w[\w ]*:")) == [("Anna", "hallo"),
                                                                                ("Wichtig ist", "x")]


def test_invalid_regex_is_a_reader_error() -> None:
    with pytest.raises(ReaderError, match="not a valid regular expression"):
        parse("I: x", speakers="(?P<speaker>[A-Z")


# --- properties --------------------------------------------------------------------------------------------

_LABELISH = st.sampled_from(
    ["I: ", "B1:", "Anna Weber: ", "[00:01:22] ", "#00:00:05-2#", "SPEAKER_00: ", "[id1] ", "(CROSSTALK)", "0:03",
     "Dr.\u00a0Weber (IHK):", "  ", "\n", "\r\n", "e\u0301", ":", "Note: ", "10:30", "Anna Weber   0:03", "-->"]
)
_PARAGRAPH = st.lists(st.one_of(_LABELISH, st.text(max_size=12)), max_size=6).map("".join)
_BLOCK = st.builds(Block, _PARAGRAPH, st.one_of(st.none(), st.sampled_from(["Anna", " ", "B1:", "x\ny"])))


@settings(max_examples=200, deadline=None)
@given(st.lists(_BLOCK, max_size=12), st.sampled_from(["auto", "none", r"(?P<speaker>\w+):", r"(\s*)"]))
def test_turns_are_ordered_non_overlapping_trimmed_spans_of_the_text(blocks: list[Block], speakers: str) -> None:
    doc = parse_turns(blocks, name="d", source_name="d.txt", source_format="txt", speakers=speakers)
    assert_well_formed(doc)
    assert "\r" not in doc.text
    assert doc.text.count("\n") >= len(blocks) - 1
    for turn in doc.turns:
        assert turn.speaker is not None and turn.speaker in doc.speakers


@settings(max_examples=150, deadline=None)
@given(st.lists(st.builds(Block, st.text(), st.one_of(st.none(), st.text(max_size=8))), max_size=8))
def test_parse_turns_never_raises_on_arbitrary_paragraphs(blocks: list[Block]) -> None:
    assert_well_formed(parse_turns(blocks, name="d", source_name="d", source_format="txt"))


# --- transcription tools' layouts ------------------------------------------------------------------------------


def test_whisperx_speaker_and_text_blocks() -> None:
    doc = parse("Speaker: SPEAKER_01", "Text:  ja, das war so.", "Speaker: SPEAKER_00", "Text: Wie bitte?",
                "Speaker: SPEAKER_00", "Text: Noch einmal, bitte.", "Speaker: SPEAKER_01\nText: Gern.")
    assert said(doc) == [("SPEAKER_01", "ja, das war so."),
                         ("SPEAKER_00", "Wie bitte?\nSpeaker: SPEAKER_00\nText: Noch einmal, bitte."),
                         ("SPEAKER_01", "Gern.")]
    assert_well_formed(doc)
    # Named speakers in the same layout; a single "Speaker:" line is an ordinary label.
    assert doc.speakers == ["SPEAKER_01", "SPEAKER_00"]
    named = parse("Speaker: Anna", "Text: Hallo.", "Speaker: Ben", "Text: Hi.")
    assert said(named) == [("Anna", "Hallo."), ("Ben", "Hi.")]
    assert parse("Speaker: Anna", "Text: Hallo.", "Anna: ja").speakers != ["Speaker", "Text"]


def test_the_recognisers_unknown_speaker_is_a_label() -> None:
    doc = parse("SPEAKER_00: Guten Tag.", "SPEAKER_??: Hallo?", "SPEAKER_??: Hört man mich?", "SPEAKER_00: Ja.")
    assert said(doc) == [("SPEAKER_00", "Guten Tag."), ("SPEAKER_??", "Hallo?\nSPEAKER_??: Hört man mich?"),
                         ("SPEAKER_00", "Ja.")]


def test_otter_blocks_of_one_speaker_are_one_turn() -> None:
    doc = parse("Emma  0:00  ", "So let's start.", "Emma  0:05  ", "With the basics.", "Unknown Speaker  0:09  ",
                "Yeah.", "Kelly  0:12  ", "Okay.")
    assert said(doc) == [("Emma", "So let's start.\nEmma  0:05  \nWith the basics."), ("Unknown Speaker", "Yeah."),
                         ("Kelly", "Okay.")]
    assert times(doc) == [(0, None), (9000, None), (12000, None)]


def test_name_and_time_lines_after_a_cover_page_each_speaker_once() -> None:
    doc = parse("Datum: 12.03.2024", "Ort: Köln", "Anna Weber   0:03", "Guten Morgen.", "Ben Krause   0:10",
                "Hallo.", "Cem Aydin   0:15", "Moin.")
    assert said(doc) == [("Anna Weber", "Guten Morgen."), ("Ben Krause", "Hallo."), ("Cem Aydin", "Moin.")]


def test_a_bare_time_closing_the_turns_is_their_end() -> None:
    doc = parse("I: Wie war der Kurs? 00:40", "B: Gut. Ich habe viel gelernt. 01:37", "I: Und danach?",
                "B: Die Ausbildung.01:55")
    assert said(doc) == [("I", "Wie war der Kurs?"), ("B", "Gut. Ich habe viel gelernt."), ("I", "Und danach?"),
                         ("B", "Die Ausbildung.")]
    assert times(doc) == [(None, 40_000), (40_000, 97_000), (97_000, None), (None, 115_000)]


def test_a_time_ending_one_sentence_is_words() -> None:
    doc = parse("I: Wann fängt der Kurs an?", "B: Morgen um 10:30", "I: Danke.", "B: Bitte.")
    assert said(doc)[1] == ("B", "Morgen um 10:30")
    assert times(doc)[1] == (None, None)


ATRAIN_SEGMENTS = [(0, "SPEAKER_00", "Hallo und willkommen."), (2, "SPEAKER_00", "Wir fangen an."),
                   (5, "SPEAKER_01", "Danke."), (7, "SPEAKER_00", "Gern.")]


def atrain_text(*, timestamps: bool, brackets: bool = True, maxqda: bool = False, speakers: bool = True) -> str:
    """A transcript laid out as aTrain writes its text files (transcription.txt, _timestamps, _nvivo, _maxqda)."""
    text = "Transcription for 2412071030-intervi" + ("" if maxqda and speakers else "\n") + ("" if speakers else "\n")
    current = None
    for second, speaker, words in ATRAIN_SEGMENTS:
        if speaker != current and speakers:
            text += ("\n\n" if maxqda else "\n") + speaker + "\n"
            current = speaker
        if timestamps:
            mark = f"00:00:{second:02d}"
            words = f"[{mark}] - {words}" if brackets else f"{mark} - {words}"
        text += words + (" " if maxqda else "\n")
    return text


@pytest.mark.parametrize(("timestamps", "brackets", "maxqda"),
                         [(False, True, False), (True, True, False), (True, False, False), (True, True, True)])
def test_atrain_text_layouts(timestamps: bool, brackets: bool, maxqda: bool) -> None:
    lines = [line for line in atrain_text(timestamps=timestamps, brackets=brackets, maxqda=maxqda).split("\n")
             if line.strip()]
    doc = parse(*lines)
    assert [t.speaker for t in doc.turns] == ["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"]
    said_text = [doc.turn_text(t) for t in doc.turns]
    assert said_text[0].startswith("Hallo und willkommen.") and said_text[0].endswith("Wir fangen an.")
    assert said_text[1:] == ["Danke.", "Gern."]
    assert doc.text.startswith("Transcription for 2412071030-intervi\nSPEAKER_00\n")
    assert [t.start_ms for t in doc.turns] == ([0, 5_000, 7_000] if timestamps else [None, None, None])


def test_atrain_without_speaker_detection_has_no_speakers() -> None:
    lines = [line for line in atrain_text(timestamps=True, speakers=False).split("\n") if line.strip()]
    assert parse(*lines).turns == ()


def test_a_machine_label_above_a_time_line_is_a_teams_pair() -> None:
    doc = parse("SPEAKER_00", "0:03", "Guten Morgen.", "SPEAKER_01", "0:09", "Hallo.")
    assert said(doc) == [("SPEAKER_00", "Guten Morgen."), ("SPEAKER_01", "Hallo.")]
    assert times(doc) == [(3000, None), (9000, None)]


@pytest.mark.parametrize(
    ("convention", "paragraphs", "expected"),
    [
        ("name-colon", ["Dr. Anna Weber (IHK): Ja.", "anna: nein", "Ende"], [("Dr. Anna Weber (IHK)", "Ja."),
                                                                          ("anna", "nein\nEnde")]),
        ("code-colon", ["I: Wie?", "Fazit: gut", "B1: So.", "SPEAKER_??: Hm."],
         [("I", "Wie?\nFazit: gut"), ("B1", "So."), ("SPEAKER_??", "Hm.")]),
        ("upper-colon", ["LEHRER: Gut.", "Romney: nein", "OBAMA: Ja."], [("LEHRER", "Gut.\nRomney: nein"),
                                                                        ("OBAMA", "Ja.")]),
        ("bracket", ["[id1] hallo", "[Guest 1]: hi"], [("id1", "hallo"), ("Guest 1", "hi")]),
        ("timed-name", ["[00:01:22] Anna: Ja.", "00:12\u00a0I: So?", "Anna: ohne Zeit"],
         [("Anna", "Ja."), ("I", "So?\nAnna: ohne Zeit")]),
    ],
)
def test_named_conventions(convention: str, paragraphs: list[str], expected: list[tuple[str, str]]) -> None:
    assert said(parse(*paragraphs, speakers=convention)) == expected
