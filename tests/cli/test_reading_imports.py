"""A command that only reads a project file imports what reading needs: neither Alembic (migrations), nor
SQLAlchemy (sessions: the read goes through the driver's connection), nor Qt. Each of them cost a large part of
such a command's time (issue 22: ``stats --by speaker`` in well under a second)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

TRANSCRIPT = """Moderatorin: Was hilft beim Einstieg in die Ausbildung?
Dr. Anna Weber (IHK): Der Sprachkurs ist das A und O.
Herr Yilmaz: Ohne Anerkennung der Abschlüsse geht wenig.
"""

HEAVY = ("alembic", "sqlalchemy", "PySide6")


@pytest.fixture()
def project(tmp_path: Path, capsys) -> Path:
    path, transcript = tmp_path / "study.fcproj", tmp_path / "gruppe1.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    for argv in (["new", str(path)], ["import", str(path), str(transcript)],
                 ["codes", str(path), "add", "Sprache/Kurse"],
                 ["code", str(path), "--document", "gruppe1", "--text", "Der Sprachkurs", "--code", "Sprache/Kurse"],
                 ["speakers", str(path), "set", "Herr Yilmaz", "Institution", "Jobcenter"]):
        assert main(argv) == 0
    capsys.readouterr()
    return path


def _imported(argv: list[str]) -> tuple[str, list[str]]:
    """What ``focuscoder ARGV`` printed, and which of HEAVY it imported, in a fresh process."""
    probe = (
        "import contextlib, io, json, sys\n"
        "from app.cli import main\n"
        "out = io.StringIO()\n"
        f"with contextlib.redirect_stdout(out):\n    code = main({argv!r})\n"
        f"heavy = sorted({{m.split('.')[0] for m in sys.modules}} & {set(HEAVY)!r})\n"
        "print(json.dumps({'code': code, 'out': out.getvalue(), 'heavy': heavy}))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout.splitlines()[-1])
    assert found["code"] == 0
    return found["out"], found["heavy"]


@pytest.mark.parametrize("command", [["stats", "--by", "speaker"], ["stats", "--by", "code"],
                                     ["stats", "--by", "document"], ["info", "--json"], ["codes", "list"],
                                     ["speakers", "list"]], ids=" ".join)
def test_reading_commands_read_without_migrations_sessions_or_qt(project, capsys, command):
    argv = [command[0], str(project), *command[1:]]
    out, heavy = _imported(argv)
    assert heavy == []
    assert main(argv) == 0  # the same output as in a process that has imported it all
    assert capsys.readouterr().out == out
    assert ("Herr Yilmaz" if command[0] == "speakers" else "Sprache/Kurse") in out


def test_a_file_that_needs_an_upgrade_still_gets_one(tmp_path):
    """Alembic stays where it is needed: a project of an older schema is upgraded by a reading command too."""
    revisions = Path(__file__).resolve().parents[1] / "models" / "revisions"
    old = sorted(revisions.glob("revision_*.fcproj"))[0]
    copy = tmp_path / "old.fcproj"
    copy.write_bytes(old.read_bytes())
    out, heavy = _imported(["stats", str(copy)])
    assert "alembic" in heavy and "sqlalchemy" in heavy
