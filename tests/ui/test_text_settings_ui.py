"""The language index built right after an import, in the background; code keywords and "Suggest"; a document's
language from the document browser's context menu. Real project files, read back with sqlite3."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.analysis.text_index import index_documents

TEXT = ("Moderatorin: Was hilft beim Einstieg?\n"
        "Frau Krüger: Der Sprachkurs war gut 👍 Dann kam die Anerkennung.\n"
        "Herr Okafor: Ohne Sprachkurse geht es nicht. Die Kita fehlt.\n")


def rows(path: Path, sql: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(path)) as db:
        return db.execute(sql, params).fetchall()


def indexed(path: Path) -> dict[str, str]:
    """Document name -> the language of its stored index."""
    return dict(rows(path, "SELECT d.name, i.language FROM text_index i JOIN document d ON d.id = i.document_id"))


def import_files(qtbot, window, context, paths: list[Path]) -> None:
    """Import through the window's flow: read in the background, the preview, OK."""
    from app.ui.import_documents import import_with_preview

    import_with_preview(window, context, [str(path) for path in paths])
    qtbot.waitUntil(lambda: getattr(window, "import_preview", None) is not None and window.import_preview.isVisible())
    window.import_preview.accept()


@pytest.fixture
def transcripts(tmp_path: Path) -> list[Path]:
    paths = []
    for number in (3, 4, 5):
        path = tmp_path / f"Workshop {number}.txt"
        path.write_text(TEXT, encoding="utf-8")
        paths.append(path)
    return paths


# --- the index after an import ------------------------------------------------------------------------------------


def test_an_import_builds_the_index_in_the_background_so_the_first_search_is_instant(
    qtbot, window, context, study, transcripts
):
    index_documents(context.project)  # the workshops there already; only the new one is left to do
    import_files(qtbot, window, context, transcripts[:1])
    qtbot.waitUntil(lambda: "Workshop 3" in indexed(study), timeout=30_000)
    qtbot.waitUntil(lambda: context.indexer.task is None)
    assert set(indexed(study)) == {"Workshop 1", "Workshop 2", "Workshop 3"}
    panel = window.search_panel
    progress = []
    window.search_dock.open_search()
    panel.query.setText("Sprachkurs")
    panel.run_search()
    panel.task.sig_progress.connect(lambda fraction, name: progress.append(name))
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):
        pass
    assert progress == [] and not panel.progress.isVisible()  # nothing left to index
    assert panel.model.rowCount() == 4  # 2 in Workshop 3, 1 each in Workshops 1 and 2


def test_an_import_of_many_files_shows_progress_in_the_status_bar(qtbot, window, context, study, transcripts):
    progress_widget = window.index_progress
    seen: list[tuple[int, str, bool]] = []
    context.indexer.sig_started.connect(lambda task: task.sig_progress.connect(
        lambda fraction, name: seen.append((round(fraction * 100), name, progress_widget.isVisible()))))
    import_files(qtbot, window, context, transcripts)
    with qtbot.waitSignal(context.indexer.sig_indexed, timeout=30_000) as done:
        pass
    assert [(percent, name) for percent, name, _ in seen] == [
        (33, "Workshop 3"), (67, "Workshop 4"), (100, "Workshop 5")]
    assert any(visible for *_, visible in seen[1:])  # shown while it runs
    new_ids = rows(study, "SELECT id FROM document WHERE name IN ('Workshop 3', 'Workshop 4', 'Workshop 5')")
    assert sorted(done.args[0]) == sorted(row for (row,) in new_ids)
    qtbot.waitUntil(lambda: not progress_widget.isVisible())  # and gone when done
    assert progress_widget.label.text() == "Building the language index: Workshop 5"


def test_cancelled_indexing_keeps_nothing_half_done_and_a_search_finishes_it(
    qtbot, window, context, study, transcripts
):
    from app.importers import read_document
    from app.ui.commands import ImportDocuments

    context.execute(ImportDocuments(context, [read_document(str(transcripts[0]))]))
    context.indexer.cancel()  # before the worker starts: nothing is read
    qtbot.wait(200)
    assert "Workshop 3" not in indexed(study)
    panel = window.search_panel
    window.search_dock.open_search()
    panel.query.setText("Kita")
    with qtbot.waitSignal(panel.sig_searched, timeout=30_000):
        panel.run_search()
    assert panel.model.rowCount() == 1 and "Workshop 3" in indexed(study)


