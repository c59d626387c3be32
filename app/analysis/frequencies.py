"""How often each code was applied, overall or broken down by document or speaker (``focuscoder stats``).

A coding counts once for each speaker whose turn it touches; its words are counted on the part inside that
turn. Words of a coding that lies outside every turn (a header, an unlabelled document) count for no speaker.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from sqlalchemy import select

from app.analysis.spans import TurnSpan, overlapping_turns
from app.analysis.tree import tree_order
from app.analysis.words import count_words
from app.models import Coding, Document, Project, Speaker, Turn
from app.services.lookup import code_paths

Breakdown = Literal["code", "document", "speaker"]
BREAKDOWNS: tuple[Breakdown, ...] = ("code", "document", "speaker")


@dataclass(frozen=True)
class FrequencyRow:
    code: str
    group: str | None  # the document or speaker name; None for the whole project or "no speaker"
    codings: int
    words: int


def code_frequencies(project: Project, by: Breakdown = "code") -> list[FrequencyRow]:
    """One row per code (in tree order), or per code and document/speaker that has codings of it."""
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    counts: defaultdict[tuple[int, str | None], list[int]] = defaultdict(lambda: [0, 0])
    with project.reading() as session:
        paths = code_paths(session)
        order = tree_order(session)
        speaker_names = dict(session.execute(select(Speaker.id, Speaker.name)).all())
        for document in session.scalars(select(Document).order_by(Document.position, Document.id)):
            codings = session.execute(
                select(Coding.code_id, Coding.start, Coding.end).where(Coding.document_id == document.id)
            ).all()
            if not codings:
                continue
            turns = [
                TurnSpan(*row)
                for row in session.execute(
                    select(Turn.start, Turn.end, Turn.speaker_id)
                    .where(Turn.document_id == document.id)
                    .order_by(Turn.start)
                ).all()
            ]
            starts = [turn.start for turn in turns]
            for code_id, start, end in codings:
                if by == "speaker":
                    for speaker_id, words in _words_by_speaker(document.text, turns, starts, start, end).items():
                        cell = counts[(code_id, speaker_names.get(speaker_id))]
                        cell[0] += 1
                        cell[1] += words
                else:
                    cell = counts[(code_id, document.name if by == "document" else None)]
                    cell[0] += 1
                    cell[1] += count_words(document.text[start:end])
        rank = {code_id: index for index, code_id in enumerate(order)}
        if by == "code":  # every code appears, also those not yet applied
            for code_id in order:
                counts.setdefault((code_id, None), [0, 0])
        rows = sorted(counts.items(), key=lambda item: (rank[item[0][0]], item[0][1] is None, item[0][1] or ""))
        return [
            FrequencyRow(code=paths[code_id], group=group, codings=codings, words=words)
            for (code_id, group), (codings, words) in rows
        ]


def _words_by_speaker(
    text: str, turns: list[TurnSpan], starts: list[int], start: int, end: int
) -> dict[int | None, int]:
    touched = overlapping_turns(turns, starts, start, end)
    if not touched:
        return {None: count_words(text[start:end])}
    words: dict[int | None, int] = {}
    for turn in touched:
        part = text[max(start, turn.start) : min(end, turn.end)]
        words[turn.speaker_id] = words.get(turn.speaker_id, 0) + count_words(part)
    return words
