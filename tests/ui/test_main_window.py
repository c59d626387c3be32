"""The main window: panels filled from the project, title, menus, remembered layout, opening documents."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_window_shows_project_documents_speakers_and_codes(window, qtmodeltester):
    assert window.windowTitle() == "Integrationsworkshop — Workshop 1 — FocusCoder"  # the first is open
    documents = window.documents.document_model
    qtmodeltester.check(documents)
    assert [row.name for row in documents.rows] == ["Workshop 1", "Workshop 2"]
    first = documents.index(0, 0)
    assert documents.rowCount(first) == 3  # Moderatorin, Dr. Anna Weber, Herr Yilmaz
    assert documents.index(0, 0, first).data() == "Moderatorin"
    assert documents.index(0, 1).data() == 1  # codings in Workshop 1
    codes = window.codes.tree.code_model
    qtmodeltester.check(codes)
    assert [row.path for row in codes.rows] == ["Sprache", "Sprache/Sprachkurs", "Anerkennung", "Arbeitgeber"]


def test_choosing_a_document_opens_it_in_the_transcript(qtbot, window):
    browser = window.documents
    browser.setCurrentIndex(browser.document_model.index(1, 0))
    assert window.transcript.document_name == "Workshop 2"
    assert window.transcript.toPlainText().startswith("Gruppendiskussion")
    assert window.windowTitle() == "Integrationsworkshop — Workshop 2 — FocusCoder"
    # A speaker row opens its document too.
    browser.setCurrentIndex(browser.document_model.index(0, 0, browser.document_model.index(0, 0)))
    assert window.transcript.document_name == "Workshop 1"


def test_layout_is_remembered(qtbot, context, settings):
    from app.ui.main_window import MainWindow

    first = MainWindow(context)
    qtbot.addWidget(first)
    first.resize(700, 500)  # the offscreen screen is 800x600: restoring clamps to it
    first.show()
    first.main_splitter.setSizes([200, 490])
    first.close()
    sizes = first.main_splitter.sizes()
    second = MainWindow(context)
    qtbot.addWidget(second)
    second.show()
    assert second.size() == first.size()
    assert second.main_splitter.sizes() == sizes


def test_undo_and_redo_are_in_the_edit_menu_with_shortcuts(window):
    assert window.undo_action.shortcut().toString() == "Ctrl+Z"
    assert not window.undo_action.isEnabled()
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&File", "&Edit", "&Coding", "&View"]


def test_opening_a_file_that_is_no_project_shows_why(qtbot, window, tmp_path):
    bogus = tmp_path / "x.fcproj"
    bogus.write_bytes(b"nope")
    assert not window.open_project(bogus)
    assert "not a FocusCoder project" in window.statusBar().currentMessage()
    assert window.context.project is not None  # the open project stays open


def test_find_in_document_selects_the_match(qtbot, window):
    window.open_first_document()
    qtbot.keyClick(window.transcript, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.find_bar.isVisible()
    window.find_bar.field.setText("arbeitgeber")
    assert window.find_bar.find()
    assert window.transcript.textCursor().selectedText() == "Arbeitgeber"
    window.find_bar.field.setText("Pinguin")
    assert not window.find_bar.find()
    assert window.find_bar.status.text() == "Not found"
