"""Building the language index in the background as soon as documents arrive (an import, its redo, a merge) or a
document's language is set, so the first search does not wait for spaCy.

``BackgroundIndexer`` follows the context's changes and queues one indexing task on the task runner (one worker:
a search queued behind it finds the index built). The task reports progress per document and can be cancelled;
what it finished is kept, and a search later indexes whatever is left. ``IndexProgress`` shows a running task.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from app.analysis.text_index import index_documents
from app.models import Project
from app.services import ChangeSet
from app.ui.tasks import Task, TaskState


def build_indexes(state: TaskState, project: Project, document_ids: list[int]) -> ChangeSet:
    """In the worker: index those of the documents that need it (stale or missing only)."""
    return index_documents(project, document_ids, state.report, lambda: state.cancelled)


class BackgroundIndexer(QObject):
    sig_started = Signal(object)
    """An indexing task was queued (the Task: progress, cancel)."""
    sig_indexed = Signal(list)
    """Documents (ids) whose index was built."""
    sig_failed = Signal(str)
    """Indexing failed; a search will try again. The message is for the status bar."""

    def __init__(self, context) -> None:  # noqa: ANN001 - ApplicationContext (which creates this)
        super().__init__(context)
        self.context = context
        self.task: Task | None = None
        context.sig_project_changed.connect(self._project_changed)
        context.sig_project_opened.connect(self.cancel)

    def _project_changed(self, changes: ChangeSet) -> None:
        # New documents, and documents whose language was set (the service dropped their index); a rename is
        # also an update, which costs only the look at whether the index is current.
        ids = changes.ids("document") + changes.ids("document", of="updated")
        if ids:
            self.index(ids)

    def index(self, document_ids: list[int]) -> Task | None:
        """Queue indexing of these documents (those that need it); None for a read-only or closed project."""
        project = self.context.project
        if project is None or project.read_only:
            return None
        task = self.task = self.context.tasks.submit("index", build_indexes, project, sorted(set(document_ids)))
        task.sig_finished.connect(lambda changes: self.sig_indexed.emit(changes.ids("text_index", of="updated")))
        task.sig_failed.connect(lambda exc: self._failed(task, exc))
        task.sig_done.connect(lambda: self._done(task))
        self.sig_started.emit(task)
        return task

    def cancel(self) -> None:
        """Stop the running task (another project was opened, or the researcher asked)."""
        if self.task is not None:
            self.task.cancel()
            self.task = None

    def _failed(self, task: Task, exc: Exception) -> None:
        if not task.state.cancelled:  # e.g. the documents were removed again by undo while being read
            message = self.tr("The language index was not built (%1); a search builds it.")
            self.sig_failed.emit(message.replace("%1", str(exc)))

    def _done(self, task: Task) -> None:
        if task is self.task:
            self.task = None


class IndexProgress(QWidget):
    """A label, a progress bar and Cancel for the indexing task running; hidden otherwise (for the status bar)."""

    def __init__(self, indexer: BackgroundIndexer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.indexer = indexer
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setRange(0, 100)
        self.bar.setMaximumWidth(160)
        self.cancel_button = QPushButton()
        self.cancel_button.clicked.connect(indexer.cancel)
        self.cancel_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.label, self.bar, self.cancel_button):
            layout.addWidget(widget)
        indexer.sig_started.connect(self._started)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setToolTip(self.tr("Stop building the language index; a search builds the rest"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _started(self, task: Task) -> None:
        self.bar.setValue(0)
        task.sig_progress.connect(lambda fraction, name: self._progress(task, fraction, name))
        task.sig_done.connect(lambda: self.indexer.task is None and self.hide())

    def _progress(self, task: Task, fraction: float, name: str) -> None:
        if task is not self.indexer.task:
            return
        self.label.setText(self.tr("Building the language index: %1").replace("%1", name))
        self.bar.setValue(int(fraction * 100))
        self.show()
