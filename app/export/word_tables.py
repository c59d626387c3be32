"""Word frequencies and keyword-in-context hits as .xlsx or .csv (the format follows the file's suffix).

Plain rows in, files out: the rows come from ``app.analysis.word_frequencies`` and ``app.analysis.search``; the
writing is the statistics export's (``app.export.spreadsheet``), so the files look alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.analysis.search import Hit
from app.analysis.word_frequencies import WordCount
from app.export.content import Table
from app.export.files import ExportError
from app.export.spreadsheet import write_csv, write_xlsx

GROUP_COLUMN = {"project": None, "document": "Document", "speaker": "Speaker", "attribute": "Value",
                "code": "Code"}


def word_frequency_table(rows: Sequence[WordCount], *, by: str = "project", lemma: bool = False) -> Table:
    """One row per group and word: group (unless the whole project), word, count."""
    word = "Lemma" if lemma else "Word"
    group = GROUP_COLUMN.get(by)
    if group is None:
        return Table("Word frequencies", [word, "Count"], [[row.word, row.count] for row in rows], numeric={1})
    return Table("Word frequencies", [group, word, "Count"],
                 [[row.group if row.group is not None else "-", row.word, row.count] for row in rows], numeric={2})


def hits_table(hits: Sequence[Hit]) -> Table:
    """Keyword in context: document, speaker, time stamp, position, the text before, the hit, the text after."""
    rows = [[hit.document, hit.speaker or "-", _time(hit.time_ms), hit.start, hit.end, hit.before, hit.text,
             hit.after] for hit in hits]
    return Table("Search hits", ["Document", "Speaker", "Time", "Start", "End", "Before", "Hit", "After"], rows,
                 numeric={3, 4})


def write_table(table: Table, target: str | Path) -> Path:
    """Write a table as .xlsx or .csv, by the target's suffix."""
    suffix = Path(target).suffix.lower()
    if suffix == ".xlsx":
        return write_xlsx([table], target)
    if suffix == ".csv":
        return write_csv(table, target)
    raise ExportError(f"{Path(target).name}: word tables are written as .xlsx or .csv.")


def _time(ms: int | None) -> str:
    if ms is None:
        return ""
    seconds = ms // 1000
    return f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
