"""Everything the analyses read, loaded from a project in a handful of queries: codes, documents, speakers,
turns and codings, narrowed to a ``Selection`` (which codes, documents and speakers a report covers).

Analyses take a ``Project`` or an already loaded ``ProjectData``; a report loads once and hands the same data to
every analysis. The codings are kept as columns (numpy arrays), because every analysis passes over all of them
and a study may have 100,000: what is derived per coding is computed for all codings at once, on first use, and
kept (see ``parts.py``).

Positions are laid out "globally": the documents one after another (a line break between two), so one sorted
array of turn bounds and one of word bounds serve all documents, and no turn or word runs across two.
"""

from __future__ import annotations

import threading
import weakref
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from typing import TYPE_CHECKING, NamedTuple

import numpy as np

from app.analysis.splicing import rows_of, spliced
from app.analysis.votes import VoteData, read_vote_data
from app.analysis.word_index import (
    WordCounter,
    corpus_word_positions,
    line_break_positions,
    separator_positions,
)
from app.models.code_tree import code_paths_of, depth_first
from app.models.file_state import FileState, state_of_connection
from app.models.speaker_names import speaker_key
from app.services.changes import ServiceError
from app.services.coding_journal import codings_changed
from app.services.packed import int_table as _int_table

if TYPE_CHECKING:
    from app.analysis.parts import CodingParts
    from app.models import Project


@dataclass(frozen=True)
class Selection:
    """What to analyse; empty means everything. A chosen code brings its sub-codes along."""

    codes: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    speakers: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()  # whose codings count (names); the others' are left out as if hidden


class CodeInfo(NamedTuple):
    id: int
    parent_id: int | None
    name: str
    path: str
    depth: int
    color: str
    definition: str
    anchor_example: str
    coding_rule: str


class DocumentInfo(NamedTuple):
    id: int
    name: str
    text: str
    sha256: str
    offset: int  # where the text begins in the global layout


class TurnInfo(NamedTuple):
    id: int
    document_id: int
    position: int
    speaker_id: int | None
    start: int
    end: int
    start_ms: int | None


class CodingRow(NamedTuple):
    id: int
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    weight: int


# Columns of ``ProjectData.coding_table`` (and of the plain tuples in ``ProjectData.codings``).
ID, DOCUMENT, CODE, CODER, START, END, WEIGHT = range(7)


