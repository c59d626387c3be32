"""The one heartbeat thread of the process's project locks: every lock held is beaten, a released or taken-over
one is not, and no thread is started per open."""

from __future__ import annotations

import json
import os
import threading
import time

from app.models import create_project, locking
from app.models.locking import lock_path


def _age(path, seconds=3600.0):
    old = time.time() - seconds
    os.utime(path, (old, old))


def test_every_lock_held_is_beaten_by_one_thread(tmp_path, monkeypatch, opened):
    monkeypatch.setattr(locking, "HEARTBEAT_SECONDS", 0.05)
    first = opened(create_project(tmp_path / "a.fcproj"))
    threads = threading.active_count()
    second = opened(create_project(tmp_path / "b.fcproj"))
    assert threading.active_count() == threads  # no thread of its own
    for project in (first, second):
        _age(lock_path(project.path))
    time.sleep(0.4)
    for project in (first, second):
        assert lock_path(project.path).stat().st_mtime > time.time() - 60


def test_a_lock_taken_over_elsewhere_is_no_longer_beaten(tmp_path, monkeypatch, opened):
    monkeypatch.setattr(locking, "HEARTBEAT_SECONDS", 0.05)
    project = opened(create_project(tmp_path / "a.fcproj"))
    path = lock_path(project.path)
    holder = json.loads(path.read_text())
    path.write_text(json.dumps({**holder, "token": "someone else"}))
    _age(path)
    time.sleep(0.3)
    assert path.stat().st_mtime < time.time() - 60  # not ours: left alone
    assert not project.lock.still_ours()


def test_a_released_lock_is_no_longer_beaten(tmp_path, monkeypatch):
    monkeypatch.setattr(locking, "HEARTBEAT_SECONDS", 0.05)
    project = create_project(tmp_path / "a.fcproj")
    lock = project.lock
    project.close()
    assert lock not in locking._heartbeat._locks
    assert not lock_path(tmp_path / "a.fcproj").exists()
