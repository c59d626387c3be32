"""Bringing a colleague's work, or a REFI-QDA file, into this project: one transaction, nothing lost silently.

Things are matched by identity, never by name alone: documents by GUID and then by the hash of their text, codes
by GUID and then by path, coders by GUID and then by name, speakers by GUID and then by name or alias. So a coding
of a renamed code or by a coder who spells their name differently still lands where it belongs. What cannot be
brought in (a document whose text differs from ours, a coding outside its text ...) is listed with the reason.
"""

from __future__ import annotations

import gc
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Coder, Coding, Document, Project, open_project
from app.models.exchange import ProjectData
from app.models.schema import utc_now
from app.services.bulk import insert_many
from app.services.changes import Ref, ServiceError
from app.services.documents import text_sha256
from app.services.lookup import ensure_coder
from app.services.merge_parts import add_attributes, add_codes, add_memos, add_speakers, time_storer
from app.services.merge_summary import MergeSummary
from app.services.project_data import read_project_data

__all__ = ["MergeSummary", "bring_in", "merge_project"]


def merge_project(project: Project, other_path: str | Path) -> MergeSummary:
    """Merge the project file at ``other_path`` (opened read-only, left unchanged) into ``project``."""
    other_path = Path(other_path)
    if other_path.resolve() == Path(project.path).resolve():
        raise ServiceError("A project cannot be merged with itself.")
    with open_project(other_path, read_only=True) as other:
        data = read_project_data(other)
    return bring_in(project, data)


def bring_in(project: Project, data: ProjectData) -> MergeSummary:
    """Add ``data`` to the project in one transaction (all or nothing) and say what happened.

    The reader's ``problems`` (things a file held that could not be read) are listed as left out too.
    """
    summary = MergeSummary()
    for problem in data.problems:
        summary.leave_out("file", problem)
    with gc_paused(), project.transaction() as session:
        maps = _Maps()
        maps.coder = _add_coders(session, data, summary)
        maps.code = add_codes(session, data, summary)
        maps.speaker = add_speakers(session, data, summary)
        maps.document = _add_documents(session, data, maps, summary)
        maps.coding = _add_codings(session, data, maps, summary)
        add_attributes(session, data, maps.speaker, maps.document, summary)
        add_memos(session, data, maps.__dict__, summary)
    return summary


class _Maps:
    """Their GUIDs to our row ids, per kind."""

    def __init__(self) -> None:
        self.coder: dict[str, int] = {}
        self.code: dict[str, int] = {}
        self.speaker: dict[str, int] = {}
        self.document: dict[str, int] = {}
        self.coding: dict[str, int] = {}


def _add_coders(session: Session, data: ProjectData, summary: MergeSummary) -> dict[str, int]:
    found: dict[str, int] = {}
    for coder in data.coders:
        ours = session.scalars(select(Coder).where(Coder.guid == coder.guid)).one_or_none()
        if ours is None:
            ours = session.scalars(select(Coder).where(Coder.name == coder.name.strip())).one_or_none()
            if ours is not None:
                summary.notes.append(f"The coder '{coder.name}' is taken to be our '{ours.name}' (same name).")
        if ours is None:
            ours = Coder(guid=coder.guid, name=coder.name.strip() or "unnamed coder")
            session.add(ours)
            session.flush()
            summary.added["coder"] += 1
            summary.changes.created.append(Ref("coder", ours.id))
        else:
            summary.matched["coder"] += 1
        found[coder.guid] = ours.id
    return found


def _add_documents(session: Session, data: ProjectData, maps: _Maps, summary: MergeSummary) -> dict[str, int]:
    found: dict[str, int] = {}
    codings_per_document = Counter(coding.document_guid for coding in data.codings)
    # Only documents that were here before can match by text, each once: two of theirs with the same text
    # (NVivo's empty placeholders) stay two documents.
    unclaimed = set(session.scalars(select(Document.id)))
    position = session.scalar(select(func.coalesce(func.max(Document.position), -1))) + 1
    for doc in data.documents:
        digest = text_sha256(doc.text)
        ours = session.scalars(select(Document).where(Document.guid == doc.guid)).one_or_none()
        if ours is not None and ours.sha256 != digest:
            ours = None
            same_guid_differs = True
        else:
            same_guid_differs = False
        if ours is None:
            ours = next((d for d in session.scalars(
                select(Document).where(Document.sha256 == digest).order_by(Document.position, Document.id)
            ) if d.id in unclaimed), None)
        if ours is not None:
            unclaimed.discard(ours.id)
            summary.matched["document"] += 1
            found[doc.guid] = ours.id
            continue
        if same_guid_differs:
            summary.leave_out("document", f"'{doc.name}': its text differs from ours (same document, edited?), "
                                          f"so it and its {codings_per_document[doc.guid]} coding(s) were left out")
            continue
        document = Document(
            guid=doc.guid, name=_free_name(session, doc.name), text=doc.text, sha256=digest,
            source_name=doc.source_name, source_format=doc.source_format, group_name=doc.group, position=position,
        )
        position += 1
        session.add(document)
        session.flush()
        found[doc.guid] = document.id
        summary.added["document"] += 1
        summary.changes.created.append(Ref("document", document.id))
        if document.name != doc.name.strip():
            summary.notes.append(f"The document '{doc.name}' is called '{document.name}' (the name was taken).")
        rows = [
            (document.id, index, maps.speaker.get(turn.speaker_guid) if turn.speaker_guid else None, turn.start,
             turn.end, turn.start_ms, turn.end_ms, turn.votes, turn.priority)
            for index, turn in enumerate(sorted(doc.turns, key=lambda t: (t.start, t.end)))
            if 0 <= turn.start <= turn.end <= len(doc.text)
        ]
        if len(rows) < len(doc.turns):
            summary.leave_out("turn", f"'{doc.name}': {len(doc.turns) - len(rows)} speaker turn(s) outside the text")
        if rows:
            insert_many(session, _INSERT_TURN, rows)  # SQLAlchemy's insert of dicts: 0.9 s for 54,000 turns
    return found


