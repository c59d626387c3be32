"""Rolling backups on opening, and bringing one back (function for the menu, and ``focuscoder restore``)."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.models import ProjectFileError, ProjectLockedError, open_project
from app.models.backups import (
    backup_folder,
    list_backups,
    restore_backup,
)
from app.services import add_code


@pytest.fixture(autouse=True)
def backups(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "data" / "backups"
    monkeypatch.setenv("FOCUSCODER_BACKUPS", str(folder))
    return folder


@pytest.fixture
def saved(project) -> Path:
    add_code(project, "Sprache")
    project.close()
    return project.path


def _codes(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return {row[0] for row in db.execute("SELECT name FROM code")}


def _open_and_add(path: Path, code: str) -> None:
    with open_project(path, backup=True) as project:
        assert project.backup_problem is None
        add_code(project, code)


def test_opening_makes_a_backup_that_is_a_complete_project(saved, backups, dump):
    project = open_project(saved, backup=True)
    project.close()
    (backup,) = list_backups(saved)
    assert backup.path.parent == backup_folder(saved)
    assert backup.path.is_relative_to(backups)  # not beside the project
    assert sorted(p.name for p in saved.parent.iterdir()) == ["data", "study.fcproj"]
    assert dump(backup.path) == dump(saved)
    with closing(sqlite3.connect(backup.path)) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert not list(backup.path.parent.glob(".*"))  # no partial copy left


def test_no_backup_when_unchanged_and_only_the_last_five_are_kept(saved):
    open_project(saved, backup=True).close()
    open_project(saved, backup=True).close()
    assert len(list_backups(saved)) == 1  # unchanged since the last backup
    for number in range(7):
        _open_and_add(saved, f"Code {number}")
    backups = list_backups(saved)
    assert len(backups) == 5
    assert _codes(backups[0].path) == {"Sprache"} | {f"Code {n}" for n in range(6)}  # as opened the 7th time
    assert [b.made for b in backups] == sorted((b.made for b in backups), reverse=True)


def test_backups_follow_the_project_when_it_is_moved(saved, tmp_path):
    open_project(saved, backup=True).close()
    moved = tmp_path / "renamed.fcproj"
    saved.rename(moved)
    assert len(list_backups(moved)) == 1  # the folder is found by the project's GUID, not its path


def test_restore_brings_a_backup_back_and_keeps_the_current_file(saved):
    open_project(saved, backup=True).close()
    _open_and_add(saved, "Versehentlich")
    assert _codes(saved) == {"Sprache", "Versehentlich"}
    oldest = list_backups(saved)[-1]
    kept = restore_backup(saved, oldest.path)
    assert _codes(saved) == {"Sprache"}
    assert kept is not None and kept.note == "before-restore"
    assert _codes(kept.path) == {"Sprache", "Versehentlich"}
    assert sorted(p.name for p in saved.parent.iterdir()) == ["data", "study.fcproj"]
    with open_project(saved) as project:  # an ordinary project again
        add_code(project, "Weiter")


def test_restore_is_refused_while_the_project_is_open_here_or_elsewhere(saved, opened):
    open_project(saved, backup=True).close()
    backup = list_backups(saved)[0].path
    project = opened(open_project(saved))
    before = saved.read_bytes()
    with pytest.raises(ProjectFileError, match="is open; close it before"):
        restore_backup(saved, backup)
    project.close()
    Path(f"{saved}.lock").write_text('{"user": "anna", "host": "laptop-3", "pid": 1, '
                                     '"since": "2026-01-05T10:02:00", "token": "t"}')
    with pytest.raises(ProjectLockedError, match="open by anna on laptop-3"):
        restore_backup(saved, backup)
    assert saved.read_bytes() == before


def test_a_damaged_backup_is_refused_and_the_project_left_unchanged(saved, tmp_path):
    bad = tmp_path / "bad.fcproj"
    bad.write_bytes(b"SQLite format 3\x00" + b"\x00" * 300)
    before = saved.read_bytes()
    with pytest.raises(ProjectFileError, match="bad.fcproj"):
        restore_backup(saved, bad)
    assert saved.read_bytes() == before


def test_a_failed_backup_does_not_stop_the_project_from_opening(saved, backups, opened):
    backups.parent.mkdir(parents=True)
    backups.write_text("a file where the folder should be")
    project = opened(open_project(saved, backup=True))
    assert "no backup copy could be made" in project.backup_problem
    add_code(project, "Trotzdem")


def test_cli_restore_lists_and_restores(saved, capsys):
    open_project(saved, backup=True).close()
    _open_and_add(saved, "Neu")
    open_project(saved, backup=True).close()
    assert main(["restore", str(saved), "--list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2 and lines[0].startswith("1\t") and lines[1].startswith("2\t")
    assert main(["restore", str(saved), "2"]) == 0
    out = capsys.readouterr().out
    assert "Restored study.fcproj" in out and "kept as backup" in out
    assert _codes(saved) == {"Sprache"}
    assert main(["restore", str(saved), "9"]) == 2
    assert capsys.readouterr().err.startswith("error: study.fcproj has 3 backup(s)")


def test_cli_check_reports_a_healthy_and_a_damaged_project(saved, tmp_path, capsys):
    assert main(["check", str(saved)]) == 0
    assert "no problems found" in capsys.readouterr().out
    with closing(sqlite3.connect(saved)) as db:  # a coding outside its text, as a buggy tool might write it
        db.execute("PRAGMA foreign_keys=OFF")
        db.execute('INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", weight, created_at) '
                   "VALUES ('g', 99, 1, 1, 0, 5, 0, '2024')")
        db.commit()
    assert main(["check", str(saved)]) == 1
    out = capsys.readouterr().out
    assert "refer to things that no longer exist (in coding)" in out


def test_cli_backup_makes_one_copy_until_the_project_changes(saved, capsys):
    assert main(["backup", str(saved)]) == 0
    assert capsys.readouterr().out.startswith("Backed up to ")
    assert main(["backup", str(saved)]) == 0
    assert capsys.readouterr().out.startswith("Unchanged since the last backup")
    assert len(list_backups(saved)) == 1
