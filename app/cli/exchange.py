"""Commands for sharing: REFI-QDA import and export (``import`` and ``export`` hand over to these), ``merge`` and
``agreement``."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from app.cli.common import Command, UsageError, open_location, print_json

EXCHANGE_SUFFIXES = (".qdpx", ".qdc", ".qde")
EXCHANGE_FORMATS = ("qdpx", "qdc")


def is_exchange_import(files: list[str]) -> bool:
    return any(Path(file).suffix.lower() in EXCHANGE_SUFFIXES for file in files)


def cmd_import_exchange(args: argparse.Namespace) -> int:
    """``import PROJECT FILE.qdpx``: create the project from the file (or add to an existing one), all or nothing."""
    from app.importers.refi_qda import read_exchange_file
    from app.models import create_project
    from app.services.merge import bring_in

    if len(args.files) != 1:
        raise UsageError("import one REFI-QDA file (.qdpx, .qdc) at a time, without other files")
    data = read_exchange_file(args.files[0])
    speakers = {speaker.guid: speaker.name for speaker in data.speakers}
    preview = {"documents": []}
    for doc in data.documents:
        counts = Counter(speakers.get(turn.speaker_guid) for turn in doc.turns if turn.speaker_guid in speakers)
        preview["documents"].append({"name": doc.name, "turns": len(doc.turns),
                                     "speakers": [{"name": n, "turns": c} for n, c in counts.items()]})
    lines = [f"Would import {len(data.documents)} documents, {len(data.codes)} codes, {len(data.codings)} codings."]
    lines += [f"  left out: {problem}" for problem in data.problems]
    if not args.dry_run:
        from app.models.team import is_team_location

        path = Path(args.project)
        created = not is_team_location(args.project) and not path.exists()
        project = create_project(path, name=data.name or None) if created else open_location(args.project)
        try:
            with project:
                lines = bring_in(project, data).lines()
        except BaseException:
            if created:  # a failed import leaves nothing behind
                path.unlink(missing_ok=True)
            raise
    if args.json:
        print_json(preview)
        for line in lines:
            print(f"note: {line}", file=sys.stderr)
    else:
        print("\n".join(lines))
    return 0


def cmd_export_exchange(args: argparse.Namespace) -> int:
    from app.export.refi_qda import export_qdc, export_qdpx

    with open_location(args.project, write=False) as project:
        written = (export_qdpx if args.format == "qdpx" else export_qdc)(project, args.output)
    print(f"Wrote {written}")
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from app.services.merge import merge_project

    with open_location(args.project) as project:
        summary = merge_project(project, args.other)
    if args.json:
        print_json(summary.as_json())
    else:
        print("\n".join(summary.lines()))
    return 0


def cmd_agreement(args: argparse.Namespace) -> int:
    from app.analysis.agreement import intercoder_agreement

    with open_location(args.project, write=False) as project:
        report = intercoder_agreement(
            project, args.coders[0], args.coders[1], level=args.level, min_overlap=args.overlap,
            include_uncoded=args.include_uncoded,
        )
    if args.output:
        from app.export.agreement_report import write_agreement_docx, write_agreement_xlsx

        suffix = Path(args.output).suffix.lower()
        (write_agreement_docx if suffix == ".docx" else write_agreement_xlsx)(report, args.output)
    if args.json:
        print_json(report.as_json())
        return 0

    def shown(value: float | None, digits: int) -> str:
        return "-" if value is None else f"{value:.{digits}f}"

    overall = report.overall
    print(f"{report.coders[0]} and {report.coders[1]}, {report.level} level, {len(report.documents)} document(s)")
    print(f"overall\t{shown(overall.percent, 1)} %\tkappa {shown(overall.kappa, 3)}\talpha {shown(overall.alpha, 3)}")
    for code in report.codes:
        print(f"{code.code}\t{shown(code.table.percent, 1)} %\tkappa {shown(code.table.kappa, 3)}")
    print(f"{len(report.disagreements)} disagreement(s)" + (f"; written to {args.output}" if args.output else ""))
    return 0


def _share(value: str) -> float:
    share = float(value.rstrip("%")) / (100 if value.endswith("%") else 1)
    if not 0 < share <= 1:
        raise argparse.ArgumentTypeError("the overlap is a share between 0 and 1 (or a percentage)")
    return share


def add_commands(command: Command) -> None:
    """Add ``merge`` and ``agreement``."""
    p = command("merge", cmd_merge, "bring a colleague's project (codes, codings, memos, speakers) into this one")
    p.add_argument("project")
    p.add_argument("other", metavar="OTHER_PROJECT")
    p.add_argument("--json", action="store_true")

    p = command("agreement", cmd_agreement, "intercoder agreement of two coders (percent, kappa, alpha)")
    p.add_argument("project")
    p.add_argument("--coders", nargs=2, required=True, metavar=("A", "B"))
    p.add_argument("--level", choices=("segment", "character"), default="segment")
    p.add_argument("--overlap", type=_share, default=0.5, metavar="SHARE",
                   help="segment level: codings match when they overlap by this share of their union (default 0.5)")
    p.add_argument("--include-uncoded", action="store_true", help="character level: count uncoded text too")
    p.add_argument("--output", metavar="FILE", help="also write the report with all disagreements (.xlsx or .docx)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(check=check_agreement)


def check_agreement(args: argparse.Namespace) -> None:
    if args.output and Path(args.output).suffix.lower() not in (".xlsx", ".docx"):
        raise UsageError("agreement --output writes .xlsx or .docx")
