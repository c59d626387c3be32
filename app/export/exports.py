"""The exports a researcher asks for, one function each: the Word report (also as PDF, through LibreOffice), the
codebook, one code's quotes, the statistics workbook and the coded segments as CSV. Each reads the project once and
writes one file, all or nothing."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from app.analysis.dataset import load
from app.export import office
from app.export.docx_report import write_docx
from app.export.files import ExportError, atomic_output
from app.export.labels import labels_for
from app.export.report import ReportOptions, build_code_quotes, build_codebook, build_report, report_data
from app.export.spreadsheet import write_csv, write_xlsx
from app.export.statistics import segments_table, statistics_tables
from app.models import Project


def export_report_docx(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    return write_docx(build_report(load(project, options.selection()), options), target,
                      page_numbers=options.page_numbers)


def export_report_pdf(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    """The Word report as a PDF, laid out by LibreOffice (``office``), its table of contents with page numbers."""
    if not office.available():
        raise ExportError(office.NOT_INSTALLED)
    target = Path(target)
    report = build_report(load(project, options.selection()), options)
    with atomic_output(target) as partial, tempfile.TemporaryDirectory(dir=partial.parent,
                                                                       prefix=".focuscoder-pdf-") as scratch:
        source = write_docx(report, Path(scratch) / f"{target.stem}.docx", page_numbers=True)
        os.replace(office.convert(source, "pdf", Path(scratch)), partial)
    return target


def export_codebook_docx(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    return write_docx(build_codebook(load(project, options.selection()), options), target)


def export_code_quotes_docx(
    project: Project, code: str, target: str | Path, options: ReportOptions = ReportOptions()
) -> Path:
    data = load(project, options.selection())
    if not any(c.path == code for c in data.codes.values()):
        from app.services import ServiceError

        raise ServiceError(f"There is no code '{code}'.")
    return write_docx(build_code_quotes(data, code, options), target)


def export_xlsx(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    data = report_data(load(project, options.selection()), options)
    labels = labels_for(options.language or data.language)
    return write_xlsx(statistics_tables(data, labels, memos=options.shows_memos, coders=options.shows_coders),
                      target)


def export_csv(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    """Coded segments, one row per coding. German projects get ";" as the delimiter (what Excel expects
    where the decimal mark is a comma), English ones ","."""
    data = report_data(load(project, options.selection()), options)
    language = (options.language or data.language or "de").split("-")[0]
    table = segments_table(data, labels_for(language), memos=options.shows_memos, coders=options.shows_coders)
    return write_csv(table, target, delimiter=";" if language == "de" else ",")
