"""The Word exports, read back with python-docx: structure (headings, TOC field, page numbers, repeated header
rows), every figure of the tables against counts made here, quotes with umlauts, Arabic and emoji."""

from __future__ import annotations

import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest

from app import services
from app.analysis.words import count_words
from app.export.exports import export_code_quotes_docx, export_codebook_docx, export_report_docx
from app.export.report import ReportOptions

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample" / "workshop_de.txt"


def table_after(document, caption_start: str):
    """The table whose caption paragraph starts with ``caption_start`` (e.g. "Tabelle 3")."""
    body = list(document.element.body)
    for index, element in enumerate(body):
        if element.tag == f"{W}p" and "".join(element.itertext()).startswith(caption_start):
            table = next(e for e in body[index:] if e.tag == f"{W}tbl")
            return docx.table.Table(table, document)
    raise AssertionError(f"no table captioned {caption_start!r}")


def table_named(document, name: str):
    for paragraph in document.paragraphs:
        if paragraph.style.name == "Caption" and paragraph.text.split(": ", 1)[-1] == name:
            return table_after(document, paragraph.text)
    raise AssertionError(f"no table {name!r}")


def rows_of(table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def number(text: str) -> int:
    return int(text.replace("\u2009", "").replace(".", "")) if text not in ("", "–") else 0


@pytest.fixture
def multilingual(small_workshop, make_transcript):
    """The small workshop plus quotes in German with umlauts, Arabic (right to left) and with emoji, and memos."""
    project, _ = small_workshop
    doc = make_transcript("Gruppe 2", [
        ("Anna", "Über Größe und Übergänge: äöüß sind wichtig."),
        ("Samira", "التعليم مهم جدا للاندماج"),
        ("Yilmaz", "Das klappt super 👍🏽 wirklich 🎉!"),
    ])
    services.import_documents(project, [doc])
    quote = services.apply_code_to_quote
    quote(project, document="Gruppe 2", code="Sprache", quote="Über Größe und Übergänge: äöüß sind wichtig.")
    changes = quote(project, document="Gruppe 2", code="Sprache", quote="التعليم مهم جدا للاندماج")
    services.set_memo(project, "Arabisch: Bildung ist wichtig 📚", coding_id=changes.ids("coding")[0])
    quote(project, document="Gruppe 2", code="Anerkennung", quote="Das klappt super 👍🏽 wirklich 🎉!")
    return project


def test_report_structure_and_figures(multilingual, tmp_path):
    path = export_report_docx(multilingual, tmp_path / "bericht.docx")
    document = docx.Document(str(path))
    styles = Counter(p.style.name for p in document.paragraphs)
    assert styles["Title"] == 1 and styles["Heading 1"] >= 6 and styles["Heading 2"] >= 3
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    # The category system last, as an appendix: its landscape pages do not break the results apart.
    assert headings[:3] == ["Datengrundlage", "Methodisches Vorgehen", "Codehäufigkeiten"]
    assert headings[-1] == "Kategoriensystem"
    assert "Zitate" in headings and "Priorisierung" in headings
    xml = zipfile.ZipFile(path).read("word/document.xml").decode()
    assert 'TOC \\o "1-2"' in xml and "w:tblHeader" in xml
    footer = "".join(zipfile.ZipFile(path).read(n).decode() for n in zipfile.ZipFile(path).namelist()
                     if n.startswith("word/footer"))
    assert " PAGE " in footer and " NUMPAGES " in footer
    # Word is not asked to update the fields on opening (it would ask the partner first).
    assert "w:updateFields" not in zipfile.ZipFile(path).read("word/settings.xml").decode()

    # Frequencies: own codings and totals with sub-codes, counted here from what the fixtures coded.
    own = {"Sprache": 3, "Sprache/Kurse": 1, "Anerkennung": 2, "Maßnahmen": 0, "Maßnahmen/Mentoring": 1,
           "Maßnahmen/Kurse": 1, "Leer": 0}
    total = dict(own, Sprache=4, Maßnahmen=2)
    frequencies = rows_of(table_named(document, "Codehäufigkeiten"))
    assert frequencies[0][:3] == ["Code", "Segmente (eigene)", "Segmente inkl. Subcodes"]
    names = [path.rsplit("/", 1)[-1] for path in own]
    assert [row[0] for row in frequencies[1:]] == names
    for row, path in zip(frequencies[1:], own):
        assert (number(row[1]), number(row[2])) == (own[path], total[path])
    codebook = rows_of(table_named(document, "Kategoriensystem"))
    assert [(row[0], number(row[4])) for row in codebook[1:]] == [(n, total[p]) for n, p in zip(names, own)]
    assert codebook[1][1] == "Definition von Sprache"

    basis = rows_of(table_named(document, "Dokumente"))
    texts = {"Workshop": 1, "Gruppe 2": 1}
    assert [row[0] for row in basis[1:]] == list(texts)
    assert [number(row[4]) for row in basis[1:]] == [5, 3]

    ranking = rows_of(table_named(document, "Rangfolge: Maßnahmen"))
    # No vote recorded: by support (participants, institutions), with the passages.
    assert ranking[0] == ["Rang", "Maßnahme", "Teilnehmende", "Institutionen", "Textstellen"]
    assert ranking[1] == ["1", "Kurse", "2", "2", "1"] and ranking[2] == ["2", "Mentoring", "1", "1", "1"]

    by_speaker = rows_of(table_named(document, "Codes nach Sprecher:innen"))
    assert by_speaker[0][1:4] == ["Moderatorin", "Anna", "Yilmaz"]
    kurse = next(row for row in by_speaker if row[0] == "Kurse" and row[2] == "1" and row[3] == "1")
    assert kurse[-2] == "2"  # Σ: one coding spanning Anna's and Yilmaz's turns counts for both
    assert [row[0] for row in by_speaker[1:]] == ["Sprache", "Kurse", "Anerkennung", "Maßnahmen", "Mentoring", "Kurse"]
    assert by_speaker[4][-2:] == ["0", "3"]  # the parent without segments of its own: Σ 0, with its sub-codes 3

    quotes = [p for p in document.paragraphs if p.style.name == "FC Quote"]
    texts = [p.text for p in quotes]
    assert "„Über Größe und Übergänge: äöüß sind wichtig.“" in texts
    assert "„Das klappt super 👍🏽 wirklich 🎉!“" in texts
    arabic = next(p for p in quotes if "التعليم" in p.text)
    assert arabic._p.pPr.find(f"{W}bidi") is not None  # laid out right to left
    memo = next(p.text for p in document.paragraphs if p.style.name == "FC Memo")
    assert memo == "Memo: Arabisch: Bildung ist wichtig 📚"
    attributions = [p.text for p in document.paragraphs if p.style.name == "FC Attribution"]
    assert "— Samira, Gruppe 2, 0:00:17 · codiert von default" in attributions
    paragraphs = document.paragraphs
    start = next(i for i, p in enumerate(paragraphs) if p.style.name == "Heading 1" and p.text == "Zitate")
    leer = next(i for i, p in enumerate(paragraphs) if i > start and p.text == "Leer")
    assert paragraphs[leer].style.name == "Heading 2" and paragraphs[leer + 1].text == "keine Codierungen"
    assert len(document.inline_shapes) == 2  # the bar chart and the heat map


def test_options_codes_quotes_memos_language(multilingual, tmp_path):
    options = ReportOptions(codes=("Sprache",), quotes_per_code=1, memos=False, language="en", charts=False)
    document = docx.Document(str(export_report_docx(multilingual, tmp_path / "r.docx", options)))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:3] == ["Data", "Methods", "Code frequencies"] and headings[-1] == "Category system"
    frequencies = rows_of(table_named(document, "Code frequencies"))
    assert [row[0] for row in frequencies[1:]] == ["Sprache", "Kurse"]
    quotes = [p.text for p in document.paragraphs if p.style.name == "FC Quote"]
    assert len(quotes) == 2 and quotes[0].startswith("“")  # one per code
    assert "1 of 3 quotes" in [p.text for p in document.paragraphs]
    assert not [p for p in document.paragraphs if p.style.name == "FC Memo"]
    assert len(document.inline_shapes) == 0


