"""Word documents (.docx) to paragraphs.

Reads the main document part's XML directly (after ``safezip`` checks) rather than through python-docx,
because transcripts need details python-docx glosses over: field codes (instruction hidden, result kept),
tracked deletions, soft line breaks, content controls, and tables in body order.

``table_blocks`` is also used by the ODT and RTF readers: it recognises the "speaker | text" table layout.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from xml.etree.ElementTree import Element

from app.importers.base import Block, ReaderError
from app.importers.canonical import canonical_text
from app.importers.safezip import SafeZip, open_zip

KIND = "Word document (.docx)"

_W = {
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO 29500 "strict" documents
}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_OFFICE_DOCUMENT_REL = re.compile(r"/officeDocument$")
_MAX_DEPTH = 200  # nesting deeper than this is not a real document; stops runaway recursion

# Elements inside a paragraph whose content is not document text.
_SKIP_INLINE = {
    "pPr", "rPr", "del", "moveFrom", "proofErr", "bookmarkStart", "bookmarkEnd", "commentRangeStart",
    "commentRangeEnd", "permStart", "permEnd", "customXmlInsRangeStart", "customXmlInsRangeEnd",
    "customXmlDelRangeStart", "customXmlDelRangeEnd", "sdtPr", "sdtEndPr", "rubyPr", "rt",
}
# Body-level elements that hold no text of the document.
_SKIP_BLOCK = {"sectPr", "sdtPr", "sdtEndPr", "bookmarkStart", "bookmarkEnd", "proofErr", "altChunk", "del",
               "moveFrom", "tblPr", "tblGrid", "trPr", "tcPr", "tblPrEx"}


def read_docx(path: str | Path) -> list[Block]:
    """The document body's paragraphs and table rows, in order, as canonical blocks."""
    with open_zip(path, KIND) as archive:
        part = _main_part(archive)
        root = archive.read_xml(part)
    if _local(root.tag) != "document" or _ns(root.tag) not in _W:
        raise ReaderError(path, f"is not a {KIND} or it is damaged ({part} is not a Word document part)")
    body = next((child for child in root if _local(child.tag) == "body"), None)
    if body is None:
        return []
    return list(_DocxWalker(path).blocks(body))


def table_blocks(rows: Sequence[Sequence[str | None]]) -> list[Block]:
    """Blocks for one table, given each row's cell texts (``None``: a cell merged with the one above).

    A two-column table whose first column holds short speaker labels is the "speaker | text" transcript
    layout: one block per row with ``speaker`` set. Any other table gives one block per row, cells
    joined with a tab. Rows without text are left out.
    """
    rows = [list(row) for row in rows]
    if _is_speaker_table(rows):
        return _speaker_rows(rows)
    blocks = []
    for row in rows:
        text = canonical_text("\t".join(cell or "" for cell in row))
        if text.strip():
            blocks.append(Block(text))
    return blocks


# --- the speaker | text layout ----------------------------------------------------------------------------

_HEADER_WORDS = {
    "speaker", "speakers", "sprecher", "sprecherin", "sprecher/in", "sprecher*in", "sprecher:in", "person",
    "name", "wer", "who", "rolle", "role", "teilnehmer", "teilnehmerin", "participant",
}
_TIME_MARK = re.compile(r"^[\[(#]?\d{1,2}[:.]\d{2}")
_MAX_LABEL_CHARS = 40
_MAX_LABEL_WORDS = 4
_MIN_AVERAGE_TURN_CHARS = 40


def _label(cell: str | None) -> str:
    text = (cell or "").strip()
    return text[:-1].rstrip() if text.endswith((":", "：")) else text


def _looks_like_label(text: str) -> bool:
    return (
        0 < len(text) <= _MAX_LABEL_CHARS
        and "\n" not in text
        and "\t" not in text
        and len(text.split()) <= _MAX_LABEL_WORDS
        and not text.endswith(("?", "!"))
        and not text.isdigit()  # line numbers
        and not _TIME_MARK.match(text)
        and any(ch.isalnum() for ch in text)
    )


def _is_header_row(row: list[str | None]) -> bool:
    return len(row) == 2 and _label(row[0]).lower() in _HEADER_WORDS


