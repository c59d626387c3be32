"""Showing or hiding coders' codings."""

from __future__ import annotations

from app import services
from app.models import Project
from app.services.coder_view import codings_of, list_coders, segments_of
from app.services.queries import list_codes, list_documents


def test_codings_of_chosen_coders(project: Project, workshop) -> None:
    services.add_code(project, "Sprache")
    services.apply_code_to_quote(project, document="Workshop 1", code="Sprache", quote="Sprachkurs", coder="Anna")
    services.apply_code_to_quote(project, document="Workshop 1", code="Sprache", quote="Anerkennung", coder="Ben")
    (document,) = list_documents(project)
    assert [c.coder for c in codings_of(project, document.id)] == ["Anna", "Ben"]
    assert [c.coder for c in codings_of(project, document.id, coders=["Ben"])] == ["Ben"]
    assert codings_of(project, document.id, coders=[]) == []
    assert [(c.name, c.codings) for c in list_coders(project)] == [("Anna", 1), ("Ben", 1)]
    code_ids = [code.id for code in list_codes(project)]
    assert [s.text for s in segments_of(project, code_ids, coders=["Anna"])] == ["Sprachkurs"]
