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
