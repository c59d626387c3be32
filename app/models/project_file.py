"""The ``.fcproj`` project file: create, check, open and upgrade it.

A project is one SQLite file in rollback-journal mode (never WAL, so the single file is always complete and can be
copied or mailed), marked with our application id, its schema revision kept by Alembic. A file is looked at
read-only before anything writes to it: a file that is not ours, damaged or from a newer FocusCoder is refused with
a clear message and left byte-for-byte unchanged; an older one is backed up, then upgraded.

SQLAlchemy is imported when a session is first asked for: a command that only reads (``focuscoder stats``) reads
on the driver's connection (``Project.read_transaction``), and importing SQLAlchemy took half its time.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from threading import Lock
from typing import TYPE_CHECKING
from urllib.parse import quote

from app.models import migrations
from app.models.errors import ProjectFileError
from app.models.locking import ProjectLock, acquire_lock
from app.models.write_failures import cannot_write_reason, saving_failed

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from app.models.schema import ProjectInfo

APPLICATION_ID = 0x46435052  # "FCPR" in the SQLite header, so `file` and we can tell our files apart
SQLITE_MAGIC = b"SQLite format 3\x00"
SUFFIX = ".fcproj"
APP_NAME = "FocusCoder"


@dataclass(frozen=True)
class FileCheck:
    """What a read-only look at a project file found."""

    revision: str
    needs_upgrade: bool
    # Another program switched the file to write-ahead logging; opening it read-write switches it back.
    wal: bool = False


def _sqlite_uri(path: Path, mode: str) -> str:
    return f"file:{quote(str(path.resolve()))}?mode={mode}"


def check_file(path: Path) -> FileCheck:
    """Look at a file without changing it; raise ProjectFileError if it cannot be opened as a project."""
    shown = path.name
    if not path.exists():
        raise ProjectFileError(f"{shown}: the file does not exist.")
    if not path.is_file():
        raise ProjectFileError(f"{shown}: this is a folder, not a FocusCoder project file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError as exc:
        raise ProjectFileError(f"{shown}: the file cannot be read ({exc.strerror}).") from exc
    if not header:
        raise ProjectFileError(f"{shown}: the file is empty, it is not a FocusCoder project.")
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise ProjectFileError(f"{shown}: this is not a FocusCoder project (not an SQLite database).")
    # Header bytes 18/19 are 2 in WAL mode. A plain read-only connection to such a file would create -wal and
    # -shm files beside it (and the read-only project could not use it); "immutable" reads the file alone.
    wal = header[18:19] == b"\x02"
    uri = _sqlite_uri(path, "ro") + ("&immutable=1" if wal else "")
    try:
        with closing(sqlite3.connect(uri, uri=True)) as db:
            db.execute("PRAGMA trusted_schema=OFF")
            application_id = db.execute("PRAGMA application_id").fetchone()[0]
            if application_id != APPLICATION_ID:
                raise ProjectFileError(
                    f"{shown}: this is an SQLite database, but not a FocusCoder project."
                )
            problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
            if problems != ["ok"]:
                raise ProjectFileError(f"{shown}: the project file is damaged ({_one_line(problems)}).")
            # FocusCoder writes no triggers or views: in a file from someone else they could change or hide data
            # behind our back whenever we write (trusted_schema=OFF stops only functions with side effects).
            hidden = db.execute("SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')").fetchone()[0]
            if hidden:
                raise ProjectFileError(
                    f"{shown}: the project file contains database triggers or views that {APP_NAME} never writes; "
                    "another program changed it, so it is not opened."
                )
            try:
                row = db.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.DatabaseError:
                row = None
    except sqlite3.DatabaseError as exc:
        raise ProjectFileError(f"{shown}: the project file is damaged or unreadable ({exc}).") from exc
    if row is None:
        raise ProjectFileError(f"{shown}: the project file has no schema revision; it is damaged.")
    revision = row[0]
    known = migrations.revisions()
    if revision not in known:
        raise ProjectFileError(
            f"{shown}: this project was saved by a newer version of {APP_NAME} (schema {revision}). "
            f"Please update {APP_NAME} to open it."
        )
    return FileCheck(revision=revision, needs_upgrade=revision != migrations.head(), wal=wal)


def _one_line(problems: list[str]) -> str:
    """SQLite's findings as one line for a message (they come with newlines and a header line)."""
    lines = [line.strip() for problem in problems for line in problem.splitlines()]
    lines = [line for line in lines if line and not line.startswith("***")]
    return "; ".join(lines[:2]) + ("; …" if len(lines) > 2 else "")


