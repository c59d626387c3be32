"""The report's chart images: valid PNGs at the report's resolution, every label inside the picture."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from app.analysis.matrices import Matrix
from app.export import charts
from app.export.labels import labels_for

LANGUAGE = labels_for("en")
MARGIN_PX = round(charts.MARGIN * charts.DPI)


def decoded(png: bytes) -> np.ndarray:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG" and image.mode == "RGB"
    assert image.info["dpi"] == pytest.approx((charts.DPI, charts.DPI), abs=0.01)
    return np.asarray(image)


def assert_framed(pixels: np.ndarray) -> None:
    """White margins all round, and something drawn just inside each: the picture is cropped to its contents,
    so no label reaches past its edge."""
    ink = (pixels < 250).any(axis=2)
    height, width = ink.shape
    band = MARGIN_PX // 2
    assert not ink[:band].any() and not ink[-band:].any() and not ink[:, :band].any() and not ink[:, -band:].any()
    near = MARGIN_PX + 12  # a rotated label's box has empty corners
    assert ink[:near].any() and ink[-near:].any() and ink[:, :near].any() and ink[:, -near:].any()
    assert width > 2 * near and height > 2 * near


def test_png_bytes_round_trip():
    pixels = np.random.default_rng(7).integers(0, 256, size=(37, 53, 3), dtype=np.uint8)
    assert (decoded(charts.png_bytes(pixels, charts.DPI)) == pixels).all()


def test_frequency_bars_show_the_most_frequent_with_whole_labels():
    long = "Rahmenbedingungen der Ausbildung/Unterstützung durch Ehrenamtliche im Betrieb"
    codes = [(f"Code {n}", n, "#4477AA") for n in range(1, 40)] + [(long, 100, "#CC6677"), ("Leer", 0, "#000000")]
    png, shown = charts.frequency_bars(codes, LANGUAGE)
    assert shown == charts.MOST_BARS
    pixels = decoded(png)
    assert_framed(pixels)
    assert pixels.shape[1] >= 6.3 * charts.DPI  # the figure's width, widened for the long label, never squeezed


@pytest.mark.parametrize("speakers", [1, 3, charts.MOST_COLUMNS + 2])
def test_heat_map_keeps_its_labels_inside(speakers):
    rows = [f"Oberkategorie mit langem Namen/Aspekt {n}" for n in range(charts.MOST_ROWS + 5)]
    columns = [f"Frau Beispiel-Sprecherin Nummer {n} (Institution)" for n in range(speakers - 1)] + [None]
    cells = [[(r * 7 + c * 3) % 12 for c in range(len(columns))] for r in range(len(rows))]
    pixels = decoded(charts.heat_map(Matrix(rows=rows, columns=columns, cells=cells, depths=[1] * len(rows)), LANGUAGE))
    assert_framed(pixels)
    shown_columns = min(speakers, charts.MOST_COLUMNS)
    cells_height = 0.24 * charts.MOST_ROWS * charts.DPI * 0.7  # the cells take most of the figure's height
    assert pixels.shape[0] > cells_height and pixels.shape[1] > (0.45 * shown_columns + 1) * charts.DPI


def test_heat_map_scale_counts_in_whole_numbers(monkeypatch):
    """Few codings: the colour scale's ticks are counts (0, 1, 2), not 0.5 steps."""
    figures = []
    original = charts._png
    monkeypatch.setattr(charts, "_png", lambda figure: figures.append(figure) or original(figure))
    charts.heat_map(Matrix(rows=["A", "B"], columns=["Anna", None], cells=[[1, 2], [0, 1]], depths=[1, 1]), LANGUAGE)
    scale = figures[0].axes[-1]
    ticks = [tick for tick in scale.get_yticks() if 0 <= tick <= 2]
    assert len(ticks) >= 2 and all(float(tick).is_integer() for tick in ticks)


@pytest.mark.parametrize(("path", "label"), [
    ("Sprache/Sprachkurs", "Sprache › Sprachkurs"),
    ("Aufenthaltsstatus und Perspektive/Duldung und Bleiberecht", "Aufenthaltsstat… › Duldung und Bleiberecht"),
    ("Rahmen/Unterstützung durch Ehrenamtliche im Betrieb vor Ort", "Unterstützung durch Ehrenamtliche im Betr…"),
    ("Ein sehr langer Code ohne Oberkategorie, der nicht passt", "Ein sehr langer Code ohne Oberkategorie, …"),
])
def test_a_long_code_path_keeps_the_codes_own_name(path, label):
    assert charts._short_path(path, 42) == label
    assert len(charts._short_path(path, 42)) <= 42


def test_ties_are_kept_together():
    # 20 codes above, then 10 tied at 3 across the 25th place: all ten are shown, not five picked among equals.
    counts = [50 - n for n in range(20)] + [3] * 10 + [1] * 5
    assert charts.bars_shown(counts) == 30
    # A tie too long for a page is cut before it, not inside it.
    assert charts.bars_shown([9] * 20 + [2] * 40) == 20
    assert charts.bars_shown([2] * 60) == 60  # all equal: all of them
    codes = [(f"Code {n}", count, "#4477AA") for n, count in enumerate(counts)]
    _, shown = charts.frequency_bars(codes, LANGUAGE)
    assert shown == 30
    assert "Code 29 3" in charts.bars_description(codes, shown, LANGUAGE)


def test_a_long_heat_map_is_split_into_parts_holding_every_row_and_column():
    rows = [f"Kategorie/Code {n}" for n in range(42)]
    columns = [f"Person {n}" for n in range(charts.MOST_COLUMNS + 3)]
    cells = [[(r + c) % 4 for c in range(len(columns))] for r in range(len(rows))]
    parts = charts.heat_maps(Matrix(rows=rows, columns=columns, cells=cells, depths=[1] * len(rows)), LANGUAGE)
    assert len(parts) == 2 * 2  # 42 rows in two parts of 21, 17 columns in two of 9 and 8
    described = " ".join(description for _, description in parts)
    for n in range(42):
        assert f"Code {n}:" in described
    for png, _ in parts:
        assert_framed(decoded(png))
