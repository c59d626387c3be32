"""Connections lost as in a real week: the server restarted for maintenance while two coders code, a connection
ended in the middle of a change, the network gone right as a change is committed. Every change acknowledged is on
the server afterwards, none twice, and the client goes on without being restarted."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event, func, select

from app.models import Coding
from app.models.team import ChangeOutcomeUnknown, TeamOffline, open_team_project
from app.models.team_retries import RetryPolicy
from app.services import apply_code
from tests.team.cluster import SUPERUSER_PASSWORD
from tests.team.proxy import Relay

ROOT = Path(__file__).resolve().parents[2]


def _codings_at(project, start: int, end: int) -> int:  # noqa: ANN001
    with project.reading() as session:
        return session.scalar(select(func.count()).select_from(Coding).where(Coding.start == start, Coding.end == end))


def test_the_server_restarted_while_two_coders_code_loses_nothing_and_doubles_nothing(cluster, published):
    environment = {**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}
    clients = [
        subprocess.Popen([sys.executable, "-m", "tests.team.coding_client", published, coder, "40", str(seed), "0.05"],
                         cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for seed, coder in enumerate(["anna", "ben"])
    ]
    with open_team_project(published, password=SUPERUSER_PASSWORD) as look:
        deadline = time.monotonic() + 60
        while _coded_by_clients(look) < 10 and time.monotonic() < deadline:  # both are coding by now
            time.sleep(0.1)
    cluster.restart()
    results = []
    for client in clients:
        out, err = client.communicate(timeout=180)
        assert client.returncode == 0, err  # no change failed: each was made again once the server was back
        results.append(json.loads(out))

    made = [guid for result in results for guid in result["guids"]]
    with open_team_project(published, password=SUPERUSER_PASSWORD) as after, after.reading() as session:
        stored = list(session.scalars(select(Coding.guid)))
        doubled = session.execute(
            select(func.count()).select_from(Coding)
            .group_by(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
            .having(func.count() > 1)
        ).all()
    assert set(made) <= set(stored) and len(stored) == len(set(stored)) == 3 + len(made)
    assert doubled == []
    assert all(len(result["latencies"]) == 40 for result in results)


def _coded_by_clients(project) -> int:  # noqa: ANN001
    with project.reading() as session:
        return session.scalar(select(func.count()).select_from(Coding)) - 3


def test_a_connection_ended_in_the_middle_of_a_change_is_made_again_once(team, admin):
    anna = team()
    ended = []

    @event.listens_for(anna.engine, "before_cursor_execute")
    def end_it(connection, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith("INSERT INTO CODING") and not ended:
            pid = connection.connection.dbapi_connection.info.backend_pid
            admin(f"SELECT pg_terminate_backend({pid})")  # the administrator, or the server going down
            ended.append(pid)

    changes = apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")

    assert ended and len(changes.ids("coding")) == 1
    assert _codings_at(anna, 3, 6) == 1
    apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=6, end=9, coder="anna")  # and goes on
    assert _codings_at(anna, 6, 9) == 1


@pytest.fixture
def relay(cluster):
    running = Relay(cluster.port)
    yield running
    running.close()


@pytest.mark.parametrize("when", ["before", "after"])
def test_a_commit_whose_answer_is_lost_is_checked_and_never_made_twice(relay, published, when):
    """"after": the server committed, the answer was lost, and the change is not made again; "before": the
    COMMIT never arrived, nothing was saved, and the change is made again, once."""
    anna = open_team_project(relay.url(published), password=SUPERUSER_PASSWORD)
    try:
        relay.cut_at_commit = when
        changes = apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")
        assert relay.cuts == 1 and len(changes.ids("coding")) == 1
        assert _codings_at(anna, 3, 6) == 1
        with anna.reading() as session:
            assert session.get(Coding, changes.ids("coding")[0]).start == 3  # the id given back is the stored one
    finally:
        anna.close()


def test_a_commit_whose_outcome_cannot_be_asked_is_told_and_found_out_later(relay, published):
    anna = open_team_project(relay.url(published), password=SUPERUSER_PASSWORD,
                             retries=RetryPolicy(reconnect_s=0.5))
    try:
        relay.cut_at_commit = "after"
        relay.down = True  # the network stays away: the server cannot be asked what became of the change
        with pytest.raises(ChangeOutcomeUnknown, match="cannot be asked yet whether it was") as unknown:
            apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")
        relay.come_back()
        deadline = time.monotonic() + 20
        while anna.outcome(unknown.value.mark) is None and time.monotonic() < deadline:
            time.sleep(0.1)
        assert anna.outcome(unknown.value.mark) == "committed"
        assert _codings_at(anna, 3, 6) == 1
    finally:
        anna.close()


def test_while_the_network_is_away_changes_fail_with_a_clear_message_and_work_goes_on_after(relay, published):
    anna = open_team_project(relay.url(published), password=SUPERUSER_PASSWORD,
                             retries=RetryPolicy(reconnect_s=0.5))
    try:
        relay.go_down()
        with pytest.raises(TeamOffline, match="your last change was not saved|cannot be reached"):
            apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")
        relay.come_back()
        apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=3, end=6, coder="anna")
        assert _codings_at(anna, 3, 6) == 1
    finally:
        anna.close()
