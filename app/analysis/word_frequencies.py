"""Word frequencies from the language index: per project, document, speaker, speaker attribute or code, counting
word forms or lemmas, with stop words left out.

The stop list is the project's own for the language when it has one (``services.set_stop_words``), else spaCy's.
A word is left out when its form or its lemma is on the list, so "ist" is gone whether forms ("ist") or lemmas
("sein") are counted. Numbers without letters are not words here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from sqlalchemy import select

from app.analysis.language import pipeline
from app.analysis.text_index import DocumentIndex, load_indexes, vocabulary_terms
from app.models import Attribute, AttributeScope, AttributeValue, Coding, Document, Project, Speaker, StopList, Term, Turn
from app.services import ServiceError
from app.services.lookup import code_paths

GROUPINGS = ("project", "document", "speaker", "attribute", "code")


@dataclass(frozen=True)
class WordCount:
    group: str | None  # the document, speaker, attribute value or code path; None for the whole project
    word: str
    count: int


def stop_words(project: Project, language: str) -> set[str]:
    """The stop list in force for a language (casefolded words)."""
    with project.reading() as session:
        row = session.get(StopList, language)
    if row is not None:
        return set(filter(None, row.words.split("\n")))
    return {word.casefold() for word in pipeline(language).nlp.Defaults.stop_words}


def word_frequencies(
    project: Project,
    *,
    by: str = "project",
    attribute: str | None = None,
    lemma: bool = False,
    documents: Sequence[str] = (),
    limit: int | None = None,
) -> list[WordCount]:
    """How often each word occurs in each group, most frequent first (``limit``: the first so many per group)."""
    if by not in GROUPINGS:
        raise ServiceError(f"Word frequencies are counted by {', '.join(GROUPINGS)}, not '{by}'.")
    if by == "attribute" and not attribute:
        raise ServiceError("Name the speaker attribute to count words by.")
    with project.reading() as session:
        rows = session.execute(select(Document.id, Document.name).order_by(Document.position, Document.id)).all()
        if documents:
            missing = set(documents) - {row.name for row in rows}
            if missing:
                raise ServiceError(f"There is no document '{sorted(missing)[0]}'.")
            rows = [row for row in rows if row.name in set(documents)]
        names = {row.id: row.name for row in rows}
    indexes = load_indexes(project, list(names))
    terms = vocabulary_terms(project)
    excluded = _excluded_terms(project, terms)
    grouping = _Grouping(project, by, attribute, names)
    counts: dict[tuple[int, int], int] = {}
    for document_id in names:
        index = indexes.get(document_id)
        if index is None or index.words == 0:
            continue
        words = index.lemmas if lemma else index.forms
        keep = ~(np.isin(index.forms, excluded) | np.isin(index.lemmas, excluded))
        for group, mask in grouping.masks(document_id, index):
            chosen = words[keep & mask]
            values, numbers = np.unique(chosen, return_counts=True)
            for term_id, number in zip(values.tolist(), numbers.tolist()):
                counts[(group, term_id)] = counts.get((group, term_id), 0) + number
    result: dict[int, list[WordCount]] = {}
    for (group, term_id), number in counts.items():
        result.setdefault(group, []).append(WordCount(grouping.label(group), terms[term_id][1], number))
    ordered = []
    for group in sorted(result, key=lambda g: grouping.order(g)):
        rows_ = sorted(result[group], key=lambda row: (-row.count, row.word.casefold()))
        ordered += rows_[:limit] if limit else rows_
    return ordered


def _excluded_terms(project: Project, terms: dict[int, tuple[str, str, bool]]) -> np.ndarray:
    """Term ids never counted: stop words (the project's list where it has one, else spaCy's) and numbers."""
    with project.reading() as session:
        own = {row.language: set(filter(None, row.words.split("\n"))) for row in session.scalars(select(StopList))}
        language_of = dict(session.execute(select(Term.id, Term.language)).all())
    excluded = []
    for term_id, (key, _text, default_stop) in terms.items():
        listed = own.get(language_of.get(term_id, ""))
        stop = default_stop if listed is None else key in listed
        if stop or not any(character.isalpha() for character in key):
            excluded.append(term_id)
    return np.array(excluded, dtype=np.int32)


class _Grouping:
    """Which words of a document belong to which group."""

    def __init__(self, project: Project, by: str, attribute: str | None, names: dict[int, str]) -> None:
        self.by, self.names = by, names
        self.labels: dict[int, str | None] = {0: None}
        self.turns: dict[int, list[tuple[int, int, int | None]]] = {}
        self.codings: dict[int, list[tuple[int, int, int]]] = {}
        with project.reading() as session:
            if by in ("speaker", "attribute"):
                for document_id, start, end, speaker_id in session.execute(
                    select(Turn.document_id, Turn.start, Turn.end, Turn.speaker_id).order_by(Turn.start)
                ):
                    self.turns.setdefault(document_id, []).append((start, end, speaker_id))
            if by == "speaker":
                self.labels.update(session.execute(select(Speaker.id, Speaker.name)).all())
            if by == "attribute":
                values = session.execute(
                    select(AttributeValue.speaker_id, AttributeValue.value)
                    .join(Attribute, Attribute.id == AttributeValue.attribute_id)
                    .where(Attribute.scope == AttributeScope.SPEAKER, Attribute.name == attribute)
                ).all()
                if not values and session.scalar(select(Attribute.id).where(Attribute.name == attribute)) is None:
                    raise ServiceError(f"There is no speaker attribute '{attribute}'.")
                distinct = sorted({value for _, value in values})
                self.labels.update({number + 1: value for number, value in enumerate(distinct)})
                self.value_of = {speaker: distinct.index(value) + 1 for speaker, value in values}
            if by == "code":
                self.labels.update(code_paths(session))
                for document_id, code_id, start, end in session.execute(
                    select(Coding.document_id, Coding.code_id, Coding.start, Coding.end)
                ):
                    self.codings.setdefault(document_id, []).append((code_id, start, end))
        if by == "document":
            self.labels.update(names)

    def label(self, group: int) -> str | None:
        return self.labels.get(group)

    def order(self, group: int) -> tuple:
        if self.by == "document":
            return (list(self.names).index(group),)
        label = self.labels.get(group)
        return (label is None, (label or "").casefold())

    def masks(self, document_id: int, index: DocumentIndex) -> list[tuple[int, np.ndarray]]:
        everything = np.ones(index.words, dtype=bool)
        if self.by == "project":
            return [(0, everything)]
        if self.by == "document":
            return [(document_id, everything)]
        if self.by == "code":
            masks: dict[int, np.ndarray] = {}
            for code_id, start, end in self.codings.get(document_id, ()):
                mask = masks.setdefault(code_id, np.zeros(index.words, dtype=bool))
                mask[np.searchsorted(index.word_starts, start):np.searchsorted(index.word_ends, end, side="right")] = True
            return list(masks.items())
        groups = np.zeros(index.words, dtype=np.int64)  # words outside any turn, or of nobody known: group 0
        for start, end, speaker_id in self.turns.get(document_id, ()):
            if speaker_id is None:
                continue
            group = speaker_id if self.by == "speaker" else self.value_of.get(speaker_id, 0)
            groups[np.searchsorted(index.word_starts, start):np.searchsorted(index.word_ends, end, side="right")] = group
        return [(int(group), groups == group) for group in np.unique(groups).tolist()]
