"""The ``focuscoder`` command line: the same operations as the desktop app, without a display.

Exit status 0 on success, 2 for a usage error, 1 for anything else, with one ``error: ...`` line on stderr (a
traceback only with ``--debug``). JSON output is one object on stdout. Heavy modules are imported inside the
commands, so ``focuscoder --help`` answers at once; nothing here imports Qt.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NoReturn

SUBCOMMANDS = ("gui", "new", "import", "info", "codes", "code", "uncode", "stats", "speakers", "memo", "sample",
               "export",
               "search", "autocode", "words", "keywords", "suggest", "language",
               "merge", "agreement", "backup", "restore", "check", "publish", "checkout", "team")


class UsageError(Exception):
    """The command line itself is wrong (exit status 2)."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, as the contract says, instead of the usage block
        raise UsageError(f"{message} (see '{self.prog} --help')")


def _print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


# Set from --take-over: writing commands may take over the lock of a FocusCoder that is no longer running.
_TAKE_OVER = False


def _open(path: str, *, write: bool = True):
    """Open the project; a writing command holds its lock until done, a reading one opens it read-only
    (so it works while the desktop app has the project open), unless the file first needs an upgrade."""
    from app.models import ProjectFileError, open_project
    from app.models.project_file import check_file
    from app.models.team import is_team_location

    if is_team_location(path):  # a team project on a server: the database enforces who may write
        from app.cli_team import open_team

        return open_team(path, read_only=not write)
    if not write:
        try:
            found = check_file(Path(path))
        except ProjectFileError:
            found = None  # open_project rolls back an interrupted change, or says what is wrong
        if found is not None and not (found.needs_upgrade or found.wal):
            return open_project(path, read_only=True)
    return open_project(path, take_over=_TAKE_OVER)


# --- commands -----------------------------------------------------------------------------------------------


def cmd_gui(args: argparse.Namespace) -> int:
    from app.sample_project import ensure_sample_project
    from app.ui.app import run_gui  # Qt is imported only here: the other commands run without it

    from app.models.team import is_team_location

    if args.project and is_team_location(args.project):
        project = args.project  # a team project's address, opened as it is
    else:
        project = Path(args.project) if args.project else ensure_sample_project()
    return run_gui(project, screenshot=args.screenshot)


