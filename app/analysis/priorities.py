"""The priority ranking: how the codes under one parent (e.g. "Maßnahmen") rank by how many speakers and
institutions raised them, how often they were coded and their mean weight — the table that turns a workshop's
prioritised measures into a result.

Each code under the parent counts with its own sub-codes. The mean weight is over weighted codings (weight > 0),
since 0 is the default of a coding nobody weighted. Codes with equal figures share a rank.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.analysis.dataset import WEIGHT, ProjectData, Selection, as_data
from app.analysis.parts import NONE, presence
from app.models import Project
from app.services.changes import ServiceError

# Names the institution attribute goes by, tried in turn when none is named.
INSTITUTION_NAMES = ("institution", "organisation", "organization", "einrichtung", "träger")


@dataclass(frozen=True)
class PriorityRow:
    rank: int
    code: str  # path
    name: str
    speakers: int
    institutions: int | None  # None when the speakers have no institution attribute
    codings: int
    mean_weight: float | None  # None when no coding is weighted
    documents: int


def institution_attribute(data: ProjectData) -> str | None:
    """The speaker attribute that names institutions, if the project has one."""
    by_folded = {name.casefold(): name for name in data.attribute_names()}
    return next((by_folded[n] for n in INSTITUTION_NAMES if n in by_folded), None)


def priority_ranking(
    source: Project | ProjectData,
    parent: str,
    *,
    attribute: str | None = None,
    selection: Selection | None = None,
) -> list[PriorityRow]:
    """Rank the sub-codes of the code at path ``parent``; ``attribute`` names the institution attribute."""
    data = as_data(source, selection)
    parent_code = next((code for code in data.codes.values() if code.path == parent), None)
    if parent_code is None:
        raise ServiceError(f"There is no code '{parent}'.")
    attribute = attribute or institution_attribute(data)
    position = {code_id: i for i, code_id in enumerate(data.codes)}
    # Which ranked code each code's codings count for: itself or the child of the parent it lies under.
    counts_for = np.full(len(data.codes), NONE, dtype=np.int64)
    children = data.children.get(parent_code.id, [])
    for rank_index, child in enumerate(children):
        for code_id in data.subtree(child):
            counts_for[position[code_id]] = rank_index
    ranked = counts_for[data.code_index] if len(data.coding_table) else np.zeros(0, dtype=np.int64)
    codings = np.bincount(ranked[ranked != NONE], minlength=len(children))
    weights = data.coding_table[:, WEIGHT]
    weighted = (ranked != NONE) & (weights > 0)
    weight_sum = np.bincount(ranked[weighted], weights=weights[weighted], minlength=len(children))
    weight_count = np.bincount(ranked[weighted], minlength=len(children))
    counted = ranked != NONE
    documents = presence(ranked[counted], data.document_index[counted], len(children), len(data.documents))
    parts = data.parts()
    part_target = ranked[parts.coding] if len(parts.coding) else parts.coding
    keep = (part_target != NONE) & (parts.speaker != NONE)
    present = presence(part_target[keep], parts.speaker[keep], len(children), len(data.speaker_ids))
    speakers = [[data.speaker_ids[s] for s in np.flatnonzero(row).tolist()] for row in present]
    document_counts = documents.sum(axis=1).tolist()
    rows = []
    for i, child in enumerate(children):
        code = data.codes[child]
        institutions = None
        if attribute is not None:
            institutions = len({data.attribute_of(s, attribute) for s in speakers[i]} - {None})
        rows.append(
            PriorityRow(
                rank=0,
                code=code.path,
                name=code.name,
                speakers=len(speakers[i]),
                institutions=institutions,
                codings=int(codings[i]),
                mean_weight=float(weight_sum[i] / weight_count[i]) if weight_count[i] else None,
                documents=document_counts[i],
            )
        )
    return _ranked(rows)


def _ranked(rows: list[PriorityRow]) -> list[PriorityRow]:
    def figures(row: PriorityRow) -> tuple:
        return (row.speakers, row.institutions or 0, row.codings, row.mean_weight or 0.0)

    rows = sorted(rows, key=lambda row: tuple(-x for x in figures(row)))
    ranked, rank = [], 0
    for index, row in enumerate(rows):
        if index == 0 or figures(row) != figures(rows[index - 1]):
            rank = index + 1
        ranked.append(PriorityRow(rank, *[getattr(row, f) for f in PriorityRow.__dataclass_fields__][1:]))
    return ranked
