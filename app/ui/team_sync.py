"""Colleagues' changes in a team project, shown as they happen, without reloading and without moving the view.

The ``ChangeListener`` (``app/models/team_events.py``) hears which tables other clients changed, in its own thread.
``TeamSync`` brings that into the GUI thread, gathers what arrives within a moment (a colleague's auto-coding is
one change, not a thousand), and hands it to the panels as an ordinary ChangeSet, so they refresh exactly as after
one's own change: the open document stays open and scrolled where it was.

It also keeps the project's idea of being online: while the server cannot be heard the project refuses changes at
once ("offline, reconnecting"); when it can again, the project takes new connections, the views catch up on what
colleagues did meanwhile, and changes whose commit could not be confirmed are looked up and told.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from app.models.team_events import EVERYTHING, ChangeListener
from app.models.team_retries import CommitMark, RetryPolicy
from app.services import ChangeSet, Ref

GATHER_MS = 300
# In the app a lost connection is waited for only a moment (the window does not answer meanwhile); after that the
# listener's reconnecting takes over, and the researcher is told the app is offline.
APP_RETRIES = RetryPolicy(reconnect_s=3.0)
SETTLE_MS = 5000  # how often a change whose commit could not be confirmed is looked up again, while online

# Which panels a table's change concerns, in the kinds the panels already know.
KINDS = {
    "coding": "coding", "coder": "coding", "code": "code", "code_keyword": "code", "memo": "memo", "project": "memo",
    "document": "document", "turn": "document", "speaker": "speaker", "speaker_alias": "speaker",
    "attribute": "attribute", "attribute_value": "attribute", "vote": "vote", "study": "study",
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
    sig_presence = Signal(object)
    """The other users working in the team project now (a list of names); from the listener's thread, queued."""
    sig_outcome = Signal(str)
    """What became of a change whose commit could not be confirmed when it was made (a sentence to show)."""

    def __init__(self, project, parent: QObject | None = None) -> None:  # noqa: ANN001 - TeamProject
        super().__init__(parent)
        self.project = project
        project.retries = APP_RETRIES
        self._pending: set[str] = set()
        self._unsettled: list[tuple[CommitMark, str]] = []
        self._timer = QTimer(self, singleShot=True, interval=GATHER_MS)
        self._timer.timeout.connect(self._deliver)
        self._settle_timer = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle_timer.timeout.connect(self.settle)
        self.sig_heard.connect(self._gather)
        self.sig_connection.connect(self._connection)  # first, so the project knows before anyone shows it
        self.listener = ChangeListener(
            project, self.sig_heard.emit, self.sig_connection.emit, self.sig_presence.emit
        ).start()

    def _connection(self, connected: bool) -> None:
        if connected:
            self.project.connection_restored()
            self.settle()
        else:
            self.project.offline = True

    def remember_unsettled(self, mark: CommitMark, what: str) -> None:
        """A change ``what`` whose commit could not be confirmed: found out as soon as the server answers."""
        self._unsettled.append((mark, what))
        self._settle_timer.start(1000)

    def settle(self) -> None:
        if self.project.offline:
            return  # asked again when the server is back
        for mark, what in list(self._unsettled):
            outcome = self.project.outcome(mark)
            if outcome is None:
                continue  # still not known: asked again at the next reconnection
            self._unsettled.remove((mark, what))
            if outcome == "committed":
                self.sig_outcome.emit(self.tr("Your change (%1) was saved after all; the view shows it.")
                                      .replace("%1", what))
                self._pending.add(EVERYTHING)
                self._timer.start()
            else:
                self.sig_outcome.emit(self.tr("Your change (%1) was not saved; please make it again.")
                                      .replace("%1", what))
        if self._unsettled:
            self._settle_timer.start(SETTLE_MS)

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
        self._settle_timer.stop()
        self.listener.stop()
