"""The .fcproj file: what a new one looks like, what is refused (and left untouched), how an old one is upgraded."""

from __future__ import annotations

import random
import subprocess
import sys
import sqlite3
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from app.models import ProjectFileError, create_project, migrations, open_project
from app.models import project_file
from app.models.project_file import APPLICATION_ID, backup_copy, check_file
from app.services import add_code, apply_code, import_documents


def _pragma(path: Path, name: str) -> object:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute(f"PRAGMA {name}").fetchone()[0]


def _snapshot(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def build_old_project(path: Path) -> None:
    """A project file as FocusCoder wrote it at schema 0001, with a little data in every kind of table."""
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            migrations.upgrade_connection(connection, "0001")
            now = "2024-03-12 10:00:00"
            for statement in (
                "INSERT INTO project VALUES (1, 'p-guid', 'Alt', 'de', :now, 'FocusCoder 0.0.1')",
                "INSERT INTO coder VALUES (1, 'c-guid', 'anna', :now)",
                "INSERT INTO document VALUES (1, 'd-guid', 'Gruppe 1', 'Moderator: Hallo.\nB: Ja.', 'x', "
                "'g1.txt', 'txt', 'de', NULL, 0, :now)",
                "INSERT INTO speaker VALUES (1, 's-guid', 'Moderator', 'moderator', :now)",
                "INSERT INTO speaker_alias VALUES (1, 1, 'Mod', 'mod')",
                "INSERT INTO turn VALUES (1, 1, 0, 1, 11, 17, NULL, NULL)",
                "INSERT INTO code VALUES (1, 'k-guid', NULL, 'Sprache', '#FF0000', 'def', '', '', 0, :now)",
                "INSERT INTO code VALUES (2, 'k2-guid', 1, 'Kurs', '#00FF00', '', '', '', 0, :now)",
                "INSERT INTO coding VALUES (1, 'cd-guid', 1, 2, 1, 11, 17, 50, :now)",
            ):
                connection.execute(text(statement), {"now": now})
    finally:
        engine.dispose()


# --- a new file ---------------------------------------------------------------------------------------------


def test_new_file_is_marked_as_ours_in_rollback_journal_mode(project, project_path):
    assert _pragma(project_path, "application_id") == APPLICATION_ID
    assert _pragma(project_path, "journal_mode") == "delete"
    header = project_path.read_bytes()[:100]
    assert header[18:20] == b"\x01\x01"  # file format 1/1: rollback journal; WAL would be 2/2
    assert int.from_bytes(header[68:72], "big") == APPLICATION_ID


def test_new_file_has_the_schema_create_all_makes(project, project_path, tmp_path):
    """A new file is made from SQL compiled once per process: the same tables and indexes, to the letter, as
    SQLAlchemy's create_all makes from the models, and alembic's stamp."""
    from alembic import command

    from app.models import Base  # with the text index's tables, as the package gives it

    reference = tmp_path / "reference.sqlite"
    engine = create_engine(f"sqlite:///{reference}")
    with engine.begin() as connection:
        Base.metadata.create_all(connection)
        command.stamp(migrations._config(connection), "head")  # as create_project did before
    engine.dispose()

    def schema(path):
        with closing(sqlite3.connect(path)) as db:
            return sorted(db.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))

    assert schema(project_path) == schema(reference)
    assert len([row for row in schema(reference) if row[0] == "index" and row[3]]) > 10


def test_new_file_is_at_the_head_revision_with_its_metadata_row(project, project_path, db):
    assert db.value("SELECT version_num FROM alembic_version") == migrations.head()
    assert check_file(project_path).revision == migrations.head()
    assert not check_file(project_path).needs_upgrade
    info = project.info()
    assert (info.id, info.name, info.language) == (1, "Integration workshop", "de")
    assert info.created_with.startswith("FocusCoder ")
    assert uuid.UUID(info.guid)
    assert db.count("project") == 1


def test_new_project_is_named_after_the_file_by_default(tmp_path, opened):
    project = opened(create_project(tmp_path / "Fokusgruppe März.fcproj", language="en"))
    info = project.info()
    assert (info.name, info.language) == ("Fokusgruppe März", "en")


