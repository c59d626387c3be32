"""Quotes: the coded passages of a code with where they come from (document, speaker, time stamp or
paragraph), who coded them, their weight and memo, and optionally the sentence around them.

``coded_segments`` gives every coding this way (the CSV export); ``quotes`` those of one code or of each code,
in the code tree's order, then the documents' order and position in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

import numpy as np

from app.analysis.dataset import ProjectData, Selection, as_data
from app.analysis.parts import NONE
from app.models import Project
from app.services.changes import ServiceError

# Where a sentence ends: . ! ? … (with closing quotes/brackets) before white space, or a line break.
SENTENCE_END = re.compile(r"[.!?…][\"'”“»)\]]*(?=\s)|\n")
CONTEXT_LIMIT = 400  # characters at most on each side: a run-on sentence must not become a page


@dataclass(frozen=True)
class Quote:
    code: str  # path
    document: str
    speaker: str | None  # the speakers whose turns the passage touches, joined by ", "
    start: int
    end: int
    text: str
    time: str | None  # the time stamp of the turn where it starts, h:mm:ss
    paragraph: int  # the line of the document it starts in, from 1
    coder: str
    weight: int
    memo: str | None
    before: str = ""  # the rest of the sentence before the passage (with_context only)
    after: str = ""  # the rest of the sentence after it

    @property
    def where(self) -> str:
        """Time stamp if there is one, else paragraph: the short form of the attribution."""
        return self.time if self.time is not None else f"¶ {self.paragraph}"


def coded_segments(source: Project | ProjectData, selection: Selection | None = None) -> list[Quote]:
    """Every coding, in the order of ``quotes``."""
    data = as_data(source, selection)
    return _quotes(data, _ordered(data, range(len(data.coding_table))), with_context=False)


def quotes(
    source: Project | ProjectData,
    code: str | None = None,
    *,
    per_code: int | None = None,
    with_subcodes: bool = False,
    with_context: bool = False,
    selection: Selection | None = None,
) -> list[Quote]:
    """The quotes of the code at path ``code`` (with its sub-codes' if asked), or of every code; at most
    ``per_code`` of each code, the first ones in the text."""
    data = as_data(source, selection)
    wanted: set[int] | None = None
    if code is not None:
        chosen = next((c for c in data.codes.values() if c.path == code), None)
        if chosen is None:
            raise ServiceError(f"There is no code '{code}'.")
        wanted = set(data.subtree(chosen.id)) if with_subcodes else {chosen.id}
    indexes = range(len(data.coding_table))
    if wanted is not None:
        indexes = [i for i, row in enumerate(data.codings) if row[2] in wanted]
    ordered = _ordered(data, indexes)
    if per_code is not None:
        taken: dict[int, int] = {}
        kept = []
        for i in ordered:
            code_id = data.codings[i][2]
            if taken.get(code_id, 0) < per_code:
                taken[code_id] = taken.get(code_id, 0) + 1
                kept.append(i)
        ordered = kept
    return _quotes(data, ordered, with_context=with_context)


def _ordered(data: ProjectData, indexes) -> list[int]:
    code_rank = {code_id: i for i, code_id in enumerate(data.codes)}
    doc_rank = {doc_id: i for i, doc_id in enumerate(data.documents)}
    rows = data.codings
    return sorted(indexes, key=lambda i: (code_rank[rows[i][2]], doc_rank[rows[i][1]], rows[i][4], rows[i][5], rows[i][0]))


def _quotes(data: ProjectData, indexes: list[int], *, with_context: bool) -> list[Quote]:
    parts = data.parts()
    # The parts are sorted by coding: each coding's parts are one slice.
    part_bounds = np.searchsorted(parts.coding, np.arange(len(data.coding_table) + 1))
    line_starts: dict[int, list[int]] = {}
    found = []
    for i in indexes:
        coding_id, doc_id, code_id, coder_id, start, end, weight = data.codings[i]
        document = data.documents[doc_id]
        low, high = int(part_bounds[i]), int(part_bounds[i + 1])
        speakers = dict.fromkeys(s for s in parts.speaker[low:high].tolist() if s != NONE)
        first_turn = int(parts.turn[low]) if high > low else NONE
        start_ms = data.turns[first_turn].start_ms if first_turn != NONE else None
        if doc_id not in line_starts:
            line_starts[doc_id] = [0] + [m.end() for m in re.finditer("\n", document.text)]
        before = after = ""
        if with_context:  # within the turns it touches: the speaker label is not part of the sentence
            lower = data.turns[first_turn].start if first_turn != NONE else 0
            last_turn = int(parts.turn[high - 1]) if high > low else NONE
            upper = data.turns[last_turn].end if last_turn != NONE else len(document.text)
            before, after = _sentence_around(document.text, start, end, min(lower, start), max(upper, end))
        found.append(
            Quote(
                code=data.codes[code_id].path,
                document=document.name,
                speaker=", ".join(data.speakers[data.speaker_ids[s]] for s in speakers) or None,
                start=start,
                end=end,
                text=document.text[start:end],
                time=format_time(start_ms),
                paragraph=bisect_right(line_starts[doc_id], start),
                coder=data.coders.get(coder_id, ""),
                weight=weight,
                memo=data.coding_memos.get(coding_id),
                before=before,
                after=after,
            )
        )
    return found


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
