"""focuscoder keywords / suggest / language on a real project file: what they print, what they write, exit codes."""

from __future__ import annotations

import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from app.cli import main

TRANSCRIPT = """Gruppendiskussion
Moderatorin: Was hilft beim Einstieg in die Ausbildung?
Frau Berger: Der Sprachkurs ist das Wichtigste. Viele Sprachkurse sind voll.
Herr Okafor: In den Sprachkursen lernen sie viel. Die Anerkennung dauert.
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def rows(path: Path, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql).fetchall()


@pytest.fixture()
def project(tmp_path: Path, capsys) -> Path:
    transcript = tmp_path / "gruppe.txt"
    transcript.write_text(TRANSCRIPT, encoding="utf-8")
    path = tmp_path / "p.fcproj"
    assert run(capsys, "new", str(path))[0] == 0
    assert run(capsys, "import", str(path), str(transcript))[0] == 0
    assert run(capsys, "codes", str(path), "add", "Sprache/Sprachkurs")[0] == 0
    return path


def test_keywords_are_set_listed_and_cleared(project, capsys):
    assert run(capsys, "keywords", str(project), "Sprache/Sprachkurs")[1] == "Sprache/Sprachkurs has no keywords.\n"
    code, out, _ = run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--set", "Sprachkurs,Deutschkurs",
                       "Integrationskurs")
    assert code == 0 and out == "Sprachkurs\tlemma\nDeutschkurs\tlemma\nIntegrationskurs\tlemma\n"
    assert rows(project, "SELECT query, mode FROM code_keyword ORDER BY position") == [
        ("Sprachkurs", "lemma"), ("Deutschkurs", "lemma"), ("Integrationskurs", "lemma")]
    # a regular expression keeps its commas
    run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--set", r"kurs\w{1,3}", "--mode", "regex")
    code, out, _ = run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--json")
    assert json.loads(out) == {"code": "Sprache/Sprachkurs", "keywords": [{"query": r"kurs\w{1,3}", "mode": "regex"}]}
    assert run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--clear")[0] == 0
    assert rows(project, "SELECT count(*) FROM code_keyword") == [(0,)]


def test_keywords_usage_errors_and_unknown_code(project, capsys):
    code, _, err = run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--set", "A", "--clear")
    assert code == 2 and err.startswith("error: choose either --set or --clear")
    code, _, err = run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--set", ",")
    assert code == 2
    code, _, err = run(capsys, "keywords", str(project), "Nichts", "--set", "x")
    assert code == 1 and err == "error: There is no code 'Nichts'.\n"


def test_suggest_lists_uncoded_sentences_and_apply_codes_them(project, capsys):
    code, _, err = run(capsys, "suggest", str(project), "Sprache/Sprachkurs")
    assert code == 1 and "has no keywords yet" in err
    run(capsys, "keywords", str(project), "Sprache/Sprachkurs", "--set", "Sprachkurs")
    run(capsys, "code", str(project), "--document", "gruppe", "--text", "Viele Sprachkurse", "--code",
        "Sprache/Sprachkurs")
    code, out, _ = run(capsys, "suggest", str(project), "Sprache/Sprachkurs", "--json")
    hits = json.loads(out)["hits"]
    # the sentence that shares characters with the coding is not suggested again
    assert [hit["text"] for hit in hits] == ["Der Sprachkurs ist das Wichtigste.", "In den Sprachkursen lernen sie viel."]
    assert set(hits[0]) == {"document", "start", "end", "text", "speaker"}
    assert rows(project, "SELECT count(*) FROM coding") == [(1,)]  # listing writes nothing
    code, out, _ = run(capsys, "suggest", str(project), "Sprache/Sprachkurs", "--apply", "--coder", "Lena")
    assert code == 0 and out.splitlines()[-1] == "Coded 2 passage(s) with Sprache/Sprachkurs."
    assert rows(project, 'SELECT c.name, count(*) FROM coding JOIN coder c ON c.id = coder_id GROUP BY c.name') == [
        ("Lena", 2), ("default", 1)]
    code, out, _ = run(capsys, "suggest", str(project), "Sprache/Sprachkurs")
    assert out.splitlines() == ["0 passage(s) match the keywords of Sprache/Sprachkurs and are not coded with it."]


def test_language_set_by_hand_rebuilds_the_index(project, capsys):
    code, out, _ = run(capsys, "language", str(project))
    assert code == 0 and out == "gruppe\tde\tdetected\n"
    assert rows(project, "SELECT language FROM text_index") == [("de",)]  # built at import
    code, out, _ = run(capsys, "language", str(project), "gruppe", "en")
    assert code == 0 and out == "gruppe\ten\tset by hand\n"
    # rebuilt at once, in English: no search has to do it
    assert rows(project, "SELECT d.language, i.language FROM document d JOIN text_index i ON i.document_id = d.id") == [
        ("en", "en")]
    code, out, _ = run(capsys, "language", str(project), "gruppe", "auto", "--json")
    assert json.loads(out) == {"documents": [{"document": "gruppe", "language": "de", "set_by_hand": False,
                                              "indexed": "de"}]}


def test_language_errors(project, capsys):
    code, _, err = run(capsys, "language", str(project), "gruppe", "fr")
    assert code == 2 and err.startswith("error: argument language: invalid choice")
    code, _, err = run(capsys, "language", str(project), "Gruppe 9", "de")
    assert code == 1 and err == "error: There is no document 'Gruppe 9'.\n"
