"""The desktop app when the team server goes away: it says "offline, reconnecting", refuses changes with a clear
message instead of freezing, reconnects by itself, catches up on what colleagues did meanwhile and takes changes
again; and it shows who else is working in the project."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import func, select

from app.models import Coding
from app.models.team import open_team_project
from app.models.team_roles import set_member_role
from app.services import apply_code, queries
from app.ui.commands import ApplyCode
from app.ui.context import ApplicationContext
from app.ui.main_window import MainWindow
from app.ui.open_project import open_with_choices
from app.ui.settings import RECENT_PROJECTS, Settings
from tests.team.cluster import SUPERUSER_PASSWORD
from tests.team.proxy import Relay


@pytest.fixture
def relay(cluster):
    running = Relay(cluster.port)
    yield running
    running.close()


@pytest.fixture
def context(qapp, tmp_path, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    context = ApplicationContext(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    context.settings.set(RECENT_PROJECTS, [])
    yield context
    context.shutdown()


def _window(qtbot, context, url: str) -> MainWindow:
    assert open_with_choices(None, context, url, ask_password=lambda *_: SUPERUSER_PASSWORD, show_error=pytest.fail)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def _shown_codings(window) -> int:  # noqa: ANN001
    return sum(row is not None for row in window.transcript.layer.codings)


def test_offline_the_app_says_so_refuses_changes_reconnects_by_itself_and_catches_up(
    qtbot, context, relay, published, team
):
    window = _window(qtbot, context, relay.url(published))
    status = window.team_status
    assert status.isVisible() and status.text() == "Team project: connected"
    name = next(row.name for row in queries.list_documents(context.project) if row.id == window.transcript.document_id)
    errors = []
    context.sig_error.connect(errors.append)

    relay.go_down()  # the Wi-Fi is gone
    qtbot.waitUntil(lambda: "offline, reconnecting" in status.text(), timeout=5000)
    assert not context.execute(ApplyCode(context, document=name, code="Faktoren/Sprache", start=0, end=10))
    assert "cannot be reached at the moment, so your change was not saved" in errors[-1]
    assert context.undo_stack.count() == 0
    before = _shown_codings(window)
    apply_code(team(), document=name, code="Faktoren/Anerkennung", start=20, end=30, coder="cem")  # meanwhile

    relay.come_back()
    qtbot.waitUntil(lambda: status.text() == "Team project: connected", timeout=10000)
    qtbot.waitUntil(lambda: _shown_codings(window) == before + 1, timeout=5000)  # the colleague's coding, caught up
    assert window.transcript.document_id is not None
    assert context.execute(ApplyCode(context, document=name, code="Faktoren/Sprache", start=0, end=10))
    qtbot.waitUntil(lambda: _shown_codings(window) == before + 2, timeout=5000)
    # Listening again on the new connection: a colleague's next coding arrives by itself, as before the outage.
    apply_code(team(), document=name, code="Faktoren/Anerkennung", start=40, end=50, coder="cem")
    qtbot.waitUntil(lambda: _shown_codings(window) == before + 3, timeout=5000)


def test_the_app_shows_who_else_is_working_in_the_team_project(qtbot, context, admin, published):
    window = _window(qtbot, context, published)
    context.team_sync.listener.presence_s = 0.1  # look often, for the test
    status = window.team_status
    admin("CREATE ROLE bea LOGIN PASSWORD 'pw-bea'")
    try:
        with open_team_project(published, password=SUPERUSER_PASSWORD) as owner, owner.engine.begin() as connection:
            set_member_role(connection, "bea", "coder")
        bea = open_team_project(published.replace("fc_admin@", "bea@"), password="pw-bea")
        qtbot.waitUntil(lambda: status.text() == "Team project: connected · also working: bea", timeout=5000)
        assert context.project.colleagues() == ["bea"]
        bea.close()
        qtbot.waitUntil(lambda: status.text() == "Team project: connected", timeout=5000)
    finally:
        context.close_project()
        admin("DROP OWNED BY bea")
        admin("DROP ROLE bea")


def test_a_change_whose_commit_answer_was_lost_is_found_out_and_told(qtbot, context, relay, published):
    window = _window(qtbot, context, relay.url(published))
    name = next(row.name for row in queries.list_documents(context.project) if row.id == window.transcript.document_id)
    before = _shown_codings(window)
    errors = []
    context.sig_error.connect(errors.append)

    relay.cut_at_commit, relay.down = "after", True  # the server commits, the answer is lost, and no new line
    assert not context.execute(ApplyCode(context, document=name, code="Faktoren/Sprache", start=0, end=10))
    assert "cannot be asked yet whether it was" in errors[-1]

    relay.come_back()
    qtbot.waitUntil(lambda: "was saved after all" in errors[-1], timeout=15000)
    assert "(Code as “Sprache”)" in errors[-1]  # it names the change
    qtbot.waitUntil(lambda: _shown_codings(window) == before + 1, timeout=5000)
    with context.project.reading() as session:
        assert session.scalar(select(func.count()).select_from(Coding).where(Coding.start == 0, Coding.end == 10)) == 1
