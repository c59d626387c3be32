"""Where a document's codings lie, as the transcript view draws them: non-overlapping runs of text, each with
the set of codings covering it, in UTF-16 offsets. Built by one sweep over the codings' ends (n log n), never by
walking the text; a block of text or the visible area finds its runs by bisection. A coding added or removed
sweeps again only the stretch of text it touches.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
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
    """The codings of one document. Indices stay valid for the layer's life: a removed coding leaves None."""

    def __init__(self, codings: list[CodingRow], positions: TextPositions) -> None:
        self.positions = positions
        self.codings: list[CodingRow | None] = list(codings)
        self.spans: list[tuple[int, int]] = [positions.span_to_utf16(c.start, c.end) for c in codings]
        self.runs = self._sweep(range(len(self.codings)), 0, positions.utf16_length + 1)
        self._index_runs()

    @property
    def count(self) -> int:
        return sum(1 for coding in self.codings if coding is not None)

    def live(self) -> list[CodingRow]:
        """The codings shown, in document order."""
        return sorted((c for c in self.codings if c is not None), key=lambda c: (c.start, c.end, c.id))

    def _index_runs(self) -> None:
        self._run_starts = [run.start for run in self.runs]
        self._run_ends = [run.end for run in self.runs]

    def _sweep(self, indices: Iterable[int], low: int, high: int) -> list[Run]:
        """The runs of these codings within [low, high)."""
        events: list[tuple[int, int, int]] = []  # (offset, 0 = end / 1 = start, coding index)
        for index in indices:
            start, end = self.spans[index]
            start, end = max(start, low), min(end, high)
            if start < end:
                events.append((start, 1, index))
                events.append((end, 0, index))
        events.sort()
        runs: list[Run] = []
        append = runs.append
        active: dict[int, None] = {}
        covering: tuple[int, ...] = ()
        previous = low
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

    def update(self, added: list[CodingRow], removed_ids: set[int]) -> list[tuple[int, int]]:
        """Add and remove codings; returns the UTF-16 spans whose look changed."""
        removed = [i for i, c in enumerate(self.codings) if c is not None and c.id in removed_ids]
        changed = [self.spans[i] for i in removed]
        for index in removed:
            self.codings[index] = None
        new = []
        for coding in added:
            new.append(len(self.codings))
            self.codings.append(coding)
            self.spans.append(self.positions.span_to_utf16(coding.start, coding.end))
        changed += [self.spans[i] for i in new]
        if not changed:
            return []
        low, high = min(s for s, _ in changed), max(e for _, e in changed)
        first = bisect_right(self._run_ends, low)
        last = bisect_left(self._run_starts, high)
        if first < last:  # cut on run boundaries, so the runs left and right stay as they are
            low, high = min(low, self.runs[first].start), max(high, self.runs[last - 1].end)
        involved = {i for run in self.runs[first:last] for i in run.codings if self.codings[i] is not None}
        involved.update(new)
        self.runs[first:last] = self._sweep(involved, low, high)
        self._index_runs()
        return changed

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
