"""``focuscoder import`` with a named speaker convention and ``--map OLD=NEW``."""

from __future__ import annotations

import json
from pathlib import Path

from app.cli import main

TRANSCRIPT = """Interview 4, 12.03.2024
I: Wie war der Anfang?
B: Schwer. Keine Wohnung, kein Kurs.
I: Und heute?
B: Ich bin im zweiten Lehrjahr.
Notiz: Aufnahme endet hier.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def speakers_of(out: str) -> list[dict[str, object]]:
    return json.loads(out)["documents"][0]["speakers"]


def test_a_named_convention_and_a_mapping(tmp_path: Path, capsys) -> None:
    transcript = tmp_path / "b4.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    project = tmp_path / "studie.fcproj"
    assert run(capsys, "new", str(project))[0] == 0
    code, out, err = run(capsys, "import", str(project), str(transcript), "--speakers", "code-colon", "--map",
                         "I=Interviewerin", "--map", "b=Befragter", "--dry-run", "--json")
    assert (code, err) == (0, "")
    # "Notiz:" is no short code, so the convention leaves it in B's turn.
    assert speakers_of(out) == [{"name": "Interviewerin", "turns": 2}, {"name": "Befragter", "turns": 2}]
    code, out, _ = run(capsys, "import", str(project), str(transcript), "--map", "I=", "--json")
    assert code == 0 and speakers_of(out) == [{"name": "B", "turns": 2}]
    code, out, _ = run(capsys, "info", str(project), "--json")
    assert [speaker["name"] for speaker in json.loads(out)["speakers"]] == ["B"]


def test_a_mapping_without_equals_is_one_clear_error(tmp_path: Path, capsys) -> None:
    transcript = tmp_path / "b4.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    project = tmp_path / "studie.fcproj"
    run(capsys, "new", str(project))
    code, out, err = run(capsys, "import", str(project), str(transcript), "--map", "Interviewerin")
    assert code == 1 and out == ""
    assert err.startswith("error: the speaker mapping 'Interviewerin' is not OLD=NEW") and err.count("\n") == 1


def test_the_help_names_every_convention() -> None:
    from app.cli.project import SPEAKER_CONVENTIONS
    from app.importers.conventions import CONVENTIONS

    assert SPEAKER_CONVENTIONS.split(", ") == list(CONVENTIONS)