@dataclass
class ProjectData:
    name: str
    language: str
    created_at: datetime | None
    codes: dict[int, CodeInfo]  # the selected codes, in the code tree's order
    documents: dict[int, DocumentInfo]  # the selected documents, in the project's order
    speakers: dict[int, str]  # the selected speakers, in order of their first turn
    coders: dict[int, str]
    speaker_attributes: dict[int, dict[str, str]]
    turn_table: np.ndarray  # (n, 7) as TurnInfo's fields, documents in order, each by start; None stored as -1
    coding_table: np.ndarray  # (n, 7): columns ID, DOCUMENT, CODE, CODER, START, END, WEIGHT; by position, then id
    coding_memos: dict[int, str] = field(default_factory=dict)
    code_memos: dict[int, str] = field(default_factory=dict)
    votes: VoteData = field(default_factory=VoteData)  # the dot vote, the participants and the study's description
    # In the segments view (``segments()``): per segment of several codings (by its row's coding id) the coders
    # of them all, in the order of ``coders``; a segment of one coding is its coder's alone.
    segment_coders: dict[int, tuple[int, ...]] = field(default_factory=dict)
    _parts: CodingParts | None = field(default=None, repr=False)
    # Derived, never copied by dataclasses.replace (a copy with other votes or speakers must make its own):
    _segments: ProjectData | None = field(default=None, repr=False, init=False, compare=False)
    _codings: ProjectData | None = field(default=None, repr=False, init=False, compare=False)  # a view's source

    @cached_property
    def turns(self) -> list[TurnInfo]:
        """The turns as named tuples, in the order of ``turn_table``."""
        return [
            TurnInfo(t_id, doc, pos, None if sid < 0 else sid, start, end, None if ms < 0 else ms)
            for t_id, doc, pos, sid, start, end, ms in self.turn_table.tolist()
        ]

    @cached_property
    def turn_spans(self) -> tuple[np.ndarray, np.ndarray]:
        """Every turn's start and end in the global layout."""
        offsets = _lookup_array({doc.id: doc.offset for doc in self.documents.values()})
        shift = offsets[self.turn_table[:, 1]] if len(self.turn_table) else np.zeros(0, dtype=np.int64)
        return self.turn_table[:, 4] + shift, self.turn_table[:, 5] + shift

    @cached_property
    def turn_speakers(self) -> np.ndarray:
        """Every turn's speaker as an index into ``speaker_ids`` (-1: none)."""
        lookup = _lookup_array({sid: i for i, sid in enumerate(self.speaker_ids)})
        ids = self.turn_table[:, 3]
        return np.where(ids < 0, -1, lookup[np.maximum(ids, 0)]) if len(ids) else ids

    # --- columns ---------------------------------------------------------------------------------------------

    @cached_property
    def codings(self) -> list[tuple[int, ...]]:
        """The codings as plain tuples (CodingRow's fields), for passes that want Python values."""
        return [tuple(row) for row in self.coding_table.tolist()]

    @cached_property
    def code_index(self) -> np.ndarray:
        """Per coding, its code's position in ``codes`` (tree order)."""
        lookup = _lookup_array({code_id: i for i, code_id in enumerate(self.codes)})
        return lookup[self.coding_table[:, CODE]]

    @cached_property
    def document_index(self) -> np.ndarray:
        lookup = _lookup_array({doc_id: i for i, doc_id in enumerate(self.documents)})
        return lookup[self.coding_table[:, DOCUMENT]]

    @cached_property
    def global_spans(self) -> tuple[np.ndarray, np.ndarray]:
        offsets = np.array([doc.offset for doc in self.documents.values()], dtype=np.int64)
        shift = offsets[self.document_index] if len(offsets) else np.zeros(0, dtype=np.int64)
        return self.coding_table[:, START] + shift, self.coding_table[:, END] + shift

    @cached_property
    def _document_offsets(self) -> tuple[list[int], list[DocumentInfo]]:
        documents = list(self.documents.values())
        return [doc.offset for doc in documents], documents

    def corpus_slice(self, start: int, end: int) -> str:
        """``text[start:end]`` of the global layout (within one document)."""
        offsets, documents = self._document_offsets
        doc = documents[bisect_right(offsets, start) - 1]
        return doc.text[start - doc.offset : end - doc.offset]

    @cached_property
    def words(self) -> WordCounter:
        documents = list(self.documents.values())
        separators = [separator_positions(doc.sha256, doc.text) + doc.offset for doc in documents]
        return WordCounter(
            self.corpus_slice, *corpus_word_positions(documents),
            separators=np.concatenate(separators) if separators else np.zeros(0, dtype=np.int64),
        )

    @cached_property
    def line_breaks(self) -> np.ndarray:
        """The global position of every line break of the texts (not those laid between two documents)."""
        breaks = [line_break_positions(doc.sha256, doc.text) + doc.offset for doc in self.documents.values()]
        return np.concatenate(breaks) if breaks else np.zeros(0, dtype=np.int64)

    @cached_property
    def coded_words(self) -> np.ndarray:
        """Per coding, the words of its passage."""
        return self.words.count(*self.global_spans)

    @cached_property
    def speaker_ids(self) -> list[int]:
        return list(self.speakers)

    def segments(self) -> ProjectData:
        """The distinct coded passages (document, code, span): several coders' codings of one passage are one
        segment (``segments.py``). What the analyses count and quote; ``self`` when no two codings share one."""
        if self._segments is None:
            from app.analysis.segments import segments_of

            self._segments = segments_of(self)
        return self._segments

    def per_coding(self) -> ProjectData:
        """Every coding as it is, one row per coder's coding (the data a segments view was made from): what the
        intercoder agreement compares and what counts the codings themselves."""
        return self._codings or self

    def coders_of(self, index: int) -> tuple[str, ...]:
        """The names of the coders of the segment (or coding) in row ``index`` of the coding table."""
        coding_id, coder_id = int(self.coding_table[index, ID]), int(self.coding_table[index, CODER])
        return tuple(self.coders.get(c, "") for c in self.segment_coders.get(coding_id, (coder_id,)))

    def parts(self) -> CodingParts:
        """Each coding cut at turn boundaries: which turn and speaker each part belongs to, and its words."""
        if self._parts is None:
            from app.analysis.parts import split_at_turns

            self._parts = split_at_turns(self)
        return self._parts

    # --- lookups ---------------------------------------------------------------------------------------------

    def coding(self, index: int) -> CodingRow:
        return CodingRow._make(self.codings[index])

    def speaker_name(self, speaker_id: int | None) -> str | None:
        return None if speaker_id is None else self.speakers.get(speaker_id)

    def attribute_of(self, speaker_id: int | None, attribute: str) -> str | None:
        if speaker_id is None:
            return None
        return self.speaker_attributes.get(speaker_id, {}).get(attribute)

    def attribute_names(self) -> list[str]:
        names: dict[str, None] = {}
        for speaker_id in self.speakers:
            for name in self.speaker_attributes.get(speaker_id, {}):
                names.setdefault(name, None)
        return list(names)

    @cached_property
    def children(self) -> dict[int | None, list[int]]:
        found: dict[int | None, list[int]] = {}
        for code in self.codes.values():
            parent = code.parent_id if code.parent_id in self.codes else None
            found.setdefault(parent, []).append(code.id)
        return found

    def subtree(self, code_id: int) -> list[int]:
        """The code and all its (selected) sub-codes, in tree order."""
        found, stack = [], [code_id]
        while stack:
            current = stack.pop()
            found.append(current)
            stack.extend(reversed(self.children.get(current, [])))
        return found


