"""The report's charts as PNG images: codings per code (bars in the codes' colours) and the code × speaker heat
map. Matplotlib draws off screen (Agg), so this runs without a display.
"""

from __future__ import annotations

import io

import matplotlib

matplotlib.use("Agg")  # before pyplot: no display, no Qt

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from app.analysis.matrices import Matrix  # noqa: E402

MOST_BARS = 25  # a page holds about this many bars legibly
MOST_ROWS, MOST_COLUMNS = 30, 14
FONT = {"font.family": "DejaVu Sans", "font.size": 8.5}  # ships with matplotlib: the same on every machine
INK, GRID = "#333333", "#DDDDDD"


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=200, bbox_inches="tight", facecolor="white")
    plt.close(figure)
    return buffer.getvalue()


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def frequency_bars(codes: list[tuple[str, int, str]], language: dict[str, str]) -> tuple[bytes, int]:
    """A horizontal bar per code (path, codings, colour), the most frequent ``MOST_BARS``; the PNG and how many
    bars it shows."""
    shown = sorted((c for c in codes if c[1] > 0), key=lambda c: -c[1])[:MOST_BARS]
    shown.reverse()  # barh draws bottom-up: the largest on top
    with plt.rc_context(FONT):
        figure, axes = plt.subplots(figsize=(6.3, 0.8 + 0.27 * max(len(shown), 1)))
        labels = [_short(path.replace("/", " › ")) for path, _, _ in shown]
        values = [count for _, count, _ in shown]
        bars = axes.barh(labels, values, color=[color for _, _, color in shown], edgecolor="#555555", linewidth=0.4)
        axes.bar_label(bars, padding=3, fontsize=7.5, color=INK)
        axes.set_xlabel(language["codings"], color=INK)
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.grid(True, color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.margins(x=0.08)
        axes.xaxis.get_major_locator().set_params(integer=True)
        return _png(figure), len(shown)


def heat_map(matrix: Matrix, language: dict[str, str]) -> bytes:
    """Codes (rows) × speakers (columns), each cell shaded by its count and labelled with it."""
    rows = matrix.rows[:MOST_ROWS]
    columns = [c if c is not None else language["no_speaker"] for c in matrix.columns[:MOST_COLUMNS]]
    cells = [row[:MOST_COLUMNS] for row in matrix.cells[:MOST_ROWS]]
    peak = max((value for row in cells for value in row), default=0) or 1
    with plt.rc_context(FONT):
        figure, axes = plt.subplots(figsize=(min(2.8 + 0.45 * len(columns), 7.0), 1.2 + 0.24 * max(len(rows), 1)))
        image = axes.imshow(cells or [[0]], cmap="Blues", vmin=0, vmax=peak, aspect="auto")
        axes.set_xticks(range(len(columns)), [_short(c, 24) for c in columns], rotation=40, ha="right")
        axes.set_yticks(range(len(rows)), [_short(path.replace("/", " › "), 40) for path in rows])
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                if value:
                    axes.text(j, i, str(value), ha="center", va="center", fontsize=7,
                              color="white" if value > peak * 0.55 else INK)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        figure.colorbar(image, ax=axes, fraction=0.04, pad=0.02).outline.set_visible(False)
        return _png(figure)
