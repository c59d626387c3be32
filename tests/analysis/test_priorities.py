"""The priority ranking follows the dot vote: points, then participants, then institutions; unvoted measures
after the voted ones; moderation and research team are no support. On the sample and on small projects."""

from __future__ import annotations

import shutil

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import services
from app.analysis.dataset import load
from app.analysis.priorities import PriorityRow, measures_parent, priority_ranking, ranked_rows
from app.analysis.votes import role_is_participant
from app.importers.base import ParsedDocument, ParsedTurn
from app.models import open_project
from app.sample_project import build_sample_project
from app.services.votes import mark_participant, set_measures_parent, set_votes
from tests.conftest import build_document


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = build_sample_project(tmp_path_factory.mktemp("sample") / "sample.fcproj")
    project = open_project(path)
    yield project
    project.close()


def test_the_sample_ranks_as_the_workshop_voted(sample):
    ranking = priority_ranking(sample)
    assert ranking[0].name == "Berufsbegleitende Sprachförderung im Betrieb"
    assert (ranking[0].rank, ranking[0].points) == (1, 14)
    assert ranking[0].share == pytest.approx(14 / 54)
    assert [row.points for row in ranking[:11]] == [14, 10, 8, 7, 5, 4, 3, 2, 1, 0, 0]
    assert sum(row.points for row in ranking[:11]) == 54
    last = ranking[-1]
    assert (last.name, last.rank, last.points, last.share) == ("Weitere Vorschläge ohne Abstimmung", None, None, None)
    assert measures_parent(load(sample)) == "Maßnahmen"


def test_the_samples_moderators_and_their_institute_are_no_support(sample, tmp_path):
    data = load(sample)
    institute = "Institut für Arbeitsmarkt- und Sozialforschung (fiktiv)"
    moderators = {sid for sid, values in data.speaker_attributes.items() if values.get("Institution") == institute}
    assert len(moderators) == 2
    for row in priority_ranking(data):
        assert row.proposed_by not in {data.speakers[s] for s in moderators}
    # Counted as participants (marked so in a copy), the moderators would support some measures: their words
    # are coded there.
    fewer = {r.code: r.speakers for r in priority_ranking(data, "Maßnahmen")}
    copy = tmp_path / "marked.fcproj"
    shutil.copyfile(sample.path, copy)
    with open_project(copy) as marked:
        for sid in moderators:
            mark_participant(marked, data.speakers[sid], True)
        more = {r.code: r.speakers for r in priority_ranking(marked, "Maßnahmen")}
    assert any(more[code] > fewer[code] for code in fewer)


# --- small projects --------------------------------------------------------------------------------------------


def _workshop(project, turns, *, roles=None, institutions=None, codes=("Maßnahmen/A", "Maßnahmen/B")):
    services.import_documents(project, [build_document("W", turns)])
    for speaker, role in (roles or {}).items():
        services.set_attribute(project, speaker=speaker, name="Rolle", value=role)
    for speaker, institution in (institutions or {}).items():
        services.set_attribute(project, speaker=speaker, name="Institution", value=institution)
    for code in codes:
        services.add_code(project, code)


TURNS = [("Mod", "Was schlagen Sie vor?"), ("Anna", "Ein Sprachkurs."), ("Ben", "Eine Lotsenstelle."),
         ("Cem", "Sprachkurs, ja."), ("Mod", "Und die Lotsenstelle?")]


