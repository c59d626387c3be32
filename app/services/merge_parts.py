"""The parts of a merge besides documents and codings: the code tree, speakers, attributes and memos.

Each function takes their ``ProjectData``, finds or adds each thing in our project and returns their GUIDs
mapped to our ids, noting in the summary what was added, matched and left out.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import (
    Attribute,
    AttributeScope,
    AttributeType,
    AttributeValue,
    Code,
    Memo,
    Speaker,
    SpeakerAlias,
    speaker_key,
)
from app.models.exchange import CodeData, ProjectData
from app.services.attributes import canonical_value
from app.services.changes import Ref, ServiceError
from app.services.codes import COLOR_PATTERN, PALETTE
from app.services.lookup import PATH_SEPARATOR, find_speaker

# Looks like "/" but is not our path separator: a code "Pro/Contra" from another tool stays readable.
SLASH_STAND_IN = "\u2215"
NAME_LIMIT = 200


def clean_code_name(name: str) -> str:
    name = " ".join(name.split()).replace(PATH_SEPARATOR, SLASH_STAND_IN)
    return name[:NAME_LIMIT] or "unnamed code"


def add_codes(session: Session, data: ProjectData, summary) -> dict[str, int]:  # noqa: ANN001 - MergeSummary
    found: dict[str, int] = {}
    for code in _parents_first(data.codes):
        parent_id = found.get(code.parent_guid) if code.parent_guid else None
        name = clean_code_name(code.name)
        ours = session.scalars(select(Code).where(Code.guid == code.guid)).one_or_none()
        if ours is None:  # then by path: the same name under the (matched) parent
            same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
            ours = session.scalars(select(Code).where(same_parent, Code.name == name)).one_or_none()
        if ours is not None:
            found[code.guid] = ours.id
            summary.matched["code"] += 1
            continue
        same_parent = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
        position = session.scalar(select(func.coalesce(func.max(Code.position), -1)).where(same_parent)) + 1
        color = code.color.upper() if code.color and COLOR_PATTERN.match(code.color) else None
        row = Code(
            guid=code.guid, parent_id=parent_id, name=name, position=position,
            color=color or PALETTE[session.scalar(select(func.count(Code.id))) % len(PALETTE)],
            definition=code.definition, anchor_example=code.anchor_example, coding_rule=code.coding_rule,
        )
        session.add(row)
        session.flush()
        found[code.guid] = row.id
        summary.added["code"] += 1
        summary.changes.created.append(Ref("code", row.id))
        if name != code.name:
            summary.notes.append(f"The code '{code.name}' is called '{name}' here.")
    return found


def _parents_first(codes: list[CodeData]) -> list[CodeData]:
    """Codes ordered so that a parent comes before its children; a missing or circular parent makes a top code."""
    by_guid = {code.guid: code for code in codes}

    def depth(code: CodeData) -> int:
        seen, level = {code.guid}, 0
        while code.parent_guid in by_guid and code.parent_guid not in seen:
            code = by_guid[code.parent_guid]
            seen.add(code.guid)
            level += 1
        return level

    ordered = sorted(codes, key=depth)
    placed: set[str] = set()
    result = []
    for code in ordered:
        if code.parent_guid is not None and code.parent_guid not in placed:
            code = CodeData(code.guid, code.name, None, code.color, code.definition, code.anchor_example,
                            code.coding_rule)
        placed.add(code.guid)
        result.append(code)
    return result


def add_speakers(session: Session, data: ProjectData, summary) -> dict[str, int]:  # noqa: ANN001
    found: dict[str, int] = {}
    for speaker in data.speakers:
        ours = session.scalars(select(Speaker).where(Speaker.guid == speaker.guid)).one_or_none()
        name = " ".join(speaker.name.split())[:NAME_LIMIT] or "unnamed speaker"
        if ours is None:
            ours = find_speaker(session, name)
        if ours is not None:
            found[speaker.guid] = ours.id
            summary.matched["speaker"] += 1
            continue
        row = Speaker(guid=speaker.guid, name=name, key=speaker_key(name))
        session.add(row)
        session.flush()
        for alias in speaker.aliases:
            if find_speaker(session, alias) is None:
                session.add(SpeakerAlias(speaker_id=row.id, name=alias, key=speaker_key(alias)))
                session.flush()
        found[speaker.guid] = row.id
        summary.added["speaker"] += 1
        summary.changes.created.append(Ref("speaker", row.id))
    return found


def add_attributes(
    session: Session, data: ProjectData, speakers: dict[str, int], documents: dict[str, int], summary  # noqa: ANN001
) -> None:
    attributes: dict[str, Attribute] = {}
    for attribute in data.attributes:
        scope = AttributeScope(attribute.scope)
        ours = session.scalars(select(Attribute).where(Attribute.guid == attribute.guid)).one_or_none()
        if ours is None:
            ours = session.scalars(
                select(Attribute).where(Attribute.scope == scope, Attribute.name == attribute.name)
            ).one_or_none()
        if ours is None:
            ours = Attribute(guid=attribute.guid, name=attribute.name[:NAME_LIMIT], scope=scope,
                             type=AttributeType(attribute.type))
            session.add(ours)
            session.flush()
            summary.added["attribute"] += 1
            summary.changes.created.append(Ref("attribute", ours.id))
        else:
            summary.matched["attribute"] += 1
        attributes[attribute.guid] = ours

    for value in data.values:
        attribute = attributes.get(value.attribute_guid)
        if attribute is None:
            continue
        speaker_scope = attribute.scope is AttributeScope.SPEAKER
        owner_id = (speakers if speaker_scope else documents).get(value.owner_guid)
        if owner_id is None:
            continue  # its document was left out, and said so
        try:
            stored = canonical_value(attribute.type, value.value)
        except ServiceError as exc:
            summary.leave_out("value", f"{attribute.name}: {exc}")
            continue
        owner_column = AttributeValue.speaker_id if speaker_scope else AttributeValue.document_id
        ours = session.scalars(
            select(AttributeValue).where(AttributeValue.attribute_id == attribute.id, owner_column == owner_id)
        ).one_or_none()
        if ours is not None:
            if ours.value == stored:
                summary.matched["value"] += 1
            else:
                summary.leave_out("value", f"{attribute.name}: kept ours ('{ours.value}'), not '{stored}'")
            continue
        row = AttributeValue(attribute_id=attribute.id, value=stored)
        setattr(row, owner_column.key, owner_id)
        session.add(row)
        summary.added["value"] += 1
    session.flush()


_MEMO_COLUMNS = {"document": "document_id", "code": "code_id", "speaker": "speaker_id", "coding": "coding_id"}


def add_memos(session: Session, data: ProjectData, maps: dict[str, dict[str, int]], summary) -> None:  # noqa: ANN001
    for memo in data.memos:
        if not memo.text.strip():
            continue
        if session.scalar(select(Memo.id).where(Memo.guid == memo.guid)) is not None:
            summary.matched["memo"] += 1
            continue
        author_id = maps["coder"].get(memo.author_guid or "")
        column = _MEMO_COLUMNS.get(memo.target_kind)
        target_id = None
        if column is not None:
            target_id = maps[memo.target_kind].get(memo.target_guid or "")
            if target_id is None:
                summary.leave_out("memo", f"'{_short(memo.text)}': the {memo.target_kind} it is about is not here")
                continue
            ours = session.scalars(select(Memo).where(getattr(Memo, column) == target_id)).one_or_none()
            if ours is not None:
                if memo.text.strip() not in ours.text:
                    ours.text = f"{ours.text.rstrip()}\n\n{memo.text.strip()}"  # one memo per thing: append theirs
                    summary.notes.append(f"A memo about a {memo.target_kind} was appended to ours.")
                    summary.changes.updated.append(Ref("memo", ours.id))
                    summary.added["memo"] += 1
                else:
                    summary.matched["memo"] += 1
                continue
        row = Memo(guid=memo.guid, text=memo.text, title=memo.title[:400], author_id=author_id)
        if column is not None:
            setattr(row, column, target_id)
        session.add(row)
        session.flush()
        summary.added["memo"] += 1
        summary.changes.created.append(Ref("memo", row.id))


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
