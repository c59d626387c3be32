"""Finding every place a topic comes up: by word, phrase, lemma (every inflection), wildcard or regular expression,
within chosen documents, speakers, speaker attributes or coded passages; results as keyword-in-context lines.

Words are compared case-insensitively (``casefold``). Words, phrases, lemmas and wildcards are looked up in the
language index, so they never run spaCy over the documents; a regular expression runs over the text itself (it
may span words) and is case-insensitive too. Hits are limited to what the speakers said (the turns).
"""

from __future__ import annotations

import gc
import re
import sqlite3
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.analysis.dataset import _int_table
from app.analysis.language import pipeline
from app.analysis.text_index import DocumentIndex, load_indexes, memory_terms
from app.models import (
    Attribute,
    AttributeScope,
    AttributeValue,
    Code,
    Coding,
    Document,
    Project,
    Speaker,
    Term,
)
from app.services import ServiceError
from app.services.lookup import get_code, get_speaker

MODES = ("word", "phrase", "lemma", "wildcard", "regex")
CONTEXT = 60  # characters of context either side of a keyword-in-context line


@dataclass(frozen=True)
class Filters:
    """Where to look; every filter left empty means "everywhere"."""

    documents: Sequence[str] = ()
    speakers: Sequence[str] = ()
    attribute: tuple[str, str] | None = None  # a speaker attribute and its value: ("Institution", "IHK")
    codes: Sequence[str] = ()  # inside passages coded with one of these codes (or their sub-codes)


