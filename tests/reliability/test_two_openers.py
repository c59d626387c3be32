"""Two openers: a project open for writing in another process is never written to silently by a second one."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli import main
from app.models import ProjectFileError, ProjectLockedError, open_project
from app.models.locking import STALE_AFTER_SECONDS, lock_path, read_holder
from app.services import add_code

ROOT = str(Path(__file__).resolve().parents[2])

HOLDER = """
import sys
from app.models import open_project
from app.services import add_code
project = open_project(sys.argv[1])
add_code(project, "Vom Kollegen")
print("open", flush=True)
sys.stdin.readline()  # until the test says "close"
project.close()
print("closed", flush=True)
"""


@pytest.fixture
def saved(project, tmp_path) -> Path:
    add_code(project, "Sprache")
    project.close()
    return project.path


@pytest.fixture
def other_process(saved) -> Iterator[subprocess.Popen]:
    """Another FocusCoder process that has the project open for writing."""
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(saved)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": ROOT})
    assert child.stdout.readline().strip() == "open"
    yield child
    if child.poll() is None:
        child.kill()
        child.wait()


def _close(child: subprocess.Popen) -> None:
    child.stdin.write("close\n")
    child.stdin.flush()
    assert child.stdout.readline().strip() == "closed"
    child.wait()


def test_a_second_opener_is_told_who_has_the_project_open(saved, other_process, opened):
    with pytest.raises(ProjectLockedError) as locked:
        open_project(saved)
    holder = locked.value.holder
    assert (holder.pid, holder.host) == (other_process.pid, socket.gethostname())
    assert not locked.value.stale
    assert str(locked.value).startswith(f"study.fcproj is open by {holder.user} on {holder.host} since ")
    assert "read-only" in str(locked.value)
    # The choice it has: read-only, which sees what the other process saved.
    reader = opened(open_project(saved, read_only=True))
    with reader.reading() as session:
        names = {row[0] for row in session.connection().exec_driver_sql("SELECT name FROM code")}
    assert names == {"Sprache", "Vom Kollegen"}
    with pytest.raises(ProjectFileError, match="read-only"):
        add_code(reader, "Meins")


def test_a_live_lock_is_never_taken_over(saved, other_process):
    with pytest.raises(ProjectLockedError) as locked:
        open_project(saved, take_over=True)
    assert not locked.value.stale
    assert read_holder(saved).pid == other_process.pid


def test_the_lock_is_released_on_close(saved, other_process, opened):
    _close(other_process)
    assert not lock_path(saved).exists()
    project = opened(open_project(saved))
    add_code(project, "Meins")
    assert read_holder(saved).pid == os.getpid()
    project.close()
    assert not lock_path(saved).exists()


def test_the_lock_of_my_own_killed_process_is_taken_over_at_once(saved, other_process, opened):
    other_process.send_signal(signal.SIGKILL)
    other_process.wait()
    assert lock_path(saved).exists()  # a killed process cannot clean up
    project = opened(open_project(saved))  # the same user on this computer after a crash: nobody to ask
    add_code(project, "Nach dem Absturz")
    assert read_holder(saved).pid == os.getpid()


def test_a_dead_colleagues_lock_on_this_computer_is_taken_over_only_by_choice(saved, other_process, opened):
    other_process.send_signal(signal.SIGKILL)
    other_process.wait()
    data = json.loads(lock_path(saved).read_text())
    lock_path(saved).write_text(json.dumps({**data, "user": "anna"}))  # e.g. a shared lab computer
    with pytest.raises(ProjectLockedError) as locked:
        open_project(saved)  # never silently: the researcher chooses
    assert locked.value.stale and "no longer running" in str(locked.value)
    project = opened(open_project(saved, take_over=True))
    add_code(project, "Übernommen")
    assert read_holder(saved).pid == os.getpid()


def _lock_from_another_computer(project: Path, *, heartbeat_age: float) -> None:
    lock_path(project).write_text(json.dumps({"user": "anna", "host": "laptop-3", "pid": 4242,
                                              "since": "2026-01-05T10:02:00", "token": "abc"}))
    then = time.time() - heartbeat_age
    os.utime(lock_path(project), (then, then))


def test_a_lock_from_another_computer_goes_stale_without_heartbeat(saved, opened):
    _lock_from_another_computer(saved, heartbeat_age=60)
    with pytest.raises(ProjectLockedError, match="open by anna on laptop-3 since 2026-01-05 10:02") as locked:
        open_project(saved, take_over=True)
    assert not locked.value.stale
    _lock_from_another_computer(saved, heartbeat_age=STALE_AFTER_SECONDS + 60)
    with pytest.raises(ProjectLockedError) as locked:
        open_project(saved)
    assert locked.value.stale
    opened(open_project(saved, take_over=True))
    assert read_holder(saved).host == socket.gethostname()


def test_a_project_taken_over_elsewhere_refuses_changes_here(saved, opened):
    project = opened(open_project(saved))
    add_code(project, "Vorher")
    _lock_from_another_computer(saved, heartbeat_age=0)  # as if another computer had taken over our lock
    with pytest.raises(ProjectFileError, match="took this project over"):
        add_code(project, "Nachher")
    project.close()
    assert read_holder(saved).host == "laptop-3"  # its lock is not ours to remove


def test_opens_in_one_process_share_the_lock(saved, opened):
    first = opened(open_project(saved))
    second = opened(open_project(saved))  # e.g. the desktop app reopening its project
    assert first.lock is second.lock
    first.close()
    assert lock_path(saved).exists()
    add_code(second, "Weiter")
    second.close()
    assert not lock_path(saved).exists()


def test_read_only_opens_take_no_lock(saved, opened):
    opened(open_project(saved, read_only=True))
    assert not lock_path(saved).exists()


def test_cli_writing_commands_report_the_holder_in_one_line(saved, other_process, capsys):
    assert main(["codes", str(saved), "add", "Arbeit"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("error: study.fcproj is open by ") and err.rstrip().endswith("close it there and try again")
    # Reading commands still work while the project is open elsewhere.
    assert main(["info", str(saved)]) == 0
    assert "Vom Kollegen" in capsys.readouterr().out


def test_cli_takes_over_a_stale_lock_only_when_asked(saved, capsys):
    _lock_from_another_computer(saved, heartbeat_age=STALE_AFTER_SECONDS + 60)
    assert main(["codes", str(saved), "add", "Arbeit"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: study.fcproj is open by anna on laptop-3 since 2026-01-05 10:02, but that "
                          "FocusCoder is no longer running") and "--take-over" in err
    assert main(["--take-over", "codes", str(saved), "add", "Arbeit"]) == 0
    assert not lock_path(saved).exists()


def test_the_heartbeat_keeps_the_lock_fresh_while_open(saved, opened, monkeypatch):
    from app.models import locking

    monkeypatch.setattr(locking, "HEARTBEAT_SECONDS", 0.05)
    project = opened(open_project(saved))
    old = time.time() - 3600
    os.utime(lock_path(saved), (old, old))
    time.sleep(0.3)
    assert lock_path(saved).stat().st_mtime > time.time() - 60  # another computer sees it alive
    project.close()


def test_an_unreadable_lock_blocks_only_for_a_moment(saved, opened):
    lock_path(saved).write_bytes(b"")  # a holder that died while writing its lock
    with pytest.raises(ProjectLockedError, match="open by someone on an unknown computer"):
        open_project(saved)
    old = time.time() - 60
    os.utime(lock_path(saved), (old, old))
    with pytest.raises(ProjectLockedError) as locked:
        open_project(saved)
    assert locked.value.stale
    opened(open_project(saved, take_over=True))
