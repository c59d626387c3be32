"""Read-only queries the desktop app shows: plain rows, no ORM objects, so widgets never see a session.

Positions are code points, as stored; the UI converts them for Qt in ``app/ui/positions.py``.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

import numpy as np

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.models import Code, Coder, Coding, Document, Memo, Project, ProjectInfo, Speaker, Turn
from app.services.lookup import code_paths
from app.services.packed import int_table


@dataclass(frozen=True, slots=True)
class SpeakerInDocument:
    id: int
    name: str
    turns: int


@dataclass(frozen=True, slots=True)
class DocumentRow:
    id: int
    name: str
    characters: int
    codings: int
    speakers: list[SpeakerInDocument] = field(default_factory=list)


class TurnRow(NamedTuple):
    start: int
    end: int
    speaker_id: int | None
    speaker: str | None
    start_ms: int | None
    end_ms: int | None


class CodingRow(NamedTuple):  # a named tuple: a long transcript brings 5,000 of them at once
    id: int
    code_id: int
    start: int
    end: int
    coder: str
    weight: int


class DocumentCodings(Sequence[CodingRow]):
    """Codings as columns (lists of equal length), each ``CodingRow`` made only when asked for: the transcript
    view places a long transcript's 5,000 codings by their spans and codes, and needs whole rows only for the few
    on screen or under the mouse."""

    __slots__ = ("ids", "code_ids", "starts", "ends", "coders", "weights")

    def __init__(
        self, ids: list[int], code_ids: list[int], starts: list[int], ends: list[int], coders: list[str],
        weights: list[int],
    ) -> None:
        self.ids, self.code_ids, self.starts, self.ends = ids, code_ids, starts, ends
        self.coders, self.weights = coders, weights

    @classmethod
    def of_rows(cls, rows: Iterable[CodingRow]) -> DocumentCodings:
        rows = list(rows)
        if not rows:
            return cls([], [], [], [], [], [])
        return cls(*map(list, zip(*rows, strict=True)))

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, index):  # noqa: ANN001, ANN204 - an int or a slice, as a Sequence takes
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        return CodingRow(self.ids[index], self.code_ids[index], self.starts[index], self.ends[index],
                         self.coders[index], self.weights[index])

    def __iter__(self) -> Iterator[CodingRow]:
        return map(CodingRow._make, zip(self.ids, self.code_ids, self.starts, self.ends, self.coders, self.weights))

    def extend(self, other: DocumentCodings) -> None:
        for name in self.__slots__:
            getattr(self, name).extend(getattr(other, name))

    def without_coders(self, hidden: set[str]) -> DocumentCodings:
        keep = [i for i, coder in enumerate(self.coders) if coder not in hidden]
        return DocumentCodings(*([getattr(self, name)[i] for i in keep] for name in self.__slots__))


@dataclass(frozen=True, slots=True)
class DocumentContent:
    id: int
    name: str
    text: str
    turns: list[TurnRow]
    codings: DocumentCodings


@dataclass(frozen=True, slots=True)
class CodeRow:
    id: int
    parent_id: int | None
    name: str
    path: str
    color: str
    position: int
    codings: int
    definition: str
    anchor_example: str
    coding_rule: str


@dataclass(frozen=True, slots=True)
class CodingRecord:
    """Everything needed to apply a coding again after it was removed."""

    id: int
    document: str
    code: str
    start: int
    end: int
    coder: str
    weight: int
    memo: str


@dataclass(frozen=True, slots=True)
class Segment:
    """A retrieved coded passage."""

    coding_id: int
    document_id: int
    document: str
    code_id: int
    code: str
    color: str
    start: int
    end: int
    text: str
    speaker_id: int | None
    speaker: str | None
    start_ms: int | None
    coder: str
    weight: int


def project_name(project: Project) -> str:
    with project.reading() as session:  # a column, not the ORM object: asked on every document opened
        name = session.scalar(select(ProjectInfo.name).where(ProjectInfo.id == 1))
        return name if name is not None else project.path.stem


def list_documents(project: Project) -> list[DocumentRow]:
    """Documents in their order, each with its speakers (turn counts) and number of codings."""
    with project.reading() as session:
        codings = dict(session.execute(select(Coding.document_id, func.count()).group_by(Coding.document_id)).all())
        speakers: defaultdict[int, list[SpeakerInDocument]] = defaultdict(list)
        for document_id, speaker_id, name, turns in session.execute(
            select(Turn.document_id, Speaker.id, Speaker.name, func.count())
            .join(Speaker, Speaker.id == Turn.speaker_id)
            .group_by(Turn.document_id, Speaker.id)
            .order_by(Turn.document_id, func.min(Turn.position))
        ):
            speakers[document_id].append(SpeakerInDocument(speaker_id, name, turns))
        return [
            DocumentRow(row.id, row.name, row.characters, codings.get(row.id, 0), speakers.get(row.id, []))
            for row in session.execute(
                select(Document.id, Document.name, func.length(Document.text).label("characters"))
                .order_by(Document.position, Document.id)
            )
        ]


def document_content(project: Project, document_id: int) -> DocumentContent | None:
    """A document's text with its turns and codings, for the transcript view."""
    # The DB-API cursor: opening a long transcript is the commonest wait, and SQLAlchemy's rows and ORM object
    # cost as much as the queries. The id is an integer: safe to write into the statements.
    document_id = int(document_id)
    with project.reading() as session:
        raw = session.connection().connection.dbapi_connection
        document = raw.execute(f"SELECT id, name, text FROM document WHERE id = {document_id}").fetchone()
        if document is None:
            return None
        turns = list(map(TurnRow._make, raw.execute(
            'SELECT turn.start, turn."end", turn.speaker_id, speaker.name, turn.start_ms, turn.end_ms FROM turn '
            f"LEFT JOIN speaker ON speaker.id = turn.speaker_id WHERE turn.document_id = {document_id} "
            "ORDER BY turn.start, turn.position"
        ).fetchall()))
        return DocumentContent(*document, turns, _coding_columns(raw, document_id))


