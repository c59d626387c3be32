"""Many rows in one DB-API ``executemany``, in the session's transaction, on SQLite and on PostgreSQL alike.

An ORM object and a flush per row cost 25 ms per 100 rows, SQLAlchemy's insert 35 ms per 1,000; the driver's own
executemany is the floor. The SQL is written with ``?`` marks and adapted to the driver's parameter style.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.engine import Connection
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session


def insert_many(session: Session, sql: str, rows: list[tuple]) -> None:
    connection = session.connection()
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")  # psycopg; no literal ? or % in our statements
    connection.exec_driver_sql(sql, rows)


# Rows per statement in insert_rows, largest first. Every count is made of these, so a connection prepares at most
# four statements per table: a statement for each document's remainder (a 44-row one, a 300-row one ...) was
# prepared afresh, at about 1.6 us a row. Beyond a few hundred rows a longer statement gains little.
STATEMENT_ROWS = (256, 32, 4, 1)


def insert_rows(connection: Connection, table: str, columns: str, width: int, values: tuple) -> None:
    """Rows into ``table`` by multi-row ``INSERT ... VALUES (...), (...), ...`` statements, in their order.

    ``values`` are the rows' values one after the other, ``width`` to a row (a tuple, no tuple per row). A
    statement per row spent more in the driver's per-statement work than SQLite spent writing (54,000 turns:
    130 ms -> 80 ms).
    """
    mark = "?" if connection.dialect.paramstyle == "qmark" else "%s"
    row = f"({', '.join([mark] * width)})"
    at = 0
    for rows in STATEMENT_ROWS:
        step = rows * width
        end = at + (len(values) - at) // step * step
        if end > at:
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([row] * rows)}"
            connection.exec_driver_sql(sql, [values[start : start + step] for start in range(at, end, step)])
            at = end


def stored_time(session: Session, moment: datetime) -> Any:
    """A time as SQLAlchemy's DateTime column stores it on this database (a string on SQLite)."""
    dialect = session.get_bind().dialect
    processor = DateTime().dialect_impl(dialect).bind_processor(dialect)
    return processor(moment) if processor is not None else moment


def time_storer(session: Session) -> Callable[[datetime], object]:
    """``bulk.stored_time`` for many times: the column type's converter is looked up once (looked up per coding,
    it took seconds for 200,000 codings)."""
    dialect = session.get_bind().dialect
    processor = DateTime().dialect_impl(dialect).bind_processor(dialect)
    if processor is None:
        return lambda moment: moment  # the driver takes datetime objects (PostgreSQL)
    probes = (datetime(2001, 2, 3, 4, 5, 6, 7), datetime(987, 6, 5, 4, 3, 2, tzinfo=UTC), datetime(2026, 1, 1))
    if all(processor(probe) == sqlite_time(probe) for probe in probes):
        return sqlite_time  # the same text, written by isoformat in C (SQLAlchemy's formatting: 0.5 s per 200,000)
    return processor


def sqlite_time(moment: datetime) -> str:
    """A time as SQLAlchemy writes it into SQLite: its wall-clock fields, microseconds always."""
    return moment.replace(tzinfo=None).isoformat(" ", "microseconds")


def driver_sql(session: Session, sql: str, row: tuple = ()) -> list[tuple]:
    """The rows of ``sql`` (with ``?`` marks), run by the DB-API cursor in the session's transaction. Nothing to
    compile (a new project's engine compiles each ORM statement afresh, about a millisecond each) and none of
    SQLAlchemy's execution machinery (25 us a statement: a codebook's codes go in one by one). Driver errors
    are raised as SQLAlchemy raises them."""
    connection = session.connection()
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")  # psycopg; no literal ? or % in our statements
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, row)
        return cursor.fetchall() if cursor.description else []
    except dialect.loaded_dbapi.Error as exc:
        raise DBAPIError.instance(sql, row, exc, dialect.loaded_dbapi.Error) from exc
    finally:
        cursor.close()


def driver_value(session: Session, sql: str, row: tuple = ()) -> object:
    """The one value ``sql`` gives (an id RETURNING gives, a maximum ...)."""
    return driver_sql(session, sql, row)[0][0]
