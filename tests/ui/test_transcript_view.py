"""The transcript view: labels, highlights (overlaps blended), stripes, time stamps, tooltips, emoji positions."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont

from app import services
from app.ui.highlights import blend
from app.ui.transcript_view import CodeLook


class Look:
    def __init__(self, char_format):
        self.bold = char_format.fontWeight() == QFont.Weight.Bold
        self.background = char_format.background().color() if char_format.hasProperty(char_format.Property.BackgroundBrush) else None


def format_at(view, offset: int) -> Look | None:
    """How the highlighter formatted UTF-16 ``offset`` (None where it set nothing)."""
    block = view.document().findBlock(offset)
    inside = offset - block.position()
    for found in block.layout().formats():
        if found.start <= inside < found.start + found.length:
            return Look(found.format)
    return None


def utf16(view, text: str) -> int:
    """Where ``text`` first occurs in the view, in UTF-16 units (what Qt counts)."""
    return view.positions.to_utf16(view.toPlainText().index(text))


def test_speaker_labels_are_bold_and_the_words_are_not(window):
    view = window.transcript
    label = format_at(view, utf16(view, "Moderatorin:"))
    assert label is not None and label.bold
    words = format_at(view, utf16(view, "Was hilft"))
    assert words is None or not words.bold


def test_a_coding_is_highlighted_in_its_codes_colour(window):
    view = window.transcript
    coded = format_at(view, utf16(view, "Sprachkurs ist"))
    assert coded.background == blend(["#46F0F0"])
    assert format_at(view, utf16(view, "Wirklich")) is None


def test_a_document_shown_again_in_other_colours_takes_them(window):
    """The view keeps the formats it made while the colours stay; new colours make new ones."""
    view = window.transcript
    look = view.look
    code_id = view.layer.live()[0].code_id
    recoloured = CodeLook({**look.colors, code_id: "#112233"}, look.paths, look.order)
    view.show_document(view.content, recoloured)
    assert format_at(view, utf16(view, "Sprachkurs ist")).background == blend(["#112233"])
    view.show_document(view.content, look)
    assert format_at(view, utf16(view, "Sprachkurs ist")).background == blend(["#46F0F0"])


def test_overlapping_codings_show_a_blend_and_stripes_per_code(qtbot, window, context):
    view = window.transcript
    changes = services.apply_code_to_quote(
        context.project, document="Workshop 1", code="Arbeitgeber", quote="das A und O. 😀 Wirklich"
    )
    context.notify(changes)  # as a command does
    both = format_at(view, utf16(view, "A und O"))
    assert both.background == blend(["#46F0F0", "#3CB44B"])
    assert format_at(view, utf16(view, "Wirklich")).background == blend(["#3CB44B"])
    view.margin.repaint()
    stripe_colours = {view.layer.codings[i].code_id for _, i in view.margin._bars}
    assert len(stripe_colours) == 2


def test_time_stamps_are_shown_in_the_margin(window):
    view = window.transcript
    assert view.time_column_width() > 0
    offsets = [offset for offset, _ in view.times_between(0, view.document().characterCount())]
    assert [view.times_between(0, 10_000)[i][1] for i in range(2)] == [0, 15_000]
    assert len(offsets) == 5


def test_labels_and_time_stamps_after_an_emoji_sit_on_their_lines(window):
    """Qt counts the emoji in Anna's turn twice: the next speaker's label and time stamp are placed after it."""
    view = window.transcript
    words = utf16(view, "Ohne Anerkennung")
    assert format_at(view, words - 1).bold  # the label's last character, the space before the words
    assert format_at(view, utf16(view, "Herr Yilmaz")).bold
    assert format_at(view, words) is None or not format_at(view, words).bold
    times = dict((ms, offset) for offset, ms in view.times_between(0, view.document().characterCount()))
    assert times[42_000] == utf16(view, "Herr Yilmaz") and times[0] == utf16(view, "Moderatorin")


def test_the_tooltip_names_code_and_coder(window):
    view = window.transcript
    runs = view.layer.runs_between(utf16(view, "Sprachkurs"), utf16(view, "Sprachkurs") + 1)
    text = view.describe_codings(list(runs[0].codings))
    assert "Sprache/Sprachkurs" in text and "default" in text


def test_selection_after_an_emoji_is_converted_to_code_points(window):
    view = window.transcript
    plain = view.content.text
    start = plain.index("Wirklich")
    assert view.positions.to_utf16(start) == start + 1  # the emoji before it counts twice in Qt
    view.select_span(start, start + len("Wirklich"))
    assert view.textCursor().selectedText() == "Wirklich"
    assert view.selected_span() == (start, start + len("Wirklich"))


def test_blend_lightens_and_mixes():
    single = blend(["#FF0000"])
    assert single.red() == 255 and single.green() > 100
    mixed = blend(["#FF0000", "#0000FF"])
    assert mixed.red() == mixed.blue()
    assert QColor(mixed).lightness() < QColor(blend(["#FF00FF"])).lightness() + 40


@pytest.mark.parametrize("as_columns", [False, True])  # rows (a refresh) or columns (a document opened)
@pytest.mark.parametrize(("characters", "longest"), [(2000, 50), (12_000, 5_000)])  # within and across stretches
def test_adding_and_removing_codings_piecemeal_equals_building_anew(characters, longest, as_columns):
    """The layer's local re-sweep gives the same runs as a sweep over everything."""
    import random

    from app.services.queries import CodingRow, DocumentCodings
    from app.ui.highlights import CodingLayer
    from app.ui.positions import TextPositions

    rng = random.Random(7)
    text = "".join(rng.choice("ab 😀\n") for _ in range(characters))
    positions = TextPositions(text)

    def coding(number):
        start = rng.randrange(len(text) - longest)
        return CodingRow(number, rng.randrange(5), start, start + rng.randint(1, longest), "x", 0)

    def runs(layer):
        return [(r.start, r.end, sorted(layer.codings[i].id for i in r.codings)) for r in layer.runs]

    shown = [coding(n) for n in range(200)]
    layer = CodingLayer(DocumentCodings.of_rows(shown) if as_columns else shown, positions)
    assert list(layer.codings) == shown and layer.count == 200
    for step in range(60):
        added = [coding(1000 + step * 3 + k) for k in range(rng.randint(0, 2))]
        removed = {c.id for c in rng.sample(shown, rng.randint(0, 2))}
        layer.update(added, removed)
        shown = [c for c in shown if c.id not in removed] + added
        fresh = CodingLayer(sorted(shown, key=lambda c: (c.start, c.end, c.id)), positions)
        merged = _merge_equal_neighbours(runs(layer))
        assert merged == _merge_equal_neighbours(runs(fresh))
        assert layer.live() == fresh.live()
        assert layer.count == len(shown)
        assert [c for c in layer.codings if c is not None] == [layer.codings[i] for i in range(len(layer.codings))
                                                               if layer.codings[i] is not None]


