"""The hits of a search as keyword-in-context lines: a thin table model over ``app.analysis.search.Hit``s.

The context either side is cut from the document's text only when a row is painted, so a search with many
hits costs no more than its hits.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QFont

from app.analysis.search import Hit
from app.ui.transcript_view import format_ms
from app.ui.row_table import RowTableModel
from app.ui.tree_model import Index

COLUMNS = (
    QT_TRANSLATE_NOOP("HitModel", "Document"),
    QT_TRANSLATE_NOOP("HitModel", "Speaker"),
    QT_TRANSLATE_NOOP("HitModel", "Time"),
    QT_TRANSLATE_NOOP("HitModel", "Before"),
    QT_TRANSLATE_NOOP("HitModel", "Hit"),
    QT_TRANSLATE_NOOP("HitModel", "After"),
)
BEFORE_COLUMN, HIT_COLUMN, AFTER_COLUMN = 3, 4, 5


class HitModel(RowTableModel):
    columns = COLUMNS

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._bold = QFont()
        self._bold.setBold(True)

    @property
    def hits(self) -> list[Hit]:
        return self.rows

    def set_hits(self, hits: list[Hit]) -> None:
        self.set_rows(hits)

    def hit(self, row: int) -> Hit:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        hit = self.hits[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return hit.document
            if column == 1:
                return hit.speaker or "–"
            if column == 2:
                return "" if hit.time_ms is None else format_ms(hit.time_ms)
            if column == BEFORE_COLUMN:
                return "…" + hit.before
            if column == HIT_COLUMN:
                return " ".join(hit.text.split())
            if column == AFTER_COLUMN:
                return hit.after + "…"
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == BEFORE_COLUMN:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == HIT_COLUMN:
                return int(Qt.AlignmentFlag.AlignCenter)
            return None
        if role == Qt.ItemDataRole.FontRole and column == HIT_COLUMN:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole and column in (BEFORE_COLUMN, HIT_COLUMN, AFTER_COLUMN):
            return hit.line()
        return None
