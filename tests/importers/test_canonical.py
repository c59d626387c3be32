"""Decoding bytes and the canonical text form."""

from __future__ import annotations

import codecs
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers import canonical
from app.importers.base import ReaderError
from app.importers.canonical import canonical_text, decode_bytes, read_file_bytes

GERMAN = (
    "Interviewer: Wie würden Sie die Zusammenarbeit beschreiben?\n"
    "B1: Äußerst schwierig, „wirklich“ – sagt Frau Weiß. Größe: 5 €.\n"
)
GERMAN_LATIN1 = (
    "Interviewer: Wie würden Sie die Zusammenarbeit beschreiben?\n"
    "B1: Äußerst schwierig, sagt Frau Weiß. Größe: 5 ½.\n"
)


# --- canonical_text ------------------------------------------------------------------------------------------


def test_canonical_strips_bom_and_unifies_line_ends() -> None:
    assert canonical_text("\ufeffa\r\nb\rc\nd\u2028e\u2029f") == "a\nb\nc\nd\ne\nf"


def test_canonical_crlf_is_one_line_break_not_two() -> None:
    assert canonical_text("a\r\n\r\nb") == "a\n\nb"


def test_canonical_is_nfc() -> None:
    decomposed = "Mu\u0308ller, Ange\u0301lique"
    assert canonical_text(decomposed) == "Müller, Angélique"


def test_canonical_keeps_other_characters() -> None:
    text = "I:\tja (.) \u00a0„so“ — Ω 😀 \x0c"
    assert canonical_text(text) == text


def test_canonical_strips_only_leading_bom() -> None:
    assert canonical_text("\ufeff\ufeffa\ufeffb") == "a\ufeffb"


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=200)
    | st.text(alphabet="\r\n\u2028\u2029\ufeffa\u0308\u0301e\u1100\u1161\u11a8 ", max_size=50)
)
def test_canonical_is_idempotent_and_has_no_cr(text: str) -> None:
    once = canonical_text(text)
    assert canonical_text(once) == once
    assert "\r" not in once and "\u2028" not in once and "\u2029" not in once
    assert not once.startswith("\ufeff")


# --- decode_bytes --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoded", "expected"),
    [
        (GERMAN.encode("utf-8"), GERMAN),
        (codecs.BOM_UTF8 + GERMAN.encode("utf-8"), GERMAN),
        (GERMAN.encode("utf-16"), GERMAN),  # Python writes a BOM (little-endian)
        (codecs.BOM_UTF16_BE + GERMAN.encode("utf-16-be"), GERMAN),
        (codecs.BOM_UTF32_LE + GERMAN.encode("utf-32-le"), GERMAN),
        (codecs.BOM_UTF32_BE + GERMAN.encode("utf-32-be"), GERMAN),
        (GERMAN.encode("utf-16-le"), GERMAN),  # no BOM: recognised by its NUL bytes
        (GERMAN.encode("utf-16-be"), GERMAN),
        (GERMAN.encode("cp1252"), GERMAN),
        (GERMAN_LATIN1.encode("latin-1"), GERMAN_LATIN1),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16", "utf-16-be-bom", "utf-32-le", "utf-32-be", "utf-16-le-nobom",
         "utf-16-be-nobom", "cp1252", "latin-1"],
)
def test_decode_encodings(encoded: bytes, expected: str) -> None:
    assert decode_bytes(encoded, "t.txt") == expected


@pytest.mark.parametrize("text", ["B1: Schön.", "Ä", "ß", "Grüße", "Müller: ok"])
def test_decode_short_german_cp1252(text: str) -> None:
    # Short texts give a statistical guesser almost nothing: Western European must win.
    assert decode_bytes(text.encode("cp1252"), "t.txt") == text


