"""The parts of a merge besides documents and codings: the code tree, speakers, attributes and memos.

Each function takes their ``ProjectData``, finds or adds each thing in our project and returns their GUIDs
mapped to our ids, noting in the summary what was added, matched and left out.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Attribute, AttributeScope, AttributeType, AttributeValue, Memo
from app.models.exchange import CodeData, ProjectData
from app.models.schema import utc_now
from app.services.attributes import canonical_value
from app.services.bulk import driver_sql, driver_value, time_storer
from app.services.changes import Ref, ServiceError
from app.services.codes import COLOR_PATTERN, PALETTE
from app.services.lookup import PATH_SEPARATOR
from app.services.speaker_index import SpeakerIndex

# Looks like "/" but is not our path separator: a code "Pro/Contra" from another tool stays readable.
SLASH_STAND_IN = "\u2215"
NAME_LIMIT = 200


def clean_code_name(name: str) -> str:
    name = " ".join(name.split()).replace(PATH_SEPARATOR, SLASH_STAND_IN)
    return name[:NAME_LIMIT] or "unnamed code"


def add_codes(session: Session, data: ProjectData, summary) -> dict[str, int]:  # noqa: ANN001 - MergeSummary
    found: dict[str, int] = {}
    tree = _CodeTree(session)
    for code in _parents_first(data.codes):
        parent_id = found.get(code.parent_guid) if code.parent_guid else None
        name = clean_code_name(code.name)
        ours = tree.find(code.guid, parent_id, name)  # by GUID, then by path: the same name under the parent
        if ours is not None:
            found[code.guid] = ours
            summary.matched["code"] += 1
            continue
        color = code.color.upper() if code.color and COLOR_PATTERN.match(code.color) else None
        found[code.guid] = code_id = tree.add(code, parent_id, name, color)
        summary.added["code"] += 1
        summary.changes.created.append(Ref("code", code_id))
        if name != code.name:
            summary.notes.append(f"The code '{code.name}' is called '{name}' here.")
    return found


class _CodeTree:
    """Our code tree, read once and kept up to date as codes are added: four queries, an ORM object and a flush
    per code took 80 ms for a codebook of 100 codes."""

    _INSERT = ("INSERT INTO code (guid, parent_id, name, color, definition, anchor_example, coding_rule, position, "
               "created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1) RETURNING id")

    def __init__(self, session: Session) -> None:
        self.session = session
        self.by_guid: dict[str, int] = {}
        self.by_path: dict[tuple[int | None, str], int] = {}
        self.next_position: dict[int | None, int] = {}  # per parent: after the last sibling, as max(position) + 1
        for code_id, guid, parent_id, name, position in driver_sql(
            session, "SELECT id, guid, parent_id, name, position FROM code"
        ):
            self._remember(code_id, guid, parent_id, name, position)
        self.count = len(self.by_guid)
        self.store_time = time_storer(session)

    def _remember(self, code_id: int, guid: str, parent_id: int | None, name: str, position: int) -> None:
        self.by_guid[guid] = code_id
        self.by_path[(parent_id, name)] = code_id
        self.next_position[parent_id] = max(self.next_position.get(parent_id, position + 1), position + 1)

    def find(self, guid: str, parent_id: int | None, name: str) -> int | None:
        found = self.by_guid.get(guid)
        return found if found is not None else self.by_path.get((parent_id, name))

    def add(self, code: CodeData, parent_id: int | None, name: str, color: str | None) -> int:
        position = self.next_position.get(parent_id, 0)
        row = (code.guid, parent_id, name, color or PALETTE[self.count % len(PALETTE)], code.definition,
               code.anchor_example, code.coding_rule, position, self.store_time(utc_now()))
        code_id = driver_value(self.session, self._INSERT, row)
        self._remember(code_id, code.guid, parent_id, name, position)
        self.count += 1
        return code_id


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
    ours = SpeakerIndex(session)
    for speaker in data.speakers:
        name = " ".join(speaker.name.split())[:NAME_LIMIT] or "unnamed speaker"
        speaker_id = ours.by_guid.get(speaker.guid)
        if speaker_id is None:
            speaker_id = ours.find(name)
        if speaker_id is not None:
            found[speaker.guid] = speaker_id
            summary.matched["speaker"] += 1
            continue
        found[speaker.guid] = speaker_id = ours.add(speaker.guid, name)
        for alias in speaker.aliases:
            if ours.find(alias) is None:
                ours.add_alias(speaker_id, alias)
        summary.added["speaker"] += 1
        summary.changes.created.append(Ref("speaker", speaker_id))
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
