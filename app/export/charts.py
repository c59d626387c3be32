"""The report's charts as PNG images: segments per code (bars in the codes' colours) and the code × speaker heat
map, each with its alt text. Matplotlib draws off screen (Agg), so this runs without a display.
"""

from __future__ import annotations

import struct
import zlib

import matplotlib as mpl
import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import TransformedPatchPath

from app.analysis.matrices import Matrix

MOST_BARS = 25  # a page holds about this many bars legibly
MOST_TIED_EXTRA = 10  # bars more than MOST_BARS, to keep a tie whole
MOST_ROWS, MOST_COLUMNS = 30, 14  # a heat map's part: more rows or columns are split into parts
# DejaVu Sans ships with matplotlib: the same on every machine. Unhinted: at 200 dpi the glyphs are as crisp without
# hinting, which cost a tenth of the drawing time.
FONT = {"font.family": "DejaVu Sans", "font.size": 8.5, "text.hinting": "no_hinting"}
INK, GRID = "#333333", "#DDDDDD"
DPI = 200  # the Word report places a chart 16 cm wide: about 200 pixels an inch on the page
MARGIN = 0.1  # inches of white around a chart's contents


def _figure(width: float, height: float) -> Figure:
    """A figure of ``width`` × ``height`` inches on its own Agg canvas (not pyplot's: no global list of figures,
    nothing to close)."""
    figure = Figure(figsize=(width, height), dpi=DPI, facecolor="white")
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    """The figure cropped to what it shows plus a margin, as Matplotlib's ``bbox_inches="tight"`` does, but drawn
    once: that draws the whole figure to measure it, then again to save it; here the one measuring pass lays the
    text out without rasterising it, and the figure is resized around its contents before the one draw."""
    box = figure.get_tightbbox(figure.canvas.get_renderer()).padded(MARGIN)  # inches
    width, height = figure.get_size_inches()
    for axes in figure.axes:
        x, y, w, h = axes.get_position().bounds
        axes.set_position(((x * width - box.x0) / box.width, (y * height - box.y0) / box.height,
                           w * width / box.width, h * height / box.height))
    figure.set_size_inches(box.width, box.height)
    figure.canvas.draw()
    return png_bytes(np.asarray(figure.canvas.buffer_rgba())[..., :3], DPI)


def png_bytes(pixels: np.ndarray, dpi: int) -> bytes:
    """An RGB image (height × width × 3 bytes) as a PNG file that says its resolution. Rows unfiltered and zlib
    at level 3: a chart is mostly flat colour, which this packs as small as Pillow's adaptive filters at level 6
    (Matplotlib's way) in a third of the time."""
    height, width, _ = pixels.shape
    rows = np.empty((height, 1 + 3 * width), np.uint8)
    rows[:, 0] = 0  # filter type None
    rows[:, 1:] = pixels.reshape(height, -1)
    per_metre = round(dpi / 0.0254)

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return b"".join((
        b"\x89PNG\r\n\x1a\n",
        chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)),  # 8-bit RGB, not interlaced
        chunk(b"pHYs", struct.pack(">IIB", per_metre, per_metre, 1)),
        chunk(b"IDAT", zlib.compress(rows.tobytes(), 3)),
        chunk(b"IEND", b""),
    ))


def _short(label: str, limit: int = 42) -> str:
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _short_path(path: str, limit: int = 42) -> str:
    """A code's path as "Parent › Code" within ``limit`` characters: the parents are shortened first, as the
    code's own name is what tells the rows apart ("Aufenthalt… › Duldung und Bleiberecht")."""
    *parents, name = path.split("/")
    whole = " › ".join([*parents, name])
    if len(whole) <= limit or not parents:
        return _short(whole, limit)
    room = limit - len(name) - len(" › ")
    if room < 4:  # the name alone fills the room
        return _short(name, limit)
    return f"{_short(' › '.join(parents), room)} › {name}"


def bars_shown(counts: list[int], most: int = MOST_BARS) -> int:
    """How many of ``counts`` (sorted, largest first) a chart shows: ``most``, or more or fewer so that codes
    with the same count are all shown or none of them (a cut within a tie would pick among equals at random).
    Ties that would make the chart longer than a page are cut before; if all are tied, all are shown."""
    if len(counts) <= most:
        return len(counts)
    cut = counts[most - 1]
    with_tie = sum(1 for count in counts if count >= cut)
    if with_tie <= most + MOST_TIED_EXTRA:
        return with_tie
    above = sum(1 for count in counts if count > cut)
    return above or with_tie


def frequency_bars(codes: list[tuple[str, int, str]], language: dict[str, str]) -> tuple[bytes, int]:
    """A horizontal bar per code (label, segments, colour), the most frequent (``bars_shown``; equal counts in
    the given order); the PNG and how many bars it shows. Codes without segments are left out."""
    ranked = sorted((c for c in codes if c[1] > 0), key=lambda c: -c[1])
    shown = ranked[: bars_shown([c[1] for c in ranked])]
    shown.reverse()  # barh draws bottom-up: the largest on top
    with mpl.rc_context(FONT):
        figure = _figure(6.3, 0.8 + 0.27 * max(len(shown), 1))
        axes = figure.subplots()
        labels = [_short_path(path, 58) for path, _, _ in shown]
        values = [count for _, count, _ in shown]
        bars = axes.barh(range(len(shown)), values, color=[color for _, _, color in shown], edgecolor="#555555",
                         linewidth=0.4)
        axes.set_yticks(range(len(shown)), labels)
        axes.bar_label(bars, padding=3, fontsize=7.5, color=INK, annotation_clip=False)  # at the bars' ends: no test
        axes.set_xlabel(language.get("segments_col", language["codings"]), color=INK)
        axes.spines[["top", "right"]].set_visible(False)
        axes.xaxis.grid(True, color=GRID, linewidth=0.6)
        axes.set_axisbelow(True)
        axes.margins(x=0.08)
        axes.xaxis.get_major_locator().set_params(integer=True)
        return _png(figure), len(shown)


