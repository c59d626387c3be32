"""Whisper-family JSON, written here as openai-whisper, faster-whisper, WhisperX and whisper.cpp write it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers import read_document
from app.importers.base import ReaderError


def write(tmp_path: Path, data: object, name: str = "aufnahme.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def said(doc) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(t.speaker, doc.turn_text(t), t.start_ms, t.end_ms) for t in doc.turns]


def word(text: str, start: float, end: float, speaker: str | None = None) -> dict[str, object]:
    entry: dict[str, object] = {"word": text, "start": start, "end": end, "score": 0.9}
    if speaker:
        entry["speaker"] = speaker
    return entry


def test_whisperx_segments_with_speakers_and_words(tmp_path: Path) -> None:
    data = {
        "segments": [
            {"start": 0.031, "end": 2.5, "text": " Willkommen zur Fokusgruppe.", "speaker": "SPEAKER_00",
             "words": [word("Willkommen", 0.031, 0.9, "SPEAKER_00"), word("zur", 0.9, 1.1, "SPEAKER_00")]},
            {"start": 2.6, "end": 4.0, "text": " Wer möchte anfangen?", "speaker": "SPEAKER_00", "words": []},
            {"start": 4.2, "end": 9.75, "text": " Ich. Bei uns im Betrieb   klappt das gut.", "speaker": "SPEAKER_01"},
            {"start": 9.8, "end": 11.0, "text": " Danke.", "speaker": "SPEAKER_00"},
        ],
        "word_segments": [word("Willkommen", 0.031, 0.9)],
        "language": "de",
    }
    doc = read_document(write(tmp_path, data))
    assert doc.source_format == "json" and doc.name == "aufnahme"
    assert said(doc) == [
        ("SPEAKER_00", "Willkommen zur Fokusgruppe. Wer möchte anfangen?", 31, 4000),
        ("SPEAKER_01", "Ich. Bei uns im Betrieb klappt das gut.", 4200, 9750),
        ("SPEAKER_00", "Danke.", 9800, 11000),
    ]
    assert doc.text == ("SPEAKER_00: Willkommen zur Fokusgruppe. Wer möchte anfangen?\n"
                        "SPEAKER_01: Ich. Bei uns im Betrieb klappt das gut.\nSPEAKER_00: Danke.")
    assert doc.warnings == ()


def test_segments_without_speakers_are_timed_paragraphs(tmp_path: Path) -> None:
    # faster-whisper's segments dumped as a list; openai-whisper's keys (id, seek, tokens, ...) around them.
    data = [{"id": 0, "seek": 0, "start": 0.0, "end": 3.2, "text": " Also, wir fangen an.", "tokens": [1, 2],
             "avg_logprob": -0.2, "words": None},
            {"id": 1, "seek": 0, "start": 3.2, "end": 6.0, "text": " Die Sprache ist das Wichtigste.", "tokens": []}]
    doc = read_document(write(tmp_path, data))
    assert doc.speakers == []
    assert said(doc) == [(None, "Also, wir fangen an.", 0, 3200), (None, "Die Sprache ist das Wichtigste.", 3200, 6000)]
    assert doc.text == "Also, wir fangen an.\nDie Sprache ist das Wichtigste."


def test_whisper_cpp_offsets_in_milliseconds(tmp_path: Path) -> None:
    data = {"transcription": [
        {"timestamps": {"from": "00:00:00,000", "to": "00:00:02,000"}, "offsets": {"from": 0, "to": 2000},
         "text": " Hallo zusammen."},
        {"offsets": {"from": 2000, "to": 5120}, "text": " Schön, dass Sie da sind."},
    ]}
    assert said(read_document(write(tmp_path, data))) == [
        (None, "Hallo zusammen.", 0, 2000), (None, "Schön, dass Sie da sind.", 2000, 5120)]


def test_broken_segments_are_left_out_with_a_warning(tmp_path: Path) -> None:
    data = {"segments": [
        {"start": 0, "end": 1, "text": "eins", "speaker": "A"},
        {"start": "bald", "end": 2, "text": "zwei"},
        "drei",
        {"start": 3, "end": 2.5, "text": "vier", "speaker": "B"},
        {"start": 5, "end": 6, "text": 7},
        {"start": 6, "end": 7, "text": "   "},
        {"start": float("nan"), "end": 8, "text": "acht"},
    ]}
    doc = read_document(write(tmp_path, data))
    assert said(doc) == [("A", "eins", 0, 1000), ("B", "vier", 3000, 3000)]
    assert [warning.split(":")[0].split(" is")[0] for warning in doc.warnings] == [
        "segment 2", "segment 3", "segment 4", "segment 5", "segment 7"]


def test_only_a_text_without_segments(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, {"text": " Nur der Text, ohne Zeiten. ", "language": "de"}))
    assert (doc.text, doc.turns) == ("Nur der Text, ohne Zeiten.", ())


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{\"segments\": [", "not valid JSON"),
        ("[1, 2, 3]", "not a transcript"),
        ("{\"name\": \"Projekt\"}", "not a transcript"),
        ("{\"segments\": []}", "no segments with text"),
        ("[" * 100_000 + "]" * 100_000, "JSON"),
    ],
)
def test_files_that_are_no_transcript_are_refused_with_one_message(tmp_path: Path, content: str,
                                                                   problem: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ReaderError, match=rf"^x\.json: .*{problem}"):
        read_document(path)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(
        st.sampled_from(["segments", "start", "end", "text", "speaker", "words", "offsets", "from", "to",
                         "transcription", "x"]), inner, max_size=6),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=JSON_VALUES)
def test_any_json_gives_a_document_or_a_reader_error(tmp_path: Path, data: object) -> None:
    path = tmp_path / "fuzz.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    try:
        doc = read_document(path)
    except ReaderError as error:
        assert str(error).startswith("fuzz.json: ")
        return
    for turn in doc.turns:
        assert 0 <= turn.start < turn.end <= len(doc.text)
        assert turn.start_ms is None or 0 <= turn.start_ms <= (turn.end_ms or turn.start_ms)
