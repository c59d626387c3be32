"""A team project: the same schema and services on a PostgreSQL server, for a team coding at the same time.

A team project is opened by URL (``postgresql+psycopg://anna@server/studie``). Passwords are never stored by
FocusCoder: libpq finds them in ``~/.pgpass``, ``PGPASSWORD`` or a service file; when none is found,
``PasswordNeeded`` is raised so the caller can ask (a prompt in the CLI, a dialog in the app) and try again with
``password=``. TLS settings (``?sslmode=verify-full&sslrootcert=...``) are passed through to libpq.

What differs from a project file is kept here: who may change what is the database's business (the roles of
``team_roles.py``), a change made from a stale copy of a row is refused by its row version, and the errors of a
server are turned into one message a researcher can act on.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from app.models import migrations
from app.models.addresses import SCHEMES, is_team_location  # noqa: F401 - is_team_location: also found here
from app.models.errors import ProjectFileError
from app.models.schema import ProjectInfo
from app.models.team_retries import (
    CommitMark,
    RetryPolicy,
    commit_mark,
    commit_outcome,
    is_collision,
    is_lost_connection,
    repeat,
    settle,
    sqlstate,
)

T = TypeVar("T")
CONNECT_TIMEOUT_S = 10
# Other users' FocusCoder connections (changes or listening) to this database: who else is working in the project.
COLLEAGUES_HERE = (
    "SELECT DISTINCT usename FROM pg_stat_activity WHERE datname = current_database() "
    "AND starts_with(application_name, 'FocusCoder') AND usename <> current_user ORDER BY usename"
)
# TCP keepalives: a connection whose network is gone without a word (Wi-Fi, a sleeping laptop) is found dead after
# about a minute, instead of the two hours of the system's default; a statement sent into such a network is given
# up after 15 s without the server's TCP acknowledging it (not a limit on how long the server may work on it).
KEEPALIVES = {"keepalives": 1, "keepalives_idle": 30, "keepalives_interval": 10, "keepalives_count": 3,
              "tcp_user_timeout": 15000}


class PasswordNeeded(ProjectFileError):
    """The server asks for a password that neither ``.pgpass`` nor the environment gave."""

    def __init__(self, location: str, wrong: bool) -> None:
        self.location = location
        self.wrong = wrong
        where = "put it in ~/.pgpass or PGPASSWORD, or type it when asked"
        super().__init__(
            f"{location}: the password was not accepted ({where})." if wrong
            else f"{location}: the server asks for a password ({where})."
        )


class TeamConflict(ProjectFileError):
    """A change collided with a colleague's change; nothing of it was saved."""


class TeamPermissionDenied(ProjectFileError):
    """The database refused a change the user's team role does not allow."""


class TeamCollision(TeamConflict):
    """A serialization failure or a deadlock: nothing was saved, and the change may simply be made again."""


class TeamOffline(ProjectFileError):
    """The team server cannot be reached, or the connection was lost before the change was committed: nothing
    of the change was saved."""


class ChangeOutcomeUnknown(ProjectFileError):
    """The connection was lost while the change was being committed, and the server could not be asked yet
    whether it was; ``mark`` lets the app ask once the server is back (``TeamProject.outcome``)."""

    def __init__(self, message: str, mark: CommitMark) -> None:
        super().__init__(message)
        self.mark = mark


def with_password(action: Callable[[str | None], T], ask: Callable[[str, bool], str | None]) -> T:
    """Run ``action(password)``: first with what libpq finds itself (``.pgpass``, ``PGPASSWORD``), then with what
    ``ask(location, wrong)`` gives, three tries; ``PasswordNeeded`` when ``ask`` gives None (nobody to ask, or the
    user cancelled). The CLI asks at the terminal, the app in a dialog."""
    password: str | None = None
    for _attempt in range(3):
        try:
            return action(password)
        except PasswordNeeded as needed:
            password = ask(needed.location, needed.wrong and password is not None)
            if password is None:
                raise
    return action(password)


def parse_location(location: str) -> URL:
    try:
        url = make_url(location)
    except ArgumentError as exc:
        raise ProjectFileError(f"{location}: this is not a server address ({exc}).") from exc
    if url.get_backend_name() not in SCHEMES:
        raise ProjectFileError(f"{location}: only PostgreSQL servers can hold team projects.")
    if not url.database:
        raise ProjectFileError(f"{location}: the address names no database (…/database at its end).")
    return url.set(drivername="postgresql+psycopg")


def without_password(url: URL) -> URL:
    # URL.set(password=None) would keep the password: None there means "unchanged".
    return URL.create(url.drivername, url.username, None, url.host, url.port, url.database, url.query)


def shown_location(url: URL) -> str:
    """The address as it may be shown and remembered: never with a password."""
    return url.set(drivername="postgresql").render_as_string(hide_password=True).replace(":***@", "@")


