"""The report handed to partners and the internal one; the Word layout rules (content-sized columns, flat headers,
rows kept whole, alt text, properties, the table of contents); the PDF through LibreOffice."""

from __future__ import annotations

import os
import shutil
import zipfile
from datetime import datetime, timedelta, timezone

import docx
import openpyxl
import pytest

from app import services
from app.analysis.speaker_labels import speaker_labels
from app.analysis.dataset import load
from app.export import office
from app.export.column_widths import CELL_MARGINS_CM, longest_word_cm
from app.export.docx_style import HEADING_PT, SMALL_PT, TABLE_PT
from app.export.exports import export_report_docx, export_report_pdf, export_xlsx
from app.export.report import ReportOptions
from app.models import AttributeType

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
TWIPS_PER_CM = 567

needs_office = pytest.mark.skipif(
    not office.available() and os.environ.get("FOCUSCODER_REQUIRE_LIBREOFFICE") != "1",
    reason="LibreOffice is not installed (set FOCUSCODER_REQUIRE_LIBREOFFICE=1 to make this a failure)",
)


@pytest.fixture
def workshop(small_workshop):
    """The small workshop with roles, a memo and a passage coded by two coders."""
    project, parsed = small_workshop
    for speaker, role in (("Anna", "Ausbilderin"), ("Yilmaz", "Fallmanager"), ("Moderatorin", "Moderation")):
        services.set_attribute(project, speaker=speaker, name="Rolle", value=role, kind=AttributeType.TEXT)
    first = services.apply_code_to_quote(project, document="Workshop", code="Anerkennung",
                                         quote="Ohne Anerkennung geht wenig.", coder="Lena")
    services.set_memo(project, "Interne Notiz zur Anerkennung", coding_id=first.ids("coding")[0])
    return project


def texts_of_tables(document) -> str:
    return "\n".join(cell.text for table in document.tables for row in table.rows for cell in row.cells)


def texts(document) -> str:
    return "\n".join(p.text for p in document.paragraphs) + texts_of_tables(document)


def test_partner_report_has_no_memos_no_coders_and_labels_speakers(workshop, tmp_path):
    partner = ReportOptions(audience="partner", speaker_label="role_institution", charts=False)
    document = docx.Document(str(export_report_docx(workshop, tmp_path / "partner.docx", partner)))
    written = texts(document)
    assert "Interne Notiz" not in written and "Memo:" not in written
    assert "codiert von" not in written and "Lena" not in written and "default" not in written
    # Speakers by their labels everywhere but in the transcript's own words (pseudonyms: a later issue).
    shown = "\n".join(p.text for p in document.paragraphs if p.style.name != "FC Quote") + texts_of_tables(document)
    assert "Anna" not in shown and "Yilmaz" not in shown
    assert "— Ausbilderin (IHK), Workshop" in written
    assert "Fallmanager (Jobcenter)" in written
    assert document.core_properties.author == ""
    # The passage two coders coded is one quote.
    quotes = [p.text for p in document.paragraphs if p.style.name == "FC Quote"]
    assert quotes.count("„Ohne Anerkennung geht wenig.“") == 1

    internal = docx.Document(str(export_report_docx(workshop, tmp_path / "intern.docx",
                                                    ReportOptions(audience="internal", charts=False))))
    written = texts(internal)
    assert "Memo: Interne Notiz zur Anerkennung" in written
    assert "— Yilmaz, Workshop, 0:00:34 · codiert von Lena, default" in written
    assert "Lena" in internal.core_properties.author

    workbook = openpyxl.load_workbook(export_xlsx(workshop, tmp_path / "partner.xlsx", partner))
    header = next(workbook["Segmente"].iter_rows(values_only=True))
    assert "Codierende" not in header and "Memo" not in header
    assert all("Anna" not in str(value) for row in workbook["Segmente"].iter_rows(values_only=True) for value in row)


