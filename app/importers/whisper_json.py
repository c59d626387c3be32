"""JSON transcripts from Whisper and its kin (openai-whisper, faster-whisper, WhisperX, whisper.cpp's -oj).

They all write segments: ``{"segments": [{"start": 0.0, "end": 7.68, "text": " hello", "speaker"?: "SPEAKER_00",
"words"?: [...]}]}`` (times in seconds), some tools a bare list of such segments, whisper.cpp
``{"transcription": [{"offsets": {"from": ms, "to": ms}, "text": ...}]}``. Segments become timed pieces of speech
as subtitle cues do (``subtitles.timed_turns``): consecutive segments of one speaker are one turn; without
speakers each segment is a timed paragraph of its own, so the recording's times stay usable. A segment that
cannot be read (no text, a time that is not a number) is left out with a warning; the rest of the file is kept.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

from app.importers.base import ParsedDocument, ReaderError
from app.importers.canonical import canonical_text, read_canonical_text
from app.importers.speaker_labels import tidy_name
from app.importers.subtitles import timed_turns

_MAX_WARNINGS = 20  # one per broken segment, up to this many; then one line says how many more


def read_whisper_json(path: str | Path) -> ParsedDocument:
    """A Whisper-family JSON file as a document with timed turns."""
    path = Path(path)
    text = read_canonical_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReaderError(path, f"is not valid JSON (line {exc.lineno}, column {exc.colno}: {exc.msg})") from exc
    except RecursionError as exc:
        raise ReaderError(path, "is nested too deeply to be read as JSON") from exc
    segments = _segments_of(data)
    if segments is None:
        if isinstance(data, dict) and isinstance(data.get("text"), str) and data["text"].strip():
            words = canonical_text(data["text"]).strip()  # a transcript without segments: its text, untimed
            return ParsedDocument(path.stem, words, path.name, "json")
        raise ReaderError(path, "is a JSON file, but not a transcript (expected Whisper's \"segments\", each with "
                                "\"start\", \"end\" and \"text\")")
    warnings: list[str] = []
    pieces = []
    for number, segment in enumerate(segments, start=1):
        piece = _piece(segment, number, warnings)
        if piece is not None:
            pieces.append(piece)
    if not pieces:
        raise ReaderError(path, "contains no segments with text")
    if len(warnings) > _MAX_WARNINGS:
        warnings[_MAX_WARNINGS:] = [f"{len(warnings) - _MAX_WARNINGS} more segments left out"]
    document_text, turns = timed_turns(pieces)
    return ParsedDocument(path.stem, document_text, path.name, "json", turns=tuple(turns), warnings=tuple(warnings))


def _segments_of(data: object) -> list[object] | None:
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        return data
    if isinstance(data, dict):
        for key in ("segments", "transcription"):
            if isinstance(data.get(key), list):
                return data[key]
    return None


def _piece(segment: object, number: int, warnings: list[str]) -> tuple[int, int, str, str | None] | None:
    """(start ms, end ms, words, speaker) of one segment, or None (with a warning) when it cannot be read."""
    if not isinstance(segment, dict):
        warnings.append(f"segment {number} is not a segment (an object with start, end and text); left out")
        return None
    raw = segment.get("text")
    if not isinstance(raw, str):
        if raw is not None:
            warnings.append(f"segment {number}: its text is not text; left out")
        return None
    words = " ".join(canonical_text(raw).split())
    if not words:
        return None
    offsets = segment.get("offsets")
    if isinstance(offsets, dict):  # whisper.cpp: milliseconds
        start, end = _milliseconds(offsets.get("from"), 1), _milliseconds(offsets.get("to"), 1)
    else:
        start, end = _milliseconds(segment.get("start"), 1000), _milliseconds(segment.get("end"), 1000)
    if start is None:
        warnings.append(f"segment {number}: its start {segment.get('start')!r} is not a time in seconds; left out")
        return None
    if end is None or end < start:
        warnings.append(f"segment {number}: its end is missing or before its start; taken to end where it starts")
        end = start
    speaker = segment.get("speaker")
    name = tidy_name(canonical_text(speaker)) if isinstance(speaker, str) else None
    return start, end, words, name or None


def _milliseconds(value: object, per_unit: int) -> int | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    if not math.isfinite(value) or value < 0 or value * per_unit > 1e10:  # beyond 100 days: not a recording time
        return None
    return round(value * per_unit)