def test_undo_of_an_import_and_redo_index_the_documents_again(qtbot, window, context, study, transcripts):
    import_files(qtbot, window, context, transcripts[:1])
    qtbot.waitUntil(lambda: "Workshop 3" in indexed(study), timeout=30_000)
    context.undo_stack.undo()
    assert "Workshop 3" not in indexed(study)
    context.undo_stack.redo()  # a new document id: indexed again
    qtbot.waitUntil(lambda: "Workshop 3" in indexed(study), timeout=30_000)


# --- the document's language ----------------------------------------------------------------------------------


def _menu(window, name: str):
    browser = window.documents
    model = browser.document_model
    row = next(row for row in model.rows if row.name == name)
    return browser.context_menu(model.index_of_document(row.id)).language_menu


def test_the_language_from_the_context_menu_rebuilds_the_index_and_undoes(qtbot, window, context, study):
    index_documents(context.project)
    assert indexed(study)["Workshop 1"] == "de"
    menu = _menu(window, "Workshop 1")
    assert [action.text() for action in menu.actions()] == ["Detect automatically (German)", "German", "English"]
    assert menu.choices[None].isChecked()
    menu.choices["en"].trigger()
    assert rows(study, "SELECT language FROM document WHERE name = 'Workshop 1'") == [("en",)]
    qtbot.waitUntil(lambda: indexed(study).get("Workshop 1") == "en", timeout=30_000)  # rebuilt, no search needed
    assert context.undo_stack.undoText() == "Language of “Workshop 1”"
    assert _menu(window, "Workshop 1").choices["en"].isChecked()
    context.undo_stack.undo()
    assert rows(study, "SELECT language FROM document WHERE name = 'Workshop 1'") == [(None,)]
    qtbot.waitUntil(lambda: indexed(study).get("Workshop 1") == "de", timeout=30_000)
    context.undo_stack.redo()
    qtbot.waitUntil(lambda: indexed(study).get("Workshop 1") == "en", timeout=30_000)
    # choosing what is set already changes nothing and adds no undo step
    steps = context.undo_stack.count()
    _menu(window, "Workshop 1").choices["en"].trigger()
    assert context.undo_stack.count() == steps


# --- code keywords and suggestions ----------------------------------------------------------------------------


def keyword_panel(window):
    window.search_dock.open_search()
    window.search_dock.tabs.setCurrentWidget(window.search_dock.keywords)
    return window.search_dock.keywords


def shown_keywords(panel) -> list[tuple[str, str]]:
    return [(panel.table.item(row, 0).text(), panel.table.item(row, 1).text()) for row in range(panel.table.rowCount())]


def test_keywords_are_added_and_removed_one_undo_step_each(qtbot, window, context, study):
    panel = keyword_panel(window)
    panel.choose_code("Sprache/Sprachkurs")
    assert panel.summary.text() == "No keywords yet." and not panel.suggest_button.isEnabled()
    qtbot.keyClicks(panel.keyword, "Sprachkurs, Deutschkurs")
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    panel.mode.setCurrentIndex(panel.mode.findData("wildcard"))
    qtbot.keyClicks(panel.keyword, "Integrations*")
    qtbot.keyClick(panel.keyword, Qt.Key.Key_Return)
    stored = rows(study, "SELECT k.query, k.mode FROM code_keyword k ORDER BY k.position")
    assert stored == [("Sprachkurs", "lemma"), ("Deutschkurs", "lemma"), ("Integrations*", "wildcard")]
    lemma = "Lemma (every inflection)"
    assert shown_keywords(panel) == [("Sprachkurs", lemma), ("Deutschkurs", lemma), ("Integrations*", "Wildcard (* and ?)")]
    assert panel.keyword.text() == "" and panel.suggest_button.isEnabled()
    panel.table.selectRow(1)
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    assert [query for query, _ in shown_keywords(panel)] == ["Sprachkurs", "Integrations*"]
    assert context.undo_stack.count() == 3 and context.undo_stack.undoText() == "Keywords of “Sprachkurs”"
    context.undo_stack.undo()
    assert [query for query, _ in shown_keywords(panel)] == ["Sprachkurs", "Deutschkurs", "Integrations*"]
    context.undo_stack.undo()
    context.undo_stack.undo()
    assert shown_keywords(panel) == [] and rows(study, "SELECT count(*) FROM code_keyword") == [(0,)]
    # another code has keywords of its own
    panel.choose_code("Anerkennung")
    assert shown_keywords(panel) == []


