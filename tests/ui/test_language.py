"""German user interface: FocusCoder's texts and Qt's own, chosen in the settings."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication
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


def test_choosing_a_language_is_remembered_for_the_next_start(window, settings):
    window.choose_language("de")
    assert settings.get(LANGUAGE) == "de"
    assert "next time" in window.statusBar().currentMessage()


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
