"""Importing transcripts from the window: read in the background, preview the speakers, import on OK, undo."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

TEXT = "Moderatorin: Wie war der Einstieg?\nFrau Krüger: Schwierig, ohne Kita-Platz.\nModeratorin: Und dann?\n"


def test_dropping_a_transcript_previews_it_and_ok_imports_it(qtbot, window, context, tmp_path):
    source = tmp_path / "Workshop 3.txt"
    source.write_text(TEXT, encoding="utf-8")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(source))])
    window.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
                                Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None and window.import_preview.isVisible())
    preview = window.import_preview.tree
    document = preview.topLevelItem(0)
    assert (document.text(0), document.text(1)) == ("Workshop 3", "3")
    assert [(document.child(i).text(0), document.child(i).text(1)) for i in range(document.childCount())] == [
        ("Moderatorin", "2"), ("Frau Krüger", "1")]
    assert [row.name for row in window.documents.document_model.rows] == ["Workshop 1", "Workshop 2"]  # not yet
    window.import_preview.accept()
    names = [row.name for row in window.documents.document_model.rows]
    assert names == ["Workshop 1", "Workshop 2", "Workshop 3"]
    assert "Frau Krüger" in [window.segments.speaker_filter.itemText(i) for i in range(window.segments.speaker_filter.count())]
    context.undo_stack.undo()
    assert [row.name for row in window.documents.document_model.rows] == ["Workshop 1", "Workshop 2"]


def test_cancelling_the_preview_imports_nothing(qtbot, window, context, tmp_path):
    from app.ui.import_documents import import_with_preview

    source = tmp_path / "notes.txt"
    source.write_text(TEXT, encoding="utf-8")
    import_with_preview(window, context, [str(source)])
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None and window.import_preview.isVisible())
    window.import_preview.reject()
    assert len(window.documents.document_model.rows) == 2
    assert context.undo_stack.count() == 0
