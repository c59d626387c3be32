"""Editing the project's stop list of a language (words left out of word frequencies), as one undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import services
from app.analysis.language import pipeline
from app.analysis.word_frequencies import stop_words
from app.services import ChangeSet
from app.services.text_settings import LANGUAGES
from app.ui.commands import ProjectCommand, tr
from app.ui.context import ApplicationContext


def spacy_stop_words(language: str) -> set[str]:
    return {word.casefold() for word in pipeline(language).nlp.Defaults.stop_words}


class SetStopWords(ProjectCommand):
    """Replace a language's stop list; ``None`` goes back to spaCy's. Undo brings the list in force before."""

    def __init__(self, context: ApplicationContext, language: str, words: list[str] | None) -> None:
        super().__init__(context, tr("Edit the stop list (%s)") % language)
        self.language, self.words = language, words
        before = stop_words(context.project, language)
        self.before = None if before == spacy_stop_words(language) else sorted(before)

    def do(self) -> ChangeSet:
        return services.set_stop_words(self.project, self.language, self.words)

    def undo_change(self) -> ChangeSet:
        return services.set_stop_words(self.project, self.language, self.before)


class StopWordsDialog(QDialog):
    """One word a line, per language; "spaCy's list" fills in the list FocusCoder starts with."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Stop words"))
        self.resize(380, 520)
        self.language = QComboBox()
        for code, name in (("de", self.tr("German")), ("en", self.tr("English"))):
            if code in LANGUAGES:
                self.language.addItem(name, code)
        self.editor = QPlainTextEdit()
        self.edited: dict[str, str] = {}  # language -> text, kept while switching languages
        self._shown = self.language.currentData()
        self.language.currentIndexChanged.connect(self._switch)
        self.reset_button = QPushButton(self.tr("spaCy's list"))
        self.reset_button.clicked.connect(lambda: self.editor.setPlainText(_lines(spacy_stop_words(self._shown))))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Language:")))
        top.addWidget(self.language, 1)
        top.addWidget(self.reset_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel(self.tr("Words left out of word frequencies, one a line:")))
        layout.addWidget(self.editor)
        layout.addWidget(buttons)
        self.editor.setPlainText(_lines(stop_words(context.project, self._shown)))

    def _switch(self) -> None:
        self.edited[self._shown] = self.editor.toPlainText()
        self._shown = self.language.currentData()
        text = self.edited.get(self._shown)
        self.editor.setPlainText(text if text is not None else _lines(stop_words(self.context.project, self._shown)))

    def save(self) -> None:
        """One undo step per language whose list changed."""
        self.edited[self._shown] = self.editor.toPlainText()
        for language, text in self.edited.items():
            words = sorted({word.strip().casefold() for word in text.splitlines() if word.strip()})
            if set(words) == stop_words(self.context.project, language):
                continue
            self.context.execute(SetStopWords(self.context, language, words))
        self.accept()


def _lines(words: set[str]) -> str:
    return "\n".join(sorted(words))
