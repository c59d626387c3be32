"""The search panel: a German lemma search over a project not indexed yet (built in the background), hits as
keyword-in-context lines, filters, a jump to the hit, and auto-coding with a preview as one undoable step."""

# ruff: noqa: F811 - the fixtures come from tests/ui/search_fixtures.py and are named as arguments

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import services
from tests.ui.search_fixtures import (  # noqa: F401 - fixtures
    _span,
    codings,
    double_click,
    indexed,
    read_only,
    search,
    shown,
    window,
    workshops,
)


def test_lemma_search_builds_the_index_and_finds_every_inflection(qtbot, window, qtmodeltester):
    panel = window.search_panel
    assert indexed(window.context.project.path) == 0
    rows = search(qtbot, panel, "Sprachkurs")
    qtmodeltester.check(panel.model)
    assert [(row[0], row[1], row[2], row[4]) for row in rows] == [
        ("Gruppe 1", "Frau Berger", "0:00:10", "Sprachkurs"),
        ("Gruppe 1", "Frau Berger", "0:00:10", "Sprachkurse"),
        ("Gruppe 1", "Herr Okafor", "0:00:20", "Sprachkursen"),
        ("Workshop 1", "Dr. Anna Weber", "0:00:15", "Sprachkurs"),
    ]
    assert rows[0][3].endswith("Der ") and rows[0][5].startswith(" ist das Wichtigste.")
    assert panel.summary.text() == "4 hit(s) in 2 document(s)"
    assert indexed(window.context.project.path) == 2  # built in the background, with progress shown
    assert panel.progress_label.text() == "Building the language index: Workshop 1"
    assert not panel.progress.isVisible()
    # Filters: one document, one speaker, speakers with an attribute value.
    filters = panel.filter_bar
    filters.document.setCurrentIndex(filters.document.findText("Workshop 1"))
    assert [row[0] for row in search(qtbot, panel, "Sprachkurs")] == ["Workshop 1"]
    filters.document.setCurrentIndex(0)
    filters.speaker.setCurrentIndex(filters.speaker.findText("Frau Berger"))
    assert [row[4] for row in search(qtbot, panel, "Sprachkurs")] == ["Sprachkurs", "Sprachkurse"]
    filters.speaker.setCurrentIndex(0)
    filters.attribute.setCurrentIndex(filters.attribute.findText("Institution = IHK"))
    assert [row[4] for row in search(qtbot, panel, "Sprachkurs")] == ["Sprachkursen"]


def test_search_within_a_code_follows_new_codings(qtbot, window):
    panel = window.search_panel
    filters = panel.filter_bar
    filters.code.setCurrentIndex(filters.code.findText("Anerkennung"))
    assert search(qtbot, panel, "Sprachkurs") == []
    window.open_document(window.documents.document_model.rows[0].id)
    window.transcript.select_span(*_span(window, "In den Sprachkursen lernen sie viel."))
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):  # the hits shown are searched again
        window.coding.apply("Anerkennung")
    assert [row[4] for row in shown(panel)] == ["Sprachkursen"]


def test_other_modes_and_a_bad_regular_expression(qtbot, window):
    panel = window.search_panel
    assert [row[4] for row in search(qtbot, panel, "Sprach*", "wildcard")] == ["Sprachkurs", "Sprachkurse", "Sprachkursen", "Sprachkurs"]
    assert [row[4] for row in search(qtbot, panel, "Sprachkurse", "word")] == ["Sprachkurse"]
    assert search(qtbot, panel, "Sprachkurs(", "regex") == []
    assert "not a valid regular expression" in panel.summary.text()


def test_a_cancelled_search_shows_nothing_and_the_next_one_runs(qtbot, window):
    panel = window.search_panel
    panel.query.setText("Sprachkurs")
    panel.run_search()
    assert not panel.search_button.isEnabled()
    with qtbot.waitSignal(window.context.tasks.sig_busy_changed, check_params_cb=lambda busy: not busy, timeout=30_000):
        panel.cancel()  # before the worker even started
    assert panel.summary.text() == "Search cancelled." and shown(panel) == []
    assert panel.search_button.isEnabled()
    assert len(search(qtbot, panel, "Sprachkurs")) == 4


