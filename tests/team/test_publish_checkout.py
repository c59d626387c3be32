"""Publish a file as a team project, check it out for offline work, code on the train, merge back: nothing lost."""

from __future__ import annotations

import pytest
from sqlalchemy import Connection, select

from app.models import Base, ProjectFileError, open_project
from app.models.team import open_team_project
from app.models.team_copy import checkout, publish
from app.services import apply_code, set_memo
from app.services.merge import merge_project
from tests.team.cluster import SUPERUSER_PASSWORD

PASSWORD = SUPERUSER_PASSWORD


def dump(connection: Connection) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    return {
        table.name: [tuple(row) for row in connection.execute(select(table).order_by(*table.primary_key.columns))]
        for table in Base.metadata.sorted_tables
    }


def test_publish_copies_everything_and_checkout_brings_it_back_identical(study_file, team_url, tmp_path):
    counts = publish(study_file, team_url, password=PASSWORD)
    assert counts["coding"] == 3 and counts["document"] == 2 and counts["code"] == 6

    with open_project(study_file, read_only=True) as source, source.engine.connect() as connection:
        original = dump(connection)
    with open_team_project(team_url, password=PASSWORD) as server, server.engine.connect() as connection:
        assert dump(connection) == original  # ids, GUIDs, texts, times: all the same

    copy = tmp_path / "offline.fcproj"
    checkout(team_url, copy, password=PASSWORD)
    with open_project(copy, read_only=True) as offline, offline.engine.connect() as connection:
        assert dump(connection) == original


def test_publishing_into_a_database_that_holds_tables_is_refused_and_changes_nothing(study_file, published, team):
    with pytest.raises(ProjectFileError, match="already holds tables"):
        publish(study_file, published, password=PASSWORD)
    from app.services import queries

    assert len(queries.list_codes(team())) == 6


def test_offline_work_merges_back_with_nothing_lost_or_doubled(published, team, tmp_path):
    copy = tmp_path / "zug.fcproj"
    checkout(published, copy, password=PASSWORD)
    # On the train: new codings and a memo in the copy ...
    with open_project(copy) as offline:
        apply_code(offline, document="Gruppe 1", code="Faktoren/Anerkennung", start=150, end=161, coder="anna")
        set_memo(offline, "Im Zug codiert", document="Gruppe 2")
    # ... while a colleague codes on the server.
    server = team()
    apply_code(server, document="Gruppe 2", code="Faktoren/Sprache", start=40, end=55, coder="ben")

    summary = merge_project(server, copy)
    assert summary.added["coding"] == 1

    with server.reading() as session:
        from app.models import Coding, Memo

        rows = session.execute(select(Coding.start, Coding.end)).all()
        memos = session.scalars(select(Memo.text)).all()
    assert sorted(rows) == [(40, 55), (40, 55), (71, 82), (95, 116), (150, 161)]
    assert "Im Zug codiert" in memos

    again = merge_project(server, copy)  # merging the same copy twice adds nothing
    assert again.added["coding"] == 0


def test_publishing_without_the_right_to_create_tables_changes_nothing(study_file, team_url, admin):
    admin("CREATE ROLE pia LOGIN PASSWORD 'pw-pia'")
    try:
        with pytest.raises(ProjectFileError, match="publishing failed, nothing was kept"):
            publish(study_file, team_url.replace("fc_admin@", "pia@"), password="pw-pia")
    finally:
        admin("DROP ROLE pia")
    with pytest.raises(ProjectFileError, match="holds no FocusCoder project"):  # the database is empty as before
        open_team_project(team_url, password=PASSWORD)