def cmd_new(args: argparse.Namespace) -> int:
    from app.models import create_project

    with create_project(args.project, name=args.name, language=args.language) as project:
        print(f"Created {project.path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.cli_exchange import cmd_import_exchange, is_exchange_import  # REFI-QDA: .qdpx, .qdc

    if is_exchange_import(args.files):
        return cmd_import_exchange(args)
    from app.importers import read_document
    from app.services import import_documents

    parsed = [read_document(Path(file), speakers=args.speakers) for file in args.files]
    preview = {
        "documents": [
            {
                "name": doc.name,
                "turns": len(doc.turns),
                "speakers": [
                    {"name": name, "turns": sum(1 for t in doc.turns if t.speaker == name)} for name in doc.speakers
                ],
            }
            for doc in parsed
        ]
    }
    if not args.dry_run:
        from app.analysis.text_index import index_documents

        with _open(args.project) as project:
            changes = import_documents(project, parsed)
            index_documents(project, changes.ids("document"))  # search and word counts read this index
    if args.json:
        _print_json(preview)
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    for doc, shown in zip(parsed, preview["documents"]):
        speakers = ", ".join(f"{s['name']} ({s['turns']})" for s in shown["speakers"]) or "no speakers recognised"
        print(f"{verb} {doc.name}: {len(doc.text)} characters, {len(doc.turns)} turns; {speakers}")
        for warning in doc.warnings:
            print(f"  note: {warning}")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    from app.analysis.overview import project_overview

    with _open(args.project, write=False) as project:
        overview = project_overview(project)
    if args.json:
        _print_json(overview.as_json())
        return 0
    print(f"{overview.name} (language {overview.language}, schema {overview.schema})")
    print(f"{len(overview.documents)} documents, {len(overview.speakers)} speakers, "
          f"{len(overview.codes)} codes, {overview.codings} codings")
    for doc in overview.documents:
        print(f"  {doc.name}: {doc.words} words, {doc.turns} turns, speakers: {', '.join(doc.speakers) or '-'}")
    for code in overview.codes:
        depth = code.path.count("/")
        print(f"  {'  ' * depth}{code.path.rsplit('/', 1)[-1]} ({code.codings})")
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    from app import services

    if args.action == "list":
        from app.analysis.overview import project_overview

        with _open(args.project, write=False) as project:
            for code in project_overview(project).codes:
                print(f"{code.path}\t{code.codings}")
        return 0
    with _open(args.project) as project:
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

    with _open(args.project) as project:
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

    with _open(args.project) as project:
        services.remove_coding(project, args.coding)
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from app.analysis.frequencies import code_frequencies

    with _open(args.project, write=False) as project:
        rows = code_frequencies(project, by=args.by)
    if args.json:
        out = []
        for row in rows:
            item: dict[str, Any] = {"code": row.code}
            if args.by != "code":
                item[args.by] = row.group
            item.update(codings=row.codings, words=row.words)
            out.append(item)
        _print_json({"by": args.by, "rows": out})
        return 0
    for row in rows:
        group = "" if args.by == "code" else f"\t{row.group if row.group is not None else '-'}"
        print(f"{row.code}{group}\t{row.codings}\t{row.words}")
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    from app import services

    if args.action == "list":
        from app.analysis.overview import project_overview

        with _open(args.project, write=False) as project:
            for speaker in project_overview(project).speakers:
                print(f"{speaker.name}\t{speaker.turns} turns\t{speaker.words} words")
        return 0
    with _open(args.project) as project:
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

    with _open(args.project) as project:
        services.set_memo(
            project, args.text, document=args.document, code=args.code, speaker=args.speaker,
            coding_id=args.coding, author=args.coder,
        )
    return 0


def cmd_sample(args: argparse.Namespace) -> int:
    from app.sample_project import build_sample_project, ensure_sample_project

    path = build_sample_project(Path(args.output)) if args.output else ensure_sample_project()
    print(path)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in ("qdpx", "qdc"):  # REFI-QDA exchange files
        from app.cli_exchange import cmd_export_exchange

        return cmd_export_exchange(args)
    from app.export.exports import (
        export_code_quotes_docx,
        export_codebook_docx,
        export_csv,
        export_report_docx,
        export_xlsx,
    )
    from app.export.report import ReportOptions

    per_code = args.quotes_per_code
    if per_code is None:
        per_code = None if args.code else 5  # one code's quotes: all of them
    elif per_code < 0:
        per_code = None
    options = ReportOptions(
        codes=tuple(args.codes or ()), documents=tuple(args.documents or ()), speakers=tuple(args.speakers or ()),
        coders=tuple(args.coders or ()), quotes_per_code=per_code,
        memos=args.memos, language=args.language, priority_parents=tuple(args.priorities) if args.priorities else None,
        with_context=args.context, charts=not args.no_charts,
    )
    with _open(args.project, write=False) as project:
        if args.format == "docx" and args.code:
            written = export_code_quotes_docx(project, args.code, args.output, options)
        elif args.format == "docx" and args.codebook_only:
            written = export_codebook_docx(project, args.output, options)
        elif args.format == "docx":
            written = export_report_docx(project, args.output, options)
        elif args.format == "xlsx":
            written = export_xlsx(project, args.output, options)
        else:
            written = export_csv(project, args.output, options)
    print(f"Wrote {written}")
    return 0


# --- parser -------------------------------------------------------------------------------------------------


def build_parser() -> Parser:
    from app import __version__

    parser = Parser(prog="focuscoder", description="Qualitative coding of focus-group and interview transcripts.")
    parser.add_argument("--debug", action="store_true", help="show a traceback when something fails")
    parser.add_argument("--take-over", action="store_true",
                        help="take over the lock of a FocusCoder that is no longer running")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    def command(name: str, handler: Callable[[argparse.Namespace], int], help: str) -> Parser:
        p = sub.add_parser(name, help=help, description=help)
        p.set_defaults(handler=handler)
        return p

    p = command("gui", cmd_gui, "open the desktop app (on the sample project when no project is named)")
    p.add_argument("project", nargs="?")
    p.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")

    p = command("new", cmd_new, "create an empty project")
    p.add_argument("project")
    p.add_argument("--language", choices=("de", "en"), default="de")
    p.add_argument("--name", help="the project's name (default: the file name)")

    p = command("import", cmd_import,
                "import transcripts (txt, docx, odt, rtf, srt, vtt, csv, xlsx) or a REFI-QDA .qdpx/.qdc")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--speakers", default="auto", metavar="auto|none|REGEX",
                   help="recognise speaker labels automatically, not at all, or with a regular expression "
                        "(the group 'speaker' or the first group is the name)")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; change nothing")
    p.add_argument("--json", action="store_true")

    p = command("info", cmd_info, "what the project holds")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")

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

    p = command("sample", cmd_sample, "write the bundled sample project and print where it is")
    p.add_argument("--output", metavar="FCPROJ", help="where to write a fresh copy")

    p = command("export", cmd_export, "write a Word report, a codebook, a code's quotes, an .xlsx or a .csv")
    p.add_argument("project")
    p.add_argument("--format", choices=("docx", "xlsx", "csv", "qdpx", "qdc"),
                   help="default: from the output file's extension")
    p.add_argument("--output", required=True, metavar="FILE")
    p.add_argument("--codes", nargs="+", metavar="PATH", help="only these codes (with their sub-codes)")
    p.add_argument("--documents", nargs="+", metavar="NAME", help="only these documents")
    p.add_argument("--speakers", nargs="+", metavar="NAME", help="only these speakers' turns")
    p.add_argument("--coders", nargs="+", metavar="NAME", help="only these coders' codings")
    p.add_argument("--quotes-per-code", type=int, metavar="N",
                   help="quotes per code in the report (default 5; all for --code; -1: all)")
    p.add_argument("--memos", action=argparse.BooleanOptionalAction, default=True, help="include coding memos")
    p.add_argument("--language", choices=("de", "en"), help="labels (default: the project's language)")
    p.add_argument("--codebook-only", action="store_true", help="docx: the category system only")
    p.add_argument("--code", metavar="PATH", help="docx: the quotes of this code (with its sub-codes) only")
    p.add_argument("--priorities", nargs="+", metavar="PATH",
                   help="rank the sub-codes of these codes (default: every top-level code with sub-codes)")
    p.add_argument("--context", action="store_true", help="quotes with the rest of their sentence")
    p.add_argument("--no-charts", action="store_true", help="leave the charts out")

    from app.cli_text import add_commands  # search, autocode, words, keywords, suggest, language

    add_commands(command)
    from app.cli_exchange import add_commands as add_exchange_commands  # merge, agreement

    add_exchange_commands(command)
    from app.cli_reliability import add_commands as add_reliability_commands  # backup, restore, check

    add_reliability_commands(command)
    from app.cli_team import add_commands as add_team_commands  # publish, checkout, team

    add_team_commands(command)
    return parser


