"""Bringing read documents into the project, and renaming or removing them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from itertools import chain, count, repeat
from operator import le
from typing import TYPE_CHECKING

from sqlalchemy import LargeBinary, Text, bindparam, cast, func, insert, select
from sqlalchemy.engine import Connection

from app.models import Coding, Document, Project, Speaker, SpeakerAlias, speaker_key
from app.services.bulk import insert_rows
from app.services.changes import ChangeSet, Ref, ServiceError
from app.services.lookup import get_document

if TYPE_CHECKING:  # the readers' result type; services take it as plain data
    from app.importers.base import ParsedDocument, ParsedTurn


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_documents(project: Project, parsed: Iterable[ParsedDocument], *, group: str | None = None) -> ChangeSet:
    """Write read documents, their speakers and turns into the project, all or nothing.

    Speakers are project-wide: a label matching an existing speaker (or one of its aliases) joins that speaker.
    A name already taken gets a number ("Interview (2)"), so nothing already in the project is replaced.
    """
    changes = ChangeSet()
    with project.transaction() as session:
        # Core statements on the session's connection: no ORM objects are needed, and the ORM's handling of each
        # statement cost more than SQLite's work for a short transcript.
        connection = session.connection()
        position = connection.scalar(select(func.coalesce(func.max(Document.position), -1))) + 1
        # Every name in the project, read once (from the name index): a query per document scanned the table.
        taken = set(connection.scalars(select(Document.name)))
        speaker_ids = _project_speaker_ids(connection)
        for document in parsed:
            changes.merge(_add_document(
                connection, document, position=position, group=group, speaker_ids=speaker_ids, taken=taken,
            ))
            position += 1
    return changes


def _project_speaker_ids(connection: Connection) -> dict[str, int]:
    """The project's speakers by key, their aliases' keys included (a speaker's own key wins over an alias).

    Two small queries per import: a speaker looked up by a query (and one for its aliases) per name cost more
    than all the rest of importing a short transcript.
    """
    ids = dict(connection.execute(select(SpeakerAlias.key, SpeakerAlias.speaker_id)).all())
    ids.update(connection.execute(select(Speaker.key, Speaker.id)).all())
    return ids


def _check_turns(parsed: ParsedDocument) -> None:
    # A turn past the end of the text would pass the table's CHECK (which cannot see the text) and break every
    # later look at the document; refuse it here, with the document's name.
    if not parsed.turns:
        return
    length = len(parsed.text)
    _, starts, ends, *_ = zip(*parsed.turns)
    if min(starts) >= 0 and max(ends) <= length and all(map(le, starts, ends)):
        return  # checked column by column in C: the usual case, thousands of turns
    for turn in parsed.turns:
        if not 0 <= turn.start <= turn.end <= length:
            raise ServiceError(
                f"'{parsed.name}': a speaker turn at {turn.start}–{turn.end} lies outside the text, "
                f"which has {length} characters."
            )


_TURN_COLUMNS = 'document_id, position, speaker_id, start, "end", start_ms, end_ms'
# Transcripts have neither votes nor priorities: two parameters fewer to bind for each of their turns.
_VOTE_COLUMNS = ", votes, priority"


def _add_document(
    connection: Connection, parsed: ParsedDocument, *, position: int, group: str | None, speaker_ids: dict[str, int],
    taken: set[str],
) -> ChangeSet:
    _check_turns(parsed)
    changes = ChangeSet()
    name = _free_document_name(taken, parsed.name)
    taken.add(name)
    document_id = _insert_document(connection, parsed, name=name, group=group, position=position)
    changes.created.append(Ref("document", document_id))
    ids_by_name = {}
    for speaker_name in parsed.speakers:
        key = speaker_key(speaker_name)
        speaker_id = speaker_ids.get(key)
        if speaker_id is None:
            speaker_id = speaker_ids[key] = _add_speaker(connection, speaker_name, key)
            changes.created.append(Ref("speaker", speaker_id))
        ids_by_name[speaker_name] = speaker_id
    if parsed.turns:
        _insert_turns(connection, document_id, parsed.turns, ids_by_name)
    return changes


# The text goes to SQLite as the UTF-8 bytes its hash is computed from, cast to TEXT (the same stored value): the
# driver encoding the string once more cost more than writing it (large study: 115 -> 60 ms for 100 documents).
_INSERT_DOCUMENT_UTF8 = (
    insert(Document).values(text=cast(bindparam("text", type_=LargeBinary), Text)).returning(Document.id)
)
_INSERT_DOCUMENT = insert(Document).returning(Document.id)


def _insert_document(
    connection: Connection, parsed: ParsedDocument, *, name: str, group: str | None, position: int
) -> int:
    utf8 = parsed.text.encode("utf-8")
    on_sqlite = connection.dialect.name == "sqlite"
    # A Core insert: the model's defaults (GUID, import time) still apply; an ORM object and its flush cost more.
    return connection.execute(_INSERT_DOCUMENT_UTF8 if on_sqlite else _INSERT_DOCUMENT, {
        "name": name,
        "text": utf8 if on_sqlite else parsed.text,
        "sha256": hashlib.sha256(utf8).hexdigest(),
        "source_name": parsed.source_name,
        "source_format": parsed.source_format,
        "group_name": group,
        "position": position,
    }).scalar_one()


def _add_speaker(connection: Connection, name: str, key: str) -> int:
    # A Core insert, like the document's: the model's defaults (GUID, creation time, row version) still apply.
    return connection.execute(insert(Speaker).returning(Speaker.id), {"name": name, "key": key}).scalar_one()


def _insert_turns(
    connection: Connection, document_id: int, turns: Sequence[ParsedTurn], ids_by_name: dict[str, int]
) -> None:
    """The document's turns in their order, a column at a time (zip in C, not a tuple built per turn in Python)."""
    speakers, starts, ends, starts_ms, ends_ms, votes, priorities = zip(*turns)
    speaker_ids = map({None: None, **ids_by_name}.__getitem__, speakers)
    columns = [repeat(document_id), count(), speaker_ids, starts, ends, starts_ms, ends_ms]
    names = _TURN_COLUMNS
    if votes.count(None) < len(votes) or priorities.count(None) < len(priorities):
        columns += [votes, priorities]
        names += _VOTE_COLUMNS
    insert_rows(connection, "turn", names, len(columns), tuple(chain.from_iterable(zip(*columns))))


def _free_document_name(taken: set[str], wanted: str) -> str:
    """``wanted``, or with a number ("Interview (2)") when a document of the project has that name."""
    wanted = wanted.strip() or "Document"
    if wanted not in taken:
        return wanted
    number = 2
    while f"{wanted} ({number})" in taken:
        number += 1
    return f"{wanted} ({number})"


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


def delete_document(project: Project, name: str) -> ChangeSet:
    """Remove a document with its turns, codings and memo (speakers stay: they are project-wide)."""
    with project.transaction() as session:
        document = get_document(session, name)
        # Name the codings that go with it, as delete_code does: views of codings must refresh too.
        coding_ids = session.scalars(select(Coding.id).where(Coding.document_id == document.id)).all()
        session.delete(document)
        return ChangeSet(deleted=[Ref("document", document.id)] + [Ref("coding", cid) for cid in coding_ids])
