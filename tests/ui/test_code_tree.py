"""The code tree: create, rename, recolour, delete (with confirmation), merge, re-parent by drag and drop, edit the
category-system columns; each an undo step; the model passes Qt's model tester throughout."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QMessageBox


def tree_rows(context) -> list[tuple]:
    """(name, parent name, colour, number of codings) of every code, from the file itself."""
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute(
            "SELECT c.name, p.name, c.color, (SELECT count(*) FROM coding k WHERE k.code_id = c.id) "
            "FROM code c LEFT JOIN code p ON p.id = c.parent_id ORDER BY c.parent_id IS NOT NULL, p.name, c.position"
        ).fetchall()


def choose(window, path: str) -> None:
    tree = window.codes.tree
    row = next(r for r in tree.code_model.rows if r.path == path)
    tree.setCurrentIndex(tree.code_model.index_of_code(row.id))


def paths(window) -> list[str]:
    return [row.path for row in window.codes.tree.code_model.rows]


def test_new_code_under_a_parent_and_undo(qtbot, window, context, qtmodeltester):
    before = tree_rows(context)
    assert window.codes.new_code("Sprache/Fachsprache")
    assert ("Fachsprache", "Sprache", tree_rows(context)[-1][2], 0) in tree_rows(context)
    assert "Sprache/Fachsprache" in paths(window)
    assert window.codes.tree.current_row().path == "Sprache/Fachsprache"
    qtmodeltester.check(window.codes.tree.code_model)
    context.undo_stack.undo()
    assert tree_rows(context) == before


def test_rename_in_place_by_editing_the_tree(qtbot, window, context):
    choose(window, "Arbeitgeber")
    model = window.codes.tree.code_model
    index = window.codes.tree.currentIndex()
    assert model.setData(index, "Arbeitgeberengagement")
    qtbot.waitUntil(lambda: "Arbeitgeberengagement" in paths(window))
    context.undo_stack.undo()
    assert "Arbeitgeber" in paths(window) and "Arbeitgeberengagement" not in paths(window)
    context.undo_stack.redo()
    assert "Arbeitgeberengagement" in paths(window)


def test_rename_keeps_codings_and_refuses_a_sibling_name(qtbot, window, context):
    choose(window, "Sprache/Sprachkurs")
    assert window.codes.rename_code("Deutschkurs")
    assert ("Deutschkurs", "Sprache", "#46F0F0", 1) in tree_rows(context)
    choose(window, "Anerkennung")
    with qtbot.waitSignal(context.sig_error):
        assert not window.codes.rename_code("Sprache")
    assert window.transcript.look.paths[window.transcript.layer.live()[0].code_id] == "Sprache/Deutschkurs"


def test_recolour_changes_highlights_and_undo_restores(qtbot, window, context):
    choose(window, "Sprache/Sprachkurs")
    assert window.codes.recolour_code("#112233")
    assert ("Sprachkurs", "Sprache", "#112233", 1) in tree_rows(context)
    assert window.transcript.look.colors[window.transcript.layer.live()[0].code_id] == "#112233"
    context.undo_stack.undo()
    assert ("Sprachkurs", "Sprache", "#46F0F0", 1) in tree_rows(context)


def test_delete_asks_first_and_undo_restores_codes_and_codings(qtbot, window, context, monkeypatch):
    before = tree_rows(context)
    choose(window, "Sprache")
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: QMessageBox.StandardButton.No)
    assert not window.codes.delete_code()
    assert tree_rows(context) == before
    asked = []

    def yes(parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    assert window.codes.delete_code()
    assert "1 coding(s)" in asked[0]
    assert [row[0] for row in tree_rows(context)] == ["Anerkennung", "Arbeitgeber"]
    assert window.transcript.layer.count == 0
    context.undo_stack.undo()
    assert sorted(tree_rows(context)) == sorted(before)
    assert paths(window)[:2] == ["Sprache", "Sprache/Sprachkurs"]  # back in its place
    assert window.transcript.layer.count == 1
    context.undo_stack.redo()
    assert [row[0] for row in tree_rows(context)] == ["Anerkennung", "Arbeitgeber"]


def test_merge_moves_codings_and_undo_separates_them_again(qtbot, window, context):
    before = tree_rows(context)
    choose(window, "Anerkennung")
    assert window.codes.merge_code("Sprache/Sprachkurs")
    assert "Anerkennung" not in paths(window)
    assert ("Sprachkurs", "Sprache", "#46F0F0", 2) in tree_rows(context)
    context.undo_stack.undo()
    assert sorted(tree_rows(context)) == sorted(before)
    assert paths(window) == ["Sprache", "Sprache/Sprachkurs", "Anerkennung", "Arbeitgeber"]
    context.undo_stack.redo()
    assert ("Sprachkurs", "Sprache", "#46F0F0", 2) in tree_rows(context)


def test_drag_and_drop_reparents_and_reorders(qtbot, window, context, qtmodeltester):
    tree = window.codes.tree
    model = tree.code_model
    choose(window, "Arbeitgeber")
    data = model.mimeData([tree.currentIndex()])
    sprache = model.index_of_code(next(r.id for r in model.rows if r.path == "Sprache"))
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, sprache)
    model.dropMimeData(data, Qt.DropAction.MoveAction, 0, 0, sprache)
    qtbot.waitUntil(lambda: "Sprache/Arbeitgeber" in paths(window))
    assert paths(window) == ["Sprache", "Sprache/Arbeitgeber", "Sprache/Sprachkurs", "Anerkennung"]
    qtmodeltester.check(model)
    # Back to the top level, first place.
    choose(window, "Sprache/Arbeitgeber")
    model.dropMimeData(model.mimeData([tree.currentIndex()]), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    qtbot.waitUntil(lambda: paths(window)[0] == "Arbeitgeber")
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert paths(window) == ["Sprache", "Sprache/Sprachkurs", "Anerkennung", "Arbeitgeber"]


def test_a_code_cannot_be_dropped_into_its_own_subcode(window):
    tree = window.codes.tree
    model = tree.code_model
    choose(window, "Sprache")
    data = model.mimeData([tree.currentIndex()])
    child = model.index_of_code(next(r.id for r in model.rows if r.path == "Sprache/Sprachkurs"))
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, child)


def test_definition_anchor_and_rule_are_edited_beside_the_tree(qtbot, window, context):
    choose(window, "Anerkennung")
    editor = window.codes.editor
    assert not editor.save_button.isEnabled()
    editor.definition.setPlainText("Anerkennung ausländischer Abschlüsse")
    editor.coding_rule.setPlainText("Nur formale Anerkennung")
    assert editor.save_button.isEnabled()
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    row = window.codes.tree.current_row()
    assert (row.definition, row.coding_rule, row.anchor_example) == (
        "Anerkennung ausländischer Abschlüsse", "Nur formale Anerkennung", "")
    assert editor.definition.toPlainText() == "Anerkennung ausländischer Abschlüsse"
    # One tab per field; a tab whose field holds text says so, also after another code was shown.
    titles = [editor.tabs.tabText(i) for i in range(editor.tabs.count())]
    assert titles == ["Definition •", "Anchor example", "Coding rule •", "Memo"]
    choose(window, "Sprache")
    assert editor.tab_title(editor.definition) == "Definition"
    choose(window, "Anerkennung")
    assert editor.tab_title(editor.definition) == "Definition •"
    context.undo_stack.undo()
    assert window.codes.tree.current_row().definition == ""
