"""Bringing read documents into the project, and renaming or removing them."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.models import Coding, Document, Project, Speaker, Turn, speaker_key
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
        for document in parsed:
            changes.merge(_add_document(session, document, position=position, group=group))
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


def _add_document(session: Session, parsed: ParsedDocument, *, position: int, group: str | None) -> ChangeSet:
    _check_turns(parsed)
    changes = ChangeSet()
    document = Document(
        name=_free_document_name(session, parsed.name),
        text=parsed.text,
        sha256=text_sha256(parsed.text),
        source_name=parsed.source_name,
        source_format=parsed.source_format,
        group_name=group,
        position=position,
    )
    session.add(document)
    session.flush()
    changes.created.append(Ref("document", document.id))

    speakers: dict[str, Speaker] = {}
    for name in parsed.speakers:
        speaker = find_speaker(session, name)
        if speaker is None:
            speaker = Speaker(name=name, key=speaker_key(name))
            session.add(speaker)
            session.flush()
            changes.created.append(Ref("speaker", speaker.id))
        speakers[name] = speaker
    rows = [
        {
            "document_id": document.id,
            "position": index,
            "speaker_id": None if turn.speaker is None else speakers[turn.speaker].id,
            "start": turn.start,
            "end": turn.end,
            "start_ms": turn.start_ms,
            "end_ms": turn.end_ms,
            "votes": turn.votes,
            "priority": turn.priority,
        }
        for index, turn in enumerate(parsed.turns)
    ]
    if rows:  # one executemany, not an ORM object per turn: long transcripts have thousands
        session.execute(insert(Turn), rows)
    return changes


def _free_document_name(session: Session, wanted: str) -> str:
    wanted = wanted.strip() or "Document"
    taken = set(session.scalars(select(Document.name).where(Document.name.startswith(wanted))))
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