def _connect(path: Path, *, read_only: bool) -> sqlite3.Connection:
    """A connection to the project file, as every session's and every read transaction's."""
    connection = sqlite3.connect(_sqlite_uri(path, "ro" if read_only else "rw"), uri=True, check_same_thread=False)
    # Autocommit at the driver level; SQLAlchemy's "begin" event below issues BEGIN itself, so a transaction
    # (DDL included) is exactly one `with session.begin()`.
    connection.isolation_level = None
    cursor = connection.cursor()
    for pragma in (
        "foreign_keys=ON",
        "journal_mode=DELETE",
        "synchronous=FULL",
        "trusted_schema=OFF",
        "busy_timeout=5000",
    ):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()
    return connection


def _begin(connection) -> None:  # noqa: ANN001 - SQLAlchemy Connection
    connection.exec_driver_sql("BEGIN")


def _make_engine(path: Path, *, read_only: bool) -> Engine:
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import QueuePool

    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect(path, read_only=read_only),
        # The bare "sqlite://" URL would pick SingletonThreadPool (meant for :memory:), which hands every
        # connection of a thread the same DBAPI connection: a second session in that thread would then fail
        # with "cannot start a transaction within a transaction". A file database wants a real pool.
        poolclass=QueuePool,
    )
    event.listen(engine, "begin", _begin)
    return engine


_IDLE_READERS = 2  # connections kept for read transactions: the GUI thread's and the worker's


class Project:
    """An open project file: hands out sessions; each user-level change runs in one ``transaction()``.

    A writable project holds the project's lock (see ``locking.py``) until ``close()``.
    """

    def __init__(self, path: Path, *, read_only: bool = False, lock: ProjectLock | None = None) -> None:
        self.path = path
        self.read_only = read_only
        self.lock = lock
        self.backup_problem: str | None = None
        self._readers: list[sqlite3.Connection] = []  # idle connections for read transactions
        self._readers_lock = Lock()
        self._engine: Engine | None = None
        self._session_maker: sessionmaker[Session] | None = None
        self._engine_lock = Lock()  # the GUI thread and the worker may ask for the first session at once

    @property
    def engine(self) -> Engine:
        """The engine of the sessions, made when first needed: reading the analyses' data needs none."""
        with self._engine_lock:
            if self._engine is None:
                from sqlalchemy.orm import sessionmaker

                self._engine = _make_engine(self.path, read_only=self.read_only)
                self._session_maker = sessionmaker(self._engine, expire_on_commit=False)
            return self._engine

    def _sessions(self) -> Session:
        if self._session_maker is None:
            self.engine  # noqa: B018 - makes the engine and its sessions
        return self._session_maker()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work, committed when the block ends without an exception, rolled back otherwise."""
        if self.read_only:
            raise ProjectFileError(f"{self.path.name} is open read-only; changes cannot be saved.")
        if self.lock is not None and not self.lock.still_ours():
            raise ProjectFileError(
                f"{self.path.name}: another FocusCoder took this project over; changes cannot be saved here. "
                "Close the project and open it again."
            )
        try:
            with self._sessions() as session, session.begin():
                yield session
        except Exception as exc:  # the disk's refusals come as the driver's or as SQLAlchemy's error
            failure = saving_failed(self.path, exc)
            if failure is None:
                raise
            raise failure from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries only."""
        with self._sessions() as session, session.begin():
            yield session

    @contextmanager
    def read_transaction(self) -> Iterator[sqlite3.Connection]:
        """One read transaction on the driver's connection, for reading many rows without SQLAlchemy (the
        analyses' data). Errors of the driver come as SQLAlchemy's, as they would from a session."""
        with self._readers_lock:
            connection = self._readers.pop() if self._readers else None
        try:
            if connection is None:
                connection = _connect(self.path, read_only=self.read_only)
            connection.execute("BEGIN")
            try:
                yield connection
            except BaseException:
                if connection.in_transaction:  # SQLite ends it itself after some errors (a full disk, an I/O error)
                    connection.execute("ROLLBACK")
                raise
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            from sqlalchemy.exc import DBAPIError

            raise DBAPIError.instance(None, None, exc, sqlite3.Error) from exc
        finally:
            if connection is not None:
                with self._readers_lock:
                    kept = len(self._readers) < _IDLE_READERS and not connection.in_transaction
                    if kept:
                        self._readers.append(connection)
                if not kept:
                    connection.close()

    def info(self) -> ProjectInfo:
        from app.models import ProjectInfo

        with self.reading() as session:
            info = session.get(ProjectInfo, 1)
            assert info is not None, "every project file has its metadata row"
            return info

    def close(self) -> None:
        with self._engine_lock:
            engine, self._engine, self._session_maker = self._engine, None, None
        if engine is not None:
            engine.dispose()
        with self._readers_lock:
            readers, self._readers = self._readers, []
        for connection in readers:
            connection.close()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@cache
