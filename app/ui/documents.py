"""The document browser: the project's documents with their numbers of codings and turns, and under each its
speakers with their numbers of turns. Selecting a document opens it in the transcript view."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QContextMenuEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHeaderView, QInputDialog, QMenu, QMessageBox, QTreeView, QWidget

from app.services import queries
from app.services.queries import DocumentRow, SpeakerInDocument
from app.ui.context import ApplicationContext
from app.ui.tree_model import Index, ItemTreeModel, TreeItem

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


class DocumentModel(ItemTreeModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("DocumentModel", "Document"),
        QT_TRANSLATE_NOOP("DocumentModel", "Codings"),
        QT_TRANSLATE_NOOP("DocumentModel", "Turns"),
    )
    CODINGS, TURNS = 1, 2

    def __init__(self, context: ApplicationContext, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.context = context
        self.rows: list[DocumentRow] = []

    def refresh(self) -> None:
        project = self.context.project
        self.rows = [] if project is None else queries.list_documents(project)
        root = TreeItem()
        for row in self.rows:
            document = TreeItem(row, root)
            for speaker in row.speakers:
                TreeItem(speaker, document)
        self.set_root(root)

    def document_of(self, index: Index) -> DocumentRow | None:
        if not index.isValid():
            return None
        item = self.item(index)
        while isinstance(item.data, SpeakerInDocument):
            item = item.parent
        return item.data

    def index_of_document(self, document_id: int) -> QModelIndex:
        for item in self.root.children:
            if item.data.id == document_id:
                return self.index_of(item)
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.item(index).data
        column = index.column()
        is_document = isinstance(row, DocumentRow)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return row.name
            if column == self.CODINGS:
                # Codings are counted per document; a speaker's row leaves the cell empty rather than
                # showing its turns under this heading.
                return row.codings if is_document else None
            return sum(speaker.turns for speaker in row.speakers) if is_document else row.turns
        if role == Qt.ItemDataRole.ToolTipRole:
            if is_document:
                return self.tr("%1: %2 characters, %3 codings, %4 speakers").replace("%1", row.name).replace(
                    "%2", f"{row.characters:,}").replace("%3", str(row.codings)).replace("%4", str(len(row.speakers)))
            return self.tr("%1: %2 turns in this document").replace("%1", row.name).replace("%2", str(row.turns))
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and not is_document:
            return QColor("#555555")
        if role == DOCUMENT_ID_ROLE:
            return self.document_of(index).id
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            if section == self.CODINGS:
                return self.tr("Codings in the document")
            if section == self.TURNS:
                return self.tr("Turns of the document's speakers, and of each speaker in it")
        return super().headerData(section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class DocumentBrowser(QTreeView):
    sig_document_selected = Signal(int)
    """The researcher chose a document to read (its id)."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document_model = DocumentModel(context, self)
        self.setModel(self.document_model)
        self.setUniformRowHeights(True)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.selectionModel().currentChanged.connect(self._current_changed)
        self._current_document: int | None = None
        self.context = context
        for key, slot in ((QKeySequence(Qt.Key.Key_F2), self.rename_current),
                          (QKeySequence(QKeySequence.StandardKey.Delete), self.delete_current)):
            QShortcut(key, self, slot, context=Qt.ShortcutContext.WidgetShortcut)

    def refresh(self) -> None:
        current = self._current_document
        expanded = {
            item.data.id for item in self.document_model.root.children
            if self.isExpanded(self.document_model.index_of(item))
        }
        self.document_model.refresh()
        for item in self.document_model.root.children:
            if item.data.id in expanded or len(self.document_model.rows) <= 3:
                self.setExpanded(self.document_model.index_of(item), True)
        if current is not None:
            self.select_document(current, quietly=True)

    def select_document(self, document_id: int, *, quietly: bool = False) -> None:
        index = self.document_model.index_of_document(document_id)
        if not index.isValid():
            return
        self._current_document = document_id if quietly else self._current_document
        self.selectionModel().setCurrentIndex(index, self.selectionModel().SelectionFlag.ClearAndSelect | self.selectionModel().SelectionFlag.Rows)

    def context_menu(self, index: QModelIndex) -> QMenu | None:
        """The menu for the document at ``index`` (a speaker row stands for its document): its language."""
        row = self.document_model.document_of(index)
        if row is None or self.document_model.context.project is None:
            return None
        from app.ui.document_language import LanguageMenu

        menu = QMenu(self)
        rename = menu.addAction(self.tr("Rename…"), lambda: self.rename(row.name))
        rename.setShortcut(QKeySequence(Qt.Key.Key_F2))
        delete = menu.addAction(self.tr("Delete…"), lambda: self.delete(row.name))
        delete.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        menu.addSeparator()
        menu.language_menu = LanguageMenu(self.document_model.context, row.id, menu)  # type: ignore[attr-defined]
        menu.addMenu(menu.language_menu)  # type: ignore[attr-defined]
        return menu

    def _current_row(self) -> DocumentRow | None:
        return self.document_model.document_of(self.currentIndex())

    def rename_current(self) -> None:
        row = self._current_row()
        if row is not None:
            self.rename(row.name)

    def delete_current(self) -> None:
        row = self._current_row()
        if row is not None:
            self.delete(row.name)

    def rename(self, name: str, new_name: str | None = None) -> bool:
        """Rename a document (asked for when ``new_name`` is not given); undoable."""
        from app.ui.commands import RenameDocument

        if new_name is None:
            new_name, ok = QInputDialog.getText(self, self.tr("Rename document"), self.tr("New name:"), text=name)
            if not ok:
                return False
        return self.context.execute(RenameDocument(self.context, name, new_name))

    def delete(self, name: str, *, confirm: bool = True) -> bool:
        """Delete a document with its codings, after asking; undoable (Edit › Undo brings all of it back)."""
        from app.ui.commands import DeleteDocument

        row = next((r for r in self.document_model.rows if r.name == name), None)
        if confirm:
            question = self.tr("Delete the document “%1” with its %2 codings and its memos?\n\n"
                               "Edit › Undo brings it back.").replace("%1", name).replace(
                                   "%2", str(row.codings if row is not None else 0))
            answer = QMessageBox.question(self, self.tr("Delete document"), question,
                                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                          QMessageBox.StandardButton.Cancel)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return self.context.execute(DeleteDocument(self.context, name))

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        menu = self.context_menu(self.indexAt(event.pos()))
        if menu is not None:
            menu.exec(event.globalPos())
            menu.deleteLater()

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.document_model.document_of(current)
        if row is not None and row.id != self._current_document:
            self._current_document = row.id
            self.sig_document_selected.emit(row.id)
