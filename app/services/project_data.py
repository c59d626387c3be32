"""Read a whole project into plain ``ProjectData``: for REFI-QDA export and for merging it into another project."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import (
    Attribute,
    AttributeValue,
    Code,
    Coder,
    Coding,
    Document,
    Memo,
    Project,
    ProjectInfo,
    Speaker,
    SpeakerAlias,
    Study,
    Turn,
    Vote,
)
from app.models.exchange import (
    AttributeData,
    AttributeValueData,
    CodeData,
    CoderData,
    CodingData,
    DocumentData,
    MemoData,
    ProjectData,
    SpeakerData,
    TurnData,
    VoteData,
)


def read_project_data(project: Project) -> ProjectData:
    with project.reading() as session:
        return project_data(session)


def project_data(session: Session) -> ProjectData:
    info = session.get(ProjectInfo, 1)
    data = ProjectData(name=info.name if info else "", origin=info.created_with if info else "")
    coders = {c.id: c.guid for c in session.scalars(select(Coder).order_by(Coder.id))}
    data.coders = [CoderData(c.guid, c.name) for c in session.scalars(select(Coder).order_by(Coder.id))]

    codes = list(session.scalars(select(Code)))
    code_guids = {code.id: code.guid for code in codes}
    data.codes = [
        CodeData(
            guid=code.guid,
            name=code.name,
            parent_guid=code_guids.get(code.parent_id) if code.parent_id is not None else None,
            color=code.color,
            definition=code.definition,
            anchor_example=code.anchor_example,
            coding_rule=code.coding_rule,
        )
        for code in _tree_order(codes)
    ]

    aliases: dict[int, list[str]] = {}
    for alias in session.scalars(select(SpeakerAlias).order_by(SpeakerAlias.id)):
        aliases.setdefault(alias.speaker_id, []).append(alias.name)
    speakers = list(session.scalars(select(Speaker).order_by(Speaker.id)))
    speaker_guids = {s.id: s.guid for s in speakers}
    data.speakers = [SpeakerData(s.guid, s.name, tuple(aliases.get(s.id, ()))) for s in speakers]

    # Turns and codings as plain rows, not ORM objects: a large study has tens of thousands of each.
    turns: dict[int, list[TurnData]] = {}
    for document_id, start, end, speaker_id, start_ms, end_ms, votes, priority in session.execute(
        select(Turn.document_id, Turn.start, Turn.end, Turn.speaker_id, Turn.start_ms, Turn.end_ms, Turn.votes,
               Turn.priority).order_by(Turn.document_id, Turn.position)
    ):
        turns.setdefault(document_id, []).append(
            TurnData(start, end, speaker_guids.get(speaker_id), start_ms, end_ms, votes, priority)
        )
    documents = list(session.scalars(select(Document).order_by(Document.position, Document.id)))
    document_guids = {d.id: d.guid for d in documents}
    data.documents = [
        DocumentData(d.guid, d.name, d.text, d.source_name, d.source_format, d.group_name, tuple(turns.get(d.id, ())))
        for d in documents
    ]

    # "document_id + 0": SQLite sorts the rows it reads in one pass; following the index on (document_id, start)
    # fetched them one by one and took longer than the query (a large study: 1.0 s -> 0.6 s).
    codings = session.execute(
        select(Coding.id, Coding.guid, Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end,
               Coding.weight, Coding.created_at).order_by(Coding.document_id + 0, Coding.start, Coding.end, Coding.id)
    ).all()
    coding_guids = {c[0]: c[1] for c in codings}
    data.codings = [
        CodingData(guid, document_guids[document_id], code_guids[code_id], coders.get(coder_id), start, end, weight,
                   created_at)
        for _, guid, document_id, code_id, coder_id, start, end, weight, created_at in codings
    ]

    for memo in session.scalars(select(Memo).order_by(Memo.id)):
        kind, target = "project", None
        for name, column, guids in (
            ("document", memo.document_id, document_guids),
            ("code", memo.code_id, code_guids),
            ("speaker", memo.speaker_id, speaker_guids),
            ("coding", memo.coding_id, coding_guids),
        ):
            if column is not None:
                kind, target = name, guids[column]
        data.memos.append(MemoData(memo.guid, memo.text, memo.title, kind, target, coders.get(memo.author_id)))

    attributes = list(session.scalars(select(Attribute).order_by(Attribute.id)))
    attribute_guids = {a.id: a.guid for a in attributes}
    data.attributes = [AttributeData(a.guid, a.name, a.type.value, a.scope.value) for a in attributes]
    for value in session.scalars(select(AttributeValue).order_by(AttributeValue.id)):
        owner = speaker_guids[value.speaker_id] if value.speaker_id is not None else document_guids[value.document_id]
        data.values.append(AttributeValueData(attribute_guids[value.attribute_id], owner, value.value))

    data.votes = [VoteData(code_guids[code_id], points, institution) for code_id, institution, points in
                  session.execute(select(Vote.code_id, Vote.institution, Vote.points).order_by(Vote.id))]
    data.participants = {s.guid: bool(s.participant) for s in speakers if s.participant is not None}
    study = session.get(Study, 1)
    if study is not None and study.measures_code_id is not None:
        data.measures_code_guid = code_guids.get(study.measures_code_id)
    return data


def _tree_order(codes: list[Code]) -> list[Code]:
    """Parents before children, siblings by their position."""
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    ordered: list[Code] = []

    def visit(parent_id: int | None) -> None:
        for code in sorted(children.get(parent_id, []), key=lambda c: (c.position, c.id)):
            ordered.append(code)
            visit(code.id)

    visit(None)
    return ordered
