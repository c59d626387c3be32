"""An older team project is upgraded by its owner only; a dropped server connection costs one change, clearly."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, func, select, text

from app.models import Coding, ProjectFileError, migrations
from app.models.team import TeamPermissionDenied, open_team_project
from app.models.team_roles import create_group_roles, set_member_role
from app.services import apply_code
from tests.team.cluster import SUPERUSER_PASSWORD


def _old_team_project(url: str) -> None:
    engine = create_engine(url.replace("fc_admin@", f"fc_admin:{SUPERUSER_PASSWORD}@"))
    try:
        with engine.begin() as connection:
            migrations.upgrade_connection(connection, "0003")
            connection.execute(text("INSERT INTO project (id, guid, name, language, created_at, created_with) "
                                    "VALUES (1, 'g', 'Alt', 'de', now(), 'FocusCoder 0.1')"))
            connection.execute(text("INSERT INTO coder (id, guid, name, created_at) VALUES (1, 'c', 'anna', now())"))
            connection.execute(text("INSERT INTO code (id, guid, name, color, definition, anchor_example, coding_rule, "
                                    "position, created_at) VALUES (1, 'k', 'Sprache', '#FF0000', '', '', '', 0, now())"))
    finally:
        engine.dispose()


def test_the_owner_upgrades_an_older_team_project_a_colleague_is_told_to_wait(team_url, admin):
    _old_team_project(team_url)
    admin("CREATE ROLE olga LOGIN PASSWORD 'pw-olga'")
    try:
        with pytest.raises(TeamPermissionDenied, match="you have no role in this team project"):
            open_team_project(team_url.replace("fc_admin@", "olga@"), password="pw-olga")
        engine = create_engine(team_url.replace("fc_admin@", f"fc_admin:{SUPERUSER_PASSWORD}@"))
        with engine.begin() as connection:
            create_group_roles(connection)
            set_member_role(connection, "olga", "editor")
        engine.dispose()
        with pytest.raises(ProjectFileError, match="its owner must open it once to upgrade it"):
            open_team_project(team_url.replace("fc_admin@", "olga@"), password="pw-olga")
        with open_team_project(team_url, password=SUPERUSER_PASSWORD) as project:
            with project.engine.connect() as connection:
                assert connection.execute(text("SELECT version_num FROM alembic_version")).scalar() == migrations.head()
                assert connection.execute(text("SELECT version FROM code")).scalar() == 1
            assert project.info().name == "Alt"
    finally:
        admin("DROP OWNED BY olga")
        admin("DROP ROLE olga")


def test_a_dropped_connection_is_made_again_by_itself_and_the_change_is_saved_once(team, admin):
    project = team()
    apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="anna")
    database = project.url.database
    admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{database}' "
          "AND pid <> pg_backend_pid()")  # the server restarted, or the network went away for a moment
    changes = apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")
    assert len(changes.ids("coding")) == 1
    with project.reading() as session:
        assert session.scalar(select(func.count()).select_from(Coding).where(Coding.start == 3)) == 1
