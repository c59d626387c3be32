"""Taking a speaker merge back: what ``merge_speakers`` is about to change, recorded before, and restored exactly.

``record_speaker_merge`` reads the source speaker's row (GUID, name, key, creation time), its aliases, the turns it
spoke, its attribute values (those that move to the target and those the target's own values replace), its memo
and the target's memo. ``unmerge_speakers`` puts all of that back with the same ids and GUIDs, so a REFI-QDA export
or a project merge after undo sees the same speaker as before, and a dump of the file equals the one before the
merge. Rows are copied column by column from the tables, so a column added later is restored too.

Memos carry a row version (a team project refuses a change made from a stale copy). The merge moves or extends
memos, which raises their versions; ``merge_speakers_undoably`` notes the versions the merge left, and undo puts a
memo back only if nobody changed it since (else it refuses, and nothing is written), with a version higher again.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.orm import Session

from app.models import AttributeValue, Memo, Project, Speaker, SpeakerAlias, Turn
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import get_speaker
from app.services.speakers import merge_speakers

Row = dict[str, Any]


@dataclass(frozen=True, slots=True)
class SpeakerMergeRecord:
    """A merge of ``source`` into ``target`` as the file was just before it."""

    source: Row  # the speaker row, every column
    target_id: int
    alias_ids: tuple[int, ...]
    turn_ids: tuple[int, ...]
    values: tuple[Row, ...]  # every attribute value row of the source: moved or deleted by the merge
    source_memo: Row | None
    target_memo: Row | None  # the merge may append the source's memo to it
    merged_versions: dict[int, int] = field(default_factory=dict)  # memo id -> its version after the merge

    @property
    def source_name(self) -> str:
        return str(self.source["name"])


def _row(session: Session, table, *where) -> Row | None:  # noqa: ANN001
    found = session.execute(select(table).where(*where)).mappings().one_or_none()
    return None if found is None else dict(found)


def record_speaker_merge(project: Project, source: str, target: str) -> SpeakerMergeRecord:
    """What merging ``source`` into ``target`` will change; read before ``merge_speakers`` runs."""
    speakers, aliases, values, memos = (
        Speaker.__table__, SpeakerAlias.__table__, AttributeValue.__table__, Memo.__table__
    )
    with project.reading() as session:
        src, dst = get_speaker(session, source), get_speaker(session, target)
        if src.id == dst.id:
            raise ServiceError("A speaker cannot be merged with itself.")
        return SpeakerMergeRecord(
            source=_row(session, speakers, speakers.c.id == src.id) or {},
            target_id=dst.id,
            alias_ids=tuple(session.scalars(select(aliases.c.id).where(aliases.c.speaker_id == src.id))),
            turn_ids=tuple(session.scalars(select(Turn.id).where(Turn.speaker_id == src.id))),
            values=tuple(
                dict(row) for row in session.execute(
                    select(values).where(values.c.speaker_id == src.id).order_by(values.c.id)
                ).mappings()
            ),
            source_memo=_row(session, memos, memos.c.speaker_id == src.id),
            target_memo=_row(session, memos, memos.c.speaker_id == dst.id),
        )


@repeatable
def merge_speakers_undoably(project: Project, source: str, target: str) -> tuple[ChangeSet, SpeakerMergeRecord]:
    """``merge_speakers``, and the record ``unmerge_speakers`` takes it back with."""
    record = record_speaker_merge(project, source, target)
    changes = merge_speakers(project, source, target)
    memos = Memo.__table__
    if "version" not in memos.c:
        return changes, record
    before = {row["id"]: row["version"] for row in (record.source_memo, record.target_memo) if row is not None}
    with project.reading() as session:
        after = dict(session.execute(select(memos.c.id, memos.c.version).where(memos.c.id.in_(before))).all())
    return changes, replace(record, merged_versions={
        memo_id: version for memo_id, version in after.items() if version != before[memo_id]
    })


@repeatable
def unmerge_speakers(project: Project, record: SpeakerMergeRecord) -> ChangeSet:
    """Separate the merged speaker again, exactly as ``record`` saw it; the target keeps only what was its own."""
    speakers, aliases, values = Speaker.__table__, SpeakerAlias.__table__, AttributeValue.__table__
    source_id, target_id = record.source["id"], record.target_id
    with project.transaction() as session:
        if session.get(Speaker, target_id) is None:
            raise ServiceError(f"The speaker '{record.source_name}' was merged into is no longer there.")
        if session.get(Speaker, source_id) is not None:
            raise ServiceError(f"'{record.source_name}' is a speaker of its own already.")
        # The merge left the source's name as an alias of the target: it is the source's name again.
        session.execute(
            delete(aliases).where(aliases.c.key == record.source["key"], aliases.c.speaker_id == target_id)
        )
        if session.scalars(select(speakers.c.id).where(speakers.c.key == record.source["key"])).first() is not None:
            raise ServiceError(f"Another speaker is called '{record.source_name}' now; rename it first.")
        session.execute(insert(speakers).values(**record.source))
        if record.alias_ids:
            session.execute(
                update(aliases).where(aliases.c.id.in_(record.alias_ids)).values(speaker_id=source_id)
            )
        if record.turn_ids:
            session.execute(
                update(Turn.__table__).where(Turn.id.in_(record.turn_ids), Turn.speaker_id == target_id)
                .values(speaker_id=source_id)
            )
        for value in record.values:
            # A value that moved to the target comes back; one the target's own value replaced is re-created.
            moved = session.execute(
                update(values).where(values.c.id == value["id"], values.c.speaker_id == target_id)
                .values(speaker_id=source_id)
            ).rowcount
            if not moved:
                session.execute(insert(values).values(**value))
        changes = ChangeSet(created=[Ref("speaker", source_id)], updated=[Ref("speaker", target_id)])
        changes.merge(_restore_memos(session, record))
        return changes


def _restore_memos(session: Session, record: SpeakerMergeRecord) -> ChangeSet:
    changes = ChangeSet()
    if record.target_memo is not None and _put_back(session, record, record.target_memo):
        # Its text carried the source's memo appended, and its modification time moved: both as before.
        changes.updated.append(Ref("memo", record.target_memo["id"]))
    memo = record.source_memo
    if memo is not None:
        if session.get(Memo, memo["id"]) is not None:  # it moved to the target
            _put_back(session, record, memo)
            changes.updated.append(Ref("memo", memo["id"]))
        else:  # it was appended to the target's, or empty, and went with the source
            session.execute(insert(Memo.__table__).values(**memo))
            changes.created.append(Ref("memo", memo["id"]))
    return changes


def _put_back(session: Session, record: SpeakerMergeRecord, row: Row) -> bool:
    """Write a memo row as it was before the merge; False if the merge left it alone."""
    memos = Memo.__table__
    merged = record.merged_versions.get(row["id"])
    if "version" not in memos.c:
        session.execute(update(memos).where(memos.c.id == row["id"]).values(**row))
        return True
    if merged is None:
        return False
    written = session.execute(
        update(memos).where(memos.c.id == row["id"], memos.c.version == merged).values({**row, "version": merged + 1})
    ).rowcount
    if not written:
        raise ServiceError(
            f"The memo about '{record.source_name}' was changed since the merge (perhaps by a colleague); "
            "the merge is not taken back."
        )
    return True


__all__ = ["SpeakerMergeRecord", "merge_speakers_undoably", "record_speaker_merge", "unmerge_speakers"]
