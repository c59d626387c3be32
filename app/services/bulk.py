"""Many rows in one DB-API ``executemany``, in the session's transaction, on SQLite and on PostgreSQL alike.

An ORM object and a flush per row cost 25 ms per 100 rows, SQLAlchemy's insert 35 ms per 1,000; the driver's own
executemany is the floor. The SQL is written with ``?`` marks and adapted to the driver's parameter style.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import DateTime
from sqlalchemy.orm import Session


def insert_many(session: Session, sql: str, rows: list[tuple]) -> None:
    connection = session.connection()
    if connection.dialect.paramstyle != "qmark":
        sql = sql.replace("?", "%s")  # psycopg; no literal ? or % in our statements
    connection.exec_driver_sql(sql, rows)


def stored_time(session: Session, moment: datetime) -> Any:
    """A time as SQLAlchemy's DateTime column stores it on this database (a string on SQLite)."""
    dialect = session.get_bind().dialect
    processor = DateTime().dialect_impl(dialect).bind_processor(dialect)
    return processor(moment) if processor is not None else moment
