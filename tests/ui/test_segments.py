"""Retrieved segments: the passages of the selected codes across documents, filtered by document and speaker;
a double click jumps to the passage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtCore import QItemSelectionModel


def select_codes(window, *code_paths: str) -> None:
    tree = window.codes.tree
    selection = tree.selectionModel()
    selection.clearSelection()
    for path in code_paths:
        row = next(r for r in tree.code_model.rows if r.path == path)
        selection.select(tree.code_model.index_of_code(row.id),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def shown(window) -> list[tuple]:
    model = window.segments.model
    return [tuple(model.index(row, column).data() for column in range(6)) for row in range(model.rowCount())]


def test_selected_codes_retrieve_their_segments_across_documents(qtbot, window, context, qtmodeltester):
    window.transcript.select_span(*_span(window, "Ohne Anerkennung der Abschlüsse geht wenig."))
    window.coding.apply("Anerkennung")
    select_codes(window, "Anerkennung", "Sprache/Sprachkurs")
    qtmodeltester.check(window.segments.model)
    assert shown(window) == [
        ("Workshop 1", "Dr. Anna Weber", "0:00:15", "Sprache/Sprachkurs", "default", "Der Sprachkurs ist das A und O."),
        ("Workshop 1", "Herr Yilmaz", "0:00:42", "Anerkennung", "default", "Ohne Anerkennung der Abschlüsse geht wenig."),
        ("Workshop 2", "Herr Yilmaz", "0:00:42", "Anerkennung", "default", "Anerkennung der Abschlüsse"),
    ]
    assert window.segments.summary.text() == "3 segment(s) in 2 document(s)"


def test_filter_by_document_and_by_speaker(qtbot, window, context):
    select_codes(window, "Anerkennung", "Sprache/Sprachkurs")
    segments = window.segments
    documents = {row.name: row.id for row in window.documents.document_model.rows}
    segments.set_filters(document_id=documents["Workshop 2"])
    assert [row[0] for row in shown(window)] == ["Workshop 2"]
    speaker = segments.speaker_filter
    segments.set_filters(speaker_id=speaker.itemData(speaker.findText("Dr. Anna Weber")))
    assert [row[1] for row in shown(window)] == ["Dr. Anna Weber"]
    speaker.setCurrentIndex(0)  # "All speakers", through the combo box itself
    assert len(shown(window)) == 2


def test_segments_follow_changes(qtbot, window, context):
    select_codes(window, "Sprache/Sprachkurs")
    assert len(shown(window)) == 1
    window.transcript.select_span(*_span(window, "Was hilft"))
    window.coding.apply("Sprache/Sprachkurs")
    assert len(shown(window)) == 2
    context.undo_stack.undo()
    assert len(shown(window)) == 1


def test_double_click_jumps_to_the_passage(qtbot, window, context):
    select_codes(window, "Anerkennung")
    table = window.segments.table
    index = window.segments.model.index(0, 5)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert window.transcript.document_name == "Workshop 2"
    assert window.transcript.textCursor().selectedText() == "Anerkennung der Abschlüsse"


def _span(window, passage: str) -> tuple[int, int]:
    start = window.transcript.content.text.index(passage)
    return start, start + len(passage)
