"""A QAbstractItemModel over plain Python tree items (Anki and Orange keep theirs this way)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex


class TreeItem:
    """One row: its payload, its parent and its children. The invisible root has ``data`` None."""

    __slots__ = ("children", "data", "parent")

    def __init__(self, data: Any = None, parent: TreeItem | None = None) -> None:
        self.data = data
        self.parent = parent
        self.children: list[TreeItem] = []
        if parent is not None:
            parent.children.append(self)

    def row(self) -> int:
        return 0 if self.parent is None else self.parent.children.index(self)


class ItemTreeModel(QAbstractItemModel):
    """Index bookkeeping for a tree of TreeItems; subclasses say what the columns show."""

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.root = TreeItem()

    def item(self, index: Index) -> TreeItem:
        if index.isValid():
            return index.internalPointer()
        return self.root

    def set_root(self, root: TreeItem) -> None:
        self.beginResetModel()
        self.root = root
        self.endResetModel()

    def index_of(self, item: TreeItem, column: int = 0) -> QModelIndex:
        if item is self.root or item.parent is None:
            return QModelIndex()
        return self.createIndex(item.row(), column, item)

    def walk(self, item: TreeItem | None = None):  # noqa: ANN201
        for child in (item or self.root).children:
            yield child
            yield from self.walk(child)

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        return self.createIndex(row, column, self.item(parent).children[row])

    def parent(self, index: Index | None = None):  # noqa: ANN201 - without an index: QObject.parent()
        if index is None:
            return super().parent()
        if not index.isValid():
            return QModelIndex()
        parent = index.internalPointer().parent
        if parent is None or parent is self.root:
            return QModelIndex()
        return self.createIndex(parent.row(), 0, parent)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.item(parent).children)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802, ANN201
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self.HEADERS):
            return self.tr(self.HEADERS[section])
        return None