def _schema_sql() -> tuple[str, ...]:
    """What ``Base.metadata.create_all`` runs on a new, empty file: each table (in the order of their foreign
    keys) and its indexes, compiled once per process (create_all compiled them and asked SQLite whether each table
    existed every time: a third of creating a project)."""
    from sqlalchemy.dialects import sqlite
    from sqlalchemy.schema import CreateIndex, CreateTable

    from app.models import Base

    dialect = sqlite.dialect()
    statements = []
    for table in Base.metadata.sorted_tables:
        statements.append(str(CreateTable(table).compile(dialect=dialect)))
        statements += [str(CreateIndex(index).compile(dialect=dialect))
                       for index in sorted(table.indexes, key=lambda index: index.name)]
    return tuple(statements)


@cache
def _empty_file() -> bytes:
    """A new project's database without its metadata row, built once per process in memory from the schema SQL
    and stamped at head (the same statements a file would run), as SQLite's serialized pages. Each new project
    is a copy of it: running some forty statements and alembic's stamp into every new file cost two thirds of
    creating a project."""
    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import StaticPool

    engine = create_engine("sqlite://", poolclass=StaticPool)
    event.listen(engine, "connect", _configure_template)
    event.listen(engine, "begin", _begin)
    try:
        with engine.begin() as connection:
            for statement in _schema_sql():
                connection.exec_driver_sql(statement)
            migrations.stamp_head(connection)
        with engine.connect() as connection:
            return connection.connection.dbapi_connection.serialize()
    finally:
        engine.dispose()


