"""Who may do what is enforced by the database's grants; passwords come from the usual places, never stored."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine, text

from app.models.team import PasswordNeeded, TeamPermissionDenied, TeamProject, open_team_project
from app.models.team_roles import members, set_member_role
from app.services import add_code, apply_code, rename_code, set_memo
from tests.team.cluster import SUPERUSER_PASSWORD


@pytest.fixture
def colleague(cluster, admin, published, team):
    """Make a login role with a password and give it a team role (by the owner, through team_roles)."""
    made: list[str] = []

    def make(name: str, role: str | None) -> str:
        if name not in made:
            admin(f"CREATE ROLE {name} LOGIN PASSWORD 'pw-{name}'")
            made.append(name)
        with team().engine.begin() as connection:
            set_member_role(connection, name, role)
        return published.replace("fc_admin@", f"{name}@")

    yield make
    for name in made:
        admin(f"DROP OWNED BY {name}")
        admin(f"DROP ROLE {name}")


def test_a_reader_opens_read_only_and_the_database_itself_refuses_a_write(colleague):
    url = colleague("rita", "reader")
    project = open_team_project(url, password="pw-rita")
    try:
        assert project.role == "reader" and project.read_only
        with pytest.raises(TeamPermissionDenied):
            apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="rita")
        # Not only the app's own check: with it bypassed, PostgreSQL refuses the INSERT.
        project.read_only = False
        with pytest.raises(TeamPermissionDenied, match=r"role in this team project \(reader\)"):
            apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="rita")
        engine = create_engine(url.replace("rita@", "rita:pw-rita@"))
        with engine.connect() as connection, pytest.raises(Exception, match="permission denied"):
            connection.execute(text("DELETE FROM coding"))
        engine.dispose()
    finally:
        project.close()


def test_a_coder_codes_and_writes_memos_but_may_not_change_the_code_tree(colleague, team):
    url = colleague("carl", "coder")
    project = open_team_project(url, password="pw-carl")
    try:
        assert project.role == "coder" and not project.read_only
        apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="carl")
        set_memo(project, "Interessant", document="Gruppe 1")
        with pytest.raises(TeamPermissionDenied):
            rename_code(project, "Faktoren/Sprache", "Deutsch")
        with pytest.raises(TeamPermissionDenied):
            add_code(project, "Neu")
    finally:
        project.close()


def test_an_editor_changes_the_code_tree_and_roles_can_be_changed_and_taken_away(colleague, team):
    url = colleague("eva", "editor")
    with open_team_project(url, password="pw-eva") as project:
        assert project.role == "editor"
        rename_code(project, "Faktoren/Sprache", "Deutsch")
    colleague("eva", "reader")
    with open_team_project(url, password="pw-eva") as project:
        assert project.role == "reader"
    with team().engine.connect() as connection:
        assert ("eva", "reader") in members(connection)
    colleague("eva", None)
    with team().engine.connect() as connection:
        assert "eva" not in [user for user, _ in members(connection)]


def test_without_a_password_the_caller_is_asked_and_a_wrong_one_is_named(published, monkeypatch, tmp_path):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    with pytest.raises(PasswordNeeded) as asked:
        open_team_project(published)
    assert not asked.value.wrong and "asks for a password" in str(asked.value)
    with pytest.raises(PasswordNeeded) as wrong:
        open_team_project(published, password="falsch")
    assert wrong.value.wrong


def test_the_password_comes_from_pgpass_or_the_environment(cluster, published, monkeypatch, tmp_path):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    pgpass = tmp_path / "pgpass"
    pgpass.write_text(f"127.0.0.1:{cluster.port}:*:fc_admin:{SUPERUSER_PASSWORD}\n")
    pgpass.chmod(0o600)  # libpq ignores a .pgpass that others can read
    monkeypatch.setenv("PGPASSFILE", str(pgpass))
    with open_team_project(published) as project:
        assert project.role == "owner"
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    monkeypatch.setenv("PGPASSWORD", SUPERUSER_PASSWORD)
    with open_team_project(published) as project:
        assert project.info().name == "Teamstudie"


def test_the_shown_address_never_holds_the_password(published):
    with_secret = published.replace("fc_admin@", f"fc_admin:{SUPERUSER_PASSWORD}@")
    with open_team_project(with_secret) as project:
        assert SUPERUSER_PASSWORD not in project.location and SUPERUSER_PASSWORD not in str(project.path)
        assert project.url.password is None


def test_tls_settings_in_the_address_reach_the_server_connection(published):
    refused = published + "?sslmode=require"  # the test server has no TLS: libpq must refuse, as asked
    with pytest.raises(Exception, match="SSL|ssl"):
        open_team_project(refused, password=SUPERUSER_PASSWORD)


def test_not_a_focuscoder_database_is_refused(cluster, admin):
    admin("CREATE DATABASE other")
    with pytest.raises(Exception, match="holds no FocusCoder project"):
        open_team_project(cluster.url(database="other"), password=SUPERUSER_PASSWORD)
    assert TeamProject  # imported for the type only


def test_someone_without_a_role_cannot_even_connect(admin, published):
    admin("CREATE ROLE nora LOGIN PASSWORD 'pw-nora'")
    try:
        with pytest.raises(TeamPermissionDenied, match="you have no role in this team project"):
            open_team_project(published.replace("fc_admin@", "nora@"), password="pw-nora")
    finally:
        admin("DROP ROLE nora")


def test_a_coder_and_a_reader_can_search_a_team_project_that_has_no_language_index_yet(colleague):
    from app.analysis.search import search

    for name, role in (("sina", "coder"), ("rene", "reader")):
        with open_team_project(colleague(name, role), password=f"pw-{name}") as project:
            hits = search(project, "Sprachkurs", mode="lemma")  # the coder stores the index, the reader keeps it
            assert [hit.document for hit in hits] == ["Gruppe 1"]
