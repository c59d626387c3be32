"""Code keywords and suggestions, a tab of the search dock: the search terms a code stands for ("Sprachkurs" as a
lemma, "Deutsch*" as a wildcard), and "Suggest", which lists the passages matching them that are not coded with the
code yet, in the auto-coding preview: the researcher leaves out what does not fit and codes the rest in one step.

Every change of the keywords is one undo step (``SetCodeKeywords``). Suggesting searches in the background, as the
search panel does (documents without a current language index are indexed first).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.analysis.autocoding import Passage, suggest
from app.analysis.search import Filters
from app.models import Project
from app.services import ChangeSet, ServiceError, queries
from app.services.text_settings import code_keywords
from app.ui.autocode import AutocodePreview, open_preview
from app.ui.context import ApplicationContext
from app.ui.search_filters import fill
from app.ui.tasks import Task, TaskState
from app.ui.text_commands import Keywords, SetCodeKeywords

MODES = ("lemma", "word", "phrase", "wildcard", "regex")
UNITS = ("sentence", "match", "turn")


def find_suggestions(state: TaskState, project: Project, code: str, unit: str) -> list[Passage]:
    """In the worker: the passages matching the code's keywords that are not coded with it."""
    state.check()
    return suggest(project, code, unit=unit, filters=Filters())


def split_keywords(text: str, mode: str) -> list[str]:
    """What was typed into the keyword field: several keywords apart by commas (a regular expression is one)."""
    parts = [text] if mode == "regex" else text.split(",")
    return [part.strip() for part in parts if part.strip()]