def _lookup_array(mapping: dict[int, int]) -> np.ndarray:
    """An array ``a`` with ``a[key] == mapping[key]`` (and -1 elsewhere), for vectorised lookups by id."""
    table = np.full(max(mapping, default=0) + 1, -1, dtype=np.int64)
    if mapping:
        table[np.fromiter(mapping.keys(), dtype=np.int64)] = np.fromiter(mapping.values(), dtype=np.int64)
    return table


def as_data(source: Project | ProjectData, selection: Selection | None = None) -> ProjectData:
    """What the analyses count: the segments (``ProjectData.segments()``) of the loaded data of a project, or of
    the data itself when it is loaded already."""
    data = source if isinstance(source, ProjectData) else load(source, selection)
    return data.segments()


def load(project: Project, selection: Selection | None = None) -> ProjectData:
    """The project's data for ``selection``, read in one read transaction on the driver's connection
    (``read_transaction``): neither SQLAlchemy's sessions nor its result rows, whose costs were more than the
    queries' (a session's transaction alone cost more than a look at kept data after one coding changed).

    An SQLite project's data is kept until the file changes (see ``models.file_state``): the reports view, the
    export and the CLI ask for several analyses of the same state in a row, and reading 100,000 codings again
    for each cost more than most analyses themselves. The same object is then handed out again, with what
    analyses already derived from it: treat it as read-only. After this process coded, uncoded or re-coded
    passages, the kept data is brought up to date from the changed codings alone (``_brought_up_to_date``).
    """
    selection = selection or Selection()
    with project.read_transaction() as raw:
        # The first read: from here on the transaction sees one state of the file. Every way on needs the coders.
        coders = _coders(raw)
        marker = state_of_connection(raw)
        kept = _kept_data(project, marker, selection)
        if kept is not None:
            return kept
        data = _brought_up_to_date(project, raw, marker, selection, coders) or _read(raw, selection, coders)
    _keep(project, marker, selection, data)
    return data


