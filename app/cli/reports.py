"""The ``export`` command: Word reports (also as PDF, through LibreOffice), codebooks, a code's quotes, .xlsx and
.csv tables (REFI-QDA files through ``exchange``). A report is for partners (no memos, no coders' names, speakers
by role and institution) unless ``--internal`` says it stays with the research team."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from app.cli.common import Command, UsageError, open_location


FORMATS = ("docx", "pdf", "xlsx", "csv", "qdpx", "qdc")


def cmd_export(args: argparse.Namespace) -> int:
    if args.format in ("qdpx", "qdc"):  # REFI-QDA exchange files
        from app.cli.exchange import cmd_export_exchange

        return cmd_export_exchange(args)
    from app.export import office
    from app.export.exports import (
        export_code_quotes_docx,
        export_codebook_docx,
        export_csv,
        export_report_docx,
        export_report_pdf,
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
        with_context=args.context, charts=not args.no_charts, audience=args.audience,
        speaker_label=args.speaker_label.replace("-", "_"), page_numbers=args.page_numbers,
    )
    report = args.format == "docx" and not args.code and not args.codebook_only
    with open_location(args.project, write=False) as project:
        if args.format == "pdf":
            written = export_report_pdf(project, args.output, options)
        elif args.format == "docx" and args.code:
            written = export_code_quotes_docx(project, args.code, args.output, options)
        elif args.format == "docx" and args.codebook_only:
            written = export_codebook_docx(project, args.output, options)
        elif args.format == "docx":
            written = export_report_docx(project, args.output, options)
        elif args.format == "xlsx":
            written = export_xlsx(project, args.output, options)
        else:
            written = export_csv(project, args.output, options)
    if report and args.page_numbers and not office.available():
        print("note: LibreOffice is not installed: the table of contents lists the headings without page numbers "
              "(Word adds them when the table is updated)", file=sys.stderr)
    print(f"Wrote {written} ({args.audience})" if args.format in ("docx", "pdf") else f"Wrote {written}")
    return 0


def add_commands(command: Command) -> None:
    """Add ``export``."""
    p = command("export", cmd_export, "write a Word or PDF report, a codebook, a code's quotes, an .xlsx or a .csv")
    p.add_argument("project")
    p.add_argument("--format", choices=FORMATS, help="default: from the output file's extension")
    audience = p.add_mutually_exclusive_group()
    audience.add_argument("--partner", dest="audience", action="store_const", const="partner",
                          help="a report to hand out (the default for docx and pdf): no memos, no coders' names, "
                               "speakers by role and institution")
    audience.add_argument("--internal", dest="audience", action="store_const", const="internal",
                          help="everything, for the research team (the default for xlsx and csv)")
    p.add_argument("--speaker-label", choices=("name", "role-institution"),
                   help="how speakers are named (default: role-institution for --partner, name for --internal)")
    p.add_argument("--page-numbers", action=argparse.BooleanOptionalAction, default=True,
                   help="docx: the table of contents' page numbers, laid out by LibreOffice when it is installed")
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
                   help="rank the sub-codes of these codes (default: the measures, see `priorities`)")
    p.add_argument("--context", action="store_true", help="quotes with the rest of their sentence")
    p.add_argument("--no-charts", action="store_true", help="leave the charts out")
    p.set_defaults(check=check_export)


def check_export(args: argparse.Namespace) -> None:
    if args.format is None:
        suffix = Path(args.output).suffix.lower().lstrip(".")
        if suffix not in FORMATS:
            raise UsageError("export needs --format docx|pdf|xlsx|csv|qdpx|qdc (or an output file ending in one of "
                             "them)")
        args.format = suffix
    if (args.codebook_only or args.code) and args.format != "docx":
        raise UsageError("--codebook-only and --code make Word documents: use --format docx")
    if args.audience is None:
        args.audience = "partner" if args.format in ("docx", "pdf") else "internal"
    if args.speaker_label is None:
        args.speaker_label = "role-institution" if args.audience == "partner" else "name"
    if args.codebook_only and args.code:
        raise UsageError("choose either --codebook-only or --code")
