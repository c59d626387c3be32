"""Every setting of the desktop app, declared once with its type and default, stored through QSettings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QSplitter, QWidget

T = TypeVar("T")
MAX_RECENT_PROJECTS = 8


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type
    default: T


RECENT_PROJECTS: Setting[list] = Setting("projects/recent", list, [])
CODER_NAME: Setting[str] = Setting("coding/coder", str, "default")
RECENT_CODES: Setting[list] = Setting("coding/recent_codes", list, [])
LANGUAGE: Setting[str] = Setting("ui/language", str, "")  # "" follows the system
TRANSCRIPT_FONT_SIZE: Setting[int] = Setting("ui/transcript_font_size", int, 11)


class Settings:
    """Typed access to QSettings; a test hands in a QSettings on a file of its own."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings()

    def get(self, setting: Setting[T]) -> T:
        value: Any = self.store.value(setting.key, setting.default)
        if value is None:
            return setting.default
        if setting.type is list:
            if isinstance(value, str):  # QSettings hands back a one-item list as a plain string
                return [value]  # type: ignore[return-value]
            return list(value)  # type: ignore[return-value]
        if setting.type is bool and isinstance(value, str):
            return value.lower() == "true"  # type: ignore[return-value]
        try:
            return setting.type(value)
        except (TypeError, ValueError):
            return setting.default

    def set(self, setting: Setting[T], value: T) -> None:
        self.store.setValue(setting.key, value)

    def remember_recent_project(self, path: str) -> list[str]:
        recent = [path] + [p for p in self.get(RECENT_PROJECTS) if p != path]
        self.set(RECENT_PROJECTS, recent[:MAX_RECENT_PROJECTS])
        return recent[:MAX_RECENT_PROJECTS]

    # --- window layout ---------------------------------------------------------------------------------------

    def save_geometry(self, name: str, widget: QWidget) -> None:
        self.store.setValue(f"layout/{name}/geometry", widget.saveGeometry())
        if hasattr(widget, "saveState"):
            self.store.setValue(f"layout/{name}/state", widget.saveState())

    def restore_geometry(self, name: str, widget: QWidget) -> bool:
        geometry = self.store.value(f"layout/{name}/geometry")
        if not isinstance(geometry, QByteArray) or geometry.isEmpty():
            return False
        widget.restoreGeometry(geometry)
        state = self.store.value(f"layout/{name}/state")
        if isinstance(state, QByteArray) and hasattr(widget, "restoreState"):
            widget.restoreState(state)
        return True

    def save_splitter(self, name: str, splitter: QSplitter) -> None:
        self.store.setValue(f"layout/{name}/splitter", splitter.saveState())

    def restore_splitter(self, name: str, splitter: QSplitter) -> bool:
        state = self.store.value(f"layout/{name}/splitter")
        return isinstance(state, QByteArray) and splitter.restoreState(state)

    def sync(self) -> None:
        self.store.sync()
