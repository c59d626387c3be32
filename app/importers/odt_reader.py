"""OpenDocument text (.odt) to paragraphs, from ``content.xml``.

Paragraphs, headings and list items become blocks; tables are read like Word tables (see
``docx_reader.table_blocks``). ODF collapses runs of white space in the XML, spelling out extra spaces
as ``text:s``; we follow that so pretty-printed XML does not leak line breaks into the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element

from app.importers.base import Block, ReaderError
from app.importers.canonical import canonical_text
from app.importers.docx_reader import table_blocks
from app.importers.safezip import open_zip

KIND = "OpenDocument text (.odt)"

_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_MAX_DEPTH = 200
_MAX_SPACES = 1000  # text:c of one text:s; more is not a real document
_MAX_REPEAT = 100  # table:number-rows/columns-repeated of a row/cell that has text
_WHITESPACE = re.compile(r"[ \t\r\n]+")
_OTHER_KINDS = {
    "spreadsheet": "an OpenDocument spreadsheet (.ods)",
    "presentation": "an OpenDocument presentation (.odp)",
    "drawing": "an OpenDocument drawing (.odg)",
}

# Inside paragraphs: elements whose content is not running text (comments, footnotes, frames, change marks).
_SKIP_INLINE = {
    (_OFFICE, "annotation"), (_OFFICE, "annotation-end"), (_TEXT, "note"), (_TEXT, "ruby-text"),
    (_TEXT, "soft-page-break"), (_TEXT, "bookmark"), (_TEXT, "bookmark-start"), (_TEXT, "bookmark-end"),
    (_TEXT, "reference-mark"), (_TEXT, "reference-mark-start"), (_TEXT, "reference-mark-end"),
    (_TEXT, "change"), (_TEXT, "change-start"), (_TEXT, "change-end"), (_TEXT, "number"),
    (_TEXT, "toc-mark"), (_TEXT, "alphabetical-index-mark"), (_TEXT, "user-index-mark"),
}
# Between paragraphs: content that is not part of the running text.
_SKIP_BLOCK = {
    (_TEXT, "tracked-changes"), (_TEXT, "variable-decls"), (_TEXT, "sequence-decls"),
    (_TEXT, "user-field-decls"), (_TEXT, "dde-connection-decls"), (_TEXT, "index-source"),
    (_TEXT, "soft-page-break"), (_TEXT, "number"), (_OFFICE, "forms"), (_OFFICE, "annotation"),
    (_TABLE, "table-columns"), (_TABLE, "table-column"), (_TABLE, "table-header-columns"),
    (_TABLE, "table-column-group"),
}


def read_odt(path: str | Path) -> list[Block]:
    """The text body's paragraphs, headings, list items and table rows, in order, as canonical blocks."""
    with open_zip(path, KIND) as archive:
        if "mimetype" in archive:
            mimetype = archive.read("mimetype", limit=1024).decode("ascii", "replace").strip()
            for kind, description in _OTHER_KINDS.items():
                if mimetype.startswith(f"application/vnd.oasis.opendocument.{kind}"):
                    raise ReaderError(path, f"is not a text document: it is {description}")
        if "content.xml" not in archive:
            raise archive.damaged("content.xml is missing")
        root = archive.read_xml("content.xml")
    if _qname(root) != (_OFFICE, "document-content"):
        raise ReaderError(path, f"is not an {KIND} or it is damaged (content.xml is not ODF content)")
    body = _child(root, _OFFICE, "body")
    text = _child(body, _OFFICE, "text") if body is not None else None
    if text is None:
        kinds = [] if body is None else [_qname(child)[1] for child in body if _qname(child)[0] == _OFFICE]
        other = next((kind for kind in kinds if kind in _OTHER_KINDS), None)
        if other is not None:
            raise ReaderError(path, f"is not a text document: it is {_OTHER_KINDS[other]}")
        return []
    return list(_OdtWalker(path).blocks(text))


def _qname(element: Element) -> tuple[str, str]:
    tag = element.tag
    if not isinstance(tag, str) or not tag.startswith("{"):
        return ("", tag if isinstance(tag, str) else "")
    ns, _, local = tag[1:].partition("}")
    return ns, local


def _child(element: Element, ns: str, local: str) -> Element | None:
    return next((child for child in element if _qname(child) == (ns, local)), None)


def _int_attr(element: Element, ns: str, name: str, default: int = 1) -> int:
    try:
        return int(element.get(f"{{{ns}}}{name}", default))
    except ValueError:
        return default


