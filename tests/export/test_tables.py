"""The statistics workbook read back with openpyxl and the coded-segments CSV read back with the csv module,
against counts made here; and ``focuscoder export`` through the command line."""

from __future__ import annotations

import csv
from collections import Counter

import openpyxl
import pytest

from app import services
from app.analysis.words import count_words
from app.cli import main
from app.export.exports import export_csv, export_xlsx
from app.export.report import ReportOptions


def sheet_rows(sheet) -> list[list[object]]:
    return [list(row) for row in sheet.iter_rows(values_only=True)]


@pytest.fixture
def coded(small_workshop):
    project, parsed = small_workshop
    # A quote that Excel would take for a formula, an umlaut, emoji and Arabic, and a memo.
    services.add_code(project, "Sonderzeichen")
    text = parsed.text
    start = text.index("Was hilft")
    changes = services.apply_code(project, document="Workshop", code="Sonderzeichen", start=start, end=start + 9)
    services.set_memo(project, "=SUMME(A1) 😀 مرحبا", coding_id=changes.ids("coding")[0])
    return project, parsed


def test_xlsx_sheets_headers_and_figures(coded, tmp_path):
    project, parsed = coded
    workbook = openpyxl.load_workbook(export_xlsx(project, tmp_path / "statistik.xlsx"))
    assert workbook.sheetnames[:3] == ["Codehäufigkeiten", "Kategoriensystem", "Sprecher"]
    assert all(len(name) <= 31 for name in workbook.sheetnames)
    # Short names of their own: none cut, none numbered to tell two cut ones apart.
    assert "Überschneidungen im Text" in workbook.sheetnames and not any("(2)" in n for n in workbook.sheetnames)
    for sheet in workbook.worksheets:
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1] if cell.value is not None)
        assert sheet.column_dimensions["A"].width >= 6
    frequencies = {row[0]: row for row in sheet_rows(workbook["Codehäufigkeiten"])[1:]}
    assert frequencies["Sprache"][2:4] == [1, 2] and frequencies["Maßnahmen"][2:4] == [0, 2]
    assert frequencies["Sprache"][8] == 1 and frequencies["Sprache"][9] == 1 + 7
    segments = sheet_rows(workbook["Segmente"])
    assert segments[0] == ["Dokument", "Sprecher:in", "Codepfad", "Text", "Anfang", "Ende", "Zeitmarke",
                           "Codierende", "Gewichtung", "Memo"]
    assert len(segments) == 1 + 6
    for document, speaker, code, text, start, end, *_ in segments[1:]:
        assert text == parsed.text[start:end]
    special = next(row for row in segments if row[2] == "Sonderzeichen")
    assert special[9] == "=SUMME(A1) 😀 مرحبا" and special[1] == "Moderatorin"
    memo_cell = next(row[9] for row in workbook["Segmente"].iter_rows(min_row=2) if row[2].value == "Sonderzeichen")
    assert memo_cell.data_type == "s"  # text, not a formula
    by_speaker = {row[0]: row[1:] for row in sheet_rows(workbook["Codes × Sprecher"])}
    assert by_speaker["Codepfad"] == ["Moderatorin", "Anna", "Yilmaz", "Σ", "Σ inkl. Subcodes"]
    assert by_speaker["Maßnahmen/Kurse"] == [0, 1, 1, 2, 2] and by_speaker["Maßnahmen"] == [0, 0, 0, 0, 3]
    pairs = sheet_rows(workbook["Überschneidungen"])
    assert ["Sprache", "Sprache/Kurse", 1, 1] in pairs
    priorities = sheet_rows(workbook["Priorisierung"])
    assert priorities[0] == ["Code", "Rang", "Codepfad", "Punkte", "Anteil", "Teilnehmende", "Institutionen",
                             "Textstellen", "eingebracht von", "Dokumente"]
    ranking = [row for row in priorities if row[0] == "Maßnahmen"]  # no vote: by support, no points
    assert [row[1:8] for row in ranking] == [[1, "Maßnahmen/Kurse", None, None, 2, 2, 1],
                                             [2, "Maßnahmen/Mentoring", None, None, 1, 1, 1]]
    # Every speaker once (one document: no sheet per document): the columns add up to the project's figures.
    speakers = sheet_rows(workbook["Sprecher"])
    assert speakers[0] == ["Sprecher:in", "Institution", "Beiträge", "Wörter", "Redeanteil", "Segmente"]
    shares = {row[0]: row for row in speakers[1:]}
    assert len(shares) == len(speakers) - 1 == 3 and "Sprecher je Dokument" not in workbook.sheetnames
    talk = Counter()
    for turn in parsed.turns:
        talk[turn.speaker] += count_words(parsed.turn_text(turn))
    assert shares["Anna"][3] == talk["Anna"]
    assert shares["Anna"][4] == pytest.approx(talk["Anna"] / sum(talk.values()))
    assert sum(row[2] for row in speakers[1:]) == len(parsed.turns)
    assert sum(row[3] for row in speakers[1:]) == sum(talk.values())
    assert sum(row[4] for row in speakers[1:]) == pytest.approx(1.0)


