"""Renaming and merging speakers."""

from __future__ import annotations

from sqlalchemy import select, update

from app.models import AttributeValue, Memo, Project, SpeakerAlias, Turn, speaker_key
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import find_speaker, get_speaker


@repeatable
def rename_speaker(project: Project, name: str, new_name: str) -> ChangeSet:
    """Give a speaker a new name; the old spelling stays as an alias, so later imports still find them."""
    new_name = new_name.strip()
    if not new_name:
        raise ServiceError("A speaker needs a name.")
    with project.transaction() as session:
        speaker = get_speaker(session, name)
        other = find_speaker(session, new_name)
        if other is not None and other.id != speaker.id:
            raise ServiceError(f"'{new_name}' is another speaker; merge the two instead.")
        old_key, new_key = speaker.key, speaker_key(new_name)
        if new_key != old_key:
            # The new spelling may have been one of this speaker's aliases: it is the name now.
            for alias in list(speaker.aliases):
                if alias.key == new_key:
                    session.delete(alias)
            session.flush()
            speaker.aliases.append(SpeakerAlias(name=speaker.name, key=old_key))
        speaker.name, speaker.key = new_name, new_key
        return ChangeSet(updated=[Ref("speaker", speaker.id)])


@repeatable
def merge_speakers(project: Project, source: str, target: str) -> ChangeSet:
    """Make ``source`` part of ``target``: its turns, aliases, attribute values and memo move over."""
    with project.transaction() as session:
        src, dst = get_speaker(session, source), get_speaker(session, target)
        if src.id == dst.id:
            raise ServiceError("A speaker cannot be merged with itself.")
        session.execute(update(Turn).where(Turn.speaker_id == src.id).values(speaker_id=dst.id))
        for alias in list(src.aliases):
            alias.speaker_id = dst.id
        # Attribute values the target already has win; the source's others move over.
        taken = set(session.scalars(select(AttributeValue.attribute_id).where(AttributeValue.speaker_id == dst.id)))
        for value in session.scalars(select(AttributeValue).where(AttributeValue.speaker_id == src.id)):
            if value.attribute_id not in taken:
                value.speaker_id = dst.id
        src_memo = session.scalars(select(Memo).where(Memo.speaker_id == src.id)).one_or_none()
        dst_memo = session.scalars(select(Memo).where(Memo.speaker_id == dst.id)).one_or_none()
        if src_memo is not None and dst_memo is None:
            src_memo.speaker_id = dst.id
        elif src_memo is not None and dst_memo is not None and src_memo.text.strip():
            dst_memo.text = f"{dst_memo.text}\n\n{src_memo.text}".strip()
        session.flush()
        session.expire(src)
        src_name, src_key, src_id = src.name, src.key, src.id
        session.delete(src)
        session.flush()
        session.add(SpeakerAlias(speaker_id=dst.id, name=src_name, key=src_key))
        return ChangeSet(updated=[Ref("speaker", dst.id)], deleted=[Ref("speaker", src_id)])


__all__ = ["merge_speakers", "rename_speaker"]
