"""What a team project's change does when the server gets in its way: repeated, checked, or told.

Three things can stop a change on a team server that are nobody's mistake:

- it collided with a colleague's change (a serialization failure or a deadlock, SQLSTATE 40001/40P01). Nothing of
  it was saved, and running the whole change again a moment later is what the researcher would do anyway;
- the connection was lost before the change was sent to be committed (a server restart, Wi-Fi gone for a moment).
  Nothing was saved either: the change is run again on a new connection, for as long as ``reconnect_s`` allows;
- the connection was lost while the commit was under way, so the answer never came. Before its COMMIT a change
  notes its transaction's number (``pg_current_xact_id``) and its server process; afterwards the server is asked
  (``pg_xact_status``) whether that transaction committed. Committed: the change is done, and is not made again.
  Aborted: nothing was saved, it is run again. Still "in progress" means the server has not yet noticed that the
  old connection is gone (a network drop sends no goodbye): that server process is ended, which decides it.

Only changes that are safe to run again from their start are repeated (a service function takes names and ids,
reads everything it needs inside its transaction, and writes nothing outside it): see ``services.changes.repeatable``.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

T = TypeVar("T")

COLLISIONS = ("40001", "40P01")  # serialization_failure, deadlock_detected
# The server went away: admin_shutdown (a restart, pg_terminate_backend), crash_shutdown, cannot_connect_now.
_GONE = ("57P01", "57P02", "57P03")


@dataclass(frozen=True)
class RetryPolicy:
    """How long a change keeps trying. The CLI waits out a server restart; the desktop app waits only a moment
    (the researcher is looking at a frozen window) and otherwise says it is offline and reconnecting."""

    collision_attempts: int = 6  # runs in all; a seventh collision is told
    collision_delay_s: float = 0.02  # the first pause; doubled each time, each pause drawn at random below it
    reconnect_s: float = 30.0  # how long a lost connection is waited for, in all
    reconnect_delay_s: float = 0.1  # the first pause, doubled up to one second

    def collision_pause(self, attempt: int) -> float:
        # "Full jitter": colleagues who collided once do not meet again at the same moment.
        return random.uniform(0, self.collision_delay_s * 2 ** (attempt - 1))

    def reconnect_pause(self, attempt: int) -> float:
        return min(self.reconnect_delay_s * 2 ** (attempt - 1), 1.0)


@dataclass(frozen=True)
class CommitMark:
    """What identifies a change's transaction on the server, noted before its COMMIT."""

    xid: str  # pg_current_xact_id(), a 64-bit transaction number (as text)
    pid: int  # the server process of the connection


def sqlstate(exc: BaseException) -> str:
    return getattr(getattr(exc, "orig", None), "sqlstate", None) or ""


def is_collision(exc: DBAPIError) -> bool:
    return sqlstate(exc) in COLLISIONS


def is_lost_connection(exc: DBAPIError) -> bool:
    """The connection broke or could not be made, as opposed to the server refusing a statement."""
    state = sqlstate(exc)
    if exc.connection_invalidated or state.startswith("08") or state in _GONE:
        return True
    return isinstance(exc, OperationalError) and not state  # libpq's own: refused, timed out, closed


def commit_mark(session: Session) -> CommitMark | None:
    """The transaction's number and server process, or None when it wrote nothing (no number was given to it)."""
    xid, pid = session.execute(text("SELECT pg_current_xact_id_if_assigned()::text, pg_backend_pid()")).one()
    return None if xid is None else CommitMark(xid, pid)


def commit_outcome(engine: Engine, mark: CommitMark) -> str | None:
    """"committed" or "aborted", from the server; None when that cannot be known yet (the server cannot be
    reached, or the transaction is still open on a connection the server has not yet found to be dead, which is
    then ended so that the next look can tell)."""
    try:
        with engine.connect() as connection:
            status = connection.execute(
                text("SELECT pg_xact_status(CAST(:xid AS xid8))"), {"xid": mark.xid}
            ).scalar()
            if status == "in progress":
                # Only that process, and only while it still holds this very transaction (its number is unique).
                connection.execute(text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE pid = :pid AND backend_xid = xid(CAST(:xid AS xid8))"
                ), {"pid": mark.pid, "xid": mark.xid})
                return None
            return status if status in ("committed", "aborted") else None
    except (DBAPIError, SQLAlchemyError):
        return None


def settle(engine: Engine, mark: CommitMark, policy: RetryPolicy) -> str | None:
    """The outcome of a commit whose answer was lost, asked for until ``policy.reconnect_s`` is over."""
    deadline = time.monotonic() + policy.reconnect_s
    attempt = 0
    while True:
        outcome = commit_outcome(engine, mark)
        if outcome is not None:
            return outcome
        attempt += 1
        pause = policy.reconnect_pause(attempt)
        if time.monotonic() + pause > deadline:
            return None
        time.sleep(pause)


_repeating = threading.local()


def repeat(
    change: Callable[[], T], policy: RetryPolicy, *, collided: type[Exception], lost: type[Exception],
    may_reconnect: Callable[[], bool] = lambda: True,
) -> T:
    """``change()``, run again after a ``collided`` error (up to ``policy.collision_attempts`` runs) and after a
    ``lost`` connection (while ``policy.reconnect_s`` lasts and ``may_reconnect()``); the last error when they are
    used up. A change run inside another (a service calling a service) is repeated by the outer one only."""
    if getattr(_repeating, "active", False):
        return change()
    _repeating.active = True
    try:
        collisions = reconnects = 0
        deadline = time.monotonic() + policy.reconnect_s
        while True:
            try:
                return change()
            except collided:
                collisions += 1
                if collisions >= policy.collision_attempts:
                    raise
                time.sleep(policy.collision_pause(collisions))
            except lost:
                reconnects += 1
                pause = policy.reconnect_pause(reconnects)
                if not may_reconnect() or time.monotonic() + pause > deadline:
                    raise
                time.sleep(pause)
    finally:
        _repeating.active = False
