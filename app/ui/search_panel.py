"""Searching the project: word, phrase, lemma (every inflection), wildcard or regular expression, filtered by
document, speaker and code; the hits as keyword-in-context lines, a double click shows one in the transcript, and
the hits can be auto-coded (with a preview, as one undo step).

The search runs on the task runner: documents without a current language index are indexed first, with progress
shown in the panel and a button to cancel; the hits (plain values, no ORM objects) arrive on the GUI thread.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.analysis.search import Filters, Hit, search
from app.analysis.text_index import index_documents
from app.models import Project
from app.services import ChangeSet, ServiceError
from app.ui.autocode import AutocodePreview, preview_autocoding
from app.ui.context import ApplicationContext
from app.ui.search_filters import SearchFilters, fill
from app.ui.search_results import AFTER_COLUMN, BEFORE_COLUMN, HIT_COLUMN, HitModel
from app.ui.table_export import export_table
from app.ui.tasks import Task, TaskState


def find_hits(state: TaskState, project: Project, query: str, mode: str, filters: Filters) -> list[Hit]:
    """In the worker: index the documents that need it (with progress, cancellable), then search."""
    if not project.read_only:
        index_documents(project, None, state.report, lambda: state.cancelled)
        state.check()
    return search(project, query, mode=mode, filters=filters)


class SearchPanel(QWidget):
    sig_jump = Signal(int, int, int)
    """Show this hit: document id, start, end (code points)."""
    sig_searched = Signal(int)
    """A search finished (or failed: -1); the number of hits."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        self.last: tuple[str, str] | None = None  # the query and mode the hits shown came from
        self._build()
        context.sig_project_opened.connect(self.reload)
        context.sig_project_changed.connect(self._project_changed)
        self.reload()

    # --- widgets ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.query = QLineEdit()
        self.query.setPlaceholderText(self.tr("Search the transcripts, e.g. Sprachkurs"))
        self.query.setClearButtonEnabled(True)
        self.query.returnPressed.connect(lambda: self.run_search())
        self.mode = QComboBox()
        for mode, label in (
            ("lemma", self.tr("Lemma (every inflection)")),
            ("word", self.tr("Word")),
            ("phrase", self.tr("Phrase")),
            ("wildcard", self.tr("Wildcard (* and ?)")),
            ("regex", self.tr("Regular expression")),
        ):
            self.mode.addItem(label, mode)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(lambda: self.run_search())
        self.filter_bar = SearchFilters()
        top = QHBoxLayout()
        top.addWidget(self.query, 3)
        top.addWidget(self.mode)
        top.addWidget(self.search_button)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(lambda: self.cancel())
        progress = QHBoxLayout()
        progress.addWidget(self.progress_label)
        progress.addWidget(self.progress, 1)
        progress.addWidget(self.cancel_button)
        self._show_progress(False)
        self.model = HitModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        for column in range(BEFORE_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column in (BEFORE_COLUMN, AFTER_COLUMN):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(HIT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._jump)
        self.summary = QLabel()
        self.code_box = QComboBox()
        self.code_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.unit = QComboBox()
        for unit, label in (("match", self.tr("the match")), ("sentence", self.tr("its sentence")),
                            ("turn", self.tr("the whole turn"))):
            self.unit.addItem(label, unit)
        self.autocode_button = QPushButton(self.tr("Code hits…"))
        self.autocode_button.clicked.connect(lambda: self.preview_autocode())
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(QLabel(self.tr("Code")))
        bottom.addWidget(self.unit)
        bottom.addWidget(QLabel(self.tr("with")))
        bottom.addWidget(self.code_box)
        bottom.addWidget(self.autocode_button)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.clicked.connect(lambda: self.export_hits())
        bottom.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.filter_bar)
        layout.addLayout(progress)
        layout.addWidget(self.table)
        layout.addLayout(bottom)

    def _show_progress(self, shown: bool) -> None:
        for widget in (self.progress, self.progress_label, self.cancel_button):
            widget.setVisible(shown)

    # --- the project's documents, speakers and codes ---------------------------------------------------------

    def reload(self) -> None:
        """A project was opened or closed: fresh filters, no hits."""
        self.cancel()
        self.model.set_hits([])
        self.last = None
        self.reload_choices()
        self._update_state()

    def reload_choices(self) -> None:
        self.filter_bar.reload(self.context.project)
        fill(self.code_box, None, self.filter_bar.codes)

    def _project_changed(self, changes: ChangeSet) -> None:
        kinds = {ref.kind for ref in (*changes.created, *changes.updated, *changes.deleted)}
        if kinds & {"document", "speaker", "code", "attribute"}:
            self.reload_choices()
        within_code = self.filter_bar.within_code
        if self.last is not None and (kinds & {"document", "speaker", "attribute"} or (within_code and kinds & {"coding", "code"})):
            self.run_search(*self.last)  # the hits shown would be out of date
        self._update_state()

    # --- searching -------------------------------------------------------------------------------------------

    def run_search(self, query: str | None = None, mode: str | None = None) -> None:
        """Search in the background (indexing first what needs it); ``sig_searched`` tells when it is done."""
        project = self.context.project
        query = self.query.text() if query is None else query
        mode = self.mode.currentData() if mode is None else mode
        if project is None or not query.strip():
            return
        self.cancel()
        task = self.task = self.context.tasks.submit("search", find_hits, project, query, mode, self.filter_bar.filters())
        self.summary.setText(self.tr("Searching…"))
        task.sig_progress.connect(lambda fraction, name: self._progress(task, fraction, name))
        task.sig_finished.connect(lambda hits: self._found(task, query, mode, hits))
        task.sig_failed.connect(lambda exc: self._failed(task, exc))
        self._update_state()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._show_progress(False)
            self.summary.setText(self.tr("Search cancelled."))
            self._update_state()

    def _progress(self, task: Task, fraction: float, name: str) -> None:
        if task is self.task:
            self._show_progress(True)
            self.progress.setValue(int(fraction * 100))
            self.progress_label.setText(self.tr("Building the language index: %1").replace("%1", name))

    def _found(self, task: Task, query: str, mode: str, hits: list[Hit]) -> None:
        if task is not self.task:
            return
        self._stopped(task, "")
        self.last = (query, mode)
        self.model.set_hits(hits)
        documents = len({hit.document_id for hit in hits})
        self.summary.setText(self.tr("%1 hit(s) in %2 document(s)").replace("%1", str(len(hits))).replace("%2", str(documents)))
        self._update_state()
        self.sig_searched.emit(len(hits))

    def _failed(self, task: Task, exc: Exception) -> None:
        if task is not self.task:
            return
        self._stopped(task, str(exc) if isinstance(exc, ServiceError) else self.tr("The search failed: %1").replace("%1", str(exc)))
        self.model.set_hits([])
        self.last = None
        self._update_state()
        self.sig_searched.emit(-1)

    def _stopped(self, task: Task, message: str) -> None:
        if task is self.task:
            self.task = None
            self._show_progress(False)
            if message:
                self.summary.setText(message)
            self._update_state()

    def _update_state(self) -> None:
        has_project = self.context.project is not None
        self.search_button.setEnabled(has_project and self.task is None)
        writable = has_project and not self.context.project.read_only
        self.autocode_button.setEnabled(writable and bool(self.model.hits) and self.code_box.count() > 0)
        self.export_button.setEnabled(bool(self.model.hits))

    def _jump(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row())
        if hit.document_id in self.filter_bar.documents:  # not deleted since (the search is then run again)
            self.sig_jump.emit(hit.document_id, hit.start, hit.end)

    # --- auto-coding -----------------------------------------------------------------------------------------

    def preview_autocode(self) -> AutocodePreview | None:
        """Show what coding the hits would code; "Code" in the preview does it as one undo step."""
        code_id = self.code_box.currentData()
        if code_id is None or not self.model.hits:
            return None
        dialog = self.autocode_preview = preview_autocoding(
            self, self.context, self.model.hits, self.filter_bar.codes[code_id], self.unit.currentData(), self.unit.currentText())
        if dialog is not None:
            dialog.sig_coded.connect(self.summary.setText)
        return dialog

    def export_hits(self, target: str | None = None) -> Path | None:
        from app.export.word_tables import hits_table

        return export_table(self, self.context, hits_table(self.model.hits), "hits", target) if self.model.hits else None
