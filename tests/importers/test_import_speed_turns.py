"""The turn parser (written for import speed) against the parser it replaced.

``old_parse_turns`` below is the earlier implementation (with the rules added since, marked so), kept here only as
the reference: each paragraph made canonical on its own, the open turn an object, each event a named tuple. Both must give the same document for
generated paragraphs (labels, soft line breaks, byte-order marks, combining marks, carriage returns, f4 marks,
table speakers) and for every shared transcript, the sample workshop and a benchmark-like study.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from app.importers import _paragraph_reader, read_document
from app.importers.base import Block, ParsedDocument, ParsedTurn
from app.importers.canonical import canonical_text
from app.importers.plaintext import read_lines, read_txt
from app.importers.speaker_labels import (
    ASR_LABEL,
    Label,
    match_label,
    match_name_line,
    match_name_with_time,
    match_time_line,
    tidy_name,
)
from app.importers.timecodes import CLOCK, clock_to_ms
from app.importers.turns import compile_speaker_pattern, parse_paragraphs, parse_turns
from app.models.speaker_names import speaker_key
from tests.importers.test_import_speed_labels import old_accept_labels as accept_labels
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data

ROOT = Path(__file__).resolve().parents[2]

_F4_MARK_AT_END = re.compile(rf"#(?P<time>{CLOCK})#")
_F4_MARK_MAX = 16

# --- the earlier parser, verbatim ------------------------------------------------------------------------------


class _Event(NamedTuple):  # one for each label: a named tuple is made faster than a frozen dataclass
    """A recognised label: the turn it opens and where its words start (an offset into the document text)."""

    name: str
    key: str
    content_start: int
    start_ms: int | None = None
    end_ms: int | None = None
    merge: bool = False


@dataclass(slots=True)
class _OpenTurn:
    speaker: str
    key: str
    merge: bool
    start_ms: int | None
    end_ms: int | None
    start: int | None = None
    end: int = 0  # set with start

    def closed(self) -> ParsedTurn:
        assert self.start is not None
        return ParsedTurn(self.speaker, self.start, self.end, self.start_ms, self.end_ms)


def old_parse_turns(
    blocks: Sequence[Block], *, name: str, source_name: str, source_format: str, speakers: str = "auto"
) -> ParsedDocument:
    """The document the paragraphs make, with its speaker turns.

    ``speakers`` is "auto" (recognise labels), "none" (no turns) or a regular expression matched at the start of
    each paragraph; its group ``speaker`` (or its first group, or the whole match) is the speaker's name.
    """
    pattern = compile_speaker_pattern(speakers)
    text, texts, starts, table_events = _lay_out(blocks)
    if speakers == "none":
        return ParsedDocument(name, text, source_name, source_format)
    if pattern is not None:
        events = _pattern_events(texts, starts, table_events, pattern)
    else:
        events = _auto_events(texts, starts, table_events)
    turns = _build_turns(texts, starts, events)
    return ParsedDocument(name, text, source_name, source_format, turns=tuple(turns))


def _lay_out(blocks: Sequence[Block]) -> tuple[str, list[str], list[int], dict[int, _Event]]:
    """The document text; each paragraph's text as written into it, its start offset; the layout's own labels."""
    texts: list[str] = []
    starts: list[int] = []
    table_events: dict[int, _Event] = {}
    offset = 0
    for index, block in enumerate(blocks):
        body = canonical_text(block.text)
        speaker = tidy_name(canonical_text(block.speaker)) if block.speaker else ""
        if speaker and speaker_key(speaker):
            prefix = f"{speaker}: "
            table_events[index] = _Event(speaker, speaker_key(speaker), offset + len(prefix))
            body = prefix + body
        texts.append(body)
        starts.append(offset)
        offset += len(body) + 1
    return "\n".join(texts), texts, starts, table_events


def _first_line(text: str) -> str:
    newline = text.find("\n")
    return text if newline < 0 else text[:newline]


def _pattern_events(
    texts: list[str], starts: list[int], table_events: dict[int, _Event], pattern: re.Pattern[str]
) -> dict[int, _Event]:
    events = dict(table_events)
    has_named = "speaker" in pattern.groupindex
    for index, text in enumerate(texts):
        if index in events:
            continue
        match = pattern.match(text)
        if match is None:
            continue
        if has_named:
            raw = match.group("speaker")
        elif pattern.groups:
            raw = match.group(1)
        else:
            raw = match.group(0)
        name = tidy_name(raw or "")
        if name and speaker_key(name):
            events[index] = _Event(name, speaker_key(name), starts[index] + match.end())
    return events


def _auto_events(texts: list[str], starts: list[int], table_events: dict[int, _Event]) -> dict[int, _Event]:
    found: list[tuple[int, Label, int]] = []  # paragraph, label, where the words start in the document
    for index, text in enumerate(texts):
        if index in table_events:
            continue
        newline = text.find("\n")
        line = text if newline < 0 else text[:newline]
        label = match_label(line) or match_name_with_time(line)
        if label is not None:
            found.append((index, label, starts[index] + label.content_start))
        elif (name := match_name_line(line)) is not None:
            pair = _name_then_time(texts, starts, table_events, index, line, name)
            if pair is not None:
                found.append(pair)

    accepted = accept_labels([label for _, label, _ in found], known_keys=[e.key for e in table_events.values()])
    events = dict(table_events)
    for (index, label, content_start), ok in zip(found, accepted):
        if ok and index not in events:
            merge = _machine_made(label.name) or label.kind == "name+time"  # added since: Otter, Teams
            events[index] = _Event(label.name, label.key, content_start, label.start_ms, label.end_ms, merge)
    return events


def _name_then_time(
    texts: list[str], starts: list[int], table_events: dict[int, _Event], index: int, line: str, name: str
) -> tuple[int, Label, int] | None:
    """Teams copies: a name line, then a time line, in the same paragraph or the next one."""
    text = texts[index]
    if len(line) < len(text):
        time_line_start = starts[index] + len(line) + 1
        time_line = _first_line(text[len(line) + 1 :])
    elif index + 1 < len(texts) and index + 1 not in table_events:
        time_line_start = starts[index + 1]
        time_line = _first_line(texts[index + 1])
    else:
        return None
    times = match_time_line(time_line) if time_line else None
    if times is None:
        return None
    pair = Label(name, speaker_key(name), len(line), "name+time", True, False, *times)
    return index, pair, time_line_start + len(time_line)


@lru_cache(maxsize=1024)  # asked for every accepted label; a transcript has a handful of names
def _machine_made(name: str) -> bool:
    return ASR_LABEL.fullmatch(name) is not None


def _trailing_mark(text: str, lo: int) -> tuple[int, int] | None:
    """(position, ms) of an f4/f5 time mark ending the paragraph, at or after ``lo``."""
    end = len(text.rstrip())
    if end <= lo or text[end - 1] != "#":
        return None
    window_start = max(lo, end - _F4_MARK_MAX)
    hash_at = text.rfind("#", window_start, end - 1)
    if hash_at < 0:
        return None
    match = _F4_MARK_AT_END.fullmatch(text, hash_at, end)
    if match is None:
        return None
    ms = clock_to_ms(match["time"])
    return None if ms is None else (hash_at, ms)


def _build_turns(texts: list[str], starts: list[int], events: dict[int, _Event]) -> list[ParsedTurn]:
    turns: list[ParsedTurn] = []
    shown: dict[str, str] = {}  # speaker key -> the first spelling met
    current: _OpenTurn | None = None
    previous_mark: int | None = None  # f4 mark ending the previous paragraph: the next turn's start time
    words_from = 0  # document offset before which text is label material

    for index, text in enumerate(texts):
        offset = starts[index]
        event = events.get(index)
        if event is not None:
            if not (current is not None and event.merge and current.merge and current.key == event.key):
                if current is not None and current.start is not None:
                    turns.append(current.closed())
                speaker = shown.setdefault(event.key, event.name)
                start_ms = event.start_ms if event.start_ms is not None else previous_mark
                current = _OpenTurn(speaker, event.key, event.merge, start_ms, None)
            if event.end_ms is not None:
                current.end_ms = event.end_ms
            words_from = event.content_start
        # Where this paragraph's words may start: after the label (whose words may begin a paragraph later).
        lo = words_from - offset
        if lo < 0:
            lo = 0
        elif lo > len(text):
            lo = len(text)
        last = text[-1:]
        # Only a paragraph ending in "#" (or in spaces, which the mark may precede) can end with an f4 mark.
        mark = _trailing_mark(text, lo) if last == "#" or last.isspace() else None
        previous_mark = None if mark is None else mark[1]
        if current is None:
            continue
        segment = text[lo:] if mark is None else text[lo : mark[0]]
        words = segment.lstrip()
        if not words:
            continue
        first = offset + lo + len(segment) - len(words)
        if current.start is None:
            current.start = first
        current.end = first + len(words.rstrip())
        if mark is not None:
            current.end_ms = mark[1]
    if current is not None and current.start is not None:
        turns.append(current.closed())
    return turns


# --- generated paragraphs --------------------------------------------------------------------------------------

_PIECE = st.sampled_from([
    "I: ", "B1:", "Anna Weber: ", "Anna: ", "[00:01:22] ", "[00:00:04] Moderatorin: ", "#00:00:05-2#", " #00:01:22-6#",
    "SPEAKER_00: ", "SPEAKER_01: ", "[id1] ", "(CROSSTALK)", "0:03", "Anna Weber   0:03", "Dr.\u00a0Weber (IHK):",
    "  ", "\n", "\r\n", "\r", "\ufeff", "e\u0301", "\u0301", "\u2028", "\u2000", ":", "Note: ", "10:30", "-->",
    "wir ", "Wir ", "ähm ", "Frau Yıldız (Bildungsträger): ", "Moderatorin:", "\t", "#",
])
_PARAGRAPH = st.lists(st.one_of(_PIECE, st.text(max_size=8)), max_size=7).map("".join)
_SPEAKER = st.one_of(st.none(), st.just(""), st.sampled_from(["Anna", " ", "B1:", "x\ny", "\ufeffAnna", "e\u0301"]))
_SPEAKERS = st.sampled_from(["auto", "none", r"(?P<speaker>\w+):", r"(\s*)", r"\[(\w+)\]"])


# Conventions recognised since the earlier parser was replaced, which it does not know: a bare clock closing a
# paragraph ("... Das belegt. 01:37"), WhisperX's "Speaker:" / "Text:" blocks. Inputs that may use one are left out of the comparison; their own tests are
# in test_turns.py and test_shared_transcripts.py.
_CLOCK_AT_END = re.compile(rf"(?<![\d:])(?:{CLOCK})\s*$")
_NEWER_CONVENTIONS = {
    "de_bachelor_thesis_Student_M25_line-numbers_I-B_end-timestamps.pdf",
    "en_whisperx_Id_16_str_Speaker-Text-blocks.txt",
}
_OLD_FORMATS = (".txt", ".docx", ".odt", ".rtf")  # the paragraph formats the earlier parser was given


def _old_conventions_only(texts: Sequence[str]) -> bool:
    return not any(_CLOCK_AT_END.search(text) or text.lstrip()[:7].lower() == "speaker" for text in texts)


def _same(blocks: list[Block], speakers: str = "auto") -> ParsedDocument:
    assume(_old_conventions_only([block.text for block in blocks]))
    new = parse_turns(blocks, name="d", source_name="d.txt", source_format="txt", speakers=speakers)
    old = old_parse_turns(blocks, name="d", source_name="d.txt", source_format="txt", speakers=speakers)
    assert new == old
    return new


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.builds(Block, _PARAGRAPH, heading=st.just(False)), max_size=14), _SPEAKERS)
@example([Block("\ufeffAnna: ja"), Block("Anna: nein")], "auto")
@example([Block("Anna: ja"), Block("\ufeffAnna: nein"), Block("\ufeff")], "auto")
@example([Block("e\u0301"), Block("\u0301Anna: x"), Block("Anna: y")], "auto")
@example([Block("A\r\nB: x"), Block("B: y")], "auto")
def test_the_parsers_agree_on_paragraphs_without_table_speakers(blocks: list[Block], speakers: str) -> None:
    _same(blocks, speakers)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.builds(Block, _PARAGRAPH, _SPEAKER, heading=st.just(False)), max_size=10), _SPEAKERS)
def test_the_parsers_agree_on_paragraphs_with_table_speakers(blocks: list[Block], speakers: str) -> None:
    _same(blocks, speakers)


@settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PARAGRAPH, max_size=14), _SPEAKERS)
def test_canonical_lines_parse_as_their_blocks_do(paragraphs: list[str], speakers: str) -> None:
    # parse_paragraphs(canonical=True) is given the lines of a canonical text, as the plain-text reader cuts them.
    lines = [line for line in canonical_text("\n".join(paragraphs)).split("\n") if line and not line.isspace()]
    assume(_old_conventions_only(lines))
    new = parse_paragraphs(lines, name="d", source_name="d.txt", source_format="txt", speakers=speakers,
                           canonical=True)
    assert new == old_parse_turns([Block(line) for line in lines], name="d", source_name="d.txt",
                                  source_format="txt", speakers=speakers)


# --- real transcripts ------------------------------------------------------------------------------------------


def _real_files() -> list[Path]:
    files = [ROOT / "resources" / "sample" / "workshop_de.txt"]
    if DATA.is_dir():
        files += sorted(path for path in DATA.iterdir()
                        if path.is_file() and path.suffix in _OLD_FORMATS and path.name not in _NEWER_CONVENTIONS)
    return files


@needs_shared_data
@pytest.mark.parametrize("speakers", ["auto", "none", r"(?P<speaker>[A-Z]\w*):"])
def test_the_parsers_agree_on_real_transcripts(speakers: str) -> None:
    turns = 0
    for path in _real_files():
        blocks = read_txt(path) if path.suffix == ".txt" else _paragraph_reader(path.suffix)(path)
        if path.suffix == ".txt":
            assert [block.text for block in blocks] == read_lines(path)
        new = read_document(path, speakers=speakers)
        assert new == old_parse_turns(blocks, name=path.stem, source_name=path.name, source_format=path.suffix[1:],
                                      speakers=speakers)
        turns += len(new.turns)
    assert turns > 100 or speakers == "none"  # the comparison is not of empty documents only


def test_the_parsers_agree_on_a_benchmark_like_study(tmp_path: Path) -> None:
    from benchmarks.corpus import transcript

    rng = random.Random(7)
    for number in range(3):
        path = tmp_path / f"Gruppe {number}.txt"
        path.write_text(transcript(rng, 3000, f"Fokusgruppe {number}"), encoding="utf-8")
        blocks = read_txt(path)
        new = read_document(path)
        assert len(new.turns) > 50
        assert new == old_parse_turns(blocks, name=path.stem, source_name=path.name, source_format="txt")


# --- time marks ------------------------------------------------------------------------------------------------

_OLD_CLOCK_PARTS = re.compile(r"(\d+)(?::(\d+))?(?::(\d+))?(?:([.,-])(\d{1,3}))?")


def old_clock_to_ms(clock: str) -> int | None:  # the earlier clock_to_ms, verbatim (without its cache)
    match = _OLD_CLOCK_PARTS.fullmatch(clock.strip())
    if match is None or match.group(2) is None:
        return None
    first, second, third, separator, fraction = match.groups()
    if third is None:  # mm:ss
        hours, minutes, seconds = 0, int(first), int(second)
        if minutes >= 600:
            return None
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
        if minutes >= 60:
            return None
    if seconds >= 60:
        return None
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000
    if fraction:
        ms += int(fraction.ljust(3, "0")[:3])
    return ms


# Digits of several scripts (what \d and isdecimal() accept), digits they do not ("²", "½"), separators, spaces.
_CLOCK_CHAR = st.sampled_from(list("0123456789:::.,- ") + ["\u0660", "\u0669", "\uff15", "\u00b2", "\u00bd", "a"])


@settings(max_examples=3000, deadline=None)
@given(st.one_of(
    st.text(_CLOCK_CHAR, max_size=12),
    st.builds(lambda a, b, c, s1, s2: f"{a}{s1}{b}{s2}{c}", *[st.text(_CLOCK_CHAR, min_size=2, max_size=2)] * 3,
              st.sampled_from([":", ":", ".", " "]), st.sampled_from([":", ":", "-"])),
))
@example("00:59:59")
@example("99:60:00")
@example("00:00:60")
@example("\u0660\u0661:\u0666\u0660:00")
@example("0\u00b2:00:00")
def test_time_marks_read_as_before(clock: str) -> None:
    assert clock_to_ms.__wrapped__(clock) == old_clock_to_ms(clock)


# --- no cyclic garbage collection while a transcript is parsed -------------------------------------------------


def test_parsing_leaves_the_garbage_collector_as_it_found_it() -> None:
    import gc

    from app.importers.base import gc_paused

    lines = ["Anna: ja", "Ben: nein"] * 10
    assert gc.isenabled()
    parse_paragraphs(lines, name="d", source_name="d.txt", source_format="txt")
    assert gc.isenabled()
    gc.disable()
    try:
        parse_paragraphs(lines, name="d", source_name="d.txt", source_format="txt")
        assert not gc.isenabled()  # a caller that paused it keeps it paused
    finally:
        gc.enable()
    with pytest.raises(ZeroDivisionError), gc_paused():
        assert not gc.isenabled()
        1 / 0  # noqa: B018
    assert gc.isenabled()
