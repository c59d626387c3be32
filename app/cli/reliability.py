"""Commands for keeping work safe: ``backup`` and ``restore`` (rolling backups), ``check`` (integrity).

The desktop app backs a project up each time it opens it; single CLI commands do not (a script of a hundred
commands would push every useful backup out of the last five): a script runs ``focuscoder backup`` first.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.common import Command, Options, UsageError


def _project_file_only(location: str, command: str) -> None:
    """Backups and checks are of project files; a team project is the server's to back up (pg_dump)."""
    from app.models.team import is_team_location

    if is_team_location(location):
        raise UsageError(
            f"{command} works on project files; a team project is backed up on its server (pg_dump), and "
            "'focuscoder checkout URL FILE.fcproj' takes a copy of it"
        )


def cmd_backup(args: argparse.Namespace) -> int:
    _project_file_only(args.project, "backup")
    from app.models.backups import make_rolling_backup
    from app.models.project_file import check_file

    check_file(Path(args.project))  # a damaged file is reported, not copied
    made = make_rolling_backup(args.project)
    print(f"Backed up to {made.path}" if made else "Unchanged since the last backup; no new copy was needed.")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    _project_file_only(args.project, "restore")
    from app.models.backups import list_backups, restore_backup

    project = Path(args.project)
    backups = list_backups(project)
    if args.list:
        for number, backup in enumerate(backups, start=1):
            print(f"{number}\t{backup.describe()}\t{backup.path}")
        if not backups:
            print(f"No backups of {project.name} yet (one is made each time the desktop app opens it).")
        return 0
    if args.backup is None or args.backup.isdigit():
        number = int(args.backup or 1)
        if not 1 <= number <= len(backups):
            raise UsageError(f"{project.name} has {len(backups)} backup(s); see 'focuscoder restore {args.project} --list'")
        chosen = backups[number - 1].path
    else:
        chosen = Path(args.backup)
    kept = restore_backup(project, chosen, take_over=Options.take_over)
    print(f"Restored {project.name} from {chosen.name}.")
    if kept is not None:
        print(f"The project as it was is kept as backup {kept.path}.")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    _project_file_only(args.project, "check")
    from app.models.health import check_project

    health = check_project(args.project)
    for problem in health.problems:
        print(f"problem: {problem}")
    for note in health.notes:
        print(f"note: {note}")
    if not health.problems:
        print(f"{Path(args.project).name}: no problems found.")
    return 1 if health.problems else 0


def add_commands(command: Command) -> None:
    """Add ``backup``, ``restore`` and ``check``."""
    p = command("backup", cmd_backup, "make a backup copy of the project now (the last 5 are kept)")
    p.add_argument("project")

    p = command("restore", cmd_restore, "bring back a backup of the project (the current file is kept as a backup)")
    p.add_argument("project")
    p.add_argument("backup", nargs="?", metavar="BACKUP", help="a number from --list (1 = newest, the default) or a file")
    p.add_argument("--list", action="store_true", help="list the backups, newest first")

    p = command("check", cmd_check, "check a project file for damage and report problems in plain words")
    p.add_argument("project")
