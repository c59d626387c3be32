"""Where a document's codings lie, as the transcript view draws them: non-overlapping runs of text, each with
the set of codings covering it, in UTF-16 offsets. Runs are swept from the codings' ends (never by walking the
text) one stretch of text at a time, when that stretch is first looked at: opening a long transcript with
thousands of codings sweeps only the stretches on screen. A coding added or removed sweeps again only the
stretches it touches.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtGui import QColor

from app.services.queries import CodingRow
from app.ui.positions import TextPositions

STRETCH = 2048  # UTF-16 units of text swept at a time: a few paragraphs


@dataclass(frozen=True, slots=True)
class Run:
    start: int  # UTF-16 offsets, end exclusive
    end: int
    codings: tuple[int, ...]  # indices into CodingLayer.codings
    code_ids: tuple[int, ...] = ()  # their codes, sorted, each once


class CodingLayer:
    """The codings of one document. Indices stay valid for the layer's life: a removed coding leaves None.

    A run never crosses a stretch boundary (a multiple of ``STRETCH``): two runs may meet there with the same
    codings, which looks the same on screen.
    """

    def __init__(self, codings: list[CodingRow], positions: TextPositions) -> None:
        self.positions = positions
        self.codings: list[CodingRow | None] = []
        self.spans: list[tuple[int, int]] = []
        self._in_stretch: dict[int, list[int]] = {}  # stretch number -> indices of the codings reaching into it
        self._runs: dict[int, list[Run]] = {}  # stretch number -> its runs, once swept
        self._add(list(codings))

    @property
    def count(self) -> int:
        return sum(1 for coding in self.codings if coding is not None)

    def live(self) -> list[CodingRow]:
        """The codings shown, in document order."""
        return sorted((c for c in self.codings if c is not None), key=lambda c: (c.start, c.end, c.id))

    @property
    def runs(self) -> list[Run]:
        """Every run of the document (sweeping what is not swept yet)."""
        return self.runs_between(0, self.positions.utf16_length + 1)

    def _add(self, codings: list[CodingRow]) -> list[int]:
        first, count = len(self.codings), len(codings)
        starts, ends = self.positions.spans_to_utf16(
            np.fromiter((coding.start for coding in codings), dtype=np.int64, count=count),
            np.fromiter((coding.end for coding in codings), dtype=np.int64, count=count),
        )
        self.codings += codings
        self.spans += zip(starts.tolist(), ends.tolist())
        # Which stretches each coding reaches into, by array operations: a transcript brings thousands at once.
        low, high = starts // STRETCH, np.maximum(starts, ends - 1) // STRETCH
        indices = np.arange(first, first + count)
        within = low == high  # most codings lie within one stretch
        order = np.argsort(low[within], kind="stable")
        stretches, bounds = np.unique(low[within][order], return_index=True)
        members = indices[within][order].tolist()
        in_stretch = self._in_stretch
        for stretch, begin, end in zip(stretches.tolist(), bounds.tolist(), [*bounds[1:].tolist(), len(members)]):
            in_stretch.setdefault(stretch, []).extend(members[begin:end])
        for index, first_stretch, last_stretch in zip(indices[~within].tolist(), low[~within].tolist(),
                                                      high[~within].tolist()):
            for stretch in range(first_stretch, last_stretch + 1):
                in_stretch.setdefault(stretch, []).append(index)
        return indices.tolist()

    def _stretch_runs(self, stretch: int) -> list[Run]:
        runs = self._runs.get(stretch)
        if runs is None:
            live = [index for index in self._in_stretch.get(stretch, ()) if self.codings[index] is not None]
            self._in_stretch[stretch] = live
            runs = self._runs[stretch] = self._sweep(live, stretch * STRETCH, (stretch + 1) * STRETCH)
        return runs

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
        codes_of: dict[tuple[int, ...], tuple[int, ...]] = {}
        codings = self.codings
        for offset, kind, index in events:
            if offset > previous and covering:
                code_ids = codes_of.get(covering)
                if code_ids is None:
                    code_ids = codes_of[covering] = tuple(sorted({codings[i].code_id for i in covering}))
                append(Run(previous, offset, covering, code_ids))
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
        changed += [self.spans[i] for i in self._add(added)]
        for start, end in changed:  # swept again when next looked at
            for stretch in range(start // STRETCH, max(start, end - 1) // STRETCH + 1):
                self._runs.pop(stretch, None)
        return changed

    def runs_between(self, start: int, end: int) -> list[Run]:
        """The runs overlapping [start, end), in order."""
        found = []
        for stretch in range(max(0, start) // STRETCH, max(start, end - 1) // STRETCH + 1):
            found += [run for run in self._stretch_runs(stretch) if run.end > start and run.start < end]
        return found

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
    return QColor(_blended(tuple(colors)))


@lru_cache(maxsize=4096)  # the same few mixes come back on every screen and every document
def _blended(colors: tuple[str, ...]) -> QColor:
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