def test_suggest_lists_uncoded_passages_and_codes_the_chosen_ones_in_one_step(qtbot, window, context, study):
    panel = keyword_panel(window)
    panel.choose_code("Sprache/Sprachkurs")
    panel.add_keywords("Sprachkurs, Anerkennung")
    before = rows(study, "SELECT count(*) FROM coding")[0][0]
    with qtbot.waitSignal(panel.sig_suggested, timeout=30_000) as found:
        qtbot.mouseClick(panel.suggest_button, Qt.MouseButton.LeftButton)
    dialog = panel.suggest_preview
    # Workshop 1's "Der Sprachkurs ist das A und O." is coded with it already (the study fixture): not suggested
    assert [(item.text(0), item.text(2)) for item in dialog.items] == [
        ("Workshop 1", "Ohne Anerkennung der Abschlüsse geht wenig."),
        ("Workshop 2", "Der Sprachkurs ist das A und O. 😀"),
        ("Workshop 2", "Ohne Anerkennung der Abschlüsse geht wenig."),
    ]
    assert found.args == [3] and dialog.windowTitle() == "Suggestions for “Sprache/Sprachkurs”"
    assert panel.summary.text() == "3 passage(s) suggested for “Sprache/Sprachkurs”."
    dialog.items[2].setCheckState(0, Qt.CheckState.Unchecked)  # "Anerkennung" is no Sprachkurs there
    assert rows(study, "SELECT count(*) FROM coding")[0][0] == before  # nothing written while the preview is open
    with qtbot.waitSignal(context.sig_project_changed):
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert rows(study, "SELECT count(*) FROM coding")[0][0] == before + 2
    assert panel.summary.text() == "Coded 2 passage(s) with “Sprache/Sprachkurs”."
    assert context.undo_stack.undoText() == "Auto-code as “Sprachkurs”"
    context.undo_stack.undo()
    assert rows(study, "SELECT count(*) FROM coding")[0][0] == before
    # what is coded now is suggested no more
    context.undo_stack.redo()
    with qtbot.waitSignal(panel.sig_suggested, timeout=30_000):
        panel.run_suggest()
    assert [(item.text(0), item.text(2)) for item in panel.suggest_preview.items] == [
        ("Workshop 2", "Ohne Anerkennung der Abschlüsse geht wenig.")]
    panel.suggest_preview.reject()


def test_the_keywords_follow_the_code_chosen_in_the_code_tree(qtbot, window, context):
    from app.ui.text_commands import SetCodeKeywords
    from tests.ui.test_coding import code_index

    panel = keyword_panel(window)
    context.execute(SetCodeKeywords(context, "Anerkennung", [("Anerkennung", "lemma"), ("anerkannt", "word")], []))
    window.codes.tree.setCurrentIndex(code_index(window, "Anerkennung"))
    assert panel.code == "Anerkennung"
    assert shown_keywords(panel) == [("Anerkennung", "Lemma (every inflection)"), ("anerkannt", "Word")]


def test_suggest_by_turn_in_a_read_only_project_is_refused(qtbot, settings, study):
    from app import services
    from app.models import open_project
    from app.ui.context import ApplicationContext
    from app.ui.keywords_panel import KeywordPanel

    with services.open_project(study) as project:
        services.set_code_keywords(project, "Anerkennung", [("Anerkennung", "lemma")])
    context = ApplicationContext(settings)
    context.set_project(open_project(study, read_only=True))
    panel = KeywordPanel(context)
    qtbot.addWidget(panel)
    panel.choose_code("Anerkennung")
    assert [query for query, _ in shown_keywords(panel)] == ["Anerkennung"]
    assert not panel.add_button.isEnabled() and not panel.suggest_button.isEnabled()
    assert context.indexer.index([1]) is None  # nothing is written to a read-only project
    context.shutdown()


def test_keywords_tab_language_menu_and_undo_texts_in_german(qtbot, window, context):
    from app.ui.translations import switch_language

    panel = keyword_panel(window)
    panel.choose_code("Anerkennung")
    try:
        switch_language("de")
        assert window.search_dock.tabs.tabText(window.search_dock.tabs.indexOf(panel)) == "Suchbegriffe der Codes"
        assert panel.suggest_button.text() == "Textstellen vorschlagen …"
        assert panel.mode.itemText(0) == "Lemma (alle Flexionsformen)"
        panel.add_keywords("Anerkennung")
        assert shown_keywords(panel) == [("Anerkennung", "Lemma (alle Flexionsformen)")]
        assert context.undo_stack.undoText() == "Suchbegriffe von „Anerkennung“"
        menu = _menu(window, "Workshop 2")
        assert [action.text() for action in menu.actions()] == ["Automatisch erkennen (Deutsch)", "Deutsch", "Englisch"]
    finally:
        switch_language("en")
    assert panel.suggest_button.text() == "Suggest passages…"