def test_decode_latin1_with_byte_undefined_in_cp1252() -> None:
    text = "Grüße\x81 aus Köln"  # 0x81 is unassigned in cp1252, a C1 control in latin-1
    assert decode_bytes(text.encode("latin-1"), "t.txt") == text


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        ("Интервьюер: Расскажите, пожалуйста, о вашем опыте работы в центре занятости.\n", "cp1251"),
        ("Zażółć gęślą jaźń. Wywiad z uczestnikiem numer dwa, część pierwsza.\n", "cp1250"),
        ("Αυτή είναι μια δοκιμή για την κωδικοποίηση του κειμένου.\n", "cp1253"),
    ],
)
def test_decode_other_legacy_code_pages(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "t.txt") == text


def test_decode_keeps_line_ends_for_canonical_text() -> None:
    # decode_bytes only decodes; canonical_text unifies the line ends.
    assert decode_bytes(b"a\r\nb\rc", "t.txt") == "a\r\nb\rc"


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 4,
        b"\x00" * 100,
        b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00" + bytes(200),
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
        b"abc\x00def",
        b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17",
    ],
    ids=["all-bytes", "nuls", "zip", "png", "nul-in-utf8", "controls"],
)
def test_decode_refuses_binary(data: bytes) -> None:
    with pytest.raises(ReaderError, match="binary|NUL byte") as info:
        decode_bytes(data, "notes.txt")
    assert str(info.value).startswith("notes.txt: ")


def test_decode_refuses_broken_text_after_bom() -> None:
    with pytest.raises(ReaderError, match="UTF-8"):
        decode_bytes(codecs.BOM_UTF8 + b"caf\xe9 \xff\xfe", "t.txt")
    with pytest.raises(ReaderError, match="UTF-16"):
        decode_bytes(codecs.BOM_UTF16_LE + "ab".encode("utf-16-le") + b"\x00\xd8", "t.txt")  # lone surrogate


def test_decode_empty() -> None:
    assert decode_bytes(b"", "t.txt") == ""
    assert decode_bytes(codecs.BOM_UTF8, "t.txt") == ""


def test_decode_large_input_is_fast() -> None:
    # 24 MB of cp1252: the guesser sees a sample only, the codec decodes the whole.
    data = GERMAN.encode("cp1252") * 200_000
    started = time.perf_counter()
    text = decode_bytes(data, "big.txt")
    assert time.perf_counter() - started < 10
    assert len(text) == len(GERMAN) * 200_000
    assert text.endswith(GERMAN)


def test_decode_large_utf8_is_fast() -> None:
    data = GERMAN.encode("utf-8") * 200_000
    started = time.perf_counter()
    assert decode_bytes(data, "big.txt").startswith(GERMAN)
    assert time.perf_counter() - started < 5


# --- read_file_bytes -----------------------------------------------------------------------------------------


def test_read_file_bytes_missing(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found") as info:
        read_file_bytes(tmp_path / "gone.txt")
    assert str(info.value).startswith("gone.txt: ")


def test_read_file_bytes_folder(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="folder"):
        read_file_bytes(tmp_path)


def test_read_file_bytes_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    assert read_file_bytes(path, limit=2048) == b"x" * 2048
    with pytest.raises(ReaderError, match="too large"):
        read_file_bytes(path, limit=2047)
    monkeypatch.setattr(canonical, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ReaderError, match="too large.*1000 bytes"):
        read_file_bytes(path)


def _checked_by_characters(text: str) -> bool:
    """The binary-data test as it was first written, one character at a time (the reference for the regex)."""
    sample = text[:256 * 1024]
    controls = sum(1 for ch in sample if ch < " " and ch not in "\t\n\r\f\v\x1a")
    return "\x00" not in text and controls <= max(8, len(sample) // 100)


def test_control_character_count_matches_the_character_scan() -> None:
    import random

    from app.importers import canonical

    rng = random.Random(4)
    alphabet = [chr(c) for c in range(0x00, 0x30)] + list("abcäöüß€ \n") + ["\u2028", "\U0001f600"]
    for _ in range(400):
        length = rng.choice((0, 5, 50, 300, 2000))
        weights = [rng.random() ** 4 for _ in alphabet]
        text = "".join(rng.choices(alphabet, weights, k=length))
        try:
            canonical._checked(text, None)
            accepted = True
        except ReaderError:
            accepted = False
        assert accepted == _checked_by_characters(text), repr(text[:80])