# --- keeping loaded data ------------------------------------------------------------------------------------

_KEPT_SELECTIONS = 3  # per project: all codings, and a coder or two the reports view filters by
# Per project, per selection: the data and the state of the file it was read in (or brought up to).
_kept: weakref.WeakKeyDictionary[Project, OrderedDict[Selection, tuple[FileState, ProjectData]]] = (
    weakref.WeakKeyDictionary()
)
_kept_lock = threading.Lock()


def _kept_entry(project: Project, selection: Selection) -> tuple[FileState, ProjectData] | None:
    with _kept_lock:
        entries = _kept.get(project)
        if entries is None or selection not in entries:
            return None
        entries.move_to_end(selection)
        return entries[selection]


def _kept_data(project: Project, marker: FileState | None, selection: Selection) -> ProjectData | None:
    entry = _kept_entry(project, selection) if marker is not None else None
    return entry[1] if entry is not None and entry[0] == marker else None


def _keep(project: Project, marker: FileState | None, selection: Selection, data: ProjectData) -> None:
    if marker is None:
        return
    with _kept_lock:
        entries = _kept.setdefault(project, OrderedDict())
        entries[selection] = (marker, data)
        entries.move_to_end(selection)
        while len(entries) > _KEPT_SELECTIONS:
            entries.popitem(last=False)


def clear_kept() -> None:
    """Forget every kept ``ProjectData`` (tests and benchmarks measuring a first load)."""
    with _kept_lock:
        _kept.clear()
        _texts.clear()


# --- reading ------------------------------------------------------------------------------------------------


def _read(raw, selection: Selection, coders: dict[int, str]) -> ProjectData:  # noqa: ANN001 - DB-API connection
    name, language, created_at = raw.execute("SELECT name, language, created_at FROM project WHERE id = 1").fetchone()
    if isinstance(created_at, str):  # SQLite's text, as SQLAlchemy's DateTime wrote it; PostgreSQL's is a datetime
        created_at = datetime.fromisoformat(created_at)
    codes = _load_codes(raw, selection.codes)
    documents = _load_documents(raw, selection.documents)
    wanted = _speaker_ids(raw, selection.speakers)
    names = dict(raw.execute("SELECT id, name FROM speaker").fetchall())
    coding_memos, code_memos = _memos(raw)
    speaker_attributes: dict[int, dict[str, str]] = {}
    for owner_id, attribute, value in raw.execute(  # as services.attributes.attribute_values, in this transaction
        "SELECT attribute_value.speaker_id, attribute.name, attribute_value.value FROM attribute_value "
        "JOIN attribute ON attribute.id = attribute_value.attribute_id WHERE attribute.scope = 'speaker'"
    ).fetchall():
        speaker_attributes.setdefault(owner_id, {})[attribute] = value
    # The two big tables, each read as packed columns (see _int_table).
    turn_rows = _int_table(
        raw, "turn", ("id", "document_id", "position", "coalesce(speaker_id, -1)", "start", '"end"',
                      "coalesce(start_ms, -1)"),
    )
    # A table scan, unsorted: far faster than walking the (document, start) index for every row.
    codings = _of_coders(_int_table(raw, "coding", _CODING_COLUMNS), coders, selection.coders)
    turns = _turn_table(turn_rows, documents, wanted)
    speakers = {}
    for sid in dict.fromkeys(turns[:, 3].tolist()):  # in order of first turn: as a reader meets them
        if sid >= 0:
            speakers[sid] = names[sid]
    table = _coding_table(codings, codes, documents)
    data = ProjectData(
        name=name,
        language=language,
        created_at=created_at,
        codes=codes,
        documents=documents,
        speakers=speakers,
        coders=coders,
        speaker_attributes={sid: values for sid, values in speaker_attributes.items() if sid in speakers},
        turn_table=turns,
        coding_table=table,
        coding_memos=coding_memos,
        code_memos=code_memos,
        votes=read_vote_data(raw),
    )
    if wanted is not None:
        # The chosen speakers' turns only are kept: a coding stays when it touches one of them.
        touched = np.unique(data.parts().coding[data.parts().turn >= 0])
        data.coding_table = data.coding_table[touched]
        for name in ("codings", "code_index", "document_index", "global_spans", "coded_words"):
            data.__dict__.pop(name, None)
        data._parts = None
    return data