def test_csv_of_coded_segments(coded, tmp_path):
    project, parsed = coded
    path = export_csv(project, tmp_path / "segmente.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a byte-order mark: Excel reads the umlauts right
    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle, delimiter=";"))
    assert rows[0][:3] == ["Dokument", "Sprecher:in", "Codepfad"]
    assert len(rows) == 1 + 6
    spanning = next(row for row in rows if row[2] == "Maßnahmen/Kurse")
    assert spanning[3] == "das A und O.\nYilmaz: Ohne" and spanning[1] == "Anna, Yilmaz"
    assert int(spanning[4]) == parsed.text.index("das A und O.")
    english = export_csv(project, tmp_path / "segments.csv", ReportOptions(language="en", memos=False))
    with english.open(encoding="utf-8-sig", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["Document", "Speaker", "Code path", "Text", "Start", "End", "Time", "Coders", "Weight"]


def test_empty_project_tables(new_project, tmp_path):
    project = new_project()
    workbook = openpyxl.load_workbook(export_xlsx(project, tmp_path / "leer.xlsx"))
    assert sheet_rows(workbook["Segmente"])[1:] == []
    assert export_csv(project, tmp_path / "leer.csv").read_text(encoding="utf-8-sig").count("\n") == 1


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export(coded, tmp_path, capsys):
    project, _ = coded
    path = str(project.path)
    project.close()
    for name in ("bericht.docx", "statistik.xlsx", "segmente.csv"):
        code, out, err = run(capsys, "export", path, "--output", str(tmp_path / name))
        assert code == 0, err
        assert (tmp_path / name).stat().st_size > 0
    code, _, err = run(capsys, "export", path, "--format", "docx", "--output", str(tmp_path / "k.docx"),
                       "--codebook-only", "--language", "en")
    assert code == 0, err
    code, _, err = run(capsys, "export", path, "--output", str(tmp_path / "q.docx"), "--code", "Sprache",
                       "--no-memos", "--quotes-per-code", "1", "--speakers", "Anna", "--documents", "Workshop")
    assert code == 0, err
    import docx

    quotes = [p for p in docx.Document(str(tmp_path / "q.docx")).paragraphs if p.style.name == "FC Quote"]
    assert len(quotes) == 1
    # Usage errors: exit 2, one line.
    for argv in (("--output", str(tmp_path / "x.txt")), ("--format", "csv", "--output", "x.csv", "--code", "A")):
        code, _, err = run(capsys, "export", path, *argv)
        assert code == 2 and err.startswith("error: ") and err.count("\n") == 1
    # Failures: exit 1, one line, nothing written.
    for argv in (("--output", str(tmp_path / "missing" / "r.docx")),
                 ("--output", str(tmp_path / "r2.docx"), "--codes", "Gibt es nicht")):
        code, _, err = run(capsys, "export", path, *argv)
        assert code == 1 and err.startswith("error: ") and err.count("\n") == 1
    assert not (tmp_path / "r2.docx").exists()
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]
