"""Markdown transcripts (.md) to paragraphs, read as Markdown (markdown-it-py, CommonMark with tables).

What a reader sees is kept, the markup is not: YAML front matter, "#" marks, emphasis (``**Interviewer:**`` is the
label ``Interviewer:``), link targets (the link text stays), backslash escapes (``17\\.`` is ``17.``), thematic
breaks, and kramdown's attribute lists (``**I:**{: .text-yellow-000}``, ``{: .note}`` on its own line).

Lines stay lines: each line of a paragraph is a paragraph of its own for the turn parser, whether it ends in a
hard break (two trailing spaces) or not, as in a plain-text transcript. So a label on its own line is followed by
the turn's words on the next ones, and "mm:ss I:" lines that the author wrote one under the other stay turns of
their own. List items keep their marker (``- I: Interviewer``): a legend naming the speakers is not taken for
their turns. Table rows go through the word-processor readers' table rule ("speaker | text" tables).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from app.importers.base import Block, ReaderError
from app.importers.canonical import read_canonical_text
from app.importers.docx_reader import table_blocks

_ATTRIBUTE_LIST = re.compile(r"\{:[^{}\n]*\}")  # kramdown's inline and block attribute lists
_TAG = re.compile(r"<[^<>\n]*>")
_MAX_NESTING = 100  # markdown-it's own limit on nested blocks is 100 too


def read_markdown(path: str | Path) -> list[Block]:
    """The paragraphs of a Markdown file as blocks, one per line of text."""
    path = Path(path)
    text = read_canonical_text(path)
    from markdown_it import MarkdownIt  # imported on use: the CLI starts without it
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable("table").use(front_matter_plugin)
    try:
        tokens = parser.parse(text)
    except RecursionError as exc:
        raise ReaderError(path, "is nested too deeply to be read as Markdown") from exc
    return list(_blocks(tokens))


def _blocks(tokens: Sequence[object]) -> Iterator[Block]:
    markers: list[str] = []  # the open lists' item markers, innermost last
    item_start = False  # the next paragraph is the first of a list item: it takes the marker
    heading = False
    rows: list[list[str]] = []
    row: list[str] | None = None
    for token in tokens:
        kind = token.type  # type: ignore[attr-defined]
        if kind == "bullet_list_open":
            markers.append("-")
        elif kind == "ordered_list_open":
            markers.append("1.")
        elif kind in ("bullet_list_close", "ordered_list_close"):
            markers.pop()
        elif kind == "list_item_open":
            item_start = True
            if markers and markers[-1] != "-":
                number = (token.info or "").strip()  # type: ignore[attr-defined]
                markers[-1] = f"{number or '1'}{token.markup or '.'}"  # type: ignore[attr-defined]
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind == "table_open":
            rows = []
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close":
            if row is not None:
                rows.append(row)
            row = None
        elif kind == "table_close":
            yield from table_blocks(rows)
            rows = []
        elif kind == "inline":
            lines = _inline_lines(token)
            if row is not None:
                row.append(" ".join(lines))
                continue
            if item_start and markers and lines:
                lines[0] = f"{markers[-1]} {lines[0]}"
            item_start = False
            yield from (Block(line, None, heading) for line in lines)
        elif kind in ("fence", "code_block", "html_block"):
            content = token.content  # type: ignore[attr-defined]
            if kind == "html_block":
                content = _TAG.sub("", content)
            yield from (Block(line.rstrip()) for line in content.split("\n") if line.strip())


def _inline_lines(token: object) -> list[str]:
    """An inline token's text without markup, cut at its line breaks; blank lines left out."""
    lines: list[str] = []
    pieces: list[str] = []
    for child in token.children or ():  # type: ignore[attr-defined]
        kind = child.type
        if kind in ("text", "code_inline"):
            pieces.append(child.content)
        elif kind == "image":
            pieces.append(child.content)  # its alt text
        elif kind in ("softbreak", "hardbreak"):
            lines.append("".join(pieces))
            pieces = []
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            lines.append("".join(pieces))
            pieces = []
    lines.append("".join(pieces))
    cleaned = (_ATTRIBUTE_LIST.sub("", line).rstrip() for line in lines)
    return [line for line in cleaned if line.strip()]
