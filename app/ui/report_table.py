"""A thin, sortable table model for the reports view: column headers and a cache of plain row tuples.

The reports view computes the rows with ``app/analysis`` and hands them in; the model only shows and sorts them.
Numbers are right-aligned and sort as numbers; a missing value (None) shows as "–" and sorts last.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
MISSING = "–"


def shown(value: Any) -> str:
    if value is None:
        return MISSING
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _sort_key(value: Any) -> tuple:
    if isinstance(value, (int, float)):
        return (0, value, "")
    return (1, 0, str(value).casefold())


class ReportTableModel(QAbstractTableModel):
    """Rows of values under ``headers``; ``percent_columns`` show a share (0..1) as a percentage."""

    def __init__(self, headers: Sequence[str] = (), parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.headers: list[str] = list(headers)
        self.rows: list[tuple] = []
        self.percent_columns: set[int] = set()
        self.indent_column: int | None = None  # indented by the row's depth (see ``depths``)
        self.depths: list[int] = []
        self.sorted_by: tuple[int, Qt.SortOrder] | None = None  # kept through set_rows: a refresh keeps the order

    def set_rows(
        self, headers: Sequence[str], rows: Sequence[Sequence[Any]], *, percent_columns: Sequence[int] = (),
        depths: Sequence[int] | None = None,
    ) -> None:
        self.beginResetModel()
        self.headers = list(headers)
        self.rows = [tuple(row) for row in rows]
        self.percent_columns = set(percent_columns)
        self.depths = list(depths) if depths is not None else [0] * len(self.rows)
        self.indent_column = 0 if depths is not None else None
        self.endResetModel()
        if self.sorted_by is not None:
            self.sort(*self.sorted_by)

    # --- Qt model --------------------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows) or index.column() >= len(self.headers):
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() in self.percent_columns and isinstance(value, float):
                return f"{value * 100:.1f} %"
            text = shown(value)
            if index.column() == self.indent_column and self.depths:
                text = "    " * self.depths[index.row()] + text
            return text
        if role == Qt.ItemDataRole.UserRole:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole and (value is None or isinstance(value, (int, float))):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if 0 <= section < len(self.headers) else None
        return section + 1

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.headers):
            return
        self.sorted_by = (column, order)
        self.layoutAboutToBeChanged.emit()
        present = [(i, row) for i, row in enumerate(self.rows) if row[column] is not None]
        missing = [(i, row) for i, row in enumerate(self.rows) if row[column] is None]
        present.sort(key=lambda item: _sort_key(item[1][column]), reverse=order == Qt.SortOrder.DescendingOrder)
        pairs = present + missing  # missing values last either way
        old_persistent = self.persistentIndexList()
        moved = {old: new for new, (old, _) in enumerate(pairs)}
        self.rows = [row for _, row in pairs]
        self.depths = [self.depths[old] for old, _ in pairs] if self.depths else self.depths
        self.changePersistentIndexList(
            old_persistent, [self.index(moved[i.row()], i.column()) for i in old_persistent]
        )
        self.layoutChanged.emit()
