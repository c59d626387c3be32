"""Where a document's codings lie, as the transcript view draws them: non-overlapping runs of text, each with
the set of codings covering it, in UTF-16 offsets. Runs are swept from the codings' ends (never by walking the
text) one stretch of text at a time, when that stretch is first looked at: opening a long transcript with
thousands of codings sweeps only the stretches on screen. A coding added or removed sweeps again only the
stretches it touches.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from PySide6.QtGui import QColor

from app.services.queries import CodingRow, DocumentCodings
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

    def __init__(self, codings: Sequence[CodingRow], positions: TextPositions) -> None:
        self.positions = positions
        self._columns = DocumentCodings.of_rows(())  # every coding ever added, by index
        self._alive: list[bool] = []
        self.codings = _LayerCodings(self._columns, self._alive)
        self._starts: list[int] = []  # UTF-16 span of each coding, by index
        self._ends: list[int] = []
        self._in_stretch: dict[int, list[int]] = {}  # stretch number -> indices of the codings reaching into it
        self._runs: dict[int, list[Run]] = {}  # stretch number -> its runs, once swept
        self._add(codings)

    @property
    def count(self) -> int:
        return sum(self._alive)

    def live(self) -> list[CodingRow]:
        """The codings shown, in document order."""
        return sorted((c for c in self.codings if c is not None), key=lambda c: (c.start, c.end, c.id))

    @property
    def runs(self) -> list[Run]:
        """Every run of the document (sweeping what is not swept yet)."""
        return self.runs_between(0, self.positions.utf16_length + 1)

    def _add(self, codings: Sequence[CodingRow]) -> list[int]:
        if not isinstance(codings, DocumentCodings):
            codings = DocumentCodings.of_rows(codings)
        first, count = len(self._alive), len(codings)
        starts, ends = self.positions.spans_to_utf16(
            np.array(codings.starts, dtype=np.int64), np.array(codings.ends, dtype=np.int64)
        )
        self._columns.extend(codings)
        self._alive += [True] * count
        self._starts += starts.tolist()
        self._ends += ends.tolist()
        # Which stretches each coding reaches into, by array operations: a transcript brings thousands at once,
        # and many cross a stretch boundary. One (stretch, coding) pair per stretch a coding reaches into.
        low, high = starts // STRETCH, np.maximum(starts, ends - 1) // STRETCH
        indices = np.arange(first, first + count)
        reached = high - low + 1
        pair_coding = np.repeat(indices, reached)
        pair_stretch = np.repeat(low - np.cumsum(reached) + reached, reached) + np.arange(len(pair_coding))
        order = np.argsort(pair_stretch, kind="stable")
        stretches, bounds = np.unique(pair_stretch[order], return_index=True)
        members = pair_coding[order].tolist()
        in_stretch = self._in_stretch
        for stretch, begin, end in zip(stretches.tolist(), bounds.tolist(), [*bounds[1:].tolist(), len(members)]):
            in_stretch.setdefault(stretch, []).extend(members[begin:end])
        return indices.tolist()

    def span_of(self, index: int) -> tuple[int, int]:
        """The UTF-16 span of the coding at ``index``."""
        return self._starts[index], self._ends[index]

    def _stretch_runs(self, stretch: int) -> list[Run]:
        runs = self._runs.get(stretch)
        if runs is None:
            alive = self._alive
            live = [index for index in self._in_stretch.get(stretch, ()) if alive[index]]
            self._in_stretch[stretch] = live
            runs = self._runs[stretch] = self._sweep(live, stretch * STRETCH, (stretch + 1) * STRETCH)
        return runs

    def _sweep(self, indices: Iterable[int], low: int, high: int) -> list[Run]:
        """The runs of these codings within [low, high)."""
        events: list[tuple[int, int, int]] = []  # (offset, 0 = end / 1 = start, coding index)
        starts, ends = self._starts, self._ends
        for index in indices:
            start, end = max(starts[index], low), min(ends[index], high)
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
        code_of = self._columns.code_ids  # by coding index
        for offset, kind, index in events:
            if offset > previous and covering:
                code_ids = codes_of.get(covering)
                if code_ids is None:
                    code_ids = codes_of[covering] = tuple(sorted({code_of[i] for i in covering}))
                append(Run(previous, offset, covering, code_ids))
            previous = offset
            if kind:
                active[index] = None
            else:
                del active[index]
            covering = tuple(active)
        return runs

    def update(self, added: Sequence[CodingRow], removed_ids: set[int]) -> list[tuple[int, int]]:
        """Add and remove codings; returns the UTF-16 spans whose look changed."""
        alive = self._alive
        removed = [i for i, coding_id in enumerate(self._columns.ids) if alive[i] and coding_id in removed_ids]
        changed = [self.span_of(i) for i in removed]
        for index in removed:
            alive[index] = False
        changed += [self.span_of(i) for i in self._add(added)]
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
        return sorted(seen, key=self.span_of)



class _LayerCodings(Sequence["CodingRow | None"]):
    """``CodingLayer.codings``: the coding at each index, made when asked for; None once removed."""

    __slots__ = ("_alive", "_columns")

    def __init__(self, columns: DocumentCodings, alive: list[bool]) -> None:
        self._columns, self._alive = columns, alive

    def __len__(self) -> int:
        return len(self._alive)

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - an int or a slice, as a Sequence takes
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return self._columns[index] if self._alive[index] else None

    def __iter__(self) -> Iterator[CodingRow | None]:
        return (row if alive else None for row, alive in zip(self._columns, self._alive))

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
