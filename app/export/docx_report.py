"""Writing a report's content as a Word document: a title page, a table of contents, real heading styles (so
Word's navigation pane works), tables with a repeated header row, charts with captions and quotes with their
attribution. Plain content in (``content.Report``), a .docx file out.
"""

from __future__ import annotations

import io
import re
import tempfile
from datetime import datetime, timezone
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor
from docx.text.paragraph import Paragraph as WordParagraph

from app import __version__
from app.export import docx_style as style
from app.export import office
from app.export.column_widths import column_widths
from app.export.content import Chart, Paragraph, QuoteBlock, Report, Section, Table, walk
from app.export.files import atomic_output
from app.export.labels import enclosed

INDENT_CM = 0.35  # per level of the code tree in a table's first column
KEPT_WHOLE_ROWS = 12  # a table of at most this many rows is not broken across pages


_NOT_IN_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _paragraph_properties(style_id: str | None, *, right: bool = False, indent_cm: float = 0.0,
                          right_to_left: bool = False, keep_next: bool = False):
    """A w:pPr in schema order (pStyle, keepNext, bidi, ind, jc), built directly: python-docx's setters search for
    each child's place on every call, which dominates a report of thousands of paragraphs."""
    properties = OxmlElement("w:pPr")
    if style_id:
        properties.append(OxmlElement("w:pStyle", {qn("w:val"): style_id}))
    if keep_next:
        properties.append(OxmlElement("w:keepNext"))
    if right_to_left:
        properties.append(OxmlElement("w:bidi"))
    if indent_cm:
        properties.append(OxmlElement("w:ind", {qn("w:left"): str(int(Cm(indent_cm).twips))}))
    if right:
        properties.append(OxmlElement("w:jc", {qn("w:val"): "right"}))
    return properties


def _paragraph_element(style_id: str | None):
    element = OxmlElement("w:p")
    if style_id:
        element.append(_paragraph_properties(style_id))
    return element


def _run_element(text: str, *, bold: bool = False, right_to_left: bool = False, color: str | None = None):
    """A w:r holding ``text``, line breaks as w:br (python-docx's run.text walks the text character by
    character); run properties in schema order (b, color, rtl)."""
    run = OxmlElement("w:r")
    if bold or right_to_left or color:
        properties = OxmlElement("w:rPr")
        if bold:
            properties.append(OxmlElement("w:b"))
        if color:
            properties.append(OxmlElement("w:color", {qn("w:val"): color}))
        if right_to_left:
            properties.append(OxmlElement("w:rtl"))
        run.append(properties)
    for index, line in enumerate(_NOT_IN_XML.sub("", text).split("\n")):
        if index:
            run.append(OxmlElement("w:br"))
        piece = OxmlElement("w:t", {qn("xml:space"): "preserve"})
        piece.text = line
        run.append(piece)
    return run


def write_docx(report: Report, target: str | Path, *, page_numbers: bool = False) -> Path:
    """Write ``report`` to ``target`` (all or nothing). With ``page_numbers`` and LibreOffice installed, the table
    of contents gets its page numbers from LibreOffice's layout of the report (``office``); without LibreOffice
    it lists the headings and says that the page numbers appear when it is updated."""
    document = docx.Document()
    style.set_up(document, report.language)
    style.hyphenate(document)
    style.toc_tabs(document, style.TEXT_WIDTH_CM)
    writer = _Writer(document, report)
    writer.title_page()
    if report.with_contents:
        writer.contents()
    for section in report.sections:
        writer.section(section)
    _properties(document, report)
    target = Path(target)
    with atomic_output(target) as partial:
        if page_numbers and writer.toc_pages and office.available():
            writer.fill_page_numbers(partial.parent)
        document.save(str(partial))
    return target


def _properties(document: WordDocument, report: Report) -> None:
    """The file's properties: made now (python-docx's template says 2013), by whom only in the internal report."""
    now = datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    properties = document.core_properties
    properties.title = f"{report.title} – {report.subtitle}"
    properties.subject = report.subtitle
    properties.author = ", ".join(report.coders) if report.audience != "partner" else ""
    properties.last_modified_by = "FocusCoder"
    properties.comments = f"FocusCoder {__version__}"
    properties.created = properties.modified = now
    properties.last_printed = now
    properties.revision = 1
    properties.language = "de-DE" if report.language == "de" else "en-GB"


