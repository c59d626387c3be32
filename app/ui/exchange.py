"""Sharing from the File menu: REFI-QDA import and export, and merging a colleague's project.

The work runs on the task runner; what it did is shown in a summary dialog. Bringing files in is not an undo
step: it may add hundreds of rows in one transaction. So the researcher confirms it first, a backup copy is made
before the project changes, and the undo stack is cleared afterwards (its older steps refer to a project that
has changed under them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from app.ui.context import ApplicationContext
from app.ui.tasks import TaskState

EXCHANGE_FILTER = "REFI-QDA (*.qdpx *.qdc *.qde)"


def bring_in_file(state: TaskState, project, path: str):  # noqa: ANN001 - Project
    """Worker: read a REFI-QDA file and add it to ``project`` (after a backup copy); the MergeSummary."""
    from app.importers.refi_qda import read_exchange_file
    from app.services.merge import bring_in

    state.report(0.1, Path(path).name)
    data = read_exchange_file(path)
    state.check()
    _backup(project, "before-import")
    state.report(0.5, Path(path).name)
    return bring_in(project, data)


def new_project_from_file(state: TaskState, path: str, target: str):  # noqa: ANN201
    """Worker: create the project ``target`` from a REFI-QDA file (nothing is left behind if it fails)."""
    from app.importers.refi_qda import read_exchange_file
    from app.models import create_project
    from app.services.merge import bring_in

    state.report(0.1, Path(path).name)
    data = read_exchange_file(path)
    state.check()
    try:
        with create_project(Path(target), name=data.name or Path(path).stem) as project:
            return bring_in(project, data)
    except BaseException:
        Path(target).unlink(missing_ok=True)
        raise


def merge_file(state: TaskState, project, path: str):  # noqa: ANN001 - Project
    """Worker: merge the project file at ``path`` into ``project`` (after a backup copy); the MergeSummary."""
    from app.services.merge import merge_project

    state.report(0.1, Path(path).name)
    _backup(project, "before-merge")
    state.check()
    return merge_project(project, path)


def export_file(state: TaskState, project, kind: str, path: str) -> Path:  # noqa: ANN001 - Project
    from app.export.refi_qda import export_qdc, export_qdpx

    state.report(0.1, Path(path).name)
    return (export_qdpx if kind == "qdpx" else export_qdc)(project, path)


def _backup(project, note: str) -> None:  # noqa: ANN001 - Project
    from app.models.backups import make_rolling_backup

    make_rolling_backup(project.path, note=note)


class SummaryDialog(QDialog):
    """What an import or merge added, matched and left out, one line each."""

    def __init__(self, title: str, headline: str, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(headline))
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ExchangeActions(QObject):
    """The File menu's sharing entries; ``parent_widget`` owns the dialogs."""

    sig_message = Signal(str)
    """A line for the status bar."""

    def __init__(self, context: ApplicationContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.context = context
        self.widget = parent_widget
        self.summary: SummaryDialog | None = None
        self.import_action = self._action("", self.import_exchange)
        self.export_qdpx_action = self._action("", lambda: self.export("qdpx"))
        self.export_qdc_action = self._action("", lambda: self.export("qdc"))
        self.merge_action = self._action("", self.merge)
        self.retranslate()
        context.sig_project_opened.connect(self.update_actions)
        self.update_actions()

    def _action(self, text: str, slot) -> QAction:  # noqa: ANN001
        action = QAction(text, self.widget)
        action.triggered.connect(lambda *_: slot())
        return action

    def retranslate(self) -> None:
        """The File menu entries in the current language (at start and when the language changes)."""
        self.import_action.setText(self.tr("Import REFI-QDA project (.qdpx/.qdc)…"))
        self.export_qdpx_action.setText(self.tr("Export REFI-QDA (.qdpx)…"))
        self.export_qdc_action.setText(self.tr("Export codebook (.qdc)…"))
        self.merge_action.setText(self.tr("Merge a colleague's project…"))

    @property
    def actions(self) -> list[QAction]:
        return [self.import_action, self.export_qdpx_action, self.export_qdc_action, self.merge_action]

    def update_actions(self) -> None:
        writable = self.context.project is not None and not self.context.project.read_only
        for action in self.actions:
            action.setEnabled(self.context.project is not None)
        self.import_action.setEnabled(writable or self.context.project is None)  # none open: a new project
        self.merge_action.setEnabled(writable)

    # --- export ----------------------------------------------------------------------------------------------

    def export(self, kind: str, path: str | None = None) -> None:
        project = self.context.project
        if project is None:
            return
        if path is None:
            suggestion = str(Path(project.path).with_suffix(f".{kind}"))
            pattern = "REFI-QDA (*.qdpx)" if kind == "qdpx" else self.tr("REFI-QDA codebook (*.qdc)")
            path, _ = QFileDialog.getSaveFileName(self.widget, self.tr("Export"), suggestion, pattern)
        if not path:
            return
        if Path(path).suffix.lower() != f".{kind}":
            path += f".{kind}"
        task = self.context.tasks.submit("export", export_file, project, kind, path)
        task.sig_finished.connect(lambda written: self.sig_message.emit(self.tr("Wrote %1").replace("%1", str(written))))
        task.sig_failed.connect(lambda exc: self.context.sig_error.emit(str(exc)))

    # --- bringing work in ------------------------------------------------------------------------------------

    def import_exchange(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(self.widget, self.tr("Import REFI-QDA project"), "", EXCHANGE_FILTER)
        if not path:
            return
        if self.context.project is None:
            self.import_as_new_project(path)
        elif self._confirm(self.tr("Import “%1” into this project?").replace("%1", Path(path).name)):
            self._run(self.tr("Import REFI-QDA"), bring_in_file, path)

    def import_as_new_project(self, path: str, target: str | None = None) -> None:
        """No project is open: make a new one from the file, then open it."""
        if target is None:
            target, _ = QFileDialog.getSaveFileName(
                self.widget, self.tr("Save the new project as"), str(Path(path).with_suffix(".fcproj")),
                self.tr("FocusCoder projects (*.fcproj)"),
            )
        if not target:
            return
        if Path(target).suffix.lower() != ".fcproj":
            target += ".fcproj"
        if Path(target).exists():
            self.context.sig_error.emit(self.tr("%1 exists already; choose a new name.").replace("%1", Path(target).name))
            return
        title = self.tr("Import REFI-QDA")
        task = self.context.tasks.submit(title, new_project_from_file, path, target)
        self._show_progress(task, title)
        task.sig_failed.connect(lambda exc: self.context.sig_error.emit(str(exc)))
        task.sig_finished.connect(lambda summary: self._opened_new(title, target, summary))

    def _opened_new(self, title: str, target: str, summary) -> None:  # noqa: ANN001 - MergeSummary
        from app.models import ProjectFileError

        try:
            self.context.open_project(target)
        except ProjectFileError as exc:
            self.context.sig_error.emit(str(exc))
            return
        self._show_summary(title, summary.lines(), self.tr("The new project is open."))

    def merge(self, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getOpenFileName(
                self.widget, self.tr("Merge a colleague's project"), "", self.tr("FocusCoder projects (*.fcproj)")
            )
        if path and self._confirm(
            self.tr("Merge the codes, codings, memos and speakers of “%1” into this project?").replace("%1", Path(path).name)
        ):
            self._run(self.tr("Merge"), merge_file, path)

    def _confirm(self, question: str) -> bool:
        text = question + "\n\n" + self.tr(
            "This cannot be undone with Undo: the undo history is cleared afterwards. "
            "A backup copy of the project is made first."
        )
        answer = QMessageBox.question(
            self.widget, self.tr("Bring in work"), text,
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Ok

    def _run(self, title: str, work, path: str) -> None:  # noqa: ANN001
        project = self.context.project
        if project is None:
            return
        self.sig_message.emit(self.tr("%1: working…").replace("%1", title))
        task = self.context.tasks.submit(title, work, project, path)
        self._show_progress(task, title)
        task.sig_failed.connect(lambda exc: self.context.sig_error.emit(str(exc)))
        task.sig_finished.connect(lambda summary: self._brought_in(title, summary))

    def _show_progress(self, task, title: str) -> None:  # noqa: ANN001 - Task
        """A window-modal progress dialog: no coding meanwhile, while the project changes underneath."""
        progress = QProgressDialog(title + "…", self.tr("Cancel"), 0, 0, self.widget)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(300)
        progress.canceled.connect(task.cancel)
        task.sig_done.connect(progress.close)
        task.sig_done.connect(progress.deleteLater)
        self.progress = progress

    def _brought_in(self, title: str, summary) -> None:  # noqa: ANN001 - MergeSummary
        self.context.undo_stack.clear()
        self.context.notify(summary.changes)
        self._show_summary(title, summary.lines(), self.tr(
            "Done. The undo history was cleared; a backup copy was made before."))

    def _show_summary(self, title: str, lines: list[str], headline: str) -> None:
        self.summary = SummaryDialog(title, headline, lines, self.widget)
        self.summary.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.summary.destroyed.connect(lambda *_: setattr(self, "summary", None))
        self.summary.open()
        self.sig_message.emit(lines[0])
