"""Memos: free text about the project, a document, a code, a speaker or a coding."""

from __future__ import annotations

from sqlalchemy import select

from app.models import Coding, Memo, Project
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import ensure_coder, get_code, get_document, get_speaker


@repeatable
def set_memo(
    project: Project,
    text: str,
    *,
    document: str | None = None,
    code: str | None = None,
    speaker: str | None = None,
    coding_id: int | None = None,
    author: str | None = None,
    title: str = "",
    based_on: str | None = None,
) -> ChangeSet:
    """Write the memo of one thing (replacing its text), or add a project memo when no target is named.

    An empty text removes a thing's memo. ``based_on`` is the text the writer started from (what the memo editor
    showed when it opened): if the memo now says something else, a colleague changed it meanwhile, and the change
    is refused rather than overwriting theirs (in a team project, memos are written over minutes, not moments).
    """
    targets = [t for t in (document, code, speaker, coding_id) if t is not None]
    if len(targets) > 1:
        raise ServiceError("A memo is about one thing at a time.")
    with project.transaction() as session:
        column, target_id = None, None
        if document is not None:
            column, target_id = Memo.document_id, get_document(session, document).id
        elif code is not None:
            column, target_id = Memo.code_id, get_code(session, code).id
        elif speaker is not None:
            column, target_id = Memo.speaker_id, get_speaker(session, speaker).id
        elif coding_id is not None:
            if session.get(Coding, coding_id) is None:
                raise ServiceError(f"There is no coding {coding_id}.")
            column, target_id = Memo.coding_id, coding_id

        memo = None if column is None else session.scalars(select(Memo).where(column == target_id)).one_or_none()
        _check_based_on(memo, based_on)
        if memo is not None and not text.strip():
            session.delete(memo)
            return ChangeSet(deleted=[Ref("memo", memo.id)])
        if memo is None:
            if not text.strip():
                return ChangeSet()
            # The author is looked up (and created) only now: a call that writes no memo writes no coder either.
            author_id = ensure_coder(session, author).id if author else None
            memo = Memo(text=text, title=title, author_id=author_id)
            if column is not None:
                setattr(memo, column.key, target_id)
            session.add(memo)
            session.flush()
            return ChangeSet(created=[Ref("memo", memo.id)])
        memo.text = text
        if title:
            memo.title = title
        return ChangeSet(updated=[Ref("memo", memo.id)])


def _check_based_on(memo: Memo | None, based_on: str | None) -> None:
    if based_on is not None and (memo.text if memo is not None else "") != based_on:
        raise MemoChanged(
            "Someone else changed this memo after you began writing, so your text was not saved over theirs. "
            "Copy your text, open the memo again to see theirs, and combine the two."
        )


class MemoChanged(ServiceError):
    """The memo is no longer what the writer started from."""


@repeatable
def set_project_memo(
    project: Project, text: str, *, memo_id: int | None = None, author: str | None = None, title: str = "",
    based_on: str | None = None,
) -> ChangeSet:
    """Write the project memo ``memo_id`` (a new one when None); an empty text removes it. ``based_on``: as for
    ``set_memo``."""
    if memo_id is None:
        return set_memo(project, text, author=author, title=title) if text.strip() else ChangeSet()
    with project.transaction() as session:
        memo = session.get(Memo, memo_id)
        if memo is None or any(
            column is not None for column in (memo.document_id, memo.code_id, memo.speaker_id, memo.coding_id)
        ):
            raise ServiceError(f"There is no project memo {memo_id}.")
        _check_based_on(memo, based_on)
        if not text.strip():
            session.delete(memo)
            return ChangeSet(deleted=[Ref("memo", memo_id)])
        memo.text = text
        return ChangeSet(updated=[Ref("memo", memo_id)])
