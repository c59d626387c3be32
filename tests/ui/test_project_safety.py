"""Issue 7 in the desktop app: a backup on opening, a clear choice when another FocusCoder has the project open,
read-only projects refusing changes, and File › Restore a backup…"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

import pytest

from app import services
from app.models.backups import list_backups
from app.models.locking import LockHolder, lock_path, read_holder

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def backups_here(tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    monkeypatch.setenv("FOCUSCODER_BACKUPS", str(folder))
    return folder


@pytest.fixture
def bare_window(qtbot, qapp, settings):
    """A main window whose context has no project open yet (the test opens one)."""
    from app.ui.context import ApplicationContext
    from app.ui.main_window import MainWindow

    context = ApplicationContext(settings)
    window = MainWindow(context)
    qtbot.addWidget(window)
    yield window
    context.shutdown()


def code_names(path: Path) -> set[str]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return {row[0] for row in db.execute("SELECT name FROM code")}


def coding_count(path: Path) -> int:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute("SELECT count(*) FROM coding").fetchone()[0]


def write_foreign_lock(project: Path, *, age_seconds: float) -> LockHolder:
    """A lock as locking.py writes it, for a FocusCoder on another computer whose heartbeat is ``age_seconds`` old."""
    holder = LockHolder(user="kim", host="fieldwork-laptop", pid=4242, since="2026-11-20T09:15:00",
                        token="f" * 32)
    lock_path(project).write_text(json.dumps(holder.__dict__), encoding="utf-8")
    then = time.time() - age_seconds
    os.utime(lock_path(project), (then, then))
    return holder


@pytest.fixture
def other_process(study):
    """A real second FocusCoder process that has the study open for writing."""
    script = ("import sys, time\nfrom app.models import open_project\n"
              "project = open_project(sys.argv[1])\nprint('ready', flush=True)\ntime.sleep(120)\n")
    child = subprocess.Popen([sys.executable, "-c", script, str(study)], cwd=ROOT, stdout=subprocess.PIPE, text=True,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    try:
        assert child.stdout.readline().strip() == "ready"
        yield child
    finally:
        child.kill()
        child.wait()


# --- backups on opening ----------------------------------------------------------------------------------------


def test_opening_in_the_app_makes_a_backup(bare_window, study):
    assert bare_window.open_project(study)
    assert len(list_backups(study)) == 1
    assert bare_window.context.project.backup_problem is None


def test_a_backup_that_fails_is_reported_and_the_project_opens_anyway(bare_window, study, tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("FOCUSCODER_BACKUPS", str(blocker / "backups"))
    assert bare_window.open_project(study)
    assert bare_window.context.project is not None and not bare_window.context.project.read_only
    assert "no backup" in bare_window.statusBar().currentMessage()


# --- a project open in another FocusCoder ----------------------------------------------------------------------


def test_a_project_open_in_another_process_can_be_opened_read_only(bare_window, study, other_process, monkeypatch):
    from app.ui import open_project
    from app.ui.commands import ApplyCode

    asked = []

    def answer(parent, error):
        asked.append(error)
        return open_project.LockedChoice.READ_ONLY

    monkeypatch.setattr(open_project, "ask_locked", answer)
    before = coding_count(study)
    assert bare_window.open_project(study)
    (error,) = asked
    assert error.holder.pid == other_process.pid and not error.stale
    context = bare_window.context
    assert context.project.read_only
    assert "(read-only)" in bare_window.windowTitle()
    errors = []
    context.sig_error.connect(errors.append)
    command = ApplyCode(context, document="Workshop 1", code="Anerkennung", start=0, end=5)
    assert not context.execute(command)
    assert context.undo_stack.count() == 0
    assert errors and "read-only" in errors[0]
    assert coding_count(study) == before
    assert read_holder(study).pid == other_process.pid  # the other FocusCoder keeps its lock


def test_the_question_names_the_holder_and_offers_take_over_only_for_a_stale_lock(qapp, study):
    from app.models.locking import ProjectLockedError, is_stale
    from app.ui.open_project import LockedChoice, locked_dialog

    holder = write_foreign_lock(study, age_seconds=5)
    live = ProjectLockedError(study, holder, stale=is_stale(study, holder))
    box, buttons = locked_dialog(None, live)
    assert "kim" in box.text() and "fieldwork-laptop" in box.text() and "2026-11-20 09:15" in box.text()
    assert sorted(choice.value for choice in buttons.values()) == ["cancel", "read-only"]

    write_foreign_lock(study, age_seconds=3600)
    stale = ProjectLockedError(study, holder, stale=is_stale(study, holder))
    assert stale.stale
    box, buttons = locked_dialog(None, stale)
    assert LockedChoice.TAKE_OVER in buttons.values()
    assert "no longer running" in box.text()


def test_a_stale_lock_from_another_computer_can_be_taken_over(bare_window, study, monkeypatch):
    from app.ui import open_project

    write_foreign_lock(study, age_seconds=3600)
    monkeypatch.setattr(open_project, "ask_locked", lambda parent, error: open_project.LockedChoice.TAKE_OVER)
    assert bare_window.open_project(study)
    project = bare_window.context.project
    assert not project.read_only and "(read-only)" not in bare_window.windowTitle()
    assert read_holder(study).pid == os.getpid()
    services.add_code(project, "Übernommen")
    assert "Übernommen" in code_names(study)


def test_cancel_leaves_the_project_closed(bare_window, study, monkeypatch):
    from app.ui import open_project

    write_foreign_lock(study, age_seconds=5)
    monkeypatch.setattr(open_project, "ask_locked", lambda parent, error: open_project.LockedChoice.CANCEL)
    assert not bare_window.open_project(study)
    assert bare_window.context.project is None
    assert read_holder(study).user == "kim"


# --- restoring a backup ----------------------------------------------------------------------------------------


def _answer_restore_dialog(monkeypatch, *, row: int = 0) -> list[list[str]]:
    from PySide6.QtWidgets import QDialog, QMessageBox

    from app.ui.backups_dialog import BackupsDialog

    shown: list[list[str]] = []

    def exec_(dialog):
        shown.append([dialog.list.item(i).text() for i in range(dialog.list.count())])
        dialog.list.setCurrentRow(row)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(BackupsDialog, "exec", exec_)
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.Yes)
    return shown


def test_restore_brings_the_old_data_back(bare_window, study, monkeypatch):
    assert bare_window.open_project(study)
    context = bare_window.context
    services.add_code(context.project, "Später hinzugefügt")
    assert "Später hinzugefügt" in code_names(study)
    shown = _answer_restore_dialog(monkeypatch)
    warnings = []
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))

    bare_window.choose_backup()
    assert warnings == []
    assert shown == [[backup.describe() for backup in list_backups(study) if backup.note != "before-restore"]]
    assert "Später hinzugefügt" not in code_names(study)  # read with a connection of its own
    assert "Sprache" in code_names(study)
    assert context.project is not None and not context.project.read_only
    assert any(backup.note == "before-restore" for backup in list_backups(study))


def test_a_failed_restore_is_shown_in_one_message_and_the_project_reopened(bare_window, study, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from app.models import ProjectFileError
    from app.ui import backups_dialog

    assert bare_window.open_project(study)
    _answer_restore_dialog(monkeypatch)

    def fail(project, backup):
        raise ProjectFileError("study.fcproj: the backup could not be brought back (disk full).")

    monkeypatch.setattr(backups_dialog, "restore_backup", fail)
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert not backups_dialog.restore_from_backup(bare_window, bare_window.context)
    assert len(warnings) == 1 and "disk full" in warnings[0]
    assert bare_window.context.project is not None
    assert "Sprache" in code_names(study)


def test_undo_after_another_focuscoder_took_over_is_refused_not_a_crash(bare_window, study):
    from app.ui.commands import ApplyCode

    assert bare_window.open_project(study)
    context = bare_window.context
    assert context.execute(ApplyCode(context, document="Workshop 1", code="Anerkennung", start=0, end=5))
    count = coding_count(study)
    write_foreign_lock(study, age_seconds=0)  # as if someone elsewhere took the project over
    errors = []
    context.sig_error.connect(errors.append)
    context.undo_stack.undo()
    assert errors and "took this project over" in errors[0]
    assert coding_count(study) == count
    lock_path(study).unlink()  # so that closing finds nothing of ours to remove


def test_restore_is_in_the_file_menu(bare_window):
    file_menu = bare_window.menuBar().actions()[0].menu()
    assert any("backup" in action.text().lower() for action in file_menu.actions())
