"""Time marks as transcripts and subtitles write them, turned into milliseconds.

Transcription tools mark time in a handful of ways: ``00:01:22`` (hh:mm:ss), ``01:22`` (mm:ss), ``1:02:03.5``,
``00:00:03,120`` (SRT), and f4/f5's ``00:01:22-6`` where the digit after the dash is tenths of a second.
"""

from __future__ import annotations

import re
from functools import lru_cache

# One clock reading; the fraction after "." or "," is a decimal fraction of a second, after "-" (f4/f5) tenths.
CLOCK = r"\d{1,2}(?::\d{1,2}){1,2}(?:[.,-]\d{1,3})?"

_CLOCK_PARTS = re.compile(r"(\d+)(?::(\d+))?(?::(\d+))?(?:([.,-])(\d{1,3}))?")


@lru_cache(maxsize=16384)  # every turn of a transcript starts with one; a two-hour recording has 7,200 seconds
def clock_to_ms(clock: str) -> int | None:
    """``"00:01:22-6"`` -> 82600; ``"1:22"`` -> 82000. None when it is not a valid clock reading."""
    if len(clock) == 8 and clock[2] == ":" == clock[5]:
        # "hh:mm:ss", the usual shape (most marks are read once: the cache rarely has them), read without the
        # pattern; isdecimal() is the pattern's \d.
        hours, minutes, seconds = clock[:2], clock[3:5], clock[6:]
        if hours.isdecimal() and minutes.isdecimal() and seconds.isdecimal():
            minutes, seconds = int(minutes), int(seconds)
            if minutes >= 60 or seconds >= 60:
                return None
            return ((int(hours) * 60 + minutes) * 60 + seconds) * 1000
    match = _CLOCK_PARTS.fullmatch(clock.strip())
    if match is None or match.group(2) is None:
        return None
    first, second, third, separator, fraction = match.groups()
    if third is None:  # mm:ss
        hours, minutes, seconds = 0, int(first), int(second)
        if minutes >= 600:  # an "mm:ss" mark beyond 10 hours is not a recording time
            return None
    else:
        hours, minutes, seconds = int(first), int(second), int(third)
        if minutes >= 60:
            return None
    if seconds >= 60:
        return None
    ms = ((hours * 60 + minutes) * 60 + seconds) * 1000
    if fraction:
        # f4's "-6" is tenths; ".5" / ",120" are decimal fractions: both read as a decimal fraction.
        ms += int(fraction.ljust(3, "0")[:3])
    return ms
