"""``focuscoder team URL backup FILE`` and ``restore``: a team project saved by pg_dump and brought back whole,
into an empty database, with its own team roles; anything else refused with one line."""

from __future__ import annotations

import pytest
from sqlalchemy import select, text

from app.cli import main
from app.models import Code, Coding
from app.models.team import open_team_project
from app.models.team_backup import find_tool
from app.services import apply_code
from tests.team.cluster import SUPERUSER_PASSWORD


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)


def _contents(url: str) -> tuple:
    with open_team_project(url) as project, project.reading() as session:
        return (sorted(session.execute(select(Coding.guid, Coding.start, Coding.end)).all()),
                sorted(session.scalars(select(Code.guid))))


def test_a_backup_comes_back_whole_under_another_name_and_the_server_carries_on(published, admin, tmp_path, capsys):
    find_tool("pg_dump")  # installed with the server the team tests start
    with open_team_project(published) as project:
        apply_code(project, document="Gruppe 1", code="Faktoren/Anerkennung", start=150, end=161, coder="cem")
    before = _contents(published)
    backup = tmp_path / "teamstudie.backup"

    assert main(["team", published, "backup", str(backup)]) == 0
    assert "Saved" in capsys.readouterr().out and backup.stat().st_size > 0
    admin("CREATE DATABASE restored")
    restored = published.rsplit("/", 1)[0] + "/restored"
    assert main(["team", restored, "restore", str(backup)]) == 0
    assert "Restored" in capsys.readouterr().out

    assert _contents(restored) == before
    with open_team_project(restored) as project:
        with project.engine.connect() as connection:
            roles = set(connection.execute(text("SELECT rolname FROM pg_roles WHERE rolname LIKE 'restored_%'"))
                        .scalars())
        assert roles == {"restored_reader", "restored_coder", "restored_editor"}
        # The counters go on after the restored rows: a new coding gets a new id, nothing collides.
        changes = apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=5, coder="dana")
        assert len(changes.ids("coding")) == 1


def test_a_restore_into_a_database_that_is_not_empty_or_from_another_file_is_refused(published, tmp_path, capsys):
    backup = tmp_path / "teamstudie.backup"
    assert main(["team", published, "backup", str(backup)]) == 0
    capsys.readouterr()
    before = _contents(published)

    assert main(["team", published, "restore", str(backup)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already holds tables" in err
    not_a_backup = tmp_path / "notes.backup"
    not_a_backup.write_text("Protokoll der Sitzung")
    assert main(["team", published, "restore", str(not_a_backup)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "is not a backup of a FocusCoder team project" in err
    assert main(["team", published, "restore", str(tmp_path / "missing.backup")]) == 1
    assert "no such file" in capsys.readouterr().err
    assert _contents(published) == before
