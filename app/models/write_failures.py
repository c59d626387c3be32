"""A change that the disk refused, in words: full disk, read-only file or folder, a drive that went away.

SQLite rolls such a change back (its journal holds the pages as they were), so the message can promise that
the project is as it was before the change; the change itself must be made again.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from app.models.errors import ProjectFileError

_REASONS = (
    ("database or disk is full", "the disk is full; free some space and do it again"),
    ("disk i/o error", "the disk could not be written (full, removed or failing); check it and do it again"),
    ("readonly database", "the file or its folder is read-only; copy the project to a folder you can write to"),
    ("unable to open database file", ("the project's folder cannot be written to (read-only, or the drive went "
                                      "away); copy the project to a folder you can write to")),
    ("database is locked", "another program kept the project busy; close it and do it again"),
)


def saving_failed(path: Path, error: BaseException) -> ProjectFileError | None:
    """The researcher's message for a write the disk refused, or None if ``error`` is something else."""
    from sqlalchemy.exc import DBAPIError  # a failed write came through a session: SQLAlchemy is loaded already

    cause = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(cause, sqlite3.OperationalError):
        return None
    text = str(cause).lower()
    for pattern, advice in _REASONS:
        if pattern in text:
            return ProjectFileError(
                f"{path.name}: the change could not be saved: {advice}. Nothing of it was written; "
                "everything saved before is safe."
            )
    return None


def cannot_write_reason(path: Path) -> str | None:
    """Why a writable open would fail at the first change (checked up front, so the researcher can choose
    read-only instead of losing the first piece of work)."""
    import os

    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return "its folder is read-only (changes need a journal file beside the project)"
    return None
