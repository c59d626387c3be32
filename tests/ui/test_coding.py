"""Coding in the real widgets: select a passage, apply a code (double click, Enter, drop, shortcut, in vivo, whole
turn), remove codings, and undo/redo it all many steps deep. What was written is read back with sqlite3."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDropEvent


def codings(context) -> list[tuple]:
    """(document, code, coded text, coder, weight) of every coding, as another program sees the file."""
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        rows = db.execute(
            "SELECT d.name, c.name, substr(d.text, k.start + 1, k.\"end\" - k.start), r.name, k.weight "
            "FROM coding k JOIN document d ON d.id = k.document_id JOIN code c ON c.id = k.code_id "
            "JOIN coder r ON r.id = k.coder_id ORDER BY d.name, k.start, c.name"
        ).fetchall()
    return rows


def select_text(window, passage: str) -> None:
    view = window.transcript
    start = view.content.text.index(passage)
    view.select_span(start, start + len(passage))


def code_index(window, path: str):
    model = window.codes.tree.code_model
    row = next(r for r in model.rows if r.path == path)
    return model.index_of_code(row.id)


BEFORE = [
    ("Workshop 1", "Sprachkurs", "Der Sprachkurs ist das A und O.", "default", 0),
    ("Workshop 2", "Anerkennung", "Anerkennung der Abschlüsse", "default", 0),
]


def test_double_clicking_a_code_codes_the_selection_and_undo_redo_follow(qtbot, window, context):
    assert codings(context) == BEFORE
    select_text(window, "Ohne Anerkennung der Abschlüsse")
    tree = window.codes.tree
    index = code_index(window, "Anerkennung")
    tree.scrollTo(index)
    centre = tree.visualRect(index).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # a double click follows a press
    with qtbot.waitSignal(context.sig_project_changed):
        qtbot.mouseDClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    added = ("Workshop 1", "Anerkennung", "Ohne Anerkennung der Abschlüsse", "default", 0)
    assert added in codings(context)
    assert window.codes.tree.code_model.rows[2].codings == 2  # the count in the tree followed
    assert window.transcript.layer.count == 2  # and the highlights
    window.undo_action.trigger()
    assert codings(context) == BEFORE
    window.redo_action.trigger()
    assert added in codings(context)


def test_enter_in_the_code_tree_codes_the_selection(qtbot, window, context):
    select_text(window, "Und die Arbeitgeber?")
    tree = window.codes.tree
    tree.setCurrentIndex(code_index(window, "Arbeitgeber"))
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert ("Workshop 1", "Arbeitgeber", "Und die Arbeitgeber?", "default", 0) in codings(context)


def test_dropping_a_code_on_the_selection_codes_it(qtbot, window, context):
    select_text(window, "Die brauchen Begleitung")
    model = window.codes.tree.code_model
    data = model.mimeData([code_index(window, "Arbeitgeber")])
    view = window.transcript
    drop = QDropEvent(
        QPointF(50, 20), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    view.dropEvent(drop)
    assert ("Workshop 1", "Arbeitgeber", "Die brauchen Begleitung", "default", 0) in codings(context)


def test_ctrl_digit_applies_a_recent_code(qtbot, window, context):
    select_text(window, "Was hilft")
    window.coding.apply("Sprache")
    select_text(window, "Einstieg in die Ausbildung")
    qtbot.keyClick(window.transcript, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert ("Workshop 1", "Sprache", "Einstieg in die Ausbildung", "default", 0) in codings(context)
    assert window.coding.recent_actions[0].text() == "&1 Sprache"


def test_in_vivo_creates_a_code_from_the_selection_in_one_undo_step(qtbot, window, context):
    select_text(window, "das A und O")
    qtbot.keyClick(window.transcript, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert ("Workshop 1", "“das A und O”", "das A und O", "default", 0) in codings(context)
    assert "“das A und O”" in [row.path for row in window.codes.tree.code_model.rows]
    window.undo_action.trigger()
    assert codings(context) == BEFORE
    assert "“das A und O”" not in [row.path for row in window.codes.tree.code_model.rows]


def test_code_the_whole_turn_under_the_cursor(qtbot, window, context):
    view = window.transcript
    start = view.content.text.index("scheitert")
    view.select_span(start, start)
    window.codes.tree.setCurrentIndex(code_index(window, "Arbeitgeber"))
    qtbot.keyClick(view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    whole = "Die brauchen Begleitung, sonst scheitert die Ausbildung."
    assert ("Workshop 1", "Arbeitgeber", whole, "default", 0) in codings(context)
    # On the speaker label, the turn is the one the label introduces.
    label = view.content.text.index("Herr Yilmaz:")
    view.select_span(label + 2, label + 2)
    assert window.coding.code_turn("Anerkennung")
    assert ("Workshop 1", "Anerkennung", "Ohne Anerkennung der Abschlüsse geht wenig.", "default", 0) in codings(context)


def test_remove_a_coding_and_undo_brings_it_back_with_a_new_id(qtbot, window, context):
    view = window.transcript
    view.select_span(view.content.text.index("A und O"), view.content.text.index("A und O"))
    old_id = view.codings_at_cursor()[0].id
    assert window.coding.remove_at_cursor()
    assert codings(context) == BEFORE[1:]
    window.undo_action.trigger()
    assert codings(context) == BEFORE
    new_id = window.transcript.layer.live()[0].id
    assert new_id != old_id and context.current_id("coding", old_id) == new_id
    window.redo_action.trigger()  # removes the re-created coding, found by its new id
    assert codings(context) == BEFORE[1:]
    window.undo_action.trigger()
    assert codings(context) == BEFORE


def test_undo_and_redo_many_steps_deep(qtbot, window, context):
    passages = [("Was hilft", "Sprache"), ("Und die Arbeitgeber?", "Arbeitgeber"), ("Ohne Anerkennung", "Anerkennung")]
    states = [codings(context)]
    for passage, code in passages:
        select_text(window, passage)
        assert window.coding.apply(code)
        states.append(codings(context))
    view = window.transcript
    view.select_span(view.content.text.index("Was hilft"), view.content.text.index("Was hilft"))
    assert window.coding.remove_at_cursor()
    states.append(codings(context))
    stack = context.undo_stack
    assert stack.count() == 4
    from app.services import queries

    def shown_matches_file() -> bool:  # the view is updated piecemeal; it must equal a full reload
        return window.transcript.layer.live() == queries.document_codings(context.project, view.document_id)

    for state in reversed(states[:-1]):
        stack.undo()
        assert codings(context) == state and shown_matches_file()
    for state in states[1:]:
        stack.redo()
        assert codings(context) == state and shown_matches_file()


def test_applying_the_same_code_twice_is_one_coding_and_one_undo_step(qtbot, window, context):
    select_text(window, "Der Sprachkurs ist das A und O.")
    assert not window.coding.apply("Sprache/Sprachkurs")
    assert context.undo_stack.count() == 0
    assert window.statusBar().currentMessage() == "This passage has this code already."


def test_coding_without_a_selection_says_what_to_do(window, context):
    window.transcript.select_span(3, 3)
    assert not window.coding.apply("Sprache")
    assert "Select a passage" in window.statusBar().currentMessage()


def test_change_a_codings_boundaries_and_reassign_it(qtbot, window, context):
    view = window.transcript
    coding = view.layer.live()[0]
    select_text(window, "Der Sprachkurs ist das A und O. 😀 Wirklich.")
    assert window.coding.change_boundaries(coding.id)
    assert ("Workshop 1", "Sprachkurs", "Der Sprachkurs ist das A und O. 😀 Wirklich.", "default", 0) in codings(context)
    assert window.coding.reassign(coding.id, "Sprache")
    assert ("Workshop 1", "Sprache", "Der Sprachkurs ist das A und O. 😀 Wirklich.", "default", 0) in codings(context)
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert codings(context) == BEFORE


def test_right_to_left_text_codes_at_the_right_place(qtbot, window, context):

    words = "قال المشارك: اللغة هي المفتاح 😀 للعمل"
    from app.importers.base import ParsedDocument, ParsedTurn
    from app.ui.commands import ImportDocuments

    text = f"Ahmad Rahimi: {words}\n"
    document = ParsedDocument("Interview AR", text, "ar.txt", "txt", (ParsedTurn("Ahmad Rahimi", 14, 14 + len(words)),))
    assert context.execute(ImportDocuments(context, [document]))
    window.open_document(window.documents.document_model.rows[-1].id)
    select_text(window, "المفتاح 😀 للعمل")
    assert window.coding.apply("Sprache")
    assert ("Interview AR", "Sprache", "المفتاح 😀 للعمل", "default", 0) in codings(context)