def make_engine(url: URL, *, password: str | None = None, client: str = "", pool_size: int = 5) -> Engine:
    connect_args: dict[str, object] = {
        **KEEPALIVES,
        "connect_timeout": CONNECT_TIMEOUT_S,
        "application_name": "FocusCoder",
        # UTC so the naive timestamps of the schema mean the same on every client; focuscoder.client marks this
        # app's own changes in the notifications (migration 0004), so it can ignore them.
        "options": f"-c timezone=UTC -c focuscoder.client={client or '-'}",
    }
    if password is not None:
        connect_args["password"] = password
    # No pre-ping: it would cost a round trip per change; a change whose connection the server dropped is run again
    # on a new one (``team_retries.py``), and the pool replaces them all.
    return create_engine(url, connect_args=connect_args, pool_size=pool_size, max_overflow=5)


def connection_problem(location: str, exc: Exception) -> ProjectFileError:
    message = first_line(exc)
    lowered = message.lower()
    if "password authentication failed" in lowered:
        return PasswordNeeded(location, wrong=True)
    if "no password supplied" in lowered or "fe_sendauth" in lowered:
        return PasswordNeeded(location, wrong=False)
    if "permission denied for database" in lowered:
        return TeamPermissionDenied(f"{location}: you have no role in this team project; its owner can give you one.")
    if "does not exist" in lowered and "database" in lowered:
        return ProjectFileError(f"{location}: there is no such database on the server.")
    return ProjectFileError(f"{location}: the team server cannot be reached ({message}).")


