"""What the transcript view reads of a document: its codings as columns, in order, each row made when asked."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app import services
from app.models import Project
from app.services.queries import CodingRow, DocumentCodings, document_content, list_documents


def _rows_the_plain_way(db, document_id: int) -> list[CodingRow]:
    """The codings as the view read them before: one joined row each, ordered by SQLite."""
    return [CodingRow(*row) for row in db.rows(
        'SELECT coding.id, coding.code_id, coding.start, coding."end", coder.name, coding.weight FROM coding '
        "JOIN coder ON coder.id = coding.coder_id WHERE coding.document_id = ? "
        'ORDER BY coding.start, coding."end", coding.id', document_id)]


@pytest.mark.parametrize("shuffled", [False, True])
def test_a_documents_codings_come_in_order_with_their_coders(
    project: Project, workshop, make_document, db, monkeypatch, shuffled
) -> None:
    if shuffled:  # the packed read promises no order (PostgreSQL gives none): the rows are put in order after it
        from app.services import queries

        read = queries.int_table
        monkeypatch.setattr(queries, "int_table", lambda *args, **kwargs: _shuffled(read(*args, **kwargs)))
    services.import_documents(project, [make_document("Workshop 2", [("Anna", "Noch ein Beitrag zur Sprache.")])])
    for code in ("Sprache", "Arbeit", "Arbeit/Praktikum"):
        services.add_code(project, code)
    rng = random.Random(3)
    length = len(workshop.text)
    # Shuffled spans with shared starts and ends, three coders, weights: the read must put them in view order.
    spans = [(start, min(length, start + rng.choice((1, 5, 5, 40)))) for start in rng.choices(range(length - 1), k=60)]
    for number, (start, end) in enumerate(spans):
        services.apply_code(project, document="Workshop 1", code=rng.choice(("Sprache", "Arbeit", "Arbeit/Praktikum")),
                            start=start, end=end, coder=("Anna", "Ben", "Ceyda")[number % 3], weight=number % 4)
    services.apply_code(project, document="Workshop 2", code="Sprache", start=0, end=4, coder="Ben")
    first, second = (row.id for row in list_documents(project))

    codings = document_content(project, first).codings
    assert isinstance(codings, DocumentCodings)
    expected = _rows_the_plain_way(db, first)
    assert len(expected) > 50  # a few random duplicates are refused
    assert list(codings) == expected
    assert [codings[i] for i in range(len(codings))] == expected
    assert codings[-1] == expected[-1] and codings[3:7] == expected[3:7]
    assert list(document_content(project, second).codings) == _rows_the_plain_way(db, second)


def _shuffled(table: np.ndarray) -> np.ndarray:
    return table[np.random.default_rng(5).permutation(len(table))]


def test_a_document_without_codings(project: Project, workshop) -> None:
    (document,) = list_documents(project)
    codings = document_content(project, document.id).codings
    assert len(codings) == 0 and list(codings) == []


_rows = st.lists(st.builds(CodingRow, st.integers(1, 10**6), st.integers(1, 50), st.integers(0, 500),
                           st.integers(0, 500), st.sampled_from(["Anna", "Ben", "Çelik 😀"]), st.integers(0, 100)),
                 max_size=30)


@given(_rows, st.sets(st.sampled_from(["Anna", "Ben", "Çelik 😀"])))
def test_columns_hold_the_rows_they_were_made_of(rows: list[CodingRow], hidden: set[str]) -> None:
    codings = DocumentCodings.of_rows(rows)
    assert list(codings) == rows and len(codings) == len(rows)
    assert list(codings.without_coders(hidden)) == [row for row in rows if row.coder not in hidden]
    more = DocumentCodings.of_rows(rows[:3])
    more.extend(codings)
    assert list(more) == rows[:3] + rows
    if rows:
        assert codings[len(rows) - 1] == rows[-1]
        with pytest.raises(IndexError):
            codings[len(rows)]


@given(st.lists(st.tuples(st.integers(0, 3), st.integers(0, 3), st.integers(0, 3)), max_size=8, unique=True))
def test_rows_in_order_are_told_from_rows_out_of_order(rows: list[tuple[int, int, int]]) -> None:
    from app.services.queries import _in_order

    table = np.array(rows, dtype=np.int64).reshape(-1, 3)
    assert _in_order(table) == (rows == sorted(rows))
