"""SRT and WebVTT files as timed transcripts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers.base import ParsedDocument, ReaderError
from app.importers.subtitles import read_srt, read_vtt


def said(doc: ParsedDocument) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(t.speaker, doc.turn_text(t), t.start_ms, t.end_ms) for t in doc.turns]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


TEAMS_VTT = """WEBVTT
Kind: captions
Language: de

NOTE Exported from the meeting
on Tuesday

STYLE
::cue { color: yellow }

3f5a-1
00:00:01.000 --> 00:00:04.000 align:start position:10%
<v Anna Weber>Guten Morgen <i>zusammen</i>,
willkommen.</v>

3f5a-2
00:00:04.500 --> 00:00:06.000
<v Anna Weber>Wir fangen an.</v>

00:06.000 --> 00:08.250
<v.loud Ben Krause>Danke &amp; <00:00:07.000><c.yellow>gern</c>.</v>

00:00:09.000 --> 00:00:10.000
<v Anna Weber>Gut.</v>
"""


def test_vtt_voices_times_and_merged_cues(tmp_path: Path) -> None:
    doc = read_vtt(write(tmp_path, "meeting.vtt", TEAMS_VTT))
    assert doc.text == ("Anna Weber: Guten Morgen zusammen, willkommen. Wir fangen an.\n"
                        "Ben Krause: Danke & gern.\nAnna Weber: Gut.")
    assert said(doc) == [
        ("Anna Weber", "Guten Morgen zusammen, willkommen. Wir fangen an.", 1000, 6000),
        ("Ben Krause", "Danke & gern.", 6000, 8250),
        ("Anna Weber", "Gut.", 9000, 10000),
    ]
    assert (doc.name, doc.source_name, doc.source_format) == ("meeting", "meeting.vtt", "vtt")


def test_vtt_with_two_voices_in_one_cue(tmp_path: Path) -> None:
    content = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v Anna>Kommst du?</v>\n<v Ben>Ja.</v>\n"
    assert said(read_vtt(write(tmp_path, "a.vtt", content))) == [("Anna", "Kommst du?", 1000, 3000),
                                                                  ("Ben", "Ja.", 1000, 3000)]


def test_rolled_up_automatic_captions_are_read_once(tmp_path: Path) -> None:
    content = ("WEBVTT\nKind: captions\n\n"
               "00:00:00.000 --> 00:00:02.000 align:start position:0%\nhello<00:00:00.500><c> world</c>\n\n"
               "00:00:02.000 --> 00:00:02.010 align:start position:0%\nhello world\n\n"
               "00:00:02.010 --> 00:00:04.000 align:start position:0%\nhello world\nthis is<00:00:02.500><c> me</c>\n")
    doc = read_vtt(write(tmp_path, "yt.vtt", content))
    assert doc.text == "hello world\nthis is me"
    assert said(doc) == [(None, "hello world", 0, 2000), (None, "this is me", 2010, 4000)]


def test_the_same_words_in_two_cues_are_kept_without_word_timestamps(tmp_path: Path) -> None:
    content = "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>Ja.\n\n00:02.000 --> 00:03.000\n<v Ben>Ja.\n"
    assert read_vtt(write(tmp_path, "a.vtt", content)).text == "Anna: Ja.\nBen: Ja."


SRT = (
    "1\r\n00:00:01,000 --> 00:00:02,000\r\nANNA: Hi there\r\n\r\n"
    "2\r\n00:00:02,500 --> 00:00:03,000\r\nhow are you?\r\n\r\n"
    "3\r\n00:00:03,000 --> 00:00:04,000\r\n<font color=\"red\">BEN:</font> Fine,\r\n<b>thanks</b>.\r\n\r\n"
    "4\r\n00:00:04,000 --> 00:00:05,000\r\n{\\an8}ANNA: Good.\r\n"
)


def test_srt_name_prefixes_continuations_and_markup(tmp_path: Path) -> None:
    doc = read_srt(write(tmp_path, "talk.srt", SRT))
    assert doc.text == "ANNA: Hi there how are you?\nBEN: Fine, thanks.\nANNA: Good."
    assert said(doc) == [("ANNA", "Hi there how are you?", 1000, 3000), ("BEN", "Fine, thanks.", 3000, 4000),
                         ("ANNA", "Good.", 4000, 5000)]


def test_srt_without_speakers_keeps_one_turn_per_cue(tmp_path: Path) -> None:
    content = "1\n00:00:01,000 --> 00:00:02,000\nHello.\n\n2\n00:00:02,000 --> 00:00:03,500\nNote: it rains.\n"
    doc = read_srt(write(tmp_path, "a.srt", content))
    assert doc.text == "Hello.\nNote: it rains."
    assert said(doc) == [(None, "Hello.", 1000, 2000), (None, "Note: it rains.", 2000, 3500)]


def test_srt_without_blank_lines_and_with_a_blank_line_inside_a_cue(tmp_path: Path) -> None:
    content = ("1\n00:00:01,000 --> 00:00:02,000\nAnna: One\n2\n00:00:02,000 --> 00:00:03,000\nBen: Two\n\n"
               "still Ben\n\n3\n00:00:03,000 --> 00:00:04,000\nAnna: Three\n")
    assert said(read_srt(write(tmp_path, "a.srt", content))) == [
        ("Anna", "One", 1000, 2000), ("Ben", "Two still Ben", 2000, 3000), ("Anna", "Three", 3000, 4000)]


def test_broadcast_speaker_change_marks(tmp_path: Path) -> None:
    content = ("1\n00:00:01,000 --> 00:00:02,000\n>> MODERATOR: Welcome.\n\n"
               "2\n00:00:02,000 --> 00:00:03,000\n>> Thank you.\n\n"
               "3\n00:00:03,000 --> 00:00:04,000\n>> MODERATOR: Next.\n")
    assert said(read_srt(write(tmp_path, "a.srt", content))) == [
        ("MODERATOR", "Welcome.", 1000, 2000), (None, "Thank you.", 2000, 3000), ("MODERATOR", "Next.", 3000, 4000)]


@pytest.mark.parametrize(
    ("content", "line", "times"),
    [
        ("1\n00:00:01,000 --> 00:00:0x,000\nHi\n", 2, [(1000, 1000)]),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 -> 00:00:04,000\nHo\n", 6,
         [(1000, 2000), (2000, 2000)]),
        ("1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:03,000 --> 00:00:04,000\nHo\n\n3\n00:99:03,000 --> 1\n"
         "Hu\n", 10, [(1000, 2000), (3000, 4000), (4000, 4000)]),
        ("1\n00:00:05,000 --> 00:00:02,000\nHi\n", 2, [(5000, 5000)]),
    ],
)
def test_a_cue_with_a_bad_timing_is_kept_with_a_warning(tmp_path: Path, content: str, line: int,
                                                         times: list[tuple[int, int]]) -> None:
    doc = read_srt(write(tmp_path, "bad.srt", content))
    assert [(turn.start_ms, turn.end_ms) for turn in doc.turns] == times
    assert len(doc.warnings) == 1 and doc.warnings[0].startswith(f"line {line}: ")


def test_a_noscribe_cue_ending_before_it_starts(tmp_path: Path) -> None:
    content = ("WEBVTT\n\n00:12:10.000 --> 00:12:15.000\n<v S00>Also das war so.\n\n"
               "00:12:17.141 --> 00:12:15.168\n<v S01>Ja.\n\n00:12:18.000 --> 00:12:20.000\n<v S00>Genau.\n")
    doc = read_vtt(write(tmp_path, "noscribe.vtt", content))
    assert said(doc) == [("S00", "Also das war so.", 730_000, 735_000), ("S01", "Ja.", 737_141, 737_141),
                         ("S00", "Genau.", 738_000, 740_000)]
    assert doc.warnings == ("line 6: the cue ends before it starts ('00:12:17.141 --> 00:12:15.168'); it is taken "
                            "to end where it starts",)


def test_text_before_the_first_cue_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="line 1:"):
        read_srt(write(tmp_path, "bad.srt", "Some text\n1\n00:00:01,000 --> 00:00:02,000\nHi\n"))


@pytest.mark.parametrize("content", ["", "WEBVTT\n\nNOTE nothing here\n", "\n\n"])
def test_a_file_without_cues_is_a_reader_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(ReaderError, match="no subtitle cues"):
        read_vtt(write(tmp_path, "empty.vtt", content))


def test_missing_file_is_a_reader_error(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        read_srt(tmp_path / "nothing.srt")


def test_turn_spans_are_inside_the_text(tmp_path: Path) -> None:
    doc = read_vtt(write(tmp_path, "m.vtt", TEAMS_VTT))
    for turn in doc.turns:
        words = doc.turn_text(turn)
        assert words and words == words.strip()


_PIECES = st.sampled_from(["WEBVTT", "\n", "\n\n", "1", "00:00:01,000", " --> ", "00:00:02.500", "<v Anna>", "</v>",
                           "Anna: ", ">> ", "NOTE", "<i>", "&amp;", "\r\n", "-->", "ä", "\x00", "\xff"])
_SUBTITLE_BYTES = st.one_of(st.binary(max_size=200),
                            st.lists(_PIECES, max_size=30).map(lambda xs: "".join(xs).encode("utf-8", "replace")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_SUBTITLE_BYTES, vtt=st.booleans())
def test_arbitrary_bytes_give_a_document_or_a_reader_error(tmp_path: Path, data: bytes, vtt: bool) -> None:
    path = write(tmp_path, "x.vtt" if vtt else "x.srt", data)
    try:
        doc = (read_vtt if vtt else read_srt)(path)
    except ReaderError:
        return
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start < turn.end <= len(doc.text)
        assert doc.turn_text(turn) == doc.turn_text(turn).strip()
        previous_end = turn.end


def test_whisper_pyannote_bracket_labels_find_every_speaker(tmp_path: Path) -> None:
    content = "WEBVTT\n\n" + "".join(
        f"00:00:{2 * n:02d}.000 --> 00:00:{2 * n + 2:02d}.000\n{text}\n\n" for n, text in enumerate([
            "[Host]: Welcome to the show.", "[Guest 1]: thanks for having me.", "[Guest 2]: Hi everyone.",
            "[Host]: Let's start with the barriers.", "[SPEAKER_??]: Sorry, could you repeat?",
            "[Dr. Anna Weber (IHK)]: Certainly.", "[Guest 1]: Language, mostly.", "[Music]", "[Host]: Thanks."]))
    doc = read_vtt(write(tmp_path, "pod.vtt", content))
    assert doc.speakers == ["Host", "Guest 1", "Guest 2", "SPEAKER_??", "Dr. Anna Weber (IHK)"]
    assert [(t.speaker, doc.turn_text(t)) for t in doc.turns][-2:] == [
        ("Guest 1", "Language, mostly. [Music]"), ("Host", "Thanks.")]
