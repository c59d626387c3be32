"""Auto-coding from the search panel: a preview of the passages the hits make, then one undoable step.

The preview lists every passage (at the unit chosen: the match, its sentence or its turn) before anything is
written; the researcher may leave some out. ``AutoCode`` codes them all in one transaction and takes exactly
those codings away again on undo.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import services
from app.analysis.autocoding import Passage, passages
from app.analysis.search import Hit
from app.services import ChangeSet, ServiceError
from app.ui.commands import ProjectCommand, _leaf, tr
from app.ui.context import ApplicationContext

PASSAGE_COLUMN = 2


class AutoCode(ProjectCommand):
    """Code many passages ``(document id, start, end)`` with one code; undo removes the codings it made."""

    def __init__(self, context: ApplicationContext, passages: list[tuple[int, int, int]], code: str) -> None:
        super().__init__(context, tr("Auto-code as “%s”") % _leaf(code))
        self.passages, self.code = list(passages), code
        self.coder = context.coder
        self.coding_ids: list[int] = []  # as first created; later ids are found through the context

    def do(self) -> ChangeSet:
        changes = services.code_passages(self.project, self.passages, code=self.code, coder=self.coder)
        created = changes.ids("coding")
        if self.coding_ids:
            for original, new in zip(self.coding_ids, created):
                self.context.renumber("coding", self.context.current_id("coding", original), new)
        else:
            self.coding_ids = created
            if created:
                self.context.remember_code(self.code)
        return changes

    def undo_change(self) -> ChangeSet:
        ids = [self.context.current_id("coding", coding_id) for coding_id in self.coding_ids]
        return services.remove_codings(self.project, ids)


class AutocodePreview(QDialog):
    """The passages auto-coding would code; those coded with the code already are shown but left out."""

    sig_coded = Signal(str)
    """The passages chosen were coded; a line saying so."""

    def __init__(self, passages: list[Passage], code: str, unit_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Auto-code with “%1”").replace("%1", _leaf(code)))
        self.resize(760, 460)
        self.passages = passages
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setHeaderLabels([self.tr("Document"), self.tr("Speaker"), self.tr("Passage")])
        self.items: list[QTreeWidgetItem] = []
        for passage in passages:
            item = QTreeWidgetItem(self.tree, [passage.document, passage.speaker or "–", " ".join(passage.text.split())])
            item.setToolTip(PASSAGE_COLUMN, passage.text)
            if passage.coded:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled & ~Qt.ItemFlag.ItemIsUserCheckable)
                item.setText(PASSAGE_COLUMN, self.tr("(coded already) ") + item.text(PASSAGE_COLUMN))
                item.setCheckState(0, Qt.CheckState.Unchecked)
            else:
                item.setCheckState(0, Qt.CheckState.Checked)
            self.items.append(item)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.itemChanged.connect(self._update_summary)
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Unit: %1. Nothing is written before you choose “Code”.").replace("%1", unit_name)))
        layout.addWidget(self.tree)
        layout.addWidget(self.summary)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Code"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._update_summary()

    def chosen(self) -> list[tuple[int, int, int]]:
        """The passages left checked: (document id, start, end)."""
        return [
            (passage.document_id, passage.start, passage.end)
            for passage, item in zip(self.passages, self.items)
            if item.checkState(0) == Qt.CheckState.Checked and not passage.coded
        ]

    def _update_summary(self, *_args: object) -> None:
        count = len(self.chosen())
        coded = sum(passage.coded for passage in self.passages)
        text = self.tr("%1 passage(s) will be coded").replace("%1", str(count))
        if coded:
            text += self.tr("; %1 have the code already").replace("%1", str(coded))
        self.summary.setText(text + ".")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(count > 0)


def preview_autocoding(
    parent: QWidget, context: ApplicationContext, hits: list[Hit], code: str, unit: str, unit_name: str
) -> AutocodePreview | None:
    """Open the preview of coding ``hits`` at ``unit``; its "Code" button codes the chosen passages as one step."""
    if context.project is None:
        return None
    try:
        found = passages(context.project, hits, unit, code)
    except ServiceError as exc:
        context.sig_error.emit(str(exc))
        return None
    return open_preview(parent, context, found, code, unit_name)


def open_preview(
    parent: QWidget, context: ApplicationContext, found: list[Passage], code: str, unit_name: str,
    title: str | None = None,
) -> AutocodePreview:
    """Show passages found (by a search or by a code's keywords); "Code" codes the chosen ones as one undo step."""
    dialog = AutocodePreview(found, code, unit_name, parent)
    if title:
        dialog.setWindowTitle(title)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def code_chosen() -> None:
        chosen = dialog.chosen()
        if chosen and context.execute(AutoCode(context, chosen, code)):
            dialog.sig_coded.emit(dialog.tr("Coded %1 passage(s) with “%2”.").replace("%1", str(len(chosen))).replace("%2", code))

    dialog.accepted.connect(code_chosen)
    dialog.open()
    return dialog
