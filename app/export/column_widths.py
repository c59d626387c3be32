"""Column widths of a Word table from its content: every column at least as wide as its longest word (so no word
is broken inside a narrow column, as "Arbeitgeberengageme/nt" was), the room left given to the columns whose
text would otherwise wrap the most.

Text is measured with Calibri's advance widths in classes of characters (an estimate within a few per cent for
German and English text; Carlito, which LibreOffice uses in Calibri's place, has the same metrics).
"""

from __future__ import annotations

from collections.abc import Sequence

CM_PER_PT = 2.54 / 72
CELL_MARGINS_CM = 2 * 85 / 567  # the table's left and right cell margins (85 twips each)
SLACK = 1.06  # room for what the estimate misses (kerning, bold headings, a rounding of the layout)

# Calibri's advance widths in em, by class of character.
_NARROW = set("iljIft.,:;'!|()[]{}/ \u2009\u00a0‚‘’")
_SMALL = set("rsz\"-–*1Jc°")
_WIDE = set("mwMWÖ%@—ŒÆ")
_CAPITALS = set("ABCDEFGHKLNOPQRSTUVXYZÄÜ")


def text_width_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    """The width of ``text`` on one line at ``size_pt`` points, in centimetres."""
    em = 0.0
    for char in text:
        if char in _NARROW:
            em += 0.26
        elif char in _SMALL:
            em += 0.40
        elif char in _WIDE:
            em += 0.80
        elif char in _CAPITALS:
            em += 0.60
        elif char.isdigit():
            em += 0.507
        elif ord(char) > 0x2E80:  # CJK, emoji: about a full em
            em += 1.0
        else:
            em += 0.50
    return em * size_pt * CM_PER_PT * (1.04 if bold else 1.0) * SLACK


def longest_word_cm(text: str, size_pt: float, *, bold: bool = False) -> float:
    return max((text_width_cm(word, size_pt, bold=bold) for word in text.split()), default=0.0)


def column_widths(
    header: Sequence[str], rows: Sequence[Sequence[str]], available_cm: float, *, text_pt: float,
    header_pt: float, indents_cm: Sequence[float] | None = None, bold_first: Sequence[bool] | None = None,
) -> tuple[list[float], bool]:
    """Widths (cm) summing to ``available_cm``, and whether every column holds its longest word.

    ``rows`` are the cells' texts; ``indents_cm`` per row the first cell's indent (the code tree's depth).
    """
    count = len(header)
    least = [longest_word_cm(title, header_pt, bold=True) for title in header]
    natural = [text_width_cm(title, header_pt, bold=True) / 2 for title in header]  # a header may take two lines
    for i, row in enumerate(rows[:2000]):
        for j, text in enumerate(row[:count]):
            indent = indents_cm[i] if (j == 0 and indents_cm) else 0.0
            bold = bool(bold_first and j == 0 and bold_first[i])
            for line in text.split("\n"):
                least[j] = max(least[j], indent + longest_word_cm(line, text_pt, bold=bold))
                natural[j] = max(natural[j], indent + text_width_cm(line, text_pt, bold=bold))
    least = [w + CELL_MARGINS_CM for w in least]
    natural = [max(n + CELL_MARGINS_CM, low) for n, low in zip(natural, least)]
    fits = sum(least) <= available_cm
    if not fits:  # shrunk in proportion: the caller chooses short headers or smaller type before this happens
        scale = available_cm / sum(least)
        return [w * scale for w in least], False
    if sum(natural) <= available_cm:  # everything on one line: the room left shared in proportion
        spare = available_cm - sum(natural)
        return [n + spare * n / sum(natural) for n in natural], True
    # Columns start at their longest word. A column that wants less than an equal share of the room left gets
    # all it wants (a code's name on one line); the others share the rest in proportion to what their text wants
    # (the long texts of a category system).
    widths = list(least)
    spare = available_cm - sum(widths)
    wanting = {j: natural[j] - least[j] for j in range(count) if natural[j] - least[j] > 1e-6}
    while wanting:
        fair = spare / len(wanting)
        modest = [j for j, want in wanting.items() if want <= fair]
        if not modest:
            total = sum(wanting.values())
            for j, want in wanting.items():
                widths[j] += spare * want / total
            break
        for j in modest:
            widths[j] += wanting.pop(j)
            spare -= natural[j] - least[j]
    return widths, True
