"""Real serialization failures and deadlocks on the throwaway server: a change that collides with a colleague's
is made again by itself, and the researcher hears of it only when it keeps colliding."""

from __future__ import annotations

import threading
import time

import pytest
from sqlalchemy import event, select, text, update

from app.models import Code
from app.models.team import TeamCollision
from app.services import update_code
from app.services.changes import repeatable


def _on_statement(project, starting: str, action) -> list[int]:  # noqa: ANN001
    """Call ``action(connection, run)`` before each statement of ``project`` that begins with ``starting``; the
    list counts the runs."""
    runs: list[int] = []

    @event.listens_for(project.engine, "before_cursor_execute")
    def before(connection, _cursor, statement, *_args) -> None:  # noqa: ANN001
        if statement.lstrip().upper().startswith(starting):
            runs.append(1)
            action(connection, len(runs))

    return runs


def _recolour(colleague, name: str, color: str) -> None:  # noqa: ANN001
    with colleague.engine.begin() as connection:
        connection.execute(update(Code).where(Code.name == name).values(color=color, version=Code.version + 1))


def test_a_serialization_failure_is_repeated_by_itself_and_the_change_is_saved(admin, published, team):
    database = published.rsplit("/", 1)[1]
    admin(f"ALTER DATABASE {database} SET default_transaction_isolation TO 'repeatable read'")
    anna, colleague = team(), team()
    # Anna's change has read the code when a colleague's change of it commits: her UPDATE cannot be serialized.
    runs = _on_statement(anna, "UPDATE CODE",
                         lambda _c, run: _recolour(colleague, "Sprache", "#123456") if run == 1 else None)

    update_code(anna, "Faktoren/Sprache", definition="Deutsch als Zweitsprache")

    assert len(runs) == 2  # the first run failed with 40001, the second was saved
    with colleague.reading() as session:
        code = session.scalars(select(Code).where(Code.name == "Sprache")).one()
        assert (code.definition, code.color) == ("Deutsch als Zweitsprache", "#123456")  # both changes kept


def test_a_change_that_keeps_colliding_is_told_after_a_few_tries(admin, published, team):
    database = published.rsplit("/", 1)[1]
    admin(f"ALTER DATABASE {database} SET default_transaction_isolation TO 'serializable'")
    anna, colleague = team(), team()
    runs = _on_statement(anna, "UPDATE CODE", lambda _c, run: _recolour(colleague, "Sprache", f"#00000{run}"))

    with pytest.raises(TeamCollision, match="collided with yours; nothing was saved"):
        update_code(anna, "Faktoren/Sprache", definition="Deutsch")

    assert len(runs) == anna.retries.collision_attempts
    with colleague.reading() as session:
        assert session.scalar(select(Code.definition).where(Code.name == "Sprache")) == ""


@repeatable
def _recolour_both(project, first: str, second: str) -> None:  # noqa: ANN001
    """A change of two rows, in that order (as merging or moving codes touches several)."""
    with project.transaction() as session:
        session.execute(update(Code).where(Code.name == first).values(color="#111111", version=Code.version + 1))
        session.execute(update(Code).where(Code.name == second).values(color="#222222", version=Code.version + 1))


def test_a_deadlock_with_a_colleagues_change_is_repeated_by_itself(admin, published, team):
    database = published.rsplit("/", 1)[1]
    # Anna's server process looks for deadlocks first, so hers is the change the server breaks off.
    admin(f"ALTER DATABASE {database} SET deadlock_timeout TO '100ms'")
    anna, colleague, watcher = team(), team(), team()
    colleague_done = threading.Event()

    def colleague_in_reverse() -> None:
        with colleague.engine.begin() as connection:
            connection.execute(text("SET deadlock_timeout TO '20s'"))
            connection.execute(update(Code).where(Code.name == "Mentoring").values(color="#333333"))
            connection.execute(update(Code).where(Code.name == "Sprache").values(color="#444444"))  # waits for Anna
        colleague_done.set()

    def second_update(_connection, run: int) -> None:
        if run != 2:  # Anna's first run holds "Sprache" and is about to ask for "Mentoring"
            return
        thread = threading.Thread(target=colleague_in_reverse, daemon=True)
        thread.start()
        deadline = time.monotonic() + 20
        with watcher.engine.connect() as look:
            while time.monotonic() < deadline:  # until the colleague holds "Mentoring" and waits for "Sprache"
                waiting = look.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'"
                )).scalar()
                if waiting:
                    break
                look.rollback()
                time.sleep(0.02)

    runs = _on_statement(anna, "UPDATE CODE", second_update)

    _recolour_both(anna, "Sprache", "Mentoring")

    assert colleague_done.wait(20)
    assert len(runs) == 4  # two updates broken off by the deadlock, two saved
    with watcher.reading() as session:
        colors = dict(session.execute(select(Code.name, Code.color).where(Code.name.in_(["Sprache", "Mentoring"]))).all())
    assert colors == {"Sprache": "#111111", "Mentoring": "#222222"}  # Anna's change, made again after theirs