class _Writer:
    def __init__(self, document: WordDocument, report: Report) -> None:
        self.document = document
        self.report = report
        self.labels = report.labels
        self.tables = 0
        self.figures = 0
        styles = document.styles
        # Style ids looked up once and set directly: python-docx searches the whole style list on every
        # assignment (even of a style object), which made a report with thousands of quotes take minutes.
        self.styles = {name: styles[name].style_id for name in (
            "Normal", "Caption", "FC Table Text", "FC Table Small", "FC Note", "FC Quote", "FC Attribution",
            "FC Memo", "FC Title Detail", "Title", "Subtitle", "TOC Heading", "FC Table Heading",
        )}
        self.headings = {level: styles[f"Heading {level}"].style_id for level in (1, 2, 3)}
        self.body_end = document.element.body.get_or_add_sectPr()
        self.landscape = False  # the orientation of the pages being written
        self.toc_entries: list[tuple[int, str, str]] = []  # (level, heading, bookmark), as the TOC lists them
        self.toc_pages: list = []  # the TOC's page numbers (w:t elements), filled by fill_page_numbers
        self.toc_note = None
        self.bookmarks = 0

    def paragraph(self, text: str = "", style_name: str | None = None, *, style_id: str | None = None):
        # python-docx finds the body's closing sectPr by scanning every child for each new paragraph, which
        # grows quadratically with 10,000 quotes; the sectPr stays the same element, so insert before it.
        style_id = style_id or (self.styles[style_name] if style_name else None)
        element = _paragraph_element(None if style_id == self.styles["Normal"] else style_id)
        if text:
            element.append(_run_element(text))
        self.body_end.addprevious(element)
        return WordParagraph(element, self.document._body)

    def number(self, value: object, percent: bool = False) -> str:
        if value is None:
            return "–"
        german = self.report.language == "de"
        if percent:
            text = f"{float(value) * 100:.1f}"
            return (text.replace(".", ",") + " %") if german else text + "%"
        if isinstance(value, float):
            text = f"{value:,.1f}"
        elif isinstance(value, int):
            text = f"{value:,}"
        else:
            return str(value)
        return text.replace(",", "\u2009").replace(".", ",") if german else text

    # --- title page and contents ------------------------------------------------------------------------

    def title_page(self) -> None:
        doc, labels, report = self.document, self.labels, self.report
        spacer = self.paragraph()
        spacer.paragraph_format.space_before = Cm(5)
        self.paragraph(report.title, "Title")
        subtitle = self.paragraph(report.subtitle, "Subtitle")
        style.bottom_rule(subtitle)
        subtitle.paragraph_format.space_after = Pt(24)
        created = report.created.strftime("%d.%m.%Y" if report.language == "de" else "%d %B %Y")
        self._detail(labels["created"], created)
        if report.documents:
            self._detail(labels["documents"], ", ".join(report.documents))
        if report.coders:
            self._detail(labels["coders"], ", ".join(report.coders))
        made = self.paragraph(f"{labels['made_with']} {__version__}", "FC Title Detail")
        made.paragraph_format.space_before = Cm(8)
        style.page_footer(doc, report.project, labels["page"], labels["of"])
        self._page_break()

    def _detail(self, label: str, value: str) -> None:
        paragraph = self.paragraph("", "FC Title Detail")
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)

    def contents(self) -> None:
        self.paragraph(self.labels["contents"], "TOC Heading")
        self.toc_entries = [(level, title, f"_Toc{number:09d}")
                            for number, (level, title) in enumerate(self._headings(self.report.sections), start=1)]
        self.toc_pages = style.table_of_contents(self.document, self.toc_entries, self.labels["toc_pages_missing"])
        self.toc_note = self.paragraph(self.labels["toc_pages_missing"], "FC Note")
        self._page_break()

    def fill_page_numbers(self, folder: Path) -> None:
        """Lay the report out with LibreOffice (in ``folder``, beside the file being written) and write each
        heading's page into the table of contents; the note that the numbers are missing goes."""
        with tempfile.TemporaryDirectory(dir=folder, prefix=".focuscoder-pages-") as scratch:
            draft = Path(scratch) / "report.docx"
            self.document.save(str(draft))
            outline = office.heading_pages(office.convert(draft, "pdf", Path(scratch)))
        position = 0
        for (_, title, _), page in zip(self.toc_entries, self.toc_pages):
            wanted = " ".join(title.split())
            for index in range(position, len(outline)):
                if " ".join(outline[index][0].split()) == wanted:
                    page.text, position = str(outline[index][1]), index + 1
                    break
        if all(page.text for page in self.toc_pages):
            self.toc_note._p.getparent().remove(self.toc_note._p)

    def _headings(self, blocks: list) -> list[tuple[int, str]]:
        return [(b.level, b.title) for b in walk(blocks) if isinstance(b, Section) and b.level <= 2]

    def _page_break(self) -> None:
        self.paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- body -------------------------------------------------------------------------------------------

    def section(self, section: Section) -> None:
        """A section on the pages it needs: landscape for a table of long texts in many columns (a new section of
        the document), and back to portrait only when a chapter that is not follows, so that the last landscape
        page is not followed by an empty one."""
        wanted = any(isinstance(block, Table) and block.landscape for block in section.blocks)
        turned = False
        if wanted != self.landscape and (wanted or section.level == 1):
            self._orient(WD_ORIENT.LANDSCAPE if wanted else WD_ORIENT.PORTRAIT)
            self.landscape, turned = wanted, True
        self._section(section, landscape=self.landscape, on_new_page=turned)

    def _section(self, section: Section, *, landscape: bool, on_new_page: bool = False) -> None:
        heading = self.paragraph(section.title, style_id=self.headings[min(section.level, 3)])
        heading.paragraph_format.keep_with_next = True
        if section.level <= 2 and self.report.with_contents:  # in the TOC: its bookmark, in the TOC's order
            self.bookmarks += 1
            style.bookmark(heading, f"_Toc{self.bookmarks:09d}", self.bookmarks)
        if section.new_page and not on_new_page:
            heading.paragraph_format.page_break_before = True
        for block in section.blocks:
            if isinstance(block, Section):
                self.section(block)
            elif isinstance(block, Table):
                self.table(block, landscape=landscape)
            elif isinstance(block, Chart):
                self.chart(block)
            elif isinstance(block, QuoteBlock):
                self.quote(block)
            elif isinstance(block, Paragraph):
                self.paragraph(block.text, "FC Note" if block.note else "Normal")

    def _orient(self, orientation: WD_ORIENT) -> None:
        section = self.document.add_section(WD_SECTION.NEW_PAGE)
        section.orientation = orientation
        landscape = orientation == WD_ORIENT.LANDSCAPE
        section.page_width = style.PAGE_HEIGHT if landscape else style.PAGE_WIDTH
        section.page_height = style.PAGE_WIDTH if landscape else style.PAGE_HEIGHT
        section.different_first_page_header_footer = False  # the title page's empty footer is the first section's

    def table(self, table: Table, *, landscape: bool = False) -> None:
        self.tables += 1
        caption = self.paragraph(f"{self.labels['table']} {self.tables}: {table.name}", "Caption")
        caption.paragraph_format.keep_with_next = True
        texts = [[self.number(value, j in table.percent) if j in table.numeric else ("" if value is None else str(value))
                  for j, value in enumerate(values)] for values in table.rows]
        header, widths, small = self._layout(table, texts, landscape=landscape)
        word_table = self.document.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
        text_style = self.styles["FC Table Small" if small else "FC Table Text"]
        # The cells' paragraphs straight from the XML: python-docx's row.cells recomputes the grid every time.
        grid = [[tc.p_lst[0] for tc in tr.tc_lst] for tr in word_table._tbl.tr_lst]
        # A short table stays on one page (its rows kept with the next), a long one breaks between rows.
        whole = len(texts) <= KEPT_WHOLE_ROWS
        for j, (element, heading) in enumerate(zip(grid[0], header)):
            paragraph = WordParagraph(element, word_table)
            paragraph._p.style = self.styles["FC Table Heading"]
            paragraph.paragraph_format.keep_with_next = True
            run = paragraph.add_run(heading)
            run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
            if small:
                run.font.size = Pt(style.SMALL_PT)
            if j in table.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for i, texts_of_row in enumerate(texts):
            depth = table.depths[i] if table.depths else None
            for j, (element, text) in enumerate(zip(grid[i + 1], texts_of_row)):
                numeric = j in table.numeric
                indent = INDENT_CM * depth if (j == 0 and depth) else 0.0
                properties = _paragraph_properties(text_style, right=numeric, indent_cm=indent,
                                                   right_to_left=not numeric and style.is_right_to_left(text),
                                                   keep_next=whole and i < len(texts) - 1)
                element.append(properties)
                element.append(_run_element(text, bold=j == 0 and depth == 0 and not numeric,
                                            right_to_left=not numeric and style.is_right_to_left(text)))
        style.table_look(word_table, widths)
        if header != table.columns:  # short headers: what each stands for, under the table
            legend = " · ".join(f"{key} = {full}" for key, full in zip(header, table.columns) if key != full)
            self.paragraph(legend, "FC Note").paragraph_format.keep_with_next = False
        else:
            self.paragraph().paragraph_format.space_after = Pt(2)

    def _layout(self, table: Table, texts: list[list[str]], *, landscape: bool) -> tuple[list[str], list[float], bool]:
        """The headers, column widths (cm) and type size a table is written with: its full headers if every column
        then holds its longest word, else its short headers (``Table.keys``, explained under the table), then the
        smaller type; a wide matrix starts in the smaller type."""
        available = style.LANDSCAPE_TEXT_WIDTH_CM if landscape else style.TEXT_WIDTH_CM
        indents = [INDENT_CM * (d or 0) for d in table.depths] if table.depths else None
        bold = [d == 0 for d in table.depths] if table.depths else None
        tries = [(table.columns, table.small)]
        if table.keys:
            tries.append((table.keys, table.small))
        tries += [(table.columns, True)] + ([(table.keys, True)] if table.keys else [])
        widths: list[float] = []
        for header, small in tries:
            size = style.SMALL_PT if small else style.TABLE_PT
            widths, fits = column_widths(header, texts, available, text_pt=size,
                                         header_pt=style.SMALL_PT if small else style.HEADING_PT,
                                         indents_cm=indents, bold_first=bold)
            if fits:
                return list(header), widths, small
        return list(tries[-1][0]), widths, True

    def chart(self, chart: Chart) -> None:
        self.figures += 1
        picture = self.paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        shape = picture.add_run().add_picture(io.BytesIO(chart.png),
                                              width=Cm(min(chart.width_cm, style.TEXT_WIDTH_CM)))
        # The alt text a screen reader reads (and Word shows under "Alternativtext"): the caption and the figures.
        shape._inline.docPr.set("descr", _NOT_IN_XML.sub("", f"{chart.caption}. {chart.description}".strip()))
        shape._inline.docPr.set("title", _NOT_IN_XML.sub("", chart.caption))
        caption = self.paragraph(f"{self.labels['figure']} {self.figures}: {chart.caption}", "Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def quote(self, quote: QuoteBlock) -> None:
        rtl = style.is_right_to_left(quote.text)
        # Built directly in schema order (pStyle, keepNext, pBdr, bidi): one of these per quote, 10,000 of them.
        properties = OxmlElement("w:pPr")
        properties.append(OxmlElement("w:pStyle", {qn("w:val"): self.styles["FC Quote"]}))
        properties.append(OxmlElement("w:keepNext"))
        borders = OxmlElement("w:pBdr")
        borders.append(OxmlElement("w:left", {qn("w:val"): "single", qn("w:sz"): "18", qn("w:space"): "8",
                                              qn("w:color"): quote.color.lstrip("#")}))
        properties.append(borders)
        if rtl:
            properties.append(OxmlElement("w:bidi"))
        element = OxmlElement("w:p")
        element.append(properties)
        marked = enclosed(quote.text, self.report.language)
        for text, muted in ((f"… {quote.before}" if quote.before else "", True), (marked, False),
                            (f"{quote.after} …" if quote.after else "", True)):
            if text:
                element.append(_run_element(text, right_to_left=rtl, color=str(style.MUTED) if muted else None))
        self.body_end.addprevious(element)
        attribution = self.paragraph(f"— {quote.attribution}", "FC Attribution")
        if quote.memo:
            attribution._p.pPr.append(OxmlElement("w:keepNext"))
            self.paragraph(f"{self.labels['memo']}: {quote.memo}", "FC Memo")
