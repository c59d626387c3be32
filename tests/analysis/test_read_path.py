"""The analyses' data is read on the driver's connection, without SQLAlchemy: the same codes in the same tree
order with the same paths, the same metadata and the same speakers (found by an alias too) as the sessions'
queries and the services' look-ups give."""

from __future__ import annotations

from sqlalchemy import select

from app import services
from app.analysis.dataset import Selection, clear_kept, load
from app.analysis.overview import project_overview
from app.models import Code, ProjectInfo
from app.services.lookup import find_speaker
from app.services.queries import list_codes

# The study fixtures (new_project, small_workshop, random_study) come from tests/fixtures/study.py.


def test_codes_metadata_and_attributes_as_the_sessions_read_them(small_workshop):
    project, _ = small_workshop
    services.move_code(project, "Leer", "Sprache", position=0)  # positions, not names or ids, order the tree
    services.add_code(project, "Anerkennung/Berufe")
    data = load(project)
    listed = list_codes(project)  # through a session and the ORM
    assert [(code.id, code.path) for code in data.codes.values()] == [(row.id, row.path) for row in listed]
    assert [(code.path, code.codings) for code in project_overview(project).codes] == [
        (row.path, row.codings) for row in listed]
    with project.reading() as session:
        for code in session.scalars(select(Code)):
            info = data.codes[code.id]
            assert (info.parent_id, info.name, info.color, info.definition) == (
                code.parent_id, code.name, code.color, code.definition)
        row = session.get(ProjectInfo, 1)
        assert (data.name, data.language, data.created_at) == (row.name, row.language, row.created_at)
    assert {data.speakers[sid]: values for sid, values in data.speaker_attributes.items()} == {
        "Moderatorin": {"Institution": "Uni"}, "Anna": {"Institution": "IHK"}, "Yilmaz": {"Institution": "Jobcenter"}}


def test_a_speaker_is_chosen_by_any_of_their_names(small_workshop):
    project, _ = small_workshop
    services.rename_speaker(project, "Yilmaz", "Cem Yilmaz")  # "Yilmaz" stays as an alias
    clear_kept()
    by_alias = load(project, Selection(speakers=("yilmaz",)))
    by_name = load(project, Selection(speakers=("Cem Yilmaz",)))
    with project.reading() as session:
        assert list(by_alias.speakers) == [find_speaker(session, "yilmaz").id]
    assert by_alias.coding_table.tolist() == by_name.coding_table.tolist()
    assert list(by_alias.speakers.values()) == ["Cem Yilmaz"]