def test_points_outrank_support_and_ties_share_a_rank(project):
    _workshop(project, TURNS, institutions={"Anna": "IHK", "Ben": "IHK", "Cem": "IHK"},
              codes=("Maßnahmen/Sprachkurs", "Maßnahmen/Lotse", "Maßnahmen/Dritte", "Maßnahmen/Vierte"))
    quote = services.apply_code_to_quote
    quote(project, document="W", code="Maßnahmen/Sprachkurs", quote="Ein Sprachkurs.")
    quote(project, document="W", code="Maßnahmen/Sprachkurs", quote="Sprachkurs, ja.")
    quote(project, document="W", code="Maßnahmen/Lotse", quote="Eine Lotsenstelle.")
    quote(project, document="W", code="Maßnahmen/Dritte", quote="Eine Lotsenstelle.")
    set_votes(project, "Maßnahmen/Sprachkurs", 2)
    set_votes(project, "Maßnahmen/Lotse", 5)
    set_votes(project, "Maßnahmen/Dritte", 2)
    ranking = priority_ranking(project, "Maßnahmen")
    assert [(r.rank, r.name, r.points, r.speakers, r.institutions) for r in ranking] == [
        (1, "Lotse", 5, 1, 1),  # fewer supporters, more points: the vote decides
        (2, "Sprachkurs", 2, 2, 1),
        (3, "Dritte", 2, 1, 1),
        (None, "Vierte", None, 0, 0),  # not voted on: after the others, without a rank
    ]
    assert ranking[0].share == pytest.approx(5 / 9)
    set_votes(project, "Maßnahmen/Sprachkurs", 5)
    set_votes(project, "Maßnahmen/Dritte", 5)
    quote(project, document="W", code="Maßnahmen/Lotse", quote="Sprachkurs, ja.")  # Cem, IHK: equal now
    ranking = priority_ranking(project, "Maßnahmen")
    assert [(r.rank, r.name) for r in ranking] == [(1, "Sprachkurs"), (1, "Lotse"), (3, "Dritte"), (None, "Vierte")]


@pytest.mark.parametrize("role", ["Moderation", "Co-Moderation und Protokoll", "Moderator(in)", "moderatorin",
                                  "Protokoll", "Forschungsteam", "Research team", "research-team member"])
def test_moderation_and_research_roles_are_no_support(project, role):
    _workshop(project, TURNS, roles={"Mod": role, "Anna": "Integrationsfachkraft"},
              institutions={"Mod": "Institut", "Anna": "IHK"})
    services.apply_code_to_quote(project, document="W", code="Maßnahmen/A", quote="Was schlagen Sie vor?")
    services.apply_code_to_quote(project, document="W", code="Maßnahmen/A", quote="Ein Sprachkurs.")
    row = next(r for r in priority_ranking(project, "Maßnahmen") if r.name == "A")
    assert (row.speakers, row.institutions, row.codings, row.proposed_by) == (1, 1, 2, "Anna")


@pytest.mark.parametrize("role", ["Integrationsfachkraft", "Arbeitgeberin (Pflegedienstleitung)", "Lehrer", "",
                                  "Ehrenamtliche Mentorin", "Teamleitung Forschung und Entwicklung"])
def test_other_roles_are_participants(role):
    assert role_is_participant(role)


def test_a_mark_overrides_the_role(project):
    _workshop(project, TURNS, roles={"Mod": "Moderation"})
    services.apply_code_to_quote(project, document="W", code="Maßnahmen/A", quote="Was schlagen Sie vor?")
    services.apply_code_to_quote(project, document="W", code="Maßnahmen/A", quote="Ein Sprachkurs.")
    assert priority_ranking(project, "Maßnahmen")[0].speakers == 1
    mark_participant(project, "Mod", True)
    assert priority_ranking(project, "Maßnahmen")[0].proposed_by == "Mod"
    mark_participant(project, "Anna", False)
    mark_participant(project, "Mod", None)
    assert priority_ranking(project, "Maßnahmen")[0].speakers == 0


def _cards(rows: list[tuple[str, str, int | None]]) -> ParsedDocument:
    text, turns = "", []
    for speaker, words, votes in rows:
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {words}\n"
        turns.append(ParsedTurn(speaker, start, start + len(words), votes=votes))
    return ParsedDocument("Karten", text, "karten.csv", "csv", tuple(turns))