def _configure_template(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    dbapi_connection.isolation_level = None
    dbapi_connection.execute(f"PRAGMA application_id={APPLICATION_ID}")


@cache
def _time_text() -> Callable[[datetime], object]:
    """How SQLAlchemy's DateTime column writes a time into SQLite (the metadata row is written by the driver)."""
    from sqlalchemy import DateTime
    from sqlalchemy.dialects import sqlite

    dialect = sqlite.dialect()
    return DateTime().dialect_impl(dialect).bind_processor(dialect)


def _write_new_file(partial: Path, name: str, language: str) -> None:
    """The empty project with its metadata row, as SQLite's pages, written to the new file ``partial``."""
    from app.models.schema import new_guid, utc_now

    with closing(sqlite3.connect(":memory:")) as memory:
        memory.deserialize(_empty_file())
        # Every column the model gives a value (its guid and created_at defaults written out; tested).
        memory.execute(
            "INSERT INTO project (id, guid, name, language, created_at, created_with) VALUES (1, ?, ?, ?, ?, ?)",
            (new_guid(), name, language, _time_text()(utc_now()), _app_version()),
        )
        memory.commit()
        pages = memory.serialize()
    _write_synced(partial, pages)


def _write_synced(path: Path, data: bytes) -> None:
    """``data`` as a new file, forced to the disk before it is moved into place. A file nobody else sees needs no
    rollback journal: SQLite's backup into it wrote, synced and deleted one, four syncs where one does."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)  # SQLite's own file mode
    with open(descriptor, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def create_project(path: str | Path, *, name: str | None = None, language: str = "de") -> Project:
    """Create a new, empty project file at ``path`` (which must not exist yet)."""
    from sqlalchemy.exc import SQLAlchemyError

    path = Path(path)
    if path.exists():
        raise ProjectFileError(f"{path.name}: a file of this name already exists.")
    if not path.parent.is_dir():
        raise ProjectFileError(f"{path.name}: the folder {path.parent} does not exist.")
    # Build the file under a temporary name and move it into place, so a failure leaves nothing behind.
    partial = path.with_name(f".{path.name}.creating")
    partial.unlink(missing_ok=True)
    try:
        _write_new_file(partial, name or path.stem, language)
        lock = acquire_lock(path, take_over=True)  # a stale lock of a file that is gone means nothing
        try:
            if path.exists():  # appeared meanwhile: never replace someone's file
                raise FileExistsError(f"{path.name} appeared while the project was being created")
            partial.replace(path)
        except BaseException:
            lock.release()
            raise
    except (OSError, sqlite3.Error, SQLAlchemyError) as exc:  # SQLAlchemy wraps the driver's errors
        partial.unlink(missing_ok=True)
        partial.with_name(f"{partial.name}-journal").unlink(missing_ok=True)
        raise ProjectFileError(f"{path.name}: the project file could not be created ({exc}).") from exc
    return Project(path, lock=lock)


def roll_back_interrupted_change(path: Path) -> None:
    """Finish what a crash interrupted: roll back the change that was being saved, as SQLite does for a writer.

    A crash or power cut in the middle of saving leaves a "hot" journal beside the file; until it is rolled back
    the file itself may be inconsistent, and a read-only connection cannot roll it back ("attempt to write a
    readonly database"), so the project could never be opened again. Only a file marked as ours is touched.
    """
    journal = path.with_name(f"{path.name}-journal")
    try:
        if not (path.is_file() and journal.is_file() and journal.stat().st_size > 0):
            return
        with path.open("rb") as handle:
            header = handle.read(100)
    except OSError:
        return  # check_file says what is wrong with the file
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC or int.from_bytes(header[68:72], "big") != APPLICATION_ID:
        return
    try:
        with closing(sqlite3.connect(_sqlite_uri(path, "rw"), uri=True)) as db:
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()  # the first read rolls the journal back
    except sqlite3.Error as exc:
        raise ProjectFileError(
            f"{path.name}: {APP_NAME} was interrupted while saving, and the unfinished change could not be "
            f"rolled back ({exc})."
        ) from exc


def open_project(
    path: str | Path, *, read_only: bool = False, take_over: bool = False, backup: bool = False
) -> Project:
    """Open an existing project: check it, back up and upgrade an older one, refuse what is not ours.

    A change that a crash interrupted is rolled back first (even for a read-only open: the file is then as it
    was last saved). A writable open takes the project's lock: ``ProjectLockedError`` if another FocusCoder has
    it open; ``take_over=True`` replaces a stale lock (of a FocusCoder that is gone). ``backup=True`` (the
    desktop app) makes a rolling backup (``backups.py``); when that fails the project opens all the same and
    ``backup_problem`` says why, for the status bar.
    """
    path = Path(path)
    roll_back_interrupted_change(path)
    found = check_file(path)  # before the lock: a file that is not ours gets no lock file beside it
    if read_only:
        return _open_checked(path, found, read_only=True, lock=None)
    reason = cannot_write_reason(path)
    if reason is not None:
        raise ProjectFileError(f"{path.name}: {reason}, so changes could not be saved; open it read-only, or copy "
                               "it to a folder you can write to.")
    try:
        lock = acquire_lock(path, take_over=take_over)
    except OSError as exc:  # e.g. the folder became read-only, or the drive went away
        raise ProjectFileError(f"{path.name}: the project cannot be opened for changes ({exc.strerror or exc}); "
                               "open it read-only.") from exc
    try:
        # Checked again under the lock: the holder we waited for may have upgraded it or left a journal.
        roll_back_interrupted_change(path)
        project = _open_checked(path, check_file(path), read_only=False, lock=lock)
    except BaseException:
        lock.release()
        raise
    if backup:
        from app.models.backups import make_rolling_backup

        try:
            make_rolling_backup(path)
        except ProjectFileError as exc:
            project.backup_problem = str(exc)
    return project


def _open_checked(path: Path, found: FileCheck, *, read_only: bool, lock: ProjectLock | None) -> Project:
    if found.wal and read_only:
        raise ProjectFileError(
            f"{path.name}: another program switched this project to a write-ahead log; open it once without "
            "read-only to switch it back."
        )
    if found.needs_upgrade:
        if read_only:
            raise ProjectFileError(
                f"{path.name}: this project comes from an older version of {APP_NAME} and must be upgraded, "
                "which cannot be done read-only."
            )
        try:
            backup = backup_copy(path, suffix=f"before-upgrade-{found.revision}")
        except (OSError, sqlite3.Error) as exc:  # e.g. a read-only folder or a full disk
            raise ProjectFileError(
                f"{path.name}: this project must be upgraded, but no backup copy could be made beside it ({exc}); "
                "it was left unchanged."
            ) from exc
        try:
            migrations.upgrade_file(path)
        except Exception as exc:  # the backup is intact; say where it is
            raise ProjectFileError(
                f"{path.name}: upgrading the project failed ({exc}); a copy from before is in {backup.name}."
            ) from exc
    return Project(path, read_only=read_only, lock=lock)


def backup_copy(path: Path, *, suffix: str) -> Path:
    """Copy a project with SQLite's online backup API (consistent even while open) beside the original."""
    target = path.with_name(f"{path.stem}.{suffix}{SUFFIX}")
    counter = 1
    while target.exists():
        counter += 1
        target = path.with_name(f"{path.stem}.{suffix}-{counter}{SUFFIX}")
    try:
        with closing(sqlite3.connect(_sqlite_uri(path, "ro"), uri=True)) as source, closing(
            sqlite3.connect(target)
        ) as copy:
            source.backup(copy)
    except BaseException:
        target.unlink(missing_ok=True)  # no half-written copy that looks like a backup
        raise
    return target


def _app_version() -> str:
    from app import __version__

    return f"{APP_NAME} {__version__}"