@dataclass(slots=True)
class Hit:
    """One hit. Its text and context are cut from the document's text when asked for: a search may have many."""

    document: str
    document_id: int
    start: int
    end: int
    speaker: str | None
    time_ms: int | None  # the turn's time stamp
    turn: tuple[int, int] | None = field(default=None, repr=False)  # the turn's span
    source: str = field(default="", repr=False, compare=False)  # the document's text
    context: int = field(default=CONTEXT, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.source[self.start:self.end]

    @property
    def before(self) -> str:
        return _flat(self.source[max(0, self.start - self.context):self.start])

    @property
    def after(self) -> str:
        return _flat(self.source[self.end:self.end + self.context])

    def line(self) -> str:
        """The keyword-in-context line: ``... before [hit] after ...``."""
        return f"{self.before}[{self.text}]{self.after}"

    def as_json(self) -> dict:
        return {"document": self.document, "start": self.start, "end": self.end, "text": self.text,
                "speaker": self.speaker}


# --- matching words in the index --------------------------------------------------------------------------------


def query_words(query: str, language: str) -> list[tuple[str, str]]:
    """The words of a query as the index reads them: (word, spaCy's lemma)."""
    doc = pipeline(language).nlp(query)
    return [(token.text, token.lemma_ or token.text) for token in doc if any(c.isalnum() for c in token.text)]


def _term_ids(session: Session, language: str, keys: set[str], extra: dict[str, int]) -> dict[str, int]:
    rows = session.execute(select(Term.key, Term.id).where(Term.language == language, Term.key.in_(keys)))
    found = dict(rows.all())
    found.update((key, extra[key]) for key in keys if key in extra)
    return found


def _wildcard(word: str) -> re.Pattern[str]:
    pattern = "".join(".*" if c == "*" else "." if c == "?" else re.escape(c) for c in word.casefold())
    return re.compile(pattern, re.DOTALL)


def word_patterns(
    session: Session, query: str, mode: str, language: str, extra: dict[str, int] | None = None
) -> list[tuple[str, np.ndarray]]:
    """For each word of the query: which array to look in ("forms" or "lemmas") and the term ids that match.

    ``extra``: terms not stored (key -> id), those of a read-only project's indexes built in memory.
    """
    extra = extra or {}
    if mode == "wildcard":
        words = [word for word in re.split(r"\s+", query.strip()) if word]
        keys = session.execute(select(Term.key, Term.id).where(Term.language == language)).all()
        if extra:
            keys = list({**dict(keys), **extra}.items())
        patterns = []
        for word in words:
            pattern = _wildcard(word)
            patterns.append(("forms", np.array([i for key, i in keys if pattern.fullmatch(key)], dtype=np.int32)))
        return patterns
    words = query_words(query, language)
    if mode == "lemma":
        lemmatiser = pipeline(language).lemmatiser
        wanted = [lemmatiser.query_lemmas(word, lemma) for word, lemma in words]
        column = "lemmas"
    else:
        wanted = [{word.casefold()} for word, _ in words]
        column = "forms"
    ids = _term_ids(session, language, set().union(*wanted), extra)
    return [(column, np.array(sorted(ids[key] for key in keys if key in ids), dtype=np.int32)) for keys in wanted]


def match_words(index: DocumentIndex, patterns: list[tuple[str, np.ndarray]]) -> tuple[np.ndarray, np.ndarray]:
    """Starts and ends of every run of consecutive words matching the patterns in order."""
    n, k = index.words, len(patterns)
    if k == 0 or n < k or any(len(ids) == 0 for _, ids in patterns):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    found = np.ones(n - k + 1, dtype=bool)
    for offset, (column, ids) in enumerate(patterns):
        values = getattr(index, column)[offset : n - k + 1 + offset]
        found &= values == ids[0] if len(ids) == 1 else np.isin(values, ids)
    first = np.flatnonzero(found)
    return index.word_starts[first].astype(np.int64), index.word_ends[first + k - 1].astype(np.int64)


# --- the search -------------------------------------------------------------------------------------------------


def search(
    project: Project, query: str, *, mode: str = "word", filters: Filters | None = None, context: int = CONTEXT
) -> list[Hit]:
    """Every hit of ``query`` (see ``MODES``), in document order."""
    if mode not in MODES:
        raise ServiceError(f"Unknown search mode '{mode}' (use one of {', '.join(MODES)}).")
    if not query.strip():
        raise ServiceError("The search is empty.")
    if mode == "word" and len(query.split()) > 1:
        mode = "phrase"
    filters = filters or Filters()
    regex = _compile(query) if mode == "regex" else None
    with project.reading() as session:
        document_ids = _document_ids(session, filters.documents)
    indexes = load_indexes(project, document_ids)
    found: list[tuple[int, np.ndarray, np.ndarray]] = []  # (document, hit starts, hit ends), in document order
    with project.reading() as session:
        scope = _Scope(session, filters)
        texts = _Texts(session)
        if regex is None:
            patterns: dict[str, list[tuple[str, np.ndarray]]] = {}
            for document_id in document_ids:
                index = indexes.get(document_id)
                if index is None:
                    continue
                if index.language not in patterns:
                    extra = memory_terms(project, index.language) if project.read_only else None
                    patterns[index.language] = word_patterns(session, query, mode, index.language, extra)
                starts, ends = match_words(index, patterns[index.language])
                if len(starts):
                    found.append((document_id, starts, ends))
            texts.load([document_id for document_id, _, _ in found])
        else:
            for document_id in document_ids:
                if document_id not in indexes:
                    continue
                text = texts.get(document_id)
                spans = [(m.start(), m.end()) for m in regex.finditer(text) if m.end() > m.start()]
                starts = np.array([s for s, _ in spans], dtype=np.int64)
                ends = np.array([e for _, e in spans], dtype=np.int64)
                found.append((document_id, starts, ends))
        hits: list[Hit] = []
        with _collector_paused():
            # The turns of every document with hits in one query, not one query per document.
            scope.load_turns(project.path, [document_id for document_id, starts, _ in found if len(starts)])
            for document_id, starts, ends in found:
                hits += scope.hits(document_id, texts.get(document_id), starts, ends, context)
    return hits


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cycle collector off while tens of thousands of turns and hits are made (they hold no cycles): its
    full passes, set off by so many new objects, took as long as making them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


_CHUNK = 500  # ids per "IN (...)": far below SQLite's limit on parameters


class _Texts:
    """Document texts read through the DB-API cursor, several per query; each read once per search."""

    def __init__(self, session: Session) -> None:
        self.cursor = session.connection().connection.dbapi_connection
        self.texts: dict[int, str] = {}

    def load(self, ids: Sequence[int]) -> None:
        for chunk in range(0, len(ids), _CHUNK):
            part = ids[chunk : chunk + _CHUNK]
            mark = "?" if isinstance(self.cursor, sqlite3.Connection) else "%s"  # psycopg: a team project
            marks = ", ".join([mark] * len(part))
            self.texts.update(self.cursor.execute(f"SELECT id, text FROM document WHERE id IN ({marks})", part))

    def get(self, document_id: int) -> str:
        if document_id not in self.texts:
            self.load([document_id])
        return self.texts[document_id]


def _compile(query: str) -> re.Pattern[str]:
    try:
        return re.compile(query, re.IGNORECASE | re.MULTILINE)
    except re.error as exc:
        raise ServiceError(f"'{query}' is not a valid regular expression ({exc}).") from exc


def _document_ids(session: Session, names: Sequence[str]) -> list[int]:
    query = select(Document.id, Document.name).order_by(Document.position, Document.id)
    rows = session.execute(query).all()
    if not names:
        return [row.id for row in rows]
    by_name = {row.name: row.id for row in rows}
    missing = [name for name in names if name not in by_name]
    if missing:
        raise ServiceError(f"There is no document '{missing[0]}'.")
    wanted = set(names)
    return [row.id for row in rows if row.name in wanted]


class _Scope:
    """The filters, resolved once: which speakers count, which coded passages; and what a hit shows."""

    def __init__(self, session: Session, filters: Filters) -> None:
        self.session = session
        self.names = dict(session.execute(select(Document.id, Document.name)).all())
        self.speaker_names = dict(session.execute(select(Speaker.id, Speaker.name)).all())
        self.speakers: set[int] | None = None
        if filters.speakers:
            self.speakers = {get_speaker(session, name).id for name in filters.speakers}
        if filters.attribute is not None:
            having = _speakers_with(session, *filters.attribute)
            self.speakers = having if self.speakers is None else self.speakers & having
        self.code_ids: set[int] | None = None
        if filters.codes:
            self.code_ids = set()
            for path in filters.codes:
                self.code_ids |= _with_sub_codes(session, get_code(session, path).id)

    def load_turns(self, path: Path, document_ids: Sequence[int]) -> None:
        """Have the turns of these documents (by start), as columns per document, for ``hits``.

        Turns read once are kept for the next search as long as the database is unchanged (``_database_state``):
        reading fifty thousand turns was the larger part of a search over two million words.
        """
        cursor = self.session.connection().connection.dbapi_connection
        state = _database_state(cursor)
        kept = _kept_turns.get(path)
        if kept is None or kept[0] != state:
            _kept_turns.clear()  # one project's turns at a time
            kept = _kept_turns[path] = (state, {})
        self.turns = kept[1]
        missing = [document_id for document_id in document_ids if document_id not in self.turns]
        for document_id in missing:
            self.turns[document_id] = _NO_TURNS
        for chunk in range(0, len(missing), _CHUNK):
            part = list(missing[chunk : chunk + _CHUNK])
            table = _int_table(
                cursor, "turn", ("document_id", "start", '"end"', "id", "speaker_id IS NULL", "coalesce(speaker_id, 0)",
                                 "start_ms IS NULL", "coalesce(start_ms, 0)"),
                f"WHERE document_id IN ({', '.join('?' * len(part))})", part,
            )
            if len(table) == 0:
                continue
            # The order of the (document, start) index: ties by row id.
            table = table[np.lexsort((table[:, 3], table[:, 1], table[:, 0]))]
            documents = table[:, 0]
            speakers = [None if null else sid for null, sid in table[:, 4:6].tolist()]
            times = [None if null else ms for null, ms in table[:, 6:8].tolist()]
            bounds = np.flatnonzero(np.diff(documents)).tolist()
            for lo, hi in zip([0, *(b + 1 for b in bounds)], [*(b + 1 for b in bounds), len(table)]):
                self.turns[int(documents[lo])] = (table[lo:hi, 1], table[lo:hi, 2], speakers[lo:hi], times[lo:hi])

    def hits(self, document_id: int, text: str, starts: np.ndarray, ends: np.ndarray, context: int) -> list[Hit]:
        turn_starts, turn_ends, turn_speakers, turn_times = self.turns.get(document_id, _NO_TURNS)
        keep = np.ones(len(starts), dtype=bool)
        turn_of = np.full(len(starts), -1, dtype=np.int64)
        if len(turn_starts):
            turn_of = np.searchsorted(turn_starts, starts, side="right") - 1
            inside = turn_of >= 0
            safe = np.maximum(turn_of, 0)
            keep &= inside & (ends <= turn_ends[safe]) & (starts >= turn_starts[safe])
            if self.speakers is not None:
                speaker_ok = np.array([sid in self.speakers for sid in turn_speakers], dtype=bool)
                keep &= speaker_ok[safe]
        elif self.speakers is not None:
            keep[:] = False
        if self.code_ids is not None:
            keep &= self._inside_codings(document_id, starts, ends)
        document = self.names[document_id]
        count = int(np.count_nonzero(keep))
        # Built column by column: a Python loop indexing numpy scalars and rows cost five times the Hits.
        if len(turn_starts):
            turn = turn_of[keep]
            turn_list = turn.tolist()
            names = self.speaker_names
            speakers = [names.get(sid) for sid in turn_speakers]
            speaker = [speakers[t] for t in turn_list]
            time_ms = [turn_times[t] for t in turn_list]
            turn_spans = list(zip(turn_starts.tolist(), turn_ends.tolist()))  # one tuple per turn, shared
            spans = [turn_spans[t] for t in turn_list]
        else:
            speaker = time_ms = spans = [None] * count
        return list(map(
            Hit, repeat(document, count), repeat(document_id, count), starts[keep].tolist(), ends[keep].tolist(),
            speaker, time_ms, spans, repeat(text, count), repeat(context, count),
        ))

    def _inside_codings(self, document_id: int, starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
        codings = self.session.execute(
            select(Coding.start, Coding.end).where(
                Coding.document_id == document_id, Coding.code_id.in_(self.code_ids)
            ).order_by(Coding.start)
        ).all()
        coding_starts = [c[0] for c in codings]
        inside = np.zeros(len(starts), dtype=bool)
        for i, (start, end) in enumerate(zip(starts.tolist(), ends.tolist())):
            # Any coding that begins at or before the hit may contain it; codings are few per hit position.
            j = bisect_right(coding_starts, start)
            inside[i] = any(codings[c][1] >= end for c in range(j - 1, -1, -1))
        return inside


# The turns read last: by project file, the database state they were read in and, per document, its columns.
_kept_turns: dict[Path, tuple[tuple, dict[int, tuple[np.ndarray, np.ndarray, list[int | None], list[int | None]]]]] = {}


def _database_state(connection: sqlite3.Connection) -> tuple:
    """What changes whenever the database seen through this connection may have: SQLite's ``data_version`` changes
    when another connection (of this process or another) has committed, ``total_changes`` counts this connection's
    own inserts, updates and deletes. Equal states on the same connection mean the same data."""
    if not isinstance(connection, sqlite3.Connection):
        return (object(),)  # a team project: colleagues change it any time, nothing is kept
    return connection, connection.execute("PRAGMA data_version").fetchone()[0], connection.total_changes


_NO_TURNS: tuple[np.ndarray, np.ndarray, list[int | None], list[int | None]] = (
    np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), [], []
)


def _flat(text: str) -> str:
    """Context on one line: line breaks and tabs become spaces."""
    return _SPACES.sub(" ", text)


_SPACES = re.compile(r"\s+")


def _speakers_with(session: Session, attribute: str, value: str) -> set[int]:
    rows = session.execute(
        select(AttributeValue.speaker_id, AttributeValue.value)
        .join(Attribute, Attribute.id == AttributeValue.attribute_id)
        .where(Attribute.scope == AttributeScope.SPEAKER, Attribute.name == attribute)
    ).all()
    if not rows and session.scalar(select(Attribute.id).where(Attribute.name == attribute)) is None:
        raise ServiceError(f"There is no speaker attribute '{attribute}'.")
    wanted = value.strip().casefold()
    return {speaker_id for speaker_id, stored in rows if stored.strip().casefold() == wanted}


def _with_sub_codes(session: Session, code_id: int) -> set[int]:
    children: dict[int | None, list[int]] = {}
    for child, parent in session.execute(select(Code.id, Code.parent_id)):
        children.setdefault(parent, []).append(child)
    found, todo = set(), [code_id]
    while todo:
        current = todo.pop()
        found.add(current)
        todo += children.get(current, [])
    return found
