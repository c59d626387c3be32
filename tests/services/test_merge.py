"""Merging a colleague's copy of the project: codes, codings, memos, speakers and attributes come in by identity."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app import services
from app.cli import main
from app.importers.base import ParsedDocument
from app.models import Project, open_project
from app.services.changes import ServiceError
from app.services.merge import merge_project
from app.services.queries import coder_names, list_codes


@pytest.fixture
def colleague(workshop, project: Project, tmp_path: Path, opened) -> Project:
    """A copy of the project after Anna coded, which Ben then codes on his own."""
    services.add_code(project, "Barrieren/Sprache")
    services.apply_code_to_quote(project, document="Workshop 1", code="Barrieren/Sprache", quote="Sprachkurs",
                                 coder="Anna")
    copy_path = tmp_path / "ben.fcproj"
    shutil.copyfile(project.path, copy_path)
    other = opened(open_project(copy_path))
    services.rename_code(other, "Barrieren/Sprache", "Sprachbarriere")  # renamed: still the same code
    services.add_code(other, "Maßnahmen/Begleitung", definition="Unterstützung im Betrieb")
    services.apply_code_to_quote(other, document="Workshop 1", code="Barrieren/Sprachbarriere",
                                 quote="Sprachkurs ist das A und O", coder="Ben")
    services.apply_code_to_quote(other, document="Workshop 1", code="Maßnahmen/Begleitung",
                                 quote="brauchen Begleitung", coder="Ben")
    services.set_memo(other, "Ben: Begleitung taucht oft auf", code="Maßnahmen/Begleitung", author="Ben")
    services.set_attribute(other, name="Institution", value="Jobcenter", speaker="Moderatorin")
    services.import_documents(other, [ParsedDocument("Workshop 2", "Nur bei Ben.\n", "w2.txt", "txt")])
    return other


def codings(project: Project) -> set[tuple[str, str, str]]:
    from app.services.queries import retrieve_segments

    codes = [code.id for code in list_codes(project)]
    return {(s.code, s.coder, s.text) for s in retrieve_segments(project, codes)}


def test_merge_brings_the_colleagues_work_in(project: Project, colleague: Project) -> None:
    summary = merge_project(project, colleague.path)
    assert codings(project) == {
        ("Barrieren/Sprache", "Anna", "Sprachkurs"),
        ("Barrieren/Sprache", "Ben", "Sprachkurs ist das A und O"),  # onto our code, though Ben renamed it
        ("Maßnahmen/Begleitung", "Ben", "brauchen Begleitung"),
    }
    assert coder_names(project) == ["Anna", "Ben"]
    assert summary.added["coding"] == 2 and summary.matched["coding"] == 1 and summary.added["document"] == 1
    assert summary.matched["document"] == 1 and summary.added["memo"] == 1 and summary.added["value"] == 1
    assert not summary.left_out
    assert "Added:" in summary.lines()[0]
    again = merge_project(project, colleague.path)
    assert sum(again.added.values()) == 0  # merging twice changes nothing


def test_a_renamed_coder_keeps_their_codings(project: Project, colleague: Project, db) -> None:
    merge_project(project, colleague.path)
    with colleague.transaction() as session:
        from app.models import Coder
        from sqlalchemy import select

        session.scalars(select(Coder).where(Coder.name == "Ben")).one().name = "Benjamin K."
    services.apply_code_to_quote(colleague, document="Workshop 1", code="Maßnahmen/Begleitung",
                                 quote="Anerkennung", coder="Benjamin K.")
    summary = merge_project(project, colleague.path)
    assert summary.added["coding"] == 1 and summary.added["coder"] == 0
    assert db.value("SELECT k.name FROM coding c JOIN coder k ON k.id = c.coder_id ORDER BY c.id DESC LIMIT 1") == "Ben"


def test_a_document_whose_text_differs_is_left_out_with_its_codings(project: Project, colleague: Project,
                                                                     db) -> None:
    with colleague.transaction() as session:
        from app.models import Document
        from sqlalchemy import select

        document = session.scalars(select(Document).where(Document.name == "Workshop 1")).one()
        document.text = document.text.replace("A und O", "A & O")
        document.sha256 = "edited"
    summary = merge_project(project, colleague.path)
    reasons = [reason for kind, reason in summary.left_out if kind == "document"]
    assert reasons == ["'Workshop 1': its text differs from ours (same document, edited?), so it and its 3 "
                       "coding(s) were left out"]
    assert db.count("coding") == 1


def test_merge_with_itself_and_failures_change_nothing(project: Project, colleague: Project, dump,
                                                       monkeypatch) -> None:
    with pytest.raises(ServiceError, match="with itself"):
        merge_project(project, project.path)
    before = dump(project.path)
    monkeypatch.setattr("app.services.merge.add_attributes", lambda *a: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        merge_project(project, colleague.path)
    assert dump(project.path) == before


def test_cli_merge(project: Project, colleague: Project, capsys) -> None:
    assert main(["merge", str(project.path), str(colleague.path)]) == 0
    assert capsys.readouterr().out.startswith("Added: 1 coders, 2 codes, 1 documents, 2 codings")
    assert main(["merge", str(project.path), str(project.path.with_name("missing.fcproj"))]) == 1
    assert capsys.readouterr().err.startswith("error: missing.fcproj")
