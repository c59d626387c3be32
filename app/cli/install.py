"""``install-desktop``: make FocusCoder known to the Linux desktop (menu entry, icon, ``.fcproj`` file type)."""

from __future__ import annotations

import argparse
import sys

from app.cli.common import Command


def cmd_install_desktop(args: argparse.Namespace) -> int:
    from app.desktop_entry import install_desktop_entry, remove_desktop_entry

    if not sys.platform.startswith("linux"):
        print("install-desktop is for Linux desktops; on Windows and macOS the installer or the app bundle "
              "registers FocusCoder.", file=sys.stderr)
        return 1
    if args.remove:
        files = remove_desktop_entry()
        print(f"Removed FocusCoder's menu entry and file type from {files.data_home}.")
        return 0
    files = install_desktop_entry()
    print(f"Installed the menu entry {files.entry}")
    print(f"  the file type for .fcproj projects {files.mime}")
    print(f"  and the icon {files.icon}")
    return 0


def add_commands(command: Command) -> None:
    p = command("install-desktop", cmd_install_desktop,
                "Linux: add FocusCoder to the desktop's menu and open .fcproj projects with it on a double-click")
    p.add_argument("--remove", action="store_true", help="take the menu entry and the file type away again")
