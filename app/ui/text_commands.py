"""Undo commands for what researchers set for text analysis: a code's keywords and a document's language.

Setting a language drops the document's language index (the service does); the context's ``BackgroundIndexer``
sees the change and builds it again in the new language, on undo and redo alike.
"""

from __future__ import annotations

from app import services
from app.services import ChangeSet
from app.ui.commands import ProjectCommand, _leaf, tr
from app.ui.context import ApplicationContext

Keywords = list[tuple[str, str]]  # (query, search mode), as services.set_code_keywords takes them


class SetCodeKeywords(ProjectCommand):
    """Replace a code's keywords (the search terms "Suggest" looks for)."""

    def __init__(self, context: ApplicationContext, code: str, keywords: Keywords, old: Keywords) -> None:
        super().__init__(context, tr("Keywords of “%s”") % _leaf(code))
        self.code, self.keywords, self.old = code, list(keywords), list(old)

    def do(self) -> ChangeSet:
        if self.keywords == self.old:
            return ChangeSet()
        return services.set_code_keywords(self.project, self.code, self.keywords)

    def undo_change(self) -> ChangeSet:
        return services.set_code_keywords(self.project, self.code, self.old)


class SetDocumentLanguage(ProjectCommand):
    """Read a document as German or English (None: detect it); its index is rebuilt in that language."""

    def __init__(self, context: ApplicationContext, document: str, language: str | None, old: str | None) -> None:
        super().__init__(context, tr("Language of “%s”") % document)
        self.document, self.language, self.old = document, language, old

    def do(self) -> ChangeSet:
        if self.language == self.old:
            return ChangeSet()
        return services.set_document_language(self.project, self.document, self.language)

    def undo_change(self) -> ChangeSet:
        return services.set_document_language(self.project, self.document, self.old)
