"""Subtitle files (SRT, WebVTT) from recording and meeting tools, read as transcripts.

Cue timings become turn times. The speaker comes from a WebVTT voice tag ``<v Anna Weber>`` (what Teams and Zoom
write) or a ``Name:`` at the start of the cue's text (checked like labels in transcripts, see
``speaker_labels``). Consecutive cues of one speaker are one turn, from the first cue's start to the last cue's
end. A cue without a speaker continues the turn before when that turn has a speaker (subtitlers name the speaker
only when it changes; ``>>`` marks a change to an unnamed speaker); in a file without any speakers each cue is
its own turn, so the times stay usable. The text is one line per turn, ``Name: words``; cue numbers, the WEBVTT
header and NOTE/STYLE/REGION blocks, tags (``<i>``, ``<c.x>``, ``<00:00:01.000>``) and line breaks inside a cue
are not part of it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from app.importers.base import ParsedDocument, ParsedTurn, ReaderError
from app.importers.canonical import canonical_text, read_canonical_text
from app.importers.speaker_labels import Label, accept_labels, match_label, tidy_name
from app.importers.timecodes import clock_to_ms
from app.models.speaker_names import speaker_key

_TIMING = re.compile(r"(?P<start>\S+)[ \t]*-->[ \t]*(?P<end>[^\s]+)(?:[ \t]+.*)?")
_TIMING_LIKE = re.compile(r"\d+:\d+\S*\s*(?:-+|–|—)>")  # "00:00:01,000 -> 00:00:02,000": meant as a timing
_VTT_SKIPPED_BLOCK = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+(?P<name>[^>]*))?>")
_TAG = re.compile(r"<[^>]*>|\{\\[^}]*\}")  # HTML-like tags, cue timestamps, ASS override codes {\an8}
_WORD_TIMESTAMP = re.compile(r"<\d{1,2}:\d{2}")
_CHANGE = re.compile(r"\s*(?:>>|&gt;&gt;)\s*")  # broadcast captions: ">>" starts another speaker


@dataclass(slots=True)
class _Cue:
    start_ms: int
    end_ms: int
    line: int
    lines: list[str] = field(default_factory=list)
    open: bool = True  # no blank line since its timing


@dataclass(slots=True)
class _Segment:
    """What one speaker says in one cue."""

    start_ms: int
    end_ms: int
    words: str
    voice: str | None = None  # from a <v> tag: certain
    label: Label | None = None  # from a "Name:" prefix: checked against the whole file
    labelled: str = ""  # the words with that prefix, for when it turns out not to be a speaker
    change: bool = False  # ">>": someone else speaks now


def timed_turns(pieces: Iterable[tuple[int, int, str, str | None]]) -> tuple[str, list[ParsedTurn]]:
    """The text and turns of timed pieces of speech (start ms, end ms, words, speaker or None), as cues make them:
    for readers of other timed formats (Whisper's JSON segments)."""
    return _assemble([_Segment(start, end, words, speaker or None) for start, end, words, speaker in pieces])


def read_srt(path: str | Path) -> ParsedDocument:
    """An SubRip (.srt) file as a document with timed turns."""
    return _read(Path(path), "srt")


def read_vtt(path: str | Path) -> ParsedDocument:
    """A WebVTT (.vtt) file as a document with timed turns."""
    return _read(Path(path), "vtt")


def _read(path: Path, source_format: str) -> ParsedDocument:
    text = read_canonical_text(path)
    warnings: list[str] = []
    cues = _cues(text, path, vtt=source_format == "vtt", warnings=warnings)
    if source_format == "vtt":
        _drop_rolled_up_lines(cues)
    segments = [segment for cue in cues for segment in _segments(cue, vtt=source_format == "vtt")]
    if not segments:
        raise ReaderError(path, "contains no subtitle cues with text (expected timings such as "
                                "00:00:01,000 --> 00:00:04,000 followed by text)")
    document_text, turns = _assemble(segments)
    return ParsedDocument(path.stem, document_text, path.name, source_format, turns=tuple(turns),
                          warnings=tuple(warnings))


def _cues(text: str, path: Path, *, vtt: bool, warnings: list[str]) -> list[_Cue]:
    """The cues, in file order. Lenient where players are (blank lines inside a cue, missing blank lines between
    SRT cues, a timing that cannot be read: see _timing); text before the first cue is an error, with its line
    number."""
    cues: list[_Cue] = []
    pending: list[tuple[int, str]] = []  # lines of the current block before any timing
    skipping = False  # inside the WEBVTT header or a NOTE/STYLE/REGION block
    block_start = True

    def flush_pending() -> None:
        if not pending:
            return
        if not cues:
            number, line = pending[0]
            raise ReaderError(path, f"line {number}: {line[:40]!r} is not part of a subtitle cue (expected a cue "
                                    "timing such as 00:00:01,000 --> 00:00:04,000)")
        cues[-1].lines.extend(line for _, line in pending)  # a blank line inside the cue text
        pending.clear()

    for number, raw in enumerate(text.split("\n"), start=1):
        line = raw.strip()
        if not line:
            flush_pending()
            if cues:
                cues[-1].open = False
            skipping, block_start = False, True
            continue
        if skipping:
            continue
        if block_start and vtt and (
            (not cues and not pending and line.startswith("WEBVTT")) or _VTT_SKIPPED_BLOCK.fullmatch(line)
        ):
            skipping, block_start = True, False
            continue
        block_start = False
        if "-->" in line or _TIMING_LIKE.match(line):
            start, end = _timing(line, number, cues[-1].end_ms if cues else 0, warnings)
            if pending:
                pending.pop()  # the line just before a timing is the cue's number or identifier
                flush_pending()
            elif cues and cues[-1].open and cues[-1].lines and cues[-1].lines[-1].isdigit() and not vtt:
                cues[-1].lines.pop()  # SRT without blank lines between cues: that number was the next cue's
            cues.append(_Cue(start, end, number))
        elif cues and cues[-1].open:
            cues[-1].lines.append(line)
        else:
            pending.append((number, line))
    flush_pending()
    return cues


def _drop_rolled_up_lines(cues: list[_Cue]) -> None:
    """YouTube's automatic captions roll up: each cue repeats the previous cue's last line. Keep it once.

    Only in files with word timestamps (``<00:00:00.500>``), which is how such captions are written: elsewhere the
    same words in two cues are said twice.
    """
    if not any(_WORD_TIMESTAMP.search(line) for cue in cues for line in cue.lines):
        return
    previous_last = ""
    for cue in cues:
        plain = [_TAG.sub("", line).strip() for line in cue.lines]
        repeated = 0
        while repeated < len(plain) and previous_last and plain[repeated] == previous_last:
            repeated += 1
        if repeated:
            del cue.lines[:repeated]
        if plain:
            previous_last = plain[-1]


def _timing(line: str, number: int, previous_end: int, warnings: list[str]) -> tuple[int, int]:
    """A cue's start and end. Lenient as players are: a time that cannot be read, or an end before the start
    (noScribe writes such cues), keeps the cue, timed as well as can be, with a warning naming the line."""
    match = _TIMING.fullmatch(line)
    start = clock_to_ms(match["start"]) if match else None
    end = clock_to_ms(match["end"]) if match else None
    if start is None:
        warnings.append(f"line {number}: the cue timing {line[:60]!r} cannot be read (expected e.g. "
                        "00:00:01,000 --> 00:00:04,000); its text is kept, timed after the cue before")
        return previous_end, max(previous_end, end or 0)
    if end is None:
        warnings.append(f"line {number}: the cue's end in {line[:60]!r} cannot be read; it is taken to end "
                        "where it starts")
        return start, start
    if end < start:
        warnings.append(f"line {number}: the cue ends before it starts ({line[:60]!r}); it is taken to end where "
                        "it starts")
        return start, start
    return start, end


def _segments(cue: _Cue, *, vtt: bool) -> list[_Segment]:
    """A cue's text, split where a voice tag or ">>" names another speaker, tags removed."""
    segments: list[_Segment] = []
    voice: str | None = None
    change = False
    words: list[str] = []

    def close() -> None:
        joined = " ".join(" ".join(words).split())
        if joined:
            label = None
            if voice is None:
                label = match_label(joined)
                if label is not None and label.kind == "bracket" and joined[: label.content_start].endswith(":"):
                    label = label._replace(kind="colon")  # whisper + pyannote's "[Guest 1]: ...": a name, a colon
                if label is not None and (label.kind != "colon" or not joined[label.content_start :].strip()):
                    label = None  # "[Music]", "[id1]" without a colon: no speaker in a subtitle
            content = joined[label.content_start :].strip() if label is not None else joined
            segments.append(_Segment(cue.start_ms, cue.end_ms, content, voice, label, joined, change))
        words.clear()

    for line in cue.lines:
        voice_tag = _VOICE.match(line)
        change_mark = _CHANGE.match(line)
        if voice_tag is not None or change_mark is not None:
            close()
            change = voice_tag is None
            voice = tidy_name(voice_tag["name"] or "") or None if voice_tag is not None else None
            line = line[(voice_tag or change_mark).end() :]
        piece = _TAG.sub("", line)
        if vtt:
            piece = html.unescape(piece)
        words.append(canonical_text(piece))
    close()
    return segments


def _assemble(segments: list[_Segment]) -> tuple[str, list[ParsedTurn]]:
    """Merge segments into turns and write the text, one line per turn."""
    accepted = iter(accept_labels([s.label for s in segments if s.label is not None],
                                  known_keys=[speaker_key(s.voice) for s in segments if s.voice]))
    shown: dict[str, str] = {}
    turns: list[tuple[str | None, str | None, list[str], int, int]] = []  # speaker, key, words, start, end
    for segment in segments:
        name = segment.voice
        if segment.label is not None:
            if next(accepted):
                name = segment.label.name
            else:
                segment.words = segment.labelled  # not a speaker: the prefix is part of the words
        key = speaker_key(name) if name else None
        if key:
            name = shown.setdefault(key, name)
        else:
            name = key = None
        last = turns[-1] if turns else None
        if last is not None and not segment.change and (
            (key is not None and last[1] == key) or (key is None and last[1] is not None)
        ):
            last[2].append(segment.words)
            turns[-1] = (last[0], last[1], last[2], last[3], max(last[4], segment.end_ms))
        else:
            turns.append((name, key, [segment.words], segment.start_ms, segment.end_ms))

    lines: list[str] = []
    parsed: list[ParsedTurn] = []
    offset = 0
    for name, _key, words, start_ms, end_ms in turns:
        prefix = f"{name}: " if name else ""
        body = " ".join(words)
        lines.append(prefix + body)
        parsed.append(ParsedTurn(name, offset + len(prefix), offset + len(prefix) + len(body), start_ms, end_ms))
        offset += len(prefix) + len(body) + 1
    return "\n".join(lines), parsed
