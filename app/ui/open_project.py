"""Opening a project from the desktop app: a rolling backup on the way, and a clear choice when the project is
already open in another FocusCoder (issue 7).

``open_with_choices`` opens the project through the context. When another FocusCoder holds the project's lock,
``ask_locked`` says who has it open (user, computer, since when) and offers "Open read-only", "Take over" (only
when that FocusCoder is provably gone: the lock is stale) or Cancel. A backup that could not be made does not stop
the opening; it is reported in the status bar.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from app.models import Project, ProjectFileError
from app.models.locking import ProjectLockedError
from app.models.team import PasswordNeeded, TeamProject, with_password
from app.ui.context import ApplicationContext

APP_TITLE = "FocusCoder"


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate files a module-level tr under ""


def role_name(role: str) -> str:
    return {"owner": tr("the owner"), "editor": tr("an editor"), "coder": tr("a coder"),
            "reader": tr("a reader (read-only)")}.get(role, role)


class LockedChoice(Enum):
    READ_ONLY = "read-only"
    TAKE_OVER = "take over"
    CANCEL = "cancel"


def locked_message(error: ProjectLockedError) -> str:
    holder = error.holder.describe()
    if error.stale:
        return tr(
            "%1 is open in FocusCoder by %2.\n\nThat FocusCoder is no longer running (it may have crashed, or its "
            "computer lost the connection). You can open the project read-only, or take it over and work on it "
            "here."
        ).replace("%1", error.path.name).replace("%2", holder)
    return tr(
        "%1 is open in FocusCoder by %2.\n\nTwo people changing a project at once would lose work. You can open it "
        "read-only to look at it, or ask them to close it and try again."
    ).replace("%1", error.path.name).replace("%2", holder)


def locked_dialog(parent: QWidget | None, error: ProjectLockedError) -> tuple[QMessageBox, dict]:
    """The question, and which button means which choice (built apart from ``exec`` so tests can inspect it)."""
    box = QMessageBox(QMessageBox.Icon.Warning, APP_TITLE, locked_message(error), QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = {box.addButton(tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole): LockedChoice.READ_ONLY}
    if error.stale:
        buttons[box.addButton(tr("&Take over"), QMessageBox.ButtonRole.DestructiveRole)] = LockedChoice.TAKE_OVER
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    buttons[cancel] = LockedChoice.CANCEL
    box.setDefaultButton(next(iter(buttons)))
    box.setEscapeButton(cancel)
    return box, buttons


def ask_locked(parent: QWidget | None, error: ProjectLockedError) -> LockedChoice:
    """Ask what to do with a project that another FocusCoder has open."""
    box, buttons = locked_dialog(parent, error)
    box.exec()
    return buttons.get(box.clickedButton(), LockedChoice.CANCEL)


def ask_password(parent: QWidget | None, location: str, wrong: bool) -> str | None:
    """The password for a team project's server, typed by the user (None: cancelled); it is never stored."""
    text = tr("The password was not accepted. Password for %1:") if wrong else tr("Password for %1:")
    password, ok = QInputDialog.getText(parent, APP_TITLE, text.replace("%1", location), QLineEdit.EchoMode.Password)
    return password if ok else None


def _open_asking_password(parent, context: ApplicationContext, path: str | Path, ask) -> Project | None:  # noqa: ANN001
    """Open; when a server wants a password that .pgpass and PGPASSWORD did not give, ask for it (None: cancelled)."""
    cancelled = []

    def asked(location: str, wrong: bool) -> str | None:
        password = ask(parent, location, wrong)
        cancelled.append(password is None)
        return password

    try:
        return with_password(lambda password: context.open_project(path, password=password), asked)
    except PasswordNeeded:
        if cancelled and cancelled[-1]:
            return None  # the researcher chose not to: no error to show
        raise


def open_with_choices(
    parent: QWidget | None, context: ApplicationContext, path: str | Path, *, show_error=None, show_message=None,
    ask_password=ask_password,
) -> bool:
    """Open ``path`` in ``context``; True when a project was opened (perhaps read-only).

    ``show_error`` reports a project that cannot be opened, ``show_message`` a non-blocking note (a backup that
    could not be made); both take one string.
    """
    show_error = show_error or (lambda text: QMessageBox.warning(parent, APP_TITLE, text))
    show_message = show_message or (lambda text: None)
    try:
        project = _open_asking_password(parent, context, path, ask_password)
        if project is None:
            return False
    except ProjectLockedError as locked:
        choice = ask_locked(parent, locked)
        if choice is LockedChoice.CANCEL:
            return False
        try:
            if choice is LockedChoice.READ_ONLY:
                project = context.open_project(path, read_only=True)
            else:
                project = context.open_project(path, take_over=True)
        except ProjectFileError as exc:  # e.g. its holder upgraded it meanwhile, or someone else took it over
            show_error(str(exc))
            return False
    except ProjectFileError as exc:
        show_error(str(exc))
        return False
    if isinstance(project, TeamProject):
        show_message(tr("Team project %1: you are %2; colleagues' changes appear as they are made.")
                     .replace("%1", project.location).replace("%2", role_name(project.role)))
    elif project.read_only:
        show_message(tr("%1 is open read-only: changes cannot be saved.").replace("%1", Path(path).name))
    if project.backup_problem:
        show_message(tr("The project is open, but no backup copy was made: %1").replace("%1", project.backup_problem))
    return True
