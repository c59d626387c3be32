"""The application context: the open project, the undo stack, the settings and the task runner.

Widgets get the context handed in (a test builds its own) and refresh from ``sig_project_changed``; every change
goes through ``execute()``, which runs an undo command once and puts it on the stack.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from app.models import Project, ProjectFileError, open_project
from app.models.team import (
    ChangeOutcomeUnknown,
    TeamConflict,
    TeamOffline,
    TeamProject,
    is_team_location,
    open_team_project,
)
from app.services import ChangeSet, ServiceError
from app.ui.indexing import BackgroundIndexer
from app.ui.settings import CODER_NAME, RECENT_CODES, Settings
from app.ui.tasks import TaskRunner

MAX_RECENT_CODES = 9


class ApplicationContext(QObject):
    sig_project_opened = Signal()
    """A project was opened (or closed: then ``project`` is None)."""
    sig_project_changed = Signal(object)
    """The open project changed; the argument is the ChangeSet."""
    sig_error = Signal(str)
    """A change was refused or failed; the message is for the researcher."""
    sig_recent_codes_changed = Signal()
    """The list of recently used codes (shortcuts Ctrl+1..9) changed."""
    sig_team_connection = Signal(bool)
    """A team project's server can (True) or cannot (False) be reached for colleagues' changes."""
    sig_team_presence = Signal(object)
    """The other users working in the open team project now (a list of names)."""

    def __init__(self, settings: Settings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings if settings is not None else Settings()
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self.tasks = TaskRunner(self)
        # Builds the language index of new documents at once, in the background (app/ui/indexing.py).
        self.indexer = BackgroundIndexer(self)
        # A coding that is removed and re-applied by undo/redo gets a new id; commands that still know the old
        # id find the new one here.
        self._renumbered: dict[tuple[str, int], int] = {}
        self.team_sync = None  # colleagues' changes, while a team project is open (``team_sync.py``)

    # --- the project -----------------------------------------------------------------------------------------

    def open_project(
        self, path: str | Path, *, read_only: bool = False, take_over: bool = False, backup: bool = True,
        password: str | None = None,
    ) -> Project:
        """Open a project file (raising ProjectFileError with a readable message), closing the previous one.

        A writable open makes a rolling backup first (``project.backup_problem`` says when that failed); a project
        open in another FocusCoder raises ProjectLockedError (``app/ui/open_project.py`` asks what to do).
        """
        if is_team_location(str(path)):  # a team project on a server: by URL, a password if the server asks
            project = open_team_project(str(path), password=password, read_only=read_only)
            self.set_project(project)
            self.settings.remember_recent_project(project.location)  # never with the password
            return project
        project = open_project(Path(path), read_only=read_only, take_over=take_over, backup=backup and not read_only)
        self.set_project(project)
        self.settings.remember_recent_project(str(Path(path).resolve()))
        return project

    def set_project(self, project: Project | None) -> None:
        if self.team_sync is not None:
            self.team_sync.stop()
            self.team_sync.deleteLater()
            self.team_sync = None
        if self.project is not None:
            self.project.close()
        self.project = project
        if isinstance(project, TeamProject):
            from app.ui.team_sync import TeamSync

            self.team_sync = TeamSync(project, self)
            self.team_sync.sig_remote_change.connect(self.notify)
            self.team_sync.sig_connection.connect(self.sig_team_connection)
            self.team_sync.sig_presence.connect(self.sig_team_presence)
            self.team_sync.sig_outcome.connect(self.sig_error)
        self.undo_stack.clear()
        self._renumbered.clear()
        self.sig_project_opened.emit()

    def close_project(self) -> None:
        self.set_project(None)

    @property
    def coder(self) -> str:
        return self.settings.get(CODER_NAME) or "default"

    # --- changes ---------------------------------------------------------------------------------------------

    def execute(self, command: QUndoCommand) -> bool:
        """Do ``command`` and put it on the undo stack; a refused change is reported and not stacked."""
        if isinstance(self.project, TeamProject) and self.project.read_only:
            self.sig_error.emit(self.tr("Your role in this team project lets you read it, not change it."))
            return False
        if self.project is not None and self.project.read_only:
            self.sig_error.emit(self.tr(
                "This project is open read-only, so it cannot be changed. To make changes, close it in the other "
                "FocusCoder and open it again here."
            ))
            return False
        try:
            done = command.first_redo()  # type: ignore[attr-defined]
        except (ServiceError, ProjectFileError) as exc:
            if isinstance(self.project, TeamProject) and isinstance(exc, ServiceError):
                # In a team project "there is no code X" most likely means a colleague renamed or deleted it.
                exc = ServiceError(self.tr("%1 A colleague may have changed it meanwhile; the view now shows the "
                                           "project as it is.").replace("%1", str(exc)))
            self.sig_error.emit(str(exc))
            if isinstance(exc, ChangeOutcomeUnknown) and self.team_sync is not None:
                self.team_sync.remember_unsettled(exc.mark, command.text())  # told once the server answers
            if isinstance(exc, (TeamOffline, ChangeOutcomeUnknown)):
                return False  # the view stays as it is; it catches up when the server is back
            if isinstance(self.project, TeamProject):  # show the colleague's version (the message promises it)
                from app.ui.team_sync import EVERYTHING, remote_changes

                self.notify(remote_changes({EVERYTHING}))
            return False
        if not done:
            return False
        self.undo_stack.push(command)
        return True

    def notify(self, changes: ChangeSet) -> None:
        if changes:
            self.sig_project_changed.emit(changes)

    def renumber(self, kind: str, old_id: int, new_id: int) -> None:
        if old_id != new_id:
            self._renumbered[(kind, old_id)] = new_id

    def current_id(self, kind: str, any_id: int) -> int:
        seen = set()
        while (kind, any_id) in self._renumbered and any_id not in seen:
            seen.add(any_id)
            any_id = self._renumbered[(kind, any_id)]
        return any_id

    # --- recent codes ----------------------------------------------------------------------------------------

    def recent_codes(self) -> list[str]:
        return [str(path) for path in self.settings.get(RECENT_CODES)][:MAX_RECENT_CODES]

    def remember_code(self, path: str) -> None:
        recent = [path] + [p for p in self.recent_codes() if p != path]
        self.settings.set(RECENT_CODES, recent[:MAX_RECENT_CODES])
        self.sig_recent_codes_changed.emit()

    def shutdown(self) -> None:
        self.tasks.shutdown()
        if self.team_sync is not None:
            self.team_sync.stop()
            self.team_sync = None
        if self.project is not None:
            self.project.close()
            self.project = None
