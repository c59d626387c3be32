"""Bytes to the one canonical text form every document is stored in.

``decode_bytes`` finds the encoding (byte-order mark, UTF-8, UTF-16 without BOM, else a restricted guess) and
``canonical_text`` fixes the representation: no BOM, ``\\n`` line ends only, NFC. Positions of codings are
code-point offsets into that canonical string, so every reader must hand out canonical text (DESIGN.md).
"""

from __future__ import annotations

import codecs
import os
import re
import unicodedata
from pathlib import Path

from app.importers.base import ReaderError

MAX_FILE_BYTES = 200 * 1024 * 1024
"""Largest file any reader accepts; a transcript is a few MB at most, so this only stops runaway input."""

_SAMPLE_BYTES = 256 * 1024
"""How much of a file the encoding heuristics look at; the whole file is then decoded with the result."""

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 LE one.
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
)

# Legacy encodings a transcript realistically comes in. charset-normalizer is only asked to choose among
# these: unrestricted, it happily calls short German text "cp1006" or "cp775".
_GUESS_CANDIDATES = [
    "cp1252", "cp1250", "cp1251", "cp1253", "cp1254", "cp1255", "cp1256", "cp1257",
    "koi8_r", "cp932", "gb18030", "big5", "euc_kr",
]
# Guesses that share the Latin script with cp1252: between these and cp1252 we decide ourselves, because
# umlauts are the same bytes in all of them and charset-normalizer picks one arbitrarily.
_LATIN_GUESSES = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_15", "iso8859_2", "iso8859_9"}
# A non-Latin guess is only believed with this much evidence; two or three bytes prove nothing.
_MIN_NON_ASCII_FOR_FOREIGN_GUESS = 16
# Non-letters that are normal in Western European text; anything else non-ASCII and not a letter is a sign
# that the bytes were decoded with the wrong code page.
_NORMAL_SYMBOLS = set("\u00a0„“”‚‘’«»‹›–—…•·€£¥$§°©®™¡¿×÷±µ¶†‡ˆ˜´ªº")

_LINE_SEPARATORS = ("\u2028", "\u2029")
# Control characters that do not occur in text (every one below " " but tab, line and page breaks and the
# DOS end-of-file mark \x1a): many of them mean the bytes are binary data.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x19\x1b-\x1f]")
_NOT_CONTROL_BYTES = bytes(byte for byte in range(256) if not _CONTROLS.match(chr(byte)))


