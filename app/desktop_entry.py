"""The Linux desktop's knowledge of FocusCoder: a menu entry with its icon, and the ``.fcproj`` file type, so that
a double-click on a project opens it (``focuscoder install-desktop``).

Everything goes into the user's own data folder (``$XDG_DATA_HOME``, by default ``~/.local/share``) following the
freedesktop.org specifications; nothing needs root. The entry starts the very FocusCoder that installed it: the
desktop bundle's program, or the ``focuscoder`` command of the environment it runs in.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from app.resources import resource_path

APP_ID = "focuscoder"
MIME_TYPE = "application/x-focuscoder-project"


@dataclass(frozen=True)
class DesktopFiles:
    """Where each file goes, under one data folder."""

    data_home: Path

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"

    @property
    def mime(self) -> Path:
        return self.data_home / "mime" / "packages" / f"{APP_ID}.xml"

    @property
    def icon(self) -> Path:
        return self.data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"

    def all(self) -> tuple[Path, ...]:
        return (self.entry, self.mime, self.icon)


def data_home() -> Path:
    configured = os.environ.get("XDG_DATA_HOME", "")
    return Path(configured) if os.path.isabs(configured) else Path.home() / ".local" / "share"


def launcher() -> list[str]:
    """The command that starts this FocusCoder: the bundle's program, the ``focuscoder`` script beside this
    interpreter, or ``python -m app``."""
    if getattr(sys, "frozen", False):  # the PyInstaller bundle
        return [str(Path(sys.executable).resolve())]
    script = Path(sys.executable).with_name("focuscoder")
    if script.is_file():
        return [str(script)]
    found = shutil.which("focuscoder")
    return [found] if found else [str(Path(sys.executable).resolve()), "-m", "app"]


def _quoted(argument: str) -> str:
    """An Exec argument as the Desktop Entry Specification quotes it."""
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    escaped = "".join("\\" + c if c in '"`$\\' else c for c in argument)
    return f'"{escaped}"'


def install_desktop_entry(home: Path | None = None, command: list[str] | None = None) -> DesktopFiles:
    """Write the menu entry, the icon and the file type, then ask the desktop's caches to take them up."""
    files = DesktopFiles(home or data_home())
    exec_line = " ".join(_quoted(part) for part in (command or launcher()))
    template = resource_path("desktop", "focuscoder.desktop").read_text(encoding="utf-8")
    # The desktop entry spec escapes % as %%; the template's own %f stays a field code.
    entry = template.replace("{exec}", exec_line.replace("%", "%%"))
    for path in files.all():
        path.parent.mkdir(parents=True, exist_ok=True)
    files.entry.write_text(entry, encoding="utf-8")
    shutil.copyfile(resource_path("desktop", "focuscoder-mime.xml"), files.mime)
    shutil.copyfile(resource_path("icons", "focuscoder.svg"), files.icon)
    _refresh_caches(files)
    return files


def remove_desktop_entry(home: Path | None = None) -> DesktopFiles:
    files = DesktopFiles(home or data_home())
    for path in files.all():
        path.unlink(missing_ok=True)
    _refresh_caches(files)
    return files


def _refresh_caches(files: DesktopFiles) -> None:
    """The desktop reads file types and entries from caches; where their tools are installed, rebuild them."""
    for tool, folder in (
        ("update-mime-database", files.data_home / "mime"),
        ("update-desktop-database", files.data_home / "applications"),
    ):
        program = shutil.which(tool)
        if program is not None and folder.is_dir():
            subprocess.run([program, str(folder)], check=False, capture_output=True, timeout=60)
