"""Coding many passages in one step (auto-coding the hits of a search) and taking such a step back."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import select

from app.models import Coding, Document, Project
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.coding_journal import coding_change
from app.services.codings import DEFAULT_CODER
from app.services.lookup import ensure_coder, get_code


@repeatable
def code_passages(
    project: Project,
    passages: Iterable[tuple[int, int, int]],
    *,
    code: str,
    coder: str = DEFAULT_CODER,
    weight: int = 0,
) -> ChangeSet:
    """Code every passage ``(document id, start, end)`` with ``code``, all in one transaction (one undo step).

    A passage the coder has already coded with this code exactly is skipped, as ``apply_code`` does; a passage
    outside its document's text refuses the whole step.
    """
    if not 0 <= weight <= 100:
        raise ServiceError(f"A weight is between 0 and 100, not {weight}.")
    with coding_change(project) as (session, touched):
        code_id = get_code(session, code).id
        coder_id = ensure_coder(session, coder).id
        wanted = sorted(set(passages))
        lengths = dict(session.execute(
            select(Document.id, Document.text).where(Document.id.in_({p[0] for p in wanted}))
        ).all())
        existing = set(session.execute(
            select(Coding.document_id, Coding.start, Coding.end).where(
                Coding.code_id == code_id, Coding.coder_id == coder_id
            )
        ).all())
        rows = []
        for document_id, start, end in wanted:
            if document_id not in lengths:
                raise ServiceError(f"There is no document {document_id}.")
            if not 0 <= start < end <= len(lengths[document_id]):
                raise ServiceError(f"Positions {start}–{end} lie outside document {document_id}.")
            if (document_id, start, end) not in existing:
                rows.append(Coding(document_id=document_id, code_id=code_id, coder_id=coder_id, start=start,
                                   end=end, weight=weight))
        session.add_all(rows)
        session.flush()
        touched.update(row.id for row in rows)
        return ChangeSet(created=[Ref("coding", row.id) for row in rows])


@repeatable
def remove_codings(project: Project, coding_ids: Sequence[int]) -> ChangeSet:
    """Remove several codings in one transaction: the way back from ``code_passages``."""
    with coding_change(project) as (session, touched):
        rows = session.scalars(select(Coding).where(Coding.id.in_(list(coding_ids)))).all()
        missing = set(coding_ids) - {row.id for row in rows}
        if missing:
            raise ServiceError(f"There is no coding {min(missing)}.")
        for row in rows:
            session.delete(row)
        touched.update(coding_ids)
        return ChangeSet(deleted=[Ref("coding", coding_id) for coding_id in coding_ids])
