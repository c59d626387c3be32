"""A project written by each earlier schema revision opens, is backed up, and upgrades with its data intact.

The files in ``revisions/`` were written once and are never regenerated (see ``make_revision_fixtures.py``):
they stand for projects users have on their disks.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.models import migrations, open_project
from app.models.project_file import check_file
from app.services import apply_code, set_memo

REVISIONS = Path(__file__).resolve().parent / "revisions"
OLD = migrations.revisions()[:-1]


def _rows(path: Path, table: str, columns: list[str]) -> list[tuple]:
    quoted = ", ".join(f'"{column}"' for column in columns)
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute(f'SELECT {quoted} FROM "{table}" ORDER BY rowid').fetchall()


def _tables(path: Path) -> dict[str, list[str]]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        names = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {name: [row[1] for row in db.execute(f'PRAGMA table_info("{name}")')] for name in names}


def test_every_earlier_revision_has_a_fixture():
    assert sorted(p.stem for p in REVISIONS.glob("revision_*.fcproj")) == [f"revision_{r}" for r in OLD]


@pytest.mark.parametrize("revision", OLD)
def test_an_old_project_upgrades_with_its_data_intact(revision, tmp_path, opened):
    path = tmp_path / "alt.fcproj"
    shutil.copyfile(REVISIONS / f"revision_{revision}.fcproj", path)
    assert check_file(path).revision == revision
    old_tables = _tables(path)
    before = {table: _rows(path, table, columns) for table, columns in old_tables.items() if table != "alembic_version"}
    assert before["coding"] and before["turn"]  # the fixture really holds data

    project = opened(open_project(path))

    assert check_file(path).revision == migrations.head()
    for table, rows in before.items():  # every old column of every old row, unchanged
        assert _rows(path, table, old_tables[table]) == rows, table
    backup = tmp_path / f"alt.before-upgrade-{revision}.fcproj"
    assert {t: _rows(backup, t, c) for t, c in old_tables.items() if t != "alembic_version"} == before
    with closing(sqlite3.connect(path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    # The upgraded project works with today's services, positions included.
    apply_code(project, document="Gruppe 1", code="Sprache/Kurs", start=0, end=11, coder="anna")
    set_memo(project, "Nach dem Upgrade", document="Gruppe 1")
    with project.reading() as session:
        text = session.connection().exec_driver_sql("SELECT text FROM document").scalar()
    assert text[39:43] == "زبان"  # the old coding's span still covers the same words
