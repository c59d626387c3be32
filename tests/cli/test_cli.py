"""The command line, through its real entry points: exit codes, one-line errors, JSON shapes of the contract."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main

TRANSCRIPT = """Gruppendiskussion am 12. März, Jobcenter
Moderatorin: Herzlich willkommen. Was hilft beim Einstieg in die Ausbildung?
Dr. Anna Weber (IHK): Der Sprachkurs ist das A und O.
Herr Yilmaz: Ohne Anerkennung der Abschlüsse geht wenig.
Das dauert oft Monate.
Moderatorin: Danke. Und die Arbeitgeber?
Dr. Anna Weber (IHK): Die brauchen Begleitung.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def transcript(tmp_path: Path) -> Path:
    path = tmp_path / "gruppe1.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    return path


@pytest.fixture()
def project(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "study.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    return path


def test_new_creates_a_project_and_refuses_to_overwrite(tmp_path, capsys):
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path), "--language", "en")[0] == 0
    before = path.read_bytes()
    code, out, err = run(capsys, "new", str(path))
    assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
    assert path.read_bytes() == before
    code, out, _ = run(capsys, "info", str(path), "--json")
    assert json.loads(out)["project"] == {"name": "p", "language": "en", "schema": json.loads(out)["project"]["schema"]}


def test_import_dry_run_reports_speakers_and_writes_nothing(project, transcript, capsys):
    before = project.read_bytes()
    code, out, err = run(capsys, "import", str(project), str(transcript), "--dry-run", "--json")
    assert code == 0, err
    assert json.loads(out) == {
        "documents": [
            {
                "name": "gruppe1",
                "turns": 5,
                "speakers": [
                    {"name": "Moderatorin", "turns": 2},
                    {"name": "Dr. Anna Weber (IHK)", "turns": 2},
                    {"name": "Herr Yilmaz", "turns": 1},
                ],
            }
        ]
    }
    assert project.read_bytes() == before


def test_import_then_info_json_has_the_contract_shape(project, transcript, capsys):
    assert run(capsys, "import", str(project), str(transcript))[0] == 0
    code, out, _ = run(capsys, "info", str(project), "--json")
    info = json.loads(out)
    assert set(info) == {"project", "documents", "speakers", "codes", "codings"}
    assert set(info["project"]) == {"name", "language", "schema"}
    (document,) = info["documents"]
    assert set(document) == {"name", "characters", "words", "turns", "speakers"}
    assert document["name"] == "gruppe1"
    assert document["characters"] == len(TRANSCRIPT.rstrip("\n")) or document["characters"] == len(TRANSCRIPT)
    assert document["turns"] == 5
    assert document["speakers"] == ["Moderatorin", "Dr. Anna Weber (IHK)", "Herr Yilmaz"]
    yilmaz = next(s for s in info["speakers"] if s["name"] == "Herr Yilmaz")
    # "Ohne Anerkennung der Abschlüsse geht wenig. Das dauert oft Monate." - the continuation line belongs to him
    assert yilmaz == {"name": "Herr Yilmaz", "turns": 1, "words": 10}
    assert info["codes"] == [] and info["codings"] == 0


def test_code_by_text_and_by_positions_then_stats(project, transcript, capsys):
    run(capsys, "import", str(project), str(transcript))
    assert run(capsys, "codes", str(project), "add", "Sprache/Sprachkurse", "--color", "#112233")[0] == 0
    assert run(capsys, "codes", str(project), "add", "Anerkennung")[0] == 0
    code, out, err = run(
        capsys, "code", str(project), "--document", "gruppe1", "--text", "Der Sprachkurs ist das A und O.",
        "--code", "Sprache/Sprachkurse", "--coder", "Lena", "--weight", "80",
    )
    assert code == 0, err
    start = TRANSCRIPT.index("Ohne Anerkennung")
    end = start + len("Ohne Anerkennung der Abschlüsse")
    code, out, err = run(
        capsys, "code", str(project), "--document", "gruppe1", "--start", str(start), "--end", str(end),
        "--code", "Anerkennung",
    )
    assert code == 0, err

    code, out, _ = run(capsys, "stats", str(project), "--json")
    assert json.loads(out) == {
        "by": "code",
        "rows": [
            {"code": "Sprache", "codings": 0, "words": 0},
            {"code": "Sprache/Sprachkurse", "codings": 1, "words": 7},
            {"code": "Anerkennung", "codings": 1, "words": 4},
        ],
    }
    code, out, _ = run(capsys, "stats", str(project), "--by", "speaker", "--json")
    assert json.loads(out) == {
        "by": "speaker",
        "rows": [
            {"code": "Sprache/Sprachkurse", "speaker": "Dr. Anna Weber (IHK)", "codings": 1, "words": 7},
            {"code": "Anerkennung", "speaker": "Herr Yilmaz", "codings": 1, "words": 4},
        ],
    }
    code, out, _ = run(capsys, "stats", str(project), "--by", "document", "--json")
    assert [row["document"] for row in json.loads(out)["rows"]] == ["gruppe1", "gruppe1"]
    code, out, _ = run(capsys, "info", str(project), "--json")
    info = json.loads(out)
    assert info["codings"] == 2
    assert {c["path"]: c["codings"] for c in info["codes"]} == {
        "Sprache": 0, "Sprache/Sprachkurse": 1, "Anerkennung": 1,
    }


