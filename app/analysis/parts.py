"""Codings cut at turn boundaries: who said the coded words.

A coding belongs to every speaker whose turn it shares characters with, and its words are counted on the part
inside each turn. A coding that lies outside every turn (a header, an unlabelled document) is one part of no
turn and no speaker, with all its words. This is computed for all codings at once (binary searches over the
sorted turn bounds), since a study may have 100,000 codings.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np

from app.analysis.dataset import ProjectData
from app.analysis.splicing import old_positions, spliced

NONE = -1  # no turn / no speaker


@dataclass
class CodingParts:
    """One row per (coding, turn it touches); arrays of equal length, sorted by coding."""

    coding: np.ndarray  # index into ProjectData.codings
    turn: np.ndarray  # index into ProjectData.turns, or NONE
    speaker: np.ndarray  # index into ProjectData.speaker_ids, or NONE
    starts: np.ndarray  # global positions of each part
    ends: np.ndarray
    data: ProjectData = field(repr=False)

    @cached_property
    def words(self) -> np.ndarray:
        """The words of each part; a part outside every turn is the whole coding."""
        words = self.data.words.count(self.starts, self.ends)
        return words

    def coding_speakers(self) -> tuple[np.ndarray, np.ndarray]:
        """The distinct (coding, speaker) pairs: a coding counts once per speaker, however many turns."""
        return distinct_pairs(self.coding, self.speaker)


def distinct_pairs(left: np.ndarray, right: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The distinct pairs of two equally long integer arrays (``right`` may hold NONE), sorted."""
    if len(left) == 0:
        return left, right
    width = int(right.max(initial=0)) + 2
    keys = sorted_distinct(left * width + (right + 1))
    return keys // width, keys % width - 1


def presence(code: np.ndarray, group: np.ndarray, codes: int, groups: int) -> np.ndarray:
    """A codes × groups table, True where some (code, group) pair occurs."""
    if codes == 0 or groups == 0:
        return np.zeros((codes, groups), dtype=bool)
    return np.bincount(code * groups + group, minlength=codes * groups).reshape(codes, groups) > 0


def sorted_distinct(values: np.ndarray) -> np.ndarray:
    """``np.unique(values)`` for integers: a stable sort (a merge sort, nearly free on the mostly sorted keys of
    parts, which come ordered by coding) and a comparison with the neighbour; np.unique took 30 times longer."""
    if len(values) == 0:
        return np.unique(values)
    ordered = np.sort(values, kind="stable")
    first = np.empty(len(ordered), dtype=bool)
    first[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return ordered[first]


def split_at_turns(data: ProjectData) -> CodingParts:
    starts, ends = data.global_spans
    count = len(starts)
    turn_starts, turn_ends = data.turn_spans
    turn_speakers = data.turn_speakers
    # Turns do not overlap, so their ends are sorted too; the first turn ending after a coding's start and
    # every following one starting before its end are the turns it touches.
    first = np.searchsorted(turn_ends, starts, side="right")
    last = np.searchsorted(turn_starts, ends, side="left")
    touched = np.maximum(last - first, 0)
    coding = np.repeat(np.arange(count, dtype=np.int64), touched)
    within = np.arange(len(coding), dtype=np.int64) - np.repeat(np.cumsum(touched) - touched, touched)
    turn = np.repeat(first, touched) + within
    part_starts = np.maximum(starts[coding], turn_starts[turn]) if len(turn) else coding
    part_ends = np.minimum(ends[coding], turn_ends[turn]) if len(turn) else coding
    outside = np.flatnonzero(touched == 0)
    global_starts, global_ends = data.global_spans
    coding = np.concatenate([coding, outside])
    turn = np.concatenate([turn, np.full(len(outside), NONE, dtype=np.int64)])
    speaker = np.concatenate([turn_speakers[turn[: len(turn) - len(outside)]], np.full(len(outside), NONE)])
    part_starts = np.concatenate([part_starts, global_starts[outside]])
    part_ends = np.concatenate([part_ends, global_ends[outside]])
    order = np.argsort(coding, kind="stable")
    return CodingParts(
        coding=coding[order],
        turn=turn[order],
        speaker=speaker[order].astype(np.int64),
        starts=part_starts[order],
        ends=part_ends[order],
        data=data,
    )


def parts_taken_over(old_parts: CodingParts, data: ProjectData, removed: np.ndarray, places: np.ndarray,
                      part: ProjectData) -> CodingParts:
    """The codings cut at turns (``parts.split_at_turns``, sorted by coding): ``old_parts`` without the parts of
    the codings ``removed``, their codings numbered anew, with the parts of the codings of ``part`` (inserted at
    ``places``) put in between. Cutting and counting the words of 200,000 codings again took 50 ms."""
    coding = old_parts.coding
    lows = np.searchsorted(coding, removed, side="left").tolist()
    highs = np.searchsorted(coding, removed, side="right").tolist()
    removed_rows = np.array([row for low, high in zip(lows, highs) for row in range(low, high)], dtype=np.int64)
    # A coding's new index: one less past each removed coding, one more past each coding inserted before it.
    numbered = coding.copy()
    for high in highs:
        numbered[high:] -= 1
    for position in old_positions(removed.tolist(), places.tolist()):
        numbered[np.searchsorted(coding, position, side="left"):] += 1
    numbered = spliced(numbered, removed_rows)
    new = part.parts()
    new_coding = (places + np.arange(len(places), dtype=np.int64))[new.coding]
    rows = np.searchsorted(numbered, new_coding, side="left")  # before the parts of the next coding
    parts = CodingParts(
        coding=spliced(numbered, np.zeros(0, dtype=np.int64), rows, new_coding),
        turn=spliced(old_parts.turn, removed_rows, rows, new.turn),
        speaker=spliced(old_parts.speaker, removed_rows, rows, new.speaker),
        starts=spliced(old_parts.starts, removed_rows, rows, new.starts),
        ends=spliced(old_parts.ends, removed_rows, rows, new.ends),
        data=data,
    )
    if "words" in old_parts.__dict__:
        parts.__dict__["words"] = spliced(old_parts.words, removed_rows, rows, new.words)
    return parts
