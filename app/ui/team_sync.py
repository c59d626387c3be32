"""Colleagues' changes in a team project, shown as they happen, without reloading and without moving the view.

The ``ChangeListener`` (``app/models/team_events.py``) hears which tables other clients changed, in its own thread.
``TeamSync`` brings that into the GUI thread, gathers what arrives within a moment (a colleague's auto-coding is
one change, not a thousand), and hands it to the panels as an ordinary ChangeSet, so they refresh exactly as after
one's own change: the open document stays open and scrolled where it was.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.models.team_events import EVERYTHING, ChangeListener
from app.services import ChangeSet, Ref

GATHER_MS = 300

# Which panels a table's change concerns, in the kinds the panels already know.
KINDS = {
    "coding": "coding", "coder": "coding", "code": "code", "code_keyword": "code", "memo": "memo", "project": "memo",
    "document": "document", "turn": "document", "speaker": "speaker", "speaker_alias": "speaker",
    "attribute": "attribute", "attribute_value": "attribute",
}
REMOTE_ID = 0  # no row of ours has id 0: the panels re-read what they show


def remote_changes(tables: set[str]) -> ChangeSet:
    kinds = set(KINDS.values()) if EVERYTHING in tables else {KINDS[t] for t in tables if t in KINDS}
    return ChangeSet(updated=[Ref(kind, REMOTE_ID) for kind in sorted(kinds)])


class TeamSync(QObject):
    """Listens to a team project for the context; ``sig_remote_change`` carries the colleagues' ChangeSet."""

    sig_heard = Signal(object)  # from the listener's thread; queued into the GUI thread
    sig_remote_change = Signal(object)
    sig_connection = Signal(bool)
    """The team server can (True) or cannot (False) be heard any more; from the listener's thread, queued."""

    def __init__(self, project, parent: QObject | None = None) -> None:  # noqa: ANN001 - TeamProject
        super().__init__(parent)
        self._pending: set[str] = set()
        self._timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._timer.timeout.connect(self._deliver)
        self.sig_heard.connect(self._gather)
        self.listener = ChangeListener(project, self.sig_heard.emit, self.sig_connection.emit).start()

    def _gather(self, tables: set[str]) -> None:
        self._pending |= tables
        if not self._timer.isActive():
            self._timer.start()

    def _deliver(self) -> None:
        tables, self._pending = self._pending, set()
        changes = remote_changes(tables)
        if changes:
            self.sig_remote_change.emit(changes)

    def stop(self) -> None:
        self._timer.stop()
        self.listener.stop()