@pytest.mark.parametrize(
    "argv",
    [
        ["code", "{p}", "--document", "gruppe1", "--code", "Anerkennung"],  # neither span nor text
        ["code", "{p}", "--document", "gruppe1", "--start", "1", "--code", "Anerkennung"],  # no end
        ["code", "{p}", "--document", "gruppe1", "--start", "1", "--end", "3", "--text", "x", "--code", "A"],
        ["stats", "{p}", "--by", "colour"],
        ["import", "{p}"],
        ["nonsense-option-only", "--frobnicate"],
    ],
)
def test_usage_errors_exit_2_with_one_line(project, capsys, argv):
    code, out, err = run(capsys, *[arg.replace("{p}", str(project)) for arg in argv])
    assert code == 2
    assert err.startswith("error: ") and err.count("\n") == 1


def test_failures_exit_1_with_one_line_and_leave_the_project_unchanged(project, transcript, tmp_path, capsys):
    run(capsys, "import", str(project), str(transcript))
    run(capsys, "codes", str(project), "add", "Anerkennung")
    before = project.read_bytes()
    broken = tmp_path / "kaputt.docx"
    broken.write_bytes(b"this is not a zip file")
    for argv in (
        ["code", str(project), "--document", "gruppe1", "--text", "nicht im Text", "--code", "Anerkennung"],
        ["code", str(project), "--document", "gruppe1", "--start", "5", "--end", "999999", "--code", "Anerkennung"],
        ["code", str(project), "--document", "nope", "--start", "0", "--end", "3", "--code", "Anerkennung"],
        ["code", str(project), "--document", "gruppe1", "--start", "0", "--end", "3", "--code", "Nope"],
        ["import", str(project), str(transcript), str(broken)],
        ["info", str(tmp_path / "missing.fcproj")],
        ["info", str(transcript)],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 1, argv
        assert err.startswith("error: ") and err.count("\n") == 1, err
        assert "Traceback" not in err
    assert project.read_bytes() == before


def test_codes_tree_operations(project, capsys):
    for path in ("Maßnahmen/Sprachförderung", "Maßnahmen/Mentoring", "Barrieren"):
        assert run(capsys, "codes", str(project), "add", path)[0] == 0
    assert run(capsys, "codes", str(project), "rename", "Maßnahmen/Mentoring", "Patenschaften")[0] == 0
    assert run(capsys, "codes", str(project), "move", "Barrieren", "--parent", "Maßnahmen", "--position", "0")[0] == 0
    code, out, _ = run(capsys, "codes", str(project), "list")
    assert [line.split("\t")[0] for line in out.splitlines()] == [
        "Maßnahmen", "Maßnahmen/Barrieren", "Maßnahmen/Sprachförderung", "Maßnahmen/Patenschaften",
    ]
    assert run(capsys, "codes", str(project), "merge", "Maßnahmen/Barrieren", "Maßnahmen/Patenschaften")[0] == 0
    assert run(capsys, "codes", str(project), "delete", "Maßnahmen/Sprachförderung")[0] == 0
    code, out, _ = run(capsys, "codes", str(project), "list")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["Maßnahmen", "Maßnahmen/Patenschaften"]


def test_speakers_and_memos(project, transcript, capsys):
    run(capsys, "import", str(project), str(transcript))
    assert run(capsys, "speakers", str(project), "set", "Herr Yilmaz", "Institution", "Handwerkskammer")[0] == 0
    assert run(capsys, "speakers", str(project), "rename", "Herr Yilmaz", "Cem Yilmaz")[0] == 0
    assert run(capsys, "speakers", str(project), "merge", "Moderatorin", "Cem Yilmaz")[0] == 0
    code, out, _ = run(capsys, "speakers", str(project), "list")
    assert [line.split("\t")[0] for line in out.splitlines()] == ["Cem Yilmaz", "Dr. Anna Weber (IHK)"]
    assert run(capsys, "memo", str(project), "Erste Eindrücke", "--document", "gruppe1")[0] == 0
    assert run(capsys, "memo", str(project), "Projektmemo")[0] == 0
    code, _, err = run(capsys, "memo", str(project), "x", "--speaker", "Niemand")
    assert code == 1 and "Niemand" in err


def test_help_is_fast_and_does_not_import_qt_or_the_database():
    # The real console script, as a researcher types it.
    script = shutil.which("focuscoder", path=str(Path(sys.executable).parent))
    assert script, "the focuscoder console script is installed"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "import" in result.stdout
    probe = (
        "import sys; from app.cli import main; main(['--help']); "
        "print('QT' if any(m.startswith('PySide6') for m in sys.modules) else 'noqt', "
        "'SA' if 'sqlalchemy' in sys.modules else 'nosa')"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert result.stdout.split()[-2:] == ["noqt", "nosa"]


def test_python_dash_m_app_runs_a_command(tmp_path):
    env = dict(os.environ)
    result = subprocess.run(
        [sys.executable, "-m", "app", "new", str(tmp_path / "x.fcproj")],
        capture_output=True, text=True, timeout=60, env=env,
    )
    assert result.returncode == 0, result.stderr
    result = subprocess.run(
        [sys.executable, "-m", "app", "info", str(tmp_path / "x.fcproj"), "--json"],
        capture_output=True, text=True, timeout=60,
    )
    assert json.loads(result.stdout)["project"]["name"] == "x"
    result = subprocess.run([sys.executable, "-m", "app", "info"], capture_output=True, text=True, timeout=60)
    assert result.returncode == 2 and result.stderr.startswith("error: ")


def test_no_command_opens_the_desktop_app_on_the_sample_project(tmp_path, capsys, monkeypatch):
    import app.sample_project as sample
    import app.ui.app as ui_app

    target = tmp_path / "data" / "Beispielprojekt.fcproj"
    monkeypatch.setattr(sample, "default_sample_path", lambda: target)
    opened = []
    monkeypatch.setattr(ui_app, "run_gui", lambda project, screenshot=None, size=None: opened.append(project) or 0)
    code, out, err = run(capsys)
    assert code == 0, err
    assert opened == [target] and target.exists()
    code, out, err = run(capsys, str(target))  # `focuscoder PROJECT` opens that project
    assert code == 0 and opened[-1] == target


def test_sample_command_writes_the_sample_project(tmp_path, capsys):
    target = tmp_path / "beispiel.fcproj"
    code, out, err = run(capsys, "sample", "--output", str(target))
    assert code == 0, err
    code, out, _ = run(capsys, "info", str(target), "--json")
    info = json.loads(out)
    assert len(info["documents"]) == 1 and info["documents"][0]["turns"] > 250
    assert len(info["speakers"]) >= 8 and info["codings"] > 50


def test_export_for_chosen_coders_holds_only_their_codings(project, transcript, tmp_path, capsys):
    import csv

    run(capsys, "import", str(project), str(transcript))
    run(capsys, "codes", str(project), "add", "Anerkennung")
    for quote, coder in (("Ohne Anerkennung", "Lena"), ("Das dauert oft Monate.", "Murat")):
        assert run(capsys, "code", str(project), "--document", "gruppe1", "--text", quote,
                   "--code", "Anerkennung", "--coder", coder)[0] == 0
    out_file = tmp_path / "segments.csv"
    code, _, err = run(capsys, "export", str(project), "--format", "csv", "--output", str(out_file),
                       "--coders", "Murat")
    assert code == 0, err
    rows = list(csv.reader(out_file.read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
    texts = [row for row in rows[1:]]
    assert len(texts) == 1 and "Das dauert oft Monate." in texts[0]
