"""focuscoder search / autocode / words: JSON shapes of the contract, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import main

TRANSCRIPT = """Gruppendiskussion
Moderatorin: Was hilft beim Einstieg in die Ausbildung?
Frau Berger: Der Sprachkurs ist das Wichtigste. Viele Sprachkurse sind voll.
Herr Okafor: In den Sprachkursen lernen sie viel.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def project(tmp_path: Path, capsys) -> Path:
    transcript = tmp_path / "gruppe.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    assert run(capsys, "import", str(path), str(transcript))[0] == 0
    assert run(capsys, "codes", str(path), "add", "Sprache")[0] == 0
    return path


def test_search_json(project, capsys):
    code, out, _ = run(capsys, "search", str(project), "Sprachkurs", "--lemma", "--json")
    assert code == 0
    hits = json.loads(out)["hits"]
    assert [hit["text"] for hit in hits] == ["Sprachkurs", "Sprachkurse", "Sprachkursen"]
    assert set(hits[0]) == {"document", "start", "end", "text", "speaker"}
    assert hits[0]["speaker"] == "Frau Berger" and hits[0]["document"] == "gruppe"


def test_search_regex_and_text_output(project, capsys):
    code, out, _ = run(capsys, "search", str(project), r"sprachkurs\w*", "--regex")
    assert code == 0 and out.splitlines()[-1] == "3 hit(s)"


def test_autocode_json_and_one_coding_per_sentence(project, capsys):
    code, out, _ = run(capsys, "autocode", str(project), "Sprachkurs", "--code", "Sprache", "--lemma",
                       "--unit", "sentence", "--json")
    assert code == 0
    assert [hit["text"] for hit in json.loads(out)["hits"]] == [
        "Der Sprachkurs ist das Wichtigste.", "Viele Sprachkurse sind voll.", "In den Sprachkursen lernen sie viel."]
    _, info, _ = run(capsys, "info", str(project), "--json")
    assert json.loads(info)["codings"] == 3


def test_words_json(project, capsys):
    code, out, _ = run(capsys, "words", str(project), "--by", "speaker", "--lemma", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["by"] == "speaker" and {"speaker": "Frau Berger", "word": "Sprachkurs", "count": 2} in data["rows"]


def test_errors_are_one_line(project, capsys):
    assert run(capsys, "autocode", str(project), "x", "--code", "Nope")[2].startswith("error: There is no code")
    code, _, err = run(capsys, "words", str(project), "--by", "attribute")
    assert code == 2 and err.startswith("error:")
