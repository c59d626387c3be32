"""The PDF reader on PDFs made here (matplotlib writes them: real PDF files with embedded fonts, lines placed where
a word processor or a QDA tool's print would place them)."""

from __future__ import annotations

from pathlib import Path

import matplotlib
import pytest

from app.importers import read_document
from app.importers.base import ReaderError
from app.importers.pdf_reader import read_pdf

matplotlib.use("Agg")

WIDTH, HEIGHT = 595, 842  # A4 in points
PITCH = 14  # line spacing of 10 pt text


def write_pdf(path: Path, pages: list[list[tuple[float, float, str]]]) -> Path:
    """A PDF with each page's (x, y, text) lines, x and y in points from the lower left corner."""
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(path) as pdf:
        for lines in pages:
            figure = Figure(figsize=(WIDTH / 72, HEIGHT / 72))
            for x, y, text in lines:
                figure.text(x / WIDTH, y / HEIGHT, text, fontsize=10)
            pdf.savefig(figure)
    return path


def lay_out(paragraphs: list[list[str]], *, top: float = 780, left: float = 72, gap: float = PITCH,
            numbers: str = "", first_number: int = 1) -> tuple[list[tuple[float, float, str]], int]:
    """Lines of paragraphs down a page; ``numbers``: "lines" (every line numbered in the margin) or "paragraphs"
    (each paragraph's first line). Returns the lines and the next number."""
    placed: list[tuple[float, float, str]] = []
    y = top
    number = first_number
    for paragraph in paragraphs:
        for index, line in enumerate(paragraph):
            placed.append((left, y, line))
            if numbers == "lines" or (numbers == "paragraphs" and index == 0):
                placed.append((left - 40, y, str(number)))
                number += 1
            y -= PITCH
        y -= gap
    return placed, number


INTERVIEW = [
    ["Interview mit B3 am 12.03.2024"],
    ["I: Wie war das für Sie, als Sie in Deutschland angekommen sind und die erste",
     "Zeit im Wohnheim verbringen mussten?"],
    ["B3: Am Anfang war das schwer. Ich hatte keine Arbeit und keinen Deutsch-",
     "kurs, und die Ausländerbehörde hat lange gebraucht, bis die Duldung da war.",
     "Dann kam die Ausbildung."],
    ["I: Und wie ging es weiter?"],
    ["B3: Gut. Wirklich gut."],
]


def test_paragraph_numbers_in_the_margin_and_a_page_footer(tmp_path: Path) -> None:
    lines, _ = lay_out(INTERVIEW, numbers="paragraphs")
    path = write_pdf(tmp_path / "b3.pdf", [lines + [(280, 30, "1/1")]])
    doc = read_document(path)
    assert doc.source_format == "pdf" and doc.name == "b3"
    assert doc.speakers == ["I", "B3"]
    assert doc.text.startswith("Interview mit B3 am 12.03.2024\nI: Wie war das")
    said = [doc.turn_text(t) for t in doc.turns]
    assert said == [
        "Wie war das für Sie, als Sie in Deutschland angekommen sind und die erste Zeit im Wohnheim verbringen "
        "mussten?",
        "Am Anfang war das schwer. Ich hatte keine Arbeit und keinen Deutsch-kurs, und die Ausländerbehörde hat "
        "lange gebraucht, bis die Duldung da war. Dann kam die Ausbildung.",
        "Und wie ging es weiter?",
        "Gut. Wirklich gut.",
    ]
    assert "1/1" not in doc.text


