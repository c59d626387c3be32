"""The memo editor lists codes and codings too (grouped, a coding by its code and the start of its passage);
their memos are written there, each save one undo step. Read back with sqlite3."""

from __future__ import annotations

import sqlite3
from contextlib import closing


def memos(context) -> list[tuple]:
    """(code path or coded passage, text) of the code and coding memos, as another program sees the file."""
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute(
            "SELECT coalesce(c.name, substr(d.text, g.start + 1, g.\"end\" - g.start)), m.text FROM memo m"
            " LEFT JOIN code c ON c.id = m.code_id LEFT JOIN coding g ON g.id = m.coding_id"
            " LEFT JOIN document d ON d.id = g.document_id WHERE m.code_id IS NOT NULL OR m.coding_id IS NOT NULL"
            " ORDER BY m.id"
        ).fetchall()


def entries(editor) -> list[str]:
    """The list as the researcher reads it; a line between groups shows as '--'."""
    return [editor.target.itemText(i) or "--" for i in range(editor.target.count())]


def cursor_into(window, passage: str) -> None:
    start = window.transcript.content.text.index(passage)
    window.transcript.select_span(start + 2, start + 2)


def test_codes_and_codings_are_listed_in_groups(qtbot, window, context):
    cursor_into(window, "Der Sprachkurs")  # the coding under the cursor is offered, though it has no memo yet
    editor = window.open_memos()
    assert entries(editor) == [
        "The project", "Document “Workshop 1”",
        "--", "Code “Sprache”", "Code “Sprache/Sprachkurs”", "Code “Anerkennung”", "Code “Arbeitgeber”",
        "--", "Speaker “Dr. Anna Weber”", "Speaker “Herr Yilmaz”", "Speaker “Moderatorin”",
        "--", "Coding “Sprache/Sprachkurs”: “Der Sprachkurs ist das A und O.”",
    ]
    editor.close()
    cursor_into(window, "Was hilft")  # no coding here, none with a memo: no codings group
    editor = window.open_memos()
    assert not [text for text in entries(editor) if text.startswith("Coding")]
    assert entries(editor).count("--") == 2


def test_code_and_coding_memos_are_written_and_undone(qtbot, window, context):
    cursor_into(window, "Der Sprachkurs")
    editor = window.open_memos()
    editor.choose("code", "Anerkennung")
    editor.text.setPlainText("Formale und informelle Anerkennung trennen")
    coding_id = window.transcript.codings_at_cursor()[0].id
    editor.choose("coding", coding_id)  # saves the code memo first
    assert editor.target.currentText().startswith("Coding “Sprache/Sprachkurs”")
    editor.text.setPlainText("Schlüsselstelle: Sprache zuerst")
    assert editor.save()
    assert memos(context) == [("Anerkennung", "Formale und informelle Anerkennung trennen"),
                              ("Der Sprachkurs ist das A und O.", "Schlüsselstelle: Sprache zuerst")]
    assert context.undo_stack.count() == 2
    # The code panel shows the code memo written here.
    tree = window.codes.tree
    tree.setCurrentIndex(tree.code_model.index_of_code(next(r.id for r in tree.code_model.rows if r.path == "Anerkennung")))
    assert window.codes.editor.memo.toPlainText() == "Formale und informelle Anerkennung trennen"

    context.undo_stack.undo()
    assert editor.text.toPlainText() == ""
    assert memos(context) == [("Anerkennung", "Formale und informelle Anerkennung trennen")]
    context.undo_stack.redo()
    assert editor.text.toPlainText() == "Schlüsselstelle: Sprache zuerst"

    # Removing the coding takes its memo; undo brings both back under a new id, and the editor follows.
    assert window.coding.remove_at_cursor()
    assert editor.text.toPlainText() == ""
    context.undo_stack.undo()
    assert window.transcript.codings_at_cursor()[0].id != coding_id
    assert editor.text.toPlainText() == "Schlüsselstelle: Sprache zuerst"
    editor.text.setPlainText("Schlüsselstelle")
    assert editor.save()  # written to the re-created coding
    assert memos(context)[-1] == ("Der Sprachkurs ist das A und O.", "Schlüsselstelle")


def test_a_coding_with_a_memo_is_listed_anywhere(qtbot, window, context):
    coding = window.transcript.codings_at_cursor() or window.transcript.layer.live()
    assert window.coding.edit_memo(coding[0].id, "Kernaussage")
    window.open_document(window.documents.document_model.rows[1].id)  # another document, cursor at its start
    editor = window.open_memos()
    assert entries(editor)[-1] == "Coding “Sprache/Sprachkurs”: “Der Sprachkurs ist das A und O.”"
    assert "Workshop 1" in editor.target.itemData(editor.target.count() - 1, 3)  # tooltip: the document
    editor.choose("coding", coding[0].id)
    assert editor.text.toPlainText() == "Kernaussage"


def test_an_open_editor_follows_a_language_switch_without_losing_the_text(qtbot, window, context):
    cursor_into(window, "Der Sprachkurs")
    editor = window.open_memos()
    editor.choose("code", "Anerkennung")
    editor.text.setPlainText("halb geschrieben")
    try:
        window.choose_language("de")
        assert editor.windowTitle() == "Memos" and editor.about.text() == "Memo &zu:"
        assert editor.target.currentText() == "Code „Anerkennung“"
        assert entries(editor)[-1] == "Codierung „Sprache/Sprachkurs“: „Der Sprachkurs ist das A und O.“"
        assert editor.text.toPlainText() == "halb geschrieben" and context.undo_stack.count() == 0
    finally:
        window.choose_language("en")
    assert editor.target.currentText() == "Code “Anerkennung”"
    assert editor.save() and memos(context) == [("Anerkennung", "halb geschrieben")]


def test_an_open_editor_lists_codes_and_speakers_as_they_change(qtbot, window, context):
    """A code added, the shown code renamed (its half-written memo kept, saved under the new name), a speaker
    renamed, and the shown code removed: the list follows each change while the editor stays open."""
    from app import services

    editor = window.open_memos()
    editor.choose("code", "Anerkennung")
    editor.text.setPlainText("halb geschrieben")
    context.notify(services.add_code(context.project, "Mentoring"))
    assert "Code “Mentoring”" in entries(editor)
    context.notify(services.rename_code(context.project, "Anerkennung", "Anerkennung von Abschlüssen"))
    assert "Code “Anerkennung”" not in entries(editor)
    assert editor.target.currentText() == "Code “Anerkennung von Abschlüssen”"
    assert editor.text.toPlainText() == "halb geschrieben"
    assert editor.save() and memos(context) == [("Anerkennung von Abschlüssen", "halb geschrieben")]
    context.notify(services.rename_speaker(context.project, "Herr Yilmaz", "Mehmet Yilmaz"))
    assert "Speaker “Mehmet Yilmaz”" in entries(editor) and "Speaker “Herr Yilmaz”" not in entries(editor)
    context.notify(services.delete_code(context.project, "Anerkennung von Abschlüssen"))
    assert editor.target.currentText() == "The project" and editor.text.toPlainText() == ""
    assert "Code “Anerkennung von Abschlüssen”" not in entries(editor)
