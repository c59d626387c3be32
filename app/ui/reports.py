"""The reports view: code frequencies with their chart, the code × speaker matrix, the speaker overview and the
priority ranking, each a sortable table computed by ``app/analysis``; an Export button opens the export dialog.

The analyses read the project once (``dataset.load``) and are fast, so they run on the GUI thread; the view
refreshes when it is visible and the project changed (or when it is shown again after a change).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.ui.chart_label import ChartLabel
from app.ui.context import ApplicationContext
from app.ui.report_table import ReportTableModel
from app.ui.tasks import TaskState

MEASURES = ("maßnahmen", "massnahmen", "measures")  # the parent ranked first when there is one


def _path(path: str) -> str:
    return path.replace("/", " › ")


@dataclass(frozen=True)
class Analyses:
    data: object  # ProjectData: the priorities are ranked from it when another parent is chosen
    frequencies: list
    matrix: object  # Matrix: codes × speakers
    documents: object  # Matrix: codes × documents
    speakers: list
    chart: bytes | None  # PNG; None without codings


def analyse(state: TaskState, project, coders: tuple[str, ...] = ()) -> Analyses:  # noqa: ANN001 - Project
    """Worker: read the project once (only ``coders``' codings, if named) and compute what the view shows."""
    from app.analysis.dataset import Selection, load
    from app.analysis.frequencies import code_tree_frequencies
    from app.analysis.matrices import code_by_document, code_by_speaker
    from app.analysis.speaker_overview import speaker_overview
    from app.export.charts import frequency_bars
    from app.export.labels import labels_for

    data = load(project, Selection(coders=coders))
    state.check()
    frequencies = code_tree_frequencies(data)
    chart = None
    if any(f.total_codings for f in frequencies):
        colors = {code.path: code.color for code in data.codes.values()}
        # The top-level codes, each with its sub-codes: a parent and its children are never bars of one series.
        top = set(data.children.get(None, []))
        chart, _ = frequency_bars([(f.code, f.total_codings, colors[f.code])
                                   for code_id, f in zip(data.codes, frequencies) if code_id in top],
                                  language=labels_for(data.language))
    return Analyses(data, frequencies, code_by_speaker(data), code_by_document(data), speaker_overview(data), chart)


def table_view(model: ReportTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSortingEnabled(True)
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)  # the analysis' order first
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view


class ReportsView(QWidget):
    sig_export_requested = Signal()
    """The researcher wants to export a report."""
    sig_refreshed = Signal()
    """The tables show the project as it is now."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._dirty = True
        self.frequency_model = ReportTableModel(parent=self)
        self.matrix_model = ReportTableModel(parent=self)
        self.document_matrix_model = ReportTableModel(parent=self)
        self.speaker_model = ReportTableModel(parent=self)
        self.priority_model = ReportTableModel(parent=self)
        self.chart = ChartLabel()
        self.parent_choice = QComboBox()
        self.parent_choice.currentIndexChanged.connect(lambda *_: self._parent_chosen())
        self._chosen_parent: str | None = None  # the researcher's choice, kept through refreshes
        self.shown_coders: tuple[str, ...] = ()  # as the View › Show coders menu says; empty: everyone's
        self.summary = QLabel()
        self._build()
        context.sig_project_opened.connect(self.mark_dirty)
        context.sig_project_changed.connect(self.mark_dirty)
        self._data = None
        self._task = None
        self._again = False

    def _build(self) -> None:
        chart_area = QScrollArea()
        chart_area.setWidget(self.chart)
        chart_area.setWidgetResizable(True)
        self.frequency_table = table_view(self.frequency_model)
        frequencies = QSplitter(Qt.Orientation.Vertical)
        frequencies.addWidget(self.frequency_table)
        frequencies.addWidget(chart_area)
        frequencies.setSizes([300, 300])
        priorities = QWidget()
        layout = QVBoxLayout(priorities)
        layout.setContentsMargins(0, 4, 0, 0)
        choose = QHBoxLayout()
        self.rank_label = QLabel()
        choose.addWidget(self.rank_label)
        choose.addWidget(self.parent_choice, 1)
        layout.addLayout(choose)
        layout.addWidget(table_view(self.priority_model))
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        for page in (frequencies, table_view(self.matrix_model), table_view(self.document_matrix_model),
                     table_view(self.speaker_model), priorities):
            self.tabs.addTab(page, "")  # titles: retranslate()
        self.export_button = QPushButton()
        self.export_button.clicked.connect(self.sig_export_requested)
        self.refresh_button = refresh = QPushButton()
        refresh.clicked.connect(self.refresh)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(refresh)
        bar.addWidget(self.export_button)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addLayout(bar)
        outer.addWidget(self.tabs)
        self.retranslate()

    def retranslate(self) -> None:
        """Tabs and buttons in the current language (at start and when the language changes); the tables' headers
        come with the next computation."""
        for index, title in enumerate((self.tr("Code frequencies"), self.tr("Codes × speakers"),
                                       self.tr("Codes × documents"), self.tr("Speakers"), self.tr("Priorities"))):
            self.tabs.setTabText(index, title)
        self.rank_label.setText(self.tr("Rank the codes under:"))
        self.export_button.setText(self.tr("Export report…"))
        self.refresh_button.setText(self.tr("Refresh"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            if hasattr(self, "_task"):
                self.mark_dirty()
        super().changeEvent(event)

    # --- refreshing ------------------------------------------------------------------------------------------

    def show_coders(self, coders: list[str] | None) -> None:
        """Count only these coders' codings (None: everyone's), as the transcript shows them."""
        self.shown_coders = tuple(coders or ())
        self.mark_dirty()

    def mark_dirty(self, *_args: object) -> None:
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    @property
    def busy(self) -> bool:
        """The analyses are being computed (or are due)."""
        return self._task is not None or (self._dirty and self.isVisible())

    def refresh(self) -> None:
        """Compute the analyses in the background; the tables follow when they are done."""
        self._dirty = False
        if self._task is not None:  # one at a time: again once this one is done
            self._again = True
            return
        project = self.context.project
        self.export_button.setEnabled(project is not None)
        if project is None:
            self._show(None)
            self.sig_refreshed.emit()
            return
        self._task = self.context.tasks.submit("reports", analyse, project, self.shown_coders)
        self._task.sig_finished.connect(self._show)
        self._task.sig_failed.connect(lambda exc: self.summary.setText(self.tr("Not computed: %1").replace("%1", str(exc))))
        self._task.sig_done.connect(self._finished)

    def _finished(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
        else:
            self.sig_refreshed.emit()

    def _show(self, result: Analyses | None) -> None:
        self._data = None if result is None else result.data
        self._fill_frequencies([] if result is None else result.frequencies)
        self.chart.set_png(None if result is None else result.chart)
        if result is not None and result.chart is None:
            self.chart.setText(self.tr("No codings yet: the chart appears once something is coded."))
        self._fill_matrix(self.matrix_model, None if result is None else result.matrix)
        self._fill_matrix(self.document_matrix_model, None if result is None else result.documents)
        self._fill_speakers([] if result is None else result.speakers)
        self._fill_parents()
        data = self._data
        self.summary.setText(
            "" if data is None else self.tr("Documents: %1 · codes: %2 · codings: %3")
            .replace("%1", str(len(data.documents))).replace("%2", str(len(data.codes)))
            .replace("%3", str(len(data.coding_table)))
        )

    def _fill_frequencies(self, rows: list) -> None:
        headers = [self.tr("Code"), self.tr("Codings"), self.tr("Documents"), self.tr("Speakers"), self.tr("Words"),
                   self.tr("Total codings"), self.tr("Total documents"), self.tr("Total speakers"),
                   self.tr("Total words")]  # totals: with the sub-codes
        self.frequency_model.set_rows(headers, [
            (_path(f.code), f.codings, f.documents, f.speakers, f.words, f.total_codings, f.total_documents,
             f.total_speakers, f.total_words) for f in rows
        ])

    def _fill_matrix(self, model: ReportTableModel, matrix) -> None:  # noqa: ANN001 - Matrix or None
        if matrix is None:
            model.set_rows([self.tr("Code")], [])
            return
        columns = [name if name is not None else self.tr("(no speaker)") for name in matrix.columns]
        rows = [(_path(code), *cells, sum(cells)) for code, cells in zip(matrix.rows, matrix.cells)]
        model.set_rows([self.tr("Code"), *columns, self.tr("Total")], rows)

    def _fill_speakers(self, rows: list) -> None:
        headers = [self.tr("Document"), self.tr("Speaker"), self.tr("Turns"), self.tr("Words"),
                   self.tr("Share of talk"), self.tr("Codings")]
        everything = self.tr("(all documents)")
        self.speaker_model.set_rows(headers, [
            (s.document if s.document is not None else everything, s.speaker, s.turns, s.words, s.share, s.codings)
            for s in rows
        ], percent_columns=[4])

    def _fill_parents(self) -> None:
        """Codes with sub-codes, the researcher's choice kept if it is still there."""
        data = self._data
        chosen = self._chosen_parent
        parents = [] if data is None else [code.path for code in data.codes.values() if data.children.get(code.id)]
        self.parent_choice.blockSignals(True)
        self.parent_choice.clear()
        for path in parents:
            self.parent_choice.addItem(_path(path), path)
        if chosen not in parents:  # the workshop's measures when there are any, else the first
            from app.analysis.priorities import measures_parent

            measures = measures_parent(data) if data is not None else None
            chosen = measures if measures in parents else next(
                (p for p in parents if p.casefold() in MEASURES), parents[0] if parents else None)
        if chosen is not None:
            self.parent_choice.setCurrentIndex(parents.index(chosen))
        self.parent_choice.blockSignals(False)
        self._fill_priorities()

    def _parent_chosen(self) -> None:
        self._chosen_parent = self.parent_choice.currentData()
        self._fill_priorities()

    def choose_parent(self, path: str) -> None:
        index = self.parent_choice.findData(path)
        if index >= 0:
            self.parent_choice.setCurrentIndex(index)

    def _fill_priorities(self) -> None:
        from app.analysis.priorities import priority_ranking

        headers = [self.tr("Rank"), self.tr("Code"), self.tr("Points"), self.tr("Share of points"),
                   self.tr("Participants"), self.tr("Institutions"), self.tr("Passages"), self.tr("Raised by")]
        parent = self.parent_choice.currentData()
        rows = [] if self._data is None or parent is None else priority_ranking(self._data, parent)
        self.priority_model.set_rows(headers, [
            (r.rank, r.name, r.points, r.share, r.speakers, r.institutions, r.codings, r.proposed_by) for r in rows
        ], percent_columns=[3])
