"""The intercoder agreement report as an Excel workbook and as a Word document: figures per code, overall, and
every disagreement with both coders' passages."""

from __future__ import annotations

import re
from pathlib import Path

from app.analysis.agreement import AgreementReport

_LEVELS = {"segment": "segments", "character": "characters"}
# Control characters (form feeds from Word ...) that XML, and so .xlsx and .docx, cannot hold.
_UNWRITABLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _clean(text: str) -> str:
    return _UNWRITABLE.sub(" ", text)


def _settings(report: AgreementReport) -> str:
    unit = _LEVELS[report.level]
    if report.level == "segment":
        how = f"codings matched when they overlap by at least {report.min_overlap:.0%}"
    else:
        how = "uncoded text included" if report.include_uncoded else "uncoded text left out"
    return f"Units: {unit}; {how}. Documents: {', '.join(report.documents) or 'none coded by both'}."


def _figure(value: float | None, digits: int) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _rows(report: AgreementReport) -> list[list[object]]:
    rows = []
    for name, table in [(c.code, c.table) for c in report.codes] + [("Overall", report.overall)]:
        rows.append([name, table.both, table.only_a, table.only_b, table.neither,
                     None if table.percent is None else round(table.percent, 2),
                     None if table.kappa is None else round(table.kappa, 4),
                     None if table.alpha is None else round(table.alpha, 4)])
    return rows


def _header(report: AgreementReport) -> list[str]:
    a, b = report.coders
    return ["Code", "Both", f"Only {a}", f"Only {b}", "Neither", "Agreement %", "Cohen's kappa",
            "Krippendorff's alpha"]


def write_agreement_xlsx(report: AgreementReport, path: str | Path) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Agreement"
    a, b = report.coders
    sheet.append([f"Intercoder agreement: {a} and {b}"])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_settings(report)])
    sheet.append([])
    sheet.append(_header(report))
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in _rows(report):
        sheet.append(row)
    sheet[sheet.max_row][0].font = Font(bold=True)
    sheet.column_dimensions["A"].width = 40

    details = workbook.create_sheet("Disagreements")
    details.append(["Document", "Code", "Start", "End", a, b])
    for cell in details[1]:
        cell.font = Font(bold=True)
    for item in report.disagreements:
        details.append([_clean(item.document), _clean(item.code), item.start, item.end, _clean(item.text_a),
                        _clean(item.text_b)])
    for column, width in zip("ABCDEF", (24, 30, 8, 8, 60, 60)):
        details.column_dimensions[column].width = width
    for row in details.iter_rows(min_row=2):
        for cell in row[4:]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    path = Path(path)
    workbook.save(path)
    return path


def write_agreement_docx(report: AgreementReport, path: str | Path) -> Path:
    from docx import Document

    a, b = report.coders
    document = Document()
    document.add_heading(f"Intercoder agreement: {a} and {b}", level=1)
    document.add_paragraph(_settings(report))
    table = document.add_table(rows=1, cols=8)
    table.style = "Table Grid"
    for cell, title in zip(table.rows[0].cells, _header(report)):
        cell.text = title
    for row in _rows(report):
        cells = table.add_row().cells
        for index, (cell, value) in enumerate(zip(cells, row)):
            digits = 2 if index == 5 else 4
            cell.text = _figure(value, digits) if index >= 5 else str(value)
    document.add_heading("Disagreements", level=2)
    if not report.disagreements:
        document.add_paragraph("The coders agree on every passage.")
    else:
        grid = document.add_table(rows=1, cols=4)
        grid.style = "Table Grid"
        for cell, title in zip(grid.rows[0].cells, ["Document", "Code", a, b]):
            cell.text = title
        for item in report.disagreements:
            cells = grid.add_row().cells
            for cell, value in zip(cells, [item.document, item.code, item.text_a or "–", item.text_b or "–"]):
                cell.text = _clean(value)
    path = Path(path)
    document.save(path)
    return path
