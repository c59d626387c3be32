"""The dot vote's services: points per measure (optionally by institution), the measures parent, participant
marks and the study's description, against a real project file."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from app.models import open_project
from app.services import ServiceError, add_code, delete_code, import_documents
from app.services.study import StudyInfo, set_study_info, study_info
from app.services.votes import (
    entered_votes,
    mark_participant,
    measures_parent,
    participant_mark,
    replace_votes,
    set_measures_parent,
    set_votes,
    votes_of,
)
from tests.conftest import build_document

REVISIONS = Path(__file__).resolve().parents[1] / "models" / "revisions"


@pytest.fixture
def measures(project):
    for path in ("Maßnahmen", "Maßnahmen/Lotsenstelle", "Maßnahmen/Sprachkurs im Betrieb"):
        add_code(project, path)
    return project


def test_points_are_set_changed_and_removed(measures, db):
    changes = set_votes(measures, "Maßnahmen/Lotsenstelle", 10)
    assert changes.ids("vote") and db.rows("SELECT institution, points FROM vote") == [("", 10)]
    set_votes(measures, "Maßnahmen/Lotsenstelle", "12")
    assert db.rows("SELECT institution, points FROM vote") == [("", 12)]
    set_votes(measures, "Maßnahmen/Lotsenstelle", None)
    assert db.count("vote") == 0


def test_points_by_institution_add_up_and_one_count_replaces_them(measures, db):
    set_votes(measures, "Maßnahmen/Lotsenstelle", 3, institution="Jobcenter")
    set_votes(measures, "Maßnahmen/Lotsenstelle", 2, institution="IHK")
    assert votes_of(measures, "Maßnahmen/Lotsenstelle") == {"IHK": 2, "Jobcenter": 3}
    set_votes(measures, "Maßnahmen/Lotsenstelle", None, institution="IHK")
    assert votes_of(measures, "Maßnahmen/Lotsenstelle") == {"Jobcenter": 3}
    set_votes(measures, "Maßnahmen/Lotsenstelle", 7)
    assert votes_of(measures, "Maßnahmen/Lotsenstelle") == {"": 7}
    assert entered_votes(measures)[0].points == 7


def test_replace_votes_puts_back_what_was_there(measures, db):
    set_votes(measures, "Maßnahmen/Lotsenstelle", 3, institution="Jobcenter")
    before = votes_of(measures, "Maßnahmen/Lotsenstelle")
    set_votes(measures, "Maßnahmen/Lotsenstelle", 9)
    replace_votes(measures, "Maßnahmen/Lotsenstelle", before)
    assert db.rows("SELECT institution, points FROM vote") == [("Jobcenter", 3)]


@pytest.mark.parametrize("points", [-1, "viele", 1.5, 10**9, True])
def test_bad_points_are_refused_and_change_nothing(measures, db, points):
    set_votes(measures, "Maßnahmen/Lotsenstelle", 4)
    before = db.dump()
    with pytest.raises(ServiceError):
        set_votes(measures, "Maßnahmen/Lotsenstelle", points)
    assert db.dump() == before


def test_an_unknown_code_is_refused(measures, db):
    with pytest.raises(ServiceError, match="no code"):
        set_votes(measures, "Maßnahmen/Gibt es nicht", 3)
    assert db.count("vote") == 0


def test_deleting_a_measure_deletes_its_votes(measures, db):
    set_votes(measures, "Maßnahmen/Lotsenstelle", 4)
    delete_code(measures, "Maßnahmen/Lotsenstelle")
    assert db.count("vote") == 0


def test_the_measures_parent_is_remembered_and_forgotten_with_its_code(measures, db):
    assert measures_parent(measures) is None
    add_code(measures, "Empfehlungen")
    set_measures_parent(measures, "Empfehlungen")
    assert measures_parent(measures) == "Empfehlungen"
    assert not set_measures_parent(measures, "Empfehlungen")  # nothing to change
    delete_code(measures, "Empfehlungen")
    assert measures_parent(measures) is None
    with pytest.raises(ServiceError):
        set_measures_parent(measures, "Nichts")


def test_a_speaker_is_marked_as_participant_or_not(project, db):
    import_documents(project, [build_document("G1", [("Moderatorin", "Hallo"), ("Anna", "Ja")])])
    assert participant_mark(project, "Anna") is None
    mark_participant(project, "Moderatorin", False)
    assert db.rows("SELECT name, participant FROM speaker ORDER BY id") == [("Moderatorin", 0), ("Anna", None)]
    assert not mark_participant(project, "Moderatorin", False)
    mark_participant(project, "Moderatorin", None)
    assert participant_mark(project, "Moderatorin") is None
    with pytest.raises(ServiceError):
        mark_participant(project, "Niemand", True)


def test_the_study_description_is_set_read_and_checked(project, db):
    info = StudyInfo(title=" Workshop ", date=date(2024, 11, 12), place="Raum 2", duration_minutes=118,
                     phases=("Vorstellung", " ", "Punktabfrage"), transcription_rules="geglättet",
                     coding_procedure="strukturierend", points_per_person=6, max_points_per_measure=2, voters=9)
    set_study_info(project, info)
    read = study_info(project)
    assert read.title == "Workshop" and read.phases == ("Vorstellung", "Punktabfrage") and read.total_points == 54
    assert read.date == date(2024, 11, 12)
    assert db.value("SELECT phases FROM study") == "Vorstellung\nPunktabfrage"
    assert not set_study_info(project, read)
    before = db.dump()
    for bad in (StudyInfo(voters=-1), StudyInfo(points_per_person=2, max_points_per_measure=3),
                StudyInfo(duration_minutes="lang")):
        with pytest.raises(ServiceError):
            set_study_info(project, bad)
    assert db.dump() == before
    set_study_info(project, StudyInfo())
    assert study_info(project).is_empty()


def test_a_project_of_the_revision_before_takes_votes_after_its_upgrade(tmp_path, opened):
    path = tmp_path / "alt.fcproj"
    shutil.copyfile(REVISIONS / "revision_0005.fcproj", path)
    project = opened(open_project(path))
    set_votes(project, "Sprache/Kurs", 5)
    mark_participant(project, "Moderatorin", False)
    set_study_info(project, StudyInfo(voters=3))
    assert votes_of(project, "Sprache/Kurs") == {"": 5}
    with project.reading() as session:  # the card's points, from before the upgrade, are still there
        votes = session.connection().exec_driver_sql("SELECT votes FROM turn ORDER BY id").scalars().all()
    assert votes == [2, 3]


def test_merging_two_measures_adds_their_points(measures, db):
    set_votes(measures, "Maßnahmen/Lotsenstelle", 3, institution="IHK")
    set_votes(measures, "Maßnahmen/Lotsenstelle", 1, institution="Jobcenter")
    set_votes(measures, "Maßnahmen/Sprachkurs im Betrieb", 2, institution="IHK")
    from app.services import merge_codes

    merge_codes(measures, "Maßnahmen/Sprachkurs im Betrieb", "Maßnahmen/Lotsenstelle")
    assert votes_of(measures, "Maßnahmen/Lotsenstelle") == {"IHK": 5, "Jobcenter": 1}
    assert db.count("vote") == 2


def test_merging_a_colleagues_project_brings_their_votes_and_keeps_ours(project, tmp_path, opened):
    from app.services.merge import merge_project

    import_documents(project, [build_document("W", [("Moderatorin", "Hallo"), ("Anna", "Ja")])])
    for path in ("Maßnahmen/Lotse", "Maßnahmen/Kurs", "Empfehlungen"):
        add_code(project, path)
    set_votes(project, "Maßnahmen/Lotse", 4)
    copy = tmp_path / "ben.fcproj"
    shutil.copyfile(project.path, copy)
    other = opened(open_project(copy))
    set_votes(other, "Maßnahmen/Lotse", 5)  # a different count: ours is kept, and the summary says so
    set_votes(other, "Maßnahmen/Kurs", 2, institution="IHK")
    add_code(other, "Maßnahmen/Neu")
    set_votes(other, "Maßnahmen/Neu", 1)
    mark_participant(other, "Moderatorin", False)
    set_measures_parent(other, "Maßnahmen")
    summary = merge_project(project, copy)
    assert votes_of(project, "Maßnahmen/Lotse") == {"": 4}
    assert votes_of(project, "Maßnahmen/Kurs") == {"IHK": 2} and votes_of(project, "Maßnahmen/Neu") == {"": 1}
    assert summary.added["vote"] == 2 and any(kind == "vote" for kind, _ in summary.left_out)
    assert "2 votes" in summary.lines()[0]
    assert participant_mark(project, "Moderatorin") is False
    assert measures_parent(project) == "Maßnahmen"
    again = merge_project(project, copy)
    assert again.added["vote"] == 0 and again.matched["vote"] == 2  # Lotse differs still: left out again
