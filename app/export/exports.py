"""The exports a researcher asks for, one function each: the Word report, the codebook, one code's quotes,
the statistics workbook and the coded segments as CSV. Each reads the project once and writes one file, all
or nothing."""

from __future__ import annotations

from pathlib import Path

from app.analysis.dataset import load
from app.export.docx_report import write_docx
from app.export.labels import labels_for
from app.export.report import ReportOptions, build_code_quotes, build_codebook, build_report
from app.export.spreadsheet import write_csv, write_xlsx
from app.export.statistics import segments_table, statistics_tables
from app.models import Project


def export_report_docx(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    return write_docx(build_report(load(project, options.selection()), options), target)


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
    data = load(project, options.selection())
    labels = labels_for(options.language or data.language)
    return write_xlsx(statistics_tables(data, labels, memos=options.memos), target)


def export_csv(project: Project, target: str | Path, options: ReportOptions = ReportOptions()) -> Path:
    """Coded segments, one row per coding. German projects get ";" as the delimiter (what Excel expects
    where the decimal mark is a comma), English ones ","."""
    data = load(project, options.selection())
    language = (options.language or data.language or "de").split("-")[0]
    table = segments_table(data, labels_for(language), memos=options.memos)
    return write_csv(table, target, delimiter=";" if language == "de" else ",")
