"""Code × speaker, code × document and code × attribute-value matrices: how many codings of each code each
speaker (document, institution ...) has.

A coding counts once in every column it touches: a passage spanning two speakers' turns counts for both, so a
row's cells can add up to more than the code's codings. Codes without codings are rows of zeros.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from app.analysis.dataset import ProjectData, Selection, as_data
from app.analysis.frequencies import speaker_groups
from app.analysis.parts import distinct_pairs
from app.models import Project


@dataclass(frozen=True)
class Matrix:
    rows: list[str]  # code paths, in tree order
    columns: list[str | None]  # None: no speaker / no value
    cells: list[list[int]]
    depths: list[int]  # each row's depth in the code tree, for indenting

    def column_totals(self) -> list[int]:
        return [sum(row[j] for row in self.cells) for j in range(len(self.columns))]

    def row_totals(self) -> list[int]:
        return [sum(row) for row in self.cells]

    def subtree_totals(self) -> list[int]:
        """Per row, its sum with the sums of all rows below it in the code tree (its sub-codes')."""
        totals = self.row_totals()
        index = {path: i for i, path in enumerate(self.rows)}
        for i in reversed(range(len(self.rows))):  # tree order: a code's sub-codes come after it
            parent = index.get(self.rows[i].rsplit("/", 1)[0]) if "/" in self.rows[i] else None
            if parent is not None:
                totals[parent] += totals[i]
        return totals

    def without_empty_rows(self) -> Matrix:
        """The rows with something in them or below them: a parent without codings of its own stays with its
        sub-codes, so that every code is shown under its own parent."""
        shown = set()
        for path, row in zip(self.rows, self.cells):
            if any(row):
                parts = path.split("/")
                shown.update("/".join(parts[: n + 1]) for n in range(len(parts)))
        keep = [i for i, path in enumerate(self.rows) if path in shown]
        return Matrix(
            rows=[self.rows[i] for i in keep],
            columns=self.columns,
            cells=[self.cells[i] for i in keep],
            depths=[self.depths[i] for i in keep],
        )


def code_by_document(source: Project | ProjectData, selection: Selection | None = None) -> Matrix:
    data = as_data(source, selection)
    columns: list[str | None] = [doc.name for doc in data.documents.values()]
    return _matrix(data, data.code_index, data.document_index, columns)


def code_by_speaker(source: Project | ProjectData, selection: Selection | None = None) -> Matrix:
    """Codings per code and speaker; a column "no speaker" (None) only when some coding lies outside every turn."""
    return _by_speaker_group(as_data(source, selection), None)


def code_by_attribute(
    source: Project | ProjectData, attribute: str, selection: Selection | None = None
) -> Matrix:
    """Codings per code and value of a speaker attribute (e.g. per institution); None: no speaker or no value."""
    return _by_speaker_group(as_data(source, selection), attribute)


def _by_speaker_group(data: ProjectData, attribute: str | None) -> Matrix:
    groups, speaker_group = speaker_groups(data, attribute)
    parts = data.parts()
    part_group = np.append(speaker_group, len(groups) - 1)[parts.speaker]  # NONE picks the last: no group
    coding, group = distinct_pairs(parts.coding, part_group)
    matrix = _matrix(data, data.code_index[coding], group, groups)
    if not any(row[-1] for row in matrix.cells):  # drop the "none" column when nothing is in it
        matrix = Matrix(matrix.rows, matrix.columns[:-1], [row[:-1] for row in matrix.cells], matrix.depths)
    return matrix


def _matrix(data: ProjectData, code: np.ndarray, column: np.ndarray, columns: list[str | None]) -> Matrix:
    width = max(len(columns), 1)
    counts = np.bincount(code * width + column, minlength=len(data.codes) * width)
    cells = counts.reshape(len(data.codes), width)[:, : len(columns)].tolist()
    return Matrix(
        rows=[code.path for code in data.codes.values()],
        columns=columns,
        cells=cells,
        depths=[code.depth for code in data.codes.values()],
    )
