"""Tables for the researchers' own statistics: an .xlsx workbook (a sheet per table, header row bold and
frozen, columns sized to their content) and a .csv of rows. Plain tables in, files out.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from app.export.content import Table
from app.export.files import atomic_output

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F3A5F")
WRAP = Alignment(wrap_text=True, vertical="top")
MAX_WIDTH, MIN_WIDTH = 60, 6
SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
# Excel cannot hold more in a cell; a longer coded passage is cut (the .csv keeps it whole).
CELL_LIMIT = 32_767


def sheet_name(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name: at most 31 characters, none of []:*?/\\."""
    base = SHEET_NAME_FORBIDDEN.sub("-", name).strip("'") or "Sheet"
    candidate, number = base[:31], 2
    while candidate.casefold() in taken:
        suffix = f" ({number})"
        candidate, number = base[: 31 - len(suffix)] + suffix, number + 1
    taken.add(candidate.casefold())
    return candidate


def write_xlsx(tables: list[Table], target: str | Path) -> Path:
    # Write-only mode streams rows to the file: a sheet of 100,000 coded segments stays fast and small.
    workbook = Workbook(write_only=True)
    taken: set[str] = set()
    for table in tables:
        sheet = workbook.create_sheet(sheet_name(table.sheet or table.name, taken))
        widths = _widths(table)
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(index)].width = width
        sheet.freeze_panes = "A2"
        if table.rows:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(table.columns))}{len(table.rows) + 1}"
        header = []
        for title in table.columns:
            cell = WriteOnlyCell(sheet, value=title)
            cell.font, cell.fill = HEADER_FONT, HEADER_FILL
            header.append(cell)
        sheet.append(header)
        long_text = {j for j, width in enumerate(widths) if width >= MAX_WIDTH}
        for row in table.rows:
            sheet.append([_cell(sheet, value, j in table.percent, j in long_text) for j, value in enumerate(row)])
    if not tables:
        workbook.create_sheet("-")
    target = Path(target)
    with atomic_output(target) as partial:
        workbook.save(partial)
    return target


def _cell(sheet, value: object, percent: bool, wrap: bool) -> object:
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=value[:CELL_LIMIT])
        cell.data_type = "s"  # text stays text: a quote starting with "=" is not a formula
        if wrap:
            cell.alignment = WRAP
        return cell
    if percent and value is not None:
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "0.0%"
        return cell
    return value


def _widths(table: Table) -> list[float]:
    """Column widths from the header and the first rows' content, within sensible bounds."""
    widths = [len(title) + 2 for title in table.columns]
    for row in table.rows[:300]:
        for j, value in enumerate(row):
            longest = max((len(line) for line in str(value).split("\n")), default=0) if value is not None else 0
            widths[j] = max(widths[j], longest + 2)
    return [float(min(MAX_WIDTH, max(MIN_WIDTH, width))) for width in widths]


def write_csv(table: Table, target: str | Path, *, delimiter: str = ";") -> Path:
    """Rows as CSV in UTF-8 with a byte-order mark, so Excel shows umlauts right when opening it."""
    target = Path(target)
    with atomic_output(target) as partial:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, quoting=csv.QUOTE_MINIMAL)
            writer.writerow(table.columns)
            writer.writerows(["" if value is None else value for value in row] for row in table.rows)
    return target
