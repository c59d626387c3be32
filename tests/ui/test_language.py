"""German user interface: FocusCoder's texts and Qt's own, chosen in the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialogButtonBox

from app.ui.settings import LANGUAGE


@pytest.fixture
def german(qapp):
    from app.ui.app import install_translations

    translators = install_translations(qapp, "de")
    yield translators
    for translator in translators:
        qapp.removeTranslator(translator)


def test_german_menus_panels_and_undo_texts(qtbot, german, context):
    from app.ui.main_window import MainWindow

    assert len(german) == 2  # Qt's own and FocusCoder's
    window = MainWindow(context)
    qtbot.addWidget(window)
    assert [action.text() for action in window.menuBar().actions()] == ["&Datei", "&Bearbeiten", "&Codieren", "&Ansicht"]
    assert window.codes.tree.code_model.headerData(0, window.codes.tree.header().orientation()) == "Code"
    assert window.segments.model.headerData(1, window.codes.tree.header().orientation()) == "Sprecher:in"
    window.transcript.select_span(*_span(window, "Was hilft"))
    window.coding.apply("Anerkennung")
    assert context.undo_stack.undoText() == "Codieren mit „Anerkennung“"
    # Qt's own texts (standard buttons) speak German too.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


def menu_titles(window) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_switching_the_language_retranslates_the_window_at_once_and_back(qtbot, window, context, settings):
    from PySide6.QtCore import Qt

    assert menu_titles(window) == ["&File", "&Edit", "&Coding", "&View"]
    window.transcript.select_span(*_span(window, "Was hilft"))
    window.coding.apply("Anerkennung")
    language = next(a for a in window.findChildren(QAction) if a.text() == "Deutsch")
    try:
        language.trigger()  # View › Language › Deutsch: no restart
        assert settings.get(LANGUAGE) == "de"  # and remembered for the next start
        assert menu_titles(window) == ["&Datei", "&Bearbeiten", "&Codieren", "&Ansicht"]
        assert window.search_dock.windowTitle() == "Suchen"
        assert window.reports_dock.windowTitle() == "Auswertungen"
        assert window.reports_dock.toggleViewAction().text() == "&Auswertungen"
        assert window.reports_dock.view.tabs.tabText(0) == "Code-Häufigkeiten"
        assert window.left_tabs.tabText(0) == "Dokumente" and window.left_tabs.tabText(1) == "Sprecher:innen"
        assert window.codes.new_action.text() == "Neu"
        assert window.coding.turn_action.text() == "Ganzen &Redebeitrag codieren"
        assert window.segments.model.headerData(1, Qt.Orientation.Horizontal) == "Sprecher:in"
        assert window.codes.editor.tab_title(window.codes.editor.anchor_example).startswith("Ankerbeispiel")
        # The rebuilt menus work: one entry per shortcut, undo takes back the coding made before the switch.
        shortcuts = [a.shortcut().toString() for a in window.actions() if not a.shortcut().isEmpty()]
        assert len(shortcuts) == len(set(shortcuts))
        assert window.undo_action.text().startswith("&Rückgängig")
        window.undo_action.trigger()
        assert context.undo_stack.index() == 0
        german = next(a for a in window.findChildren(QAction) if a.text() == "Deutsch")
        assert german.isChecked()
    finally:
        window.choose_language("en")
    assert settings.get(LANGUAGE) == "en"
    assert menu_titles(window) == ["&File", "&Edit", "&Coding", "&View"]
    assert window.search_dock.windowTitle() == "Search"
    assert window.left_tabs.tabText(1) == "Speakers"
    assert window.segments.model.headerData(1, Qt.Orientation.Horizontal) == "Speaker"


def test_english_is_the_fallback(qapp):
    from app.ui.app import install_translations

    translators = install_translations(qapp, "en")
    try:
        assert QCoreApplication.translate("MainWindow", "&File") == "&File"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)


def _span(window, passage):
    start = window.transcript.content.text.index(passage)
    return start, start + len(passage)


def test_the_code_toolbar_keeps_merge_and_delete_in_reach_in_german(qtbot, window, german):
    """German names are longer: where they do not fit, the buttons show icons (named in tooltips), not an overflow."""
    from PySide6.QtCore import Qt

    toolbar = window.codes.toolbar
    window.codes.retranslate()  # the fixture installed German after the window was built
    for width, style in ((520, Qt.ToolButtonStyle.ToolButtonTextBesideIcon), (240, Qt.ToolButtonStyle.ToolButtonIconOnly)):
        window.main_splitter.setSizes([width, window.width() - width])
        qtbot.waitUntil(lambda style=style: toolbar.toolButtonStyle() == style)
        qtbot.waitUntil(lambda: all(toolbar.widgetForAction(a).isVisible() for a in toolbar.actions()))
    assert window.codes.merge_action.toolTip() == "Zusammenführen"
    assert window.codes.delete_action.toolTip().startswith("Löschen (")
