"""Publish a project file as a team project, and check a team project out into a file for offline work.

Both copy every row of every table with its GUIDs unchanged, so a checked-out copy coded on a train merges back
into the team project (``focuscoder merge``) with nothing doubled and nothing lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import Connection, Table, delete, insert, select, text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from app.models import migrations
from app.models.errors import ProjectFileError
from app.models.project_file import create_project, open_project
from app.models import Base
from app.models.team import (
    TeamProject,
    connection_problem,
    first_line,
    parse_location,
)
from app.models.team_roles import create_group_roles

BATCH = 2000
Progress = Callable[[str], None]


def _rows_in_order(connection: Connection, table: Table) -> Iterable[dict]:
    rows = (dict(row._mapping) for row in connection.execute(select(table).order_by(*table.primary_key.columns)))
    if table.name != "code":
        return rows
    # A code refers to its parent, which must be there first; a moved code can have a smaller id than its parent.
    pending = list(rows)
    placed: set[int] = set()
    ordered: list[dict] = []
    while pending:
        ready = [row for row in pending if row["parent_id"] is None or row["parent_id"] in placed]
        if not ready:
            raise ProjectFileError("the code tree refers to a parent code that is missing")
        placed.update(row["id"] for row in ready)
        ordered += ready
        pending = [row for row in pending if row["id"] not in placed]
    return ordered


def copy_rows(source: Connection, target: Connection, progress: Progress | None = None) -> dict[str, int]:
    """Copy every table of the schema from ``source`` into the empty tables of ``target``; rows per table."""
    counts: dict[str, int] = {}
    for table in Base.metadata.sorted_tables:
        if progress is not None:
            progress(table.name)
        batch: list[dict] = []
        counts[table.name] = 0
        for row in _rows_in_order(source, table):
            batch.append(row)
            if len(batch) >= BATCH:
                target.execute(insert(table), batch)
                counts[table.name] += len(batch)
                batch = []
        if batch:
            target.execute(insert(table), batch)
            counts[table.name] += len(batch)
    return counts


def _reset_sequences(connection: Connection) -> None:
    """Rows came with their ids; the server's counters must continue after the largest."""
    for table in Base.metadata.sorted_tables:
        if "id" in table.c and table.c.id.primary_key and table.c.id.autoincrement in (True, "auto"):
            connection.execute(text(
                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                f"coalesce((SELECT max(id) FROM \"{table.name}\"), 0) + 1, false)"
            ))


def publish(path: str | Path, location: str, *, password: str | None = None,
            progress: Progress | None = None) -> dict[str, int]:
    """Create a team project in the (empty) database at ``location`` from the project file at ``path``."""
    url = parse_location(location)
    source = open_project(path, read_only=True)
    team = TeamProject(url, password=password)  # connects only when used
    shown = team.location
    try:
        try:
            with team.engine.begin() as target:
                existing = target.execute(text(
                    "SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()"
                )).scalar()
                if existing:
                    raise ProjectFileError(
                        f"{shown}: the database already holds tables; a team project is published into an empty "
                        "database (create one with createdb)."
                    )
                # The schema by the migrations themselves, as every later upgrade will find it.
                migrations.upgrade_connection(target)
                with source.engine.connect() as reading:
                    counts = copy_rows(reading, target, progress)
                _reset_sequences(target)
                create_group_roles(target)
        except ProjectFileError:
            raise
        except (DBAPIError, SQLAlchemyError) as exc:
            state = getattr(getattr(exc, "orig", None), "sqlstate", None) or ""
            if state and not state.startswith("08") and not state.startswith("28"):  # not connecting, not logging in
                raise ProjectFileError(f"{shown}: publishing failed, nothing was kept ({first_line(exc)}).") from exc
            raise connection_problem(shown, exc) from exc
    finally:
        team.close()
        source.close()
    return counts


def checkout(location: str, path: str | Path, *, password: str | None = None,
             progress: Progress | None = None) -> dict[str, int]:
    """Copy the team project at ``location`` into a new project file at ``path`` (for work offline)."""
    from app.models.team import open_team_project

    path = Path(path)
    team = open_team_project(location, password=password, read_only=True)
    try:
        copy = create_project(path)
        try:
            with team.engine.connect() as reading, reading.begin(), copy.engine.begin() as target:
                # The server's copy is consistent: one snapshot for every table.
                reading.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY"))
                target.execute(delete(Base.metadata.tables["project"]))
                counts = copy_rows(reading, target, progress)
        except BaseException:
            copy.close()
            path.unlink(missing_ok=True)
            raise
        copy.close()
    except (DBAPIError, SQLAlchemyError) as exc:
        raise connection_problem(team.location, exc) from exc
    finally:
        team.close()
    return counts
