"""File › Restore a backup…: choose one of the project's rolling backups and bring it back (issue 7).

The project is closed, the backup restored (the current file is kept as a "before restore" backup first), and the
project opened again, in the mode it had. Whatever goes wrong is shown in one message; the project is reopened as it
was whenever it can be.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from app.models import ProjectFileError
from app.models.backups import Backup, list_backups, restore_backup
from app.ui.context import ApplicationContext

APP_TITLE = "FocusCoder"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr under ""


class BackupsDialog(QDialog):
    """The project's backups, newest first; ``chosen()`` is the selected one."""

    def __init__(self, backups: list[Backup], project_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self.backups = backups
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Backups of %1, newest first. The project as it is now is kept as a backup too.")
                       .replace("%1", project_name))
        label.setWordWrap(True)
        layout.addWidget(label)
        self.list = QListWidget()
        for backup in backups:
            item = QListWidgetItem(backup.describe())
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.list.addItem(item)
        if backups:
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda *_: self.accept())
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Restore…"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def chosen(self) -> Backup | None:
        row = self.list.currentRow()
        return self.backups[row] if 0 <= row < len(self.backups) else None


def choose_backup(parent: QWidget | None, backups: list[Backup], project_name: str) -> Backup | None:
    dialog = BackupsDialog(backups, project_name, parent)
    return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None


def confirm_restore(parent: QWidget | None, backup: Backup, project_name: str) -> bool:
    answer = QMessageBox.question(
        parent, APP_TITLE,
        tr("Bring back the backup from %1?\n\n%2 will be closed and replaced by it; the project as it is now is kept "
           "as a backup, so this can be undone by restoring that one.")
        .replace("%1", backup.describe()).replace("%2", project_name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel,
    )
    return answer == QMessageBox.StandardButton.Yes


def restore_from_backup(parent: QWidget | None, context: ApplicationContext) -> bool:
    """Ask for a backup of the open project and bring it back; True when it was restored."""
    project = context.project
    if project is None:
        return False
    path, read_only = Path(project.path), project.read_only
    try:
        backups = list_backups(path)
    except ProjectFileError as exc:
        QMessageBox.warning(parent, APP_TITLE, str(exc))
        return False
    if not backups:
        QMessageBox.information(parent, APP_TITLE, tr("There are no backups of %1 yet; one is made each time the "
                                                      "project is opened after a change.").replace("%1", path.name))
        return False
    backup = choose_backup(parent, backups, path.name)
    if backup is None or not confirm_restore(parent, backup, path.name):
        return False
    problems: list[str] = []
    context.close_project()
    try:
        restore_backup(path, backup.path)
        restored = True
    except ProjectFileError as exc:
        problems.append(str(exc))
        restored = False
    try:
        # No new backup on reopening: the restored file is a copy of one already.
        context.open_project(path, read_only=read_only, backup=False)
    except ProjectFileError as exc:
        problems.append(tr("The project could not be opened again: %1").replace("%1", str(exc)))
    if problems:
        QMessageBox.warning(parent, APP_TITLE, "\n\n".join(problems))
    return restored
