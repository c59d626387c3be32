"""Importing transcripts: choose files, read them in the background (with progress, cancellable), preview the
documents with the speakers and turns found, and only then write them, as one undo step."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressDialog,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.importers import SUPPORTED_SUFFIXES
from app.ui.commands import ImportDocuments
from app.ui.context import ApplicationContext
from app.ui.tasks import TaskState

# Every format a reader exists for (Qt matches the patterns without regard to case on Windows and macOS only).
FILE_FILTER = f"Transcripts ({' '.join('*' + suffix for suffix in SUPPORTED_SUFFIXES)});;All files (*)"


def read_files(state: TaskState, paths: list[str]) -> tuple[list, list[str]]:
    """Read each file (in the worker thread): the documents read and the problems met."""
    from app.importers import read_document
    from app.importers.base import ReaderError

    parsed, problems = [], []
    for number, path in enumerate(paths):
        state.check()
        state.report(number / max(1, len(paths)), Path(path).name)
        try:
            parsed.append(read_document(path))
        except ReaderError as exc:
            problems.append(str(exc))
    return parsed, problems


class ImportPreview(QDialog):
    """What will be imported: each document with its speakers and their numbers of turns."""

    def __init__(self, parsed: list, problems: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import documents"))
        self.resize(560, 420)
        tree = QTreeWidget()
        tree.setHeaderLabels([self.tr("Document / speaker"), self.tr("Turns")])
        for document in parsed:
            item = QTreeWidgetItem(tree, [document.name, str(len(document.turns))])
            for name in document.speakers:
                turns = sum(1 for turn in document.turns if turn.speaker == name)
                QTreeWidgetItem(item, [name, str(turns)])
            for warning in document.warnings:
                QTreeWidgetItem(item, [self.tr("Note: %1").replace("%1", warning), ""])
            item.setExpanded(True)
        tree.resizeColumnToContents(0)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("These documents and speakers were found. Import them?")))
        layout.addWidget(tree)
        if problems:
            layout.addWidget(QLabel(self.tr("Not readable:") + "\n" + "\n".join(problems)))
        # Cards sorted into clusters on the pinboard: each cluster a code under the parent named here.
        self.clusters = QCheckBox(self.tr("Code each card with its cluster, under:"))
        self.clusters_parent = QLineEdit(self.tr("Measures"))
        if any(document.clusters for document in parsed):
            row = QHBoxLayout()
            row.addWidget(self.clusters)
            row.addWidget(self.clusters_parent, 1)
            self.clusters.setChecked(True)
            layout.addLayout(row)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(parsed))
        layout.addWidget(buttons)
        self.tree = tree

    def cluster_parent(self) -> str | None:
        """The parent to code the cards' clusters under, when that was asked for."""
        parent = self.clusters_parent.text().strip()
        return parent if self.clusters.isChecked() and parent else None


def import_with_preview(parent: QWidget, context: ApplicationContext, paths: list[str] | None = None) -> None:
    """Read ``paths`` (asked for when None) in the background, then show the preview; OK imports."""
    if context.project is None:
        return
    if paths is None:
        paths, _ = QFileDialog.getOpenFileNames(parent, QCoreApplication.translate("ImportPreview", "Import documents"), "", FILE_FILTER)
    if not paths:
        return
    progress = QProgressDialog(QCoreApplication.translate("ImportPreview", "Reading documents…"), QCoreApplication.translate("ImportPreview", "Cancel"), 0, 100, parent)
    progress.setMinimumDuration(300)
    task = context.tasks.submit("read", read_files, list(paths))
    progress.canceled.connect(task.cancel)
    task.sig_progress.connect(lambda fraction, name: (progress.setValue(int(fraction * 100)), progress.setLabelText(name)))
    task.sig_done.connect(progress.close)
    task.sig_failed.connect(lambda exc: context.sig_error.emit(str(exc)))

    def preview(result: tuple[list, list[str]]) -> None:
        parsed, problems = result
        dialog = ImportPreview(parsed, problems, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: parsed and context.execute(_import_command(context, parsed, dialog)))
        parent.import_preview = dialog  # type: ignore[attr-defined] - for tests and to keep it alive
        dialog.open()  # window-modal but not blocking: the event loop goes on

    task.sig_finished.connect(preview)


def _import_command(context: ApplicationContext, parsed: list, dialog: ImportPreview):  # noqa: ANN202
    parent = dialog.cluster_parent()
    if parent is None:
        return ImportDocuments(context, parsed)
    from app.ui.vote_commands import ImportCards

    return ImportCards(context, parsed, parent)


def transcript_paths(mime_data) -> list[str]:  # noqa: ANN001 - QMimeData
    """The local files dropped on the window."""
    return [url.toLocalFile() for url in mime_data.urls() if url.isLocalFile()] if mime_data.hasUrls() else []
