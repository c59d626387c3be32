"""Counting words the same way everywhere (overview, statistics, reports)."""

from __future__ import annotations

import re

# A word: letters/digits, with inner hyphens or apostrophes ("E-Mail", "geht's"), so "Sprach-Kita" is one word.
WORD = re.compile(r"\w+(?:[-'’]\w+)*")


def count_words(text: str) -> int:
    return sum(1 for _ in WORD.finditer(text))
