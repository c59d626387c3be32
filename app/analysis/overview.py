"""What a project holds: documents, speakers, codes and their sizes (``focuscoder info``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from typing import TYPE_CHECKING

import numpy as np

from app.analysis.word_index import WordCounter, separator_positions, word_positions
from app.models.code_tree import code_paths_of, depth_first

if TYPE_CHECKING:
    from app.models import Project


@dataclass(frozen=True)
class DocumentSummary:
    name: str
    characters: int
    words: int
    turns: int
    speakers: list[str]


@dataclass(frozen=True)
class SpeakerSummary:
    name: str
    turns: int
    words: int


@dataclass(frozen=True)
class CodeSummary:
    path: str
    codings: int


@dataclass(frozen=True)
class ProjectOverview:
    name: str
    language: str
    schema: str
    documents: list[DocumentSummary]
    speakers: list[SpeakerSummary]
    codes: list[CodeSummary]
    codings: int

    def as_json(self) -> dict:
        return {
            "project": {"name": self.name, "language": self.language, "schema": self.schema},
            "documents": [vars(d) for d in self.documents],
            "speakers": [vars(s) for s in self.speakers],
            "codes": [vars(c) for c in self.codes],
            "codings": self.codings,
        }


def project_overview(project: Project) -> ProjectOverview:
    """Read in one read transaction on the driver's connection, as the analyses' data (``dataset.load``): no
    session, no Alembic for the schema's revision (``focuscoder info`` imported both only to ask a few queries)."""
    with project.read_transaction() as raw:
        name, language = raw.execute("SELECT name, language FROM project WHERE id = 1").fetchone()
        schema = raw.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        speaker_names = dict(raw.execute("SELECT id, name FROM speaker").fetchall())
        turns_of: defaultdict[int, list[tuple[int, int, int | None]]] = defaultdict(list)
        for document_id, start, end, speaker_id in raw.execute(
            'SELECT document_id, start, "end", speaker_id FROM turn ORDER BY document_id, position'
        ).fetchall():
            turns_of[document_id].append((start, end, speaker_id))
        speaker_turns: Counter[int] = Counter()
        speaker_words: Counter[int] = Counter()
        documents = []
        for document_id, document_name, text, sha256 in raw.execute(
            "SELECT id, name, text, sha256 FROM document ORDER BY position, id"
        ).fetchall():
            turns = turns_of[document_id]
            # The document's words are found once (and kept for later analyses); each turn's are counted from
            # their positions, exactly as count_words of its text would (scanning every text twice took seconds
            # for a study of two million words).
            starts, ends = word_positions(sha256, text)
            counter = WordCounter(lambda a, b, text=text: text[a:b], starts, ends, separator_positions(sha256, text))
            words = counter.count(np.array([t[0] for t in turns], dtype=np.int64),
                                  np.array([t[1] for t in turns], dtype=np.int64)).tolist()
            in_order: dict[int, None] = {}
            for (_start, _end, speaker_id), turn_words in zip(turns, words):
                if speaker_id is not None:
                    in_order.setdefault(speaker_id, None)
                    speaker_turns[speaker_id] += 1
                    speaker_words[speaker_id] += turn_words
            documents.append(
                DocumentSummary(
                    name=document_name,
                    characters=len(text),
                    words=len(starts),
                    turns=len(turns),
                    speakers=[speaker_names[i] for i in in_order],
                )
            )
        speakers = [
            SpeakerSummary(name=speaker, turns=speaker_turns[sid], words=speaker_words[sid])
            for sid, speaker in sorted(speaker_names.items(), key=lambda item: item[1].casefold())
        ]
        code_rows = raw.execute("SELECT id, parent_id, name, position FROM code").fetchall()
        counts: defaultdict[int, int] = defaultdict(int)
        counts.update(raw.execute("SELECT code_id, count(*) FROM coding GROUP BY code_id").fetchall())
    paths = code_paths_of((code_id, parent_id, code) for code_id, parent_id, code, _ in code_rows)
    # Siblings by position, then id, as the code tree shows them.
    order = depth_first((row[0], row[1]) for row in sorted(code_rows, key=lambda row: (row[3], row[0])))
    codes = [CodeSummary(path=paths[code_id], codings=counts[code_id]) for code_id in order]
    return ProjectOverview(
        name=name,
        language=language,
        schema=schema,
        documents=documents,
        speakers=speakers,
        codes=codes,
        codings=sum(counts.values()),
    )
