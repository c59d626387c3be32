"""Shared by the search panel and word frequency tests: two workshops (German with time stamps) not indexed yet,
a main window on them, and helpers that drive the panels like a researcher."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

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


@pytest.fixture
def read_only(qtbot, settings, workshops):
    """A main window on the workshops opened read-only."""
    from app.models import open_project
    from app.ui.context import ApplicationContext
    from app.ui.main_window import MainWindow

    context = ApplicationContext(settings)
    context.set_project(open_project(workshops, read_only=True))
    window = MainWindow(context)
    qtbot.addWidget(window)
    window.show()
    yield window
    context.shutdown()


def _span(window, passage: str) -> tuple[int, int]:
    start = window.transcript.content.text.index(passage)
    return start, start + len(passage)


def shown(panel) -> list[tuple]:
    model = panel.model
    return [tuple(model.index(row, column).data() for column in range(model.columnCount())) for row in range(model.rowCount())]


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


def shown_words(words) -> list[tuple]:
    model = words.model
    return [tuple(model.index(row, column).data() for column in range(3)) for row in range(model.rowCount())]
