"""Memos of codes (beside the code tree) and of codings (from the transcript), and a coding's weight; undoable."""

from __future__ import annotations

import sqlite3
from contextlib import closing


def memos(context) -> list[tuple]:
    with closing(sqlite3.connect(f"file:{context.project.path}?mode=ro", uri=True)) as db:
        return db.execute(
            "SELECT coalesce(c.name, ''), m.coding_id IS NOT NULL, m.text FROM memo m LEFT JOIN code c ON c.id = m.code_id"
        ).fetchall()


def choose(window, path):
    tree = window.codes.tree
    tree.setCurrentIndex(tree.code_model.index_of_code(next(r.id for r in tree.code_model.rows if r.path == path)))


def test_code_memo_is_saved_with_the_columns_in_one_step(qtbot, window, context):
    choose(window, "Anerkennung")
    editor = window.codes.editor
    editor.definition.setPlainText("Formale Anerkennung")
    editor.memo.setPlainText("Mit Kammer klären")
    assert editor.save_button.isEnabled()
    editor.save()
    assert memos(context) == [("Anerkennung", 0, "Mit Kammer klären")]
    assert window.codes.tree.current_row().definition == "Formale Anerkennung"
    context.undo_stack.undo()  # both at once
    assert memos(context) == []
    assert window.codes.tree.current_row().definition == ""
    assert editor.memo.toPlainText() == ""


def test_unsaved_edits_survive_coding_elsewhere(qtbot, window, context):
    choose(window, "Anerkennung")
    window.codes.editor.definition.setPlainText("halb geschrieben")
    start = window.transcript.content.text.index("Was hilft")
    window.transcript.select_span(start, start + 9)
    assert window.coding.apply("Arbeitgeber")
    assert window.codes.editor.definition.toPlainText() == "halb geschrieben"


def test_coding_memo_and_weight(qtbot, window, context):
    view = window.transcript
    coding = view.layer.live()[0]
    assert window.coding.edit_memo(coding.id, "Schlüsselstelle")
    assert memos(context) == [("", 1, "Schlüsselstelle")]
    assert window.coding.set_weight(coding.id, coding.weight, 80)
    assert view.layer.live()[0].weight == 80
    assert "weight 80" in view.describe_codings([0])
    context.undo_stack.undo()
    assert view.layer.live()[0].weight == 0
    context.undo_stack.undo()
    assert memos(context) == []


def test_choosing_another_code_saves_the_edits_first(qtbot, window, context):
    choose(window, "Anerkennung")
    window.codes.editor.coding_rule.setPlainText("Nur formale Verfahren")
    choose(window, "Arbeitgeber")
    assert window.codes.editor.coding_rule.toPlainText() == ""
    qtbot.waitUntil(lambda: context.undo_stack.count() == 1)
    rows = {row.path: row for row in window.codes.tree.code_model.rows}
    assert rows["Anerkennung"].coding_rule == "Nur formale Verfahren"
    assert window.codes.tree.current_row().path == "Arbeitgeber"