_CODING_COLUMNS = ("id", "document_id", "code_id", "coder_id", "start", '"end"', "weight")  # as ID ... WEIGHT


def _coders(connection) -> dict[int, str]:
    return dict(connection.execute("SELECT id, name FROM coder ORDER BY name").fetchall())


def _memos(connection) -> tuple[dict[int, str], dict[int, str]]:
    """The memos of codings and of codes (those with text), by coding and by code."""
    memos = connection.execute(
        "SELECT coding_id, code_id, text FROM memo WHERE coding_id IS NOT NULL OR code_id IS NOT NULL"
    ).fetchall()
    return (
        {coding_id: text for coding_id, _, text in memos if coding_id is not None and text.strip()},
        {code_id: text for _, code_id, text in memos if code_id is not None and text.strip()},
    )


def _of_coders(codings: np.ndarray, coders: dict[int, str], chosen: Sequence[str]) -> np.ndarray:
    """The codings of the coders named ``chosen`` (all when none are)."""
    if not chosen:
        return codings
    unknown = set(chosen) - set(coders.values())
    if unknown:
        raise ServiceError(f"There is no coder {', '.join(sorted(unknown))}.")
    shown = [coder_id for coder_id, name in coders.items() if name in chosen]
    return codings[np.isin(codings[:, CODER], shown)]


# What ProjectData derives from its documents, turns and codes only: taken over when only codings changed.
# (Not ``words`` itself: it refers back to the data that made it, which would then stay alive with all it derived;
# a new counter takes over its arrays.)
_LAYOUT_PROPERTIES = ("turns", "turn_spans", "turn_speakers", "line_breaks", "speaker_ids", "children")
# What ProjectData derives per coding, row for row: taken over for the unchanged codings, computed for the others.
_CODING_PROPERTIES = ("code_index", "document_index", "global_spans", "coded_words")


