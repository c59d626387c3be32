"""Auto-coding: the passages a search would code (the hit itself, its sentence or its whole turn), a preview of
them, and coding them all in one step; and "suggest": passages matching a code's keywords not yet coded with it.

Writing goes through ``services.code_passages``: one transaction, so the desktop app undoes an auto-coding in one
step (``services.remove_codings`` with the ChangeSet's coding ids).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from app.analysis.search import Filters, Hit, search
from app.analysis.text_index import DocumentIndex, load_indexes
from app.models import Coding, Document, Project
from app.services import ChangeSet
from app.services.autocode import code_passages
from app.services.codings import DEFAULT_CODER
from app.services.lookup import get_code
from app.services.text_settings import code_keywords

UNITS = ("match", "sentence", "turn")


@dataclass(frozen=True)
class Passage:
    """A passage auto-coding would code: where it is, what it says, the hits in it, whether it is coded already."""

    document: str
    document_id: int
    start: int
    end: int
    text: str
    speaker: str | None
    hits: int
    coded: bool = False

    def as_json(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker}


def unit_span(hit: Hit, unit: str, index: DocumentIndex | None) -> tuple[int, int]:
    """The span ``unit`` makes of a hit: the hit, the sentence(s) it lies in, or its turn."""
    if unit == "turn" and hit.turn is not None:
        return hit.turn
    if unit in ("sentence", "turn") and index is not None and len(index.sentence_starts):
        first = max(int(np.searchsorted(index.sentence_starts, hit.start, side="right")) - 1, 0)
        last = max(int(np.searchsorted(index.sentence_starts, hit.end - 1, side="right")) - 1, first)
        return min(int(index.sentence_starts[first]), hit.start), max(int(index.sentence_ends[last]), hit.end)
    return hit.start, hit.end


def passages(project: Project, hits: Sequence[Hit], unit: str, code: str | None = None) -> list[Passage]:
    """The hits made into passages of ``unit``; hits in one passage (or overlapping matches) make one passage."""
    if unit not in UNITS:
        raise ValueError(f"unknown unit {unit!r}")
    indexes = load_indexes(project, {hit.document_id for hit in hits}) if unit != "match" else {}
    spans: dict[int, list[list]] = {}
    for hit in sorted(hits, key=lambda h: (h.document_id, h.start, h.end)):
        start, end = unit_span(hit, unit, indexes.get(hit.document_id))
        merged = spans.setdefault(hit.document_id, [])
        if merged and start < merged[-1][1]:  # overlaps the one before: one passage
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][3] += 1
        else:
            merged.append([start, end, hit, 1])
    coded: set[tuple[int, int, int]] = set()
    with project.reading() as session:
        if code is not None:
            code_id = get_code(session, code).id
            coded = set(session.execute(
                select(Coding.document_id, Coding.start, Coding.end).where(Coding.code_id == code_id)
            ).all())
        texts = dict(session.execute(select(Document.id, Document.text).where(Document.id.in_(spans))).all())
    found = []
    for document_id, rows in spans.items():
        for start, end, hit, count in rows:
            found.append(Passage(hit.document, document_id, start, end, texts[document_id][start:end],
                                 hit.speaker, count, (document_id, start, end) in coded))
    return found


def preview_autocode(
    project: Project,
    query: str,
    *,
    mode: str = "word",
    unit: str = "match",
    filters: Filters | None = None,
    code: str | None = None,
) -> list[Passage]:
    """What ``autocode`` would code, without writing anything (``coded``: that code is there already)."""
    return passages(project, search(project, query, mode=mode, filters=filters), unit, code)


def autocode(
    project: Project,
    query: str,
    *,
    code: str,
    mode: str = "word",
    unit: str = "match",
    filters: Filters | None = None,
    coder: str = DEFAULT_CODER,
    weight: int = 0,
) -> ChangeSet:
    """Code every hit of a search at ``unit`` with ``code``: one transaction, one undo step."""
    found = preview_autocode(project, query, mode=mode, unit=unit, filters=filters, code=code)
    return code_passages(project, [(p.document_id, p.start, p.end) for p in found], code=code, coder=coder,
                         weight=weight)


def suggest(project: Project, code: str, *, unit: str = "sentence", filters: Filters | None = None) -> list[Passage]:
    """Passages matching the code's keywords that share no character with a passage coded with it already."""
    hits: list[Hit] = []
    for query, mode in code_keywords(project, code):
        hits += search(project, query, mode=mode, filters=filters)
    found = passages(project, hits, unit)
    with project.reading() as session:
        code_id = get_code(session, code).id
        codings = session.execute(
            select(Coding.document_id, Coding.start, Coding.end).where(Coding.code_id == code_id)
        ).all()
    by_document: dict[int, list[tuple[int, int]]] = {}
    for document_id, start, end in codings:
        by_document.setdefault(document_id, []).append((start, end))
    return [
        p for p in found
        if not any(start < p.end and end > p.start for start, end in by_document.get(p.document_id, ()))
    ]
