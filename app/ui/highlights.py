"""Where a document's codings lie, as the transcript view draws them: non-overlapping runs of text, each with
the set of codings covering it, in UTF-16 offsets. Built by one sweep over the codings' ends (n log n), never by
walking the text; a block of text or the visible area finds its runs by bisection.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from PySide6.QtGui import QColor

from app.services.queries import CodingRow
from app.ui.positions import TextPositions


@dataclass(frozen=True, slots=True)
class Run:
    start: int  # UTF-16 offsets, end exclusive
    end: int
    codings: tuple[int, ...]  # indices into CodingLayer.codings


class CodingLayer:
    def __init__(self, codings: list[CodingRow], positions: TextPositions) -> None:
        self.codings = codings
        self.spans = [positions.span_to_utf16(c.start, c.end) for c in codings]
        self.runs = self._sweep()
        self._run_starts = [run.start for run in self.runs]
        self._run_ends = [run.end for run in self.runs]

    def _sweep(self) -> list[Run]:
        events: list[tuple[int, int, int]] = []  # (offset, 0 = end / 1 = start, coding index)
        for index, (start, end) in enumerate(self.spans):
            events.append((start, 1, index))
            events.append((end, 0, index))
        events.sort()
        runs: list[Run] = []
        append = runs.append
        active: dict[int, None] = {}
        covering: tuple[int, ...] = ()
        previous = 0
        for offset, kind, index in events:
            if offset > previous and covering:
                append(Run(previous, offset, covering))
            previous = offset
            if kind:
                active[index] = None
            else:
                del active[index]
            covering = tuple(active)
        return runs

    def runs_between(self, start: int, end: int) -> list[Run]:
        """The runs overlapping [start, end)."""
        first = bisect_right(self._run_ends, start)
        last = bisect_left(self._run_starts, end)
        return self.runs[first:last]

    def codings_at(self, offset: int) -> list[CodingRow]:
        found = self.runs_between(offset, offset + 1)
        return [self.codings[i] for i in found[0].codings] if found else []

    def codings_between(self, start: int, end: int) -> list[int]:
        """Indices of the codings overlapping [start, end), in order of their start."""
        seen: dict[int, None] = {}
        for run in self.runs_between(start, end):
            for index in run.codings:
                seen[index] = None
        return sorted(seen, key=lambda i: self.spans[i])


def blend(colors: list[str]) -> QColor:
    """The highlight for text under these codes: their mean colour, lightened so text stays readable.

    Text under several codes is lightened less, so overlaps show as a deeper tone of the mixed colour.
    """
    red = green = blue = 0
    for name in colors:
        color = QColor(name)
        red, green, blue = red + color.red(), green + color.green(), blue + color.blue()
    count = max(1, len(colors))
    red, green, blue = red / count, green / count, blue / count
    white = 0.62 if len(colors) <= 1 else 0.42
    return QColor(
        round(red + (255 - red) * white), round(green + (255 - green) * white), round(blue + (255 - blue) * white)
    )