class KeywordPanel(QWidget):
    sig_suggested = Signal(int)
    """Suggestions arrived (the preview is open) or failed (-1); the number of passages."""

    def __init__(self, context: ApplicationContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.task: Task | None = None
        self.keywords: Keywords = []
        self.suggest_preview: AutocodePreview | None = None
        self._build()
        self.retranslate()
        context.sig_project_opened.connect(self.reload)
        context.sig_project_changed.connect(self._project_changed)
        self.reload()

    # --- widgets ---------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.code_label = QLabel()
        self.code_box = QComboBox()
        self.code_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.code_box.currentIndexChanged.connect(lambda _index: self.show_keywords())
        top = QHBoxLayout()
        top.addWidget(self.code_label)
        top.addWidget(self.code_box, 1)
        self.table = QTableWidget(0, 2)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemSelectionChanged.connect(self._update_state)
        self.keyword = QLineEdit()
        self.keyword.setClearButtonEnabled(True)
        self.keyword.returnPressed.connect(lambda: self.add_keywords())
        self.keyword.textChanged.connect(self._update_state)
        self.mode = QComboBox()
        for mode in MODES:
            self.mode.addItem("", mode)
        self.mode.currentIndexChanged.connect(self._update_state)
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_keywords())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(lambda: self.remove_keywords())
        editing = QHBoxLayout()
        editing.addWidget(self.keyword, 1)
        editing.addWidget(self.mode)
        editing.addWidget(self.add_button)
        editing.addWidget(self.remove_button)
        self.summary = QLabel()
        self.unit_label = QLabel()
        self.unit = QComboBox()
        for unit in UNITS:
            self.unit.addItem("", unit)
        self.suggest_button = QPushButton()
        self.suggest_button.clicked.connect(lambda: self.run_suggest())
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary, 1)
        bottom.addWidget(self.unit_label)
        bottom.addWidget(self.unit)
        bottom.addWidget(self.suggest_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addLayout(editing)
        layout.addLayout(bottom)

    def retranslate(self) -> None:
        """Texts in the current language (at start and when the language changes)."""
        self.code_label.setText(self.tr("Keywords of the code"))
        self.table.setHorizontalHeaderLabels([self.tr("Keyword"), self.tr("Search as")])
        self.keyword.setPlaceholderText(self.tr("New keywords, e.g. Sprachkurs, Deutschkurs"))
        for index, label in enumerate(self._mode_names()):
            self.mode.setItemText(index, label)
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.unit_label.setText(self.tr("Suggest"))
        for index, label in enumerate((self.tr("sentences"), self.tr("matches"), self.tr("whole turns"))):
            self.unit.setItemText(index, label)
        self.suggest_button.setText(self.tr("Suggest passages…"))
        self.suggest_button.setToolTip(self.tr("Passages matching the keywords that are not coded with the code yet"))
        self._fill_table()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _mode_names(self) -> list[str]:
        return [self.tr("Lemma (every inflection)"), self.tr("Word"), self.tr("Phrase"), self.tr("Wildcard (* and ?)"),
                self.tr("Regular expression")]

    # --- the project's codes and the chosen code's keywords --------------------------------------------------

    @property
    def code(self) -> str | None:
        """The path of the code chosen."""
        return self.code_box.currentData()

    def reload(self) -> None:
        """A project was opened or closed."""
        self.cancel()
        self.reload_codes()

    def reload_codes(self) -> None:
        project = self.context.project
        rows = [] if project is None else queries.list_codes(project)
        fill(self.code_box, None, {row.path: row.path for row in rows})
        self.show_keywords()

    def choose_code(self, path: str) -> None:
        self.code_box.setCurrentIndex(self.code_box.findData(path))

    def follow(self, tree) -> None:  # noqa: ANN001 - CodeTreeView
        """Show the keywords of the code chosen in the code tree."""
        def chosen(ids: list[int]) -> None:
            row = tree.current_row()
            if len(ids) == 1 and row is not None:
                self.choose_code(row.path)

        tree.sig_codes_selected.connect(chosen)

    def show_keywords(self) -> None:
        project, code = self.context.project, self.code
        try:
            self.keywords = [] if project is None or code is None else code_keywords(project, code)
        except ServiceError:  # the code was just deleted; the list of codes follows
            self.keywords = []
        self._fill_table()
        if self.task is None:  # a line about the code shown (what suggesting said was about the one before)
            self.summary.setText("" if self.code is None or self.keywords else self.tr("No keywords yet."))
        self._update_state()

    def _fill_table(self) -> None:
        names = dict(zip(MODES, self._mode_names()))
        self.table.setRowCount(len(self.keywords))
        for row, (query, mode) in enumerate(self.keywords):
            self.table.setItem(row, 0, QTableWidgetItem(query))
            self.table.setItem(row, 1, QTableWidgetItem(names.get(mode, mode)))

    def _project_changed(self, changes: ChangeSet) -> None:
        if any(ref.kind == "code" for ref in (*changes.created, *changes.updated, *changes.deleted)):
            self.reload_codes()  # renamed, added, deleted, or its keywords changed (also by undo)

    def _update_state(self) -> None:
        project = self.context.project
        writable = project is not None and not project.read_only and self.code is not None
        self.keyword.setEnabled(writable)
        self.mode.setEnabled(writable)
        self.add_button.setEnabled(writable and bool(split_keywords(self.keyword.text(), self.mode.currentData())))
        self.remove_button.setEnabled(writable and bool(self.table.selectionModel().selectedRows()))
        self.suggest_button.setEnabled(writable and bool(self.keywords) and self.task is None)

    # --- changing the keywords: one undo step each ------------------------------------------------------------

    def add_keywords(self, text: str | None = None, mode: str | None = None) -> bool:
        """Add what was typed (or ``text``), comma-separated keywords searched as ``mode``."""
        code = self.code
        text = self.keyword.text() if text is None else text
        mode = self.mode.currentData() if mode is None else mode
        new = [(query, mode) for query in split_keywords(text, mode) if (query, mode) not in self.keywords]
        if code is None or not new:
            return False
        done = self.context.execute(SetCodeKeywords(self.context, code, self.keywords + new, self.keywords))
        if done:
            self.keyword.clear()
        return done

    def remove_keywords(self, rows: list[int] | None = None) -> bool:
        """Remove the selected keywords (or those in ``rows``)."""
        code = self.code
        if rows is None:
            rows = [index.row() for index in self.table.selectionModel().selectedRows()]
        if code is None or not rows:
            return False
        kept = [keyword for row, keyword in enumerate(self.keywords) if row not in set(rows)]
        return self.context.execute(SetCodeKeywords(self.context, code, kept, self.keywords))

    # --- suggesting -------------------------------------------------------------------------------------------

    def run_suggest(self) -> None:
        """Find the suggestions in the background; the auto-coding preview shows them."""
        project, code = self.context.project, self.code
        if project is None or code is None or not self.keywords:
            return
        self.cancel()
        unit, unit_name = self.unit.currentData(), self.unit.currentText()
        task = self.task = self.context.tasks.submit("suggest", find_suggestions, project, code, unit)
        self.summary.setText(self.tr("Looking for passages…"))
        task.sig_finished.connect(lambda found: self._found(task, code, unit_name, found))
        task.sig_failed.connect(lambda exc: self._failed(task, exc))
        task.sig_done.connect(lambda: self._done(task))
        self._update_state()

    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.task = None
            self._update_state()

    def _found(self, task: Task, code: str, unit_name: str, found: list[Passage]) -> None:
        if task is not self.task:
            return
        self.task = None
        self._update_state()
        summary = self.tr("%1 passage(s) suggested for “%2”.")
        self.summary.setText(summary.replace("%1", str(len(found))).replace("%2", code))
        if found:
            self.suggest_preview = open_preview(
                self, self.context, found, code, unit_name, self.tr("Suggestions for “%1”").replace("%1", code))
            self.suggest_preview.sig_coded.connect(self.summary.setText)
        self.sig_suggested.emit(len(found))

    def _failed(self, task: Task, exc: Exception) -> None:
        if task is not self.task:
            return
        self.task = None
        self._update_state()
        failed = self.tr("Suggesting failed: %1").replace("%1", str(exc))
        self.summary.setText(str(exc) if isinstance(exc, ServiceError) else failed)
        self.sig_suggested.emit(-1)

    def _done(self, task: Task) -> None:
        if task is self.task:  # cancelled
            self.task = None
            self._update_state()
