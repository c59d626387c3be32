"""Rows of a kept table taken out and put in by slices: how kept analysis data follows a few changed codings.

``spliced`` is ``np.insert(np.delete(...))`` for a handful of rows, without numpy's per-call costs, which were most
of bringing a small study's data up to date after one change.
"""

from __future__ import annotations

import numpy as np


def rows_of(column: np.ndarray, ids: list[int]) -> np.ndarray:
    """The positions in ``column`` of the values ``ids``, in order: a comparison per id for a few (np.isin cost
    15 us for one)."""
    if len(ids) > 8:
        return np.flatnonzero(np.isin(column, ids))
    if len(ids) == 1:
        return np.flatnonzero(column == ids[0])
    found = [np.flatnonzero(column == value) for value in ids]
    return np.sort(np.concatenate(found)) if found else np.zeros(0, dtype=np.int64)


def spliced(
    rows: np.ndarray, removed: np.ndarray, places: np.ndarray | None = None, new: np.ndarray | None = None
) -> np.ndarray:
    """``np.insert(np.delete(rows, removed, axis=0), places, new, axis=0)``: the rows (or values) at the sorted
    positions ``removed`` taken out, then ``new`` inserted before the rows that stay at the sorted ``places`` (as
    np.insert reads them). A few changes as one concatenation of slices, which copies memory and nothing else:
    np.delete and np.insert cost 15 us each for one row of a small table."""
    removed_list = removed.tolist()
    places_list = [] if places is None else places.tolist()
    if not removed_list and not places_list:
        return rows  # read-only, as all kept data: shared
    if len(removed_list) + len(places_list) > 64:
        keep = np.ones(len(rows), dtype=bool)
        keep[removed] = False
        return rows[keep] if not places_list else np.insert(rows[keep], places, new, axis=0)
    cuts = [(position, 1, 0) for position in removed_list]
    cuts += [(position, 0, j) for j, position in enumerate(old_positions(removed_list, places_list))]
    cuts.sort()  # at one position: new rows first, in their order
    pieces, at = [], 0
    for position, is_removal, j in cuts:
        pieces.append(rows[at:position])
        if is_removal:
            at = position + 1
        else:
            pieces.append(new[j : j + 1])
            at = position
    pieces.append(rows[at:])
    return np.concatenate(pieces)


def old_positions(removed: list[int], places: list[int]) -> list[int]:
    """For ``spliced``: where each new row goes among the old rows. Before the ``place``-th row that stays, which
    has ``place`` plus the removed rows before it as its position."""
    positions, passed = [], 0
    for place in places:
        while passed < len(removed) and removed[passed] - passed <= place:
            passed += 1
        positions.append(place + passed)
    return positions
