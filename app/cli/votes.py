"""The dot vote: ``votes`` sets a measure's points, ``priorities`` ranks the measures by the vote."""

from __future__ import annotations

import argparse

from app.cli.common import Command, UsageError, open_location, print_json


def cmd_votes(args: argparse.Namespace) -> int:
    from app.services.votes import set_votes

    points = _points(args.points)
    with open_location(args.project) as project:
        changes = set_votes(project, args.code, points, institution=args.institution)
    what = "no points (not voted on)" if points is None else f"{points} point(s)"
    where = f" from {args.institution}" if args.institution else ""
    print(f"{args.code}: {what}{where}" + ("" if changes else " (unchanged)"))
    return 0


def _points(text: str) -> int | None:
    if text.strip().casefold() in ("none", "-", "–"):
        return None
    if not text.strip().isdigit():
        raise UsageError(f"POINTS is a whole number of points (or 'none' to remove them), not '{text}'")
    return int(text)


def cmd_priorities(args: argparse.Namespace) -> int:
    from app.analysis.dataset import load
    from app.analysis.priorities import measures_parent, priority_ranking
    from app.services import ServiceError

    with open_location(args.project, write=False) as project:
        data = load(project)
        parent = args.parent.strip() if args.parent else measures_parent(data)
        if parent is None:
            raise ServiceError("There is no code holding the measures (Maßnahmen, Measures, Handlungsempfehlungen); "
                               "name one with --parent.")
        ranking = priority_ranking(data, parent)
    if args.json:
        print_json({"parent": parent, "rows": [
            {"rank": row.rank, "code": row.code, "points": row.points,
             "share": None if row.share is None else round(row.share, 4), "speakers": row.speakers,
             "institutions": row.institutions, "codings": row.codings}
            for row in ranking
        ]})
        return 0
    print(f"Measures under {parent}: rank, points, share, participants, institutions, passages, measure")
    for row in ranking:
        cells = ["-" if row.rank is None else str(row.rank), "-" if row.points is None else str(row.points),
                 "-" if row.share is None else f"{row.share:.1%}", str(row.speakers),
                 "-" if row.institutions is None else str(row.institutions), str(row.codings), row.code]
        print("\t".join(cells) + ("\t(not voted on)" if row.rank is None and row.points is None
                                  and any(r.points is not None for r in ranking) else ""))
    return 0


def add_commands(command: Command) -> None:
    """Add ``votes`` and ``priorities``."""
    p = command("votes", cmd_votes, "set a measure's points from the workshop's dot vote")
    p.add_argument("project")
    p.add_argument("code", metavar="CODE", help="the measure's code path, e.g. Maßnahmen/Lotsenstelle")
    p.add_argument("points", metavar="POINTS", help="its points (a whole number; 'none' removes them)")
    p.add_argument("--institution", metavar="NAME",
                   help="the points from this institution only (the measure's points are the sum of its counts); "
                        "without it the count replaces any counts by institution")
    p = command("priorities", cmd_priorities,
                "rank the measures by the dot vote's points, then by participants and institutions")
    p.add_argument("project")
    p.add_argument("--parent", metavar="PATH",
                   help="the code whose sub-codes are the measures (default: the one chosen in the project, or "
                        "a top-level code named Maßnahmen, Measures or Handlungsempfehlungen)")
    p.add_argument("--json", action="store_true")
