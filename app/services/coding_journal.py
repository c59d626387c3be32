"""A short record of which codings this process's own changes touched, so that the analyses can bring the
project data they keep up to date instead of reading every coding again.

The analyses keep a project's loaded codings until the file changes (``app.analysis.dataset``). After the
commonest change, a passage coded, uncoded or re-coded, reading 100,000 codings again cost more than the analysis
itself. A service that changes codings and nothing else runs in ``coding_change`` and names the codings it
touched; the record then says "the file went from state N to state N+1 by changing these codings" (see
``models.file_state``). A change by another process, or by any other service, leaves a gap in that chain of
states, and the analyses read everything again.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.models.file_state import FileState, file_state, state_of_file

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.models import Project

_KEPT_CHANGES = 200  # per project: far more than happen between two refreshes of the reports


@dataclass(frozen=True)
class CodingChange:
    before: FileState  # the state the change was made on
    after: FileState  # the state its commit made
    codings: frozenset[int]  # ids of the codings created, changed or deleted


# Per project, the changes by the state each was made on (oldest first): a look-up per change when the analyses
# walk the chain, not a dictionary of all kept changes built for every look.
_journal: weakref.WeakKeyDictionary[Project, OrderedDict[FileState, CodingChange]] = weakref.WeakKeyDictionary()
_lock = threading.Lock()


@contextmanager
def coding_change(project: Project) -> Iterator[tuple[Session, set[int]]]:
    """``project.transaction()`` for a change of codings only; the caller adds the ids of the codings it
    created, changed or deleted to the set it is given."""
    touched: set[int] = set()
    with project.transaction() as session:
        raw = session.connection().connection.dbapi_connection
        rows_before = getattr(raw, "total_changes", None)
        yield session, touched
        session.flush()  # what the ORM still holds is written now, so that it is counted
        # Still in the transaction, whose read lock keeps every other writer out: the file is in the state this
        # change was made on. A commit that wrote rows raises the counter by exactly one.
        wrote = rows_before is not None and raw.total_changes > rows_before
        before = file_state(session) if wrote else None
    if before is None:
        return
    after = state_of_file(before[0])
    # Anything but "one more" means another process committed since, and this change cannot be told apart.
    if after is not None and after[1] == before[1] + 1:
        with _lock:
            changes = _journal.setdefault(project, OrderedDict())
            changes[before] = CodingChange(before, after, frozenset(touched))
            changes.move_to_end(before)
            while len(changes) > _KEPT_CHANGES:
                changes.popitem(last=False)


def codings_changed(project: Project, since: FileState, now: FileState) -> frozenset[int] | None:
    """The codings this process changed from state ``since`` to state ``now``; None when something else
    happened in between (or the record does not reach back that far)."""
    touched: set[int] = set()
    state = since
    with _lock:
        changes = _journal.get(project)
        while state != now:
            change = changes.get(state) if changes is not None else None
            if change is None:
                return None
            touched |= change.codings
            state = change.after
    return frozenset(touched)
