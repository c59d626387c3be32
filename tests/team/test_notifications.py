"""Live notifications: a colleague's change reaches another client within seconds; its own changes do not."""

from __future__ import annotations

import queue
import time

from app.models.team_events import ChangeListener
from app.services import add_code, apply_code, set_memo


def _listen(project) -> tuple[ChangeListener, queue.Queue]:
    heard: queue.Queue = queue.Queue()
    listener = ChangeListener(project, lambda tables: heard.put((time.monotonic(), tables))).start()
    assert listener.listening
    return listener, heard


def _tables_within(heard: queue.Queue, seconds: float) -> set[str]:
    tables: set[str] = set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            _, found = heard.get(timeout=max(0.01, deadline - time.monotonic()))
        except queue.Empty:
            break
        tables |= found
    return tables


def test_a_colleagues_coding_code_and_memo_reach_the_other_client_within_two_seconds(team):
    anna, ben = team(), team()
    listener, heard = _listen(ben)
    try:
        began = time.monotonic()
        apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="anna")
        when, tables = heard.get(timeout=2)
        assert "coding" in tables and when - began < 2
        add_code(anna, "Faktoren/Mentoren")
        set_memo(anna, "Neue Idee", document="Gruppe 2")
        assert {"code", "memo"} <= _tables_within(heard, 2)
    finally:
        listener.stop()


def test_a_clients_own_changes_are_not_news_to_it(team):
    anna = team()
    listener, heard = _listen(anna)
    try:
        apply_code(anna, document="Gruppe 1", code="Faktoren/Sprache", start=0, end=3, coder="anna")
        assert _tables_within(heard, 1.0) == set()
    finally:
        listener.stop()


def test_many_codings_in_one_change_make_one_notification(team):
    anna, ben = team(), team()
    listener, heard = _listen(ben)
    try:
        from sqlalchemy import select

        from app.models import Document
        from app.services import code_passages

        with anna.reading() as session:
            document_id = session.scalar(select(Document.id).where(Document.name == "Gruppe 1"))
        code_passages(anna, [(document_id, i, i + 2) for i in range(0, 40, 4)], code="Faktoren/Sprache", coder="anna")
        time.sleep(0.5)
        batches = []
        while not heard.empty():
            batches.append(heard.get()[1])
        assert batches and sum("coding" in batch for batch in batches) == 1
    finally:
        listener.stop()
