"""Schema migrations: the revision chain, and that migrating a file gives exactly the schema a new file gets."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine

from app.models import Base, ProjectFileError, create_project, migrations, open_project
from app.models.project_file import APPLICATION_ID


def _blank_file(path: Path) -> Path:
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    return path


def _migrated_file(path: Path, revision: str = "head") -> Path:
    migrations.upgrade_file(_blank_file(path), revision)
    return path


def _schema(path: Path) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of every table and index (autoindexes have no SQL)."""
    with closing(sqlite3.connect(path)) as db:
        return {
            (kind, name): sql
            for kind, name, sql in db.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
            )
        }


def _columns(path: Path, table: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return [row[1:] for row in db.execute(f'PRAGMA table_info("{table}")')]  # name, type, notnull, default, pk


def _foreign_keys(path: Path, table: str) -> set[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return {row[2:] for row in db.execute(f'PRAGMA foreign_key_list("{table}")')}


def test_revisions_run_oldest_first_and_end_at_head():
    assert migrations.revisions() == ["0001", "0002", "0003", "0004", "0005", "0006"]
    assert migrations.head() == "0006" == migrations.revisions()[-1]


def test_each_revision_builds_on_the_one_before():
    script = migrations._script()
    chain = migrations.revisions()
    for before, after in zip([None, *chain], chain):
        assert script.get_revision(after).down_revision == before


def test_upgrading_a_blank_file_reaches_head(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj")
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchall() == [(migrations.head(),)]
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_the_migrations_produce_the_schema_of_the_models(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.connect() as connection:
            differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_a_migrated_file_and_a_new_file_have_the_same_tables_indexes_columns_and_keys(tmp_path):
    migrated = _migrated_file(tmp_path / "m.fcproj")
    create_project(tmp_path / "new.fcproj").close()
    new = tmp_path / "new.fcproj"
    migrated_schema, new_schema = _schema(migrated), _schema(new)
    assert set(migrated_schema) == set(new_schema)
    assert {name for kind, name in new_schema if kind == "table"} == set(Base.metadata.tables) | {"alembic_version"}
    for kind, name in new_schema:
        if kind == "index":  # partial unique indexes included: their WHERE clause must match too
            assert migrated_schema[kind, name] == new_schema[kind, name]
        else:
            assert _columns(migrated, name) == _columns(new, name), name
            assert _foreign_keys(migrated, name) == _foreign_keys(new, name), name


def test_constraints_survive_the_migrations(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj")
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA foreign_keys=ON")
        db.execute("INSERT INTO document (id, guid, name, text, sha256, source_name, source_format, position, "
                   "imported_at) VALUES (1, 'g', 'D', 'abc', '', '', '', 0, '2024-01-01')")
        with pytest.raises(sqlite3.IntegrityError, match="CHECK"):
            db.execute("INSERT INTO turn (document_id, position, start, \"end\") VALUES (1, 0, 2, 1)")
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            db.execute("INSERT INTO turn (document_id, position, start, \"end\") VALUES (99, 0, 0, 1)")
        db.execute("INSERT INTO turn (document_id, position, start, \"end\", votes) VALUES (1, 0, 0, 3, 4)")
        db.execute("DELETE FROM document")
        assert db.execute("SELECT count(*) FROM turn").fetchone() == (0,)


def test_upgrading_step_by_step_keeps_the_data(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj", "0001")
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        db.execute("INSERT INTO document (id, guid, name, text, sha256, source_name, source_format, position, "
                   "imported_at) VALUES (1, 'g', 'D', 'Hallo Welt', '', '', '', 0, '2024-01-01')")
        db.execute("INSERT INTO speaker VALUES (1, 's', 'Anna', 'anna', '2024-01-01')")
        db.execute("INSERT INTO turn VALUES (1, 1, 0, 1, 0, 10, 500, 900)")
        db.commit()
    migrations.upgrade_file(path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.head(),)
        assert db.execute("SELECT * FROM turn").fetchall() == [(1, 1, 0, 1, 0, 10, 500, 900, None, None)]


def test_the_downgrades_undo_the_upgrades(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            command.downgrade(migrations._config(connection), "0005")
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            assert {"vote", "study"}.isdisjoint(tables)
            assert "participant" not in {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(speaker)")}
            command.downgrade(migrations._config(connection), "0003")
            for table in ("code", "coding", "memo", "speaker"):
                columns = {row[1] for row in connection.exec_driver_sql(f"PRAGMA table_info({table})")}
                assert "version" not in columns, table
            command.downgrade(migrations._config(connection), "0002")
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            assert {"term", "text_index", "stop_list", "code_keyword"}.isdisjoint(tables)
            command.downgrade(migrations._config(connection), "0001")
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            assert {"memo", "attribute", "attribute_value"}.isdisjoint(tables)
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(turn)")}
            assert {"votes", "priority"}.isdisjoint(columns)
            command.downgrade(migrations._config(connection), "base")
            tables = set(connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type='table'").scalars())
            assert tables == {"alembic_version"}
    finally:
        engine.dispose()


def test_an_upgrade_that_would_leave_broken_references_is_rolled_back(tmp_path):
    path = _migrated_file(tmp_path / "m.fcproj", "0001")
    with closing(sqlite3.connect(path)) as db:  # foreign keys off: a damaged file from elsewhere
        db.execute("INSERT INTO turn VALUES (1, 42, 0, NULL, 0, 10, NULL, NULL)")
        db.commit()
    with pytest.raises(RuntimeError, match="1 broken references"):
        migrations.upgrade_file(path)
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert "memo" not in {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    with pytest.raises(ProjectFileError, match="upgrading the project failed.*before-upgrade-0001"):
        open_project(path)
    assert (tmp_path / "m.before-upgrade-0001.fcproj").exists()


def test_the_revisions_read_from_the_scripts_are_the_ones_alembic_walks():
    """revisions() reads the scripts' own lines so that reading a project need not import Alembic."""
    walked = [rev.revision for rev in reversed(list(migrations._script().walk_revisions()))]
    assert migrations.revisions() == walked
    assert migrations.head() == migrations._script().get_current_head()
