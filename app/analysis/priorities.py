"""The priority ranking: the measures (the sub-codes of one parent, e.g. "Maßnahmen") in the order the
workshop's dot vote gave them, with the breadth of support each found in the discussion.

The order: points first, then the participants who raised the measure, then their institutions. Measures with
equal figures share a rank. Measures nobody voted on (no count entered, no card with points coded with them, as
"Weitere Vorschläge ohne Abstimmung") are listed after the voted ones without a rank. When no measure has any
votes, the ranking is by support alone.

A measure's points: the counts entered for it (``services.votes``), or else the points of the cards coded with it
or its sub-codes, each card once however often it is coded. Support counts participants only (see
``analysis.votes``): the moderator and the minute-taker, and so the research institute, do not support a measure.
Codings are distinct coded passages (document, code, span): a passage two coders coded counts once.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from app.analysis.dataset import CODE, DOCUMENT, END, START, ProjectData, Selection, as_data
from app.analysis.parts import NONE
from app.analysis.votes import is_participant, role_attribute
from app.models import Project
from app.services.changes import ServiceError

# Names the institution attribute goes by, tried in turn when none is named.
INSTITUTION_NAMES = ("institution", "organisation", "organization", "einrichtung", "träger")
# Names of the top-level code that holds the measures, when the user chose none (casefolded).
MEASURES_NAMES = ("maßnahmen", "massnahmen", "measures", "handlungsempfehlungen")


@dataclass(frozen=True)
class PriorityRow:
    rank: int | None  # None: not voted on (while others were), listed after the ranked measures
    code: str  # path
    name: str
    points: int | None  # None: not voted on
    share: float | None  # of all points given to the measures (0..1); None: not voted on
    speakers: int  # distinct participants who raised it
    institutions: int | None  # their institutions; None when speakers have no institution attribute
    codings: int  # distinct coded passages
    proposed_by: str | None  # the first participant who raised it
    documents: int


def institution_attribute(data: ProjectData) -> str | None:
    """The speaker attribute that names institutions, if the project has one."""
    by_folded = {name.casefold(): name for name in data.attribute_names()}
    return next((by_folded[n] for n in INSTITUTION_NAMES if n in by_folded), None)


def measures_parent(data: ProjectData) -> str | None:
    """The path of the code whose sub-codes are the measures: the one the user chose, or else a top-level code
    named Maßnahmen, Measures or Handlungsempfehlungen; None when there is neither."""
    chosen = data.votes.measures_code_id
    if chosen is not None and chosen in data.codes:
        return data.codes[chosen].path
    for code_id in data.children.get(None, []):
        if data.codes[code_id].name.strip().casefold() in MEASURES_NAMES:
            return data.codes[code_id].path
    return None


def participant_flags(data: ProjectData) -> np.ndarray:
    """Per speaker (as ``data.speaker_ids``), whether they are a participant."""
    role = role_attribute(data.attribute_names())
    return np.array(
        [is_participant(data.votes.marks.get(sid), data.attribute_of(sid, role) if role else None)
         for sid in data.speaker_ids],
        dtype=bool,
    )


def priority_ranking(
    source: Project | ProjectData,
    parent: str | None = None,
    *,
    attribute: str | None = None,
    selection: Selection | None = None,
) -> list[PriorityRow]:
    """Rank the sub-codes of the code at path ``parent`` (None: ``measures_parent``); ``attribute`` names the
    institution attribute."""
    data = as_data(source, selection)
    parent = parent if parent is not None else measures_parent(data)
    parent_code = next((code for code in data.codes.values() if code.path == parent), None)
    if parent_code is None:
        raise ServiceError("There is no code holding the measures; choose one." if parent is None
                           else f"There is no code '{parent}'.")
    attribute = attribute or institution_attribute(data)
    children = data.children.get(parent_code.id, [])
    position = {code_id: i for i, code_id in enumerate(data.codes)}
    # Which measure each code's codings count for: the child of the parent it lies under.
    counts_for = np.full(len(data.codes), NONE, dtype=np.int64)
    for index, child in enumerate(children):
        for code_id in data.subtree(child):
            counts_for[position[code_id]] = index
    table = data.coding_table
    ranked = counts_for[data.code_index] if len(table) else np.zeros(0, dtype=np.int64)
    counted = np.flatnonzero(ranked != NONE)
    passages = [set() for _ in children]
    documents = [set() for _ in children]
    for row, measure in zip(table[counted][:, [DOCUMENT, CODE, START, END]].tolist(), ranked[counted].tolist()):
        passages[measure].add(tuple(row))
        documents[measure].add(row[0])
    # Who said it and which cards it is on: the codings' parts, in the order of the text.
    parts = data.parts()
    part_measure = ranked[parts.coding] if len(parts.coding) else parts.coding
    participant = participant_flags(data)
    supporters: list[dict[int, int]] = [{} for _ in children]  # speaker index -> first position, in order
    cards: list[set[int]] = [set() for _ in children]
    turn_ids = data.turn_table[:, 0].tolist() if len(data.turn_table) else []
    mine = np.flatnonzero(part_measure != NONE)  # the parts of the measures' codings only: a few of 100,000
    for measure, speaker, turn, start in zip(part_measure[mine].tolist(), parts.speaker[mine].tolist(),
                                             parts.turn[mine].tolist(), parts.starts[mine].tolist()):
        if turn != NONE and turn_ids[turn] in data.votes.cards:
            cards[measure].add(turn_ids[turn])
        if speaker != NONE and participant[speaker]:
            first = supporters[measure].get(speaker)
            if first is None or start < first:
                supporters[measure][speaker] = start
    points: list[int | None] = []
    for index, child in enumerate(children):
        entered = data.votes.points_entered(child)
        if entered is not None:
            points.append(entered)
        elif cards[index]:
            points.append(sum(data.votes.cards[turn_id] for turn_id in cards[index]))
        else:
            points.append(None)
    total = sum(p for p in points if p is not None)
    rows = []
    for index, child in enumerate(children):
        code = data.codes[child]
        speaker_ids = [data.speaker_ids[s] for s in supporters[index]]
        institutions = None
        if attribute is not None:
            institutions = len({data.attribute_of(s, attribute) for s in speaker_ids} - {None, ""})
        first = min(supporters[index], key=supporters[index].get, default=None)
        rows.append(PriorityRow(
            rank=None,
            code=code.path,
            name=code.name,
            points=points[index],
            share=None if points[index] is None else (points[index] / total if total else 0.0),
            speakers=len(speaker_ids),
            institutions=institutions,
            codings=len(passages[index]),
            proposed_by=None if first is None else data.speakers[data.speaker_ids[first]],
            documents=len(documents[index]),
        ))
    return ranked_rows(rows)


def ranked_rows(rows: list[PriorityRow]) -> list[PriorityRow]:
    """The voted rows by points, participants and institutions (equal figures share a rank), then the others in
    their tree order without a rank; by support alone when nothing was voted on."""
    by_vote = any(row.points is not None for row in rows)

    def figures(row: PriorityRow) -> tuple:
        return ((row.points,) if by_vote else ()) + (row.speakers, row.institutions or 0)

    voted = [row for row in rows if row.points is not None or not by_vote]
    others = [row for row in rows if row.points is None and by_vote]
    voted.sort(key=lambda row: tuple(-x for x in figures(row)))  # stable: ties stay in tree order
    ranked, rank = [], 0
    for index, row in enumerate(voted):
        if index == 0 or figures(row) != figures(voted[index - 1]):
            rank = index + 1
        ranked.append(_with_rank(row, rank))
    return ranked + [_with_rank(row, None) for row in others]


def _with_rank(row: PriorityRow, rank: int | None) -> PriorityRow:
    return replace(row, rank=rank)


@dataclass(frozen=True)
class MeasurePoints:
    code: str  # path
    name: str
    points: int | None  # None: not voted on
    entered: bool  # the points were entered (else they come from cards, or there are none)


def measure_points(source: Project | ProjectData, parent: str | None = None) -> list[MeasurePoints]:
    """The measures under ``parent`` (None: ``measures_parent``) in the code tree's order, with their points:
    what the "Punktabfrage" table shows and edits. Empty when there is no parent of measures."""
    data = as_data(source)
    parent = parent if parent is not None else measures_parent(data)
    if parent is None or not any(code.path == parent for code in data.codes.values()):
        return []
    points = {row.code: row.points for row in priority_ranking(data, parent)}
    parent_id = next(code.id for code in data.codes.values() if code.path == parent)
    return [
        MeasurePoints(data.codes[c].path, data.codes[c].name, points[data.codes[c].path],
                      data.votes.points_entered(c) is not None)
        for c in data.children.get(parent_id, [])
    ]
