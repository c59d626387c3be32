"""Code points (what the project stores) <-> UTF-16 code units (what Qt counts): the one place they meet.

A character outside the Basic Multilingual Plane (most emoji, some CJK) is one code point in Python but two
UTF-16 units (a surrogate pair) in a Qt string. Everything in ``app/ui`` that hands a position to Qt or takes one
from Qt goes through a ``TextPositions`` made for the document's text.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

import numpy as np

_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class TextPositions:
    """Converts positions in one text; linear set-up (a regex scan in C), logarithmic conversions."""

    __slots__ = ("_astral", "_astral_array", "_astral_utf16", "length", "utf16_length")

    def __init__(self, text: str) -> None:
        # Code-point index of every astral character, and where each starts in UTF-16 units. Found in the text's
        # UTF-32 code units by numpy: a regular-expression match object per emoji cost more than twice as much.
        astral = (
            np.empty(0, dtype=np.int64) if text.isascii()
            else np.flatnonzero(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32) > 0xFFFF)
        )
        self._astral_array = astral
        self._astral = astral.tolist()
        self._astral_utf16 = (astral + np.arange(len(astral))).tolist()
        self.length = len(text)
        self.utf16_length = len(text) + len(self._astral)

    @property
    def is_identity(self) -> bool:
        """True when the text has no astral characters, so both counts agree everywhere."""
        return not self._astral

    def to_utf16(self, position: int) -> int:
        """The UTF-16 offset of code point ``position`` (0..len(text))."""
        if not self._astral:
            return position
        return position + bisect_left(self._astral, position)

    def to_code_point(self, offset: int) -> int:
        """The code point at UTF-16 ``offset``; an offset inside a surrogate pair rounds down to its character."""
        if not self._astral:
            return offset
        full = bisect_right(self._astral_utf16, offset - 2)  # pairs lying wholly before ``offset``
        position = offset - full
        if full < len(self._astral_utf16) and self._astral_utf16[full] == offset - 1:
            position -= 1  # ``offset`` points at the low half of a pair: round down to its character
        return position

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def spans_to_utf16(self, starts: np.ndarray, ends: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """``span_to_utf16`` of many spans at once (a document's codings), by array searches."""
        return self.many_to_utf16(starts), self.many_to_utf16(ends)

    def many_to_utf16(self, positions: np.ndarray) -> np.ndarray:
        """``to_utf16`` of many positions at once (an int64 array)."""
        if not self._astral:
            return positions
        return positions + np.searchsorted(self._astral_array, positions, side="left")

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        return self.to_code_point(start), self.to_code_point(end)


def utf16_length(text: str) -> int:
    return len(text) + len(_ASTRAL.findall(text))
