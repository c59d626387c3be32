"""The language a document is read in, chosen from the document browser's context menu: detected from the text
(the default) or set by hand to German or English. One undo step; the document's language index is then rebuilt
in the background (``BackgroundIndexer``)."""

from __future__ import annotations

from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QWidget

from app.analysis.text_index import document_languages
from app.ui.context import ApplicationContext
from app.ui.text_commands import SetDocumentLanguage


class LanguageMenu(QMenu):
    """Detect automatically / German / English for one document, the current choice checked."""

    def __init__(self, context: ApplicationContext, document_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        (found,) = document_languages(context.project, [document_id])
        self.document = found.document
        self.current = found.language if found.set_by_hand else None
        names = {"de": self.tr("German"), "en": self.tr("English")}
        self.setTitle(self.tr("Language"))
        group = QActionGroup(self)
        self.choices: dict[str | None, QAction] = {}
        detected = self.tr("Detect automatically")
        if not found.set_by_hand:  # say what was detected, so the researcher sees whether it is right
            detected += f" ({names.get(found.language, found.language)})"
        for language, text in ((None, detected), ("de", names["de"]), ("en", names["en"])):
            action = QAction(text, self)
            action.setCheckable(True)
            action.setChecked(language == self.current)
            action.setEnabled(not context.project.read_only)
            action.triggered.connect(lambda _checked=False, chosen=language: self.choose(chosen))
            group.addAction(action)
            self.addAction(action)
            self.choices[language] = action

    def choose(self, language: str | None) -> bool:
        """Read the document in ``language`` (None: detect it)."""
        return self.context.execute(SetDocumentLanguage(self.context, self.document, language, self.current))
