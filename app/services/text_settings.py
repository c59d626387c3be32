"""What researchers set for text analysis: a document's language, the project's stop lists, a code's keywords.

Changing a document's language removes its language index (derived data, read in the old language); the CLI
and the desktop app build it again at once, anything else the next time it is used.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import delete, select

from app.models import CodeKeyword, Project, StopList, TextIndex
from app.services.changes import ChangeSet, Ref, ServiceError, repeatable
from app.services.lookup import get_code, get_document

LANGUAGES = ("de", "en")
KEYWORD_MODES = ("word", "phrase", "lemma", "wildcard", "regex")


@repeatable
def set_document_language(project: Project, document: str, language: str | None) -> ChangeSet:
    """Set the language a document is read in ("de", "en"), or ``None`` to have it detected."""
    if language is not None and language not in LANGUAGES:
        raise ServiceError(f"FocusCoder reads {' and '.join(LANGUAGES)}, not '{language}'.")
    with project.transaction() as session:
        row = get_document(session, document)
        if row.language == language:
            return ChangeSet()
        row.language = language
        # Back to "detect" would not look outdated to stale_documents(): drop the index in any case.
        session.execute(delete(TextIndex).where(TextIndex.document_id == row.id))
        return ChangeSet(updated=[Ref("document", row.id)])


@repeatable
def set_stop_words(project: Project, language: str, words: Iterable[str] | None) -> ChangeSet:
    """Replace the project's stop list for a language; ``None`` goes back to spaCy's list."""
    with project.transaction() as session:
        row = session.get(StopList, language)
        if words is None:
            if row is None:
                return ChangeSet()
            session.delete(row)
            return ChangeSet(deleted=[Ref("stop_list", 0)])
        cleaned = sorted({word.strip().casefold() for word in words if word.strip()})
        if row is None:
            session.add(StopList(language=language, words="\n".join(cleaned)))
            return ChangeSet(created=[Ref("stop_list", 0)])
        row.words = "\n".join(cleaned)
        return ChangeSet(updated=[Ref("stop_list", 0)])


@repeatable
def set_code_keywords(project: Project, code: str, keywords: Sequence[tuple[str, str]]) -> ChangeSet:
    """Replace a code's keywords: ``(query, mode)`` pairs, mode one of KEYWORD_MODES (usually "lemma")."""
    for query, mode in keywords:
        if mode not in KEYWORD_MODES:
            raise ServiceError(f"Unknown search mode '{mode}' (use one of {', '.join(KEYWORD_MODES)}).")
        if not query.strip():
            raise ServiceError("A keyword cannot be empty.")
    with project.transaction() as session:
        row = get_code(session, code)
        session.execute(delete(CodeKeyword).where(CodeKeyword.code_id == row.id))
        seen: set[tuple[str, str]] = set()
        for position, (query, mode) in enumerate(keywords):
            if (query.strip(), mode) not in seen:
                seen.add((query.strip(), mode))
                session.add(CodeKeyword(code_id=row.id, query=query.strip(), mode=mode, position=position))
        return ChangeSet(updated=[Ref("code", row.id)])


def code_keywords(project: Project, code: str) -> list[tuple[str, str]]:
    """A code's keywords as ``(query, mode)``, in their order."""
    with project.reading() as session:
        row = get_code(session, code)
        return list(session.execute(
            select(CodeKeyword.query, CodeKeyword.mode)
            .where(CodeKeyword.code_id == row.id)
            .order_by(CodeKeyword.position)
        ).all())