def _is_speaker_table(rows: list[list[str | None]]) -> bool:
    content = [row for row in rows if any((cell or "").strip() for cell in row)]
    if content and _is_header_row(content[0]):
        content = content[1:]
    pairs = [row for row in content if len(row) == 2]
    if len(pairs) < 2 or len(pairs) < 0.8 * len(content):
        return False
    labels = []
    turn_lengths = []
    for first, second in pairs:
        label = _label(first)
        if label:
            if not _looks_like_label(label):
                return False
            labels.append(label)
        if second and second.strip():
            turn_lengths.append(len(second.strip()))
    if len(labels) < 2 or len(labels) < 0.5 * len(pairs) or not turn_lengths:
        return False
    # In a conversation labels recur (few people, many turns); a key/value table ("Date | 16/10/2014") or a
    # list of questions ("Frage 1 | ...", "Frage 2 | ...") has distinct keys. Only a two-turn exchange is
    # too short to show recurrence: then the second column must read like speech.
    if len(set(labels)) < len(labels):
        return True
    return len(labels) <= 2 and sum(turn_lengths) / len(turn_lengths) >= _MIN_AVERAGE_TURN_CHARS


def _speaker_rows(rows: list[list[str | None]]) -> list[Block]:
    blocks = []
    previous_label: str | None = None
    for index, row in enumerate(rows):
        if index == 0 and _is_header_row(row):
            text = canonical_text("\t".join(cell or "" for cell in row))
            if text.strip():
                blocks.append(Block(text))
            continue
        if len(row) != 2:
            text = canonical_text("\t".join(cell or "" for cell in row))
            if text.strip():
                blocks.append(Block(text))
            previous_label = None
            continue
        first, second = row
        # A label cell merged with the one above means the same speaker goes on.
        label = previous_label if first is None else (canonical_text(_label(first)) or None)
        previous_label = label
        text = canonical_text(second or "")
        if text.strip():
            blocks.append(Block(text, speaker=label))
    return blocks


# --- reading the XML -----------------------------------------------------------------------------------------


def _ns(tag: str) -> str:
    return tag[1:].partition("}")[0] if tag.startswith("{") else ""


def _local(tag: str) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _is_w(element: Element, name: str) -> bool:
    return _local(element.tag) == name and _ns(element.tag) in _W


def _attr(element: Element, name: str) -> str | None:
    """A ``w:``-namespaced attribute, whichever of the two WordprocessingML namespaces the file uses."""
    for ns in _W:
        value = element.get(f"{{{ns}}}{name}")
        if value is not None:
            return value
    return None


def _main_part(archive: SafeZip) -> str:
    """The main document part named by the package relationships (usually word/document.xml)."""
    if "_rels/.rels" in archive:
        rels = archive.read_xml("_rels/.rels", limit=1024 * 1024)
        for rel in rels:
            if _OFFICE_DOCUMENT_REL.search(rel.get("Type", "")) and rel.get("TargetMode") != "External":
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target in archive:
                    return target
    if "word/document.xml" in archive:
        return "word/document.xml"
    names = archive.names()
    if any(name.startswith("xl/") for name in names):
        raise ReaderError(archive.path, f"is not a {KIND}: it is an Excel workbook; import it as .xlsx")
    if any(name.startswith("ppt/") for name in names):
        raise ReaderError(archive.path, f"is not a {KIND}: it is a PowerPoint presentation")
    if "content.xml" in names:
        raise ReaderError(archive.path, f"is not a {KIND}: it is an OpenDocument file; rename it to .odt")
    raise archive.damaged("it has no main document part")


