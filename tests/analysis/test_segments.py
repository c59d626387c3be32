"""One passage, one segment: several coders' codings of one passage (document, code, span) count and quote once,
with their coders listed; different codes or spans stay apart; the coder filter still sees each coder's own."""

from __future__ import annotations

import random

import numpy as np

from app import services
from app.analysis.dataset import Selection, clear_kept, load
from app.analysis.frequencies import code_frequencies, code_tree_frequencies
from app.analysis.matrices import code_by_speaker
from app.analysis.quotes import coded_segments, quotes
from app.analysis.speaker_overview import speaker_overview

TURNS = [("Anna", "Sprachförderung im Betrieb hilft allen."), ("Berk", "Mentoring auch, sagt Berk.")]


def _project(new_project, make_transcript):
    project = new_project()
    services.import_documents(project, [make_transcript("Workshop", TURNS)])
    services.add_code(project, "Maßnahmen/Sprache")
    services.add_code(project, "Maßnahmen/Mentoring")
    return project


def test_two_coders_on_one_passage_are_one_segment(new_project, make_transcript):
    project = _project(new_project, make_transcript)
    quote = services.apply_code_to_quote
    first = quote(project, document="Workshop", code="Maßnahmen/Sprache", quote=TURNS[0][1], coder="Lena", weight=20)
    quote(project, document="Workshop", code="Maßnahmen/Sprache", quote=TURNS[0][1], coder="Murat", weight=70)
    services.set_memo(project, "Lenas Notiz", coding_id=first.ids("coding")[0])
    # The same span with another code, and a span one character shorter: segments of their own.
    quote(project, document="Workshop", code="Maßnahmen/Mentoring", quote=TURNS[0][1], coder="Murat")
    quote(project, document="Workshop", code="Maßnahmen/Sprache", quote=TURNS[0][1][:-1], coder="Murat")

    rows = {row.code: row.codings for row in code_frequencies(project)}
    assert rows == {"Maßnahmen": 0, "Maßnahmen/Sprache": 2, "Maßnahmen/Mentoring": 1}
    tree = {f.code: f for f in code_tree_frequencies(project)}
    assert tree["Maßnahmen"].total_codings == 3 and tree["Maßnahmen/Sprache"].words == 5 + 5
    found = quotes(project, "Maßnahmen/Sprache")
    assert [(q.text, q.coder, q.weight) for q in found] == [
        (TURNS[0][1][:-1], "Murat", 0), (TURNS[0][1], "Lena, Murat", 70)]
    assert found[1].memo == "Lenas Notiz"
    assert len(coded_segments(project)) == 3
    matrix = code_by_speaker(project)
    assert matrix.cells[matrix.rows.index("Maßnahmen/Sprache")] == [2, 0]
    assert [(s.speaker, s.codings) for s in speaker_overview(project) if s.document is None] == [
        ("Anna", 3), ("Berk", 0)]
    # Each coder's codings stay: the coder filter sees one coder's own, as before.
    assert len(load(project).coding_table) == 4
    lena = {row.code: row.codings for row in code_frequencies(project, selection=Selection(coders=("Lena",)))}
    assert lena["Maßnahmen/Sprache"] == 1


def test_segments_of_data_with_parts_cut_before_match_a_fresh_cut(random_study):
    """The view takes the parts already cut for all codings; the same as cutting its own rows afresh."""
    project, model = random_study
    rng = random.Random(7)
    for name, code, start, end, _ in rng.sample(model.codings, 40):  # the other coder codes the same passages
        services.apply_code(project, document=name, code=code, start=start, end=end, coder="Zweitcodiererin")
    clear_kept()
    data = load(project)
    data.parts().words  # noqa: B018 - cut and counted before the view is made
    view = data.segments()
    clear_kept()
    fresh = load(project)
    fresh_view = fresh.segments()
    fresh_parts, taken = fresh_view.parts(), view.parts()
    for column in ("coding", "turn", "speaker", "starts", "ends", "words"):
        assert np.array_equal(getattr(fresh_parts, column), getattr(taken, column)), column
    assert np.array_equal(view.coding_table, fresh_view.coding_table)
    distinct = {(doc, code, start, end) for doc, code, start, end, _ in model.codings}
    assert len(view.coding_table) == len(distinct) < len(data.coding_table)
    assert view.segments() is view


def test_one_coder_needs_no_copy(small_workshop):
    project, _ = small_workshop
    data = load(project)
    assert data.segments() is data


def test_agreement_sees_each_coders_codings_through_the_segments(new_project, make_transcript):
    """The report hands its analyses the segments; the agreement still compares both coders' own codings."""
    from app.analysis.agreement import agreement_of_data

    project = _project(new_project, make_transcript)
    for coder in ("Lena", "Murat"):
        services.apply_code_to_quote(project, document="Workshop", code="Maßnahmen/Sprache", quote=TURNS[0][1],
                                     coder=coder)
    services.apply_code_to_quote(project, document="Workshop", code="Maßnahmen/Mentoring", quote=TURNS[1][1],
                                 coder="Lena")
    data = load(project)
    view = data.segments()
    assert view is not data and view.per_coding() is data and len(view.coding_table) == 2
    through_view, direct = agreement_of_data(view, "Lena", "Murat"), agreement_of_data(data, "Lena", "Murat")
    assert through_view.overall == direct.overall
    assert {c.code: c.table for c in through_view.codes} == {c.code: c.table for c in direct.codes}
