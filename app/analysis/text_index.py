"""Build, store and load the language index of documents: every word with its position, form and lemma, and
the sentences, so that searching and counting never run spaCy again.

Only the speaker turns are read (a document without turns is read whole): speaker labels are not words anybody
said, and a sentence never runs from one turn into the next. Indexing writes one document per transaction, so a
cancelled run keeps what it finished. The index is derived data: it is rebuilt whenever it is missing, older than
``INDEX_VERSION`` or in another language than the document's, and it is never part of an undo step.
"""

from __future__ import annotations

import itertools
import time
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from spacy.attrs import IDX, IS_SPACE, LEMMA, LENGTH, ORTH, SENT_START

from app.analysis.language import Pipeline, detect_language, normalise_language, pipeline
from app.analysis.sentence_rules import emoji_runs, has_emoji
from app.models import Document, Project, ProjectInfo, Term, TextIndex, Turn
from app.services import ChangeSet, Ref

INDEX_VERSION = 2  # 2: sentences end after emoji (app/analysis/sentence_rules.py)
_ATTRS = [IDX, LENGTH, ORTH, LEMMA, SENT_START, IS_SPACE]
_I32 = np.dtype("<i4")

Progress = Callable[[float, str], None]
Cancelled = Callable[[], bool]
_BATCH_SECONDS = 1.0


@dataclass(frozen=True)
class DocumentIndex:
    """One document's words (positions in code points, form and lemma as term ids) and sentences."""

    document_id: int
    language: str
    word_starts: np.ndarray
    word_ends: np.ndarray
    forms: np.ndarray
    lemmas: np.ndarray
    sentence_starts: np.ndarray
    sentence_ends: np.ndarray

    @property
    def words(self) -> int:
        return len(self.forms)