def bars_description(codes: list[tuple[str, int, str]], shown: int, language: dict[str, str]) -> str:
    """The alt text of ``frequency_bars``: every bar shown, with its figure."""
    ranked = sorted((c for c in codes if c[1] > 0), key=lambda c: -c[1])[:shown]
    return language["chart_bars_text"].format(count=shown, bars="; ".join(f"{name} {count}" for name, count, _ in
                                                                           ranked))


def heat_maps(matrix: Matrix, language: dict[str, str], keys: list[str] | None = None) -> list[tuple[bytes, str]]:
    """The heat map of ``matrix`` in parts of at most ``MOST_ROWS`` rows and ``MOST_COLUMNS`` columns (nothing
    left out: a long matrix becomes several pictures, its rows split evenly), each with its alt text. ``keys``:
    short column labels (one per column) in place of the names."""
    row_parts = max(1, -(-len(matrix.rows) // MOST_ROWS))
    column_parts = max(1, -(-len(matrix.columns) // MOST_COLUMNS))
    row_size = -(-len(matrix.rows) // row_parts) if matrix.rows else 0
    column_size = -(-len(matrix.columns) // column_parts) if matrix.columns else 0
    peak = max((value for row in matrix.cells for value in row), default=0) or 1
    found = []
    for r in range(row_parts):
        for c in range(column_parts):
            rows = slice(r * row_size, (r + 1) * row_size)
            columns = slice(c * column_size, (c + 1) * column_size)
            part = Matrix(matrix.rows[rows], matrix.columns[columns], [row[columns] for row in matrix.cells[rows]],
                          matrix.depths[rows])
            part_keys = keys[columns] if keys else None
            found.append((heat_map(part, language, peak=peak, keys=part_keys), _heat_description(part, language)))
    return found


def _heat_description(matrix: Matrix, language: dict[str, str]) -> str:
    names = [c if c is not None else language["no_speaker"] for c in matrix.columns]
    cells = "; ".join(
        f"{path.rsplit('/', 1)[-1]}: " + ", ".join(f"{name} {value}" for name, value in zip(names, row) if value)
        for path, row in zip(matrix.rows, matrix.cells) if any(row)
    )
    return language["chart_heat_text"].format(rows=len(matrix.rows), columns=len(names), names=", ".join(names),
                                              cells=cells or "0")


def heat_map(matrix: Matrix, language: dict[str, str], *, peak: int | None = None,
             keys: list[str] | None = None) -> bytes:
    """Codes (rows) × speakers (columns), each cell shaded by its count and labelled with it; all of ``matrix``
    (``heat_maps`` splits a large one). ``peak``: the count of the darkest shade (the same in every part)."""
    rows = matrix.rows
    columns = [c if c is not None else language["no_speaker"] for c in matrix.columns]
    cells = matrix.cells
    peak = peak or max((value for row in cells for value in row), default=0) or 1
    with mpl.rc_context(FONT):
        figure = _figure(min(2.8 + 0.45 * len(columns), 7.0), 1.2 + 0.24 * max(len(rows), 1))
        axes = figure.subplots()
        shades = np.array(cells or [[0]])
        image = axes.pcolormesh(shades, cmap="Blues", vmin=0, vmax=peak)
        axes.set_xlim(0, shades.shape[1])
        axes.set_ylim(shades.shape[0], 0)
        if keys:  # short column keys, explained beside the table the map shows: upright, nothing shortened
            axes.set_xticks(np.arange(len(columns)) + 0.5, keys)
        else:
            axes.set_xticks(np.arange(len(columns)) + 0.5, [_short(c, 24) for c in columns], rotation=40,
                            ha="right")
        axes.set_yticks(np.arange(len(rows)) + 0.5, [_short_path(path, 52) for path in rows])
        inside = TransformedPatchPath(axes.patch)  # one for all the numbers: Axes.text would make one for each
        for i, row in enumerate(cells):
            for j, value in enumerate(row):
                if value:
                    axes.text(j + 0.5, i + 0.5, str(value), ha="center", va="center", fontsize=7,
                              color="white" if value > peak * 0.55 else INK, clip_path=inside, in_layout=False)
        axes.tick_params(length=0)
        for spine in axes.spines.values():
            spine.set_visible(False)
        scale = figure.colorbar(image, ax=axes, fraction=0.04, pad=0.02)
        scale.outline.set_visible(False)
        scale.locator = MaxNLocator(integer=True)  # counts: no "0.5" between 0 and 1 when few are coded
        scale.update_ticks()
        return _png(figure)
