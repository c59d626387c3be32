"""One passage, one segment: the codings of a project as the distinct coded passages (document, code, span).

Several coders who coded the same passage with the same code made several codings but one segment: the analyses
count and quote segments (a passage coded by two coders is one quote, counted once), and list the segment's coders
where coders are shown. The codings themselves stay as they are: the intercoder agreement and the coder filter
(``Selection.coders``, applied when the data is read) work on them.

``segments_of`` derives the segments from a ``ProjectData`` once (``ProjectData.segments()`` keeps them), as a
``ProjectData`` of the same layout whose coding table holds one row per segment: the row of its first coding (the
lowest id), with the highest weight among its codings and their memos together. Every analysis takes its data
through ``dataset.as_data``, which hands out this view. When no two codings share a passage and a code (one coder,
the usual case) the data is its own view and nothing is copied.
"""

from __future__ import annotations

import numpy as np

from app.analysis.dataset import CODE, CODER, ID, WEIGHT, ProjectData
from app.analysis.parts import sorted_distinct

# What ProjectData derives from its documents, turns and codes only: the view shares it.
_LAYOUT = ("turns", "turn_spans", "turn_speakers", "line_breaks", "speaker_ids", "children", "words")


def segments_of(data: ProjectData) -> ProjectData:
    """``data`` with one coding row per segment (``data`` itself when every coding is a segment of its own)."""
    table = data.coding_table
    if len(table) < 2:
        return data
    starts, ends = data.global_spans
    # The table is sorted by start, then end: codings of one passage are neighbours, or lie in one run of
    # codings at the same place (with other codes between them).
    same = (starts[1:] == starts[:-1]) & (ends[1:] == ends[:-1])
    if not same.any():
        return data
    candidates = np.flatnonzero(np.concatenate(([False], same)) | np.concatenate((same, [False])))
    order = candidates[np.lexsort((table[candidates, ID], table[candidates, CODE], ends[candidates],
                                   starts[candidates]))]
    code = table[order, CODE]
    first = np.ones(len(order), dtype=bool)
    first[1:] = (starts[order][1:] != starts[order][:-1]) | (ends[order][1:] != ends[order][:-1]) | (
        code[1:] != code[:-1])
    if first.all():
        return data
    group = np.cumsum(first) - 1
    representative = order[first][group]  # per candidate row (in ``order``), the row standing for its segment
    drop = order[~first]
    keep = np.ones(len(table), dtype=bool)
    keep[drop] = False
    view_table = table.copy()
    np.maximum.at(view_table[:, WEIGHT], representative, table[order, WEIGHT])
    view_table = view_table[keep]

    # Coders and memos of the segments of several codings, as arrays: 40,000 such segments took 1.4 s one by one.
    several = group_sizes_over(first) > 1
    rows, reps = order[several], representative[several]
    rank = np.zeros(int(table[:, CODER].max()) + 1, dtype=np.int64)
    for position, coder_id in enumerate(data.coders):  # coders are sorted by name
        if coder_id < len(rank):
            rank[coder_id] = position
    coder_of_rank = np.array(list(data.coders) or [0], dtype=np.int64)
    width = len(coder_of_rank) + 1
    keys = sorted_distinct(reps * width + rank[table[rows, CODER]])  # by segment, then coder's name
    segment_coders: dict[int, tuple[int, ...]] = {}
    for rep_id, coder_id in zip(table[keys // width, ID].tolist(), coder_of_rank[keys % width].tolist()):
        found = segment_coders.get(rep_id)
        segment_coders[rep_id] = (coder_id,) if found is None else (*found, coder_id)
    memos = dict(data.coding_memos)
    if memos:
        member_ids = table[rows, ID]
        noted = np.isin(member_ids, np.fromiter(memos, dtype=np.int64, count=len(memos)))
        gathered: dict[int, list[str]] = {}
        for member, rep in zip(member_ids[noted].tolist(), reps[noted].tolist()):
            gathered.setdefault(int(table[rep, ID]), []).append(memos.pop(member))
        for rep_id, texts in gathered.items():
            memos[rep_id] = "\n".join(dict.fromkeys(texts))

    view = ProjectData(
        name=data.name, language=data.language, created_at=data.created_at, codes=data.codes,
        documents=data.documents, speakers=data.speakers, coders=data.coders,
        speaker_attributes=data.speaker_attributes, turn_table=data.turn_table, coding_table=view_table,
        coding_memos=memos, code_memos=data.code_memos, votes=data.votes, segment_coders=segment_coders,
    )
    for name in _LAYOUT:
        if name in data.__dict__:
            view.__dict__[name] = data.__dict__[name]
    rows = np.flatnonzero(keep)
    view.__dict__["global_spans"] = (starts[rows], ends[rows])
    for name in ("code_index", "document_index", "coded_words"):
        if name in data.__dict__:
            view.__dict__[name] = data.__dict__[name][rows]
    if data._parts is not None:
        view._parts = _parts_of_rows(data, view, keep)
    view._segments = view
    view._codings = data
    return view


def group_sizes_over(first: np.ndarray) -> np.ndarray:
    """Per position of a sorted run of groups (``first`` marks each group's first position), its group's size."""
    starts = np.flatnonzero(first)
    sizes = np.diff(np.append(starts, len(first)))
    return np.repeat(sizes, sizes)


def _parts_of_rows(data: ProjectData, view: ProjectData, keep: np.ndarray):  # noqa: ANN202 - CodingParts
    """The parts of the kept codings, taken from the parts already cut for all (renumbered to the view's rows)."""
    from app.analysis.parts import CodingParts

    parts = data.parts()
    number = np.cumsum(keep) - 1
    kept = keep[parts.coding]
    found = CodingParts(coding=number[parts.coding[kept]], turn=parts.turn[kept], speaker=parts.speaker[kept],
                        starts=parts.starts[kept], ends=parts.ends[kept], data=view)
    if "words" in parts.__dict__:
        found.__dict__["words"] = parts.words[kept]
    return found
