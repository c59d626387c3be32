"""Saving the search hits or the word frequencies shown as .xlsx or .csv (``app.export.word_tables``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from app.export.content import Table
from app.export.files import ExportError
from app.ui.context import ApplicationContext

FILTERS = "Excel (*.xlsx);;CSV (*.csv)"


def tr(text: str) -> str:
    return QCoreApplication.translate("TableExport", text)


def export_table(
    parent: QWidget, context: ApplicationContext, table: Table, name: str, target: str | None = None
) -> Path | None:
    """Ask where (unless ``target`` is given) and write the table; a refused write is reported, not raised."""
    if context.project is None:
        return None
    if target is None:
        suggestion = str(Path(context.project.path).with_name(f"{Path(context.project.path).stem}-{name}.xlsx"))
        target, chosen = QFileDialog.getSaveFileName(parent, tr("Export table"), suggestion, FILTERS)
        if not target:
            return None
        if Path(target).suffix.lower() not in (".xlsx", ".csv"):
            target += ".csv" if "csv" in chosen.lower() else ".xlsx"
    from app.export.word_tables import write_table

    try:
        return write_table(table, target)
    except (ExportError, OSError) as exc:
        context.sig_error.emit(str(exc))
        return None
