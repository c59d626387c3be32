"""UI fixtures: an application context on a project built with the services, with its own settings file."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from app import services
from app.importers.base import ParsedDocument, ParsedTurn

TURNS = (
    (None, "Gruppendiskussion am 12. März", None),
    ("Moderatorin", "Was hilft beim Einstieg in die Ausbildung?", 0),
    ("Dr. Anna Weber", "Der Sprachkurs ist das A und O. 😀 Wirklich.", 15_000),
    ("Herr Yilmaz", "Ohne Anerkennung der Abschlüsse geht wenig.", 42_000),
    ("Moderatorin", "Und die Arbeitgeber?", 61_000),
    ("Dr. Anna Weber", "Die brauchen Begleitung, sonst scheitert die Ausbildung.", 75_000),
)


def transcript(name: str, turns=TURNS) -> ParsedDocument:
    """A transcript as a reader returns it: ``Speaker: words`` lines; the spans cover the words only."""
    text, parsed = "", []
    for speaker, words, ms in turns:
        label = f"{speaker}: " if speaker else ""
        start = len(text) + len(label)
        text += f"{label}{words}\n"
        if speaker:
            parsed.append(ParsedTurn(speaker=speaker, start=start, end=start + len(words), start_ms=ms))
    return ParsedDocument(name, text, f"{name}.txt", "txt", turns=tuple(parsed))


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """A project with two documents, a small code tree and two codings, closed again."""
    path = tmp_path / "study.fcproj"
    with services.create_project(path, name="Integrationsworkshop") as project:
        services.import_documents(project, [transcript("Workshop 1"), transcript("Workshop 2", TURNS[:4])])
        for code, color in (("Sprache", "#4363D8"), ("Sprache/Sprachkurs", "#46F0F0"), ("Anerkennung", "#F58231"),
                            ("Arbeitgeber", "#3CB44B")):
            services.add_code(project, code, color=color)
        services.apply_code_to_quote(project, document="Workshop 1", code="Sprache/Sprachkurs", quote="Der Sprachkurs ist das A und O.")
        services.apply_code_to_quote(project, document="Workshop 2", code="Anerkennung", quote="Anerkennung der Abschlüsse")
    return path


@pytest.fixture
def settings(tmp_path: Path):
    from PySide6.QtCore import QSettings

    from app.ui.settings import Settings

    return Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def context(qapp, settings, study):
    from app.ui.context import ApplicationContext

    context = ApplicationContext(settings)
    context.open_project(study)
    yield context
    context.shutdown()


@pytest.fixture
def window(qtbot, context):
    from app.ui.main_window import MainWindow

    window = MainWindow(context)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    return window