def test_no_temporary_files_are_left_beside_a_new_project(project, tmp_path):
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj", "study.fcproj.lock"]  # open: locked
    project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]


def test_foreign_keys_are_on_for_every_connection(project):
    with project.engine.connect() as first, project.engine.connect() as second:
        assert first.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert second.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert first.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    with project.transaction() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with project.reading() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_second_session_in_the_same_thread_has_its_own_connection(project, db):
    # Regression: the engine used to hand out one shared DBAPI connection per thread (SingletonThreadPool),
    # so a read inside a transaction failed with "cannot start a transaction within a transaction".
    from app.models import Code

    with project.transaction() as session:
        session.add(Code(name="Sprache"))
        session.flush()
        with project.reading() as reader:
            assert reader.scalar(text("SELECT count(*) FROM code")) == 0  # not committed yet
        assert project.info().name == "Integration workshop"
    assert db.count("code") == 1


def test_a_transaction_commits_on_success_and_rolls_back_on_error(project, db):
    from app.models import Code

    with pytest.raises(RuntimeError), project.transaction() as session:
        session.add(Code(name="Sprache"))
        session.flush()
        raise RuntimeError("boom")
    assert db.count("code") == 0
    with project.transaction() as session:
        session.add(Code(name="Sprache"))
    assert db.count("code") == 1


def test_creating_over_an_existing_file_is_refused_and_leaves_it_unchanged(project, project_path):
    import_documents(project, [])
    before = _snapshot(project_path)
    with pytest.raises(ProjectFileError, match="already exists"):
        create_project(project_path)
    assert _snapshot(project_path) == before


def test_creating_over_any_existing_file_is_refused(tmp_path):
    path = tmp_path / "notes.fcproj"
    path.write_text("my notes")
    with pytest.raises(ProjectFileError, match="already exists"):
        create_project(path)
    assert path.read_text() == "my notes"


def test_creating_in_a_missing_folder_is_refused(tmp_path):
    with pytest.raises(ProjectFileError, match="does not exist"):
        create_project(tmp_path / "nowhere" / "p.fcproj")
    assert list(tmp_path.iterdir()) == []


def test_a_failed_create_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken_stamp(connection):
        connection.exec_driver_sql("SELECT * FROM no_such_table")

    monkeypatch.setattr(migrations, "stamp_head", broken_stamp)
    project_file._empty_file.cache_clear()  # the empty file is built once per process: build it again
    try:
        with pytest.raises(ProjectFileError, match="could not be created"):
            create_project(tmp_path / "p.fcproj")
    finally:
        project_file._empty_file.cache_clear()
    assert list(tmp_path.iterdir()) == []


def test_a_create_failing_while_the_file_is_written_leaves_nothing_behind(tmp_path, monkeypatch):
    def failing_sync(descriptor):
        raise OSError(5, "disk I/O error")  # the pages were written, but could not be forced to the disk

    monkeypatch.setattr(project_file.os, "fsync", failing_sync)
    with pytest.raises(ProjectFileError, match="could not be created .*disk I/O error"):
        create_project(tmp_path / "p.fcproj")
    assert list(tmp_path.iterdir()) == []


