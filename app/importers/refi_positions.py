"""Positions in a REFI-QDA source text, carried over to our canonical text.

A source file in a ``.qdpx`` may have a BOM, Windows line ends or decomposed accents, which ``canonical_text``
removes; a selection's positions count in that raw text, so they must move with it. NVivo counts UTF-16 code
units instead of code points (an emoji counts 2), which is converted first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from app.importers.canonical import canonical_text

_LINE_BREAKS = {"\r": "\n", "\u2028": "\n", "\u2029": "\n"}
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class PositionMap:
    """Maps positions in a raw source text (code points, or UTF-16 units) to positions in its canonical text."""

    def __init__(self, raw: str) -> None:
        self.raw = raw
        self._to_canonical: Sequence[int]
        self.unchanged = _unchanged(raw)
        if self.unchanged:  # the usual source file: every position stays where it is, no table is needed
            self.text, self._to_canonical = raw, range(len(raw) + 1)
        else:
            self.text, self._to_canonical = _canonical_with_map(raw)
        self._utf16: list[int] | None = None

    @property
    def has_astral(self) -> bool:
        """Whether UTF-16 units and code points differ anywhere in this text (emoji and other non-BMP)."""
        return _ASTRAL.search(self.raw) is not None  # max() of the str made a string per character

    def from_code_point(self, position: int) -> int | None:
        if not 0 <= position <= len(self.raw):
            return None
        return self._to_canonical[position]

    def from_utf16(self, position: int) -> int | None:
        if self._utf16 is None:
            self._utf16 = _code_point_at_utf16(self.raw)
        if not 0 <= position < len(self._utf16):
            return None
        return self.from_code_point(self._utf16[position])


def _unchanged(raw: str) -> bool:
    """Whether ``canonical_text(raw)`` is ``raw`` itself: nothing to drop, replace or compose."""
    return not any(mark in raw for mark in ("\ufeff", *_LINE_BREAKS)) and unicodedata.is_normalized("NFC", raw)


def _code_point_at_utf16(raw: str) -> list[int]:
    """For every UTF-16 offset the code point index at it (an offset inside a surrogate pair: the character's)."""
    table: list[int] = []
    for index, ch in enumerate(raw):
        table.append(index)
        if ord(ch) > 0xFFFF:
            table.append(index)
    table.append(len(raw))
    return table


def _canonical_with_map(raw: str) -> tuple[str, list[int]]:
    """``canonical_text(raw)`` and, for every position 0..len(raw), where it lands in that text."""
    if not any(mark in raw for mark in ("\ufeff", *_LINE_BREAKS)):
        # Nothing is dropped or replaced (the usual source file): every position stays where it is, and the
        # character-by-character walk below, a tenth of a second per 100,000 characters, is not needed.
        first = list(range(len(raw) + 1))
        if unicodedata.is_normalized("NFC", raw):
            return raw, first
        text, second = _nfc_with_map(raw)
        return text, [second[k] for k in first]
    pieces: list[str] = []
    first: list[int] = [0] * (len(raw) + 1)  # raw position -> position after the line-break step
    i, j = 0, 0
    while i < len(raw) and raw[i] == "\ufeff":  # leading BOMs are dropped
        i += 1
    while i < len(raw):
        ch = raw[i]
        first[i] = j
        if ch == "\r" and i + 1 < len(raw) and raw[i + 1] == "\n":
            first[i + 1] = j + 1  # between CR and LF: after the one "\n" that remains
            pieces.append("\n")
            i += 2
        else:
            pieces.append(_LINE_BREAKS.get(ch, ch))
            i += 1
        j += 1
    first[len(raw)] = j
    stepped = "".join(pieces)
    if unicodedata.is_normalized("NFC", stepped):
        return stepped, first
    text, second = _nfc_with_map(stepped)
    return text, [second[k] for k in first]


def _nfc_with_map(s: str) -> tuple[str, list[int]]:
    """NFC by chunks that start at a plain starter, so every chunk boundary has a known place in the result."""
    out: list[str] = []
    table = [0] * (len(s) + 1)
    start, done = 0, 0
    for k in range(1, len(s) + 1):
        if k < len(s) and not _is_boundary(s[k]):
            continue
        chunk = unicodedata.normalize("NFC", s[start:k])
        for p in range(start, k):
            table[p] = done if p == start else done + min(p - start, len(chunk))
        out.append(chunk)
        done += len(chunk)
        start = k
    table[len(s)] = done
    text = "".join(out)
    if text != canonical_text(s):  # a composition across chunks the boundary test did not foresee
        text = canonical_text(s)
        table = [min(p, len(text)) for p in table]
    return text, table


def _is_boundary(ch: str) -> bool:
    # Hangul vowel and final jamo (combining class 0) still compose with what precedes them.
    return unicodedata.combining(ch) == 0 and not 0x1160 <= ord(ch) <= 0x11FF and unicodedata.normalize("NFC", ch) == ch
