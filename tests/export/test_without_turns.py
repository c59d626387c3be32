"""Projects whose documents have no speaker turns (a workshop protocol, a field note, a project from another tool
through REFI-QDA): every export writes, and the quotes come without speaker or time."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import docx
import openpyxl

from app import services
from app.analysis.quotes import coded_segments, quotes
from app.export.exports import export_csv, export_report_docx, export_xlsx
from app.importers.base import ParsedDocument
from app.importers.refi_qda import read_qdpx
from app.models import create_project
from app.services.merge import bring_in

PROTOCOL = "Protokoll des Workshops\nSprachförderung im Betrieb wurde gewünscht.\nMentoring hilft beim Einstieg.\n"


def _exports_open(project, tmp_path: Path) -> None:
    report = docx.Document(str(export_report_docx(project, tmp_path / "bericht.docx")))
    assert any("Sprachförderung im Betrieb" in p.text for p in report.paragraphs)
    workbook = openpyxl.load_workbook(export_xlsx(project, tmp_path / "tabellen.xlsx"), read_only=True)
    assert workbook.sheetnames
    with open(export_csv(project, tmp_path / "segmente.csv"), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert len(rows) >= 2


def test_a_protocol_without_turns_exports(new_project, tmp_path: Path) -> None:
    project = new_project()
    services.import_documents(project, [ParsedDocument(name="Protokoll", text=PROTOCOL, source_name="p.txt",
                                                       source_format="txt", turns=())])
    services.add_code(project, "Maßnahmen/Sprache")
    services.add_code(project, "Maßnahmen/Mentoring")
    services.apply_code_to_quote(project, document="Protokoll", code="Maßnahmen/Sprache",
                                 quote="Sprachförderung im Betrieb wurde gewünscht.")
    services.apply_code_to_quote(project, document="Protokoll", code="Maßnahmen/Mentoring",
                                 quote="Mentoring hilft beim Einstieg.")
    found = quotes(project)
    assert [q.speaker for q in found] == [None, None] and [q.time for q in found] == [None, None]
    assert [q.paragraph for q in coded_segments(project)] == [2, 3]
    _exports_open(project, tmp_path)


P = 'xmlns="urn:QDA-XML:project:1.0"'
USER, CODE, SOURCE = ("1B0B1791-BE46-4557-9957-7333544CFAF2", "34653336-3766-3235-6466-363134396437",
                      "d097e6fd-7671-4d95-a8b6-7795fa4a72e1")


def test_a_project_from_refi_qda_without_turns_exports(tmp_path: Path) -> None:
    start = PROTOCOL.index("Sprachförderung")
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {P} name="Aus NVivo" origin="NVivo 14 (Windows)">
 <Users><User guid="{USER}" name="Lea"/></Users>
 <CodeBook><Codes><Code guid="{CODE}" name="Sprache" isCodable="true"/></Codes></CodeBook>
 <Sources>
  <TextSource guid="{SOURCE}" name="Protokoll" plainTextPath="internal://{SOURCE}.txt">
   <PlainTextSelection guid="aaaaaaaa-0000-0000-0000-000000000001" startPosition="{start}"
     endPosition="{start + len('Sprachförderung im Betrieb')}">
    <Coding guid="aaaaaaaa-0000-0000-0000-00000000c0de" creatingUser="{USER}"><CodeRef targetGUID="{CODE}"/></Coding>
   </PlainTextSelection>
  </TextSource>
 </Sources>
</Project>"""
    path = tmp_path / "nvivo.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        archive.writestr(f"sources/{SOURCE}.txt", PROTOCOL.encode())
    project = create_project(tmp_path / "aus-nvivo.fcproj")
    try:
        summary = bring_in(project, read_qdpx(path))
        assert summary.added["coding"] == 1, summary.lines()
        assert [q.text for q in quotes(project)] == ["Sprachförderung im Betrieb"]
        _exports_open(project, tmp_path)
    finally:
        project.close()
