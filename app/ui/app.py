"""Starting the desktop app: the QApplication, translations (Qt's own and ours, ``translations.py``), the main
window."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.ui.context import ApplicationContext
from app.ui.icons import icon, register_icons
from app.ui.main_window import MainWindow
from app.ui.settings import LANGUAGE, Settings
from app.ui.translations import install_translations

SCREENSHOT_SIZE = (1440, 900)


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    app.setOrganizationName("FocusCoder")
    app.setApplicationName("FocusCoder")
    register_icons()
    app.setWindowIcon(icon("focuscoder"))
    return app  # type: ignore[return-value]


def run_gui(project_path: str | Path | None, screenshot: str | Path | None = None,
            size: tuple[int, int] = SCREENSHOT_SIZE) -> int:
    """Open the main window on ``project_path``; with ``screenshot``, render it with a document open to a PNG."""
    app = application()
    if screenshot is not None:
        # Reproducible pictures: a fresh settings file, not the researcher's remembered layout.
        folder = tempfile.mkdtemp(prefix="focuscoder-shot-")
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
    else:
        settings = Settings()
    translators = install_translations(app, settings.get(LANGUAGE))
    context = ApplicationContext(settings)
    window = MainWindow(context)
    if screenshot is not None:
        # A picture never writes and never asks: read-only, so a project open elsewhere is no question to answer.
        if project_path is not None:
            context.open_project(project_path, read_only=True, backup=False)
    elif project_path is not None:
        window.open_project(project_path)  # on failure it says why, and the welcome page is shown
    if screenshot is None:
        window.show()
        from app.ui.coder_choice import has_chosen_coder

        if not has_chosen_coder(context):  # first start: who is coding, before the first coding is made
            window.choose_coder()
        code = app.exec()
        context.shutdown()
        return code
    window.resize(*size)
    window.show()
    window.open_first_document()
    _settle(app)
    window.prepare_screenshot()
    window.codes.tree.setFocus()
    _settle(app)
    picture = window.grab()
    window.close()
    context.shutdown()
    window.deleteLater()
    _settle(app)
    if not picture.save(str(screenshot), "PNG"):
        raise OSError(f"the screenshot could not be written to {screenshot}")
    # Which translations were found says at a glance whether an installation is complete (the bundle's smoke test).
    loaded = ", ".join(Path(translator.filePath()).name for translator in translators) or "none (English)"
    print(f"Wrote {screenshot} (translations: {loaded})")
    return 0


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()
