"""What a report says, as plain data: sections of headings, paragraphs, tables, charts and quotes.

The Word writer turns it into a document and the spreadsheet writer takes its tables; neither knows the
project. ``Table`` rows hold plain values (str, int, float, None); columns listed in ``numeric`` are figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Table:
    name: str  # a short name: the spreadsheet's sheet name, the caption's subject
    columns: list[str]
    rows: list[list[object]]
    numeric: set[int] = field(default_factory=set)  # right-aligned figure columns
    percent: set[int] = field(default_factory=set)  # 0..1 values shown as per cent
    depths: list[int] | None = None  # per row, how far to indent the first cell (code tree depth)
    widths: list[float] | None = None  # not used: the Word writer sizes the columns by their content
    small: bool = False  # a wide matrix: smaller type
    # Short headers (e.g. "S1", "S2" for speakers), used in Word when the full ones do not fit, with a legend
    keys: list[str] | None = None
    sheet: str | None = None  # the spreadsheet's sheet name (at most 31 characters), when ``name`` is longer
    landscape: bool = False  # long texts in many columns: a landscape page reads better


@dataclass
class Paragraph:
    text: str
    note: bool = False  # a small explanatory line under a table or chart


@dataclass
class Chart:
    png: bytes
    caption: str
    width_cm: float = 16.0
    description: str = ""  # the picture in words (its alt text): what it shows and its figures


@dataclass
class QuoteBlock:
    text: str
    attribution: str
    memo: str | None = None
    before: str = ""
    after: str = ""
    color: str = "#808080"  # the code's colour, for the quote's side bar


@dataclass
class Section:
    title: str
    level: int  # 1: chapter, 2: sub-section, 3: sub-sub-section
    new_page: bool = False
    blocks: list[Block] = field(default_factory=list)  # a Section among them is a sub-section


@dataclass
class Report:
    title: str
    subtitle: str
    project: str
    created: date
    language: str
    labels: dict[str, str]
    documents: list[str]
    coders: list[str]
    sections: list[Section]
    with_contents: bool = True  # a table of contents after the title page
    audience: str = "internal"  # "partner": to hand out (no memos, no coders' names)

    def tables(self) -> list[Table]:
        return [block for block in walk(self.sections) if isinstance(block, Table)]


Block = Table | Paragraph | Chart | QuoteBlock | Section


def walk(blocks: list[Block]) -> list[Block]:
    """Every block, sub-sections' blocks in place, depth first."""
    found: list[Block] = []
    for block in blocks:
        found.append(block)
        if isinstance(block, Section):
            found += walk(block.blocks)
    return found