class Vocabulary:
    """The project's terms of one language, with the ones this run adds (written with the index)."""

    def __init__(self, session: Session, language: str, pipe: Pipeline, term_ids: Iterator[int]) -> None:
        self.language = language
        self.pipeline = pipe
        self.ids: dict[str, int] = dict(
            session.execute(select(Term.key, Term.id).where(Term.language == language)).all()
        )
        # Shared by the vocabularies of all languages in a run: term ids are unique across the whole table.
        self._term_ids = term_ids
        self.new: list[dict] = []
        self._pairs: dict[int, tuple[int, int]] = {}  # (orth, lemma) hash -> (form id, lemma id); 0: no word
        self._stop = pipe.nlp.Defaults.stop_words

    def term(self, text: str) -> int:
        key = text.casefold()
        term_id = self.ids.get(key)
        if term_id is None:
            term_id = self.ids[key] = next(self._term_ids)
            stop = key in self._stop or text.lower() in self._stop
            self.new.append({"id": term_id, "language": self.language, "key": key, "text": text, "stop": stop})
        return term_id

    def ids_of(self, orths: np.ndarray, lemmas: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Term ids of forms and lemmas, looked up once per distinct (form, lemma) pair."""
        pairs = orths ^ (lemmas * np.uint64(0x9E3779B97F4A7C15))
        distinct, first, inverse = np.unique(pairs, return_index=True, return_inverse=True)
        strings = self.pipeline.nlp.vocab.strings
        table = np.empty((len(distinct), 2), dtype=np.int64)
        for row, (pair, at) in enumerate(zip(distinct.tolist(), first.tolist())):
            found = self._pairs.get(pair)
            if found is None:
                found = self._pairs[pair] = self._ids(strings[int(orths[at])], strings[int(lemmas[at])])
            table[row] = found
        mapped = table[inverse.reshape(-1)]
        return mapped[:, 0], mapped[:, 1]

    def _ids(self, word: str, found_lemma: str) -> tuple[int, int]:
        if not any(character.isalnum() for character in word):
            return 0, 0  # punctuation, dashes, emoji: not words
        lemma = self.pipeline.lemmatiser.lemma(word, found_lemma)
        lemma_id = self.term(lemma)
        # Stop words are shown in lower case (a sentence's first "Die" is the word "die"); others as written.
        shown = word.lower() if word.lower() in self._stop else word
        return self.term(shown), lemma_id


def reading_spans(text: str, turns: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a document that are read: its turns, or the whole text when it has none."""
    spans = [(start, end) for start, end in turns if end > start]
    return spans or ([(0, len(text))] if text else [])


def build_index(document_id: int, text: str, spans: Sequence[tuple[int, int]], vocabulary: Vocabulary) -> DocumentIndex:
    """Read the spans of a text with the vocabulary's pipeline."""
    parts = []
    emoji = has_emoji(text)  # one look at the whole text: most transcripts have none
    for (start, end), doc in zip(spans, vocabulary.pipeline.nlp.pipe(text[start:end] for start, end in spans)):
        if len(doc):
            array = doc.to_array(_ATTRS)
            array[:, 0] += start
            if emoji:
                _emoji_sentences(array, text, start, end)
            array[0, 4] = 1  # a turn begins a sentence
            parts.append(array)
    if not parts:
        empty = np.zeros(0, dtype=_I32)
        return DocumentIndex(document_id, vocabulary.language, *([empty] * 6))
    tokens = np.concatenate(parts)
    space = tokens[:, 5] == 1
    # The sentencizer begins the sentence after "gut.\n\n" at the line break: hand that start on to the next word,
    # or it would be lost with the whitespace token and two paragraphs of a turn would make one sentence.
    moved, words_at = np.flatnonzero(space & (tokens[:, 4] == 1)), np.flatnonzero(~space)
    if len(moved) and len(words_at):
        following = np.searchsorted(words_at, moved)
        tokens[words_at[following[following < len(words_at)]], 4] = 1
    tokens = tokens[~space]  # whitespace tokens (blank lines) are no part of a sentence
    starts = tokens[:, 0].astype(np.int64)
    ends = starts + tokens[:, 1].astype(np.int64)
    sentence_first = np.flatnonzero(tokens[:, 4] == 1)
    if len(sentence_first) == 0 or sentence_first[0] != 0:
        sentence_first = np.concatenate([[0], sentence_first])
    sentence_last = np.concatenate([sentence_first[1:] - 1, [len(tokens) - 1]])
    forms, lemmas = vocabulary.ids_of(tokens[:, 2], tokens[:, 3])
    words = forms > 0
    return DocumentIndex(
        document_id,
        vocabulary.language,
        starts[words].astype(_I32),
        ends[words].astype(_I32),
        forms[words].astype(_I32),
        lemmas[words].astype(_I32),
        starts[sentence_first].astype(_I32),
        ends[sentence_last].astype(_I32),
    )


def _emoji_sentences(tokens: np.ndarray, text: str, start: int, end: int) -> None:
    """Move sentence starts around the emoji of one turn as ``emoji_runs`` says (the pipeline knows no emoji)."""
    runs = emoji_runs(text, start, end)
    if not runs:
        return
    # Plain lists and bisect: a turn has some dozens of tokens, where numpy's per-call cost would dominate.
    positions, space, flags = tokens[:, 0].tolist(), tokens[:, 5].tolist(), tokens[:, 4]
    for run in runs:
        first, last = bisect_left(positions, run.start), bisect_left(positions, run.end)
        while first > 0 and space[first - 1]:  # the line breaks before it, which may carry a start too
            first -= 1
        flags[first:last] = 0  # no sentence begins at an emoji (a turn's first one is set back by the caller)
        if run.ends_sentence:
            following = last
            while following < len(space) and space[following]:
                following += 1
            if following < len(space):
                flags[following] = 1


# --- which documents need an index, and building it ----------------------------------------------------------------


def document_language(session: Session, document: Document) -> str:
    """The language set by hand for the document, or else detected from its text."""
    if document.language:
        return normalise_language(document.language)
    info = session.get(ProjectInfo, 1)
    return detect_language(document.text, default=normalise_language(info.language if info else None))


@dataclass(frozen=True)
class DocumentLanguage:
    """The language a document is read in, whether the researcher set it, and that of its stored index."""

    document: str
    document_id: int
    language: str
    set_by_hand: bool
    indexed: str | None  # None: no index stored yet

    def as_json(self) -> dict:
        return {"document": self.document, "language": self.language, "set_by_hand": self.set_by_hand,
                "indexed": self.indexed}


def document_languages(project: Project, ids: Iterable[int] | None = None) -> list[DocumentLanguage]:
    """The language of the given documents (default: all), in the documents' order."""
    with project.reading() as session:
        indexed = dict(session.execute(select(TextIndex.document_id, TextIndex.language)).all())
        query = select(Document).order_by(Document.position, Document.id)
        documents = session.scalars(query if ids is None else query.where(Document.id.in_(list(ids)))).all()
        return [DocumentLanguage(row.name, row.id, document_language(session, row), bool(row.language),
                                 indexed.get(row.id)) for row in documents]


def stale_documents(session: Session, ids: Iterable[int] | None = None) -> list[int]:
    """Documents whose index is missing, older than this version, or in another language than set by hand."""
    query = select(Document.id, Document.language, TextIndex.version, TextIndex.language).outerjoin(
        TextIndex, TextIndex.document_id == Document.id
    )
    if ids is not None:
        query = query.where(Document.id.in_(list(ids)))
    stale = []
    for doc_id, wanted, version, language in session.execute(query.order_by(Document.position, Document.id)):
        if version != INDEX_VERSION or (wanted and normalise_language(wanted) != language):
            stale.append(doc_id)
    return stale


def new_term_ids(session: Session) -> Iterator[int]:
    """Ids for terms not stored yet, after the highest stored one."""
    return itertools.count((session.scalar(select(func.max(Term.id))) or 0) + 1)


def index_documents(
    project: Project,
    ids: Iterable[int] | None = None,
    progress: Progress | None = None,
    cancel: Cancelled | None = None,
    *,
    force: bool = False,
) -> ChangeSet:
    """Build the index of the given documents (default: all) that need one; ``force`` rebuilds them anyway.

    Runs in the background in the desktop app: ``progress(fraction, message)`` is called after each document, and
    ``cancel()`` is asked before each; a cancelled run keeps the documents already done.
    """
    with project.reading() as session:
        if force:
            query = select(Document.id).order_by(Document.position, Document.id)
            todo = list(session.scalars(query if ids is None else query.where(Document.id.in_(list(ids)))))
        else:
            todo = stale_documents(session, ids)
        term_ids = new_term_ids(session)
    changes = ChangeSet()
    vocabularies: dict[str, Vocabulary] = {}
    built: list[tuple[DocumentIndex, str]] = []
    written_at = time.perf_counter()
    for done, document_id in enumerate(todo):
        if cancel is not None and cancel():
            break
        with project.reading() as session:
            index, pipeline_name, name = _build_one(session, document_id, vocabularies, term_ids)
        built.append((index, pipeline_name))
        changes.updated.append(Ref("text_index", document_id))
        # Written in batches of about a second's work: a commit per small document would cost more than reading it.
        if time.perf_counter() - written_at > _BATCH_SECONDS:
            _write(project, built, vocabularies)
            built, written_at = [], time.perf_counter()
        if progress is not None:
            progress((done + 1) / len(todo), name)
    _write(project, built, vocabularies)
    return changes


def _build_one(
    session: Session, document_id: int, vocabularies: dict[str, Vocabulary], term_ids: Iterator[int]
) -> tuple[DocumentIndex, str, str]:
    document = session.get(Document, document_id)
    language = document_language(session, document)
    vocabulary = vocabularies.get(language)
    if vocabulary is None:
        vocabulary = vocabularies[language] = Vocabulary(session, language, pipeline(language), term_ids)
    turns = session.execute(
        select(Turn.start, Turn.end).where(Turn.document_id == document_id).order_by(Turn.start)
    ).all()
    built = build_index(document_id, document.text, reading_spans(document.text, turns), vocabulary)
    return built, vocabulary.pipeline.name, document.name


def _write(project: Project, built: list[tuple[DocumentIndex, str]], vocabularies: dict[str, Vocabulary]) -> None:
    """Store built indexes with the terms they brought, in one transaction."""
    if not built:
        return
    with project.transaction() as session:
        for vocabulary in vocabularies.values():
            if vocabulary.new:
                session.execute(Term.__table__.insert(), vocabulary.new)
                vocabulary.new = []
        for index, pipeline_name in built:
            row = session.get(TextIndex, index.document_id) or TextIndex(document_id=index.document_id)
            row.version, row.language, row.pipeline, row.words = INDEX_VERSION, index.language, pipeline_name, index.words
            row.word_starts, row.word_ends = index.word_starts.tobytes(), index.word_ends.tobytes()
            row.forms, row.lemmas = index.forms.tobytes(), index.lemmas.tobytes()
            row.sentence_starts, row.sentence_ends = index.sentence_starts.tobytes(), index.sentence_ends.tobytes()
            session.add(row)
    for index, _ in built:
        _kept.pop((project.path, index.document_id), None)


# --- reading it back -------------------------------------------------------------------------------------------


# Loaded indexes, by project file and document, with what identifies the stored build: a search reads them once.
_kept: dict[tuple[Path, int], tuple[tuple, DocumentIndex]] = {}


def _array(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, dtype=_I32)


def load_indexes(project: Project, ids: Iterable[int] | None = None) -> dict[int, DocumentIndex]:
    """The indexes of the given documents (default: all), building those that are missing or outdated first.

    A project open read-only cannot store an index; its documents are read in memory instead (slower, same
    result).
    """
    if not project.read_only:
        index_documents(project, ids)
    with project.reading() as session:
        query = select(TextIndex.document_id, TextIndex.built_at, TextIndex.words, TextIndex.pipeline).where(
            TextIndex.version == INDEX_VERSION
        )
        if ids is not None:
            query = query.where(TextIndex.document_id.in_(list(ids)))
        found, wanted = {}, []
        for document_id, *stamp in session.execute(query):
            kept = _kept.get((project.path, document_id))
            if kept is not None and kept[0] == tuple(stamp):
                found[document_id] = kept[1]
            else:
                wanted.append(document_id)
        for row in session.scalars(select(TextIndex).where(TextIndex.document_id.in_(wanted))):
            found[row.document_id] = loaded = DocumentIndex(
                row.document_id, row.language, _array(row.word_starts), _array(row.word_ends), _array(row.forms),
                _array(row.lemmas), _array(row.sentence_starts), _array(row.sentence_ends),
            )
            _kept[(project.path, row.document_id)] = ((row.built_at, row.words, row.pipeline), loaded)
        if project.read_only:
            for document_id in stale_documents(session, ids):
                found[document_id] = _in_memory(project, session, document_id)
    return found


def _in_memory(project: Project, session: Session, document_id: int) -> DocumentIndex:
    """An index built without storing it (new terms get ids beyond the stored ones, kept for this process)."""
    document = session.get(Document, document_id)
    language = document_language(session, document)
    path = str(project.path.resolve())
    vocabulary = _memory_vocabularies.get((path, language))
    if vocabulary is None:
        term_ids = _memory_term_ids.setdefault(path, new_term_ids(session))
        vocabulary = _memory_vocabularies[(path, language)] = Vocabulary(
            session, language, pipeline(language), term_ids
        )
    turns = session.execute(select(Turn.start, Turn.end).where(Turn.document_id == document_id)).all()
    return build_index(document_id, document.text, reading_spans(document.text, sorted(turns)), vocabulary)


_memory_vocabularies: dict[tuple[str, str], Vocabulary] = {}
_memory_term_ids: dict[str, Iterator[int]] = {}


def memory_terms(project: Project, language: str) -> dict[str, int]:
    """A read-only project's terms of a language as its in-memory indexes know them (key -> id), stored or not."""
    vocabulary = _memory_vocabularies.get((str(project.path.resolve()), language))
    return {} if vocabulary is None else vocabulary.ids


def vocabulary_terms(project: Project, language: str | None = None) -> dict[int, tuple[str, str, bool]]:
    """Every term of the project: id -> (key, shown text, on spaCy's stop list)."""
    with project.reading() as session:
        query = select(Term.id, Term.key, Term.text, Term.stop)
        if language is not None:
            query = query.where(Term.language == language)
        terms = {row.id: (row.key, row.text, row.stop) for row in session.execute(query)}
    for (path, lang), vocabulary in _memory_vocabularies.items():  # read-only projects: terms not stored
        if path == str(project.path.resolve()) and language in (None, lang):
            terms.update({new["id"]: (new["key"], new["text"], new["stop"]) for new in vocabulary.new})
    return terms
