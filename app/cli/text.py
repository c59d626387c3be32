"""The text-analysis commands: ``search``, ``autocode``, ``words``, ``keywords``, ``suggest`` and ``language``."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.common import Command, UsageError, open_location, print_json


def _mode(args: argparse.Namespace) -> str:
    if args.regex:
        return "regex"
    if args.lemma:
        return "lemma"
    if args.wildcard or "*" in args.query or "?" in args.query:
        return "wildcard"
    return "word"


def _filters(args: argparse.Namespace):
    from app.analysis.search import Filters

    attribute = None
    if args.attribute:
        name, equals, value = args.attribute.partition("=")
        if not equals or not name.strip():
            raise UsageError("--attribute is written NAME=VALUE, e.g. Institution=IHK")
        attribute = (name.strip(), value.strip())
    return Filters(documents=tuple(args.document or ()), speakers=tuple(args.speaker or ()), attribute=attribute,
                   codes=tuple(args.within or ()))


def _time(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"[{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}] "


def cmd_search(args: argparse.Namespace) -> int:
    from app.analysis.search import search

    with open_location(args.project, write=False) as project:
        hits = search(project, args.query, mode=_mode(args), filters=_filters(args))
    if args.output:
        from app.export.word_tables import hits_table, write_table

        print(f"Wrote {write_table(hits_table(hits), args.output)}")
        return 0
    if args.json:
        print_json({"hits": [hit.as_json() for hit in hits]})
        return 0
    for hit in hits:
        print(f"{hit.document}\t{hit.speaker or '-'}\t{_time(hit.time_ms)}…{hit.before}[{hit.text}]{hit.after}…")
    print(f"{len(hits)} hit(s)")
    return 0


def cmd_autocode(args: argparse.Namespace) -> int:
    from app.analysis.autocoding import preview_autocode
    from app.services import code_passages

    with open_location(args.project) as project:
        passages = preview_autocode(project, args.query, mode=_mode(args), unit=args.unit, filters=_filters(args),
                                    code=args.code)
        created = 0
        if not args.dry_run:
            changes = code_passages(project, [(p.document_id, p.start, p.end) for p in passages], code=args.code,
                                    coder=args.coder, weight=args.weight)
            created = len(changes.ids("coding"))
    if args.json:
        print_json({"hits": [passage.as_json() for passage in passages]})
        return 0
    for passage in passages:
        mark = "=" if passage.coded else "+"
        print(f"{mark} {passage.document}\t{passage.start}-{passage.end}\t{passage.speaker or '-'}\t"
              f"{' '.join(passage.text.split())[:120]}")
    if args.dry_run:
        print(f"Would code {sum(not p.coded for p in passages)} passage(s) with {args.code}.")
    else:
        print(f"Coded {created} passage(s) with {args.code}"
              + (f"; {len(passages) - created} had it already." if len(passages) > created else "."))
    return 0


def cmd_words(args: argparse.Namespace) -> int:
    from app.analysis.word_frequencies import word_frequencies

    by = args.by
    if by == "attribute" and not args.attribute:
        raise UsageError("words --by attribute needs --attribute NAME")
    with open_location(args.project, write=False) as project:
        rows = word_frequencies(project, by=by, attribute=args.attribute, lemma=args.lemma,
                                documents=tuple(args.document or ()), limit=args.limit)
    if args.output:
        from app.export.word_tables import word_frequency_table, write_table

        print(f"Wrote {write_table(word_frequency_table(rows, by=by, lemma=args.lemma), args.output)}")
        return 0
    if args.json:
        out: list[dict[str, Any]] = []
        for row in rows:
            item: dict[str, Any] = {} if by == "project" else {by: row.group}
            item.update(word=row.word, count=row.count)
            out.append(item)
        print_json({"by": by, "lemma": args.lemma, "rows": out})
        return 0
    for row in rows:
        group = "" if by == "project" else f"{row.group if row.group is not None else '-'}\t"
        print(f"{group}{row.word}\t{row.count}")
    return 0


def _keyword_list(values: list[str], mode: str) -> list[tuple[str, str]]:
    """``--set`` values as (query, mode) pairs: separate arguments or comma-separated (a regular expression may
    hold commas, so it is never split)."""
    terms = values if mode == "regex" else [term for value in values for term in value.split(",")]
    return [(term.strip(), mode) for term in terms if term.strip()]


def cmd_keywords(args: argparse.Namespace) -> int:
    from app.services import set_code_keywords
    from app.services.text_settings import code_keywords

    if args.set is not None and args.clear:
        raise UsageError("choose either --set or --clear")
    writing = args.set is not None or args.clear
    if args.set is not None and not _keyword_list(args.set, args.mode):
        raise UsageError("--set needs at least one keyword (use --clear to remove them all)")
    with open_location(args.project, write=writing) as project:
        if writing:
            set_code_keywords(project, args.code, [] if args.clear else _keyword_list(args.set, args.mode))
        keywords = code_keywords(project, args.code)
    if args.json:
        print_json({"code": args.code, "keywords": [{"query": query, "mode": mode} for query, mode in keywords]})
        return 0
    for query, mode in keywords:
        print(f"{query}\t{mode}")
    if not keywords:
        print(f"{args.code} has no keywords.")
    return 0


def cmd_suggest(args: argparse.Namespace) -> int:
    from app.analysis.autocoding import suggest
    from app.analysis.search import Filters
    from app.services import code_passages
    from app.services.text_settings import code_keywords

    with open_location(args.project, write=args.apply) as project:
        if not code_keywords(project, args.code):
            from app.services import ServiceError

            raise ServiceError(f"{args.code} has no keywords yet: set them with 'focuscoder keywords PROJECT "
                               f"{args.code} --set WORD,WORD'.")
        passages = suggest(project, args.code, unit=args.unit, filters=Filters(documents=tuple(args.document or ())))
        created = 0
        if args.apply and passages:
            changes = code_passages(project, [(p.document_id, p.start, p.end) for p in passages], code=args.code,
                                    coder=args.coder)
            created = len(changes.ids("coding"))
    if args.json:
        print_json({"hits": [passage.as_json() for passage in passages]})
        return 0
    for passage in passages:
        print(f"{passage.document}\t{passage.start}-{passage.end}\t{passage.speaker or '-'}\t"
              f"{' '.join(passage.text.split())[:120]}")
    if args.apply:
        print(f"Coded {created} passage(s) with {args.code}.")
    else:
        print(f"{len(passages)} passage(s) match the keywords of {args.code} and are not coded with it.")
    return 0


def cmd_language(args: argparse.Namespace) -> int:
    from app.analysis.text_index import document_languages, index_documents
    from app.services import set_document_language

    if args.language is not None and args.document is None:
        raise UsageError("language PROJECT DOCUMENT de|en|auto: name the document to set")
    writing = args.language is not None
    with open_location(args.project, write=writing) as project:
        if writing:
            changes = set_document_language(project, args.document, None if args.language == "auto" else args.language)
            # The service dropped the index read in the old language: build it now, so no search has to.
            index_documents(project, changes.ids("document", of="updated"))
        rows = document_languages(project)
    if args.document is not None:
        rows = [row for row in rows if row.document == args.document]
        if not rows:
            from app.services import ServiceError

            raise ServiceError(f"There is no document '{args.document}'.")
    if args.json:
        print_json({"documents": [row.as_json() for row in rows]})
        return 0
    for row in rows:
        how = "set by hand" if row.set_by_hand else "detected"
        print(f"{row.document}\t{row.language}\t{how}")
    return 0


def _search_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("project")
    p.add_argument("query", help="a word, several words (a phrase), a wildcard (Sprach*) or a regular expression")
    how = p.add_mutually_exclusive_group()
    how.add_argument("--lemma", action="store_true", help="every inflection (Sprachkurs: Sprachkurse, Sprachkursen)")
    how.add_argument("--regex", action="store_true", help="a regular expression over the text (case-insensitive)")
    how.add_argument("--wildcard", action="store_true", help="* any letters, ? one letter (implied by * or ?)")
    p.add_argument("--document", action="append", metavar="NAME", help="only this document (repeatable)")
    p.add_argument("--speaker", action="append", metavar="NAME", help="only this speaker (repeatable)")
    p.add_argument("--attribute", metavar="NAME=VALUE", help="only speakers with this attribute value")
    p.add_argument("--within", action="append", metavar="PATH", help="only inside passages coded with this code")
    p.add_argument("--json", action="store_true")


def add_commands(command: Command) -> None:
    p = command("search", cmd_search, "find words, phrases, lemmas, wildcards or regular expressions")
    _search_options(p)
    p.add_argument("--output", metavar="FILE", help="write the hits in context to .xlsx or .csv")

    p = command("autocode", cmd_autocode, "code every hit of a search (the match, its sentence or its turn)")
    _search_options(p)
    p.add_argument("--code", required=True, metavar="PATH")
    p.add_argument("--unit", choices=("match", "sentence", "turn"), default="match")
    p.add_argument("--coder", default="default")
    p.add_argument("--weight", type=int, default=0, help="0-100")
    p.add_argument("--dry-run", action="store_true", help="list the passages; code nothing")

    p = command("words", cmd_words, "word frequencies, stop words left out")
    p.add_argument("project")
    p.add_argument("--by", choices=("project", "document", "speaker", "attribute", "code"), default="project")
    p.add_argument("--attribute", metavar="NAME", help="the speaker attribute for --by attribute")
    p.add_argument("--lemma", action="store_true", help="count lemmas instead of word forms")
    p.add_argument("--document", action="append", metavar="NAME", help="only this document (repeatable)")
    p.add_argument("--limit", type=int, metavar="N", help="the N most frequent words per group")
    p.add_argument("--output", metavar="FILE", help="write the table to .xlsx or .csv")
    p.add_argument("--json", action="store_true")

    p = command("keywords", cmd_keywords, "show or set a code's keywords (the search terms 'suggest' looks for)")
    p.add_argument("project")
    p.add_argument("code", metavar="CODE", help="the code's path, e.g. Sprache/Sprachkurs")
    p.add_argument("--set", nargs="+", metavar="WORD", help="replace the keywords: Sprachkurs,Deutschkurs or "
                                                          "several arguments; a phrase in quotes")
    p.add_argument("--mode", choices=("lemma", "word", "phrase", "wildcard", "regex"), default="lemma",
                   help="how --set keywords are searched (default: lemma, every inflection)")
    p.add_argument("--clear", action="store_true", help="remove all keywords of the code")
    p.add_argument("--json", action="store_true")

    p = command("suggest", cmd_suggest, "passages matching a code's keywords that are not coded with it yet")
    p.add_argument("project")
    p.add_argument("code", metavar="CODE")
    p.add_argument("--unit", choices=("match", "sentence", "turn"), default="sentence")
    p.add_argument("--document", action="append", metavar="NAME", help="only this document (repeatable)")
    p.add_argument("--apply", action="store_true", help="code every suggested passage with the code")
    p.add_argument("--coder", default="default")
    p.add_argument("--json", action="store_true")

    p = command("language", cmd_language, "show the documents' languages, or set one (its index is rebuilt)")
    p.add_argument("project")
    p.add_argument("document", nargs="?", metavar="DOCUMENT")
    p.add_argument("language", nargs="?", choices=("de", "en", "auto"),
                   help="auto: detect it from the text again")
    p.add_argument("--json", action="store_true")
