"""Which committed state an SQLite project file is in, told by the file's own change counter."""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

FileState = tuple[str, int]  # the file's path and its change counter


def file_state(session: Session) -> FileState | None:
    """The committed state of the project file the session reads; None when it cannot be told (another
    database, a file in write-ahead-log mode or in memory).

    SQLite increments the *file change counter* in the database header (4 bytes at offset 24) whenever a
    connection unlocks the file after changing it, "so that each process can detect database changes" (the file
    format's own words); in rollback-journal mode, which project files use, once on every commit that changed
    something. Unlike ``PRAGMA data_version`` (which a connection's own commits leave alone) or
    ``total_changes`` (one connection's own count), it is the same for every connection of every process. The
    session must have read already: its read lock then keeps the file, and the counter, as they are until the
    transaction ends.
    """
    connection = session.connection()
    if connection.dialect.name != "sqlite":
        return None
    return state_of_connection(connection.connection.dbapi_connection)


def state_of_connection(connection: object) -> FileState | None:
    """``file_state`` for a DB-API connection, in a transaction that has read already (None but for SQLite's)."""
    if not isinstance(connection, sqlite3.Connection):
        return None
    path = next((row[2] for row in connection.execute("PRAGMA database_list") if row[1] == "main"), "")
    return state_of_file(path) if path else None


def state_of_file(path: str) -> FileState | None:
    """The state read from the file's header as it is on disk now, without a lock (see ``file_state``)."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(28)
    except OSError:
        return None
    if len(header) < 28 or header[18] == 2:  # too short to be a database; write-ahead log
        return None
    return path, int.from_bytes(header[24:28], "big")
