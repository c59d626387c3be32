"""Which codes occur together: codings that overlap in the text, and codes coded in the same speaker turn.

- *Overlapping*: the number of pairs of codings of two different codes that share at least one character.
- *Same turn*: the number of turns in which both codes have a coding (a coding spanning several turns belongs to
  each of them).

Both are given as a symmetric code × code matrix (diagonal 0) and as a list of pairs, the most frequent first.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.analysis.dataset import ProjectData, Selection, as_data
from app.analysis.parts import NONE, distinct_pairs
from app.models import Project


@dataclass(frozen=True)
class CodePair:
    code_a: str  # the one earlier in the code tree
    code_b: str
    overlapping: int
    same_turn: int


@dataclass(frozen=True)
class Cooccurrence:
    codes: list[str]  # paths, tree order: the rows and columns of both matrices
    overlapping: list[list[int]]
    same_turn: list[list[int]]
    pairs: list[CodePair]  # pairs with at least one co-occurrence, most frequent first


def code_cooccurrence(source: Project | ProjectData, selection: Selection | None = None) -> Cooccurrence:
    data = as_data(source, selection)
    size = len(data.codes)
    overlapping = _symmetric(_overlapping_pairs(data), size)
    same_turn = _symmetric(_same_turn_pairs(data), size)
    paths = [code.path for code in data.codes.values()]
    # Rows and columns are in tree order, so a pair's indexes are its codes' ranks: sorted as arrays, then made.
    a, b = np.nonzero(np.triu(overlapping + same_turn, k=1))
    counts = overlapping[a, b], same_turn[a, b]
    order = np.lexsort((b, a, -counts[1], -counts[0]))
    pairs = [
        CodePair(paths[x], paths[y], o, t)
        for x, y, o, t in zip(a[order].tolist(), b[order].tolist(), counts[0][order].tolist(),
                              counts[1][order].tolist())
    ]
    return Cooccurrence(paths, overlapping.tolist(), same_turn.tolist(), pairs)


def _symmetric(pairs: tuple[np.ndarray, np.ndarray], size: int) -> np.ndarray:
    """A size × size count matrix of unordered pairs (a != b), mirrored."""
    a, b = pairs
    keep = a != b
    low, high = np.minimum(a[keep], b[keep]), np.maximum(a[keep], b[keep])
    counts = np.bincount(low * size + high, minlength=size * size).reshape(size, size) if size else np.zeros((0, 0))
    return (counts + counts.T).astype(np.int64)


def _overlapping_pairs(data: ProjectData) -> tuple[np.ndarray, np.ndarray]:
    """The code indexes of every pair of codings that share characters (each unordered pair once)."""
    starts, ends = data.global_spans
    order = np.argsort(starts, kind="stable")
    starts, ends, codes = starts[order], ends[order], data.code_index[order]
    # Sorted by start, coding i overlaps exactly the later ones starting before it ends; documents are apart
    # in the global layout, so these are all in its own document.
    reach = np.searchsorted(starts, ends, side="left")
    return _expand(codes, np.maximum(reach - np.arange(len(starts)) - 1, 0))


def _same_turn_pairs(data: ProjectData) -> tuple[np.ndarray, np.ndarray]:
    """The code indexes of every pair of codes present in one turn, once per turn."""
    parts = data.parts()
    in_turn = parts.turn != NONE
    turn, code = distinct_pairs(parts.turn[in_turn], data.code_index[parts.coding[in_turn]])
    # Sorted by turn, each code pairs with the later codes of its own turn: the same expansion as for overlaps.
    count = len(code)
    bounds = np.flatnonzero(np.diff(turn)) + 1
    group_ends = np.append(bounds, count)
    sizes = np.diff(np.concatenate([[0], group_ends]))
    later = np.repeat(group_ends, sizes) - np.arange(count) - 1
    return _expand(code, later)


def _expand(codes: np.ndarray, later: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pair each position i with the ``later[i]`` positions after it; the code indexes of those pairs."""
    first = np.repeat(np.arange(len(codes)), later)
    second = first + 1 + (np.arange(len(first)) - np.repeat(np.cumsum(later) - later, later))
    return codes[first], codes[second]