def _brought_up_to_date(
    project: Project, raw, marker: FileState | None, selection: Selection, coders: dict[int, str]
) -> ProjectData | None:
    """The data kept of an earlier state of the file, brought up to this one when only this process's changes of
    codings lie between (``services.coding_journal``): those codings and their memos are read again (``raw``, the
    DB-API connection of the reading transaction), and everything else is taken over. None when that cannot be
    told; the project is then read again."""
    if marker is None or selection.speakers:  # a speaker selection keeps codings by their turns: read afresh
        return None
    entry = _kept_entry(project, selection)
    if entry is None:
        return None
    since, old = entry
    changed = codings_changed(project, since, marker)
    if changed is None:
        return None
    ids = sorted(changed)
    removed = rows_of(old.coding_table[:, ID], ids)
    unchanged = spliced(old.coding_table, removed)
    # The services that change codings change no other memo than a coding's own (removing a coding removes it).
    coding_memos = dict(old.coding_memos)
    for coding_id in ids:
        coding_memos.pop(coding_id, None)
    fresh = np.zeros((0, len(_CODING_COLUMNS)), dtype=np.int64)
    if ids:  # ids are integers: safe to write into the statement
        listed = ", ".join(map(str, ids))
        fresh = _int_table(raw, "coding", _CODING_COLUMNS, f"WHERE id IN ({listed})")
        coding_memos.update(
            (coding_id, text)
            for coding_id, text in raw.execute(f"SELECT coding_id, text FROM memo WHERE coding_id IN ({listed})")
            if text.strip()
        )
    fresh = _of_coders(fresh, coders, selection.coders)
    starts = spliced(old.global_spans[0], removed) if "global_spans" in old.__dict__ else None
    table, places, fresh = _placed_at(unchanged, fresh, old.codes, old.documents, starts)
    data = ProjectData(
        name=old.name,  # the project's row: another change than of codings would have left a gap in the journal
        language=old.language,
        created_at=old.created_at,
        codes=old.codes,
        documents=old.documents,
        speakers=old.speakers,
        coders=coders,
        speaker_attributes=old.speaker_attributes,
        turn_table=old.turn_table,
        coding_table=table,
        coding_memos=coding_memos,
        code_memos=old.code_memos,
        votes=old.votes,  # another change than of codings would have left a gap in the journal
    )
    for name in _LAYOUT_PROPERTIES:
        if name in old.__dict__:
            data.__dict__[name] = old.__dict__[name]
    if "words" in old.__dict__:  # the same documents at the same places: the same words
        data.__dict__["words"] = WordCounter(
            data.corpus_slice, old.words.starts, old.words.ends, separators=old.words.separators
        )
    if places is not None and (old._parts is not None or any(name in old.__dict__ for name in _CODING_PROPERTIES)):
        _take_over_coding_columns(old, data, removed, places, fresh)
    return data


def _take_over_coding_columns(
    old: ProjectData, data: ProjectData, removed: np.ndarray, places: np.ndarray, fresh: np.ndarray
) -> None:
    """``data``'s per-coding columns and parts that ``old`` had computed: ``old``'s without the rows ``removed``,
    with those of ``fresh`` (computed as a fresh read would) inserted at ``places``, as its coding table was made."""
    part = ProjectData(
        name=data.name, language=data.language, created_at=data.created_at, codes=data.codes,
        documents=data.documents, speakers=data.speakers, coders=data.coders,
        speaker_attributes=data.speaker_attributes, turn_table=data.turn_table, coding_table=fresh,
    )
    for name in ("words", *_LAYOUT_PROPERTIES):  # the same layout: not computed again for a few codings
        if name in data.__dict__:
            part.__dict__[name] = data.__dict__[name]
    for name in _CODING_PROPERTIES:
        if name not in old.__dict__:
            continue
        if name == "global_spans":
            data.__dict__[name] = tuple(
                spliced(column, removed, places, new) for column, new in zip(old.global_spans, part.global_spans)
            )
        else:
            data.__dict__[name] = spliced(old.__dict__[name], removed, places, getattr(part, name))
    if old._parts is not None and len(removed) + len(places) <= 64:
        from app.analysis.parts import parts_taken_over  # parts.py builds on this module

        data._parts = parts_taken_over(old._parts, data, removed, places, part)


def _turn_table(rows: np.ndarray, documents: dict[int, DocumentInfo], wanted: set[int] | None) -> np.ndarray:
    table = rows
    keep = np.isin(table[:, 1], list(documents))
    if wanted is not None:
        keep &= np.isin(table[:, 3], list(wanted))
    table = table[keep]
    offsets = _lookup_array({doc.id: doc.offset for doc in documents.values()})
    return np.ascontiguousarray(table[np.argsort(table[:, 4] + offsets[table[:, 1]], kind="stable")])


