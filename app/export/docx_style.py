"""The look of FocusCoder's Word documents: page, fonts, paragraph styles, the table look, fields (table of
contents, page numbers) and right-to-left paragraphs. python-docx has no API for some of these, so they are
written as the WordprocessingML that Word itself writes.
"""

from __future__ import annotations

import unicodedata

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

FONT = "Calibri"
HEADING_FONT = "Calibri Light"
ACCENT = RGBColor(0x1F, 0x3A, 0x5F)  # headings and table header: a dark blue
MUTED = RGBColor(0x5F, 0x63, 0x68)
HEADER_FILL, BAND_FILL, RULE = "1F3A5F", "F1F4F8", "B7C0CC"
PAGE_WIDTH, PAGE_HEIGHT = Cm(21.0), Cm(29.7)  # A4
MARGIN_LEFT, MARGIN_RIGHT = Cm(2.5), Cm(2.0)
TEXT_WIDTH_CM = 16.5
LANDSCAPE_TEXT_WIDTH_CM = 29.7 - 2.5 - 2.0
TABLE_PT, HEADING_PT, SMALL_PT = 9.0, 8.5, 7.5  # table text, table headings, a wide table's smaller type


def set_up(document: WordDocument, language: str) -> None:
    """Page, fonts and the styles the writer uses (created once per document)."""
    section = document.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.top_margin, section.bottom_margin = Cm(2.3), Cm(2.2)
    section.footer_distance = Cm(1.1)
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10.5)
    _fonts(normal.element, FONT, language)
    normal.paragraph_format.space_after = Pt(6)
    normal.paragraph_format.line_spacing = 1.15
    for level, size, before in ((1, 16, 18), (2, 12.5, 12), (3, 11, 10)):
        heading = styles[f"Heading {level}"]
        heading.font.name, heading.font.size, heading.font.color.rgb = HEADING_FONT, Pt(size), ACCENT
        heading.font.bold = level > 1
        _fonts(heading.element, HEADING_FONT, language)
        heading.paragraph_format.space_before, heading.paragraph_format.space_after = Pt(before), Pt(6)
    title = styles["Title"]
    title.font.name, title.font.size, title.font.color.rgb = HEADING_FONT, Pt(28), ACCENT
    _fonts(title.element, HEADING_FONT, language)
    _no_border(title.element)
    subtitle = styles["Subtitle"]
    subtitle.font.name, subtitle.font.size, subtitle.font.color.rgb = HEADING_FONT, Pt(15), MUTED
    subtitle.font.italic = False
    _fonts(subtitle.element, HEADING_FONT, language)
    caption = styles["Caption"]
    caption.font.size, caption.font.color.rgb, caption.font.bold, caption.font.italic = Pt(9), MUTED, False, False
    caption.paragraph_format.space_before, caption.paragraph_format.space_after = Pt(4), Pt(4)

    def paragraph_style(name: str, size: float, **options: object) -> None:
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        fmt = style.paragraph_format
        fmt.space_before, fmt.space_after = Pt(options.get("before", 0)), Pt(options.get("after", 0))
        if "indent" in options:
            fmt.left_indent = Cm(options["indent"])
        if options.get("muted"):
            style.font.color.rgb = MUTED
        style.font.italic = bool(options.get("italic"))
        if "line" in options:
            fmt.line_spacing = options["line"]

    paragraph_style("FC Table Text", TABLE_PT, line=1.0)
    paragraph_style("FC Table Heading", HEADING_PT, line=1.0)
    paragraph_style("FC Table Small", SMALL_PT, line=1.0)
    paragraph_style("FC Note", 8.5, before=2, after=10, muted=True, italic=True)
    paragraph_style("FC Quote", 10.5, before=6, after=1, indent=0.5)
    paragraph_style("FC Attribution", 8.5, after=3, indent=0.5, muted=True)
    paragraph_style("FC Memo", 8.5, after=8, indent=0.5, italic=True)
    paragraph_style("FC Title Detail", 11, after=4, muted=True)
    for level in (1, 2):
        paragraph_style(f"toc {level}", 10.5, after=2, indent=0.6 * (level - 1))
    # Titles, headings and table headings are not hyphenated: "Subco-des" in a header reads as a cut.
    for name in ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "FC Table Heading", "Caption",
                 "toc 1", "toc 2"):
        no_hyphens(styles[name].element)


def no_hyphens(style_element) -> None:
    ppr = style_element.get_or_add_pPr()
    if ppr.find(qn("w:suppressAutoHyphens")) is None:
        ppr.insert_element_before(OxmlElement("w:suppressAutoHyphens"), *_AFTER_SUPPRESS_HYPHENS)


