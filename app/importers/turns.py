"""From paragraphs to a document with speaker turns.

The document text is the paragraphs joined with "\\n" (a paragraph whose speaker the layout names is written
``Speaker: text``). A turn starts at a recognised label and runs over the unlabelled paragraphs after it, up to the
next label: continuation paragraphs and stage directions like "(CROSSTALK)" belong to the turn before. Lines
before the first label (title, date, participants) belong to no turn.

A turn's span covers the words only: the label, its colon, a leading time mark and an f4/f5 time mark
``#00:01:22-6#`` closing the turn stay in the text but outside the span. An f4 mark at the end of a paragraph is
the time at which that turn ends, so it is the turn's ``end_ms`` and the next turn's ``start_ms``. So is a bare
``01:37`` ending a paragraph, where this is the transcriber's habit (it closes at least half the turns).

Consecutive paragraphs with the same label are separate contributions when a person labelled them; only machine
labels (``SPEAKER_00`` from WhisperX or pyannote, WhisperX's "Speaker: ..." / "Text: ..." blocks, Otter's and
Teams' name-and-time lines: tools that cut one speaker's talk at every pause) are merged into one turn, whose span
then runs from the first segment's words to the last segment's words.

Everything is one pass over the paragraphs with precompiled patterns: linear in the length of the document.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate
from operator import methodcaller

from app.importers.base import Block, ParsedDocument, ParsedTurn, ReaderError, gc_paused
from app.importers.canonical import canonical_text
from app.importers.conventions import speaker_pattern
from app.importers.speaker_labels import (
    ASR_LABEL,
    Label,
    accept_labels,
    match_label,
    match_name_line,
    match_machine_label_line,
    match_name_with_time,
    match_segment_time,
    match_speaker_field,
    match_text_field,
    match_time_line,
    tidy_name,
)
from app.importers.timecodes import CLOCK, clock_to_ms
from app.models.speaker_names import speaker_key

_F4_MARK_AT_END = re.compile(rf"#(?P<time>{CLOCK})#")
_F4_MARK_MAX = 16  # "#hh:mm:ss-d#" and variants are never longer
# A bare clock closing a paragraph ("... Das belegt. 01:37"), not part of a number or a date before it.
_CLOCK_AT_END = re.compile(rf"(?<![\d:])(?<!\d[.,])(?P<time>{CLOCK})\s*$")
_CLOCK_AT_END_MAX = 16
_SPEAKER_STARTS = ("Speaker", "SPEAKER", "speaker", " Speaker", " SPEAKER", " speaker")


# A recognised label: (name, key, content_start, start_ms, end_ms, merge), the turn it opens and where its words
# start (an offset into the document text). A plain tuple: one is made for each label, and a named tuple's
# constructor is a Python function, three times as slow.
_Event = tuple[str, str, int, "int | None", "int | None", bool]


def compile_speaker_pattern(speakers: str) -> re.Pattern[str] | None:
    """The user's ``--speakers`` convention (see ``conventions``) or regex, compiled; None for "auto" and "none".
    Raises ReaderError if invalid."""
    if speakers in ("auto", "none"):
        return None
    try:
        return re.compile(speaker_pattern(speakers))  # a named convention, or the user's own pattern
    except (re.error, RecursionError, OverflowError) as exc:
        raise ReaderError(None, f"the speaker pattern {speakers!r} is not a valid regular expression: {exc}") from exc


def parse_turns(
    blocks: Sequence[Block], *, name: str, source_name: str, source_format: str, speakers: str = "auto"
) -> ParsedDocument:
    """The document the paragraphs make, with its speaker turns.

    ``speakers`` is "auto" (recognise labels), "none" (no turns) or a regular expression matched at the start of
    each paragraph; its group ``speaker`` (or its first group, or the whole match) is the speaker's name.
    """
    headings = frozenset(index for index, block in enumerate(blocks) if block.heading)
    if not any(block.speaker for block in blocks):
        return parse_paragraphs(
            [block.text for block in blocks], name=name, source_name=source_name, source_format=source_format,
            speakers=speakers, headings=headings,
        )
    pattern = compile_speaker_pattern(speakers)
    text, texts, starts, table_events = _lay_out(blocks)
    turns = _turns(texts, starts, table_events, speakers, pattern, headings=headings)
    return ParsedDocument(name, text, source_name, source_format, turns=turns)


def parse_paragraphs(
    paragraphs: list[str], *, name: str, source_name: str, source_format: str, speakers: str = "auto",
    canonical: bool = False, joined: str | None = None, headings: frozenset[int] = frozenset(),
) -> ParsedDocument:
    """``parse_turns`` for paragraphs whose layout names no speaker (plain text, most word-processor files).

    ``canonical``: the paragraphs were cut at line breaks from one canonical text (the plain-text reader's), so
    they need not be made canonical one by one. ``joined``: the paragraphs joined by line breaks, when the
    caller has that text already. ``headings``: the indices of paragraphs that are headings (never a label).
    """
    pattern = compile_speaker_pattern(speakers)
    texts, text = _canonical_paragraphs(paragraphs, canonical, joined)
    starts = list(accumulate([len(paragraph) + 1 for paragraph in texts], initial=0))
    del starts[-1]
    turns = _turns(texts, starts, {}, speakers, pattern, single_lines=canonical, headings=headings)
    return ParsedDocument(name, text, source_name, source_format, turns=turns)


def _canonical_paragraphs(paragraphs: list[str], canonical: bool, joined: str | None = None) -> tuple[list[str], str]:
    """The paragraphs in canonical form, and the text they make joined by line breaks.

    One check of the joined text stands for one per paragraph: NFC never composes or reorders across a line
    break, so the pieces of a canonical text between line breaks are canonical too, except for a byte-order mark
    starting one (canonical_text strips it at the start of each paragraph).
    """
    text = "\n".join(paragraphs) if joined is None else joined
    if "\ufeff" not in text and (canonical or canonical_text(text) == text):
        return paragraphs, text
    texts = [canonical_text(paragraph) for paragraph in paragraphs]
    return texts, "\n".join(texts)


def _turns(
    texts: list[str], starts: list[int], table_events: dict[int, _Event], speakers: str,
    pattern: re.Pattern[str] | None, *, single_lines: bool = False, headings: frozenset[int] = frozenset(),
) -> tuple[ParsedTurn, ...]:
    """``single_lines``: no paragraph holds a line break (lines cut from a text), so none is looked for."""
    if speakers == "none":
        return ()
    with gc_paused():
        if pattern is not None:
            events = _pattern_events(texts, starts, table_events, pattern)
        else:
            events = _auto_events(texts, starts, table_events, single_lines, headings)
        for index in headings:
            events.pop(index, None)
        return tuple(_build_turns(texts, starts, events, _clocks_close_turns(texts, events)))


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
            table_events[index] = (speaker, speaker_key(speaker), offset + len(prefix), None, None, False)
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
            events[index] = (name, speaker_key(name), starts[index] + match.end(), None, None, False)
    return events


def _auto_events(
    texts: list[str], starts: list[int], table_events: dict[int, _Event], single_lines: bool = False,
    headings: frozenset[int] = frozenset(),
) -> dict[int, _Event]:
    field_events, field_texts = _speaker_fields(texts, starts, table_events)
    if field_events:
        table_events = {**table_events, **field_events}  # known speakers, as a table's are
        headings = headings | field_texts
    found: list[tuple[int, Label, int]] = []  # paragraph, label, where the words start in the document
    for index, text in enumerate(texts):
        if index in table_events or index in headings:
            continue
        # A paragraph's first line; looking for a line break scans a whole paragraph (18 MB: 4 ms).
        line = text if single_lines else _first_line(text)
        label = match_label(line) or match_name_with_time(line)
        if label is not None:
            found.append((index, label, starts[index] + label.content_start))
        elif (name := match_name_line(line)) is not None:
            pair = _name_then_time(texts, starts, table_events, index, line, name)
            if pair is not None:
                found.append(pair)

    accepted = accept_labels([label for _, label, _ in found], known_keys=[event[1] for event in table_events.values()])
    events = dict(table_events)
    for (index, label, content_start), ok in zip(found, accepted):
        if ok and index not in events:
            name = label.name
            # One speaker's consecutive blocks under a name-and-time line are one contribution too: Otter and
            # Teams cut a speaker's talk into blocks at pauses, as a recogniser does.
            merge = label.kind == "name+time" or _machine_made(name)
            events[index] = (name, label.key, content_start, label.start_ms, label.end_ms, merge)
    return events


def _speaker_fields(
    texts: list[str], starts: list[int], table_events: dict[int, _Event]
) -> tuple[dict[int, _Event], frozenset[int]]:
    """Speakers that transcription tools write on a line of their own, above the words: WhisperX's "Speaker:
    SPEAKER_01" / "Text: ..." blocks (only as a convention seen twice), aTrain's "SPEAKER_00" line above its
    segments (each perhaps after "[00:00:03] - "). The events they open (in one paragraph or two), and the "Text:"
    paragraphs, which are no labels. Consecutive blocks of one speaker are one turn, as segments are."""
    # The usual transcript has no such line: a look at each paragraph's start, in C (54,000 paragraphs: 17 ms, a
    # search of the joined text for the word took longer).
    if not any(map(methodcaller("startswith", _SPEAKER_STARTS), texts)):
        return {}, frozenset()
    fields: dict[int, _Event] = {}
    lines: dict[int, _Event] = {}
    text_paragraphs: set[int] = set()
    for index, text in enumerate(texts):
        if index in table_events:
            continue
        line = _first_line(text)
        field_name = match_speaker_field(line)
        line_name = None if field_name is not None else match_machine_label_line(line)
        if field_name is None and line_name is None:
            continue
        if len(line) < len(text):
            below_index, below_start, below = index, starts[index] + len(line) + 1, text[len(line) + 1 :]
        elif index + 1 < len(texts) and index + 1 not in table_events:
            below_index, below_start, below = index + 1, starts[index + 1], texts[index + 1]
        else:
            continue
        if field_name is not None:
            words_at = match_text_field(below)
            if words_at is not None:
                fields[index] = (field_name, speaker_key(field_name), below_start + words_at, None, None, True)
                if below_index != index:
                    text_paragraphs.add(below_index)
            continue
        if match_time_line(_first_line(below)) is not None:
            continue  # a name line, then a time line: a Teams pair (see _name_then_time)
        timed = match_segment_time(below)
        words_at, start_ms = timed if timed is not None else (0, None)
        lines[index] = (line_name, speaker_key(line_name), below_start + words_at, start_ms, None, True)
    if len(fields) < 2:
        fields, text_paragraphs = {}, set()
    return {**fields, **lines}, frozenset(text_paragraphs)


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


# A turn is made by tuple.__new__ with all of ParsedTurn's fields (votes and priority: none in a transcript): the
# named tuple's own constructor is a Python function (54,000 turns: 6 ms).
assert ParsedTurn._fields == ("speaker", "start", "end", "start_ms", "end_ms", "votes", "priority")


def _clock_at_end(text: str, lo: int) -> tuple[int, int] | None:
    """(position, ms) of a bare clock ending the paragraph, at or after ``lo``."""
    window = max(lo, len(text) - _CLOCK_AT_END_MAX)
    match = _CLOCK_AT_END.search(text, window)
    if match is None or (match.start() > lo and not text[match.start() - 1].isspace()
                         and text[match.start() - 1] not in ".?!…)]\"“”»«"):
        return None
    ms = clock_to_ms(match["time"])
    return None if ms is None else (match.start(), ms)


def _may_end_in_clock(text: str) -> bool:
    last = text[-1:]
    return last.isdigit() or last.isspace()


def _clocks_close_turns(texts: list[str], events: dict[int, _Event]) -> bool:
    """Whether this transcriber closes turns with a bare time ("... Das belegt. 01:37"): the last paragraph of at
    least half the turns (and of two at least) ends with one. A single sentence ending "um 10:30" is no such
    convention."""
    if len(events) < 2:
        return False
    ends = sorted(events)[1:] + [len(texts)]
    # Only a paragraph ending in a digit (or spaces after one) can end with a clock: most are looked at no further.
    closed = sum(1 for end in ends if _may_end_in_clock(texts[end - 1]) and _clock_at_end(texts[end - 1], 0))
    return closed >= 2 and closed * 2 >= len(events)


def _build_turns(
    texts: list[str], starts: list[int], events: dict[int, _Event], clocks_close: bool = False
) -> list[ParsedTurn]:
    """``clocks_close``: a bare time ending a paragraph is a time mark, like an f4 mark (see _clocks_close_turns)."""
    new_tuple = tuple.__new__
    turns: list[ParsedTurn] = []
    shown: dict[str, str] = {}  # speaker key -> the first spelling met
    # The open turn, in local variables (an object's attributes cost more per paragraph); key None: none open yet.
    key: str | None = None
    speaker = merge = start_ms = end_ms = start = None
    end = 0
    previous_mark: int | None = None  # f4 mark ending the previous paragraph: the next turn's start time
    words_from = 0  # document offset before which text is label material

    for index, text in enumerate(texts):
        offset = starts[index]
        event = events.get(index)
        if event is not None:
            name, event_key, content_start, event_start_ms, event_end_ms, event_merge = event
            if not (event_merge and merge and key == event_key):
                if start is not None:
                    turns.append(new_tuple(ParsedTurn, (speaker, start, end, start_ms, end_ms, None, None)))
                key, merge = event_key, event_merge
                speaker = shown.setdefault(key, name)
                start_ms = event_start_ms if event_start_ms is not None else previous_mark
                end_ms = start = None
            if event_end_ms is not None:
                end_ms = event_end_ms
            words_from = content_start
        # Where this paragraph's words may start: after the label (whose words may begin a paragraph later).
        lo = words_from - offset
        if lo < 0:
            lo = 0
        elif lo > len(text):
            lo = len(text)
        last = text[-1:]
        # Only a paragraph ending in "#" (or in spaces, which the mark may precede) can end with an f4 mark.
        mark = _trailing_mark(text, lo) if last == "#" or last.isspace() else None
        if mark is None and clocks_close and (last.isdigit() or last.isspace()):
            mark = _clock_at_end(text, lo)
        previous_mark = None if mark is None else mark[1]
        if key is None:
            continue
        segment = text[lo:] if mark is None else text[lo : mark[0]]
        words = segment.lstrip()
        if not words:
            continue
        first = offset + lo + len(segment) - len(words)
        if start is None:
            start = first
        end = first + len(words.rstrip())
        if mark is not None:
            end_ms = mark[1]
    if start is not None:
        turns.append(new_tuple(ParsedTurn, (speaker, start, end, start_ms, end_ms, None, None)))
    return turns