def _merge_equal_neighbours(runs):
    """Runs that touch and carry the same codings are one stretch (local sweeps may cut them apart)."""
    merged = []
    for start, end, ids in runs:
        if merged and merged[-1][1] == start and merged[-1][2] == ids:
            merged[-1] = (merged[-1][0], end, ids)
        else:
            merged.append((start, end, ids))
    return merged


def _long_workshop(context, turns: int = 600) -> int:
    """A long transcript (every turn a paragraph), imported and coded at its start, middle and end."""
    from tests.ui.conftest import transcript

    rows = [(f"Person {n % 7}", f"Beitrag {n}: Der Sprachkurs hilft beim Einstieg in die Ausbildung.", n * 1000)
            for n in range(turns)]
    services.import_documents(context.project, [transcript("Lang", rows)])
    for number in (3, turns // 2, turns - 2):
        services.apply_code_to_quote(context.project, document="Lang", code="Arbeitgeber",
                                     quote=f"Beitrag {number}: Der Sprachkurs")
    from app.services import queries

    return next(row.id for row in queries.list_documents(context.project) if row.name == "Lang")


def test_a_long_transcript_is_formatted_as_it_comes_into_view(qtbot, window, context):
    document_id = _long_workshop(context)
    window.open_document(document_id)
    view = window.transcript
    middle, end = utf16(view, "Beitrag 300: Der"), utf16(view, "Beitrag 598: Der")
    assert format_at(view, utf16(view, "Beitrag 3: Der")).background == blend(["#3CB44B"])  # on screen
    assert format_at(view, middle) is None and format_at(view, end) is None  # not yet: far below
    # A coding added far below, before that text was ever shown, shows with the rest once it is.
    changes = services.apply_code_to_quote(context.project, document="Lang", code="Anerkennung",
                                           quote="Beitrag 598: Der")
    context.notify(changes)  # as a command does
    assert format_at(view, end) is None
    view.select_span(view.content.text.index("Beitrag 300:"), view.content.text.index("Beitrag 300:") + 5)
    assert format_at(view, middle).background == blend(["#3CB44B"])
    label = utf16(view, "Person 6: Beitrag 300")
    assert format_at(view, label).bold  # labels come with the codings
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    assert format_at(view, end).background == blend(["#3CB44B", "#F58231"])  # "Beitrag 598: Der": both codes


def test_overlapping_formats_are_merged_by_qt(qtbot):
    """A coded speaker label gets a run format (colour) and a label format (bold) over the same text; the view
    relies on Qt drawing them merged, as one format with both."""
    from PySide6.QtGui import QTextCharFormat, QTextLayout
    from PySide6.QtWidgets import QPlainTextEdit

    def drawn(formats):
        editor = QPlainTextEdit()
        qtbot.addWidget(editor)
        editor.resize(400, 80)
        editor.setPlainText("Dr. Anna Weber: Der Sprachkurs ist gut.")
        editor.show()
        block = editor.document().firstBlock()
        ranges = []
        for start, length, colour, bold in formats:
            char_format = QTextCharFormat()
            if colour:
                char_format.setBackground(QColor(colour))
            if bold:
                char_format.setFontWeight(QFont.Weight.Bold)
            found = QTextLayout.FormatRange()
            found.start, found.length, found.format = start, length, char_format
            ranges.append(found)
        block.layout().setFormats(ranges)
        editor.document().markContentsDirty(0, block.length())
        return editor.viewport().grab().toImage()

    overlapping = drawn([(0, 25, "#ff8080", False), (0, 15, None, True)])
    assert overlapping == drawn([(0, 15, "#ff8080", True), (15, 10, "#ff8080", False)])
    assert overlapping != drawn([(0, 25, "#ff8080", False)])