def test_cards_count_their_points_once_however_often_they_are_coded(project):
    services.import_documents(project, [_cards([("Anna", "Sprachkurs im Betrieb", 4), ("Ben", "Lotsenstelle", 3),
                                                ("Cem", "Noch ein Kurs", 1), ("Dana", "Ohne Punkte", None)])])
    for code in ("Maßnahmen/Sprache", "Maßnahmen/Sprache/Im Betrieb", "Maßnahmen/Lotse", "Maßnahmen/Rest"):
        services.add_code(project, code)
    quote = services.apply_code_to_quote
    quote(project, document="Karten", code="Maßnahmen/Sprache", quote="Sprachkurs im Betrieb", coder="Lena")
    quote(project, document="Karten", code="Maßnahmen/Sprache", quote="Sprachkurs im Betrieb", coder="Murat")
    quote(project, document="Karten", code="Maßnahmen/Sprache/Im Betrieb", quote="Sprachkurs", coder="Lena")
    quote(project, document="Karten", code="Maßnahmen/Sprache", quote="Noch ein Kurs")
    quote(project, document="Karten", code="Maßnahmen/Lotse", quote="Lotsenstelle")
    quote(project, document="Karten", code="Maßnahmen/Rest", quote="Ohne Punkte")
    ranking = priority_ranking(project, "Maßnahmen")
    assert [(r.rank, r.name, r.points, r.speakers, r.codings) for r in ranking] == [
        (1, "Sprache", 5, 2, 3),  # 4 + 1: the first card once, though three codings touch it (two are one passage)
        (2, "Lotse", 3, 1, 1),
        (None, "Rest", None, 1, 1),
    ]
    set_votes(project, "Maßnahmen/Lotse", 9)  # a count entered takes precedence over the cards
    assert priority_ranking(project, "Maßnahmen")[0].name == "Lotse"


def test_the_measures_parent_is_found_by_name_or_as_chosen(project):
    _workshop(project, TURNS, codes=("Themen/X", "Handlungsempfehlungen/Y"))
    data = load(project)
    assert measures_parent(data) == "Handlungsempfehlungen"
    assert [r.name for r in priority_ranking(project)] == ["Y"]
    set_measures_parent(project, "Themen")
    assert [r.name for r in priority_ranking(project)] == ["X"]
    assert [r.name for r in priority_ranking(project, "Handlungsempfehlungen")] == ["Y"]


def test_without_a_parent_for_measures_the_ranking_says_so(project):
    _workshop(project, TURNS, codes=("Themen/X",))
    with pytest.raises(services.ServiceError, match="measures"):
        priority_ranking(project)


def test_measures_is_found_in_english_in_any_case(project):
    _workshop(project, TURNS, codes=("MEASURES/One",))
    assert measures_parent(load(project)) == "MEASURES"


_rows = st.lists(st.builds(
    PriorityRow, rank=st.none(), code=st.text(min_size=1, max_size=3), name=st.just("m"),
    points=st.none() | st.integers(0, 20), share=st.none(), speakers=st.integers(0, 5),
    institutions=st.none() | st.integers(0, 3), codings=st.integers(0, 5), proposed_by=st.none(),
    documents=st.integers(0, 2),
), max_size=12)


@settings(max_examples=200, deadline=None)
@given(_rows)
def test_every_ranking_orders_by_points_then_support_and_keeps_ties_together(rows):
    ranked = ranked_rows(rows)
    assert len(ranked) == len(rows)
    voted = [r for r in ranked if r.rank is not None]
    unvoted = [r for r in ranked if r.rank is None]
    assert ranked == voted + unvoted  # the unranked come last
    if any(r.points is not None for r in rows):
        assert all(r.points is not None for r in voted) and all(r.points is None for r in unvoted)
    else:
        assert not unvoted

    def key(r):
        return (r.points or 0, r.speakers, r.institutions or 0)

    for i, (a, b) in enumerate(zip(voted, voted[1:])):
        assert key(a) >= key(b)
        assert (a.rank == b.rank) == (key(a) == key(b))
        assert b.rank == (a.rank if key(a) == key(b) else i + 2)
    if voted:
        assert voted[0].rank == 1