def _fonts(style_element, font: str, language: str) -> None:
    """The font for every script (Arabic and Hebrew use the complex-script slot) and the proofing language."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), font)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), "de-DE" if language == "de" else "en-GB")
    lang.set(qn("w:bidi"), "ar-SA")


def hyphenate(document: WordDocument) -> None:
    """Automatic hyphenation: German compounds in narrow table columns otherwise break mid-word."""
    element = OxmlElement("w:autoHyphenation")
    element.set(qn("w:val"), "true")
    document.settings.element.insert_element_before(element, *_AFTER_AUTOHYPHENATION)


def _no_border(style_element) -> None:
    ppr = style_element.get_or_add_pPr()
    for border in ppr.findall(qn("w:pBdr")):
        ppr.remove(border)


# What may follow an element in its parent, in WordprocessingML's order: new children go before the first of these.
_AFTER_PBDR = (
    "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct", "w:topLinePunct",
    "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
    "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_AFTER_BIDI = _AFTER_PBDR[_AFTER_PBDR.index("w:bidi") + 1 :]
_AFTER_SUPPRESS_HYPHENS = _AFTER_PBDR[_AFTER_PBDR.index("w:suppressAutoHyphens") + 1 :]
_AFTER_TBLBORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription")
_AFTER_TBLCELLMAR = ("w:tblLook", "w:tblCaption", "w:tblDescription", "w:tblPrChange")
_AFTER_AUTOHYPHENATION = (
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
    "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders", "w:bookFoldRevPrinting", "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets", "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery", "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin", "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars", "w:noLineBreaksAfter",
    "w:noLineBreaksBefore", "w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml",
    "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags", "w:alwaysMergeEmptyNamespace", "w:updateFields",
)


def is_right_to_left(text: str) -> bool:
    """Whether the first strongly directed character is right-to-left (Arabic, Hebrew ...)."""
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in ("R", "AL"):
            return True
        if direction == "L":
            return False
    return False


def right_to_left(paragraph: WordParagraph) -> None:
    """Lay the paragraph out right to left, and mark its runs as such, as Word does for Arabic text."""
    paragraph._p.get_or_add_pPr().insert_element_before(OxmlElement("w:bidi"), *_AFTER_BIDI)
    for run in paragraph.runs:
        run._r.get_or_add_rPr().append(OxmlElement("w:rtl"))


def left_bar(paragraph: WordParagraph, color: str) -> None:
    """A coloured bar left of the paragraph (a quote, in its code's colour)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    left = OxmlElement("w:left")
    for key, value in (("w:val", "single"), ("w:sz", "18"), ("w:space", "8"), ("w:color", color.lstrip("#"))):
        left.set(qn(key), value)
    borders.append(left)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def bottom_rule(paragraph: WordParagraph) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("w:val", "single"), ("w:sz", "8"), ("w:space", "4"), ("w:color", HEADER_FILL)):
        bottom.set(qn(key), value)
    borders.append(bottom)
    ppr.insert_element_before(borders, *_AFTER_PBDR)


def add_field(paragraph: WordParagraph, instruction: str, shown: str = "") -> None:
    """A Word field (PAGE, NUMPAGES ...) with ``shown`` as its last computed result."""
    _field_char(paragraph, "begin")
    run = paragraph.add_run()
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    run._r.append(text)
    _field_char(paragraph, "separate")
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def _field_char(paragraph: WordParagraph, kind: str) -> None:
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(char)


