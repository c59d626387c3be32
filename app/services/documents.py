"""Bringing read documents into the project, and renaming or removing them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import chain, count, repeat
from operator import le
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Coding, Document, Project
from app.models.schema import new_guid, utc_now
from app.services.bulk import driver_sql, driver_value, insert_rows, time_storer
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import get_document
from app.services.speaker_index import SpeakerIndex

if TYPE_CHECKING:  # the readers' result type; services take it as plain data
    from app.importers.base import ParsedDocument


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@repeatable
def import_documents(project: Project, parsed: Iterable[ParsedDocument], *, group: str | None = None) -> ChangeSet:
    """Write read documents, their speakers and turns into the project, all or nothing.

    Speakers are project-wide: a label matching an existing speaker (or one of its aliases) joins that speaker.
    A name already taken gets a number ("Interview (2)"), so nothing already in the project is replaced.
    """
    changes = ChangeSet()
    with project.transaction() as session:
        importer = _Importer(session)
        for document in parsed:
            changes.merge(importer.add(document, group=group))
    return changes


class _Importer:
    """Writes documents into one transaction by driver SQL, remembering the project's names and speakers.

    No SQLAlchemy statements: a new project's engine compiles each one afresh (about a millisecond), and the ORM's
    objects, flushes and per-name queries cost more than SQLite's work for a short transcript.
    """

    def __init__(self, session: Session) -> None:
        self.session = session
        self.on_sqlite = session.connection().dialect.name == "sqlite"
        self.store_time = time_storer(session)
        self.position = driver_value(session, "SELECT coalesce(max(position), -1) + 1 FROM document")
        # Every name in the project, read once (from the name index): a query per document scanned the table.
        self.taken = {name for (name,) in driver_sql(session, "SELECT name FROM document")}
        self.speakers = SpeakerIndex(session)

    def add(self, parsed: ParsedDocument, *, group: str | None) -> ChangeSet:
        # The turns column by column, made once for the check and the insert (54,000 turns: 8 ms a time).
        columns = tuple(zip(*parsed.turns))
        _check_turns(parsed, columns)
        changes = ChangeSet()
        document_id = self._insert_document(parsed, group)
        changes.created.append(Ref("document", document_id))
        ids_by_name = {}
        for speaker_name in parsed.speakers:
            speaker_id = self.speakers.find(speaker_name)
            if speaker_id is None:
                speaker_id = self.speakers.add(new_guid(), speaker_name)
                changes.created.append(Ref("speaker", speaker_id))
            ids_by_name[speaker_name] = speaker_id
        if columns:
            self._insert_turns(document_id, columns, ids_by_name)
        return changes

    def _insert_document(self, parsed: ParsedDocument, group: str | None) -> int:
        utf8 = parsed.utf8 if parsed.utf8 is not None else parsed.text.encode("utf-8")  # the reader's, if it has them
        sql = INSERT_DOCUMENT_UTF8 if self.on_sqlite else INSERT_DOCUMENT
        for _attempt in range(_NAME_ATTEMPTS):
            name = free_document_name(self.taken, parsed.name)
            self.taken.add(name)
            # On SQLite the text goes in as the UTF-8 bytes its hash is made from, cast to TEXT (the same stored
            # value): the driver encoding the string once more cost more than writing it (large study: 115 -> 60 ms).
            row = (new_guid(), name, utf8 if self.on_sqlite else parsed.text, hashlib.sha256(utf8).hexdigest(),
                   parsed.source_name, parsed.source_format, group, self.position, self.store_time(utc_now()))
            made = driver_sql(self.session, sql, row)
            if made:
                self.position += 1
                return made[0][0]
            # A colleague's import took this name a moment ago (the INSERT did nothing): the next free one.
            self.taken |= {taken for (taken,) in driver_sql(self.session, "SELECT name FROM document")}
        raise ServiceError(f"'{parsed.name}': no free name was found for the document; please try again.")

    def _insert_turns(self, document_id: int, columns: Sequence[tuple], ids_by_name: dict[str, int]) -> None:
        """The turns in their order, from their columns (zip in C, not a tuple built per turn in Python)."""
        speakers, starts, ends, starts_ms, ends_ms, votes, priorities = columns
        speaker_ids = map({None: None, **ids_by_name}.__getitem__, speakers)
        columns = [repeat(document_id), count(), speaker_ids, starts, ends, starts_ms, ends_ms]
        names = _TURN_COLUMNS
        if votes.count(None) < len(votes) or priorities.count(None) < len(priorities):
            columns += [votes, priorities]  # transcripts have neither: two parameters fewer for each of their turns
            names += _VOTE_COLUMNS
        values = tuple(chain.from_iterable(zip(*columns)))
        insert_rows(self.session.connection(), "turn", names, len(columns), values)


# Every column the model gives a value on insert: guid and imported_at are its defaults (tested against the ORM).
_DOCUMENT_COLUMNS = "guid, name, text, sha256, source_name, source_format, group_name, position, imported_at"
# ON CONFLICT DO NOTHING: on a team server a colleague may import a document of the same name at the same moment.
INSERT_DOCUMENT = (
    f"INSERT INTO document ({_DOCUMENT_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id"
)
INSERT_DOCUMENT_UTF8 = (
    f"INSERT INTO document ({_DOCUMENT_COLUMNS}) VALUES (?, ?, CAST(? AS TEXT), ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING RETURNING id"
)
_NAME_ATTEMPTS = 20
_TURN_COLUMNS = 'document_id, position, speaker_id, start, "end", start_ms, end_ms'
_VOTE_COLUMNS = ", votes, priority"


def _check_turns(parsed: ParsedDocument, columns: Sequence[tuple]) -> None:
    # A turn past the end of the text would pass the table's CHECK (which cannot see the text) and break every
    # later look at the document; refuse it here, with the document's name.
    if not columns:
        return
    length = len(parsed.text)
    _, starts, ends, *_ = columns
    if min(starts) >= 0 and max(ends) <= length and all(map(le, starts, ends)):
        return  # checked column by column in C: the usual case, thousands of turns
    for turn in parsed.turns:
        if not 0 <= turn.start <= turn.end <= length:
            raise ServiceError(
                f"'{parsed.name}': a speaker turn at {turn.start}–{turn.end} lies outside the text, "
                f"which has {length} characters."
            )


def free_document_name(taken: set[str], wanted: str) -> str:
    """``wanted``, or with a number ("Interview (2)") when a document of the project has that name."""
    wanted = wanted.strip() or "Document"
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted} ({number})" in taken:
        number += 1
    return f"{wanted} ({number})"


@repeatable
def rename_document(project: Project, name: str, new_name: str) -> ChangeSet:
    new_name = new_name.strip()
    if not new_name:
        raise ServiceError("A document needs a name.")
    with project.transaction() as session:
        document = get_document(session, name)
        if new_name != name and session.scalar(select(Document.id).where(Document.name == new_name)):
            raise ServiceError(f"There is already a document '{new_name}'.")
        document.name = new_name
        return ChangeSet(updated=[Ref("document", document.id)])


@repeatable
def delete_document(project: Project, name: str) -> ChangeSet:
    """Remove a document with its turns, codings and memo (speakers stay: they are project-wide)."""
    with project.transaction() as session:
        return delete_document_in(session, name)


def delete_document_in(session: Session, name: str) -> ChangeSet:
    """``delete_document`` inside a transaction already open (the undoable delete records the rows first)."""
    document = get_document(session, name)
    # Name the codings that go with it, as delete_code does: views of codings must refresh too.
    coding_ids = session.scalars(select(Coding.id).where(Coding.document_id == document.id)).all()
    session.delete(document)
    return ChangeSet(deleted=[Ref("document", document.id)] + [Ref("coding", cid) for cid in coding_ids])