class _OdtWalker:
    def __init__(self, path: str | Path) -> None:
        self.path = path

    def _check_depth(self, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise ReaderError(self.path, f"is damaged or hostile: its XML is nested more than {_MAX_DEPTH} levels deep")

    def blocks(self, container: Element, depth: int = 0) -> Iterator[Block]:
        self._check_depth(depth)
        for child in container:
            qname = _qname(child)
            if qname in _SKIP_BLOCK:
                continue
            if qname in ((_TEXT, "p"), (_TEXT, "h")):
                text = self.paragraph_text(child, depth)
                if text.strip():
                    yield Block(text)
            elif qname == (_TABLE, "table"):
                yield from table_blocks(self._table_rows(child, depth + 1))
            elif qname[0] in (_TEXT, _TABLE, _OFFICE):
                # text:list, text:list-item, text:section, indexes' text:index-body, ...
                yield from self.blocks(child, depth + 1)
            # draw:, svg:, form elements and foreign XML hold no running text

    def paragraph_text(self, paragraph: Element, depth: int = 0) -> str:
        pieces: list[tuple[bool, str]] = []  # (collapsible XML text?, text)
        self._inline(paragraph, pieces, depth + 1)
        return canonical_text(_join_collapsing(pieces)).strip("\n")

    def _inline(self, element: Element, pieces: list[tuple[bool, str]], depth: int) -> None:
        self._check_depth(depth)
        if element.text:
            pieces.append((True, element.text))
        for child in element:
            qname = _qname(child)
            if qname == (_TEXT, "s"):
                pieces.append((False, " " * max(1, min(_int_attr(child, _TEXT, "c"), _MAX_SPACES))))
            elif qname == (_TEXT, "tab"):
                pieces.append((False, "\t"))
            elif qname == (_TEXT, "line-break"):
                pieces.append((False, "\n"))
            elif qname in _SKIP_INLINE or qname[0] not in (_TEXT, _OFFICE):
                pass  # frames (draw:), notes, comments; their tail below is still text
            else:  # text:span, text:a, fields (their content is the displayed value), text:meta, ...
                self._inline(child, pieces, depth + 1)
            if child.tail:
                pieces.append((True, child.tail))

    def _table_rows(self, table: Element, depth: int) -> list[list[str | None]]:
        self._check_depth(depth)
        rows: list[list[str | None]] = []
        for row in self._rows(table, depth + 1):
            cells: list[str | None] = []
            covered_from_left = 0
            for cell in row:
                qname = _qname(cell)
                if qname == (_TABLE, "covered-table-cell"):
                    if covered_from_left:
                        covered_from_left -= 1  # part of a cell spanning columns: no cell of its own
                    else:
                        cells.append(None)  # covered by a cell above that spans rows
                    continue
                if qname != (_TABLE, "table-cell"):
                    continue
                covered_from_left = max(0, _int_attr(cell, _TABLE, "number-columns-spanned") - 1)
                text = self._cell_text(cell, depth + 1)
                repeat = _int_attr(cell, _TABLE, "number-columns-repeated")
                cells.extend([text] * max(1, min(repeat, _MAX_REPEAT)))
            repeat = _int_attr(row, _TABLE, "number-rows-repeated")
            rows.extend([cells] * (max(1, min(repeat, _MAX_REPEAT)) if any(cells) else 1))
        return rows

    def _rows(self, container: Element, depth: int) -> Iterator[Element]:
        self._check_depth(depth)
        for child in container:
            qname = _qname(child)
            if qname == (_TABLE, "table-row"):
                yield child
            elif qname in ((_TABLE, "table-header-rows"), (_TABLE, "table-rows"), (_TABLE, "table-row-group")):
                yield from self._rows(child, depth + 1)

    def _cell_text(self, cell: Element, depth: int) -> str:
        return "\n".join(block.text for block in self.blocks(cell, depth + 1))


def _join_collapsing(pieces: list[tuple[bool, str]]) -> str:
    """Join a paragraph's pieces, collapsing white space in XML text as ODF prescribes.

    A run of spaces, tabs and newlines in the XML text is one space, even across element boundaries;
    leading and trailing such white space of the paragraph is dropped. ``text:s``/``text:tab``/
    ``text:line-break`` are literal.
    """
    out: list[str] = []
    pending_space = False  # collapsed white space not yet written
    at_start = True
    for collapsible, text in pieces:
        if not collapsible:
            if pending_space:
                out.append(" ")
                pending_space = False
            out.append(text)
            at_start = False
            continue
        for index, part in enumerate(_WHITESPACE.split(text)):
            if index > 0:
                pending_space = not at_start
            if part:
                if pending_space:
                    out.append(" ")
                    pending_space = False
                out.append(part)
                at_start = False
    return "".join(out)