class _DocxWalker:
    """Walks the body in order. Field state spans runs and paragraphs, so it lives on the walker."""

    def __init__(self, path: str | Path) -> None:
        self.path = path
        # One entry per open complex field: False while in its instruction, True once in its result.
        self._fields: list[bool] = []

    def blocks(self, container: Element, depth: int = 0) -> Iterator[Block]:
        for child in container:
            self._check_depth(depth)
            name = _local(child.tag)
            if _ns(child.tag) == _MC and name == "AlternateContent":
                branch = _alternate_branch(child)
                if branch is not None:
                    yield from self.blocks(branch, depth + 1)
            elif _ns(child.tag) not in _W or name in _SKIP_BLOCK:
                continue
            elif name == "p":
                text = _trim_breaks(canonical_text(self.paragraph_text(child, depth)))
                if text.strip():
                    yield Block(text)
            elif name == "tbl":
                yield from table_blocks(self._table_rows(child, depth + 1))
            else:  # sdt, sdtContent, customXml, ins, moveTo: containers of paragraphs and tables
                yield from self.blocks(child, depth + 1)

    def paragraph_text(self, paragraph: Element, depth: int = 0) -> str:
        out: list[str] = []
        self._inline(paragraph, out, depth + 1)
        return "".join(out)

    def _check_depth(self, depth: int) -> None:
        if depth > _MAX_DEPTH:
            raise ReaderError(self.path, f"is damaged or hostile: its XML is nested more than {_MAX_DEPTH} levels deep")

    def _visible(self) -> bool:
        return all(self._fields)

    def _inline(self, element: Element, out: list[str], depth: int) -> None:
        self._check_depth(depth)
        for child in element:
            name = _local(child.tag)
            ns = _ns(child.tag)
            if ns == _MC and name == "AlternateContent":
                branch = _alternate_branch(child)
                if branch is not None:
                    self._inline(branch, out, depth + 1)
            elif ns not in _W or name in _SKIP_INLINE:
                continue
            elif name == "r":
                self._run(child, out, depth + 1)
            elif name in ("p", "tbl"):
                continue  # only inside text boxes, which are skipped with their drawing
            else:  # hyperlink, fldSimple (its children are the result), ins, moveTo, smartTag, sdt, ...
                self._inline(child, out, depth + 1)

    def _run(self, run: Element, out: list[str], depth: int) -> None:
        self._check_depth(depth)
        for child in run:
            name = _local(child.tag)
            ns = _ns(child.tag)
            if ns == _MC and name == "AlternateContent":
                branch = _alternate_branch(child)
                if branch is not None:
                    self._run(branch, out, depth + 1)
                continue
            if ns not in _W:
                continue
            if name == "fldChar":
                self._field_char(_attr(child, "fldCharType"))
            elif not self._visible():
                continue  # inside a field instruction: HYPERLINK "...", PAGE, TOC \o ...
            elif name == "t":
                out.append(child.text or "")
            elif name in ("tab", "ptab"):
                out.append("\t")
            elif name in ("br", "cr"):
                out.append("\n")
            elif name == "noBreakHyphen":
                out.append("-")
            # instrText, delText, softHyphen, sym, drawing, pict, object, footnote and comment
            # references: not text the reader of the transcript sees in the running text.

    def _field_char(self, kind: str | None) -> None:
        if kind == "begin":
            self._fields.append(False)
        elif kind == "separate" and self._fields:
            self._fields[-1] = True
        elif kind == "end" and self._fields:
            self._fields.pop()

    def _table_rows(self, table: Element, depth: int) -> list[list[str | None]]:
        self._check_depth(depth)
        rows: list[list[str | None]] = []
        for row in self._children(table, ("tr",), depth + 1):
            cells: list[str | None] = []
            for cell in self._children(row, ("tc",), depth + 1):
                if _vertical_continuation(cell):
                    cells.append(None)
                else:
                    cells.append(self._cell_text(cell, depth + 1))
            rows.append(cells)
        return rows

    def _children(self, element: Element, names: tuple[str, ...], depth: int) -> Iterator[Element]:
        """Children called ``names``, also those wrapped in content controls or custom XML."""
        self._check_depth(depth)
        for child in element:
            if _ns(child.tag) not in _W:
                if _ns(child.tag) == _MC and _local(child.tag) == "AlternateContent":
                    branch = _alternate_branch(child)
                    if branch is not None:
                        yield from self._children(branch, names, depth + 1)
                continue
            name = _local(child.tag)
            if name in names:
                yield child
            elif name in ("sdt", "sdtContent", "customXml", "ins", "moveTo"):
                yield from self._children(child, names, depth + 1)

    def _cell_text(self, cell: Element, depth: int) -> str:
        lines = []
        for child in self._children(cell, ("p", "tbl"), depth + 1):
            if _local(child.tag) == "p":
                text = _trim_breaks(canonical_text(self.paragraph_text(child, depth)))
            else:  # a nested table: its rows as lines, cells separated by tabs
                text = "\n".join(block.text for block in table_blocks(self._table_rows(child, depth + 1)))
            if text.strip():
                lines.append(text)
        return "\n".join(lines)


def _vertical_continuation(cell: Element) -> bool:
    """True for a cell merged with the one above (``w:vMerge`` without ``restart``)."""
    properties = next((child for child in cell if _is_w(child, "tcPr")), None)
    if properties is None:
        return False
    merge = next((child for child in properties if _is_w(child, "vMerge")), None)
    return merge is not None and _attr(merge, "val") in (None, "continue")


def _alternate_branch(alternate: Element) -> Element | None:
    """The fallback of an ``mc:AlternateContent`` (plain content every reader understands), else its choice."""
    fallback = next((child for child in alternate if _local(child.tag) == "Fallback"), None)
    if fallback is not None:
        return fallback
    return next((child for child in alternate if _local(child.tag) == "Choice"), None)


def _trim_breaks(text: str) -> str:
    """Line breaks at a paragraph's edges (a trailing Shift+Enter, a page break) carry no text."""
    return text.strip("\n")