def document_codings(project: Project, document_id: int) -> list[CodingRow]:
    with project.reading() as session:
        return _codings(session, document_id)


def document_codings_by_id(project: Project, document_id: int, coding_ids: Iterable[int]) -> list[CodingRow]:
    """Just these codings of the document (the others may be elsewhere), for refreshing after a small change."""
    with project.reading() as session:
        return _codings(session, document_id, list(coding_ids))


def _coding_columns(raw: object, document_id: int) -> DocumentCodings:
    """A document's codings in order (start, end, id), read as packed columns (``int_table``): for 5,000 codings
    about half the time of fetching rows, and no row made before it is needed."""
    table = int_table(raw, "coding", ("start", '"end"', "id", "code_id", "coder_id", "weight"),
                      f"WHERE document_id = {int(document_id)}")
    if not _in_order(table):  # SQLite reads them in order from the (document, start, end, id) index
        table = table[np.lexsort((table[:, 2], table[:, 1], table[:, 0]))]
    coder_names = dict(raw.execute("SELECT id, name FROM coder").fetchall())
    starts, ends, ids, code_ids, coder_ids, weights = (column.tolist() for column in table.T)
    return DocumentCodings(ids, code_ids, starts, ends, [coder_names[c] for c in coder_ids], weights)


def _in_order(table: np.ndarray) -> bool:
    """Whether the rows are ordered by their first three columns (a check costs a tenth of a sort)."""
    if len(table) < 2:
        return True
    step = np.diff(table[:, :3], axis=0)
    first, second, third = step[:, 0], step[:, 1], step[:, 2]
    return bool(np.all((first > 0) | ((first == 0) & ((second > 0) | ((second == 0) & (third > 0))))))


def _codings(session: Session, document_id: int, coding_ids: list[int] | None = None) -> list[CodingRow]:
    if coding_ids is None:
        # All of a document's codings through the DB-API cursor: for a transcript's 5,000 codings SQLAlchemy's
        # result rows cost as much as the query. The id is an integer: safe to write into the statement.
        raw = session.connection().connection.dbapi_connection
        rows = raw.execute(
            'SELECT coding.id, coding.code_id, coding.start, coding."end", coder.name, coding.weight FROM coding '
            f"JOIN coder ON coder.id = coding.coder_id WHERE coding.document_id = {int(document_id)} "
            'ORDER BY coding.start, coding."end", coding.id'
        ).fetchall()
        return list(map(CodingRow._make, rows))
    query = (
        select(Coding.id, Coding.code_id, Coding.start, Coding.end, Coder.name, Coding.weight)
        .join(Coder, Coder.id == Coding.coder_id)
        .where(Coding.document_id == document_id)
        .order_by(Coding.start, Coding.end, Coding.id)
    )
    return [CodingRow(*row) for row in session.execute(query.where(Coding.id.in_(coding_ids)))]


def list_codes(project: Project) -> list[CodeRow]:
    """Every code with its path and number of codings, parents before children, siblings in order."""
    with project.reading() as session:
        paths = code_paths(session)
        counts = dict(session.execute(select(Coding.code_id, func.count()).group_by(Coding.code_id)).all())
        return [
            CodeRow(
                code.id, code.parent_id, code.name, paths[code.id], code.color, code.position,
                counts.get(code.id, 0), code.definition, code.anchor_example, code.coding_rule,
            )
            for code in _in_tree_order(session.scalars(select(Code).order_by(Code.position, Code.id)).all())
        ]


