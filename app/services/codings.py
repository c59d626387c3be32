"""Applying codes to passages, and changing or removing codings."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from sqlalchemy import Select, func, insert, literal, select
from sqlalchemy.orm import Session

from app.models import Coding, Document, Project
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.coding_journal import coding_change
from app.services.codes import check_name, ensure_code_path
from app.services.lookup import ensure_coder_id, get_code, get_code_id, get_document, split_code_path

DEFAULT_CODER = "default"


def _check_span(name: str, length: int, start: int, end: int) -> None:
    if not (0 <= start < end <= length):
        raise ServiceError(
            f"Positions {start}–{end} are outside '{name}', which has {length} characters "
            "(start must be before end)."
        )


@dataclass(frozen=True)
class _Extent:
    """What applying a code needs of its document: not its text, which on a team server would travel each time."""

    id: int
    name: str
    length: int


def _extent(session: Session, name: str) -> _Extent:
    # SQL length() counts code points on SQLite and PostgreSQL alike, as Python's len() does.
    row = session.execute(select(Document.id, func.length(Document.text)).where(Document.name == name)).one_or_none()
    if row is None:
        get_document(session, name)  # raises the usual "There is no document" message
    return _Extent(row[0], name, row[1])


def _check_weight(weight: int) -> int:
    if not 0 <= weight <= 100:
        raise ServiceError(f"A weight is between 0 and 100, not {weight}.")
    return weight


@repeatable
def apply_code(
    project: Project,
    *,
    document: str,
    code: str,
    start: int,
    end: int,
    coder: str = DEFAULT_CODER,
    weight: int = 0,
    create_code: bool = False,
) -> ChangeSet:
    """Code ``document[start:end]`` (code points, end exclusive) with the code at path ``code``.

    Applying the same code to the same span by the same coder again changes nothing (and says so by an empty
    ChangeSet): a double click must not create a duplicate. With ``create_code`` a code missing at that path is
    created first (with its missing parents), in the same change.
    """
    if create_code:  # codes too may change: not a change of codings only, for the coding journal
        with project.transaction() as session:
            changes = ChangeSet()
            ensure_code_path(session, [check_name(name) for name in split_code_path(code)], changes)
            return changes.merge(_apply(session, _extent(session, document), code, start, end, coder, weight))
    with coding_change(project) as (session, touched):
        changes = _apply(session, _extent(session, document), code, start, end, coder, weight)
        touched.update(changes.ids("coding"))
        return changes


def _apply(session: Session, doc: _Extent, code_path: str, start: int, end: int, coder: str, weight: int) -> ChangeSet:
    # Ids through plain column queries and one INSERT ... RETURNING, not ORM objects and a flush: applying a code is
    # the commonest change, and on a team server ten coders share the machine's time.
    _check_span(doc.name, doc.length, start, end)
    code_id = get_code_id(session, code_path)
    coder_id = ensure_coder_id(session, coder)
    weight = _check_weight(weight)
    # Inserted only when this coder has not coded this span with this code yet, in the same statement.
    same = _same_coding_query(doc.id, code_id, coder_id, start, end).exists()
    values = {"document_id": doc.id, "code_id": code_id, "coder_id": coder_id, "start": start, "end": end,
              "weight": weight}
    row = select(*(literal(value, Coding.__table__.c[name].type) for name, value in values.items())).where(~same)
    coding_id = session.execute(
        insert(Coding).from_select(list(values), row).returning(Coding.id)
    ).scalar_one_or_none()
    return ChangeSet() if coding_id is None else ChangeSet(created=[Ref("coding", coding_id)])


def _same_coding(
    session: Session, document_id: int, code_id: int, coder_id: int, start: int, end: int
) -> int | None:
    """The id of the coding with exactly these document, code, coder and span, if there is one."""
    return session.scalar(_same_coding_query(document_id, code_id, coder_id, start, end))


def _same_coding_query(document_id: int, code_id: int, coder_id: int, start: int, end: int) -> Select:
    return select(Coding.id).where(
        Coding.document_id == document_id,
        Coding.code_id == code_id,
        Coding.coder_id == coder_id,
        Coding.start == start,
        Coding.end == end,
    )


def find_quote(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Where the ``occurrence``-th (1-based) appearance of ``quote`` is in ``text``."""
    if not quote:
        raise ServiceError("The quoted text is empty.")
    if occurrence < 1:
        raise ServiceError("The occurrence counts from 1.")
    position, found = -1, 0
    while found < occurrence:
        position = text.find(quote, position + 1)
        if position < 0:
            if found == 0:
                raise ServiceError(f"The text '{_short(quote)}' does not occur in the document.")
            raise ServiceError(f"The text '{_short(quote)}' occurs only {found} time(s) in the document.")
        found += 1
    return position, position + len(quote)


def _short(quote: str, limit: int = 60) -> str:
    return quote if len(quote) <= limit else quote[: limit - 1] + "…"


@repeatable
def apply_code_to_quote(
    project: Project,
    *,
    document: str,
    code: str,
    quote: str,
    occurrence: int = 1,
    coder: str = DEFAULT_CODER,
    weight: int = 0,
) -> ChangeSet:
    """Code the passage that quotes ``quote`` exactly (its ``occurrence``-th appearance)."""
    with coding_change(project) as (session, touched):
        doc = get_document(session, document)
        # Document text is NFC; a quote typed or pasted elsewhere may not be.
        start, end = find_quote(doc.text, unicodedata.normalize("NFC", quote), occurrence)
        changes = _apply(session, _Extent(doc.id, doc.name, len(doc.text)), code, start, end, coder, weight)
        touched.update(changes.ids("coding"))
        return changes


@repeatable
def remove_coding(project: Project, coding_id: int) -> ChangeSet:
    with coding_change(project) as (session, touched):
        coding = _get_coding(session, coding_id)
        session.delete(coding)
        touched.add(coding_id)
        return ChangeSet(deleted=[Ref("coding", coding_id)])


@repeatable
def update_coding(
    project: Project,
    coding_id: int,
    *,
    start: int | None = None,
    end: int | None = None,
    weight: int | None = None,
    code: str | None = None,
) -> ChangeSet:
    """Change a coding's boundaries, weight or code (re-assign); arguments left None stay as they are."""
    with coding_change(project) as (session, touched):
        touched.add(coding_id)
        coding = _get_coding(session, coding_id)
        new_start = coding.start if start is None else start
        new_end = coding.end if end is None else end
        _check_span(coding.document.name, len(coding.document.text), new_start, new_end)
        coding.start, coding.end = new_start, new_end
        if weight is not None:
            coding.weight = _check_weight(weight)
        if code is not None:
            coding.code_id = get_code(session, code).id
        # Like apply_code, never leave two identical codings (merge_codes relies on that).
        same = _same_coding(session, coding.document_id, coding.code_id, coding.coder_id, coding.start, coding.end)
        if same is not None and same != coding_id:
            raise ServiceError(f"The coder has already coded this passage with this code (coding {same}).")
        return ChangeSet(updated=[Ref("coding", coding_id)])


def _get_coding(session: Session, coding_id: int) -> Coding:
    coding = session.get(Coding, coding_id)
    if coding is None:
        raise ServiceError(f"There is no coding {coding_id}.")
    return coding