class TeamProject:
    """A team project on a server; it offers what ``Project`` offers (sessions, one transaction per change)."""

    def __init__(self, url: URL, *, password: str | None = None, read_only: bool = False,
                 retries: RetryPolicy | None = None) -> None:
        if url.password is not None and password is None:
            password = url.password  # typed into the address by the user: used, never remembered
        url = without_password(url)
        self.url = url
        self.location = shown_location(url)
        # Changes of this app carry this mark in the notifications, so its own changes are not "news".
        self.client = uuid.uuid4().hex
        # Where code asks a project file for its name (window title, suggested export names, caches).
        self.path = Path(f"{url.database}@{url.host or 'localhost'}")
        self.lock = None
        self.backup_problem: str | None = None
        self.engine = make_engine(url, password=password, client=self.client)
        # Kept in memory only, for the listening connection (``team_events.py``); never written anywhere.
        self.password = password
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self.role = "reader"
        self.read_only = read_only
        self.retries = retries or RetryPolicy()
        # Set by the desktop app while its listener cannot reach the server: changes are refused at once.
        self.offline = False

    # --- opening ---------------------------------------------------------------------------------------------

    def check(self) -> str:
        """Connect, make sure this is a FocusCoder project of a known schema, and find the user's role."""
        try:
            with self.engine.connect() as connection:
                tables = set(connection.execute(text(
                    "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                )).scalars())
                if not {"project", "alembic_version"} <= tables:
                    raise ProjectFileError(f"{self.location}: this database holds no FocusCoder project.")
                revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar()
                self.role = _role(connection)
        except ProjectFileError:
            raise
        except DBAPIError as exc:
            if sqlstate(exc) == "42501":
                raise TeamPermissionDenied(
                    f"{self.location}: you have no role in this team project; its owner can give you one "
                    f"(focuscoder team URL role {self.url.username or 'USER'} reader|coder|editor)."
                ) from exc
            raise connection_problem(self.location, exc) from exc
        except SQLAlchemyError as exc:
            raise connection_problem(self.location, exc) from exc
        if revision not in migrations.revisions():
            raise ProjectFileError(
                f"{self.location}: this team project was saved by a newer version of FocusCoder (schema {revision}). "
                "Please update FocusCoder to open it."
            )
        if self.role == "reader":
            self.read_only = True
        return revision

    def upgrade(self) -> None:
        """Bring an older team project to this version's schema (its owner only: others lack the rights)."""
        try:
            with self.engine.begin() as connection:  # PostgreSQL changes tables inside a transaction: all or nothing
                migrations.upgrade_connection(connection)
        except (DBAPIError, SQLAlchemyError) as exc:
            raise ProjectFileError(
                f"{self.location}: this team project comes from an older version of FocusCoder and must be upgraded, "
                f"which only its owner can do ({first_line(exc)})."
            ) from exc

    # --- the Project interface -------------------------------------------------------------------------------

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One change, committed at once; a collision or a refusal by the server comes back as one message.

        Before its COMMIT the change notes its transaction's number; when the connection is lost during the
        commit, the server is asked afterwards whether it committed (``team_retries.py``): committed, the change
        is done; not, ``TeamOffline`` (nothing saved, safe to make again); no answer, ``ChangeOutcomeUnknown``.
        """
        if self.read_only:
            raise TeamPermissionDenied(
                f"{self.location}: your role in this team project lets you read it, not change it."
            )
        if self.offline:
            raise self._offline()
        mark: CommitMark | None = None
        try:
            with self._sessions() as session:
                session.begin()
                yield session
                session.flush()
                mark = commit_mark(session)
                session.commit()
        except StaleDataError as exc:
            raise TeamConflict(
                "A colleague changed the same thing at the same moment, so your change was not saved. The view now "
                "shows their version; please make your change again if it is still needed."
            ) from exc
        except DBAPIError as exc:
            if mark is None or not is_lost_connection(exc):
                raise _server_refusal(self, exc) from exc
            outcome = settle(self.engine, mark, self.retries)
            if outcome == "aborted":
                raise _server_refusal(self, exc) from exc  # the connection was lost and nothing was saved
            if outcome is None:
                raise ChangeOutcomeUnknown(
                    f"{self.location}: the connection to the team server was lost while your change was being "
                    "saved, and the server cannot be asked yet whether it was. FocusCoder finds out once the server "
                    "is back; until then please do not make the change again.", mark,
                ) from exc
            # "committed": the change is on the server; its answer only got lost on the way.

    def repeat(self, change: Callable[[], T]) -> T:
        """``change()``, made again after a collision or a lost connection, as ``self.retries`` allows."""
        return repeat(change, self.retries, collided=TeamCollision, lost=TeamOffline,
                      may_reconnect=lambda: not self.offline)

    def outcome(self, mark: CommitMark) -> str | None:
        """Whether a change of ``ChangeOutcomeUnknown`` was "committed" or "aborted"; None while unknown."""
        return commit_outcome(self.engine, mark)

    def connection_restored(self) -> None:
        """The server can be reached again: changes are taken again, on new connections (the old ones died)."""
        self.engine.dispose()
        self.offline = False

    def colleagues(self) -> list[str]:
        """The users other than this one who have FocusCoder open on this team project now (from the server)."""
        with self.engine.connect() as connection:
            return [row[0] for row in connection.exec_driver_sql(COLLEAGUES_HERE)]

    def _offline(self) -> TeamOffline:
        return TeamOffline(
            f"{self.location}: the team server cannot be reached at the moment, so your change was not saved. "
            "FocusCoder keeps reconnecting; make the change again once it says the server is back."
        )

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session, session.begin():
                yield session
        except DBAPIError as exc:
            if is_lost_connection(exc):
                raise connection_problem(self.location, exc) from exc
            raise

    @contextmanager
    def read_transaction(self) -> Iterator[object]:
        """One read transaction on the driver's connection (psycopg's), as ``Project.read_transaction``."""
        with self.reading() as session:
            yield session.connection().connection.dbapi_connection

    def info(self) -> ProjectInfo:
        with self.reading() as session:
            info = session.get(ProjectInfo, 1)
            if info is None:
                raise ProjectFileError(f"{self.location}: the team project has no project row; it is damaged.")
            return info

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> TeamProject:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_team_project(location: str, *, password: str | None = None, read_only: bool = False,
                      retries: RetryPolicy | None = None) -> TeamProject:
    """Open a team project by its URL; ``PasswordNeeded`` when the server wants a password we were not given."""
    project = TeamProject(parse_location(location), password=password, read_only=read_only, retries=retries)
    try:
        revision = project.check()
        if revision != migrations.head():
            if read_only or project.role != "owner":
                raise ProjectFileError(
                    f"{project.location}: this team project comes from an older version of FocusCoder; its owner "
                    "must open it once to upgrade it."
                )
            project.upgrade()
    except BaseException:
        project.close()
        raise
    return project


def _role(connection) -> str:
    """What the database lets this user do, read from the grants themselves (the UI only mirrors them)."""
    owner = connection.execute(text(
        "SELECT pg_get_userbyid(datdba) = current_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)"
        " FROM pg_database WHERE datname = current_database()"
    )).scalar()
    if owner:
        return "owner"
    can = connection.execute(text(
        "SELECT has_table_privilege('code', 'UPDATE'), has_table_privilege('coding', 'INSERT')"
    )).one()
    return "editor" if can[0] else "coder" if can[1] else "reader"


def first_line(exc: Exception) -> str:
    text_ = str(getattr(exc, "orig", None) or exc).strip()
    return text_.splitlines()[0] if text_ else type(exc).__name__


def _server_refusal(project: TeamProject, exc: DBAPIError) -> ProjectFileError:
    state = sqlstate(exc)
    if state == "42501":  # insufficient_privilege: the grants of the user's role
        return TeamPermissionDenied(
            f"Your role in this team project ({project.role}) does not allow this change; it was not saved. "
            "The project's owner can give you another role."
        )
    if state == "23503":  # foreign_key_violation: what the change refers to was deleted meanwhile
        return TeamConflict(
            "A colleague deleted what this change refers to (a code, document or coding) a moment ago, so it was not "
            "saved. The view now shows the project as it is."
        )
    if state == "23505":  # unique_violation: the same name was just taken
        return TeamConflict(
            "A colleague just created the same thing (a name that must be unique), so your change was not saved. "
            "The view now shows the project as it is."
        )
    if is_collision(exc):  # serialization failure, deadlock: repeated by ``repeat`` before this is shown
        return TeamCollision("A colleague's change collided with yours; nothing was saved. Please try again.")
    if is_lost_connection(exc):
        return TeamOffline(
            f"{project.location}: the connection to the team server was lost ({first_line(exc)}); "
            "your last change was not saved."
        )
    return ProjectFileError(f"{project.location}: the server refused the change ({first_line(exc)}).")
