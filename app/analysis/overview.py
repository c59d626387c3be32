"""What a project holds: documents, speakers, codes and their sizes (``focuscoder info``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

import numpy as np
from alembic.runtime.migration import MigrationContext
from sqlalchemy import func, select

from app.analysis.tree import tree_order
from app.analysis.word_index import WordCounter, separator_positions, word_positions
from app.models import Coding, Document, Project, ProjectInfo, Speaker, Turn
from app.services.lookup import code_paths


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
    with project.reading() as session:
        info = session.get(ProjectInfo, 1)
        schema = MigrationContext.configure(session.connection()).get_current_revision()
        speaker_names = dict(session.execute(select(Speaker.id, Speaker.name)).all())
        speaker_turns: Counter[int] = Counter()
        speaker_words: Counter[int] = Counter()
        documents = []
        for document in session.scalars(select(Document).order_by(Document.position, Document.id)):
            turns = session.execute(
                select(Turn.start, Turn.end, Turn.speaker_id).where(Turn.document_id == document.id)
                .order_by(Turn.position)
            ).all()
            # The document's words are found once (and kept for later analyses); each turn's are counted from
            # their positions, exactly as count_words of its text would (scanning every text twice took seconds
            # for a study of two million words).
            starts, ends = word_positions(document.sha256, document.text)
            counter = WordCounter(lambda a, b, text=document.text: text[a:b], starts, ends,
                                  separator_positions(document.sha256, document.text))
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
                    name=document.name,
                    characters=len(document.text),
                    words=len(starts),
                    turns=len(turns),
                    speakers=[speaker_names[i] for i in in_order],
                )
            )
        speakers = [
            SpeakerSummary(name=name, turns=speaker_turns[sid], words=speaker_words[sid])
            for sid, name in sorted(speaker_names.items(), key=lambda item: item[1].casefold())
        ]
        paths = code_paths(session)
        counts: defaultdict[int, int] = defaultdict(int)
        counts.update(session.execute(select(Coding.code_id, func.count()).group_by(Coding.code_id)).all())
        order = tree_order(session)
        codes = [CodeSummary(path=paths[code_id], codings=counts[code_id]) for code_id in order]
        return ProjectOverview(
            name=info.name,
            language=info.language,
            schema=schema,
            documents=documents,
            speakers=speakers,
            codes=codes,
            codings=sum(counts.values()),
        )
