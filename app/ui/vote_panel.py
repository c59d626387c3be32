"""The "Punktabfrage" table beside the code tree: the measures (the sub-codes of the code chosen as measures) and
their points from the workshop's dot vote, as the dots were counted on the pinboard.

Typing a number sets a measure's points, clearing the cell removes them (the measure then counts as not voted on,
which is not 0 points); each edit is one undo step. Points that come from imported cards are shown in italics
until a count is entered over them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from app.analysis.priorities import MeasurePoints, measure_points, measures_parent
from app.analysis.dataset import load
from app.services import ChangeSet, ServiceError
from app.services.lookup import code_paths
from app.ui.context import ApplicationContext
from app.ui.row_table import RowTableModel
from app.ui.vote_commands import SetMeasuresParent, SetVotes

Index = QModelIndex | QPersistentModelIndex
# What a change must touch for the table to show something else.
_SHOWN_KINDS = {"vote", "study", "code", "coding", "document", "turn"}


class VoteModel(RowTableModel):
    """Measure | points; the points column is editable. Holds plain rows; edits go to ``sig_points_entered``."""

    sig_points_entered = Signal(str, object)
    """A measure's path and its new points (an int, or None to remove them)."""
    sig_refused = Signal(str)
    """What was typed is no number of points; the message says so."""

    columns = (QT_TRANSLATE_NOOP("VoteModel", "Measure"), QT_TRANSLATE_NOOP("VoteModel", "Points"))
    rows: list[MeasurePoints]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 1 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if index.column() == 0:
                return row.name
            return "" if row.points is None else str(row.points)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and index.column() == 1 and row.points is not None and not row.entered:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.code
        return None

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 1:
            return False
        text = str(value if value is not None else "").strip()
        if not text:
            points = None
        elif text.isdigit():
            points = int(text)
        else:
            self.sig_refused.emit(self.tr("“%1” is not a number of points.").replace("%1", text))
            return False
        row = self.rows[index.row()]
        if points == row.points and (row.entered or points is None):
            return False
        self.sig_points_entered.emit(row.code, points)
        return True


class VotePanel(QWidget):
    """The measures' parent to choose and the table of their points."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.title = QLabel()
        self.parent_label = QLabel()
        self.parent_choice = QComboBox()
        self.parent_choice.activated.connect(self._parent_chosen)
        self.model = VoteModel(self)
        self.model.sig_points_entered.connect(self.set_points)
        self.model.sig_refused.connect(context.sig_error)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QTableView.EditTrigger.DoubleClicked | QTableView.EditTrigger.EditKeyPressed
                                   | QTableView.EditTrigger.AnyKeyPressed)
        self.total = QLabel()
        choose = QHBoxLayout()
        choose.addWidget(self.parent_label)
        choose.addWidget(self.parent_choice, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.title)
        layout.addLayout(choose)
        layout.addWidget(self.table)
        layout.addWidget(self.total)
        self._pending = QTimer(self, singleShot=True, interval=0)  # several changes in a row: one refresh
        self._pending.timeout.connect(self.refresh)
        context.sig_project_opened.connect(self.refresh)
        context.sig_project_changed.connect(self._changed)
        self.retranslate()
        self.refresh()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Dot vote (Punktabfrage)"))
        self.parent_label.setText(self.tr("Measures:"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 1)
        self.table.setToolTip(self.tr("Type the points each measure got; clear a cell if the measure was not "
                                      "voted on. Points in italics come from imported cards."))
        self._show_total()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _changed(self, changes: ChangeSet) -> None:
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if kinds & _SHOWN_KINDS:
            self._pending.start()

    def refresh(self) -> None:
        project = self.context.project
        self.parent_choice.clear()
        if project is None:
            self.model.set_rows([])
            self._show_total()
            return
        try:
            data = load(project)
        except ServiceError as exc:
            self.context.sig_error.emit(str(exc))
            return
        with project.reading() as session:
            paths = code_paths(session)
        parents = [data.codes[c].path for c in data.children.get(None, [])]
        parents += sorted(p for c, p in paths.items() if "/" in p and data.children.get(c))
        chosen = measures_parent(data)
        self.parent_choice.addItem(self.tr("(automatic: Maßnahmen, Measures, Handlungsempfehlungen)"), None)
        for path in parents:
            self.parent_choice.addItem(path, path)
        self.parent_choice.setCurrentIndex(max(0, self.parent_choice.findData(chosen)) if chosen else 0)
        self.model.set_rows(measure_points(data, chosen) if chosen else [])
        self._show_total()

    def _show_total(self) -> None:
        voted = [row.points for row in self.model.rows if row.points is not None]
        self.total.setText(self.tr("%1 points on %2 of %3 measures")
                           .replace("%1", str(sum(voted))).replace("%2", str(len(voted)))
                           .replace("%3", str(len(self.model.rows))))

    def _parent_chosen(self, index: int) -> None:
        self.choose_parent(self.parent_choice.itemData(index))

    # --- actions; tests call them directly ----------------------------------------------------------------------

    def choose_parent(self, path: str | None) -> bool:
        if self.context.project is None:
            return False
        return self.context.execute(SetMeasuresParent(self.context, path))

    def set_points(self, code: str, points: int | None) -> bool:
        if self.context.project is None:
            return False
        return self.context.execute(SetVotes(self.context, code, points))
