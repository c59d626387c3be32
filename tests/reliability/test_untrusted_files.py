"""Files from someone else: refused with a clear message (API and CLI), left byte-for-byte unchanged, nothing beside.

``tests/models/test_project_file.py`` covers empty, random, text, other SQLite, newer schema, no revision, truncated
and magic-then-garbage files through ``open_project``; here: what is missing from that list, and the CLI.
"""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main
from app.models import ProjectFileError, create_project, open_project
from app.services import add_code, import_documents


def _real_project(path: Path, make_document) -> None:
    with create_project(path) as project:
        import_documents(project, [make_document(f"Gruppe {n}", [("B", "Sprache ist wichtig. " * 300)])
                                   for n in range(4)])
        add_code(project, "Sprache")


def _encrypted(path: Path, make_document) -> None:
    """A valid header (our application id, page size, counts) followed by pages of random bytes, as an encrypted
    database whose header was left in clear would look."""
    _real_project(path, make_document)
    data = path.read_bytes()
    path.write_bytes(data[:100] + random.Random(1).randbytes(len(data) - 100))


def _pages_overwritten(path: Path, make_document) -> None:
    _real_project(path, make_document)
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    rng = random.Random(2)
    for number in (2, 5, 9):
        data[number * page: number * page + 600] = rng.randbytes(600)
    path.write_bytes(bytes(data))


def _with_trigger(path: Path, make_document) -> None:
    _real_project(path, make_document)
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TRIGGER wipe AFTER INSERT ON coding BEGIN DELETE FROM code; END")
        db.commit()


def _with_view(path: Path, make_document) -> None:
    _real_project(path, make_document)
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE VIEW v AS SELECT * FROM coding")
        db.commit()


def _header_only(path: Path, make_document) -> None:
    _real_project(path, make_document)
    path.write_bytes(path.read_bytes()[:100])


HOSTILE = {
    "encrypted": (_encrypted, "damaged"),
    "pages overwritten": (_pages_overwritten, "damaged"),
    "hidden trigger": (_with_trigger, "triggers or views"),
    "hidden view": (_with_view, "triggers or views"),
    "header only": (_header_only, "damaged"),
    "zero bytes": (lambda p, _m: p.write_bytes(b""), "empty"),
    "docx renamed": (lambda p, _m: p.write_bytes(b"PK\x03\x04" + bytes(2000)), "not an SQLite database"),
}


@pytest.mark.parametrize("kind", list(HOSTILE))
def test_hostile_project_files_are_refused_and_left_unchanged(tmp_path, make_document, kind, capsys):
    make, message = HOSTILE[kind]
    path = tmp_path / "fremd.fcproj"
    make(path, make_document)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    for read_only in (False, True):
        with pytest.raises(ProjectFileError, match=message):
            open_project(path, read_only=read_only)
    for command in (["info", str(path)], ["codes", str(path), "add", "X"], ["export", str(path), "--output",
                                                                            str(tmp_path / "r.csv")]):
        assert main(command) == 1
        err = capsys.readouterr().err
        assert err.startswith("error: fremd.fcproj: ") and err.count("\n") == 1 and message in err
    assert main(["check", str(path)]) == 1
    assert "problem: fremd.fcproj: " in capsys.readouterr().out
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fremd.fcproj"]  # no journal, lock, backup or export


def test_an_unexpected_failure_is_one_line_pointing_to_the_log(saved_project, tmp_path, monkeypatch, capsys):
    from app.analysis import overview

    log = tmp_path / "logs" / "focuscoder.log"
    monkeypatch.setenv("FOCUSCODER_LOG", str(log))

    def broken(_project):
        raise KeyError("speaker 7")

    monkeypatch.setattr(overview, "project_overview", broken)
    assert main(["info", str(saved_project)]) == 1
    err = capsys.readouterr().err
    assert err == f"error: KeyError: 'speaker 7' (details in {log})\n"
    assert "Traceback" in log.read_text() and "focuscoder info" in log.read_text()
    assert main(["info", str(tmp_path / "fehlt.fcproj")]) == 1  # a user's error: the message says all
    assert "details in" not in capsys.readouterr().err


@pytest.fixture
def saved_project(tmp_path, make_document) -> Path:
    path = tmp_path / "study.fcproj"
    _real_project(path, make_document)
    return path
