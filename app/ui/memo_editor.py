"""The memo editor: the memo of the project, of the current document, of a code, of a speaker or of a coding,
chosen in one list grouped by kind (codings: those with a memo and those under the cursor).

Each save is one undo step (undo puts the previous text back, also in the open editor); choosing another memo
saves the edited one first."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services import ChangeSet, queries
from app.ui.commands import SetMemo, SetProjectMemo
from app.ui.context import ApplicationContext

PROJECT, DOCUMENT, CODE, SPEAKER, CODING = "project", "document", "code", "speaker", "coding"


class MemoEditor(QDialog):
    def __init__(
        self, context: ApplicationContext, *, document: str | None = None, speaker: str | None = None,
        codings: Iterable[int] = (), parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.target = QComboBox()
        self.text = QPlainTextEdit()
        self.saved = ""
        self.memo_id: int | None = None  # the project memo's id
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close)
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        form = QFormLayout()
        self.about = QLabel()
        self.about.setBuddy(self.target)
        form.addRow(self.about, self.target)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.buttons)
        self.resize(520, 360)
        self._listed = (document, list(codings))  # to list them again in another language
        self.retranslate()
        self._fill_targets(document, codings)
        if speaker is not None:
            self.target.setCurrentIndex(max(0, self.target.findData(f"{SPEAKER}\t{speaker}")))
        self._shown = self._chosen()
        self.load()
        self.text.textChanged.connect(self._update_button)
        self.target.currentIndexChanged.connect(self._target_changed)
        context.sig_project_changed.connect(self._project_changed)
        context.sig_project_opened.connect(self._project_replaced)

    def retranslate(self) -> None:
        """Texts in the current language (at start and when the language changes, the list made again)."""
        self.setWindowTitle(self.tr("Memos"))
        self.text.setPlaceholderText(self.tr("Thoughts, questions, decisions…"))
        self.about.setText(self.tr("Memo &about:"))
        if self.target.count():
            self._list_again()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _fill_targets(self, document: str | None, codings: Iterable[int]) -> None:
        self.target.addItem(self.tr("The project"), f"{PROJECT}\t")
        if document is not None:
            self.target.addItem(self.tr("Document “%1”").replace("%1", document), f"{DOCUMENT}\t{document}")
        project = self.context.project
        codes = [] if project is None else queries.list_codes(project)
        speakers = [] if project is None else queries.list_speakers(project)[1]
        labels = [] if project is None else queries.memo_codings(project, codings)
        self.code_ids = {row.path: row.id for row in codes}
        self.speaker_ids = {row.name: row.id for row in speakers}
        # One group per kind, set apart by a line; the labels say the kind too, for the closed list.
        groups = (
            [(self.tr("Code “%1”").replace("%1", row.path), f"{CODE}\t{row.path}") for row in codes],
            [(self.tr("Speaker “%1”").replace("%1", row.name), f"{SPEAKER}\t{row.name}") for row in speakers],
            [(self.tr("Coding “%1”: “%2”").replace("%1", row.code).replace("%2", row.excerpt),
              f"{CODING}\t{row.id}") for row in labels],
        )
        for group in groups:
            if group:
                self.target.insertSeparator(self.target.count())
            for label, key in group:
                self.target.addItem(label, key)
        for row in labels:  # the whole passage's start and its document on hovering
            index = self.target.findData(f"{CODING}\t{row.id}")
            self.target.setItemData(index, f"{row.document}: {row.excerpt}", Qt.ItemDataRole.ToolTipRole)

    def _list_again(self) -> bool:
        """Make the list again (another language; codes or speakers added, renamed or removed meanwhile), the
        memo shown still chosen, under its new name if it was renamed. False when its code or speaker is gone."""
        kind, name = self._shown
        ids = self.code_ids if kind == CODE else self.speaker_ids if kind == SPEAKER else {}
        kept_id = ids.get(name)
        self.target.blockSignals(True)  # the same memo stays shown, nothing is saved
        self.target.clear()
        self._fill_targets(*self._listed)
        if kept_id is not None:
            ids = self.code_ids if kind == CODE else self.speaker_ids
            name = next((new_name for new_name, id_ in ids.items() if id_ == kept_id), None)
        index = -1 if name is None else self.target.findData(f"{kind}\t{name}")
        self.target.setCurrentIndex(max(0, index))
        self.target.blockSignals(False)
        if index >= 0:
            self._shown = (kind, name)
        return index >= 0

    def choose(self, kind: str, name: str | int = "") -> None:
        """Show the memo of the project, a document, a code, a speaker or a coding (saving the edited one first)."""
        self.target.setCurrentIndex(max(0, self.target.findData(f"{kind}\t{name}")))

    def _chosen(self) -> tuple[str, str]:
        kind, name = self.target.currentData().split("\t", 1)
        return kind, name

    def current_text(self, kind: str, name: str) -> str:
        project = self.context.project
        if project is None:
            return ""
        if kind == PROJECT:
            self.memo_id, text = queries.project_memo(project)
            return text
        if kind == DOCUMENT:
            document_id = next((d.id for d in queries.list_documents(project) if d.name == name), None)
            return "" if document_id is None else queries.memo_text(project, document_id=document_id)
        if kind == CODE:
            code_id = self.code_ids.get(name)
            return "" if code_id is None else queries.memo_text(project, code_id=code_id)
        if kind == CODING:  # undo may have re-created the coding under a new id
            return queries.memo_text(project, coding_id=self.context.current_id("coding", int(name)))
        speaker_id = self.speaker_ids.get(name)
        return "" if speaker_id is None else queries.memo_text(project, speaker_id=speaker_id)

    def load(self) -> None:
        kind, name = self._shown
        self.saved = self.current_text(kind, name)
        self.text.blockSignals(True)
        self.text.setPlainText(self.saved)
        self.text.blockSignals(False)
        self._update_button()

    def is_dirty(self) -> bool:
        return self.text.toPlainText() != self.saved

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.is_dirty())

    def save(self) -> bool:
        """Write the shown memo as one undo step."""
        if not self.is_dirty():
            return False
        kind, name = self._shown
        text, old = self.text.toPlainText(), self.saved
        if kind == PROJECT:
            command = SetProjectMemo(self.context, text, old, self.memo_id)
        elif kind == DOCUMENT:
            command = SetMemo(self.context, text, old, document=name)
        elif kind == CODE:
            command = SetMemo(self.context, text, old, code=name)
        elif kind == CODING:
            command = SetMemo(self.context, text, old, coding_id=int(name))
        else:
            command = SetMemo(self.context, text, old, speaker=name)
        self.saved = text  # before execute: the change signal reloads what is now stored
        done = self.context.execute(command)
        if done:
            self.load()
            return True
        theirs = self.current_text(kind, name)
        self.saved = theirs
        if theirs != old:
            # Someone else wrote this memo meanwhile (in a team project): nothing of either is lost. Theirs is
            # what is stored; the editor shows both, to be combined and saved again.
            both = self.tr("%1\n\n——— Your text, not saved yet ———\n%2")
            self.text.setPlainText(both.replace("%1", theirs).replace("%2", text).lstrip("\n"))
        else:
            self.text.setPlainText(text)  # refused for another reason: what was typed stays
        self._update_button()
        return False

    def _target_changed(self) -> None:
        self.save()
        self._shown = self._chosen()
        self.load()

    def _project_changed(self, changes: ChangeSet) -> None:
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if kinds & {"code", "speaker"} and not self._list_again():
            # The code or speaker whose memo was shown is gone, and its memo with it: the project's is shown.
            self._shown = self._chosen()
            self.load()
            return
        # A coding shown here may have been removed, or re-created by undo (its memo with it).
        if ("memo" in kinds or (self._shown[0] == CODING and "coding" in kinds)) and not self.is_dirty():
            self.load()

    def _project_replaced(self) -> None:
        """Another project was opened: these memos are no longer there to save, so the editor closes."""
        self.saved = self.text.toPlainText()
        self.close()

    def closeEvent(self, event) -> None:  # noqa: N802, ANN001
        self.save()
        super().closeEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() == Qt.Key.Key_Escape:  # Close (and save), as the button does
            self.close()
            return
        super().keyPressEvent(event)