def test_codebook_and_one_codes_quotes(multilingual, tmp_path):
    codebook = docx.Document(str(export_codebook_docx(multilingual, tmp_path / "kategorien.docx")))
    assert [p.text for p in codebook.paragraphs if p.style.name.startswith("Heading")] == ["Kategoriensystem"]
    assert len(rows_of(codebook.tables[0])) == 1 + 7
    quotes = docx.Document(str(export_code_quotes_docx(multilingual, "Sprache", tmp_path / "sprache.docx")))
    texts = [p.text for p in quotes.paragraphs if p.style.name == "FC Quote"]
    assert len(texts) == 4  # Sprache's three and Sprache/Kurse's one
    assert "Zitate zum Code „Sprache“" in [p.text for p in quotes.paragraphs]


def test_empty_project_report_says_so(new_project, tmp_path):
    project = new_project()
    document = docx.Document(str(export_report_docx(project, tmp_path / "leer.docx")))
    texts = [p.text for p in document.paragraphs]
    assert "Das Projekt enthält noch keine Codes." in texts and "Das Projekt enthält noch keine Dokumente." in texts
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["Datengrundlage", "Kategoriensystem"]  # no empty sections


def test_codes_without_codings(new_project, tmp_path, make_transcript):
    project = new_project()
    services.import_documents(project, [make_transcript("G", [("Anna", "Hallo zusammen.")])])
    services.add_code(project, "Ungenutzt/Auch ungenutzt")
    document = docx.Document(str(export_report_docx(project, tmp_path / "r.docx")))
    texts = [p.text for p in document.paragraphs]
    assert texts.count("keine Codierungen") == 1  # the sub-code; its parent has only the sub-code's heading
    frequencies = rows_of(table_named(document, "Codehäufigkeiten"))
    assert [row[1:3] for row in frequencies[1:]] == [["0", "0"], ["0", "0"]]


