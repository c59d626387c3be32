"""Quotes: the coded passages of a code with where they come from (document, speaker, time stamp or
paragraph), who coded them, their weight and memo, and optionally the sentence around them.

A coded passage is a segment (``segments.py``): several coders' codings of it are one quote.
``coded_segments`` gives every segment this way (the CSV export); ``quotes`` those of one code or of each code,
in the code tree's order, then the documents' order and position in the text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

import numpy as np

from app.analysis.dataset import CODE, ProjectData, Selection, as_data
from app.analysis.parts import NONE
from app.models import Project
from app.services.changes import ServiceError

# Where a sentence ends: . ! ? … (with closing quotes/brackets) before white space, or a line break.
SENTENCE_END = re.compile(r"[.!?…][\"'”“»)\]]*(?=\s)|\n")
CONTEXT_LIMIT = 400  # characters at most on each side: a run-on sentence must not become a page


class Quote(NamedTuple):  # a named tuple, not a frozen dataclass: a report makes 10,000, five times faster
    code: str  # path
    document: str
    speaker: str | None  # the speakers whose turns the passage touches, joined by ", "
    start: int
    end: int
    text: str
    time: str | None  # the time stamp of the turn where it starts, h:mm:ss
    paragraph: int  # the line of the document it starts in, from 1
    coder: str  # the coders of the passage (several coders' codings of one passage are one segment), ", "-joined
    weight: int  # the highest of its codings' weights
    memo: str | None
    before: str = ""  # the rest of the sentence before the passage (with_context only)
    after: str = ""  # the rest of the sentence after it

    @property
    def where(self) -> str:
        """Time stamp if there is one, else paragraph: the short form of the attribution."""
        return self.time if self.time is not None else f"¶ {self.paragraph}"


def coded_segments(source: Project | ProjectData, selection: Selection | None = None) -> list[Quote]:
    """Every segment, in the order of ``quotes``."""
    data = as_data(source, selection)
    return _quotes(data, _ordered(data, np.arange(len(data.coding_table))), with_context=False)


def quotes(
    source: Project | ProjectData,
    code: str | None = None,
    *,
    per_code: int | None = None,
    limit: int | None = None,
    with_subcodes: bool = False,
    with_context: bool = False,
    selection: Selection | None = None,
) -> list[Quote]:
    """The quotes of the code at path ``code`` (with its sub-codes' if asked), or of every code; at most
    ``per_code`` of each code and ``limit`` in all, the first ones in the text.

    Which codings are quoted is chosen over the arrays of all codings; only those are then made into quotes
    (their text sliced, their speakers, time and paragraph looked up).
    """
    data = as_data(source, selection)
    indexes = np.arange(len(data.coding_table))
    if code is not None:
        chosen = next((c for c in data.codes.values() if c.path == code), None)
        if chosen is None:
            raise ServiceError(f"There is no code '{code}'.")
        wanted = data.subtree(chosen.id) if with_subcodes else [chosen.id]
        indexes = np.flatnonzero(np.isin(data.coding_table[:, CODE], wanted))
    ordered = _ordered(data, indexes)
    if per_code is not None and len(ordered):
        # Sorted by code first: each code's codings are one run; keep the first ``per_code`` of each run.
        code_of = data.code_index[ordered]
        run_start = np.flatnonzero(np.concatenate(([True], code_of[1:] != code_of[:-1])))
        within = np.arange(len(ordered)) - np.repeat(run_start, np.diff(np.append(run_start, len(ordered))))
        ordered = ordered[within < per_code]
    if limit is not None:
        ordered = ordered[:limit]
    return _quotes(data, ordered, with_context=with_context)


def _ordered(data: ProjectData, indexes: np.ndarray) -> np.ndarray:
    """``indexes`` (into the codings, ascending) by code (tree order), document (project order), start, end and id.

    The codings are in the order of document, start, end and id already: a stable sort by code is enough.
    """
    indexes = np.asarray(indexes, dtype=np.int64)
    return indexes[np.argsort(data.code_index[indexes], kind="stable")]


def _quotes(data: ProjectData, indexes: np.ndarray, *, with_context: bool) -> list[Quote]:
    indexes = np.asarray(indexes, dtype=np.int64)
    if len(indexes) == 0:
        return []
    parts = data.parts()
    # The parts are sorted by coding: each coding's parts are one slice.
    lows = np.searchsorted(parts.coding, indexes, side="left")
    highs = np.searchsorted(parts.coding, indexes, side="right")
    part_speakers = parts.speaker.tolist()
    first_turn = np.where(highs > lows, parts.turn[np.minimum(lows, len(parts.turn) - 1)], NONE)
    last_turn = np.where(highs > lows, parts.turn[np.maximum(highs - 1, 0)], NONE)
    turn_table = data.turn_table
    # A project may have no turns at all (a protocol, a field note, a project from another tool): then no
    # passage has a turn to take a time from, and the table has no row to look one up in.
    start_ms = (np.where(first_turn != NONE, turn_table[np.maximum(first_turn, 0), 6], -1) if len(turn_table)
                else np.full(len(indexes), -1, dtype=np.int64))
    rows = data.coding_table[indexes]
    paragraphs = _paragraphs(data, data.global_spans[0][indexes], data.document_index[indexes])
    paths = {code_id: code.path for code_id, code in data.codes.items()}
    speaker_names = [data.speakers[sid] for sid in data.speaker_ids]
    times: dict[int, str | None] = {-1: None}  # many quotes start in the same turn
    coders, memos, documents, shared = data.coders, data.coding_memos, data.documents, data.segment_coders
    found = []
    for (coding_id, doc_id, code_id, coder_id, start, end, weight), low, high, first, last, ms, paragraph in zip(
        rows.tolist(), lows.tolist(), highs.tolist(), first_turn.tolist(), last_turn.tolist(), start_ms.tolist(),
        paragraphs.tolist(),
    ):
        document = documents[doc_id]
        if high - low == 1:  # the passage lies in one turn: most do
            speaker = None if part_speakers[low] == NONE else speaker_names[part_speakers[low]]
        else:
            speakers = dict.fromkeys(s for s in part_speakers[low:high] if s != NONE)
            speaker = ", ".join(speaker_names[s] for s in speakers) or None
        if ms not in times:
            times[ms] = format_time(ms)
        before = after = ""
        if with_context:  # within the turns it touches: the speaker label is not part of the sentence
            lower = int(turn_table[first, 4]) if first != NONE else 0
            upper = int(turn_table[last, 5]) if last != NONE else len(document.text)
            before, after = _sentence_around(document.text, start, end, min(lower, start), max(upper, end))
        found.append(
            Quote(paths[code_id], document.name, speaker, start, end, document.text[start:end], times[ms], paragraph,
                  ", ".join(coders.get(c, "") for c in shared[coding_id]) if coding_id in shared
                  else coders.get(coder_id, ""), weight, memos.get(coding_id), before, after)
        )
    return found


def _paragraphs(data: ProjectData, starts: np.ndarray, documents: np.ndarray) -> np.ndarray:
    """The line (from 1) each global position lies in, within its document: the line breaks before it, + 1."""
    breaks = data.line_breaks  # global positions of every "\n" of the texts
    offsets = np.array([doc.offset for doc in data.documents.values()], dtype=np.int64)
    before_document = np.searchsorted(breaks, offsets[documents], side="left")
    return np.searchsorted(breaks, starts, side="left") - before_document + 1


def format_time(milliseconds: int | None) -> str | None:
    if milliseconds is None:
        return None
    seconds = milliseconds // 1000
    return f"{seconds // 3600}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def _sentence_around(text: str, start: int, end: int, lower: int, upper: int) -> tuple[str, str]:
    """The text from the sentence start before ``start`` and to the sentence end after ``end``, within
    ``[lower, upper)``; nothing after a passage that ends its sentence itself."""
    sentence_start = max(lower, start - CONTEXT_LIMIT)
    for match in SENTENCE_END.finditer(text, sentence_start, start):
        sentence_start = match.end()
    if text[start:end].rstrip("\"'”“»)] \n")[-1:] in (".", "!", "?", "…"):
        return text[sentence_start:start].lstrip(), ""
    limit = min(upper, end + CONTEXT_LIMIT)
    match = SENTENCE_END.search(text, end, limit)
    sentence_end = limit if match is None else (match.start() if match.group() == "\n" else match.end())
    return text[sentence_start:start].lstrip(), text[end:sentence_end]