def test_a_new_file_passes_sqlites_checks(project_path, project):
    with closing(sqlite3.connect(project_path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("PRAGMA page_count").fetchone()[0] * db.execute("PRAGMA page_size").fetchone()[0] \
            == project_path.stat().st_size


def test_the_metadata_row_is_the_row_the_model_writes(project, project_path, tmp_path):
    """The row is written by the driver with the model's defaults written out: the same columns, types and time
    text as SQLAlchemy writes for a ProjectInfo."""
    from sqlalchemy.orm import Session

    from app.models.schema import Base, ProjectInfo

    reference = tmp_path / "reference.sqlite"
    engine = create_engine(f"sqlite:///{reference}")
    Base.metadata.create_all(engine)
    with Session(engine) as session, session.begin():
        session.add(ProjectInfo(id=1, name="Integration workshop", language="de", created_with="x"))
    engine.dispose()

    def row(path):
        with closing(sqlite3.connect(path)) as db:
            return db.execute("SELECT *, typeof(guid), typeof(created_at) FROM project").fetchone()

    made, written = row(project_path), row(reference)
    assert len(made) == len(written)
    assert made[2:4] == written[2:4] and made[-2:] == written[-2:] == ("text", "text")
    assert len(made[4]) == len(written[4]) and made[4].endswith(".000000")  # whole seconds, as utc_now gives
    assert uuid.UUID(made[1]) and made[5].startswith("FocusCoder ")


# --- refusals: a clear error, and the file exactly as it was -------------------------------------------------


def _other_sqlite_file(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)")
        db.execute("INSERT INTO notes (body) VALUES ('not a project')")
        db.commit()


def _future_project(path: Path) -> None:
    create_project(path).close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("UPDATE alembic_version SET version_num = '9999'")
        db.commit()


def _no_revision_project(path: Path) -> None:
    create_project(path).close()
    with closing(sqlite3.connect(path)) as db:
        db.execute("DROP TABLE alembic_version")
        db.commit()


def _truncated_project(path: Path) -> None:
    project = create_project(path)
    import_documents(
        project,
        [
            _document(f"Interview {n}", "Befragte: " + "Sprache ist der Schlüssel. " * 400)
            for n in range(5)
        ],
    )
    project.close()
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _document(name: str, text: str):
    from app.importers.base import ParsedDocument, ParsedTurn

    return ParsedDocument(name, text, f"{name}.txt", "txt", (ParsedTurn("Befragte", 10, len(text)),))


BAD_FILES = {
    "empty": (lambda p: p.write_bytes(b""), "empty"),
    "random bytes": (lambda p: p.write_bytes(random.Random(7).randbytes(8192)), "not an SQLite database"),
    "text file": (lambda p: p.write_text("Moderatorin: Hallo\nB: Ja\n", encoding="utf-8"), "not an SQLite"),
    "other SQLite file": (_other_sqlite_file, "not a FocusCoder project"),
    "newer schema": (_future_project, "newer version"),
    "no schema revision": (_no_revision_project, "no schema revision"),
    "truncated project": (_truncated_project, "damaged"),
    "SQLite magic then garbage": (
        lambda p: p.write_bytes(b"SQLite format 3\x00" + random.Random(3).randbytes(4000)),
        "damaged",
    ),
}


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
@pytest.mark.parametrize("kind", list(BAD_FILES))
def test_a_file_that_cannot_be_opened_is_refused_and_left_unchanged(tmp_path, kind, read_only):
    make, message = BAD_FILES[kind]
    path = tmp_path / "bad.fcproj"
    make(path)
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match=message) as refused:
        open_project(path, read_only=read_only)
    assert str(refused.value).startswith("bad.fcproj: ")
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.fcproj"]  # no journal, no backup


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "study.fcproj"
    folder.mkdir()
    with pytest.raises(ProjectFileError, match="folder"):
        open_project(folder)
    assert list(folder.iterdir()) == []


def test_a_missing_file_is_refused_and_not_created(tmp_path):
    with pytest.raises(ProjectFileError, match="does not exist"):
        open_project(tmp_path / "gone.fcproj")
    assert list(tmp_path.iterdir()) == []


def test_open_project_accepts_a_current_file(project, project_path, opened):
    add_code(project, "Sprache")
    project.close()
    reopened = opened(open_project(str(project_path)))
    add_code(reopened, "Sprache/Kurs")
    assert not any(p.name.count(".before-upgrade") for p in project_path.parent.iterdir())


def test_read_only_open_reads_but_refuses_changes(project, project_path, opened):
    add_code(project, "Sprache")
    project.close()
    before = _snapshot(project_path)
    reader = opened(open_project(project_path, read_only=True))
    assert reader.info().name == "Integration workshop"
    with pytest.raises(ProjectFileError, match="read-only"):
        add_code(reader, "Arbeit")
    with pytest.raises(OperationalError, match="readonly"), reader.reading() as session:
        session.execute(text("DELETE FROM code"))
    reader.close()
    assert _snapshot(project_path) == before


# --- an older file: backed up, then upgraded ------------------------------------------------------------------


def test_an_old_file_is_backed_up_then_upgraded_with_its_data(tmp_path, opened, dump):
    path = tmp_path / "alt.fcproj"
    build_old_project(path)
    original = dump(path)
    found = check_file(path)
    assert (found.revision, found.needs_upgrade) == ("0001", True)

    project = opened(open_project(path))

    backup = tmp_path / "alt.before-upgrade-0001.fcproj"
    assert dump(backup) == original
    with closing(sqlite3.connect(backup)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _pragma(backup, "application_id") == APPLICATION_ID
    with closing(sqlite3.connect(backup)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert db.execute("SELECT name FROM document").fetchall() == [("Gruppe 1",)]
        assert "memo" not in {row[0] for row in db.execute("SELECT name FROM sqlite_master")}

    with closing(sqlite3.connect(path)) as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (migrations.head(),)
        assert db.execute("PRAGMA application_id").fetchone() == (APPLICATION_ID,)
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert db.execute("SELECT name, text FROM document").fetchall() == [("Gruppe 1", "Moderator: Hallo.\nB: Ja.")]
        assert db.execute("SELECT id, speaker_id, start, \"end\", votes, priority FROM turn").fetchall() == [
            (1, 1, 11, 17, None, None)
        ]
        assert db.execute("SELECT name FROM speaker_alias").fetchall() == [("Mod",)]
        assert db.execute("SELECT id, parent_id, name FROM code ORDER BY id").fetchall() == [
            (1, None, "Sprache"),
            (2, 1, "Kurs"),
        ]
        assert db.execute("SELECT code_id, coder_id, start, \"end\", weight FROM coding").fetchall() == [
            (2, 1, 11, 17, 50)
        ]
    assert project.info().name == "Alt"
    # The new tables of 0002 are there and usable, and the old rows still work with the services.
    from app.services import set_attribute, set_memo

    set_memo(project, "Sehr ergiebig.", document="Gruppe 1")
    set_attribute(project, name="Rolle", value="Moderation", speaker="Mod")
    apply_code(project, document="Gruppe 1", code="Sprache/Kurs", start=0, end=9, coder="anna")


def test_a_second_upgrade_backup_does_not_overwrite_the_first(tmp_path, dump):
    path = tmp_path / "alt.fcproj"
    build_old_project(path)
    first = backup_copy(path, suffix="before-upgrade-0001")
    second = backup_copy(path, suffix="before-upgrade-0001")
    assert (first.name, second.name) == ("alt.before-upgrade-0001.fcproj", "alt.before-upgrade-0001-2.fcproj")
    # The online backup API copies pages (the header's change counter may differ), so compare the contents.
    assert dump(first) == dump(second) == dump(path)
    assert check_file(first).revision == check_file(second).revision == "0001"


def test_an_old_file_is_not_upgraded_read_only(tmp_path):
    path = tmp_path / "alt.fcproj"
    build_old_project(path)
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="older version.*read-only"):
        open_project(path, read_only=True)
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.fcproj"]


def test_a_failed_upgrade_leaves_the_file_as_it_was_and_names_the_backup(tmp_path, monkeypatch):
    path = tmp_path / "alt.fcproj"
    build_old_project(path)
    before = path.read_bytes()
    real_upgrade = migrations.upgrade_connection

    def upgrade_then_fail(connection, revision="head"):
        real_upgrade(connection, revision)  # the new tables are created inside the transaction ...
        raise RuntimeError("disk full")  # ... and then something goes wrong

    monkeypatch.setattr(migrations, "upgrade_connection", upgrade_then_fail)
    with pytest.raises(ProjectFileError, match=r"disk full.*alt\.before-upgrade-0001\.fcproj"):
        open_project(path)
    assert path.read_bytes() == before
    assert check_file(path).revision == "0001"


def test_a_failed_backup_stops_the_upgrade_and_leaves_the_file_unchanged(tmp_path, monkeypatch):
    path = tmp_path / "alt.fcproj"
    build_old_project(path)
    before = _snapshot(path)
    real_connect = sqlite3.connect

    def connect(database, *args, **kwargs):
        if "before-upgrade" in str(database):
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", connect)
    with pytest.raises(ProjectFileError, match="no backup copy could be made.*left unchanged"):
        open_project(path)
    monkeypatch.undo()
    assert _snapshot(path) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alt.fcproj"]


# --- a file another program switched to WAL ------------------------------------------------------------------------


@pytest.fixture
def wal_project(project, project_path):
    add_code(project, "Sprache")
    project.close()
    with closing(sqlite3.connect(project_path)) as db:
        assert db.execute("PRAGMA journal_mode=WAL").fetchone() == ("wal",)
    assert project_path.read_bytes()[18:20] == b"\x02\x02"
    return project_path


def test_a_wal_file_is_looked_at_without_files_appearing_beside_it(wal_project, tmp_path):
    before = _snapshot(wal_project)
    found = check_file(wal_project)
    assert found.wal and found.revision == migrations.head()
    assert _snapshot(wal_project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]  # no -wal, no -shm


def test_a_wal_file_is_refused_read_only_with_a_clear_message(wal_project, tmp_path):
    before = _snapshot(wal_project)
    with pytest.raises(ProjectFileError, match="write-ahead log"):
        open_project(wal_project, read_only=True)
    assert _snapshot(wal_project) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]


def test_opening_a_wal_file_switches_it_back_to_a_rollback_journal(wal_project, tmp_path, opened):
    project = opened(open_project(wal_project))
    add_code(project, "Arbeit")
    assert _pragma(wal_project, "journal_mode") == "delete"
    project.close()
    assert wal_project.read_bytes()[18:20] == b"\x01\x01"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]
    assert not check_file(wal_project).wal