def _coding_table(rows: np.ndarray, codes: dict[int, CodeInfo], documents: dict[int, DocumentInfo]) -> np.ndarray:
    """The selected codings as an array, sorted by their place in the global layout (documents in order,
    then start, end and id): binary searches over turns and words then walk memory forwards, several times
    faster, and quotes are in their order once sorted by code."""
    table = rows
    keep = np.isin(table[:, CODE], np.fromiter(codes, dtype=np.int64)) & np.isin(
        table[:, DOCUMENT], np.fromiter(documents, dtype=np.int64)
    )
    if not keep.all():
        table = table[keep]
    ids = table[:, ID]
    if len(ids) > 1 and not (ids[1:] > ids[:-1]).all():  # SQLite's table scan gives them by id already
        table = table[np.argsort(ids, kind="stable")]
    offsets = _lookup_array({doc.id: doc.offset for doc in documents.values()})
    return np.ascontiguousarray(table[_by_start_then_end(table[:, START] + offsets[table[:, DOCUMENT]], table[:, END])])


def _placed(
    ordered: np.ndarray, fresh: np.ndarray, codes: dict[int, CodeInfo], documents: dict[int, DocumentInfo]
) -> np.ndarray:
    """The codings ``ordered`` (in ``_coding_table``'s order) with the selected ones of ``fresh`` put in their
    places: a handful looked up by binary search instead of sorting 100,000 again."""
    return _placed_at(ordered, fresh, codes, documents)[0]


def _placed_at(
    ordered: np.ndarray, fresh: np.ndarray, codes: dict[int, CodeInfo], documents: dict[int, DocumentInfo],
    starts: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray | None, np.ndarray]:
    """``_placed``, and where the selected codings of ``fresh`` went: ``np.insert(ordered, places, selected)``
    is the table (``places`` None when all were sorted again). ``starts``: the global starts of ``ordered``,
    when known."""
    if len(fresh) > 1000:
        return _coding_table(np.concatenate([ordered, fresh]), codes, documents), None, fresh
    # A few rows: selected and ordered as _coding_table does (by global start, end, id), without numpy's
    # per-call costs.
    rows = sorted(
        (row for row in fresh.tolist() if row[CODE] in codes and row[DOCUMENT] in documents),
        key=lambda row: (row[START] + documents[row[DOCUMENT]].offset, row[END], row[ID]),
    )
    fresh = np.array(rows, dtype=np.int64).reshape(len(rows), len(_CODING_COLUMNS))
    if not rows:
        return ordered, np.zeros(0, dtype=np.int64), fresh
    if starts is None:
        offsets = _lookup_array({doc.id: doc.offset for doc in documents.values()})
        starts = ordered[:, START] + offsets[ordered[:, DOCUMENT]]
    places = []
    for row in rows:
        start = row[START] + documents[row[DOCUMENT]].offset
        low, high = np.searchsorted(starts, [start, start + 1]).tolist()
        # The codings starting there are ordered by end, then id.
        before = sum(1 for end, id_ in ordered[low:high, [END, ID]].tolist() if (end, id_) < (row[END], row[ID]))
        places.append(low + before)
    places = np.array(places, dtype=np.int64)
    return spliced(ordered, np.zeros(0, dtype=np.int64), places, fresh), places, fresh


