"""Commands for a project as a whole: ``gui``, ``new``, ``import``, ``info`` and ``sample``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import Command, open_location, print_json


def cmd_gui(args: argparse.Namespace) -> int:
    from app.models.team import is_team_location
    from app.sample_project import ensure_sample_project
    from app.ui.app import run_gui  # Qt is imported only here: the other commands run without it

    if args.project and is_team_location(args.project):
        project = args.project  # a team project's address, opened as it is
    else:
        project = Path(args.project) if args.project else ensure_sample_project()
    return run_gui(project, screenshot=args.screenshot, size=args.size)


def cmd_new(args: argparse.Namespace) -> int:
    from app.models import create_project

    with create_project(args.project, name=args.name, language=args.language) as project:
        print(f"Created {project.path}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.cli.exchange import cmd_import_exchange, is_exchange_import  # REFI-QDA: .qdpx, .qdc

    if is_exchange_import(args.files):
        return cmd_import_exchange(args)
    from app.importers import read_document
    from app.services import import_documents

    from app.importers.conventions import parse_mapping, rename_speakers

    if args.clusters_under is not None:
        from app.services.lookup import split_code_path

        split_code_path(args.clusters_under)  # a bad path is refused before anything is imported
    mapping = parse_mapping(args.map or [])
    parsed = [rename_speakers(read_document(Path(file), speakers=args.speakers), mapping) for file in args.files]
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

        with open_location(args.project) as project:
            changes = import_documents(project, parsed)
            index_documents(project, changes.ids("document"))  # search and word counts read this index
            if args.clusters_under is not None:
                _code_clusters(project, parsed, changes, args.clusters_under)
    if args.json:
        print_json(preview)
        return 0
    verb = "Would import" if args.dry_run else "Imported"
    for doc, shown in zip(parsed, preview["documents"]):
        speakers = ", ".join(f"{s['name']} ({s['turns']})" for s in shown["speakers"]) or "no speakers recognised"
        print(f"{verb} {doc.name}: {len(doc.text)} characters, {len(doc.turns)} turns; {speakers}")
        for warning in doc.warnings:
            print(f"  note: {warning}")
    return 0


def _code_clusters(project, parsed, changes, parent: str) -> None:  # noqa: ANN001
    """Each imported card sheet's clusters as codes under ``parent``, each card coded with its own."""
    from app.models import Document
    from app.services.cards import code_cards_by_cluster

    with project.reading() as session:  # the names the documents got (a taken name gets a number)
        names = [session.get(Document, doc_id).name for doc_id in changes.ids("document")]
    for doc, name in zip(parsed, names):
        if doc.clusters:
            coded = code_cards_by_cluster(project, name, parent, doc.clusters)
            print(f"{name}: {len(coded.ids('coding'))} card(s) coded under {parent}", file=sys.stderr)
        else:
            print(f"note: {name} has no cluster column; nothing coded under {parent}", file=sys.stderr)


def cmd_info(args: argparse.Namespace) -> int:
    from app.analysis.overview import project_overview

    with open_location(args.project, write=False) as project:
        overview = project_overview(project)
    if args.json:
        print_json(overview.as_json())
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


def cmd_sample(args: argparse.Namespace) -> int:
    from app.sample_project import build_sample_project, ensure_sample_project

    path = build_sample_project(Path(args.output)) if args.output else ensure_sample_project()
    print(path)
    return 0


# app.importers.conventions.CONVENTIONS, by name (tests/cli/test_cli_import_speakers.py checks they agree).
SPEAKER_CONVENTIONS = "name-colon, code-colon, upper-colon, bracket, timed-name"


def add_commands(command: Command) -> None:
    """Add ``gui``, ``new``, ``import``, ``info`` and ``sample``."""
    p = command("gui", cmd_gui, "open the desktop app (on the sample project when no project is named)")
    p.add_argument("project", nargs="?")
    p.add_argument("--screenshot", metavar="PNG", help="render the main window to PNG and exit")
    p.add_argument("--size", type=_window_size, default=(1440, 900), metavar="WxH",
                   help="the window's size for --screenshot (default 1440x900)")
    p = command("new", cmd_new, "create an empty project")
    p.add_argument("project")
    p.add_argument("--language", choices=("de", "en"), default="de")
    p.add_argument("--name", help="the project's name (default: the file name)")
    p = command("import", cmd_import,
                "import transcripts (txt, md, docx, odt, rtf, pdf, html, srt, vtt, json, csv, xlsx) or a REFI-QDA "
                ".qdpx/.qdc")
    p.add_argument("project")
    p.add_argument("files", nargs="+", metavar="FILE")
    # The conventions are named here, not imported: --help loads neither the readers nor the database layer.
    p.add_argument("--speakers", default="auto", metavar="auto|none|CONVENTION|REGEX",
                   help="recognise speaker labels automatically, not at all, by a convention (" + SPEAKER_CONVENTIONS
                        + ") or with a regular expression (the group 'speaker' or the first group is the name)")
    p.add_argument("--map", action="append", metavar="OLD=NEW",
                   help="rename a speaker found (repeatable): two old names to one new merges them, a name "
                        "already in the project joins that speaker, OLD= takes the speaker away from its turns")
    p.add_argument("--dry-run", action="store_true", help="show what would be imported; change nothing")
    p.add_argument("--clusters-under", metavar="PATH",
                   help="cards (csv, xlsx) with a cluster column: each cluster becomes a code under PATH (e.g. "
                        "Maßnahmen) and each card is coded with its cluster")
    p.add_argument("--json", action="store_true")
    p = command("info", cmd_info, "what the project holds")
    p.add_argument("project")
    p.add_argument("--json", action="store_true")
    p = command("sample", cmd_sample, "write the bundled sample project and print where it is")
    p.add_argument("--output", metavar="FCPROJ", help="where to write a fresh copy")


def _window_size(value: str) -> tuple[int, int]:
    width, x, height = value.lower().partition("x")
    if not (x and width.isdigit() and height.isdigit() and 320 <= int(width) <= 8000 and 240 <= int(height) <= 8000):
        raise argparse.ArgumentTypeError("the size is written WIDTHxHEIGHT, e.g. 1280x720")
    return int(width), int(height)