def test_the_project_holds_no_lock_between_changes(project, project_path):
    add_code(project, "Sprache")
    project.info()
    with closing(sqlite3.connect(project_path, timeout=0)) as other:
        other.execute("BEGIN EXCLUSIVE")  # would fail with "database is locked" if a session were left open
        other.execute("INSERT INTO coder (guid, name, created_at) VALUES ('g', 'extern', '2024-01-01')")
        other.commit()
    add_code(project, "Arbeit")


# --- a crash in the middle of saving -------------------------------------------------------------------------------

CRASH_WHILE_SAVING = """
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("PRAGMA cache_size=2")  # a tiny cache: changed pages reach the file before the commit
db.execute("BEGIN")
db.execute("DELETE FROM code")
for number in range(1500):
    name = f"{number:0300d}"
    db.execute("INSERT INTO coder (guid, name, created_at) VALUES (?, ?, '2024')", (str(number), name))
os._exit(1)  # killed before the commit
"""


@pytest.fixture
def crashed(project, project_path, tmp_path):
    add_code(project, "Sprache/Kurs")
    project.close()
    subprocess.run([sys.executable, "-c", CRASH_WHILE_SAVING, str(project_path)], check=False)
    assert (tmp_path / "study.fcproj-journal").stat().st_size > 0  # a hot journal was left behind
    return project_path


