"""Decoding bytes and the canonical text form."""

from __future__ import annotations

import codecs
import tempfile
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers import canonical
from app.importers.base import ReaderError
from app.importers.canonical import canonical_text, decode_bytes, read_file_bytes
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


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


# --- the NFC check a UTF-8 file's bytes can spare (_surely_nfc) --------------------------------------------------

def _composing_seconds() -> set[str]:
    """Characters that can compose with the one before them (NFC quick check "Maybe"): the second of every
    two-character canonical decomposition, and Hangul's medial vowels and final consonants."""
    seconds = {chr(cp) for cp in [*range(0x1161, 0x1176), *range(0x11A8, 0x11C3)]}
    for cp in range(0x110000):
        decomposition = unicodedata.decomposition(chr(cp))
        if decomposition and not decomposition.startswith("<") and len(parts := decomposition.split()) == 2:
            seconds.add(chr(int(parts[1], 16)))
    return seconds


def test_the_characters_taken_as_nfc_in_any_company_are():
    # Combining class 0 and quick check "Yes" (not "No": the character alone is NFC; not "Maybe": it never
    # composes with the character before it), for every character _surely_nfc lets through.
    safe = [chr(cp) for cp in [*range(0x300), *range(0x2002, 0x2040), *range(0x2080, 0x20C0)]]
    seconds = _composing_seconds()
    assert "\u0301" in seconds and "\u1161" in seconds  # the scan finds what it should
    for ch in safe:
        assert unicodedata.combining(ch) == 0, hex(ord(ch))
        assert unicodedata.normalize("NFC", ch) == ch, hex(ord(ch))
        assert ch not in seconds, hex(ord(ch))
        assert canonical._surely_nfc(ch.encode("utf-8", "surrogatepass")) or ord(ch) in (0x2000, 0x2001)
    for ch in "\u2000\u2001\u0300\u0301\u0340\u2126\u212b\u1161\u20d0\u2040\u2081\u00e9\u0131–„“€":
        assert canonical._surely_nfc(ch.encode()) == (ch in safe and ch not in "\u2000\u2001"), hex(ord(ch))


_MIXED_TEXT = st.text(st.one_of(
    st.characters(max_codepoint=0x2FF),
    st.characters(min_codepoint=0x1F00, max_codepoint=0x2200),
    st.sampled_from("\u0301\u0308\u0327\u0340\u2000\u2001\u2126\u212b\u1100\u1161\u11a8\uac00\u0cd5\u0b3e\ufeff"),
    st.characters(codec="utf-8"),
), max_size=30)


@settings(max_examples=2000, deadline=None)
@given(_MIXED_TEXT)
def test_a_text_surely_nfc_is_nfc(text: str) -> None:
    if canonical._surely_nfc(text.encode("utf-8")):
        assert unicodedata.is_normalized("NFC", text)


@settings(max_examples=500, deadline=None)
@given(_MIXED_TEXT, st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
def test_reading_a_file_canonical_is_decoding_then_making_canonical(text: str, encoding: str) -> None:
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        path.write_bytes(data)
        try:
            expected = canonical.canonical_text(canonical.decode_bytes(data, path))
        except ReaderError:
            with pytest.raises(ReaderError):
                canonical.read_canonical_text(path)
            return
        assert canonical.read_canonical_text(path) == expected


@needs_shared_data
def test_real_files_read_canonical_as_before() -> None:
    files = sorted(DATA.glob("*.txt")) + [Path(__file__).resolve().parents[2] / "resources/sample/workshop_de.txt"]
    assert len(files) >= 2
    for path in files:
        expected = canonical.canonical_text(canonical.decode_bytes(path.read_bytes(), path))
        assert canonical.read_canonical_text(path) == expected
