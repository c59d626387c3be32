"""The code tree: codes with their colours and numbers of codings; create, rename, recolour, delete, merge, and
re-parent or reorder by drag and drop, each an undo command. Dragging a code onto a selected passage codes it.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QModelIndex, QTimer, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from app.services import queries
from app.services.queries import CodeRow
from app.ui.commands import MoveCode, RenameCode
from app.ui.context import ApplicationContext
from app.ui.transcript_view import CODE_MIME, CodeLook
from app.ui.tree_model import Index, ItemTreeModel, TreeItem

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
CODE_PATH_ROLE = Qt.ItemDataRole.UserRole + 2


def swatch(color: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class CodeTreeModel(ItemTreeModel):
    HEADERS = (QT_TRANSLATE_NOOP("CodeTreeModel", "Code"), QT_TRANSLATE_NOOP("CodeTreeModel", "Codings"))

    def __init__(self, context: ApplicationContext, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.context = context
        self.rows: list[CodeRow] = []
        self._icons: dict[str, QIcon] = {}

    def refresh(self) -> None:
        project = self.context.project
        self.rows = [] if project is None else queries.list_codes(project)
        root, items = TreeItem(), {}
        for row in self.rows:  # parents come before their children
            items[row.id] = TreeItem(row, items.get(row.parent_id, root))
        self.set_root(root)

    def look(self) -> CodeLook:
        return CodeLook(
            colors={row.id: row.color for row in self.rows},
            paths={row.id: row.path for row in self.rows},
            order={row.id: order for order, row in enumerate(self.rows)},
        )

    def row_of(self, index: Index) -> CodeRow | None:
        return self.item(index).data if index.isValid() else None

    def index_of_code(self, code_id: int) -> QModelIndex:
        for item in self.walk():
            if item.data.id == code_id:
                return self.index_of(item)
        return QModelIndex()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row: CodeRow = index.internalPointer().data
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return row.name if column == 0 else row.codings
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            if row.color not in self._icons:
                self._icons[row.color] = swatch(row.color)
            return self._icons[row.color]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{row.path}\n{row.definition}".strip() if column == 0 else self.tr("%n coding(s)", "", row.codings)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == CODE_ID_ROLE:
            return row.id
        if role == CODE_PATH_ROLE:
            return row.path
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        if index.column() == 0:
            flags |= Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsDropEnabled
        return flags

    def setData(self, index: Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802, ANN001
        row = self.row_of(index)
        if row is None or role != Qt.ItemDataRole.EditRole or index.column() != 0:
            return False
        name = str(value).strip()
        if not name or name == row.name:
            return False
        # Renaming refreshes (resets) this model: do it once the editor has closed.
        QTimer.singleShot(0, lambda: self.context.execute(RenameCode(self.context, row.path, name)))
        return True

    # --- drag and drop ---------------------------------------------------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [CODE_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        data = QMimeData()
        rows = [self.row_of(index) for index in indexes if index.isValid() and index.column() == 0]
        if rows:
            data.setData(CODE_MIME, rows[0].path.encode("utf-8"))
            data.setText(rows[0].path)
        return data

    def canDropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        return data.hasFormat(CODE_MIME) and action == Qt.DropAction.MoveAction

    def dropMimeData(self, data, action, row, column, parent) -> bool:  # noqa: N802, ANN001
        """Re-parent the dragged code under ``parent`` (at ``row`` among its children, -1 for the end)."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        path = bytes(data.data(CODE_MIME).data()).decode("utf-8")
        target = self.row_of(parent)
        moving = next((r for r in self.rows if r.path == path), None)
        if moving is None or (target is not None and (target.path == path or target.path.startswith(path + "/"))):
            return False
        position = None if row < 0 else row
        if moving.parent_id == (None if target is None else target.id) and position is not None and position > moving.position:
            position -= 1  # the code leaves its old place before it takes the new one
        new_parent = None if target is None else target.path
        QTimer.singleShot(0, lambda: self.context.execute(MoveCode(self.context, path, new_parent, position)))
        return False  # the view must not remove anything itself; the refresh shows the move


class CodeTreeView(QTreeView):
    sig_code_activated = Signal(str)
    """A code was double-clicked or Enter was pressed on it: code the selection with it (its path)."""
    sig_codes_selected = Signal(list)
    """The selected codes changed (their ids)."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.code_model = CodeTreeModel(context, self)
        self.setModel(self.code_model)
        self.setHeaderHidden(False)
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed | QAbstractItemView.EditTrigger.SelectedClicked)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.doubleClicked.connect(self._activated)
        self._connect_selection()

    def _connect_selection(self) -> None:
        self.refreshing = False
        self.selectionModel().selectionChanged.connect(self._selection_changed)

    def _selection_changed(self, *_args: object) -> None:
        if not self.refreshing:  # a refresh clears and restores the selection: announce only the result
            self.sig_codes_selected.emit(self.selected_ids())

    def refresh(self) -> None:
        """Reload from the project, keeping what was expanded and selected."""
        selected = set(self.selected_ids())
        current = self.current_row()
        expanded = {item.data.id for item in self.code_model.walk() if self.isExpanded(self.code_model.index_of(item))}
        first_load = not self.code_model.rows
        self.refreshing = True
        try:
            self._reload(first_load, expanded, selected, current)
        finally:
            self.refreshing = False
        self.sig_codes_selected.emit(self.selected_ids())

    def _reload(self, first_load: bool, expanded: set[int], selected: set[int], current: CodeRow | None) -> None:
        self.code_model.refresh()
        for item in self.code_model.walk():
            index = self.code_model.index_of(item)
            if first_load or item.data.id in expanded or not item.children:
                self.setExpanded(index, True)
        selection = self.selectionModel()
        for item in self.code_model.walk():
            if item.data.id in selected:
                index = self.code_model.index_of(item)
                selection.select(index, selection.SelectionFlag.Select | selection.SelectionFlag.Rows)
        if current is not None:
            index = self.code_model.index_of_code(current.id)
            if index.isValid():
                selection.setCurrentIndex(index, selection.SelectionFlag.NoUpdate)

    def selected_ids(self) -> list[int]:
        return [
            index.data(CODE_ID_ROLE) for index in self.selectionModel().selectedRows(0) if index.isValid()
        ]

    def selected_rows(self) -> list[CodeRow]:
        return [self.code_model.row_of(index) for index in self.selectionModel().selectedRows(0)]

    def current_row(self) -> CodeRow | None:
        return self.code_model.row_of(self.currentIndex())

    def select_code(self, code_id: int) -> None:
        index = self.code_model.index_of_code(code_id)
        if index.isValid():
            self.setCurrentIndex(index)
            self.scrollTo(index)

    def _activated(self, index: QModelIndex) -> None:
        row = self.code_model.row_of(index)
        if row is not None:
            self.sig_code_activated.emit(row.path)

    def keyPressEvent(self, event) -> None:  # noqa: N802, ANN001
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.state() != QAbstractItemView.State.EditingState:
            row = self.current_row()
            if row is not None:
                self.sig_code_activated.emit(row.path)
                return
        super().keyPressEvent(event)
