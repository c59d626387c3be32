"""The search panel: a German lemma search over a project not indexed yet (built in the background), hits as
keyword-in-context lines, filters, a jump to the hit, and auto-coding with a preview as one undoable step."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app import services
from tests.fixtures.texts import GERMAN_TURNS
from tests.ui.conftest import TURNS, transcript

TIMED = tuple((speaker, words, 10_000 * number) for number, (speaker, words) in enumerate(GERMAN_TURNS))


@pytest.fixture
def workshops(tmp_path: Path) -> Path:
    """"Gruppe 1" (the German workshop, with time stamps) and "Workshop 1"; no language index yet."""
    path = tmp_path / "workshops.fcproj"
    with services.create_project(path, name="Sprachkurse") as project:
        services.import_documents(project, [transcript("Gruppe 1", TIMED), transcript("Workshop 1", TURNS)])
        services.add_code(project, "Sprache/Sprachkurs", color="#46F0F0")
        services.add_code(project, "Anerkennung", color="#F58231")
        services.set_attribute(project, name="Institution", value="IHK", speaker="Herr Okafor")
    return path


@pytest.fixture
def window(qtbot, settings, workshops):
    from app.ui.context import ApplicationContext
    from app.ui.main_window import MainWindow

    context = ApplicationContext(settings)
    context.open_project(workshops)
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    yield window
    context.shutdown()


def search(qtbot, panel, query: str, mode: str = "lemma") -> list[tuple]:
    panel.window().search_dock.open_search()
    panel.query.setText(query)
    panel.mode.setCurrentIndex(panel.mode.findData(mode))
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):
        qtbot.mouseClick(panel.search_button, Qt.MouseButton.LeftButton)
    return shown(panel)


def double_click(qtbot, panel, row: int) -> None:
    center = panel.table.visualRect(panel.model.index(row, 4)).center()
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=center)
    qtbot.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=center)


def codings(path: Path) -> list[tuple]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT document_id, code_id, start, \"end\" FROM coding ORDER BY id").fetchall()


def indexed(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT count(*) FROM text_index").fetchone()[0]


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
    panel, context = window.search_panel, window.context
    filters = panel.filter_bar
    filters.code.setCurrentIndex(filters.code.findText("Anerkennung"))
    assert search(qtbot, panel, "Sprachkurs") == []
    window.open_document(window.documents.document_model.rows[0].id)
    window.transcript.select_span(*_span(window, "In den Sprachkursen lernen sie viel."))
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):  # the hits shown are searched again
        window.coding.apply("Anerkennung")
    assert [row[4] for row in shown(panel)] == ["Sprachkursen"]


def _span(window, passage: str) -> tuple[int, int]:
    start = window.transcript.content.text.index(passage)
    return start, start + len(passage)


def shown(panel) -> list[tuple]:
    model = panel.model
    return [tuple(model.index(row, column).data() for column in range(model.columnCount())) for row in range(model.rowCount())]


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
        "Der Sprachkurs ist das A und O. 😀 Wirklich.",
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


def test_hits_and_word_frequencies_export_as_csv_and_xlsx(qtbot, window, tmp_path):
    import csv

    from openpyxl import load_workbook

    panel = window.search_panel
    search(qtbot, panel, "Sprachkurs")
    written = panel.export_hits(str(tmp_path / "hits.csv"))
    with open(written, newline="", encoding="utf-8-sig") as file:
        rows = list(csv.reader(file, delimiter=";"))
    assert [row[6] for row in rows[1:]] == ["Sprachkurs", "Sprachkurse", "Sprachkursen", "Sprachkurs"]
    count(qtbot, window, "speaker", lemma=True)
    sheet = load_workbook(window.search_dock.words.export(str(tmp_path / "words.xlsx"))).active
    values = [tuple(cell.value for cell in row) for row in sheet.iter_rows()]
    assert ("Frau Berger", "Sprachkurs", 2) in values


def test_screenshot_of_the_panel(qtbot, window, tmp_path):
    panel = window.search_panel
    search(qtbot, panel, "Sprachkurs")
    window.resize(1300, 860)
    folder = Path(os.environ.get("FOCUSCODER_SCREENSHOTS", tmp_path))  # set it to keep the picture
    assert window.search_dock.grab().save(str(folder / "search_panel.png"))


# --- word frequencies and the stop list ---------------------------------------------------------------------------


def count(qtbot, window, by: str, lemma: bool) -> list[tuple]:
    words = window.search_dock.words
    window.search_dock.open_search()
    window.search_dock.tabs.setCurrentWidget(words)
    words.by.setCurrentIndex(words.by.findData(by))
    words.lemma.setChecked(lemma)
    with qtbot.waitSignal(words.sig_counted, timeout=30_000):
        qtbot.mouseClick(words.count_button, Qt.MouseButton.LeftButton)
    model = words.model
    return [tuple(model.index(row, column).data() for column in range(3)) for row in range(model.rowCount())]


def test_word_frequencies_by_speaker_with_an_edited_stop_list(qtbot, window, qtmodeltester):
    words = window.search_dock.words
    rows = count(qtbot, window, "speaker", lemma=True)
    qtmodeltester.check(words.model)
    berger = {word: n for group, word, n in rows if group == "Frau Berger"}
    assert berger["Sprachkurs"] == 2  # "Sprachkurs" and "Sprachkurse"
    assert not {"der", "die", "ist", "sein"} & {word.casefold() for word in berger}  # spaCy's stop words
    dialog = words.edit_stop_words()
    dialog.editor.appendPlainText("sprachkurs")
    with qtbot.waitSignal(words.sig_counted, timeout=30_000):  # the table follows the new stop list
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "Sprachkurs" not in {word for _, word, _ in shown_words(words)}
    context = window.context
    assert context.undo_stack.undoText() == "Edit the stop list (de)"
    with qtbot.waitSignal(words.sig_counted, timeout=30_000):
        context.undo_stack.undo()
    assert ("Frau Berger", "Sprachkurs", 2) in shown_words(words)
    by_attribute = count(qtbot, window, "attribute:Institution", lemma=False)
    assert ("IHK", "Sprachkursen", 1) in by_attribute and {group for group, _, _ in by_attribute} <= {"IHK", "–"}


def shown_words(words) -> list[tuple]:
    model = words.model
    return [tuple(model.index(row, column).data() for column in range(3)) for row in range(model.rowCount())]


def test_the_panel_speaks_german(qtbot, qapp, window):
    from app.ui.app import install_translations
    from app.ui.search_dock import SearchDock

    translators = install_translations(qapp, "de")
    try:
        dock = SearchDock(window.context)
        qtbot.addWidget(dock)
        assert dock.tabs.tabText(1) == "Worthäufigkeiten"
        assert dock.panel.mode.itemText(0) == "Lemma (alle Flexionsformen)"
        assert dock.panel.model.headerData(4, Qt.Orientation.Horizontal) == "Treffer"
        assert dock.words.count_button.text() == "Wörter zählen"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def test_ctrl_shift_f_opens_the_search_ready_to_type(qtbot, window):
    assert not window.search_dock.isVisible()
    action = next(a for a in window.actions() if a.shortcut().toString() == "Ctrl+Shift+F")
    action.trigger()
    assert window.search_dock.isVisible() and window.search_dock.tabs.currentWidget() is window.search_panel
    assert window.search_panel.query.hasFocus() or not window.isActiveWindow()  # focus needs an active window


@pytest.fixture
def read_only(qapp, settings, workshops):
    """A context with the workshops opened read-only."""
    from app.models import open_project
    from app.ui.context import ApplicationContext

    context = ApplicationContext(settings)
    context.set_project(open_project(workshops, read_only=True))
    yield context
    context.shutdown()


def test_a_read_only_project_is_searched_but_not_coded(qtbot, read_only, workshops):
    from app.ui.search_dock import SearchDock

    dock = SearchDock(read_only)
    qtbot.addWidget(dock)
    panel = dock.panel
    panel.query.setText("Sprachkurs")
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):
        panel.run_search()
    assert len(shown(panel)) == 4, panel.summary.text()  # an index in memory: nothing is written
    assert not panel.autocode_button.isEnabled() and not dock.words.stop_button.isEnabled()
    assert indexed(workshops) == 0


def test_hits_follow_a_deleted_document(qtbot, window):
    panel, context = window.search_panel, window.context
    search(qtbot, panel, "Sprachkurs")
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):  # searched again
        context.notify(services.delete_document(context.project, "Workshop 1"))
    assert {row[0] for row in shown(panel)} == {"Gruppe 1"}
    assert panel.filter_bar.document.findText("Workshop 1") == -1
