"""Bringing read documents into the project, and renaming or removing them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import Coding, Document, Project, Speaker, speaker_key
from app.services.bulk import insert_many
from app.services.changes import ChangeSet, Ref, ServiceError
from app.services.lookup import find_speaker, get_document

if TYPE_CHECKING:  # the readers' result type; services take it as plain data
    from app.importers.base import ParsedDocument


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def import_documents(project: Project, parsed: Iterable[ParsedDocument], *, group: str | None = None) -> ChangeSet:
    """Write read documents, their speakers and turns into the project, all or nothing.

    Speakers are project-wide: a label matching an existing speaker (or one of its aliases) joins that speaker.
    A name already taken gets a number ("Interview (2)"), so nothing already in the project is replaced.
    """
    changes = ChangeSet()
    with project.transaction() as session:
        position = session.scalar(select(func.coalesce(func.max(Document.position), -1))) + 1
        speakers: dict[str, Speaker] = {}  # speaker key -> speaker, shared by the documents of this import
        # Every name in the project, read once (from the name index): a query per document scanned the table.
        taken = set(session.scalars(select(Document.name)))
        for document in parsed:
            changes.merge(
                _add_document(session, document, position=position, group=group, speakers=speakers, taken=taken)
            )
            position += 1
    return changes


def _check_turns(parsed: ParsedDocument) -> None:
    # A turn past the end of the text would pass the table's CHECK (which cannot see the text) and break every
    # later look at the document; refuse it here, with the document's name.
    length = len(parsed.text)
    for turn in parsed.turns:
        if not 0 <= turn.start <= turn.end <= length:
            raise ServiceError(
                f"'{parsed.name}': a speaker turn at {turn.start}–{turn.end} lies outside the text, "
                f"which has {length} characters."
            )


_INSERT_TURN = (
    'INSERT INTO turn (document_id, position, speaker_id, start, "end", start_ms, end_ms, votes, priority) '
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
# Transcripts have neither votes nor priorities: two parameters fewer to bind for each of their turns.
_INSERT_TURN_WITHOUT_VOTES = (
    'INSERT INTO turn (document_id, position, speaker_id, start, "end", start_ms, end_ms) VALUES (?, ?, ?, ?, ?, ?, ?)'
)


def _add_document(
    session: Session, parsed: ParsedDocument, *, position: int, group: str | None, speakers: dict[str, Speaker],
    taken: set[str],
) -> ChangeSet:
    _check_turns(parsed)
    changes = ChangeSet()
    name = _free_document_name(taken, parsed.name)
    taken.add(name)
    # A Core insert (the model's defaults still apply): an ORM object and its flush cost more than the row.
    document_id = session.scalar(
        insert(Document).returning(Document.id),
        {
            "name": name,
            "text": parsed.text,
            "sha256": text_sha256(parsed.text),
            "source_name": parsed.source_name,
            "source_format": parsed.source_format,
            "group_name": group,
            "position": position,
        },
    )
    changes.created.append(Ref("document", document_id))

    speaker_ids: dict[str, int] = {}
    for name in parsed.speakers:
        key = speaker_key(name)
        speaker = speakers.get(key)
        if speaker is None:
            speaker = find_speaker(session, name)
            if speaker is None:
                speaker = Speaker(name=name, key=key)
                session.add(speaker)
                session.flush()
                changes.created.append(Ref("speaker", speaker.id))
            speakers[key] = speaker
        speaker_ids[name] = speaker.id
    if parsed.turns:
        # One DBAPI executemany in the session's transaction: long transcripts have thousands of turns, and
        # SQLAlchemy's insert() spent more time building parameters than SQLite spent writing them.
        insert_many(session, *_turn_rows(document_id, parsed, speaker_ids))
    return changes


def _turn_rows(document_id: int, parsed: ParsedDocument, speaker_ids: dict[str, int]) -> tuple[str, list[tuple]]:
    """The INSERT statement for the document's turns and its rows (without votes and priorities if all are None)."""
    speaker_ids = {None: None, **speaker_ids}
    turns = parsed.turns
    if all(turn.votes is None and turn.priority is None for turn in turns):
        return _INSERT_TURN_WITHOUT_VOTES, [
            (document_id, index, speaker_ids[turn.speaker], turn.start, turn.end, turn.start_ms, turn.end_ms)
            for index, turn in enumerate(turns)
        ]
    return _INSERT_TURN, [
        (document_id, index, speaker_ids[turn.speaker], turn.start, turn.end, turn.start_ms, turn.end_ms,
         turn.votes, turn.priority)
        for index, turn in enumerate(turns)
    ]


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
