"""How often each code was applied: per code with the tree's totals, or broken down by document, speaker or a
speaker attribute such as "Institution" (``focuscoder stats`` and the report's frequency tables).

A coding counts once for each speaker whose turn it touches; its words are counted on the part inside that
turn. Words of a coding that lies outside every turn (a header, an unlabelled document) count for no speaker.
Broken down by an attribute, a coding counts once per value among its speakers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import numpy as np

from app.analysis.dataset import ProjectData, Selection, as_data
from app.analysis.parts import NONE, distinct_pairs, presence
from app.models import Project

Breakdown = Literal["code", "document", "speaker", "attribute"]
BREAKDOWNS: tuple[Breakdown, ...] = ("code", "document", "speaker", "attribute")


@dataclass(frozen=True)
class FrequencyRow:
    code: str
    group: str | None  # the document, speaker or attribute value; None for the whole project or "no speaker"
    codings: int
    words: int


@dataclass(frozen=True)
class CodeFrequency:
    """One code of the tree: its own codings, and the totals with all its sub-codes."""

    code: str  # path
    name: str
    depth: int
    codings: int
    documents: int
    speakers: int
    words: int
    total_codings: int
    total_documents: int
    total_speakers: int
    total_words: int


def code_tree_frequencies(
    source: Project | ProjectData, selection: Selection | None = None
) -> list[CodeFrequency]:
    """Every selected code in tree order, with codings, documents, speakers and words, own and with sub-codes."""
    data = as_data(source, selection)
    size = len(data.codes)
    codings = np.bincount(data.code_index, minlength=size)
    words = np.bincount(data.code_index, weights=data.coded_words, minlength=size).astype(np.int64)
    # Which documents and speakers each code has, as code × document / speaker tables (a few thousand cells).
    documents = presence(data.code_index, data.document_index, size, len(data.documents))
    parts = data.parts()
    spoken = parts.speaker != NONE
    speakers = presence(data.code_index[parts.coding[spoken]], parts.speaker[spoken], size, len(data.speaker_ids))
    own = [codings.tolist(), documents.sum(axis=1).tolist(), speakers.sum(axis=1).tolist(), words.tolist()]
    total_codings, total_documents, total_speakers, total_words = (
        subtree_totals(data, codings).tolist(), subtree_totals(data, documents).sum(axis=1).tolist(),
        subtree_totals(data, speakers).sum(axis=1).tolist(), subtree_totals(data, words).tolist(),
    )
    return [
        CodeFrequency(code.path, code.name, code.depth, own[0][i], own[1][i], own[2][i], own[3][i],
                      total_codings[i], total_documents[i], total_speakers[i], total_words[i])
        for i, code in enumerate(data.codes.values())
    ]


def subtree_totals(data: ProjectData, own: np.ndarray) -> np.ndarray:
    """Per code (rows in tree order) its own figures added up with all its sub-codes'; for a table of booleans,
    whether the code or any sub-code has it."""
    totals = own.copy()
    position = {code_id: i for i, code_id in enumerate(data.codes)}
    # Tree order lists a code before its sub-codes: backwards, every code is complete before its parent takes it.
    for i, code in reversed(list(enumerate(data.codes.values()))):
        parent = position.get(code.parent_id)
        if parent is not None:
            totals[parent] += totals[i]  # booleans: "or"
    return totals


def code_frequencies(
    source: Project | ProjectData,
    by: Breakdown = "code",
    *,
    attribute: str | None = None,
    selection: Selection | None = None,
) -> list[FrequencyRow]:
    """One row per code (in tree order), or per code and document/speaker/attribute value that has codings."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    if by == "attribute" and not attribute:
        raise ValueError("a breakdown by attribute needs the attribute's name")
    data = as_data(source, selection)
    if by == "code":  # every code, also those not yet applied, in tree order: no groups to look up and sort
        size = len(data.codes)
        codings = np.bincount(data.code_index, minlength=size).tolist()
        words = np.bincount(data.code_index, weights=data.coded_words, minlength=size).tolist()
        return [
            FrequencyRow(code.path, None, count, int(summed))
            for code, count, summed in zip(data.codes.values(), codings, words)
        ]
    if by == "document":
        groups: list[str | None] = [doc.name for doc in data.documents.values()]
        counts = _count(data.code_index, data.document_index, len(groups), data.coded_words)
    else:
        groups, speaker_group = speaker_groups(data, attribute if by == "attribute" else None)
        parts = data.parts()
        # NONE (-1) picks the appended last entry: the group of no speaker.
        part_group = np.append(speaker_group, len(groups) - 1)[parts.speaker]
        # Words: every part counts. Codings: once per (coding, group), however many turns of that group.
        words = _count(data.code_index[parts.coding], part_group, len(groups), parts.words)
        coding, group = distinct_pairs(parts.coding, part_group)
        codings = _count(data.code_index[coding], group, len(groups), None)
        counts = {key: (codings[key][0], words[key][1]) for key in codings}
    paths = [code.path for code in data.codes.values()]
    keys = sorted(counts, key=lambda key: (key[0], groups[key[1]] is None, groups[key[1]] or ""))
    return [FrequencyRow(paths[code], groups[group], *counts[(code, group)]) for code, group in keys]


def speaker_groups(data: ProjectData, attribute: str | None) -> tuple[list[str | None], np.ndarray]:
    """The groups a speaker falls in (their name, or their value of ``attribute``), the last one ``None``
    for no speaker or no value, and per speaker index its group's index."""
    if attribute is None:
        names: list[str | None] = [data.speakers[sid] for sid in data.speaker_ids]
        return [*names, None], np.arange(len(names), dtype=np.int64)
    values = [data.attribute_of(sid, attribute) for sid in data.speaker_ids]
    distinct = sorted({v for v in values if v is not None}, key=str.casefold)
    index = {value: i for i, value in enumerate(distinct)}
    groups: list[str | None] = [*distinct, None]
    return groups, np.array([index.get(v, len(distinct)) for v in values], dtype=np.int64)


def _count(
    code: np.ndarray, group: np.ndarray, groups: int, words: np.ndarray | None
) -> dict[tuple[int, int], tuple[int, int]]:
    """(codings, words) per (code, group) that occurs."""
    key = code * groups + group
    size = int(key.max(initial=-1)) + 1
    codings = np.bincount(key, minlength=size)
    summed = np.bincount(key, weights=words, minlength=size) if words is not None else codings
    present = np.flatnonzero(codings)
    return {
        (k // groups, k % groups): (c, int(w))
        for k, c, w in zip(present.tolist(), codings[present].tolist(), summed[present].tolist())
    }
