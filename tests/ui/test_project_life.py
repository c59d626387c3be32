"""A project's life in the window, driven as a researcher drives it: the welcome page, New project, Save a copy,
Close, dropping a project file on the window."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.models import open_project
from app.services import queries
from app.ui.main_window import MainWindow
from app.ui.project_life import NewProjectDialog, save_copy
from app.ui.settings import RECENT_PROJECTS


def menu_action(window: MainWindow, text: str):
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise LookupError(text)


def test_closing_the_project_shows_the_welcome_page_with_the_recent_projects(qtbot, window, context, study):
    assert window.pages.currentWidget() is window.main_splitter
    menu_action(window, "Close project").trigger()
    assert context.project is None
    assert window.pages.currentWidget() is window.welcome
    assert window.windowTitle() == "FocusCoder"
    assert not menu_action(window, "Save a copy…").isEnabled() and not menu_action(window, "Import documents…").isEnabled()
    shown = window.welcome.recent.item(0)
    assert shown.data(Qt.ItemDataRole.UserRole) == str(study.resolve())
    assert shown.text() == f"study\n{study.parent.resolve()}"  # its name, and where it lives
    # Enter on a recent project opens it again.
    window.welcome.recent.setFocus()
    qtbot.keyClick(window.welcome.recent, Qt.Key.Key_Return)
    assert context.project is not None and Path(context.project.path) == study.resolve()
    assert window.pages.currentWidget() is window.main_splitter


def test_a_new_project_is_made_in_the_dialog_and_opened(qtbot, window, context, tmp_path):
    folder = tmp_path / "Studien"
    folder.mkdir()

    def fill_in() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewProjectDialog)
        create = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert not create.isEnabled()  # no name yet
        dialog.folder.setText(str(folder))
        qtbot.keyClicks(dialog.name, "Fokusgruppe: Pflege/Handwerk")
        dialog.language.setCurrentIndex(dialog.language.findData("en"))
        assert create.isEnabled()
        qtbot.mouseClick(create, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, fill_in)
    assert window.new_project()
    made = folder / "Fokusgruppe_ Pflege_Handwerk.fcproj"  # the name made safe for a file system
    assert made.is_file()
    assert Path(context.project.path) == made.resolve()
    assert queries.project_name(context.project) == "Fokusgruppe: Pflege/Handwerk"
    assert window.windowTitle().startswith("Fokusgruppe: Pflege/Handwerk")
    assert context.settings.get(RECENT_PROJECTS)[0] == str(made.resolve())
    with closing(sqlite3.connect(made)) as db:
        assert db.execute("SELECT language FROM project").fetchone() == ("en",)


def test_the_dialog_refuses_a_project_that_exists_already(qtbot, study):
    dialog = NewProjectDialog(folder=study.parent)
    qtbot.addWidget(dialog)
    dialog.name.setText("study")
    assert "exists" in dialog.problem()
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    dialog.folder.setText(str(study.parent / "nowhere"))
    assert "folder" in dialog.problem()


def test_save_a_copy_writes_the_whole_project_and_keeps_this_one_open(qtbot, window, context, study, tmp_path):
    target = tmp_path / "copies" / "Kopie"
    target.parent.mkdir()
    written = save_copy(window, context, target)
    assert written == target.with_name("Kopie.fcproj") and written.is_file()
    assert Path(context.project.path) == study.resolve()  # the project itself stays open
    with open_project(written, read_only=True) as project:
        assert [d.name for d in queries.list_documents(project)] == ["Workshop 1", "Workshop 2"]
    assert save_copy(window, context, study) is None  # not over the project itself
    assert study.is_file()


def test_dropping_a_project_file_on_the_window_opens_it(qtbot, window, context, tmp_path):
    from app import services

    other = tmp_path / "other.fcproj"
    services.create_project(other, name="Zweite Studie").close()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(other))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert Path(context.project.path) == other.resolve()
    assert queries.project_name(context.project) == "Zweite Studie"


def test_the_welcome_page_opens_the_sample(qtbot, window, context, monkeypatch, tmp_path):
    sample = tmp_path / "Beispiel.fcproj"
    monkeypatch.setattr("app.sample_project.default_sample_path", lambda: sample)
    window.close_project()
    qtbot.mouseClick(window.welcome.sample_button, Qt.MouseButton.LeftButton)
    assert sample.is_file() and Path(context.project.path) == sample.resolve()
