"""Code the sentence under the cursor (language index or punctuation rule), one undo step; memos of the project,
the current document and a speaker in the memo editor, each save one undo step. Read back with sqlite3."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import Qt

from app.ui.sentences import sentence_span, sentences_by_rule
from tests.ui.test_coding import code_index, codings


def put_cursor(window, passage: str, offset: int = 0) -> None:
    view = window.transcript
    position = view.content.text.index(passage) + offset
    view.select_span(position, position)


def test_punctuation_rule_within_a_turn():
    text = "A: Erstens. Zweitens?  „Drittens!“ Und so weiter"
    turn = (3, len(text))
    assert [text[s:e] for s, e in sentences_by_rule(text, *turn)] == ["Erstens.", "Zweitens?", "„Drittens!“", "Und so weiter"]
    assert sentence_span(text, turn, (5, 5)) == (3, 11)
    assert sentence_span(text, turn, (11, 11)) == (3, 11)  # just after the full stop: still that sentence
    gap = text.index("  ")
    assert text[slice(*sentence_span(text, turn, (gap + 1, gap + 1)))] == "„Drittens!“"
    second = text.index("Zweitens")
    assert text[slice(*sentence_span(text, turn, (second + 2, text.index("Dritt") + 1)))] == "Zweitens?  „Drittens!“"
    # the language index's sentences win, clipped to the turn
    assert sentence_span(text, turn, (5, 5), indexed=[(0, 20)]) == (3, 20)


def test_code_the_sentence_under_the_cursor_by_shortcut_and_undo(qtbot, window, context):
    view = window.transcript
    before = codings(context)
    put_cursor(window, "Wirklich.", 3)
    window.codes.tree.setCurrentIndex(code_index(window, "Arbeitgeber"))
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    # the emoji after "A und O." closes that sentence (app/analysis/sentence_rules.py), so it is not coded here
    assert ("Workshop 1", "Arbeitgeber", "Wirklich.", "default", 0) in codings(context)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert codings(context) == before
    context.undo_stack.redo()
    assert ("Workshop 1", "Arbeitgeber", "Wirklich.", "default", 0) in codings(context)


def test_code_the_sentences_a_selection_touches(qtbot, window, context):
    view = window.transcript
    start = view.content.text.index("und O")
    view.select_span(start, view.content.text.index("Wirklich") + 2)
    assert window.coding.sentence_action.isEnabled()
    assert window.coding.code_sentence("Anerkennung")
    assert ("Workshop 1", "Anerkennung", "Der Sprachkurs ist das A und O. 😀 Wirklich.", "default", 0) in codings(context)
    # on a speaker's label, the first sentence of the turn the label introduces
    put_cursor(window, "Herr Yilmaz:", 2)
    assert window.coding.code_sentence("Arbeitgeber")
    assert ("Workshop 1", "Arbeitgeber", "Ohne Anerkennung der Abschlüsse geht wenig.", "default", 0) in codings(context)


def test_code_the_sentence_uses_the_language_index(qtbot, window, context, monkeypatch):
    import app.ui.coding as coding

    text = window.transcript.content.text
    whole = text.index("Der Sprachkurs"), text.index("Wirklich.") + len("Wirklich.")
    monkeypatch.setattr(coding, "indexed_sentences", lambda project, document_id: [whole])
    put_cursor(window, "Wirklich.", 3)
    assert window.coding.code_sentence("Arbeitgeber")
    assert ("Workshop 1", "Arbeitgeber", "Der Sprachkurs ist das A und O. 😀 Wirklich.", "default", 0) in codings(context)


def test_indexed_sentences_of_a_built_index(qtbot, window, context):
    from app.analysis.text_index import load_indexes
    from app.ui.sentences import indexed_sentences

    document_id = window.transcript.document_id
    assert indexed_sentences(context.project, document_id) is None  # no index yet: none is built for this
    load_indexes(context.project, [document_id])
    spans = indexed_sentences(context.project, document_id)
    text = window.transcript.content.text
    assert spans and all(0 <= s < e <= len(text) for s, e in spans)
    put_cursor(window, "Abschlüsse")
    assert window.coding.code_sentence("Arbeitgeber")
    assert ("Workshop 1", "Arbeitgeber", "Ohne Anerkennung der Abschlüsse geht wenig.", "default", 0) in codings(context)


def memos(context) -> list[tuple]:
    """(about, text) of every memo, as another program sees the file."""
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute(
            "SELECT CASE WHEN m.document_id IS NOT NULL THEN 'document ' || d.name"
            " WHEN m.speaker_id IS NOT NULL THEN 'speaker ' || s.name ELSE 'project' END, m.text"
            " FROM memo m LEFT JOIN document d ON d.id = m.document_id LEFT JOIN speaker s ON s.id = m.speaker_id"
            " WHERE m.code_id IS NULL AND m.coding_id IS NULL ORDER BY m.id"
        ).fetchall()


def open_editor(qtbot, window):
    return window.open_memos()  # a child of the window, deleted on close


def test_project_memo_each_save_one_undo_step(qtbot, window, context):
    editor = open_editor(qtbot, window)
    assert editor.target.currentText() == "The project"
    assert not editor.save_button.isEnabled()
    editor.text.setPlainText("Leitfrage: Was hilft beim Einstieg?")
    assert editor.save_button.isEnabled()
    editor.save_button.click()
    assert memos(context) == [("project", "Leitfrage: Was hilft beim Einstieg?")]
    editor.text.setPlainText("Leitfrage geschärft")
    assert editor.save()
    assert memos(context) == [("project", "Leitfrage geschärft")]
    assert context.undo_stack.count() == 2
    context.undo_stack.undo()  # the previous text comes back, in the file and in the editor
    assert memos(context) == [("project", "Leitfrage: Was hilft beim Einstieg?")]
    assert editor.text.toPlainText() == "Leitfrage: Was hilft beim Einstieg?"
    context.undo_stack.undo()
    assert memos(context) == []
    assert editor.text.toPlainText() == ""
    context.undo_stack.redo()
    context.undo_stack.redo()
    assert memos(context) == [("project", "Leitfrage geschärft")]
    assert editor.text.toPlainText() == "Leitfrage geschärft"


def test_document_and_speaker_memos_by_the_menu(qtbot, window, context):
    window.speakers.table.setCurrentIndex(
        window.speakers.model.index([s.name for s in window.speakers.model.speakers].index("Herr Yilmaz"), 0))
    action = next(a for a in window.actions() if a.text() == "&Memos…")
    assert action.shortcut().toString() == "Ctrl+Shift+M"
    action.trigger()
    editor = window.memo_editor
    assert editor.target.currentText() == "Speaker “Herr Yilmaz”"
    editor.text.setPlainText("Kammer-Perspektive")
    editor.choose("document", window.transcript.document_name)  # saves the speaker's memo first
    assert memos(context) == [("speaker Herr Yilmaz", "Kammer-Perspektive")]
    assert editor.text.toPlainText() == ""
    editor.text.setPlainText("Gute Stimmung, lange Pausen")
    assert editor.save()
    assert memos(context) == [("speaker Herr Yilmaz", "Kammer-Perspektive"),
                              ("document Workshop 1", "Gute Stimmung, lange Pausen")]
    editor.choose("speaker", "Herr Yilmaz")
    assert editor.text.toPlainText() == "Kammer-Perspektive"
    editor.text.setPlainText("")  # an empty text removes the memo
    assert editor.save()
    assert memos(context) == [("document Workshop 1", "Gute Stimmung, lange Pausen")]
    context.undo_stack.undo()
    assert editor.text.toPlainText() == "Kammer-Perspektive"
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert memos(context) == []
    editor.close()  # nothing left to save: closing writes nothing
    assert context.undo_stack.count() == 3 and context.undo_stack.index() == 0


def test_actions_have_their_icons(qtbot, window):
    from PySide6.QtCore import QFile

    from app.ui.icons import ICONS

    codes = window.codes
    for action in (codes.new_action, codes.rename_action, codes.color_action, codes.merge_action,
                   codes.delete_action, window.import_action, window.undo_action, window.redo_action,
                   window.memos_action):
        assert not action.icon().isNull(), action.text()
        assert not action.icon().pixmap(16, 16).isNull(), action.text()
    assert QFile.exists("icons:undo.svg")
    for svg in ICONS.glob("*.svg"):  # hand-written, well-formed, drawable
        from xml.etree import ElementTree

        assert ElementTree.parse(svg).getroot().tag.endswith("svg")


def test_opening_the_editor_again_saves_the_open_one(qtbot, window, context, study):
    first = window.open_memos()
    first.text.setPlainText("Erster Eindruck")
    second = window.open_memos()
    assert memos(context) == [("project", "Erster Eindruck")]
    assert second.text.toPlainText() == "Erster Eindruck"
    second.text.setPlainText("nicht gespeichert")
    context.open_project(study)  # another project (here: the same file again) closes the editor without writing
    assert memos(context) == [("project", "Erster Eindruck")]