def _check(args: argparse.Namespace) -> None:
    from app.cli_exchange import check as check_exchange

    check_exchange(args)
    if args.command == "export":
        if args.format is None:
            suffix = Path(args.output).suffix.lower().lstrip(".")
            if suffix not in ("docx", "xlsx", "csv", "qdpx", "qdc"):
                raise UsageError(
                    "export needs --format docx|xlsx|csv|qdpx|qdc (or an output file ending in one of them)"
                )
            args.format = suffix
        if (args.codebook_only or args.code) and args.format != "docx":
            raise UsageError("--codebook-only and --code make Word documents: use --format docx")
        if args.codebook_only and args.code:
            raise UsageError("choose either --codebook-only or --code")
    if args.command == "code":
        by_text = args.text is not None
        by_span = args.start is not None or args.end is not None
        if by_text == by_span:
            raise UsageError("code needs either --start and --end or --text")
        if by_span and (args.start is None or args.end is None):
            raise UsageError("code needs both --start and --end")


def _with_default_command(argv: list[str]) -> list[str]:
    """``focuscoder`` and ``focuscoder PROJECT`` open the desktop app: supply the implied ``gui``."""
    if {"-h", "--help", "--version"} & set(argv):
        return argv
    first = next((index for index, arg in enumerate(argv) if not arg.startswith("-")), None)
    if first is None:
        return [*argv, "gui"]
    if argv[first] not in SUBCOMMANDS:
        return [*argv[:first], "gui", *argv[first:]]
    return argv


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8")
    argv = _with_default_command(argv)
    debug = "--debug" in argv
    try:
        args = build_parser().parse_args(argv)
        global _TAKE_OVER
        _TAKE_OVER = args.take_over
        _check(args)
        return args.handler(args)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    except BrokenPipeError:  # `focuscoder info ... | head`: the reader has gone, which is fine
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # noqa: BLE001 - the contract: one readable line, never a traceback
        if debug:
            raise
        from app.logfile import record_failure

        logged = record_failure(exc, what="focuscoder " + " ".join(argv))
        hint = f" (details in {logged})" if logged and not _expected(exc) else ""
        print(f"error: {_describe(exc)}{hint}", file=sys.stderr)
        previous_hook = sys.unraisablehook
        # A writer the failure left half-done (a zip file on a full disk) fails again when it is collected as
        # the error is released; that second report would only bury the one line above.
        sys.unraisablehook = lambda _unraisable: None
    try:
        import gc

        gc.collect()
    finally:
        sys.unraisablehook = previous_hook
    return 1


def _expected(exc: Exception) -> bool:
    """An error a user can cause, whose message says all; other failures point to the log."""
    from app.export.files import ExportError
    from app.importers.base import ReaderError
    from app.models import ProjectFileError
    from app.services import ServiceError

    return isinstance(exc, (ReaderError, ProjectFileError, ServiceError, ExportError, OSError))


def _describe(exc: Exception) -> str:
    from app.export.files import ExportError
    from app.importers.base import ReaderError
    from app.models import ProjectFileError, ProjectLockedError
    from app.services import ServiceError

    if isinstance(exc, ProjectLockedError):
        if exc.stale:
            return (f"{exc.path.name} is open by {exc.holder.describe()}, but that FocusCoder is no longer running; "
                    "run the command again with --take-over to take over its lock")
        return f"{exc.path.name} is open by {exc.holder.describe()}; close it there and try again"
    if isinstance(exc, (ReaderError, ProjectFileError, ServiceError, ExportError)):
        return str(exc)
    if isinstance(exc, OSError):
        return f"{exc.strerror or exc} ({exc.filename})" if exc.filename else str(exc)
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