def _in_tree_order(codes: list[Code]) -> list[Code]:
    children: defaultdict[int | None, list[Code]] = defaultdict(list)
    for code in codes:
        children[code.parent_id].append(code)
    ordered: list[Code] = []
    stack = list(reversed(children[None]))
    while stack:
        code = stack.pop()
        ordered.append(code)
        stack.extend(reversed(children[code.id]))
    return ordered


def coding_records(project: Project, coding_ids: Iterable[int]) -> list[CodingRecord]:
    """What each of these codings is (document, code path, span, coder, weight, memo), to re-create it."""
    ids = list(coding_ids)
    if not ids:
        return []
    with project.reading() as session:
        paths = code_paths(session)
        memos = dict(session.execute(select(Memo.coding_id, Memo.text).where(Memo.coding_id.in_(ids))).all())
        return [
            CodingRecord(cid, document, paths[code_id], start, end, coder, weight, memos.get(cid, ""))
            for cid, document, code_id, start, end, coder, weight in session.execute(
                select(Coding.id, Document.name, Coding.code_id, Coding.start, Coding.end, Coder.name, Coding.weight)
                .join(Document, Document.id == Coding.document_id)
                .join(Coder, Coder.id == Coding.coder_id)
                .where(Coding.id.in_(ids))
                .order_by(Coding.id)
            )
        ]


def codings_of_codes(project: Project, code_ids: Iterable[int]) -> list[int]:
    ids = list(code_ids)
    with project.reading() as session:
        return list(session.scalars(select(Coding.id).where(Coding.code_id.in_(ids)).order_by(Coding.id)))


def code_memos(project: Project, code_ids: Iterable[int]) -> dict[int, str]:
    ids = list(code_ids)
    with project.reading() as session:
        return dict(session.execute(select(Memo.code_id, Memo.text).where(Memo.code_id.in_(ids))).all())


def retrieve_segments(
    project: Project,
    code_ids: Iterable[int],
    *,
    document_ids: Iterable[int] | None = None,
    speaker_ids: Iterable[int] | None = None,
) -> list[Segment]:
    """Every passage coded with one of ``code_ids``, in document order, with the speaker of the turn it starts in.

    ``document_ids`` and ``speaker_ids`` narrow the result when given; a passage outside every turn has no
    speaker and is left out by a speaker filter.
    """
    codes = list(code_ids)
    if not codes:
        return []
    wanted_speakers = None if speaker_ids is None else set(speaker_ids)
    with project.reading() as session:
        paths = code_paths(session)
        colors = dict(session.execute(select(Code.id, Code.color)).all())
        query = (
            select(Coding.id, Coding.document_id, Coding.code_id, Coding.start, Coding.end, Coder.name, Coding.weight)
            .join(Coder, Coder.id == Coding.coder_id)
            .join(Document, Document.id == Coding.document_id)
            .where(Coding.code_id.in_(codes))
            .order_by(Document.position, Document.id, Coding.start, Coding.end, Coding.id)
        )
        if document_ids is not None:
            query = query.where(Coding.document_id.in_(list(document_ids)))
        rows = session.execute(query).all()
        documents = {
            row.id: (row.name, row.text)
            for row in session.execute(
                select(Document.id, Document.name, Document.text).where(Document.id.in_({r[1] for r in rows}))
            )
        }
        turns_by_document: dict[int, tuple[list[int], list[TurnRow]]] = {}
        for document_id in documents:
            turns = [
                TurnRow(*row)
                for row in session.execute(
                    select(Turn.start, Turn.end, Turn.speaker_id, Speaker.name, Turn.start_ms, Turn.end_ms)
                    .outerjoin(Speaker, Speaker.id == Turn.speaker_id)
                    .where(Turn.document_id == document_id)
                    .order_by(Turn.start)
                )
            ]
            turns_by_document[document_id] = ([turn.start for turn in turns], turns)
        found = []
        for coding_id, document_id, code_id, start, end, coder, weight in rows:
            name, text = documents[document_id]
            turn = _turn_at(*turns_by_document[document_id], start, end)
            speaker_id = None if turn is None else turn.speaker_id
            if wanted_speakers is not None and speaker_id not in wanted_speakers:
                continue
            found.append(
                Segment(
                    coding_id, document_id, name, code_id, paths[code_id], colors[code_id], start, end,
                    text[start:end], speaker_id, None if turn is None else turn.speaker,
                    None if turn is None else turn.start_ms, coder, weight,
                )
            )
        return found


def _turn_at(starts: list[int], turns: list[TurnRow], start: int, end: int) -> TurnRow | None:
    """The turn a passage starts in, or else the first turn it overlaps."""
    index = max(0, bisect_right(starts, start) - 1)
    while index < len(turns) and turns[index].start < end:
        turn = turns[index]
        if turn.end > start:
            return turn
        index += 1
    return None


