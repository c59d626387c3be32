"""What every command-line module shares: the usage error and its parser, JSON output, and opening a project.

Kept free of heavy imports: ``focuscoder --help`` and every command import only what they use, when they use it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from typing import Any, NoReturn

# What ``add_commands`` of each module is handed: ``command(name, handler, help)`` gives the command's parser.
Command = Callable[[str, Callable[[argparse.Namespace], int], str], argparse.ArgumentParser]


class UsageError(Exception):
    """The command line itself is wrong (exit status 2)."""


class Parser(argparse.ArgumentParser):
    commands: set[str] = set()  # the top-level parser's command names (set by main.build_parser)

    def error(self, message: str) -> NoReturn:  # one line, as the contract says, instead of the usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


class Options:
    """Set from the global flags before a command runs."""

    # --take-over: writing commands may take over the lock of a FocusCoder that is no longer running.
    take_over = False


def open_location(location: str, *, write: bool = True):
    """Open a project file or a team project; a writing command holds its lock until done, a reading one opens it
    read-only (so it works while the desktop app has the project open), unless the file first needs an upgrade."""
    from app.models.addresses import is_team_location

    if is_team_location(location):  # a team project on a server: the database enforces who may write
        from app.cli.team import open_team

        return open_team(location, read_only=not write)
    from app.models import ProjectFileError, open_project

    if not write:
        try:
            return open_project(location, read_only=True)  # checks the file once
        except ProjectFileError:
            pass  # an older schema or a write-ahead log, which a writable open changes; or it says what is wrong
    return open_project(location, take_over=Options.take_over)
