"""Icons: hand-written SVGs shipped in ``app.resources`` (``resources/icons``), found through the "icons:" search
path."""

from __future__ import annotations

from PySide6.QtCore import QDir
from PySide6.QtGui import QIcon

from app.resources import resource_path

ICONS = resource_path("icons")


def register_icons() -> None:
    """Make ``QIcon("icons:name.svg")`` find our icons (once; the application does it at start too)."""
    if str(ICONS) not in QDir.searchPaths("icons"):
        QDir.addSearchPath("icons", str(ICONS))


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    register_icons()
    return QIcon(f"icons:{name}.svg")
