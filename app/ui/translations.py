"""The interface language: Qt's own translations (standard dialogs) and FocusCoder's, installed at start and
switched while the app runs.

Installing or removing a QTranslator makes Qt send every widget a ``LanguageChange`` event; widgets that set their
texts once (menus, buttons, labels, dock titles) set them again in ``changeEvent`` (see ``retranslate`` methods),
and item views ask their models for the headers again.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QTranslator

from app.resources import resource_path

TRANSLATIONS = resource_path("translations")


def install_translations(app: QCoreApplication, language: str = "") -> list[QTranslator]:
    """Load Qt's own translations (standard dialogs) and FocusCoder's for ``language`` or the system's."""
    locale = QLocale(language) if language else QLocale.system()
    installed = []
    for name, folder in (
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
        ("focuscoder", str(TRANSLATIONS)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    app._focuscoder_translators = installed  # type: ignore[attr-defined] - keep them alive
    return installed


def switch_language(language: str) -> list[QTranslator]:
    """Replace the installed translations by those of ``language`` ("" follows the system), effective at once."""
    app = QCoreApplication.instance()
    for translator in getattr(app, "_focuscoder_translators", []):
        app.removeTranslator(translator)
    installed = install_translations(app, language)
    # Qt posts the LanguageChange events to the windows; deliver them now, so the menus speak the new
    # language when this returns (and not only after the next turn of the event loop).
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
    return installed
