"""The command line with team projects: publish, checkout, team roles, and the usual commands on a server address."""

from __future__ import annotations

import json

import pytest

from app.cli import main
from app.models import migrations
from tests.team.cluster import SUPERUSER_PASSWORD


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)


def test_publish_then_work_on_the_server_then_checkout(study_file, team_url, tmp_path, capsys):
    assert main(["publish", str(study_file), team_url]) == 0
    assert "3 codings" in capsys.readouterr().out

    assert main(["code", team_url, "--document", "Gruppe 1", "--code", "Faktoren/Anerkennung",
                 "--start", "150", "--end", "161", "--coder", "cem"]) == 0
    assert capsys.readouterr().out.startswith("Coded as coding 4")
    assert main(["info", team_url, "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["codings"] == 4 and info["project"]["schema"] == migrations.head()
    assert main(["stats", team_url, "--json"]) == 0
    stats = capsys.readouterr().out
    assert "Anerkennung" in stats

    copy = tmp_path / "copy.fcproj"
    assert main(["checkout", team_url, str(copy)]) == 0
    capsys.readouterr()
    assert main(["info", str(copy), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == info


def test_roles_from_the_command_line(published, admin, capsys):
    admin("CREATE ROLE dora LOGIN PASSWORD 'pw'")
    assert main(["team", published, "role", "dora", "coder"]) == 0
    assert main(["team", published, "members", "--json"]) == 0
    out = capsys.readouterr().out
    assert {"user": "dora", "role": "coder"} in json.loads(out[out.index("["):])
    assert main(["team", published, "role", "nobody", "reader"]) == 1
    assert "There is no user 'nobody'" in capsys.readouterr().err
    admin("DROP OWNED BY dora")
    admin("DROP ROLE dora")


def test_a_missing_password_is_one_clear_line(published, monkeypatch, tmp_path, capsys):
    monkeypatch.delenv("PGPASSWORD")
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    assert main(["info", published]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "asks for a password" in err and "PGPASSWORD" in err
