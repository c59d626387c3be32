"""Commands for team projects on a PostgreSQL server: ``publish``, ``checkout`` and ``team``.

Every other command takes a server address wherever it takes a project file. Passwords come from ``~/.pgpass``,
``PGPASSWORD`` or a service file (libpq reads them); otherwise the command asks at the terminal. A password is
never written anywhere.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable
from typing import Any

from app.cli.common import Command, print_json


def ask_password(location: str, wrong: bool) -> str | None:
    """The password from the terminal, or None when there is nobody to ask (a script, CI)."""
    if not sys.stdin.isatty():
        return None
    if wrong:
        print(f"The password for {location} was not accepted.", file=sys.stderr)
    return getpass.getpass(f"Password for {location}: ")


def with_password(action: Callable[[str | None], Any]) -> Any:
    """``action(password)``, asking at the terminal when the server wants a password libpq did not find."""
    from app.models.team import with_password as retry

    return retry(action, ask_password)


def open_team(location: str, *, read_only: bool):
    from app.models.team import open_team_project

    return with_password(lambda password: open_team_project(location, password=password, read_only=read_only))


def cmd_publish(args: argparse.Namespace) -> int:
    from app.models.team_copy import publish

    counts = with_password(lambda password: publish(args.project, args.url, password=password))
    print(f"Published {args.project} to {_shown(args.url)}: {_summary(counts)}.")
    print("Give colleagues a role with 'focuscoder team URL role USER reader|coder|editor'.")
    return 0


def cmd_checkout(args: argparse.Namespace) -> int:
    from app.models.team_copy import checkout

    counts = with_password(lambda password: checkout(args.url, args.output, password=password))
    print(f"Checked out {_shown(args.url)} to {args.output}: {_summary(counts)}.")
    print(f"Bring your work back with 'focuscoder merge URL {args.output}'.")
    return 0


def cmd_team(args: argparse.Namespace) -> int:
    from app.models.team_roles import members, set_member_role

    if args.action in ("backup", "restore"):
        return _backup_or_restore(args)
    project = open_team(args.url, read_only=args.action == "members")
    try:
        if args.action == "members":
            with project.engine.connect() as connection:
                found = members(connection)
            if args.json:
                print_json([{"user": user, "role": role} for user, role in found])
            else:
                for user, role in found:
                    print(f"{user}\t{role}")
            return 0
        if project.role != "owner":
            from app.models.team import TeamPermissionDenied

            raise TeamPermissionDenied(f"{project.location}: only the project's owner hands out roles.")
        role = None if args.role == "none" else args.role
        with project.engine.begin() as connection:
            set_member_role(connection, args.user, role)
        print(f"{args.user} is now {'without access to' if role is None else role + ' in'} {project.location}.")
        return 0
    finally:
        project.close()


def _backup_or_restore(args: argparse.Namespace) -> int:
    from app.models.team_backup import backup, restore

    if args.action == "backup":
        path = with_password(lambda password: backup(args.url, args.file, password=password))
        print(f"Saved {_shown(args.url)} into {path}. Bring it back with 'focuscoder team URL restore {path}'.")
    else:
        with_password(lambda password: restore(args.file, args.url, password=password))
        print(f"Restored {args.file} as {_shown(args.url)}. "
              "Give colleagues their roles again with 'focuscoder team URL role USER reader|coder|editor'.")
    return 0


def _shown(location: str) -> str:
    from app.models.team import parse_location, shown_location

    return shown_location(parse_location(location))


def _summary(counts: dict[str, int]) -> str:
    shown = ("document", "speaker", "code", "coding", "memo", "coder")
    return ", ".join(f"{counts.get(table, 0)} {table}{'s' if counts.get(table, 0) != 1 else ''}" for table in shown)


def add_commands(command: Command) -> None:
    p = command("publish", cmd_publish, "make a team project on a PostgreSQL server from a project file")
    p.add_argument("project", metavar="PROJECT.fcproj")
    p.add_argument("url", metavar="URL", help="postgresql://user@host/database (an empty database)")

    p = command("checkout", cmd_checkout, "copy a team project into a project file, for work offline")
    p.add_argument("url", metavar="URL")
    p.add_argument("output", metavar="FILE.fcproj")

    p = command("team", cmd_team, "who may read, code or edit a team project")
    p.add_argument("url", metavar="URL")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    a = actions.add_parser("members", help="everyone with a role")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("role", help="give a user (a login role on the server) a team role")
    a.add_argument("user")
    a.add_argument("role", choices=("reader", "coder", "editor", "none"))
    a = actions.add_parser("backup", help="save the team project into a file (needs pg_dump)")
    a.add_argument("file", metavar="FILE")
    a = actions.add_parser("restore", help="bring a backup file back into an empty database (needs pg_restore)")
    a.add_argument("file", metavar="FILE")
