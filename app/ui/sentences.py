"""Sentence boundaries for "code the sentence": from the document's language index when it has a current one,
otherwise by a simple punctuation rule within the speaker's turn. Positions are code points throughout."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from app.analysis.sentence_rules import sentences_by_rule  # the same boundaries as the index, emoji included
from app.analysis.text_index import load_indexes, stale_documents
from app.models import Project

Span = tuple[int, int]


def indexed_sentences(project: Project, document_id: int) -> list[Span] | None:
    """The sentences the language index found in a document; None when it has no current index (none is built)."""
    with project.reading() as session:
        if stale_documents(session, [document_id]):
            return None
    index = load_indexes(project, [document_id]).get(document_id)
    if index is None:
        return None
    return [(int(s), int(e)) for s, e in zip(index.sentence_starts, index.sentence_ends, strict=True)]


def sentence_span(
    text: str, turn: Span, anchor: Span, indexed: Sequence[Span] | None = None
) -> Span | None:
    """The sentence(s) of ``turn`` that ``anchor`` touches: the one under a cursor (start == end) or every one a
    selection overlaps. ``indexed`` sentences are clipped to the turn; without them the punctuation rule splits it."""
    first, last = turn
    sentences = []
    if indexed:
        sentences = [(max(s, first), min(e, last)) for s, e in indexed if s < last and e > first]
    if not sentences:
        sentences = sentences_by_rule(text, first, last)
    if not sentences:
        return None
    start, end = anchor
    starts = [s for s, _ in sentences]
    # the sentence that holds the anchor's start (or, in the gap between two, the next one)
    i = max(0, bisect_right(starts, start) - 1)
    if sentences[i][1] <= start and i + 1 < len(sentences) and start > sentences[i][1]:
        i += 1
    j = max(i, bisect_right(starts, end - 1) - 1) if end > start else i
    return sentences[i][0], sentences[j][1]