def read_file_bytes(path: str | Path, limit: int | None = None) -> bytes:
    """The file's bytes, or ReaderError if it is missing, unreadable or larger than ``limit``
    (default ``MAX_FILE_BYTES``)."""
    limit = MAX_FILE_BYTES if limit is None else limit
    try:
        with open(path, "rb") as handle:
            # Refused by its size before reading: a 1 GB file must not be read (and held) first.
            if os.fstat(handle.fileno()).st_size > limit:
                raise ReaderError(path, f"is too large to import (the limit is {format_size(limit)})")
            data = handle.read(limit + 1)  # what is not a regular file has no size: read up to the limit
    except FileNotFoundError:
        raise ReaderError(path, "the file was not found") from None
    except IsADirectoryError:
        raise ReaderError(path, "is a folder, not a file") from None
    except PermissionError:
        raise ReaderError(path, "cannot be opened: permission denied") from None
    except OSError as exc:
        raise ReaderError(path, f"cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise ReaderError(path, f"is too large to import (the limit is {format_size(limit)})")
    return data


def format_size(n: int) -> str:
    """A byte count for messages: "200 MB", "512 kB"."""
    if n >= 1024 * 1024:
        return f"{n // (1024 * 1024)} MB"
    if n >= 1024:
        return f"{n // 1024} kB"
    return f"{n} bytes"


def read_canonical_text(path: str | Path) -> str:
    """A text file's canonical text: ``canonical_text(decode_bytes(read_file_bytes(path), path))``, where a UTF-8
    file's bytes can spare the NFC check (see ``_surely_nfc``)."""
    return read_canonical_utf8(path)[0]


def read_canonical_utf8(path: str | Path) -> tuple[str, bytes | None]:
    """``read_canonical_text``'s text, and its UTF-8 bytes when they are the file's bytes (a UTF-8 file without
    BOM that was canonical already), else None."""
    data = read_file_bytes(path)
    decoded, from_utf8 = _decode(data, path)
    text = canonical_text(decoded, known_nfc=from_utf8 and _surely_nfc(data))
    return text, data if from_utf8 and text is decoded else None


def canonical_text(s: str, *, known_nfc: bool = False) -> str:
    """The canonical form of a text: no leading BOM, ``\\n`` as the only line break, NFC.

    Idempotent; the result never contains ``\\r``, U+2028 or U+2029. ``known_nfc``: the caller knows ``s`` has
    only characters that are NFC in any company, so the NFC check is left out (taking a BOM or line separators
    out, or writing ``\\n`` for them, leaves such a text of such characters).
    """
    s = s.lstrip("\ufeff")
    if "\r" in s:
        s = s.replace("\r\n", "\n").replace("\r", "\n")
    for separator in _LINE_SEPARATORS:
        if separator in s:
            s = s.replace(separator, "\n")
    # The quick check avoids copying a large text that is already NFC (the usual case).
    if not known_nfc and not unicodedata.is_normalized("NFC", s):
        s = unicodedata.normalize("NFC", s)
    return s


# Characters with canonical combining class 0 and NFC quick check "Yes" (UAX #15): a text of only these is NFC,
# whatever their order. Every character below U+0300 (where the combining marks begin), and U+2002-U+203F and
# U+2080-U+20BF (dashes, quotes, spaces, currency signs); tested against unicodedata.
_ASCII = bytes(range(0x80))
_BELOW_U0300 = bytes(range(0xCC))  # in UTF-8: ASCII, the continuation bytes and the lead bytes below U+0300


def _surely_nfc(utf8: bytes) -> bool:
    """True when the UTF-8 text holds only the characters above, so it is NFC; False when it may not be.

    A look at the bytes in C, a few times faster than unicodedata's check of the decoded text (18 MB: 30 ms).
    """
    wide = utf8.translate(None, _ASCII)  # the bytes of the characters beyond ASCII (few, in most transcripts)
    leads = wide.translate(None, _BELOW_U0300)  # the first byte of each character from U+0300 on
    if not leads:
        return True
    if leads.count(0xE2) != len(leads):  # a character beyond U+2000-U+2FFF
        return False
    # Every E2 starts U+2000-U+203F (E2 80 ..) or U+2080-U+20BF (E2 82 ..), and none is U+2000 or U+2001.
    return (
        wide.count(b"\xe2\x80") + wide.count(b"\xe2\x82") == len(leads)
        and b"\xe2\x80\x80" not in wide
        and b"\xe2\x80\x81" not in wide
    )


def decode_bytes(data: bytes, path: str | Path | None) -> str:
    """Decode a text file's bytes (BOM stripped); ReaderError if they are not text in a known encoding."""
    return _decode(data, path)[0]


def _decode(data: bytes, path: str | Path | None) -> tuple[str, bool]:
    """``decode_bytes``' text, and whether it is ``data`` decoded as UTF-8 (no BOM)."""
    for bom, encoding, label in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(encoding)
            except UnicodeDecodeError:
                raise ReaderError(
                    path, f"starts with a {label} byte-order mark but is not valid {label} text (damaged file?)"
                ) from None
            return _checked(text, path), False

    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        try:
            return _checked(data.decode(utf16), path), False
        except UnicodeDecodeError:
            pass  # NUL pattern but not UTF-16 after all: most likely binary, judged below

    try:
        return _checked(data.decode("utf-8"), path, utf8=data), True
    except UnicodeDecodeError:
        pass

    sample = data[:_SAMPLE_BYTES]
    if b"\x00" in sample:
        raise _binary(path)
    encoding = _guess_legacy_encoding(sample)
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        # The guess held for the sample but not for the rest; latin-1 decodes any byte, and cp1252 text
        # with a stray undefined byte is still best read as latin-1.
        text = data.decode("latin-1")
    return _checked(text, path), False


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' if the bytes look like UTF-16 without a BOM (Latin text: every other byte NUL)."""
    sample = data[: _SAMPLE_BYTES - _SAMPLE_BYTES % 2]
    if len(data) % 2 or len(sample) < 4 or b"\x00" not in sample:  # no NUL at all: no need to count them
        return None
    pairs = len(sample) // 2
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    if odd_nuls >= 0.3 * pairs and even_nuls <= 0.05 * pairs:
        return "utf-16-le"
    if even_nuls >= 0.3 * pairs and odd_nuls <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _guess_legacy_encoding(sample: bytes) -> str:
    """The most plausible single- or double-byte encoding of ``sample``, preferring cp1252 when in doubt."""
    western = _western_encoding(sample)
    non_ascii = sum(1 for byte in sample if byte >= 0x80)
    try:
        # Imported here: canonical_text is used everywhere, the guesser only for legacy-encoded files.
        from charset_normalizer import from_bytes

        best = from_bytes(sample, cp_isolation=_GUESS_CANDIDATES).best()
    except Exception:  # noqa: BLE001 - a failing heuristic must not fail the import; cp1252 is the fallback
        best = None
    if best is None:
        return western
    guess = best.encoding
    if guess in _LATIN_GUESSES:
        return _better_latin(sample, guess, western)
    if non_ascii < _MIN_NON_ASCII_FOR_FOREIGN_GUESS:
        return western
    return guess


def _western_encoding(sample: bytes) -> str:
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return "latin-1"  # bytes cp1252 leaves undefined (0x81, 0x8d, ...): latin-1 reads them
    return "cp1252"


def _better_latin(sample: bytes, guess: str, western: str) -> str:
    """Between a Latin-script guess and cp1252/latin-1: the one whose decoding has fewer misplaced symbols."""
    if guess == western:
        return western
    try:
        guessed_text = sample.decode(guess, errors="strict")
    except UnicodeDecodeError:
        return western
    western_text = sample.decode(western)
    if _odd_characters(guessed_text) < _odd_characters(western_text):
        return guess
    return western


def _odd_characters(text: str) -> int:
    return sum(1 for ch in text if ch >= "\x80" and not ch.isalpha() and ch not in _NORMAL_SYMBOLS)


def _checked(text: str, path: str | Path | None, *, utf8: bytes | None = None) -> str:
    """Refuse decoded text that is really binary data (NULs, many control characters).

    A NUL in otherwise readable text is refused too, not dropped: it means the file was damaged or saved by
    something that is not a text editor (so more may be wrong than one byte), XML (Word, REFI-QDA) cannot hold
    it, and other tools cut the text there. The message says on which line, so it can be mended in an editor.
    """
    sample = text[:_SAMPLE_BYTES]
    # Counted on the UTF-8 bytes, where a byte below 0x20 is always that control character: deleting every other
    # byte is a tenth of the time of a regex scan (1 ms per 140,000 characters), which is a tenth of Python's loop.
    # ``utf8``, the bytes the text was decoded from, are the sample's bytes when the whole text is the sample.
    sample_bytes = utf8 if utf8 is not None and len(text) <= _SAMPLE_BYTES else sample.encode("utf-8", "surrogatepass")
    controls = len(sample_bytes.translate(None, _NOT_CONTROL_BYTES))
    if controls > max(8, len(sample) // 100):
        raise _binary(path)
    # In UTF-8 a NUL byte is the NUL character: memchr on the bytes, not a scan of a text wider than a byte.
    nul = -1 if utf8 is not None and b"\x00" not in utf8 else text.find("\x00")
    if nul >= 0:
        line = 1 + len(re.findall(r"\r\n?|\n", text[:nul]))
        raise ReaderError(path, f"contains a NUL byte (line {line}), which no text transcript holds: the file is "
                                "damaged or not plain text; open it in an editor, remove it and save as UTF-8")
    return text


def _binary(path: str | Path | None) -> ReaderError:
    return ReaderError(path, "does not contain readable text (it looks like a binary file, not a text transcript)")