def test_speaker_labels_are_unique(new_project, make_transcript):
    project = new_project()
    services.import_documents(project, [make_transcript("W", [("A", "eins"), ("B", "zwei"), ("C", "drei")])])
    for speaker in ("A", "B"):
        services.set_attribute(project, speaker=speaker, name="Rolle", value="Fachkraft")
        services.set_attribute(project, speaker=speaker, name="Institution", value="Jobcenter")
    labels = speaker_labels(load(project), "role_institution", unknown="Person")
    assert sorted(labels.values()) == ["Fachkraft (Jobcenter) 1", "Fachkraft (Jobcenter) 2", "Person 1"]


def _column_twips(table) -> list[int]:
    return [int(col.get(f"{W}w")) for col in table._tbl.tblGrid.findall(f"{W}gridCol")]


def test_layout_columns_fit_their_words_rows_stay_whole(workshop, tmp_path):
    services.add_code(workshop, "Maßnahmen/Arbeitgeberengagementförderungsprogramm")
    services.apply_code_to_quote(workshop, document="Workshop", code="Maßnahmen/Arbeitgeberengagementförderungsprogramm",
                                 quote="Die brauchen Begleitung.")
    path = export_report_docx(workshop, tmp_path / "r.docx", ReportOptions(charts=True))
    document = docx.Document(str(path))
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert "btLr" not in xml  # no heading turned upright
    for table in document.tables:
        rows = table._tbl.tr_lst
        assert all(row.trPr is not None and row.trPr.find(f"{W}cantSplit") is not None for row in rows)
        widths = _column_twips(table)
        small = any(p.style.name == "FC Table Small" for row in table.rows[1:] for cell in row.cells
                    for p in cell.paragraphs)
        for j, cell in enumerate(table.rows[0].cells):  # headers: every word fits, no cut, no hyphen
            size = SMALL_PT if small else HEADING_PT
            assert longest_word_cm(cell.text, size, bold=True) + CELL_MARGINS_CM <= widths[j] / TWIPS_PER_CM + 0.01
        for row in table.rows[1:]:  # cells: every word fits beside the code tree's indent
            for j, cell in enumerate(row.cells):
                paragraph = cell.paragraphs[0]
                indent = paragraph.paragraph_format.left_indent.cm if paragraph.paragraph_format.left_indent else 0.0
                room = widths[j] / TWIPS_PER_CM - CELL_MARGINS_CM - indent
                bold = bool(paragraph.runs and paragraph.runs[0].bold)
                assert longest_word_cm(cell.text, SMALL_PT if small else TABLE_PT, bold=bold) <= room + 0.01
    # Headings keep with what follows; every picture has alt text naming its figures.
    for paragraph in document.paragraphs:
        if paragraph.style.name.startswith("Heading"):
            assert paragraph.paragraph_format.keep_with_next
    pictures = zipfile.ZipFile(path).read("word/document.xml")
    from lxml import etree

    properties = etree.fromstring(pictures).iter(f"{WP}docPr")
    descriptions = [p.get("descr") for p in properties]
    assert descriptions and all(descriptions)
    assert any("Anerkennung" in d for d in descriptions)
    # Made today, not on the template's date; Word is not asked to update fields.
    created = document.core_properties.created.replace(tzinfo=timezone.utc)
    assert abs(datetime.now(timezone.utc) - created) < timedelta(hours=1)
    assert "updateFields" not in zipfile.ZipFile(path).read("word/settings.xml").decode()


def test_without_libreoffice_the_contents_say_page_numbers_come_on_update(workshop, tmp_path, monkeypatch):
    monkeypatch.setattr(office, "soffice", lambda: None)
    path = export_report_docx(workshop, tmp_path / "r.docx", ReportOptions(page_numbers=True, charts=False))
    document = docx.Document(str(path))
    assert any(p.text.startswith("Seitenzahlen erscheinen") for p in document.paragraphs)
    with pytest.raises(Exception, match="LibreOffice is not installed"):
        export_report_pdf(workshop, tmp_path / "r.pdf")
    assert not (tmp_path / "r.pdf").exists()