def test_every_line_numbered_with_running_header_over_pages(tmp_path: Path) -> None:
    """Line numbers on the same line as the words (PDFium reads them as one line), a running header and "Seite n
    von m" footers, and a turn that goes on over the page break."""
    # The last line of page 1 stops mid-sentence; page 2 goes on with it.
    going_on = [*INTERVIEW[:2], [*INTERVIEW[2][:2], "Dann bin ich"]]
    first, number = lay_out(going_on, numbers="lines")
    second, _ = lay_out([["wieder zurück in die Schule gegangen, das war gut."], *INTERVIEW[3:]], numbers="lines",
                        first_number=number)
    pages = [
        [(72, 815, "Transkript B3 – Projekt Ankommen"), *first, (260, 30, "Seite 1 von 2")],
        [(72, 815, "Transkript B3 – Projekt Ankommen"), *second, (260, 30, "Seite 2 von 2")],
    ]
    doc = read_document(write_pdf(tmp_path / "numbered.pdf", pages))
    assert doc.speakers == ["I", "B3"]
    assert "Transkript B3" not in doc.text and "Seite" not in doc.text
    assert not any(line.split()[0].isdigit() for line in doc.text.split("\n"))
    said = [doc.turn_text(t) for t in doc.turns]
    assert said[1].endswith("bis die Duldung da war. Dann bin ich wieder zurück in die Schule gegangen, das war gut.")
    assert said[2:] == ["Und wie ging es weiter?", "Gut. Wirklich gut."]


def test_single_spaced_paragraphs_end_at_short_lines(tmp_path: Path) -> None:
    paragraphs = [
        ["Moderatorin: Herzlich willkommen zu unserem Workshop über die Integration in Ausbildung und",
         "Arbeit. Bitte stellen Sie sich kurz vor."],
        ["Herr Brandt: Ich bin Brandt vom Handwerksbetrieb, wir bilden seit vielen Jahren Geflüchtete aus."],
        ["Moderatorin: Danke."],
        ["Frau Yilmaz: Yilmaz, Jobcenter. Bei uns ist die Sprache das größte Hindernis, und die Wartezeit auf",
         "einen Kursplatz."],
    ]
    lines, _ = lay_out(paragraphs, gap=0)
    doc = read_pdf(write_pdf(tmp_path / "workshop.pdf", [lines]))
    assert [block.text.split(":")[0] for block in doc] == ["Moderatorin", "Herr Brandt", "Moderatorin", "Frau Yilmaz"]
    assert doc[0].text.endswith("Integration in Ausbildung und Arbeit. Bitte stellen Sie sich kurz vor.")


def test_a_line_printed_again_at_the_next_page_top_is_there_once(tmp_path: Path) -> None:
    page_one, _ = lay_out([INTERVIEW[1], ["B3: Das war so, dass wir am Anfang nichts hatten, keine Wohnung, keine",
                                          "Arbeit, nur das Heim."]])
    page_two, _ = lay_out([["Arbeit, nur das Heim."], INTERVIEW[3]])
    doc = read_document(write_pdf(tmp_path / "qt.pdf", [page_one, page_two]))
    assert doc.text.count("nur das Heim") == 1
    assert [t.speaker for t in doc.turns] == ["I", "B3", "I"]


def test_a_year_starting_a_line_is_no_line_number(tmp_path: Path) -> None:
    lines, _ = lay_out([["I: Wann sind Sie gekommen?"], ["B: Im Sommer, und dann"], ["2016 kam meine Familie nach."],
                        ["I: Und dann?"], ["B: 2018 die Ausbildung."]])
    doc = read_document(write_pdf(tmp_path / "years.pdf", [lines]))
    assert "2016 kam meine Familie nach." in doc.text
    assert [doc.turn_text(t) for t in doc.turns][-1] == "2018 die Ausbildung."


def test_a_scan_without_text_needs_ocr(tmp_path: Path) -> None:
    from matplotlib.backends.backend_pdf import PdfPages
    from matplotlib.figure import Figure

    path = tmp_path / "scan.pdf"
    with PdfPages(path) as pdf:
        figure = Figure(figsize=(WIDTH / 72, HEIGHT / 72))
        figure.figimage([[0.0, 1.0], [1.0, 0.0]] * 50, resize=False)
        pdf.savefig(figure)
    with pytest.raises(ReaderError, match="OCR"):
        read_document(path)


@pytest.mark.parametrize("data", [b"", b"%PDF-1.4\n", b"not a pdf at all", b"%PDF-1.7\n1 0 obj << /Type /Catalog"])
def test_damaged_files_are_refused_with_one_message(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match=r"^broken\.pdf: "):
        read_document(path)
