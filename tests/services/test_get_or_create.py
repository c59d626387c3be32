"""Get-or-create on a project file, by the same statements a team server uses (INSERT ... ON CONFLICT DO NOTHING,
then the SELECT): a coding with a code that is not there yet, codes made along a path, coders on first use."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.models import Code, Coder
from app.services import ServiceError, add_code, apply_code
from app.services.lookup import ensure_coder_id, insert_or_find


def test_a_coding_with_a_new_code_makes_the_code_and_its_parents_once(project, workshop):
    first = apply_code(project, document="Workshop 1", code="Neu/Thema/Aspekt", start=0, end=5, coder="eva",
                       create_code=True)
    assert len(first.ids("code")) == 3 and len(first.ids("coding")) == 1
    again = apply_code(project, document="Workshop 1", code="Neu/Thema/Aspekt", start=5, end=9, coder="eva",
                       create_code=True)
    assert again.ids("code") == [] and len(again.ids("coding")) == 1
    sibling = apply_code(project, document="Workshop 1", code="Neu/Thema/Anderes", start=0, end=5, coder="eva",
                         create_code=True)
    assert len(sibling.ids("code")) == 1  # the parents are found, not made again
    with project.reading() as session:
        assert session.scalar(select(func.count()).select_from(Code)) == 4
        assert session.scalar(select(func.count()).select_from(Coder).where(Coder.name == "eva")) == 1


def test_without_create_code_a_missing_code_is_still_refused_and_add_code_still_says_it_exists(project, workshop):
    with pytest.raises(ServiceError, match="There is no code 'Neu'"):
        apply_code(project, document="Workshop 1", code="Neu", start=0, end=5)
    add_code(project, "Neu/Thema")
    with pytest.raises(ServiceError, match="exists already"):
        add_code(project, "Neu/Thema")
    with pytest.raises(ServiceError, match="not a code path"):
        apply_code(project, document="Workshop 1", code="Neu//x", start=0, end=5, create_code=True)
    with project.reading() as session:
        assert session.scalar(select(func.count()).select_from(Code)) == 2


def test_insert_or_find_makes_a_row_once_and_finds_it_after(project):
    with project.transaction() as session:
        found = select(Coder.id).where(Coder.name == "ben")
        made, created = insert_or_find(session, Coder.__table__, {"name": "ben"}, found)
        again, created_again = insert_or_find(session, Coder.__table__, {"name": "ben"}, found)
        assert created and not created_again and made == again == ensure_coder_id(session, " ben ")
        with pytest.raises(ServiceError, match="needs a name"):
            ensure_coder_id(session, "  ")