@needs_office
def test_contents_get_their_page_numbers_from_libreoffice(workshop, tmp_path):
    path = export_report_docx(workshop, tmp_path / "r.docx", ReportOptions(page_numbers=True, charts=False))
    document = docx.Document(str(path))
    entries = [p for p in document.paragraphs if p.style.name in ("toc 1", "toc 2")]
    assert entries and all(p.text.rsplit("\t", 1)[-1].isdigit() for p in entries)
    assert not any(p.text.startswith("Seitenzahlen erscheinen") for p in document.paragraphs)
    pdf = export_report_pdf(workshop, tmp_path / "r.pdf", ReportOptions(charts=False))
    pages = dict(office.heading_pages(pdf))
    for entry in entries:
        title, page = entry.text.rsplit("\t", 1)
        assert pages[title] == int(page), title
    assert pdf.read_bytes().startswith(b"%PDF")


def test_two_documents_speaker_sheet_lists_each_speaker_once(random_study, tmp_path):
    project, model = random_study
    workbook = openpyxl.load_workbook(export_xlsx(project, tmp_path / "s.xlsx"))
    rows = list(workbook["Sprecher"].iter_rows(values_only=True))[1:]
    names = [row[0] for row in rows]
    assert len(names) == len(set(names)) == len({t.speaker for turns in model.turns.values() for t in turns})
    assert sum(row[2] for row in rows) == sum(len(turns) for turns in model.turns.values())
    per_document = list(workbook["Sprecher je Dokument"].iter_rows(values_only=True))[1:]
    assert sum(row[3] for row in per_document) == sum(row[2] for row in rows)


def test_soffice_lookup_follows_the_path(monkeypatch):
    monkeypatch.setattr(shutil, "which", lambda name: "/opt/lo/soffice" if name == "libreoffice" else None)
    assert office.soffice() == "/opt/lo/soffice"


def test_cli_export_partner_by_default_internal_when_asked(workshop, tmp_path, capsys, monkeypatch):
    from app.cli import main

    path = str(workshop.path)
    workshop.close()
    assert main(["export", path, "--output", str(tmp_path / "p.docx"), "--no-page-numbers", "--no-charts"]) == 0
    assert "(partner)" in capsys.readouterr().out
    written = texts(docx.Document(str(tmp_path / "p.docx")))
    assert "codiert von" not in written and "Memo:" not in written and "Ausbilderin (IHK)" in written
    assert main(["export", path, "--output", str(tmp_path / "i.docx"), "--internal", "--no-page-numbers",
                 "--no-charts"]) == 0
    written = texts(docx.Document(str(tmp_path / "i.docx")))
    assert "codiert von" in written and "Memo: Interne Notiz zur Anerkennung" in written
    assert main(["export", path, "--output", str(tmp_path / "n.docx"), "--partner", "--speaker-label", "name",
                 "--no-page-numbers", "--no-charts"]) == 0
    assert "— Anna, Workshop" in texts(docx.Document(str(tmp_path / "n.docx")))
    capsys.readouterr()
    # Both at once: a usage error. A PDF without LibreOffice: one clear line, nothing written.
    assert main(["export", path, "--output", str(tmp_path / "x.docx"), "--partner", "--internal"]) == 2
    capsys.readouterr()
    monkeypatch.setattr(office, "soffice", lambda: None)
    assert main(["export", path, "--output", str(tmp_path / "r.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: LibreOffice is not installed") and err.count("\n") == 1
    assert not (tmp_path / "r.pdf").exists()
    assert main(["export", path, "--output", str(tmp_path / "t.docx"), "--no-charts"]) == 0
    assert "note: LibreOffice is not installed" in capsys.readouterr().err


@needs_office
def test_cli_export_pdf(workshop, tmp_path, capsys):
    from app.cli import main

    path = str(workshop.path)
    workshop.close()
    assert main(["export", path, "--format", "pdf", "--output", str(tmp_path / "bericht.pdf"), "--no-charts"]) == 0
    assert (tmp_path / "bericht.pdf").read_bytes().startswith(b"%PDF")
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]  # no scratch left behind
