"""Which speaker turns a coded passage falls in."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import NamedTuple


class TurnSpan(NamedTuple):
    start: int
    end: int
    speaker_id: int | None


def overlapping_turns(turns: Sequence[TurnSpan], starts: Sequence[int], start: int, end: int) -> list[TurnSpan]:
    """The turns (sorted by start, ``starts`` their start positions) that share characters with [start, end)."""
    found = []
    index = max(0, bisect_right(starts, start) - 1)
    while index < len(turns) and turns[index].start < end:
        turn = turns[index]
        if turn.end > start and turn.start < end:
            found.append(turn)
        index += 1
    return found
