"""Showing and hiding coders: the codings of chosen coders only, for the transcript view and reports."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select

from app.models import Coder, Coding, Project
from app.services.queries import CodingRow, Segment, retrieve_segments


@dataclass(frozen=True, slots=True)
class CoderRow:
    id: int
    name: str
    guid: str
    codings: int


def list_coders(project: Project) -> list[CoderRow]:
    """Every coder with their number of codings, by name (for the show/hide list and the agreement dialog)."""
    with project.reading() as session:
        counts = dict(session.execute(select(Coding.coder_id, func.count(Coding.id)).group_by(Coding.coder_id)).all())
        return [CoderRow(c.id, c.name, c.guid, counts.get(c.id, 0))
                for c in session.scalars(select(Coder).order_by(Coder.name))]


def codings_of(project: Project, document_id: int, *, coders: Iterable[str] | None = None) -> list[CodingRow]:
    """A document's codings in text order, only those of ``coders`` (names) when given; None shows everyone's."""
    with project.reading() as session:
        query = (
            select(Coding.id, Coding.code_id, Coding.start, Coding.end, Coder.name, Coding.weight)
            .join(Coder, Coder.id == Coding.coder_id)
            .where(Coding.document_id == document_id)
            .order_by(Coding.start, Coding.end, Coding.id)
        )
        if coders is not None:
            query = query.where(Coder.name.in_(list(coders)))
        return [CodingRow(*row) for row in session.execute(query)]


def segments_of(
    project: Project,
    code_ids: Iterable[int],
    *,
    coders: Iterable[str] | None = None,
    document_ids: Iterable[int] | None = None,
    speaker_ids: Iterable[int] | None = None,
) -> list[Segment]:
    """Retrieved segments (see ``retrieve_segments``) of the chosen coders only."""
    segments = retrieve_segments(project, code_ids, document_ids=document_ids, speaker_ids=speaker_ids)
    if coders is None:
        return segments
    shown = set(coders)
    return [segment for segment in segments if segment.coder in shown]
