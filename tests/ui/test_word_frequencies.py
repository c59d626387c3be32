"""Word frequencies beside the search: by speaker and speaker attribute, lemmas, an edited stop list (undoable),
the hits and counts exported as .csv and .xlsx; the dock in German."""

# ruff: noqa: F811 - the fixtures come from tests/ui/search_fixtures.py and are named as arguments

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from tests.ui.search_fixtures import count, search, shown_words, window, workshops  # noqa: F401 - fixtures


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


def test_the_panel_speaks_german(qtbot, qapp, window):
    from app.ui.app import install_translations
    from app.ui.search_dock import SearchDock

    translators = install_translations(qapp, "de")
    try:
        dock = SearchDock(window.context, window)  # owned by the window, like its own dock
        assert dock.tabs.tabText(1) == "Worthäufigkeiten"
        assert dock.panel.mode.itemText(0) == "Lemma (alle Flexionsformen)"
        assert dock.panel.model.headerData(4, Qt.Orientation.Horizontal) == "Treffer"
        assert dock.words.count_button.text() == "Wörter zählen"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)

