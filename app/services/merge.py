"""Bringing a colleague's work, or a REFI-QDA file, into this project: one transaction, nothing lost silently.

Things are matched by identity, never by name alone: documents by GUID and then by the hash of their text, codes
by GUID and then by path, coders by GUID and then by name, speakers by GUID and then by name or alias. So a coding
of a renamed code or by a coder who spells their name differently still lands where it belongs. What cannot be
brought in (a document whose text differs from ours, a coding outside its text ...) is listed with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from itertools import chain
from pathlib import Path

from sqlalchemy.orm import Session

from app.importers.base import gc_paused
from app.models import Project, open_project
from app.models.exchange import ProjectData
from app.models.schema import utc_now
from app.services.bulk import driver_sql, driver_value, insert_many, insert_rows, time_storer
from app.services.changes import Ref, ServiceError, repeatable
from app.services.documents import INSERT_DOCUMENT, free_document_name, text_sha256
from app.services.lookup import ensure_coder
from app.services.merge_parts import add_attributes, add_codes, add_memos, add_speakers
from app.services.merge_summary import MergeSummary
from app.services.merge_votes import add_votes
from app.services.project_data import read_project_data

__all__ = ["MergeSummary", "bring_in", "merge_project"]


@repeatable
def merge_project(project: Project, other_path: str | Path) -> MergeSummary:
    """Merge the project file at ``other_path`` (opened read-only, left unchanged) into ``project``."""
    other_path = Path(other_path)
    if other_path.resolve() == Path(project.path).resolve():
        raise ServiceError("A project cannot be merged with itself.")
    with open_project(other_path, read_only=True) as other:
        data = read_project_data(other)
    return bring_in(project, data)


@repeatable
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
        add_votes(session, data, maps.code, maps.speaker, summary)
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
    # Ours by GUID and by name, read once; names are unique. Each new coder is remembered as it goes in.
    by_guid: dict[str, tuple[int, str]] = {}
    by_name: dict[str, tuple[int, str]] = {}
    for coder_id, guid, name in driver_sql(session, "SELECT id, guid, name FROM coder"):
        by_guid[guid] = by_name[name] = (coder_id, name)
    store_time = time_storer(session)
    for coder in data.coders:
        ours = by_guid.get(coder.guid)
        if ours is None:
            ours = by_name.get(coder.name.strip())
            if ours is not None:
                summary.notes.append(f"The coder '{coder.name}' is taken to be our '{ours[1]}' (same name).")
        if ours is None:
            name = coder.name.strip() or _free_name(by_name, "unnamed coder")  # names are unique
            made = driver_sql(session, _INSERT_CODER, (coder.guid, name, store_time(utc_now())))
            if made:
                ours = (made[0][0], name)
                summary.added["coder"] += 1
                summary.changes.created.append(Ref("coder", ours[0]))
            else:  # a colleague made this coder a moment ago (race-free: the INSERT did nothing): theirs
                ours = (driver_value(session, _SAME_CODER, (coder.guid, name)), name)
                summary.matched["coder"] += 1
            by_guid[coder.guid] = by_name[name] = ours
        else:
            summary.matched["coder"] += 1
        found[coder.guid] = ours[0]
    return found


def _free_name(taken: dict[str, object], name: str) -> str:
    """``name``, or ``name 2``, ``name 3``, ... the first not taken."""
    number = 1
    found = name
    while found in taken:
        number += 1
        found = f"{name} {number}"
    return found


def _add_documents(session: Session, data: ProjectData, maps: _Maps, summary: MergeSummary) -> dict[str, int]:
    found: dict[str, int] = {}
    codings_per_document = Counter(coding.document_guid for coding in data.codings)
    ours = _OurDocuments(session)
    store_time = time_storer(session)
    for doc in data.documents:
        digest = text_sha256(doc.text)
        matched = ours.by_guid.get(doc.guid)
        same_guid_differs = matched is not None and matched[1] != digest
        matched_id = ours.claim(digest) if matched is None or same_guid_differs else matched[0]
        if matched_id is not None:
            summary.matched["document"] += 1
            found[doc.guid] = matched_id
            continue
        if same_guid_differs:
            summary.leave_out("document", f"'{doc.name}': its text differs from ours (same document, edited?), "
                                          f"so it and its {codings_per_document[doc.guid]} coding(s) were left out")
            continue
        name = free_document_name(ours.names, doc.name)
        made = driver_sql(session, INSERT_DOCUMENT, (
            doc.guid, name, doc.text, digest, doc.source_name, doc.source_format, doc.group, ours.position,
            store_time(utc_now()),
        ))
        if not made:  # the INSERT did nothing: a colleague's import took the name (or GUID) this very moment
            raise ServiceError(f"A colleague added a document '{name}' at the same moment; nothing was brought in. "
                               "Please bring the project in again.")
        document_id = made[0][0]
        ours.added(document_id, doc.guid, digest, name)
        found[doc.guid] = document_id
        summary.added["document"] += 1
        summary.changes.created.append(Ref("document", document_id))
        if name != doc.name.strip():
            summary.notes.append(f"The document '{doc.name}' is called '{name}' (the name was taken).")
        rows = [
            (document_id, index, maps.speaker.get(turn.speaker_guid) if turn.speaker_guid else None, turn.start,
             turn.end, turn.start_ms, turn.end_ms, turn.votes, turn.priority)
            for index, turn in enumerate(sorted(doc.turns, key=lambda t: (t.start, t.end)))
            if 0 <= turn.start <= turn.end <= len(doc.text)
        ]
        if len(rows) < len(doc.turns):
            summary.leave_out("turn", f"'{doc.name}': {len(doc.turns) - len(rows)} speaker turn(s) outside the text")
        if rows:
            # Several rows a statement, as the import writes them (a statement a row spent more in the driver).
            insert_rows(session.connection(), "turn", _TURN_COLUMNS, len(rows[0]), tuple(chain.from_iterable(rows)))
    return found


class _OurDocuments:
    """Our documents' GUIDs, text hashes and names, read once (a query by GUID, one by hash and a scan of names
    per document before), and the documents added since."""

    def __init__(self, session: Session) -> None:
        rows = driver_sql(session, "SELECT id, guid, sha256, name, position FROM document")
        self.by_guid = {guid: (document_id, sha256) for document_id, guid, sha256, _name, _position in rows}
        # Only documents that were here before can match by text, each once and in their order: two of theirs
        # with the same text (NVivo's empty placeholders) stay two documents.
        self.by_digest: dict[str, list[int]] = {}
        for document_id, _guid, sha256, _name, _position in sorted(rows, key=lambda row: (row[4], row[0])):
            self.by_digest.setdefault(sha256, []).append(document_id)
        self.unclaimed = {row[0] for row in rows}
        self.names = {row[3] for row in rows}
        self.position = max((row[4] for row in rows), default=-1) + 1

    def claim(self, digest: str) -> int | None:
        found = next((d for d in self.by_digest.get(digest, ()) if d in self.unclaimed), None)
        self.unclaimed.discard(found)
        return found

    def added(self, document_id: int, guid: str, digest: str, name: str) -> None:
        self.by_guid[guid] = (document_id, digest)
        self.names.add(name)
        self.position += 1


_INSERT_CODER = "INSERT INTO coder (guid, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"
_SAME_CODER = "SELECT id FROM coder WHERE guid = ? OR name = ? ORDER BY id LIMIT 1"
_TURN_COLUMNS = 'document_id, position, speaker_id, start, "end", start_ms, end_ms, votes, priority'
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
    lengths = dict(driver_sql(session, "SELECT id, length(text) FROM document"))
    existing: dict[tuple[int, int, int, int, int], int] = {
        (document_id, code_id, coder_id, start, end): coding_id
        for coding_id, document_id, code_id, coder_id, start, end in driver_sql(
            session, 'SELECT id, document_id, code_id, coder_id, start, "end" FROM coding')
    }
    by_guid: dict[str, int] = dict(driver_sql(session, "SELECT guid, id FROM coding"))
    fallback_coder: int | None = None
    store_time = _remembered(time_storer(session))
    new_rows: list[tuple] = []  # inserted together at the end: an ORM object and a flush per coding took 25 ms/100
    add_row = new_rows.append
    documents, codes, coders = maps.document, maps.code, maps.coder  # looked up once: the loop runs per coding
    for coding in data.codings:
        guid, start, end = coding.guid, coding.start, coding.end
        document_id = documents.get(coding.document_guid)
        code_id = codes.get(coding.code_guid)
        if document_id is None:
            if coding.document_guid not in known_documents:
                summary.leave_out("coding", f"{start}–{end}: its document is not in the file")
            continue  # a left-out document was reported with its number of codings
        if code_id is None:
            summary.leave_out("coding", f"{start}–{end}: its code is not in the file")
            continue
        if guid in by_guid:
            found[guid] = by_guid[guid]
            summary.matched["coding"] += 1
            continue
        coder_id = coders.get(coding.coder_guid or "")
        if coder_id is None:
            if fallback_coder is None:
                fallback_coder = _default_coder(session, summary)
            coder_id = fallback_coder
        if not 0 <= start < end <= lengths[document_id]:
            summary.leave_out("coding", f"{start}–{end} lies outside its document ({lengths[document_id]} characters)")
            continue
        key = (document_id, code_id, coder_id, start, end)
        if key in existing:
            found[guid] = existing[key]
            summary.matched["coding"] += 1
            continue
        add_row((guid, document_id, code_id, coder_id, start, end, max(0, min(100, coding.weight)),
                 store_time(coding.created_at if coding.created_at is not None else utc_now())))
        existing[key] = found[guid] = by_guid[guid] = _New(len(new_rows) - 1)
    if new_rows:
        summary.added["coding"] += len(new_rows)
        # The DB-API executemany in the session's transaction (SQLAlchemy's insert took 35 ms per 1,000 rows),
        # then the new ids: only rows added after the ones there were, as the driver's plain tuples (a large
        # import spent 1.6 s making SQLAlchemy rows of every coding).
        before = driver_value(session, "SELECT coalesce(max(id), 0) FROM coding")
        with _larger_page_cache(session):
            insert_many(session, _INSERT_CODING, new_rows)
        ids = _new_ids(session, int(before), new_rows)
        for guid, value in found.items():
            if isinstance(value, _New):
                found[guid] = ids[value]
        summary.changes.created += [Ref("coding", coding_id) for coding_id in ids]
    return found


def _remembered(store_time: Callable[[datetime], object]) -> Callable[[datetime], object]:
    """``store_time`` done once per distinct time: the codings of an auto-coding or of another tool's import
    share their time. Equal times with the same UTC offset have the same wall-clock fields, which is what is
    stored (an aware and a naive time are never equal)."""
    stored: dict[tuple[datetime, timedelta | None], object] = {}

    def remembered(moment: datetime) -> object:
        key = (moment, moment.utcoffset())
        found = stored.get(key)
        if found is None:
            found = stored[key] = store_time(moment)
        return found

    return remembered


def _new_ids(session: Session, before: int, new_rows: list[tuple]) -> list[int]:
    """The ids of the codings just inserted, in their order. SQLite numbers new rows one after another above the
    largest id, so there they are the ids above the earlier largest, in order (pairing GUIDs took a large import
    0.1 s). At the end of the id range SQLite picks free ids at random: they are then found by GUID (unique)
    among all codings. A server (a team project, where others insert too) is asked for the GUIDs above the
    earlier largest id."""
    where = f" WHERE id > {before}"
    if session.connection().dialect.name == "sqlite":
        ids = [row[0] for row in driver_sql(session, f"SELECT id FROM coding{where} ORDER BY id")]
        if len(ids) == len(new_rows):
            return ids
        where = ""
    new_ids = dict(driver_sql(session, f"SELECT guid, id FROM coding{where}"))
    return [new_ids[row[0]] for row in new_rows]


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


def _default_coder(session: Session, summary: MergeSummary) -> int:
    summary.notes.append("Codings without a coder were given the coder 'unknown coder'.")
    return ensure_coder(session, "unknown coder").id