def _by_start_then_end(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """The stable order by start, then end: ``np.lexsort((ends, starts))``, as one stable argsort of a combined
    key when the numbers allow it (positions are far below 2**31), which takes half the time."""
    if len(starts) and 0 <= starts.min() and starts.max() < 2**31 and 0 <= ends.min() and ends.max() < 2**31:
        return np.argsort(starts * (int(ends.max()) + 1) + ends, kind="stable")
    return np.lexsort((ends, starts))


def _load_codes(raw, chosen: Iterable[str]) -> dict[int, CodeInfo]:  # noqa: ANN001 - DB-API connection
    rows = {
        row[0]: row for row in raw.execute(
            "SELECT id, parent_id, name, color, definition, anchor_example, coding_rule, position FROM code"
        ).fetchall()
    }
    paths = code_paths_of((code_id, row[1], row[2]) for code_id, row in rows.items())
    # Siblings by position, then id, as the code tree shows them.
    in_order = depth_first((row[0], row[1]) for row in sorted(rows.values(), key=lambda row: (row[7], row[0])))
    keep: set[int] | None = None
    if chosen:
        by_path = {path: code_id for code_id, path in paths.items()}
        keep = set()
        for path in chosen:
            path = "/".join(part.strip() for part in path.split("/"))
            if path not in by_path:
                raise ServiceError(f"There is no code '{path}'.")
            keep.update(code_id for code_id, p in paths.items() if p == path or p.startswith(path + "/"))
    return {
        code_id: CodeInfo(
            id=code_id,
            parent_id=rows[code_id][1],
            name=rows[code_id][2],
            path=paths[code_id],
            depth=paths[code_id].count("/"),
            color=rows[code_id][3],
            definition=rows[code_id][4] or "",
            anchor_example=rows[code_id][5] or "",
            coding_rule=rows[code_id][6] or "",
        )
        for code_id in in_order
        if keep is None or code_id in keep
    }


def _load_documents(raw, chosen: Iterable[str]) -> dict[int, DocumentInfo]:  # noqa: ANN001 - DB-API connection
    # Sorted here, not by ORDER BY, which copied every text through SQLite's sorter (three times the time of
    # reading them).
    rows = sorted(raw.execute("SELECT position, id, name, sha256 FROM document").fetchall())
    chosen = list(chosen)
    if chosen:
        names = {row[2] for row in rows}
        for name in chosen:
            if name not in names:
                raise ServiceError(f"There is no document '{name}'.")
        rows = [row for row in rows if row[2] in chosen]
    texts = _texts_of(raw, [(doc_id, sha256) for _, doc_id, _, sha256 in rows])
    documents, offset = {}, 0
    for _, doc_id, name, sha256 in rows:
        text = texts[doc_id]
        documents[doc_id] = DocumentInfo(doc_id, name, text, sha256, offset)
        offset += len(text) + 1
    return documents


# A document's text never changes once imported (DESIGN: canonical, immutable text), so after a change the
# texts already read are taken again by their sha256 instead of reading megabytes of unchanged text.
_TEXTS_KEPT_CHARACTERS = 60_000_000  # as the word positions kept for them (word_index)
_texts: OrderedDict[str, str] = OrderedDict()


def _texts_of(connection, documents: list[tuple[int, str]]) -> dict[int, str]:
    """The text of each ``(id, sha256)``, read only for those not kept."""
    found, missing = {}, []
    with _kept_lock:
        for doc_id, sha256 in documents:
            text = _texts.get(sha256)
            if text is None:
                missing.append(doc_id)
            else:
                found[doc_id] = text
                _texts.move_to_end(sha256)
    if missing:  # ids are integers from the database: safe to write into the statement
        read = connection.execute(
            f"SELECT id, sha256, text FROM document WHERE id IN ({', '.join(map(str, missing))})"
        ).fetchall()
        with _kept_lock:
            for doc_id, sha256, text in read:
                found[doc_id] = _texts[sha256] = text
            held = sum(map(len, _texts.values()))
            while held > _TEXTS_KEPT_CHARACTERS and len(_texts) > 1:
                held -= len(_texts.popitem(last=False)[1])
    return found


def _speaker_ids(raw, chosen: Iterable[str]) -> set[int] | None:  # noqa: ANN001 - DB-API connection
    """The speakers of these names or aliases, matched as ``services.lookup.find_speaker`` matches them."""
    chosen = list(chosen)
    if not chosen:
        return None
    by_key = dict(raw.execute("SELECT key, speaker_id FROM speaker_alias").fetchall())
    by_key.update(raw.execute("SELECT key, id FROM speaker").fetchall())  # a speaker's own name comes first
    ids = set()
    for name in chosen:
        speaker_id = by_key.get(speaker_key(name))
        if speaker_id is None:
            raise ServiceError(f"There is no speaker '{name}'.")
        ids.add(speaker_id)
    return ids
