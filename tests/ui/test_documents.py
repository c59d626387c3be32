"""The document browser: codings per document, turns per document and per speaker, each under its own heading."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_speaker_rows_show_turns_under_turns_not_under_codings(window, context, qtmodeltester):
    documents = window.documents.document_model
    qtmodeltester.check(documents)
    headers = [documents.headerData(c, Qt.Orientation.Horizontal) for c in range(documents.columnCount())]
    assert headers == ["Document", "Codings", "Turns"]
    first = documents.index(0, 0)
    assert [documents.index(0, c).data() for c in range(3)] == ["Workshop 1", 1, 5]
    rows = [[documents.index(r, c, first).data() for c in range(3)] for r in range(documents.rowCount(first))]
    assert rows == [["Moderatorin", None, 2], ["Dr. Anna Weber", None, 2], ["Herr Yilmaz", None, 1]]
    assert "Turns" in documents.headerData(2, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert "codings" in documents.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    # The figures follow changes: a coding in Workshop 2, undone again.
    window.open_document(documents.rows[1].id)
    start = window.transcript.content.text.index("Sprachkurs")
    window.transcript.select_span(start, start + len("Sprachkurs"))
    window.coding.apply("Sprache")
    assert documents.index(1, 1).data() == 2
    context.undo_stack.undo()
    assert documents.index(1, 1).data() == 1


def _names(window) -> list[str]:
    return [row.name for row in window.documents.document_model.rows]


def test_f2_renames_a_document_and_undo_names_it_back(qtbot, window, context):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QInputDialog

    browser = window.documents
    browser.setFocus()
    browser.setCurrentIndex(browser.document_model.index(0, 0))
    window.open_document(browser.document_model.rows[0].id)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog) and dialog.textValue() == "Workshop 1"
        dialog.setTextValue("Fokusgruppe Jobcenter")
        dialog.accept()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(browser, Qt.Key.Key_F2)
    assert _names(window) == ["Fokusgruppe Jobcenter", "Workshop 2"]
    assert "Fokusgruppe Jobcenter" in window.windowTitle() and "Fokusgruppe Jobcenter" in window.document_caption.text()
    assert context.undo_stack.undoText() == "Rename document “Workshop 1”"
    context.undo_stack.undo()
    assert _names(window) == ["Workshop 1", "Workshop 2"]
    assert not browser.rename("Workshop 1", "Workshop 2")  # a name that is taken is refused


def test_delete_asks_and_undo_brings_the_document_back_with_its_codings(qtbot, window, context):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    browser = window.documents
    first = browser.document_model.rows[0]
    window.open_document(first.id)
    browser.setFocus()
    browser.setCurrentIndex(browser.document_model.index(0, 0))
    seen = []

    def answer(button: QMessageBox.StandardButton) -> None:
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Cancel))
    qtbot.keyClick(browser, Qt.Key.Key_Delete)
    assert _names(window) == ["Workshop 1", "Workshop 2"]  # cancelled: nothing happened
    assert "“Workshop 1” with its 1 codings" in seen[0]
    window.activateWindow()  # the closed message box took the window's activation with it
    browser.setFocus()
    qtbot.waitUntil(browser.hasFocus)
    QTimer.singleShot(0, lambda: answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(browser, Qt.Key.Key_Delete)
    assert _names(window) == ["Workshop 2"]
    assert window.transcript.content is None  # the deleted document is no longer shown
    context.undo_stack.undo()
    assert _names(window) == ["Workshop 1", "Workshop 2"]
    assert window.documents.document_model.rows[0].id == first.id and window.documents.document_model.rows[0].codings == 1
    context.undo_stack.redo()
    assert _names(window) == ["Workshop 2"]
