"""The desktop app on a team project: opened by address with a password asked for, colleagues' codings appear
by themselves with the view kept where it was, and undo takes back only one's own work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from sqlalchemy import select

from app.models import Coder, Coding
from app.services import apply_code, queries
from app.ui.commands import ApplyCode
from app.ui.context import ApplicationContext
from app.ui.main_window import MainWindow
from app.ui.open_project import open_with_choices
from app.ui.settings import CODER_NAME, RECENT_PROJECTS, Settings
from tests.team.cluster import SUPERUSER_PASSWORD


@pytest.fixture
def context(qapp, tmp_path, monkeypatch):
    monkeypatch.delenv("PGPASSWORD", raising=False)
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "none"))
    context = ApplicationContext(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    context.settings.set(RECENT_PROJECTS, [])
    yield context
    context.shutdown()


@pytest.fixture
def window(qtbot, context, published):
    asked = []

    def ask(_parent, location, wrong):
        asked.append((location, wrong))
        return "falsch" if len(asked) == 1 else SUPERUSER_PASSWORD  # a typo first, as happens

    assert open_with_choices(None, context, published, ask_password=ask, show_error=pytest.fail)
    assert [wrong for _, wrong in asked] == [False, True]
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window


def _shown_codings(window) -> list:
    return [row for row in window.transcript.layer.codings if row is not None]


def test_the_team_project_opens_by_address_and_only_the_address_is_remembered(window, context, published):
    assert context.project.role == "owner" and context.team_sync is not None
    assert "team project on 127.0.0.1" in window.windowTitle()
    assert context.settings.get(RECENT_PROJECTS) == [context.project.location]
    assert SUPERUSER_PASSWORD not in open(context.settings.store.fileName(), encoding="utf-8").read()


def test_a_colleagues_coding_appears_without_reloading_and_the_view_stays(qtbot, window, context, team):
    document = window.transcript.document_id
    name = next(row.name for row in queries.list_documents(context.project) if row.id == document)
    before = len(_shown_codings(window))
    scroll = window.transcript.verticalScrollBar().value()

    colleague = team()
    apply_code(colleague, document=name, code="Faktoren/Anerkennung", start=0, end=10, coder="cem")

    qtbot.waitUntil(lambda: len(_shown_codings(window)) == before + 1, timeout=3000)
    assert window.transcript.document_id == document
    assert window.transcript.verticalScrollBar().value() == scroll


def test_undo_takes_back_my_coding_and_never_a_colleagues(qtbot, window, context, team):
    name = queries.list_documents(context.project)[0].name
    context.settings.set(CODER_NAME, "anna")
    assert context.execute(ApplyCode(context, document=name, code="Faktoren/Sprache", start=0, end=10))
    colleague = team()
    apply_code(colleague, document=name, code="Faktoren/Sprache", start=0, end=10, coder="cem")

    context.undo_stack.undo()

    with colleague.reading() as session:
        coders = session.scalars(
            select(Coder.name).join(Coding, Coding.coder_id == Coder.id).where(Coding.start == 0, Coding.end == 10)
        ).all()
    assert coders == ["cem"]  # my coding is gone, the colleague's coding of the same passage stays


def test_a_reader_sees_why_a_change_is_refused(qtbot, admin, published, context):
    admin("CREATE ROLE rolf LOGIN PASSWORD 'pw-rolf'")
    from app.models.team import open_team_project
    from app.models.team_roles import set_member_role

    with open_team_project(published, password=SUPERUSER_PASSWORD) as owner, owner.engine.begin() as connection:
        set_member_role(connection, "rolf", "reader")
    url = published.replace("fc_admin@", "rolf@")
    assert open_with_choices(None, context, url, ask_password=lambda *_: "pw-rolf", show_error=pytest.fail)
    errors = []
    context.sig_error.connect(errors.append)
    name = queries.list_documents(context.project)[0].name
    assert not context.execute(ApplyCode(context, document=name, code="Faktoren/Sprache", start=0, end=10))
    assert "lets you read it, not change it" in errors[0]
    context.close_project()
    admin("DROP OWNED BY rolf")
    admin("DROP ROLE rolf")


def test_renaming_a_code_a_colleague_just_renamed_explains_and_shows_their_name(qtbot, window, context, team):
    from app.services import rename_code
    from app.ui.commands import RenameCode

    errors = []
    context.sig_error.connect(errors.append)
    rename_code(team(), "Faktoren/Sprache", "Deutschkenntnisse")  # before Anna's app heard of it
    assert not context.execute(RenameCode(context, "Faktoren/Sprache", "Sprachförderung"))
    assert "There is no code 'Faktoren/Sprache'" in errors[0] and "colleague may have changed it" in errors[0]
    paths = {row.path for row in queries.list_codes(context.project)}
    assert "Faktoren/Deutschkenntnisse" in paths and "Faktoren/Sprachförderung" not in paths
    model = window.codes.tree.code_model
    qtbot.waitUntil(lambda: "Deutschkenntnisse" in _names(model), timeout=3000)


def _names(model) -> set[str]:
    names, stack = set(), [model.index(row, 0) for row in range(model.rowCount())]
    while stack:
        index = stack.pop()
        names.add(index.data())
        stack += [model.index(row, 0, index) for row in range(model.rowCount(index))]
    return names


def test_saving_a_memo_a_colleague_wrote_meanwhile_keeps_theirs_and_says_so(qtbot, window, context, team):
    from app.services import set_memo
    from app.ui.commands import SetMemo

    errors = []
    context.sig_error.connect(errors.append)
    document = queries.list_documents(context.project)[0]
    name = document.name
    # Anna's editor opened on an empty memo; before she saves, Ben writes one.
    set_memo(team(), "Bens Notiz", document=name, author="ben")
    assert not context.execute(SetMemo(context, "Annas Notiz", "", document=name))
    assert "Someone else changed this memo" in errors[0]
    assert queries.memo_text(context.project, document_id=document.id) == "Bens Notiz"


def test_saving_a_definition_a_colleague_changed_meanwhile_keeps_theirs_and_says_so(qtbot, window, context, team):
    from app.services import update_code

    errors = []
    context.sig_error.connect(errors.append)
    editor = window.codes.editor
    row = next(row for row in queries.list_codes(context.project) if row.path == "Faktoren/Sprache")
    window.codes.tree.select_code(row.id)
    assert editor.row.id == row.id
    editor.definition.setPlainText("Annas Definition")  # Anna is writing ...
    update_code(team(), "Faktoren/Sprache", definition="Bens Definition")  # ... and Ben saves first
    editor.save()
    assert "changed the definition of 'Faktoren/Sprache' after you began" in errors[0]
    row = next(row for row in queries.list_codes(context.project) if row.path == "Faktoren/Sprache")
    assert row.definition == "Bens Definition"
    shown = editor.definition.toPlainText()
    assert shown.startswith("Bens Definition") and shown.endswith("Annas Definition")  # nothing of either is lost
    editor.definition.setPlainText("Bens und Annas Definition")  # combined by Anna, saved again
    editor.save()
    row = next(row for row in queries.list_codes(context.project) if row.path == "Faktoren/Sprache")
    assert row.definition == "Bens und Annas Definition" and len(errors) == 1


def test_the_window_says_when_the_team_server_cannot_be_heard_and_when_it_is_back(qtbot, window, context, admin):
    database = context.project.url.database
    messages = []
    window.statusBar().messageChanged.connect(messages.append)
    # The listening connection is dropped (a server restart, the network away for a moment) ...
    admin("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'FocusCoder (listening)' "
          f"AND datname = '{database}'")
    qtbot.waitUntil(lambda: any("cannot be reached" in text for text in messages), timeout=5000)
    # ... and made again by itself a moment later.
    qtbot.waitUntil(lambda: any("can be reached again" in text for text in messages), timeout=5000)


def test_the_memo_editor_keeps_both_texts_when_a_colleague_wrote_the_memo_meanwhile(qtbot, window, context, team):
    from app.services import set_memo
    from app.ui.memo_editor import MemoEditor

    errors = []
    context.sig_error.connect(errors.append)
    name = queries.list_documents(context.project)[0].name
    editor = MemoEditor(context, document=name)
    qtbot.addWidget(editor)
    editor.choose("document", name)
    editor.text.setPlainText("Annas Gedanken")  # Anna writes ...
    set_memo(team(), "Bens Notiz", document=name, author="ben")  # ... Ben saves first
    assert not editor.save()
    assert "Someone else changed this memo" in errors[0]
    shown = editor.text.toPlainText()
    assert shown.startswith("Bens Notiz") and shown.endswith("Annas Gedanken")  # nothing of either is lost
    editor.text.setPlainText("Bens Notiz. Annas Gedanken.")  # combined by Anna
    assert editor.save()
    document_id = queries.list_documents(context.project)[0].id
    assert queries.memo_text(context.project, document_id=document_id) == "Bens Notiz. Annas Gedanken."