def _free_name(session: Session, wanted: str) -> str:
    wanted = wanted.strip() or "Document"
    taken = set(session.scalars(select(Document.name).where(Document.name.startswith(wanted))))
    name, number = wanted, 2
    while name in taken:
        name, number = f"{wanted} ({number})", number + 1
    return name


_INSERT_TURN = (
    'INSERT INTO turn (document_id, position, speaker_id, start, "end", start_ms, end_ms, votes, priority) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_INSERT_CODING = (
    'INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", weight, created_at) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
)


class _New(int):
    """A coding to be added: its place among the rows inserted at the end (the id is known after the insert)."""


def _add_codings(session: Session, data: ProjectData, maps: _Maps, summary: MergeSummary) -> dict[str, int]:
    found: dict[str, int] = {}
    known_documents = {doc.guid for doc in data.documents}
    # SQL length() counts code points, as Python does.
    lengths = dict(session.execute(select(Document.id, func.length(Document.text))).all())
    existing: dict[tuple[int, int, int, int, int], int] = {
        (row.document_id, row.code_id, row.coder_id, row.start, row.end): row.id
        for row in session.execute(select(Coding.id, Coding.document_id, Coding.code_id, Coding.coder_id,
                                          Coding.start, Coding.end))
    }
    by_guid: dict[str, int] = dict(session.execute(select(Coding.guid, Coding.id)).all())
    fallback_coder: int | None = None
    store_time = time_storer(session)
    new_rows: list[dict] = []  # inserted together at the end: an ORM object and a flush per coding took 25 ms/100
    for coding in data.codings:
        document_id = maps.document.get(coding.document_guid)
        code_id = maps.code.get(coding.code_guid)
        if document_id is None:
            if coding.document_guid not in known_documents:
                summary.leave_out("coding", f"{coding.start}–{coding.end}: its document is not in the file")
            continue  # a left-out document was reported with its number of codings
        if code_id is None:
            summary.leave_out("coding", f"{coding.start}–{coding.end}: its code is not in the file")
            continue
        if coding.guid in by_guid:
            found[coding.guid] = by_guid[coding.guid]
            summary.matched["coding"] += 1
            continue
        coder_id = maps.coder.get(coding.coder_guid or "")
        if coder_id is None:
            if fallback_coder is None:
                fallback_coder = _default_coder(session, summary)
            coder_id = fallback_coder
        if not 0 <= coding.start < coding.end <= lengths[document_id]:
            summary.leave_out("coding", f"{coding.start}–{coding.end} lies outside its document "
                                        f"({lengths[document_id]} characters)")
            continue
        key = (document_id, code_id, coder_id, coding.start, coding.end)
        if key in existing:
            found[coding.guid] = existing[key]
            summary.matched["coding"] += 1
            continue
        new_rows.append((
            coding.guid, document_id, code_id, coder_id, coding.start, coding.end, max(0, min(100, coding.weight)),
            store_time(coding.created_at if coding.created_at is not None else utc_now()),
        ))
        existing[key] = found[coding.guid] = by_guid[coding.guid] = _New(len(new_rows) - 1)
    if new_rows:
        summary.added["coding"] += len(new_rows)
        # The DB-API executemany in the session's transaction (SQLAlchemy's insert took 35 ms per 1,000 rows),
        # then the new ids by their GUIDs, which are unique: only rows added after the ones there were, as the
        # driver's plain tuples (a large import spent 1.6 s making SQLAlchemy rows of every coding).
        before = session.scalar(select(func.coalesce(func.max(Coding.id), 0)))
        with _larger_page_cache(session):
            insert_many(session, _INSERT_CODING, new_rows)
        new_ids = dict(session.connection().exec_driver_sql(
            f"SELECT guid, id FROM coding WHERE id > {int(before)}").fetchall())
        ids = [new_ids[row[0]] for row in new_rows]
        for guid, value in found.items():
            if isinstance(value, _New):
                found[guid] = ids[value]
        summary.changes.created += [Ref("coding", coding_id) for coding_id in ids]
    return found


@contextmanager
def _larger_page_cache(session: Session) -> Iterator[None]:
    """SQLite's page cache at 64 MB while many codings go in: in the default 2 MB the pages of the coding table's
    four indexes were written out and read back (200,000 codings: 2.2 s -> 1.5 s)."""
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        yield
        return
    before = connection.exec_driver_sql("PRAGMA cache_size").scalar()
    connection.exec_driver_sql("PRAGMA cache_size=-65536")
    try:
        yield
    finally:
        connection.exec_driver_sql(f"PRAGMA cache_size={int(before)}")


@contextmanager
def gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while hundreds of thousands of rows and objects are made: each full
    collection walked all of them again (seconds in a large import), and none of them is garbage."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _default_coder(session: Session, summary: MergeSummary) -> int:
    summary.notes.append("Codings without a coder were given the coder 'unknown coder'.")
    return ensure_coder(session, "unknown coder").id
