"""A team project saved into one file and brought back, by PostgreSQL's own pg_dump and pg_restore.

The file is pg_dump's custom format of the project's database: every table, row, sequence and trigger, without
owners and grants, since the roles are named after the database and a project may come back under another name.
A restore goes into an empty database (as publishing does), in one transaction, and the team roles of that
database are made afresh; the owner hands out roles again. The tools are those of the server's installation found
on PATH or where Debian keeps them; without them, one message says what to install. Passwords go to the tools in
their environment (PGPASSWORD), never on a command line that others could read.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from pathlib import Path

import psycopg
from sqlalchemy import text

from app.models.errors import ProjectFileError
from app.models.team import TeamProject, first_line, open_team_project, parse_location, without_password
from app.models.team_roles import create_group_roles

TIMEOUT_S = 3600  # a large project over a slow line; the tools stop by themselves on errors


def find_tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), key=lambda p: int(p.split("/")[4]))
    if candidates:
        return candidates[-1]
    raise ProjectFileError(
        f"{name} is not installed; it comes with PostgreSQL's client programs (postgresql-client on Debian and "
        "Ubuntu, the PostgreSQL installer on Windows and macOS)."
    )


def _conninfo(project: TeamProject) -> str:
    url = without_password(project.url)
    parts = {"host": url.host, "port": url.port, "dbname": url.database, "user": url.username,
             "application_name": "FocusCoder (backup)", "connect_timeout": 10}
    conninfo = psycopg.conninfo.make_conninfo(**{key: value for key, value in parts.items() if value is not None})
    extra = {key: value for key, value in url.query.items() if isinstance(value, str)}  # sslmode and the like
    return psycopg.conninfo.make_conninfo(conninfo, **extra) if extra else conninfo


def _run(project: TeamProject, command: list[str], what: str) -> str:
    environment = dict(os.environ)
    if project.password is not None:
        environment["PGPASSWORD"] = project.password
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        raise ProjectFileError(f"{project.location}: {what} took longer than an hour and was stopped.") from exc
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise ProjectFileError(f"{project.location}: {what} failed ({message}).")
    return done.stdout


def backup(location: str, path: str | Path, *, password: str | None = None) -> Path:
    """Save the team project at ``location`` into the file ``path`` (pg_dump's custom format)."""
    path = Path(path)
    pg_dump = find_tool("pg_dump")
    with open_team_project(location, password=password, read_only=True) as project:
        partial = path.with_name(path.name + ".part")  # a file named as asked only when it is whole
        try:
            _run(project, [pg_dump, "--format=custom", "--no-owner", "--no-privileges", f"--file={partial}",
                           f"--dbname={_conninfo(project)}"], "the backup")
            partial.replace(path)
        finally:
            partial.unlink(missing_ok=True)
    return path


def restore(path: str | Path, location: str, *, password: str | None = None) -> None:
    """Bring the backup file ``path`` back as the team project at ``location``, an empty database."""
    path = Path(path)
    pg_restore = find_tool("pg_restore")
    if not path.is_file():
        raise ProjectFileError(f"{path}: there is no such file.")
    project = TeamProject(parse_location(location), password=password)
    try:
        not_a_backup = f"{path}: this is not a backup of a FocusCoder team project"
        try:
            listing = _run(project, [pg_restore, "--list", str(path)], f"reading {path.name}")
        except ProjectFileError as exc:
            raise ProjectFileError(f"{not_a_backup} ({str(exc).split(' failed (', 1)[-1]}") from exc
        if not all(f"TABLE public {table} " in listing for table in ("alembic_version", "project", "coding")):
            raise ProjectFileError(f"{not_a_backup}.")
        try:
            with project.engine.connect() as connection:
                tables = connection.execute(text(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                )).scalar()
        except Exception as exc:  # noqa: BLE001 - whatever the driver says, as one line
            raise ProjectFileError(f"{project.location}: the team server cannot be reached ({first_line(exc)}).") from exc
        if tables:
            raise ProjectFileError(
                f"{project.location}: the database already holds tables; a backup is restored into an empty "
                "database (create one with createdb)."
            )
        _run(project, [pg_restore, "--no-owner", "--no-privileges", "--single-transaction", "--exit-on-error",
                       f"--dbname={_conninfo(project)}", str(path)], "the restore")
        with project.engine.begin() as connection:
            create_group_roles(connection)  # this database's roles; the owner gives colleagues theirs again
    finally:
        project.close()
    open_team_project(location, password=password).close()  # a project of a schema this version knows
