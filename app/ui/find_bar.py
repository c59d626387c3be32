"""Search in the open document (Ctrl+F): a bar under the transcript; Enter finds the next match, Shift+Enter the
previous one, Escape closes it. A found passage is selected, so it can be coded at once."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget

from app.ui.transcript_view import TranscriptView


class FindBar(QWidget):
    def __init__(self, view: TranscriptView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.field = QLineEdit()
        self.field.setClearButtonEnabled(True)
        self.case = QCheckBox()
        self.status = QLabel()
        previous, following, close = QToolButton(), QToolButton(), QToolButton()
        self.buttons = previous, following, close
        previous.setText("↑")
        following.setText("↓")
        close.setText("✕")
        self.retranslate()
        previous.clicked.connect(lambda: self.find(backwards=True))
        following.clicked.connect(lambda: self.find())
        close.clicked.connect(self.close_bar)
        self.field.returnPressed.connect(lambda: self.find())
        self.field.textChanged.connect(lambda: self.status.clear())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(4, 2, 4, 2)
        for widget in (self.field, previous, following, self.case, self.status):
            layout.addWidget(widget)
        layout.addStretch(1)
        layout.addWidget(close)
        self.hide()

    def retranslate(self) -> None:
        """Texts in the current language (at start and when the language changes)."""
        self.field.setPlaceholderText(self.tr("Find in document"))
        self.case.setText(self.tr("Match case"))
        previous, following, close = self.buttons
        previous.setToolTip(self.tr("Previous match (Shift+Enter)"))
        following.setToolTip(self.tr("Next match (Enter)"))
        close.setToolTip(self.tr("Close (Esc)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def open_bar(self) -> None:
        self.show()
        selected = self.view.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 80:
            self.field.setText(selected)
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.view.setFocus()

    def find(self, *, backwards: bool = False) -> bool:
        found = self.view.find_text(self.field.text(), backwards=backwards, case_sensitive=self.case.isChecked())
        self.status.setText("" if found or not self.field.text() else self.tr("Not found"))
        return found

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            self.find(backwards=True)
        else:
            super().keyPressEvent(event)
