"""Text PDFs (a MAXQDA or f4 print, a thesis appendix, a transcript saved as PDF) to paragraphs.

pypdfium2 (PDFium, the PDF engine of Chromium) gives each page's text line by line in reading order, and where
each character sits. A PDF has no paragraphs, only positioned lines, so they are made again here:

- What is not transcript is dropped: numbers in the margin beside the text (line or paragraph numbers, which a
  MAXQDA print repeats at a page top when a paragraph goes on), running headers and footers (the same line at the
  top or foot of most pages, page numbers such as "1/5" or "Seite 2 von 9"), and a line printed twice, at the foot
  of one page and again at the top of the next (Qt's print does that with a line cut by the page edge).
- Lines are joined into paragraphs: a paragraph ends where the space between two lines is wider than the line
  spacing, where a line stops well short of the right margin (or, in a file set without space between paragraphs,
  where the next line is indented or opens with a speaker's label), and at a page break unless the sentence
  plainly goes on. A word hyphenated at a line end is joined with its hyphen kept.

The paragraphs then go to the turn parser like those of any word-processor file. A PDF without any text (a scan)
is refused with the advice to run OCR on it first.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from statistics import median
from typing import NamedTuple

from app.importers.base import Block, ReaderError
from app.importers.canonical import canonical_text, read_file_bytes
from app.importers.speaker_labels import match_label

_NUMBER = re.compile(r"\d{1,5}")
_LEADING_NUMBER = re.compile(r"(\d{1,5})[ \t\u00a0]+(?=\S)")
# "3", "3/5", "3 / 5", "- 3 -", "Seite 3", "Seite 3 von 5", "Page 3 of 5", "S. 3": a page number on its own.
_PAGE_NUMBER = re.compile(
    r"(?i)(?:[-–—]\s*)?(?:(?:seite|page|p\.|s\.)\s*)?\d{1,4}(?:\s*(?:/|von|of|aus)\s*\d{1,4})?(?:\s*[-–—])?"
)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SENTENCE_END = tuple(".?!…:;\"”“»«)]")
_EDGE_LINES = 2  # lines at the top and at the foot of a page that may be a running header or footer


class _Line(NamedTuple):
    text: str
    left: float
    right: float
    bottom: float
    top: float
    page: int


def read_pdf(path: str | Path) -> list[Block]:
    """The paragraphs of a text PDF as blocks. Raises ReaderError for a damaged, protected or text-less file."""
    path = Path(path)
    data = read_file_bytes(path)  # the size limit every reader has, and one clear message for an unreadable file
    import pypdfium2 as pdfium  # imported on use: the CLI starts without it

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        problem = str(exc).lower()
        if "password" in problem:
            raise ReaderError(path, "is protected by a password: save an unprotected copy and import that") from exc
        raise ReaderError(path, "is not a PDF file that can be read (it may be damaged or incomplete)") from exc
    try:
        pages = [_page_lines(document, index) for index in range(len(document))]
    finally:
        document.close()
    if not any(pages):
        raise ReaderError(path, "has no text, only images (a scanned document?): it needs text recognition (OCR) "
                                "first, e.g. with OCRmyPDF, and the recognised PDF imported")
    lines = _transcript_lines(pages)
    return [Block(text) for text in _paragraphs(lines)]


def _page_lines(document: object, index: int) -> list[_Line]:
    """A page's non-blank lines in PDFium's reading order, each with the box from its first to its last
    character. Lines outside the page are not shown by any viewer and left out (Qt's print puts all the margin
    numbers still to come below the foot of each page)."""
    page = document[index]  # type: ignore[index]
    try:
        width, height = page.get_size()
        text_page = page.get_textpage()
        try:
            text = text_page.get_text_range()
            count = text_page.count_chars()
            lines: list[_Line] = []
            position = 0
            for raw in re.split(r"\r\n|\r|\n", text):
                start, end = position, position + len(raw)
                position = end + (2 if text.startswith("\r\n", end) else 1)
                stripped = raw.strip()
                if not stripped or end > count:
                    continue
                first = start + len(raw) - len(raw.lstrip())
                last = start + len(raw.rstrip()) - 1
                left, bottom, _, top = text_page.get_charbox(first)
                _, last_bottom, right, last_top = text_page.get_charbox(last)
                middle = (bottom + top) / 2
                if not (0 <= middle <= height and 0 <= (left + right) / 2 <= width):
                    continue
                lines.append(_Line(stripped, left, right, min(bottom, last_bottom), max(top, last_top), index))
            return lines
        finally:
            text_page.close()
    finally:
        page.close()


def _transcript_lines(pages: list[list[_Line]]) -> list[_Line]:
    """All pages' lines without margin numbers, running headers and footers, and lines repeated at a page top."""
    body = [line for page in pages for line in page if len(line.text.split()) >= 3] or [
        line for page in pages for line in page]
    lefts = sorted(line.left for line in body)
    rights = sorted(line.right for line in body)
    body_left, body_right = lefts[len(lefts) // 10], rights[(len(rights) * 9) // 10]
    running = _running_edges(pages)
    margin_numbers = _numbering(pages)
    kept: list[_Line] = []
    previous_page_last: str | None = None
    for page in pages:
        edges = _edge_lines(page)
        page_lines: list[_Line] = []
        for line in page:
            text = line.text
            if _NUMBER.fullmatch(text) and (
                line.right < body_left - 1 or line.left > body_right + 1 or id(line) in margin_numbers
            ):
                continue  # a line or paragraph number in the margin
            if id(line) in edges and (_PAGE_NUMBER.fullmatch(text) or _place(line) in running):
                continue  # a running header or footer
            leading = _LEADING_NUMBER.match(text)
            if leading is not None and id(line) in margin_numbers:
                line = line._replace(text=text[leading.end() :])
            page_lines.append(line)
        if page_lines and previous_page_last is not None and page_lines[0].text == previous_page_last:
            del page_lines[0]  # printed at the foot of the page before and again here
        if page_lines:
            previous_page_last = page_lines[-1].text
        kept.extend(page_lines)
    return kept


def _edge_lines(page: list[_Line]) -> set[int]:
    """The top-most and the lowest lines of a page (by position, not reading order)."""
    by_height = sorted(page, key=lambda line: line.top)
    return {id(line) for line in by_height[:_EDGE_LINES] + by_height[-_EDGE_LINES:]}


def _shape(text: str) -> str:
    """A line with its numbers made alike: "Interview 3 – page 2" and "Interview 3 – page 3" are one header."""
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def _running_edges(pages: list[list[_Line]]) -> set[tuple[str, int]]:
    """(shape, height) of lines found at the top or at the foot of at least half the pages (and of two at least),
    at the same height on each (a header or footer stands where the page layout puts it)."""
    if len(pages) < 2:
        return set()
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        seen.update({_place(line) for line in page if id(line) in _edge_lines(page)})
    enough = max(2, len(pages) / 2)
    return {place for place, pages_with_it in seen.items() if pages_with_it >= enough}


def _place(line: _Line) -> tuple[str, int]:
    return _shape(line.text), round(line.bottom / 3)


def _numbering(pages: list[list[_Line]]) -> set[int]:
    """The lines whose number (alone, or before the words) belongs to a running count of lines or paragraphs.

    Numbers that count up one by one (a step of up to 3 for numbered blank lines; the same number again where a
    paragraph goes on at a page top) are the print's numbering, not what was said; a year or an amount starting a
    line does not fit the count.
    """
    candidates: list[tuple[int, int]] = []  # (line id, number) in reading order
    for page in pages:
        for line in page:
            match = _NUMBER.fullmatch(line.text) or _LEADING_NUMBER.match(line.text)
            if match is not None:
                candidates.append((id(line), int(match.group(1) if match.lastindex else match.group(0))))
    chain: list[int] = []
    last = 0
    for line_id, number in candidates:
        if last < number <= last + 3 or (number == last and chain):
            chain.append(line_id)
            last = number
    if len(chain) < 3 or len(chain) < 0.6 * len(candidates):
        return set()
    return set(chain)


def _paragraphs(lines: list[_Line]) -> list[str]:
    """The lines joined into paragraphs (see the module comment)."""
    if not lines:
        return []
    steps = [previous.bottom - line.bottom for previous, line in zip(lines, lines[1:])
             if previous.page == line.page and previous.bottom > line.bottom]
    pitch = median(steps) if steps else 0.0
    spaced = any(step > 1.45 * pitch for step in steps)  # paragraphs set apart by space
    rights = sorted(line.right for line in lines)
    lefts = sorted(line.left for line in lines)
    body_right, body_left = rights[(len(rights) * 9) // 10], lefts[len(lefts) // 10]
    short = body_right - 0.25 * (body_right - body_left)

    paragraphs: list[list[str]] = []
    previous: _Line | None = None
    for line in lines:
        # PDFium marks a hyphen at a line break as \x02, or as \ufffe where it joined the two lines itself.
        text = _CONTROLS.sub(lambda m: "-" if m.group() in "\x02\ufffe" else "", line.text).strip()
        if not text:
            continue
        if previous is None:
            new = True
        elif previous.page != line.page:
            new = _sentence_ends(paragraphs[-1][-1], text)
        elif previous.bottom <= line.bottom:
            new = True  # back up the page: another column or block
        elif spaced and previous.bottom - line.bottom > 1.45 * pitch:
            new = True
        elif previous.right < short:
            new = True  # a line that stops short ends its paragraph (a heading, a cover page's field)
        else:  # without space between paragraphs: an indented line, or one that opens with a speaker's label
            new = not spaced and (line.left > body_left + 8 or _opens_with_label(text))
        if new:
            paragraphs.append([text])
        else:
            paragraphs[-1].append(text)
        previous = line
    return [canonical_text(_joined(parts)) for parts in paragraphs]


def _opens_with_label(text: str) -> bool:
    label = match_label(text)
    return label is not None and label.strong and not label.stop


def _sentence_ends(before: str, after: str) -> bool:
    """At a page break: a new paragraph unless the words plainly go on (no sentence end, or lower case next)."""
    if after[:1].islower():
        return False
    return before.endswith(_SENTENCE_END) or before[-1:].isdigit()


def _joined(parts: list[str]) -> str:
    text = parts[0]
    for part in parts[1:]:
        if len(text) > 1 and text[-1] == "-" and text[-2].isalnum() and part[:1].isalpha():
            text += part  # "Sieben-Tage-" + "Inzidenz", "7-" + "Tage": the hyphen was written, keep it
        else:
            text += " " + part
    return text
