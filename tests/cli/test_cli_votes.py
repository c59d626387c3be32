"""``focuscoder votes`` and ``focuscoder priorities``: the JSON shape of DESIGN.md's contract, the sample's
ranking, and bad input (one line on stderr, the project unchanged)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main
from tests.conftest import dump_tables


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    from app.sample_project import build_sample_project

    return build_sample_project(tmp_path_factory.mktemp("sample") / "sample.fcproj")


def test_priorities_json_has_the_contracts_shape_and_the_votes_order(sample, capsys):
    code, out, err = run(capsys, "priorities", str(sample), "--json")
    assert code == 0, err
    found = json.loads(out)
    assert set(found) == {"parent", "rows"} and found["parent"] == "Maßnahmen"
    for row in found["rows"]:
        assert set(row) == {"rank", "code", "points", "share", "speakers", "institutions", "codings"}
    first = found["rows"][0]
    assert first["code"] == "Maßnahmen/Berufsbegleitende Sprachförderung im Betrieb"
    assert (first["rank"], first["points"], first["share"]) == (1, 14, round(14 / 54, 4))
    assert sum(row["points"] or 0 for row in found["rows"]) == 54
    assert found["rows"][-1] == {**found["rows"][-1], "rank": None, "points": None, "share": None,
                                 "code": "Maßnahmen/Weitere Vorschläge ohne Abstimmung"}


def test_priorities_of_another_parent_and_as_text(sample, capsys):
    code, out, _ = run(capsys, "priorities", str(sample), "--parent", "Sprache", "--json")
    assert code == 0
    rows = json.loads(out)["rows"]
    assert json.loads(out)["parent"] == "Sprache" and all(row["points"] is None for row in rows)
    assert [row["rank"] for row in rows][0] == 1  # no vote there: by support
    code, out, _ = run(capsys, "priorities", str(sample))
    assert code == 0 and "1\t14\t25.9%" in out and "(not voted on)" in out


def test_votes_sets_changes_and_removes_a_measures_points(tmp_path, capsys):
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    from app import services
    from app.models import open_project

    with open_project(path) as project:
        for code in ("Maßnahmen/Lotse", "Maßnahmen/Kurs"):
            services.add_code(project, code)
    assert run(capsys, "votes", str(path), "Maßnahmen/Lotse", "3")[0] == 0
    assert run(capsys, "votes", str(path), "Maßnahmen/Kurs", "2", "--institution", "IHK")[0] == 0
    assert run(capsys, "votes", str(path), "Maßnahmen/Kurs", "2", "--institution", "Jobcenter")[0] == 0
    rows = json.loads(run(capsys, "priorities", str(path), "--json")[1])["rows"]
    assert [(r["rank"], r["code"], r["points"]) for r in rows] == [(1, "Maßnahmen/Kurs", 4), (2, "Maßnahmen/Lotse", 3)]
    assert run(capsys, "votes", str(path), "Maßnahmen/Kurs", "none")[0] == 0
    rows = json.loads(run(capsys, "priorities", str(path), "--json")[1])["rows"]
    assert [(r["rank"], r["points"]) for r in rows] == [(1, 3), (None, None)]


@pytest.mark.parametrize(("argv", "status", "message"), [
    (["Maßnahmen/Lotse", "viele"], 2, "whole number"),
    (["Maßnahmen/Lotse", "-3"], 2, "whole number"),
    (["Maßnahmen/Gibt es nicht", "3"], 1, "no code"),
])
def test_bad_votes_say_so_in_one_line_and_change_nothing(tmp_path, capsys, argv, status, message):
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    assert run(capsys, "codes", str(path), "add", "Maßnahmen/Lotse")[0] == 0
    before = dump_tables(path)
    code, out, err = run(capsys, "votes", str(path), *argv)
    assert code == status and err.startswith("error: ") and message in err and err.count("\n") == 1
    assert dump_tables(path) == before


def test_priorities_without_measures_say_what_to_do(tmp_path, capsys):
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    code, _, err = run(capsys, "priorities", str(path), "--json")
    assert code == 1 and "--parent" in err