def test_double_click_jumps_to_the_hit(qtbot, window):
    panel = window.search_panel
    search(qtbot, panel, "Sprachkurs")
    window.documents.select_document(window.documents.document_model.rows[1].id)  # "Workshop 1" is open
    assert window.transcript.document_name == "Workshop 1"
    double_click(qtbot, panel, 2)
    assert window.transcript.document_name == "Gruppe 1"
    assert window.transcript.textCursor().selectedText() == "Sprachkursen"
    double_click(qtbot, panel, 3)
    assert window.transcript.document_name == "Workshop 1"
    assert window.transcript.textCursor().selectedText() == "Sprachkurs"


def test_autocode_sentences_with_preview_then_undo_and_redo(qtbot, window, workshops):
    panel, context = window.search_panel, window.search_panel.context
    search(qtbot, panel, "Sprachkurs")
    before = codings(workshops)
    panel.code_box.setCurrentIndex(panel.code_box.findText("Sprache/Sprachkurs"))
    panel.unit.setCurrentIndex(panel.unit.findData("sentence"))
    dialog = panel.preview_autocode()
    passages = [item.text(2) for item in dialog.items]
    assert passages == [
        "Der Sprachkurs ist das Wichtigste.",
        "Viele Sprachkurse sind voll.",
        "In den Sprachkursen lernen sie viel.",
        "Der Sprachkurs ist das A und O. 😀",  # the emoji closes the sentence (app/analysis/sentence_rules.py)
    ]
    assert dialog.summary.text() == "4 passage(s) will be coded."
    dialog.items[3].setCheckState(0, Qt.CheckState.Unchecked)  # leave the other workshop out
    assert codings(workshops) == before  # nothing written while the preview is open
    with qtbot.waitSignal(context.sig_project_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    after = codings(workshops)
    assert len(after) == len(before) + 3
    assert panel.summary.text() == "Coded 3 passage(s) with “Sprache/Sprachkurs”."
    assert context.undo_stack.count() == 1 and context.undo_stack.undoText() == "Auto-code as “Sprachkurs”"
    text = window.transcript.content.text
    assert sorted(text[start:end] for _, _, start, end in after) == [
        "Der Sprachkurs ist das Wichtigste.", "In den Sprachkursen lernen sie viel.", "Viele Sprachkurse sind voll.",
    ]
    context.undo_stack.undo()
    assert codings(workshops) == before
    context.undo_stack.redo()
    assert sorted((s, e) for _, _, s, e in codings(workshops)) == sorted((s, e) for _, _, s, e in after)
    context.undo_stack.undo()
    assert codings(workshops) == before


def test_autocode_preview_marks_passages_coded_already(qtbot, window):
    panel = window.search_panel
    search(qtbot, panel, "Sprachkurs")
    panel.code_box.setCurrentIndex(panel.code_box.findText("Anerkennung"))
    first = panel.preview_autocode()
    with qtbot.waitSignal(panel.context.sig_project_changed):
        first.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    again = panel.preview_autocode()
    assert all(item.text(2).startswith("(coded already)") for item in again.items)
    assert not again.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    again.reject()


def test_screenshot_of_the_panel(qtbot, window, tmp_path):
    panel = window.search_panel
    search(qtbot, panel, "Sprachkurs")
    window.resize(1300, 860)
    folder = Path(os.environ.get("FOCUSCODER_SCREENSHOTS", tmp_path))  # set it to keep the picture
    assert window.search_dock.grab().save(str(folder / "search_panel.png"))


def test_ctrl_shift_f_opens_the_search_ready_to_type(qtbot, window):
    assert not window.search_dock.isVisible()
    action = next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+F")
    action.trigger()
    assert window.search_dock.isVisible() and window.search_dock.tabs.currentWidget() is window.search_panel
    assert window.search_panel.query.hasFocus() or not window.isActiveWindow()  # focus needs an active window


def test_a_read_only_project_is_searched_but_not_coded(qtbot, read_only, workshops):
    panel = read_only.search_panel
    assert len(search(qtbot, panel, "Sprachkurs")) == 4, panel.summary.text()  # an index in memory
    assert not panel.autocode_button.isEnabled() and not read_only.search_dock.words.stop_button.isEnabled()
    assert indexed(workshops) == 0  # nothing written


def test_hits_follow_a_deleted_document(qtbot, window):
    panel, context = window.search_panel, window.context
    search(qtbot, panel, "Sprachkurs")
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):  # searched again
        context.notify(services.delete_document(context.project, "Workshop 1"))
    assert {row[0] for row in shown(panel)} == {"Gruppe 1"}
    assert panel.filter_bar.document.findText("Workshop 1") == -1
