"""Team-project fixtures: one throwaway PostgreSQL cluster per test run, a fresh database per test.

Without PostgreSQL installed the team tests are skipped, except where FOCUSCODER_REQUIRE_POSTGRES=1 (`.ci/run` and
`make test` set it, after installing the server): there a missing server fails the run rather than hiding it.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.models import create_project
from app.models.team import TeamProject, open_team_project
from app.models.team_copy import publish
from app.services import add_code, apply_code, import_documents
from tests.conftest import build_document
from tests.team.cluster import SUPERUSER_PASSWORD, Cluster, find_bindir, start_cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def cluster() -> Iterator[Cluster]:
    if find_bindir() is None:
        if os.environ.get("FOCUSCODER_REQUIRE_POSTGRES") == "1":
            pytest.fail("PostgreSQL is required here (FOCUSCODER_REQUIRE_POSTGRES=1) but initdb was not found")
        pytest.skip("PostgreSQL is not installed; `.ci/run` installs it")
    running = start_cluster()
    yield running
    running.stop()


@pytest.fixture
def admin(cluster) -> Callable[[str], None]:
    """Run one statement as the cluster's superuser, outside a transaction (CREATE DATABASE / ROLE)."""
    engine = create_engine(cluster.url(password=SUPERUSER_PASSWORD), isolation_level="AUTOCOMMIT")

    def run(statement: str) -> None:
        with engine.connect() as connection:
            connection.execute(text(statement))

    yield run
    engine.dispose()


@pytest.fixture
def team_url(cluster, admin) -> str:
    """The address of a new, empty database (no password in it: tests hand it over like a user's .pgpass)."""
    name = f"study{next(_numbers)}"
    admin(f"CREATE DATABASE {name}")
    return cluster.url(database=name)


def small_project(path: Path) -> Path:
    """A project file with two transcripts, a small code tree and a few codings by two coders."""
    project = create_project(path, name="Teamstudie")
    try:
        import_documents(project, [
            build_document("Gruppe 1", [
                ("Moderatorin", "Was hilft bei der Integration in Ausbildung?"),
                ("Frau Ahmadi", "Sprachkurse helfen, und ein Mentor im Betrieb. زبان مهم است 🙂"),
                ("Herr Keller", "Die Anerkennung der Abschlüsse dauert zu lange."),
            ]),
            build_document("Gruppe 2", [
                ("Moderatorin", "Und was fehlt?"),
                ("Frau Weber", "Kinderbetreuung während der Kurse."),
            ]),
        ])
        for code in ("Faktoren/Sprache", "Faktoren/Anerkennung", "Maßnahmen/Mentoring", "Maßnahmen/Kinderbetreuung"):
            add_code(project, code)
        apply_code(project, document="Gruppe 1", code="Faktoren/Sprache", start=71, end=82, coder="anna")
        apply_code(project, document="Gruppe 1", code="Maßnahmen/Mentoring", start=95, end=116, coder="ben")
        apply_code(project, document="Gruppe 2", code="Maßnahmen/Kinderbetreuung", start=40, end=55, coder="anna")
    finally:
        project.close()
    return path


@pytest.fixture
def study_file(tmp_path) -> Path:
    return small_project(tmp_path / "teamstudie.fcproj")


@pytest.fixture
def published(study_file, team_url) -> str:
    publish(study_file, team_url, password=SUPERUSER_PASSWORD)
    return team_url


@pytest.fixture
def team(published) -> Iterator[Callable[..., TeamProject]]:
    """Open the published team project as a client (the owner unless told otherwise); closed after the test."""
    opened: list[TeamProject] = []

    def open_(url: str = published, password: str = SUPERUSER_PASSWORD, **kwargs) -> TeamProject:
        project = open_team_project(url, password=password, **kwargs)
        opened.append(project)
        return project

    yield open_
    for project in opened:
        project.close()
