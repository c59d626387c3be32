"""Commands for the coding itself: ``codes``, ``code``, ``uncode``, ``stats``, ``speakers`` and ``memo``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import Command, Parser, UsageError, open_location, print_json


def cmd_codes(args: argparse.Namespace) -> int:
    from app import services

    if args.action == "list":
        from app.analysis.overview import project_overview

        with open_location(args.project, write=False) as project:
            for code in project_overview(project).codes:
                print(f"{code.path}\t{code.codings}")
        return 0
    with open_location(args.project) as project:
        if args.action == "add":
            services.add_code(
                project, args.path, color=args.color, definition=args.definition or "",
                anchor_example=args.anchor or "", coding_rule=args.rule or "",
            )
        elif args.action == "rename":
            services.rename_code(project, args.path, args.new_name)
        elif args.action == "move":
            services.move_code(project, args.path, args.parent or None, position=args.position)
        elif args.action == "merge":
            services.merge_codes(project, args.path, args.target)
        elif args.action == "delete":
            services.delete_code(project, args.path)
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    from app import services

    with open_location(args.project) as project:
        if args.text is not None:
            changes = services.apply_code_to_quote(
                project, document=args.document, code=args.code, quote=args.text,
                occurrence=args.occurrence, coder=args.coder, weight=args.weight,
            )
        else:
            changes = services.apply_code(
                project, document=args.document, code=args.code, start=args.start, end=args.end,
                coder=args.coder, weight=args.weight,
            )
    created = changes.ids("coding")
    print(f"Coded as coding {created[0]}" if created else "This passage already has this code; nothing changed.")
    return 0


def cmd_uncode(args: argparse.Namespace) -> int:
    from app import services

    with open_location(args.project) as project:
        services.remove_coding(project, args.coding)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from app.analysis.frequencies import code_frequencies

    with open_location(args.project, write=False) as project:
        rows = code_frequencies(project, by=args.by)
    if args.json:
        out = []
        for row in rows:
            item: dict[str, Any] = {"code": row.code}
            if args.by != "code":
                item[args.by] = row.group
            item.update(codings=row.codings, words=row.words)
            out.append(item)
        print_json({"by": args.by, "rows": out})
        return 0
    for row in rows:
        group = "" if args.by == "code" else f"\t{row.group if row.group is not None else '-'}"
        print(f"{row.code}{group}\t{row.codings}\t{row.words}")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    from app import services

    if args.action == "list":
        from app.analysis.overview import project_overview

        with open_location(args.project, write=False) as project:
            for speaker in project_overview(project).speakers:
                print(f"{speaker.name}\t{speaker.turns} turns\t{speaker.words} words")
        return 0
    with open_location(args.project) as project:
        if args.action == "rename":
            services.rename_speaker(project, args.name, args.new_name)
        elif args.action == "merge":
            services.merge_speakers(project, args.name, args.target)
        elif args.action == "set":
            from app.models import AttributeType

            kind = AttributeType(args.type) if args.type else None
            services.set_attribute(project, speaker=args.name, name=args.attribute, value=args.value, kind=kind)
    return 0


def cmd_memo(args: argparse.Namespace) -> int:
    from app import services

    with open_location(args.project) as project:
        services.set_memo(
            project, args.text, document=args.document, code=args.code, speaker=args.speaker,
            coding_id=args.coding, author=args.coder,
        )
    return 0


def add_commands(command: Command) -> None:
    """Add ``codes``, ``code``, ``uncode``, ``stats``, ``speakers`` and ``memo``."""
    p = command("codes", cmd_codes, "list or change the code tree")
    p.add_argument("project")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    actions.add_parser("list", help="every code with its number of codings")
    a = actions.add_parser("add", help="add a code (missing parents are created)")
    a.add_argument("path", help="Parent/Child")
    a.add_argument("--color", help="#RRGGBB")
    a.add_argument("--definition")
    a.add_argument("--anchor", help="anchor example")
    a.add_argument("--rule", help="coding rule")
    a = actions.add_parser("rename", help="rename a code")
    a.add_argument("path")
    a.add_argument("new_name")
    a = actions.add_parser("move", help="move a code under another parent (or to the top with --parent '')")
    a.add_argument("path")
    a.add_argument("--parent", default="", help="new parent's path; empty for the top level")
    a.add_argument("--position", type=int, help="place among the new siblings, from 0")
    a = actions.add_parser("merge", help="merge a code into another")
    a.add_argument("path")
    a.add_argument("target")
    a = actions.add_parser("delete", help="delete a code, its sub-codes and their codings")
    a.add_argument("path")
    p = command("code", cmd_code, "code a passage, by positions or by quoting it")
    p.add_argument("project")
    p.add_argument("--document", required=True)
    p.add_argument("--start", type=int)
    p.add_argument("--end", type=int)
    p.add_argument("--text", help="the exact passage to code")
    p.add_argument("--occurrence", type=int, default=1, help="which occurrence of --text (from 1)")
    p.add_argument("--code", required=True, metavar="PATH")
    p.add_argument("--coder", default="default")
    p.add_argument("--weight", type=int, default=0, help="0-100")
    p.set_defaults(check=check_code)

    p = command("uncode", cmd_uncode, "remove a coding")
    p.add_argument("project")
    p.add_argument("coding", type=int, metavar="CODING_ID")
    p = command("stats", cmd_stats, "code frequencies")
    p.add_argument("project")
    p.add_argument("--by", choices=("code", "document", "speaker"), default="code")
    p.add_argument("--json", action="store_true")
    p = command("speakers", cmd_speakers, "list, rename or merge speakers, set their attributes")
    p.add_argument("project")
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    actions.add_parser("list")
    a = actions.add_parser("rename")
    a.add_argument("name")
    a.add_argument("new_name")
    a = actions.add_parser("merge", help="merge the first speaker into the second")
    a.add_argument("name")
    a.add_argument("target")
    a = actions.add_parser("set", help="set an attribute, e.g. institution IHK")
    a.add_argument("name")
    a.add_argument("attribute")
    a.add_argument("value")
    a.add_argument("--type", choices=("text", "number", "date", "boolean"))
    p = command("memo", cmd_memo, "write a memo about the project or one thing in it")
    p.add_argument("project")
    p.add_argument("text")
    target = p.add_mutually_exclusive_group()
    target.add_argument("--document")
    target.add_argument("--code", metavar="PATH")
    target.add_argument("--speaker")
    target.add_argument("--coding", type=int, metavar="CODING_ID")
    p.add_argument("--coder", help="the memo's author")


def check_code(args: argparse.Namespace) -> None:
    by_text = args.text is not None
    by_span = args.start is not None or args.end is not None
    if by_text == by_span:
        raise UsageError("code needs either --start and --end or --text")
    if by_span and (args.start is None or args.end is None):
        raise UsageError("code needs both --start and --end")
