"""``focuscoder install-desktop``: the menu entry, icon and ``.fcproj`` file type in the user's data folder."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys

import pytest

from app.cli import main
from app.desktop_entry import install_desktop_entry, launcher

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="desktop entries are Linux's")


def read_entry(path):
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(path, encoding="utf-8")
    return parser["Desktop Entry"]


def test_install_desktop_writes_entry_icon_and_file_type(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert main(["install-desktop"]) == 0
    share = tmp_path / "share"
    entry = read_entry(share / "applications" / "focuscoder.desktop")
    assert entry["Type"] == "Application" and entry["Name"] == "FocusCoder" and entry["Icon"] == "focuscoder"
    assert entry["MimeType"] == "application/x-focuscoder-project;"
    assert entry["Exec"] == " ".join([*launcher(), "gui", "%f"])  # this very FocusCoder, with the file double-clicked
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "focuscoder.svg").read_text().startswith("<svg")
    mime = (share / "mime" / "packages" / "focuscoder.xml").read_text()
    assert 'glob pattern="*.fcproj"' in mime
    if shutil.which("update-mime-database"):  # the desktop's cache was rebuilt and knows the file type
        assert "application/x-focuscoder-project:*.fcproj" in (share / "mime" / "globs2").read_text()
    assert "focuscoder.desktop" in capsys.readouterr().out


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils is not installed")
def test_the_entry_passes_the_freedesktop_validator(tmp_path):
    files = install_desktop_entry(tmp_path, ["/opt/Focus Coder/FocusCoder"])
    result = subprocess.run(["desktop-file-validate", str(files.entry)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout
    assert read_entry(files.entry)["Exec"] == '"/opt/Focus Coder/FocusCoder" gui %f'  # a path with a space, quoted


def test_remove_takes_everything_away_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert main(["install-desktop"]) == 0
    assert main(["install-desktop", "--remove"]) == 0
    assert not (tmp_path / "applications" / "focuscoder.desktop").exists()
    assert not (tmp_path / "mime" / "packages" / "focuscoder.xml").exists()
