"""Disk full and read-only files: a write that fails is reported in one clear message, nothing half-written
remains, and the work saved before is safe.

A full disk is real here: the child process may not grow any file beyond a limit (``RLIMIT_FSIZE``, with
``SIGXFSZ`` ignored, so writes fail with EFBIG as on a full disk). Read-only files and folders cannot be made
for root (the tests run as root), so ``os.access`` is patched to answer as it would for a normal user.
"""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest

from app.models import ProjectFileError, open_project
from app.services import add_code, import_documents

ROOT = str(Path(__file__).resolve().parents[2])

IMPORTER = """
import sys
from app.importers.base import ParsedDocument, ParsedTurn
from app.models import ProjectFileError, open_project
from app.services import apply_code, import_documents
project = open_project(sys.argv[1])
for number in range(1000):
    text = f"B{number}: " + " ".join(f"Satz {number}.{n} über Sprache und Arbeit." for n in range(2500))
    try:
        import_documents(project, [ParsedDocument(f"Gruppe {number}", text, "g.txt", "txt",
                                                  (ParsedTurn(f"B{number}", 4, len(text)),))])
        apply_code(project, document=f"Gruppe {number}", code="Sprache", start=4, end=40)
    except ProjectFileError as error:
        print("error", error, flush=True)
        break
    print("saved", number, flush=True)
project.close()
"""


def _limit_file_size(limit: int):
    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def _run(args: list[str], limit: int) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *args], check=False, capture_output=True, text=True, cwd=ROOT, timeout=60,
                          env={**os.environ, "PYTHONPATH": ROOT}, preexec_fn=_limit_file_size(limit))


@pytest.fixture
def saved(project) -> Path:
    add_code(project, "Sprache")
    project.close()
    return project.path


def _integrity(path: Path) -> str:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_a_full_disk_stops_one_change_and_keeps_everything_saved_before(saved, tmp_path, opened):
    limit = saved.stat().st_size + 600_000  # room for a few documents, then the disk is "full"
    result = _run(["-c", IMPORTER, str(saved)], limit)
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stderr
    saved_numbers = [int(line.split()[1]) for line in lines if line.startswith("saved")]
    assert 1 <= len(saved_numbers) < 50
    (error,) = [line for line in lines if line.startswith("error")]
    assert error.startswith("error study.fcproj: the change could not be saved: the disk")
    assert "everything saved before is safe" in error
    assert sorted(p.name for p in tmp_path.iterdir()) == ["study.fcproj"]  # no journal, no lock left
    assert _integrity(saved) == "ok"
    project = opened(open_project(saved, read_only=True))
    with project.reading() as session:
        names = [row[0] for row in session.connection().exec_driver_sql("SELECT name FROM document ORDER BY id")]
        codings = session.connection().exec_driver_sql("SELECT count(*) FROM coding").scalar()
    assert names == [f"Gruppe {n}" for n in saved_numbers]  # the failed import left no part of itself
    assert codings == len(saved_numbers)


def test_cli_on_a_full_disk_says_so_in_one_line_and_changes_nothing(saved, tmp_path, dump):
    transcript = tmp_path / "lang.txt"
    transcript.write_text("B1: " + "Sprache ist wichtig. " * 60_000, encoding="utf-8")
    before = dump(saved)
    result = _run(["-m", "app", "import", str(saved), str(transcript)], saved.stat().st_size + 200_000)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("error: study.fcproj: the change could not")
    assert dump(saved) == before and _integrity(saved) == "ok"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lang.txt", "study.fcproj"]


def test_an_export_on_a_full_disk_leaves_no_half_written_file(saved, tmp_path, make_document):
    with open_project(saved) as project:
        import_documents(project, [make_document("Gruppe", [("B1", "Sprache ist wichtig. " * 3000)])])
    out = tmp_path / "out"
    out.mkdir()
    for name in ("bericht.docx", "tabellen.xlsx"):
        old = out / name
        old.write_bytes(b"the export of last week")
        result = _run(["-m", "app", "export", str(saved), "--output", str(old)], 3_000)
        assert result.returncode == 1
        assert result.stderr == (f"error: {name}: the file could not be written (the disk is full); nothing was "
                                 "written, an older file of this name is unchanged.\n")  # and no second report
        assert old.read_bytes() == b"the export of last week"  # the older export is not destroyed
    assert sorted(p.name for p in out.iterdir()) == ["bericht.docx", "tabellen.xlsx"]  # no .part file left


@pytest.mark.parametrize("what, message", [("file", "the file is read-only"), ("folder", "its folder is read-only")])
def test_a_read_only_file_or_folder_is_opened_read_only_or_not_at_all(saved, monkeypatch, opened, what, message):
    real_access = os.access
    read_only = saved if what == "file" else saved.parent

    def access(path, mode, *args, **kwargs):
        if Path(path) == read_only and mode & os.W_OK:
            return False
        return real_access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", access)
    before = saved.read_bytes()
    with pytest.raises(ProjectFileError, match=f"^study.fcproj: {message}.*, so changes could not be saved; open it "
                                               "read-only"):
        open_project(saved)
    assert not Path(f"{saved}.lock").exists()
    reader = opened(open_project(saved, read_only=True))  # the choice offered: read-only works
    assert reader.info().name == "Integration workshop"
    assert saved.read_bytes() == before
