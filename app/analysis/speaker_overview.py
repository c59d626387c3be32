"""Who talked how much: turns, words and share of talk per speaker, in each document and over all of them,
with the number of codings in each speaker's turns.

The share of talk is a speaker's words over the words of all speakers' turns in that document (or in all
documents); text outside turns and turns of no recognised speaker do not count as talk.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.analysis.dataset import ProjectData, Selection, as_data
from app.analysis.parts import NONE, distinct_pairs
from app.models import Project


@dataclass(frozen=True)
class SpeakerShare:
    document: str | None  # None: all documents together
    speaker: str
    turns: int
    words: int
    share: float  # 0..1
    codings: int


def speaker_overview(source: Project | ProjectData, selection: Selection | None = None) -> list[SpeakerShare]:
    """Per document (in order) its speakers in order of first turn; then the totals over all documents."""
    data = as_data(source, selection)
    speakers = data.speaker_ids
    documents = list(data.documents)
    width = len(speakers)
    turn_speaker = data.turn_speakers
    doc_lookup = np.zeros(max(documents, default=0) + 1, dtype=np.int64)
    doc_lookup[documents] = np.arange(len(documents))
    turn_document = doc_lookup[data.turn_table[:, 1]]
    starts, ends = data.turn_spans
    turn_words = data.words.count(starts, ends)
    spoken = turn_speaker != NONE
    key = turn_document[spoken] * width + turn_speaker[spoken]
    cells = len(documents) * width
    turns = np.bincount(key, minlength=cells).reshape(len(documents), width)
    words = np.bincount(key, weights=turn_words[spoken], minlength=cells).reshape(len(documents), width)
    parts = data.parts()
    by_speaker = parts.speaker != NONE
    part_key = data.document_index[parts.coding[by_speaker]] * width + parts.speaker[by_speaker]
    _, cell = distinct_pairs(parts.coding[by_speaker], part_key)
    codings = np.bincount(cell, minlength=cells).reshape(len(documents), width)
    total_codings = codings.sum(axis=0)  # a coding lies in one document, so no coding counts twice here

    rows = []
    for d, doc_id in enumerate(documents):
        talk = words[d].sum()
        for s in range(width):
            if turns[d, s]:
                rows.append(
                    SpeakerShare(
                        document=data.documents[doc_id].name,
                        speaker=data.speakers[speakers[s]],
                        turns=int(turns[d, s]),
                        words=int(words[d, s]),
                        share=float(words[d, s] / talk) if talk else 0.0,
                        codings=int(codings[d, s]),
                    )
                )
    all_words = words.sum()
    for s in range(width):
        rows.append(
            SpeakerShare(
                document=None,
                speaker=data.speakers[speakers[s]],
                turns=int(turns[:, s].sum()),
                words=int(words[:, s].sum()),
                share=float(words[:, s].sum() / all_words) if all_words else 0.0,
                codings=int(total_codings[s]),
            )
        )
    return rows
