"""Writing a report's content as a Word document: a title page, a table of contents, real heading styles (so
Word's navigation pane works), tables with a repeated header row, charts with captions and quotes with their
attribution. Plain content in (``content.Report``), a .docx file out.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Cm, Pt, RGBColor

from app import __version__
from app.export import docx_style as style
from app.export.content import Chart, Paragraph, QuoteBlock, Report, Section, Table, walk
from app.export.files import atomic_output

INDENT_CM = 0.35  # per level of the code tree in a table's first column


def write_docx(report: Report, target: str | Path) -> Path:
    """Write ``report`` to ``target`` (all or nothing)."""
    document = docx.Document()
    style.set_up(document, report.language)
    style.hyphenate(document)
    writer = _Writer(document, report)
    writer.title_page()
    if report.with_contents:
        writer.contents()
    for section in report.sections:
        writer.section(section)
    document.core_properties.title = f"{report.title} – {report.subtitle}"
    document.core_properties.author = ", ".join(report.coders)
    document.core_properties.comments = f"FocusCoder {__version__}"
    target = Path(target)
    with atomic_output(target) as partial:
        document.save(str(partial))
    return target


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

    def paragraph(self, text: str = "", style_name: str | None = None, *, style_id: str | None = None):
        paragraph = self.document.add_paragraph(text)
        style_id = style_id or (self.styles[style_name] if style_name else None)
        if style_id and style_id != self.styles["Normal"]:
            paragraph._p.style = style_id
        return paragraph

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
        spacer = doc.add_paragraph()
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
        entries = [(self_level, title) for self_level, title in self._headings(self.report.sections)]
        style.table_of_contents(self.document, entries, self.labels["toc_hint"])
        self.paragraph(self.labels["toc_hint"], "FC Note")
        self._page_break()

    def _headings(self, blocks: list) -> list[tuple[int, str]]:
        return [(b.level, b.title) for b in walk(blocks) if isinstance(b, Section) and b.level <= 2]

    def _page_break(self) -> None:
        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    # --- body -------------------------------------------------------------------------------------------

    def section(self, section: Section) -> None:
        if any(isinstance(block, Table) and block.landscape for block in section.blocks):
            self.on_landscape_pages(lambda: self._section(section, landscape=True))
        else:
            self._section(section, landscape=False)

    def _section(self, section: Section, *, landscape: bool) -> None:
        heading = self.paragraph(section.title, style_id=self.headings[min(section.level, 3)])
        if section.new_page:
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

    def on_landscape_pages(self, write) -> None:
        """Write on pages of their own, turned to landscape, then go on in portrait."""
        self._orient(WD_ORIENT.LANDSCAPE)
        write()
        self._orient(WD_ORIENT.PORTRAIT)

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
        widths = self._widths(table, style.LANDSCAPE_TEXT_WIDTH_CM if landscape else style.TEXT_WIDTH_CM)
        word_table = self.document.add_table(rows=len(table.rows) + 1, cols=len(table.columns))
        text_style = self.styles["FC Table Small" if table.small else "FC Table Text"]
        rows = word_table.rows
        for j, (cell, heading) in enumerate(zip(rows[0].cells, table.columns)):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = self.styles["FC Table Heading"]
            run = paragraph.add_run(heading)
            run.bold, run.font.color.rgb = True, RGBColor(0xFF, 0xFF, 0xFF)
            if j in table.numeric and not table.small:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        for i, values in enumerate(table.rows):
            depth = table.depths[i] if table.depths else None
            for j, (cell, value) in enumerate(zip(rows[i + 1].cells, values)):
                paragraph = cell.paragraphs[0]
                paragraph._p.style = text_style
                text = self.number(value, j in table.percent) if j in table.numeric else ("" if value is None else str(value))
                run = paragraph.add_run(text)
                if j in table.numeric:
                    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                elif j == 0 and depth is not None:
                    paragraph.paragraph_format.left_indent = Cm(INDENT_CM * depth)
                    run.bold = depth == 0
                if j not in table.numeric and style.is_right_to_left(text):
                    style.right_to_left(paragraph)
        keep_rows = all(len(str(v)) < style.LONG_CELL for row in table.rows for v in row)
        style.table_look(word_table, widths, keep_rows=keep_rows, upright=table.small)
        self.document.add_paragraph().paragraph_format.space_after = Pt(2)

    def _widths(self, table: Table, available: float) -> list[float]:
        relative = table.widths or [2.0] * len(table.columns)
        relative = (relative + [relative[-1]] * len(table.columns))[: len(table.columns)]
        scale = available / sum(relative)
        return [w * scale for w in relative]

    def chart(self, chart: Chart) -> None:
        self.figures += 1
        picture = self.document.add_paragraph()
        picture.alignment = WD_ALIGN_PARAGRAPH.CENTER
        picture.paragraph_format.keep_with_next = True
        picture.add_run().add_picture(io.BytesIO(chart.png), width=Cm(min(chart.width_cm, style.TEXT_WIDTH_CM)))
        caption = self.paragraph(f"{self.labels['figure']} {self.figures}: {chart.caption}", "Caption")
        caption.alignment = WD_ALIGN_PARAGRAPH.CENTER

    def quote(self, quote: QuoteBlock) -> None:
        paragraph = self.paragraph("", "FC Quote")
        paragraph.paragraph_format.keep_with_next = True
        if quote.before:
            paragraph.add_run(f"… {quote.before}").font.color.rgb = style.MUTED
        paragraph.add_run(f"„{quote.text}“" if self.report.language == "de" else f"“{quote.text}”")
        if quote.after:
            paragraph.add_run(f"{quote.after} …").font.color.rgb = style.MUTED
        style.left_bar(paragraph, quote.color)
        if style.is_right_to_left(quote.text):
            style.right_to_left(paragraph)
        attribution = self.paragraph(f"— {quote.attribution}", "FC Attribution")
        if quote.memo:
            attribution.paragraph_format.keep_with_next = True
            self.paragraph(f"{self.labels['memo']}: {quote.memo}", "FC Memo")
