"""RTF to paragraphs, with a small tokenizer of our own.

striprtf gets simple files right, but transcripts come from Word (code pages per font, ``\\uN`` escapes with
ANSI fallbacks, headers/footers, fields, tracked deletions, tables) and from f4transkript (plain ``\\par``
paragraphs). RTF's grammar is small: groups ``{...}``, control words ``\\word123``, control symbols ``\\x``,
hex bytes ``\\'hh`` and text. We keep a state per group and skip the destinations that are not body text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from pathlib import Path

from app.importers.base import Block, ReaderError
from app.importers.canonical import canonical_text, read_file_bytes
from app.importers.docx_reader import table_blocks

_TOKEN = re.compile(
    rb"""
      \\(?P<word>[a-zA-Z]{1,32})(?P<param>-?\d{1,10})?\x20?   # control word; a space after it belongs to it
    | \\'(?P<hex>[0-9a-fA-F]{2})                            # a byte in the current code page
    | \\(?P<symbol>[^a-zA-Z'])                              # control symbol: \\ \{ \} \~ \- \_ \* ...
    | (?P<open>\{)
    | (?P<close>\})
    | [\r\n]+                                               # line ends in the file are not text
    | (?P<text>[^\\{}\r\n]+)
    | \\                                                    # a lone backslash (bad hex escape, end of file)
    """,
    re.VERBOSE | re.DOTALL,
)

_MAX_DEPTH = 1000

# Destinations whose content is not body text (besides every \* destination).
_SKIP_DESTINATIONS = {
    "fonttbl", "colortbl", "stylesheet", "info", "listtable", "listoverridetable", "revtbl", "rsidtbl",
    "filetbl", "xmlnstbl", "latentstyles", "themedata", "colorschememapping", "datastore", "generator",
    "pgdsctbl", "header", "headerl", "headerr", "headerf", "footer", "footerl", "footerr", "footerf",
    "footnote", "annotation", "atnid", "atnauthor", "atndate", "atnref", "atnparent", "ftnsep", "ftnsepc",
    "aftnsep", "aftnsepc", "ftncn", "aftncn", "fldinst", "pict", "object", "shp", "shpinst", "shprslt",
    "shppict", "nonshppict", "do", "sp", "sn", "sv", "pntext", "pntxta", "pntxtb", "pn", "listtext",
    "bkmkstart", "bkmkend", "xe", "tc", "tcn", "txe", "rxe", "template", "userprops", "docvar", "private",
    "mmathPr", "nesttableprops", "fldtype", "datafield", "formfield", "passwordhash", "protusertbl",
}
_PARAGRAPH_END = {"par", "sect"}
_TEXT_WORDS = {
    "line": "\n", "tab": "\t", "page": "\n", "column": "\n", "emdash": "\u2014", "endash": "\u2013",
    "emspace": "\u2003", "enspace": "\u2002", "qmspace": "\u2005", "bullet": "\u2022", "lquote": "\u2018",
    "rquote": "\u2019", "ldblquote": "\u201c", "rdblquote": "\u201d", "zwj": "\u200d", "zwnj": "\u200c",
    "ltrmark": "\u200e", "rtlmark": "\u200f", "nestcell": "\t", "nestrow": "\n",
}
_TEXT_SYMBOLS = {"\\": "\\", "{": "{", "}": "}", "~": "\u00a0", "_": "-", "\t": "\t"}
# \fcharsetN to a code page; 0 and 1 mean "the document's ANSI code page".
_CHARSETS = {
    77: "mac_roman", 128: "cp932", 129: "cp949", 130: "cp1361", 134: "cp936", 136: "cp950", 161: "cp1253",
    162: "cp1254", 163: "cp1258", 177: "cp1255", 178: "cp1256", 186: "cp1257", 204: "cp1251", 222: "cp874",
    238: "cp1250", 254: "cp437", 255: "cp850",
}
_DOCUMENT_CODEPAGES = {"ansi": "cp1252", "mac": "mac_roman", "pc": "cp437", "pca": "cp850"}


@dataclass(slots=True)
class _GroupState:
    """What a group inherits from its parent and restores on ``}``."""

    skip: bool = False  # inside a destination that is not body text
    in_fonttbl: bool = False
    uc: int = 1  # how many fallback bytes follow a \uN
    codepage: str = "cp1252"
    deleted: bool = False  # tracked deletion (\deleted)
    in_table: bool = False  # paragraph is in a table cell (\intbl)


def read_rtf(path: str | Path) -> list[Block]:
    """The body's paragraphs (``\\par``) and table rows, in order, as canonical blocks."""
    data = read_file_bytes(path)
    head = data.lstrip(b"\xef\xbb\xbf \t\r\n\x00")[:5]
    if head != b"{\\rtf":
        if data.startswith(b"PK"):
            raise ReaderError(path, "is not an RTF file: it is a zip-based document (.docx or .odt); rename it")
        if not data.strip():
            raise ReaderError(path, "is not an RTF file: the file is empty")
        raise ReaderError(path, "is not an RTF file (it does not start with {\\rtf) or it is damaged")
    return _RtfParser(path).parse(data)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


class _RtfParser:
    def __init__(self, path: str | Path) -> None:
        self.path = path
        self.document_codepage = "cp1252"
        self.fonts: dict[int, str] = {}
        self.default_font: int | None = None
        self.font_being_defined: int | None = None
        self.state = _GroupState()
        self.stack: list[_GroupState] = []
        self.star = False  # the last token was \* : the next control word names an optional destination
        self.skip_fallback = 0  # bytes/tokens still to ignore after a \uN
        self.high_surrogate: int | None = None
        self.pending_bytes = bytearray()
        self.pending_codepage = "cp1252"
        self.paragraph: list[str] = []
        self.blocks: list[Block] = []
        self.table_rows: list[list[str | None]] = []
        self.row_cells: list[str | None] = []
        self.cell_paragraphs: list[str] = []

    # -- driving ---------------------------------------------------------------------------------------------

    def parse(self, data: bytes) -> list[Block]:
        position = data.find(b"{")
        end = len(data)
        while position < end:
            match = _TOKEN.match(data, position)
            if match is None:  # cannot happen with the catch-all alternatives; stop rather than loop
                break
            position = match.end()
            kind = match.lastgroup  # the last group that matched: "param" for a control word with a number
            if kind is None:  # line end in the file, or a stray backslash: nothing
                continue
            if kind == "hex":
                self._hex(int(match["hex"], 16))
                continue
            if kind == "param":
                kind = "word"
            self._flush_bytes()
            if kind == "open":
                self._open()
            elif kind == "close":
                if not self._close():
                    break  # the document group is closed; anything after it is not RTF
            elif kind == "word":
                word = match["word"].decode("ascii")
                param = int(match["param"]) if match["param"] is not None else None
                if word == "bin":  # binary data: skip it unseen, whatever the state
                    position += max(param or 0, 0)
                    self.star = False
                    continue
                self._word(word, param)
            elif kind == "symbol":
                self._symbol(match["symbol"].decode("latin-1"))
            elif kind == "text":
                self._text(match["text"])
        self._flush_bytes()
        self._end_paragraph()
        self._flush_table()
        return self.blocks

    def _open(self) -> None:
        if len(self.stack) >= _MAX_DEPTH:
            raise ReaderError(self.path, f"is damaged or hostile: its groups are nested more than {_MAX_DEPTH} deep")
        self.stack.append(self.state)
        self.state = replace(self.state)
        self.skip_fallback = 0
        self.star = False

    def _close(self) -> bool:
        self.skip_fallback = 0
        self.star = False
        if not self.stack:
            return False
        self.state = self.stack.pop()
        return bool(self.stack)

    # -- tokens ------------------------------------------------------------------------------------------------

    def _word(self, word: str, param: int | None) -> None:
        state = self.state
        if self.star:
            self.star = False
            state.skip = True  # an optional destination we do not know: its content is not text
        if state.in_fonttbl:
            self._font_table_word(word, param)
        if word in _SKIP_DESTINATIONS:
            state.skip = True
            state.in_fonttbl = word == "fonttbl"
            return
        if state.skip:
            return
        if self.skip_fallback:
            if word == "u" or word in _PARAGRAPH_END or word in ("cell", "row"):
                self.skip_fallback = 0  # the fallback was left out; never swallow structure or text
            else:
                self.skip_fallback -= 1  # a control word counts as one fallback character
                return
        if word == "u" and param is not None:
            self._unicode(param)
        elif word in _TEXT_WORDS:
            self._emit(_TEXT_WORDS[word])
        elif word in _PARAGRAPH_END:
            self._end_paragraph()
        elif word == "cell":
            self._end_cell()
        elif word == "row":
            self._end_row()
        else:
            self._formatting(word, param)

    def _formatting(self, word: str, param: int | None) -> None:
        state = self.state
        if word == "uc" and param is not None:
            state.uc = max(0, min(param, 10))
        elif word == "f" and param is not None:
            state.codepage = self.fonts.get(param, self.document_codepage)
        elif word == "plain":
            state.deleted = False
            state.codepage = self.fonts.get(self.default_font, self.document_codepage) \
                if self.default_font is not None else self.document_codepage
        elif word == "deleted":
            state.deleted = param != 0
        elif word == "pard":
            state.in_table = False
        elif word == "intbl":
            state.in_table = param != 0
        elif word == "ansicpg" and param:
            codepage = _codec("mac_roman" if param == 10000 else f"cp{param}")
            if codepage:
                self.document_codepage = codepage
                state.codepage = codepage
        elif word in _DOCUMENT_CODEPAGES:
            self.document_codepage = _DOCUMENT_CODEPAGES[word]
            state.codepage = self.document_codepage
        elif word == "deff" and param is not None:
            self.default_font = param

    def _font_table_word(self, word: str, param: int | None) -> None:
        if word == "f" and param is not None:
            self.font_being_defined = param
        elif word == "fcharset" and param is not None and self.font_being_defined is not None:
            self.fonts[self.font_being_defined] = _CHARSETS.get(param, self.document_codepage)
        elif word == "cpg" and param and self.font_being_defined is not None:
            codepage = _codec(f"cp{param}")
            if codepage:
                self.fonts[self.font_being_defined] = codepage

    def _symbol(self, symbol: str) -> None:
        if symbol == "*":
            self.star = True
            return
        self.star = False
        if self.state.skip:
            return
        if self.skip_fallback:
            self.skip_fallback -= 1
            return
        if symbol in ("\n", "\r"):  # a backslash before a line end is a paragraph mark
            self._end_paragraph()
        elif symbol in _TEXT_SYMBOLS:
            self._emit(_TEXT_SYMBOLS[symbol])
        # \- (optional hyphen), \: (index sub-entry), \| (formula) and unknown symbols: nothing to show

    def _text(self, raw: bytes) -> None:
        self.star = False
        if self.state.skip:
            return
        if self.skip_fallback:
            dropped = min(self.skip_fallback, len(raw))
            self.skip_fallback -= dropped
            raw = raw[dropped:]
        if raw:
            self._emit(raw.decode(self.state.codepage, errors="replace"))

    def _hex(self, value: int) -> None:
        self.star = False
        if self.state.skip:
            return
        if self.skip_fallback:
            self.skip_fallback -= 1
            return
        if self.pending_bytes and self.pending_codepage != self.state.codepage:
            self._flush_bytes()
        self.pending_codepage = self.state.codepage
        self.pending_bytes.append(value)

    def _flush_bytes(self) -> None:
        """Decode consecutive \\'hh bytes together: a double-byte code page needs both halves."""
        if self.pending_bytes:
            text = bytes(self.pending_bytes).decode(self.pending_codepage, errors="replace")
            self.pending_bytes.clear()
            self._emit(text)

    def _unicode(self, value: int) -> None:
        if value < 0:
            value += 0x10000  # \uN is a signed 16-bit number
        self.skip_fallback = self.state.uc
        if 0xD800 <= value <= 0xDBFF:
            self._emit_surrogate_leftover()
            self.high_surrogate = value
            return
        if 0xDC00 <= value <= 0xDFFF:
            if self.high_surrogate is not None:
                combined = 0x10000 + ((self.high_surrogate - 0xD800) << 10) + (value - 0xDC00)
                self.high_surrogate = None
                self._emit(chr(combined))
            else:
                self._emit("\ufffd")
            return
        self._emit(chr(value) if value <= 0x10FFFF else "\ufffd")

    def _emit_surrogate_leftover(self) -> None:
        if self.high_surrogate is not None:
            self.high_surrogate = None
            self.paragraph.append("\ufffd")

    def _emit(self, text: str) -> None:
        if self.state.deleted or not text:
            return
        self._emit_surrogate_leftover()
        self.paragraph.append(text)

    # -- paragraphs and tables -------------------------------------------------------------------------------

    def _take_paragraph(self) -> str:
        self._emit_surrogate_leftover()
        text = canonical_text("".join(self.paragraph)).strip("\n")
        self.paragraph = []
        return text

    def _end_paragraph(self) -> None:
        text = self._take_paragraph()
        if self.state.in_table or self.row_cells:
            if text.strip():
                self.cell_paragraphs.append(text)
            return
        self._flush_table()
        if text.strip():
            self.blocks.append(Block(text))

    def _end_cell(self) -> None:
        text = self._take_paragraph()
        if text.strip():
            self.cell_paragraphs.append(text)
        self.row_cells.append("\n".join(self.cell_paragraphs))
        self.cell_paragraphs = []

    def _end_row(self) -> None:
        text = self._take_paragraph()
        if text.strip():
            self.cell_paragraphs.append(text)
        if self.cell_paragraphs:  # text after the last \cell: keep it as one more cell
            self.row_cells.append("\n".join(self.cell_paragraphs))
            self.cell_paragraphs = []
        self.table_rows.append(self.row_cells)
        self.row_cells = []

    def _flush_table(self) -> None:
        if self.row_cells or self.cell_paragraphs:  # a row that never got its \row
            self._end_row()
        if self.table_rows:
            self.blocks.extend(table_blocks(self.table_rows))
            self.table_rows = []
