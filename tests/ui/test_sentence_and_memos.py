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
    assert ("Workshop 1", "Arbeitgeber", "😀 Wirklich.", "default", 0) in codings(context)
    assert context.undo_stack.count() == 1
    context.undo_stack.undo()
    assert codings(context) == before
    context.undo_stack.redo()
    assert ("Workshop 1", "Arbeitgeber", "😀 Wirklich.", "default", 0) in codings(context)


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
