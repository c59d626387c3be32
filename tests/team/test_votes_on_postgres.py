"""The dot vote on a team project (PostgreSQL): the same schema, the same services and the same ranking; a
published file's votes and study description travel to the server and back."""

from __future__ import annotations

from datetime import date

from app.analysis.priorities import priority_ranking
from app.models import open_project
from app.models.team import open_team_project
from app.models.team_copy import checkout, publish
from app.services.study import StudyInfo, set_study_info, study_info
from app.services.votes import mark_participant, set_measures_parent, set_votes, votes_of
from tests.team.cluster import SUPERUSER_PASSWORD


def test_votes_and_the_ranking_on_a_team_project(team):
    project = team()
    set_votes(project, "Maßnahmen/Kinderbetreuung", 5)
    set_votes(project, "Maßnahmen/Mentoring", 2, institution="IHK")
    mark_participant(project, "Moderatorin", False)
    set_measures_parent(project, "Maßnahmen")
    set_study_info(project, StudyInfo(date=date(2024, 11, 12), phases=("Eins", "Zwei"), voters=3))
    ranking = priority_ranking(project)
    assert [(r.rank, r.name, r.points) for r in ranking] == [(1, "Kinderbetreuung", 5), (2, "Mentoring", 2)]
    assert study_info(project).phases == ("Eins", "Zwei") and study_info(project).date == date(2024, 11, 12)
    assert votes_of(project, "Maßnahmen/Mentoring") == {"IHK": 2}


def test_published_votes_come_back_with_a_checkout(study_file, team_url, tmp_path):
    with open_project(study_file) as project:
        set_votes(project, "Maßnahmen/Mentoring", 7)
        set_study_info(project, StudyInfo(title="Teamstudie", points_per_person=3))
    publish(study_file, team_url, password=SUPERUSER_PASSWORD)
    with open_team_project(team_url, password=SUPERUSER_PASSWORD) as server:
        assert votes_of(server, "Maßnahmen/Mentoring") == {"": 7}
    copy = tmp_path / "offline.fcproj"
    checkout(team_url, copy, password=SUPERUSER_PASSWORD)
    with open_project(copy, read_only=True) as offline:
        assert votes_of(offline, "Maßnahmen/Mentoring") == {"": 7}
        assert study_info(offline).title == "Teamstudie"