def test_a_failed_export_leaves_no_file(multilingual, tmp_path, monkeypatch):
    import docx.document

    from app.export.files import ExportError

    def broken(*_args, **_kwargs):
        raise OSError("disk full")

    target = tmp_path / "bericht.docx"
    target.write_bytes(b"older report")
    monkeypatch.setattr(docx.document.Document, "save", broken)
    with pytest.raises(ExportError, match="disk full"):  # an OSError said in words (app/export/files.py)
        export_report_docx(multilingual, target)
    assert target.read_bytes() == b"older report"
    assert sorted(p.name for p in tmp_path.iterdir() if "bericht" in p.name) == ["bericht.docx"]


@pytest.mark.skipif(not SAMPLE.exists(), reason="the sample workshop (resources/sample/workshop_de.txt) is not there yet")
def test_sample_project_report(tmp_path):
    import sqlite3

    from app.models import open_project
    from app.sample_project import build_sample_project

    path = build_sample_project(tmp_path / "sample.fcproj")
    with open_project(path) as project:
        target = export_report_docx(project, tmp_path / "sample.docx")
    document = docx.Document(str(target))
    with sqlite3.connect(path) as db:
        # Segments: distinct coded passages (the sample has a passage coded by two coders: one segment).
        counts = dict(db.execute("SELECT c.name, count(DISTINCT g.document_id || ':' || g.start || ':' || g.\"end\") "
                                 "FROM code c LEFT JOIN coding g ON g.code_id = c.id GROUP BY c.id").fetchall())
        codings = db.execute("SELECT count(*) FROM (SELECT DISTINCT document_id, code_id, start, \"end\" "
                             "FROM coding)").fetchone()[0]
        assert codings < db.execute("SELECT count(*) FROM coding").fetchone()[0]
        text = db.execute("SELECT text FROM document").fetchone()[0]
    frequencies = rows_of(table_named(document, "Codehäufigkeiten"))
    assert sum(number(row[1]) for row in frequencies[1:]) == codings
    for row in frequencies[1:]:
        assert number(row[1]) == counts[row[0]]
    basis = rows_of(table_named(document, "Dokumente"))
    assert number(basis[1][1]) == count_words(text) and number(basis[1][4]) == codings
    quotes = [p for p in document.paragraphs if p.style.name == "FC Quote"]
    # Each quote is its passage in „…“, the passage's own „…“ made ‚…‘ (the sample's text has no ‚ or ‘ itself).
    assert quotes and all(p.text[0] == "„" and p.text[-1] == "“" for p in quotes)
    assert all(p.text[1:-1].replace("‚", "„").replace("‘", "“") in text for p in quotes)
    assert any("‚" in p.text for p in quotes)  # the sample's participants quote each other


def test_quotes_holding_quotation_marks_are_not_doubled(new_project, tmp_path, make_transcript):
    """A passage that holds „…“, "…" or “…” itself gets the report's marks once; the marks inside become single
    ones, as a quotation within a quotation is written (before: „„Sprache zuerst“ …“)."""
    project = new_project()
    passages = [
        "„Sprache zuerst“, sagen alle.",
        'Der Betrieb sagt "Das klappt" und "Das klappt nicht".',
        "“Learning by doing”, so nennen wir es.",
        "„Ohne Kita keine Arbeit“",
    ]
    services.import_documents(project, [make_transcript("Zitate", [("Anna", passage) for passage in passages])])
    services.add_code(project, "Sprache")
    for passage in passages:
        services.apply_code_to_quote(project, document="Zitate", code="Sprache", quote=passage)
    expected = {
        "de": ["„‚Sprache zuerst‘, sagen alle.“", "„Der Betrieb sagt ‚Das klappt‘ und ‚Das klappt nicht‘.“",
               "„‚Learning by doing‘, so nennen wir es.“", "„‚Ohne Kita keine Arbeit‘“"],
        "en": ["“‘Sprache zuerst’, sagen alle.”", "“Der Betrieb sagt ‘Das klappt’ und ‘Das klappt nicht’.”",
               "“‘Learning by doing’, so nennen wir es.”", "“‘Ohne Kita keine Arbeit’”"],
    }
    for language, wanted in expected.items():
        options = ReportOptions(language=language, charts=False)
        document = docx.Document(str(export_report_docx(project, tmp_path / f"{language}.docx", options)))
        quotes = [p.text for p in document.paragraphs if p.style.name == "FC Quote"]
        assert quotes == wanted
        for doubled in ("„„", "““", "””", "“„", "‚‚", "‘‘"):
            assert not any(doubled in text for text in quotes)
    services.add_code(project, "„Sprache zuerst“")
    quotes_of = docx.Document(str(export_code_quotes_docx(project, "„Sprache zuerst“", tmp_path / "code.docx")))
    assert "Zitate zum Code „‚Sprache zuerst‘“" in [p.text for p in quotes_of.paragraphs]