@pytest.mark.parametrize("read_only", [False, True], ids=["read-write", "read-only"])
def test_a_change_interrupted_by_a_crash_is_rolled_back_on_open(crashed, tmp_path, opened, read_only):
    project = opened(open_project(crashed, read_only=read_only))
    assert project.info().name == "Integration workshop"
    with project.reading() as session:
        assert session.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert session.execute(text("SELECT count(*) FROM coder")).scalar() == 0
        assert session.execute(text("SELECT count(*) FROM code")).scalar() == 2  # as last saved
    project.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]


def test_a_journal_beside_a_file_that_is_not_ours_is_left_alone(tmp_path):
    path = tmp_path / "other.fcproj"
    _other_sqlite_file(path)
    journal = tmp_path / "other.fcproj-journal"
    journal.write_bytes(b"\x00" * 512)
    before = _snapshot(path)
    with pytest.raises(ProjectFileError, match="not a FocusCoder project"):
        open_project(path)
    assert _snapshot(path) == before and journal.read_bytes() == b"\x00" * 512


def test_changes_made_on_a_worker_thread_are_seen_on_the_main_thread(project, db):
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as worker:  # the UI's single writer thread
        for name in ("Sprache", "Arbeit", "Familie"):
            worker.submit(add_code, project, name).result()
    with project.reading() as session:
        assert session.execute(text("SELECT count(*) FROM code")).scalar() == 3
    assert db.count("code") == 3
