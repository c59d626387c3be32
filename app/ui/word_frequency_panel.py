"""Word frequencies: per project, document, speaker or code, counting word forms or lemmas, stop words left out
(the stop list is editable). Counted on the task runner, which first builds any missing language index."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.analysis.text_index import index_documents
from app.analysis.word_frequencies import WordCount, word_frequencies
from app.models import Project
from app.services import ChangeSet, queries
from app.ui.context import ApplicationContext
from app.ui.table_export import export_table
from app.ui.tasks import Task, TaskState
from app.ui.row_table import RowTableModel
from app.ui.tree_model import Index

COLUMNS = (
    QT_TRANSLATE_NOOP("WordFrequencyModel", "Group"),
    QT_TRANSLATE_NOOP("WordFrequencyModel", "Word"),
    QT_TRANSLATE_NOOP("WordFrequencyModel", "Count"),
)


def count_words(
    state: TaskState, project: Project, by: str, lemma: bool, limit: int | None, attribute: str | None = None
) -> list[WordCount]:
    """In the worker: index what needs it (with progress, cancellable), then count."""
    if not project.read_only:
        index_documents(project, None, state.report, lambda: state.cancelled)
        state.check()
    return word_frequencies(project, by=by, attribute=attribute, lemma=lemma, limit=limit)


class WordFrequencyModel(RowTableModel):
    columns = COLUMNS

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (row.group or "–", row.word, row.count)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WordFrequencyPanel(QWidget):
    sig_counted = Signal(int)
    """Counting finished (or failed: -1); the number of rows."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        self.by = QComboBox()  # data: a grouping, or "attribute" and the attribute's name
        self.lemma = QCheckBox(self.tr("Lemmas (Sprachkurse → Sprachkurs)"))
        self.limit = QSpinBox()
        self.limit.setRange(0, 100_000)
        self.limit.setValue(50)
        self.limit.setSpecialValueText(self.tr("all"))
        self.count_button = QPushButton(self.tr("Count words"))
        self.count_button.clicked.connect(lambda: self.count())
        self.stop_button = QPushButton(self.tr("Stop words…"))
        self.stop_button.clicked.connect(lambda: self.edit_stop_words())
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Count by")))
        bar.addWidget(self.by)
        bar.addWidget(self.lemma)
        bar.addWidget(QLabel(self.tr("Words per group:")))
        bar.addWidget(self.limit)
        bar.addStretch(1)
        bar.addWidget(self.stop_button)
        bar.addWidget(self.count_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export())
        bar.addWidget(self.export_button)
        self.model = WordFrequencyModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the count stays beside its word
        self.summary = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        layout.addWidget(self.summary)
        context.sig_project_opened.connect(self._reset)
        context.sig_project_changed.connect(self._project_changed)
        self._reset()

    def _fill_groupings(self) -> None:
        chosen = self.by.currentData()
        self.by.clear()
        for by, label in (("project", self.tr("the whole project")), ("document", self.tr("document")),
                          ("speaker", self.tr("speaker")), ("code", self.tr("code"))):
            self.by.addItem(label, by)
        names = [] if self.context.project is None else queries.list_speakers(self.context.project)[0]
        for name in names:
            self.by.addItem(self.tr("speaker attribute “%1”").replace("%1", name), f"attribute:{name}")
        self.by.setCurrentIndex(max(0, self.by.findData(chosen)))

    def _reset(self) -> None:
        self._fill_groupings()
        self.task = None
        self.model.set_rows([])
        self.summary.setText("")
        self._update_state()

    def _update_state(self) -> None:
        project = self.context.project
        self.count_button.setEnabled(project is not None and self.task is None)
        self.stop_button.setEnabled(project is not None and not project.read_only)
        self.export_button.setEnabled(bool(self.model.rows))

    def _project_changed(self, changes: ChangeSet) -> None:
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if "attribute" in kinds:
            self._fill_groupings()
        if self.model.rows and kinds & {"stop_list", "document", "speaker", "code", "coding"}:
            self.count()  # the table shown would be out of date

    def count(self) -> None:
        project = self.context.project
        if project is None:
            return
        if self.task is not None:
            self.task.cancel()
        by, _, attribute = self.by.currentData().partition(":")
        lemma, limit = self.lemma.isChecked(), self.limit.value() or None
        task = self.task = self.context.tasks.submit("words", count_words, project, by, lemma, limit, attribute or None)
        self.counted = (by, lemma)
        self.summary.setText(self.tr("Counting…"))
        task.sig_progress.connect(
            lambda fraction, name: task is self.task and self.summary.setText(
                self.tr("Building the language index: %1").replace("%1", name)))
        task.sig_finished.connect(lambda rows: self._counted(task, rows))
        task.sig_failed.connect(lambda exc: self._failed(task, exc))
        task.sig_cancelled.connect(lambda: self._failed(task, None))
        self._update_state()

    def _counted(self, task: Task, rows: list[WordCount]) -> None:
        if task is not self.task:
            return
        self.task = None
        self.model.set_rows(rows)
        self.summary.setText(self.tr("%1 row(s)").replace("%1", str(len(rows))))
        self._update_state()
        self.sig_counted.emit(len(rows))

    def _failed(self, task: Task, exc: Exception | None) -> None:
        if task is not self.task:
            return
        self.task = None
        self.summary.setText(self.tr("Cancelled.") if exc is None else str(exc))
        self._update_state()
        self.sig_counted.emit(-1)

    def export(self, target: str | None = None) -> Path | None:
        from app.export.word_tables import word_frequency_table

        if not self.model.rows:
            return None
        by, lemma = self.counted
        return export_table(self, self.context, word_frequency_table(self.model.rows, by=by, lemma=lemma), "words", target)

    def edit_stop_words(self):  # noqa: ANN201 - the dialog, for tests
        from app.ui.stop_words import StopWordsDialog

        if self.context.project is None:
            return None
        dialog = self.stop_words_dialog = StopWordsDialog(self.context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