def table_of_contents(document: WordDocument, entries: list[tuple[int, str, str]], empty_text: str) -> list:
    """A real TOC field over headings 1–2, written as Word writes its result: per entry a link to the heading's
    bookmark, a dotted tab and a PAGEREF field whose result is the page. ``entries``: (level, text, bookmark).
    Returns the runs holding the page numbers (their ``w:t``), empty until ``set_pages`` fills them; the field is
    not marked for updating, so Word opens the report without asking."""
    if not entries:
        paragraph = document.add_paragraph()
        add_field(paragraph, 'TOC \\o "1-2" \\h \\z \\u', empty_text)
        return []
    pages = []
    for index, (level, text, bookmark) in enumerate(entries):
        paragraph = document.add_paragraph(style=document.styles[f"toc {min(level, 2)}"])
        if index == 0:
            _field_char(paragraph, "begin")
            run = paragraph.add_run()
            instruction = OxmlElement("w:instrText")
            instruction.set(qn("xml:space"), "preserve")
            instruction.text = ' TOC \\o "1-2" \\h \\z \\u '
            run._r.append(instruction)
            _field_char(paragraph, "separate")
        link = OxmlElement("w:hyperlink", {qn("w:anchor"): bookmark, qn("w:history"): "1"})
        link.append(_text_run(text))
        link.append(_tab_run())
        for kind, content in (("begin", None), ("instr", f" PAGEREF {bookmark} \\h "), ("separate", None),
                              ("page", ""), ("end", None)):
            if kind == "instr":
                run = OxmlElement("w:r")
                instruction = OxmlElement("w:instrText", {qn("xml:space"): "preserve"})
                instruction.text = content
                run.append(instruction)
            elif kind == "page":
                run = _text_run(content)
                pages.append(run.find(qn("w:t")))
            else:
                run = OxmlElement("w:r")
                run.append(OxmlElement("w:fldChar", {qn("w:fldCharType"): kind}))
            link.append(run)
        paragraph._p.append(link)
        if index == len(entries) - 1:
            _field_char(paragraph, "end")
    return pages


def _text_run(text: str):
    run = OxmlElement("w:r")
    piece = OxmlElement("w:t", {qn("xml:space"): "preserve"})
    piece.text = text
    run.append(piece)
    return run


def _tab_run():
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:tab"))
    return run


def toc_tabs(document: WordDocument, width_cm: float) -> None:
    """The TOC styles' right tab with a dotted leader at the text's right edge, where the page numbers stand."""
    for level in (1, 2):
        tab_stops = document.styles[f"toc {level}"].paragraph_format.tab_stops
        tab_stops.add_tab_stop(Cm(width_cm), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)


def bookmark(paragraph: WordParagraph, name: str, number: int) -> None:
    """A bookmark around the paragraph's text (what the TOC's PAGEREF fields and links point to)."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(number), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(number)})
    ppr = paragraph._p.pPr
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph._p.insert(0, start)
    paragraph._p.append(end)


def page_footer(document: WordDocument, text: str, page: str, of: str) -> None:
    """"<text> · Page N of M" centred in the footer of every page but the title page."""
    section = document.sections[0]
    section.different_first_page_header_footer = True
    paragraph = section.footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.style = document.styles["Footer"]
    paragraph.add_run(f"{text}  ·  {page} ")
    add_field(paragraph, "PAGE", "1")
    paragraph.add_run(f" {of} ")
    add_field(paragraph, "NUMPAGES", "1")
    for run in paragraph.runs:
        run.font.size, run.font.color.rgb = Pt(8.5), MUTED


def table_look(table: WordTable, widths_cm: list[float]) -> None:
    """Thin horizontal rules, no vertical lines, fixed column widths (Word reads the cells', LibreOffice the
    grid's), the header row repeated on every page, and every row kept whole on one page (``cantSplit``: a
    category system's row split over two pages is hard to read). Headings lie flat and wrap: turned upright they
    were cut off when they did not fit the row's height."""
    tbl = table._tbl
    tblpr = tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge, size in (("top", "8"), ("bottom", "8"), ("insideH", "4")):
        element = OxmlElement(f"w:{edge}")
        for key, value in (("w:val", "single"), ("w:sz", size), ("w:space", "0"), ("w:color", RULE)):
            element.set(qn(key), value)
        borders.append(element)
    for edge in ("left", "right", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    tblpr.insert_element_before(borders, *_AFTER_TBLBORDERS)
    margins = OxmlElement("w:tblCellMar")
    for edge, width in (("top", 40), ("bottom", 40), ("left", 85), ("right", 85)):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    tblpr.insert_element_before(margins, *_AFTER_TBLCELLMAR)
    table.autofit = False  # a fixed layout: the widths below, not Word's guess from the content
    for column, width in zip(tbl.tblGrid.gridCol_lst, widths_cm):
        column.w = Cm(width)
    for index, row in enumerate(tbl.tr_lst):
        trpr = row.get_or_add_trPr()
        trpr.append(OxmlElement("w:cantSplit"))
        if index == 0:
            trpr.append(OxmlElement("w:tblHeader"))
        for cell, width in zip(row.tc_lst, widths_cm):
            cell.width = Cm(width)
            if index == 0 or index % 2 == 0:
                _shade(cell, HEADER_FILL if index == 0 else BAND_FILL)
            if index == 0:
                align = OxmlElement("w:vAlign")
                align.set(qn("w:val"), "bottom")
                cell.get_or_add_tcPr().append(align)


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell.get_or_add_tcPr().append(shading)