def turn_span_at(project: Project, document_id: int, position: int) -> tuple[int, int] | None:
    """The span of the turn at ``position`` (a label before the words counts as the turn's)."""
    with project.reading() as session:
        row = session.execute(
            select(Turn.start, Turn.end)
            .where(Turn.document_id == document_id, Turn.end >= position)
            .order_by(Turn.start)
            .limit(1)
        ).first()
        if row is None or row.start == row.end:
            return None
        return row.start, row.end


def coder_names(project: Project) -> list[str]:
    with project.reading() as session:
        return list(session.scalars(select(Coder.name).order_by(Coder.name)))


@dataclass(frozen=True, slots=True)
class SpeakerRow:
    id: int
    name: str
    turns: int
    documents: int
    attributes: dict[str, str]


def list_speakers(project: Project) -> tuple[list[str], list[SpeakerRow]]:
    """The speaker attributes' names, and every speaker (by name) with turns, documents and attribute values."""
    from app.models import Attribute, AttributeScope, AttributeValue

    with project.reading() as session:
        names = list(
            session.scalars(
                select(Attribute.name).where(Attribute.scope == AttributeScope.SPEAKER).order_by(Attribute.id)
            )
        )
        values: defaultdict[int, dict[str, str]] = defaultdict(dict)
        for speaker_id, name, value in session.execute(
            select(AttributeValue.speaker_id, Attribute.name, AttributeValue.value)
            .join(Attribute, Attribute.id == AttributeValue.attribute_id)
            .where(AttributeValue.speaker_id.is_not(None))
        ):
            values[speaker_id][name] = value
        counts = {
            row.speaker_id: (row.turns, row.documents)
            for row in session.execute(
                select(
                    Turn.speaker_id,
                    func.count().label("turns"),
                    func.count(Turn.document_id.distinct()).label("documents"),
                ).group_by(Turn.speaker_id)
            )
        }
        speakers = [
            SpeakerRow(sid, name, *counts.get(sid, (0, 0)), values.get(sid, {}))
            for sid, name in session.execute(select(Speaker.id, Speaker.name))
        ]
        return names, sorted(speakers, key=lambda s: s.name.casefold())


def memo_text(
    project: Project, *, document_id: int | None = None, code_id: int | None = None, coding_id: int | None = None,
    speaker_id: int | None = None,
) -> str:
    """The memo of one document, code, speaker or coding ("" when it has none)."""
    column, target = (
        (Memo.document_id, document_id) if document_id is not None
        else (Memo.code_id, code_id) if code_id is not None
        else (Memo.speaker_id, speaker_id) if speaker_id is not None
        else (Memo.coding_id, coding_id)
    )
    with project.reading() as session:
        return session.scalar(select(Memo.text).where(column == target)) or ""


def project_memo(project: Project) -> tuple[int | None, str]:
    """The first memo about the project as a whole (no document, code, speaker or coding): (id, text)."""
    with project.reading() as session:
        row = session.execute(
            select(Memo.id, Memo.text)
            .where(Memo.document_id.is_(None), Memo.code_id.is_(None), Memo.speaker_id.is_(None),
                   Memo.coding_id.is_(None))
            .order_by(Memo.id).limit(1)
        ).first()
    return (None, "") if row is None else (row[0], row[1])


@dataclass(frozen=True, slots=True)
class CodingLabel:
    """A coding as the memo editor names it: its code, its document and the start of the coded passage."""

    id: int
    code: str
    document: str
    excerpt: str


def memo_codings(project: Project, also: Iterable[int] = (), excerpt: int = 40) -> list[CodingLabel]:
    """The codings that have a memo, and ``also`` these (e.g. the ones under the cursor), in document order."""
    extra = list(also)
    with project.reading() as session:
        paths = code_paths(session)
        with_memo = select(Memo.coding_id).where(Memo.coding_id.is_not(None))
        wanted = Coding.id.in_(with_memo) | Coding.id.in_(extra) if extra else Coding.id.in_(with_memo)
        # Only the passage's first characters are read, not each document's whole text.
        rows = session.execute(
            select(Coding.id, Coding.code_id, Document.name, Coding.end - Coding.start,
                   func.substr(Document.text, Coding.start + 1, excerpt + 1))
            .join(Document, Document.id == Coding.document_id)
            .where(wanted)
            .order_by(Document.position, Document.id, Coding.start, Coding.id)
        ).all()
    labels = []
    for coding_id, code_id, document, length, text in rows:
        text = " ".join(text[:length].split())
        labels.append(CodingLabel(coding_id, paths[code_id], document, text if len(text) <= excerpt else text[:excerpt].rstrip() + "…"))
    return labels
