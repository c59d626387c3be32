"""Schema migrations (Alembic), run by FocusCoder itself on the project file it opens.

A new file is created from the models and stamped at the head revision; an older file is upgraded here. There is
no alembic.ini: the configuration is built in code, so the migrations travel inside the package.
"""

from __future__ import annotations

import sqlite3
from functools import cache
from pathlib import Path
from urllib.parse import quote

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, create_engine, event

HERE = Path(__file__).resolve().parent


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    return _script().get_current_head()


def revisions() -> list[str]:
    """Every schema revision this version of FocusCoder knows, oldest first."""
    return [rev.revision for rev in reversed(list(_script().walk_revisions()))]


def stamp_head(connection: Connection) -> None:
    """Mark a new file as built at the head revision. Through the scripts read once per process: the stamp
    command read and compiled every migration script again on each call, a third of creating a project."""
    MigrationContext.configure(connection).stamp(_script(), "head")


def upgrade_connection(connection: Connection, revision: str = "head") -> None:
    command.upgrade(_config(connection), revision)


def upgrade_file(path: Path, revision: str = "head") -> None:
    """Upgrade a project file in one transaction, with foreign keys off while tables are rebuilt.

    Batch migrations copy a table and drop the old one; with foreign keys on, that drop would cascade into
    every child row. Keys are checked once the new tables are in place.
    """

    def configure(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        dbapi_connection.execute("PRAGMA journal_mode=DELETE")

    engine = create_engine(
        "sqlite://", creator=lambda: sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=rw", uri=True)
    )
    event.listen(engine, "connect", configure)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    try:
        with engine.begin() as connection:
            upgrade_connection(connection, revision)
            broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise RuntimeError(f"the upgrade left {len(broken)} broken references")
    finally:
        engine.dispose()
