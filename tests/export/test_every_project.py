"""Every analysis and every export on projects of every shape (hypothesis): no documents, documents without turns,
turns without speakers, codes without codings, several coders on the same and on overlapping spans, deep trees,
emoji and right-to-left text. None may raise, and every file must open again (python-docx, openpyxl, zipfile and
lxml for the REFI-QDA files, pypdf for the PDF)."""

from __future__ import annotations

import csv
import os
import tempfile
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from app import services
from app.services import votes
from app.analysis.cooccurrence import code_cooccurrence
from app.analysis.dataset import load
from app.analysis.frequencies import BREAKDOWNS, code_frequencies, code_tree_frequencies
from app.analysis.matrices import code_by_attribute, code_by_document, code_by_speaker
from app.analysis.priorities import measures_parent, priority_ranking
from app.analysis.quotes import coded_segments, quotes
from app.analysis.speaker_overview import speaker_overview
from app.export import office
from app.export.exports import (
    export_code_quotes_docx,
    export_codebook_docx,
    export_csv,
    export_report_docx,
    export_report_pdf,
    export_xlsx,
)
from app.export.refi_qda import export_qdc, export_qdpx
from app.export.report import ReportOptions
from app.importers.base import ParsedDocument, ParsedTurn
from app.models import create_project
from app.services import ServiceError

# Words in German with umlauts, English, Arabic and Hebrew (right to left), emoji with a skin tone, a ZWJ family.
WORDS = ["Sprachkurs", "Größe", "Übergänge", "äöüß", "job", "training", "التعليم", "مهم", "שלום", "עבודה", "👍🏽",
         "👨‍👩‍👧", "🎉", "E-Mail", "geht's", "2024", "„Zitat“", "(…)", "x"]
NAMES = ["Anna", "Yılmaz", "سميرة", "דנה", "Moderation 🎤", "B"]
CODE_NAMES = ["Sprache", "Maßnahmen", "Arbeitgeberengagementförderung", "عمل", "Netz 🌐", "A", "Unterpunkt"]
CODERS = ["Lena", "Murat", "Ayşe"]

text = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12).map(" ".join)
turn = st.tuples(st.one_of(st.none(), st.sampled_from(NAMES)), text)
document = st.one_of(
    st.tuples(st.just("turns"), st.lists(turn, min_size=1, max_size=6)),
    st.tuples(st.just("plain"), st.lists(text, min_size=1, max_size=4).map("\n".join)),
)
# A code tree: each code's parent is one of the codes before it, or none; deep chains are likely.
tree = st.lists(st.tuples(st.integers(-1, 20), st.sampled_from(CODE_NAMES)), max_size=9)
coding = st.tuples(st.integers(0, 10), st.integers(0, 20), st.floats(0, 1), st.integers(1, 60),
                   st.sampled_from(CODERS), st.sampled_from(["alone", "same span", "overlapping"]))
project_shape = st.fixed_dictionaries({
    "documents": st.lists(document, max_size=3),
    "codes": tree,
    "codings": st.lists(coding, max_size=14),
    "institutions": st.booleans(),
    "roles": st.booleans(),
    # The dot vote: points for some codes (by code index, perhaps by institution), or none; a measures parent.
    "votes": st.lists(st.tuples(st.integers(0, 20), st.integers(0, 30), st.booleans()), max_size=4),
    "measures": st.one_of(st.none(), st.integers(0, 20)),
})


def _parsed(name: str, kind: str, content) -> ParsedDocument:  # noqa: ANN001
    if kind == "plain":
        return ParsedDocument(name=name, text=content + "\n", source_name=f"{name}.txt", source_format="txt",
                              turns=())
    body, turns = "", []
    for speaker, words in content:
        label = f"{speaker}: " if speaker else ""
        start = len(body) + len(label)
        body += f"{label}{words}\n"
        turns.append(ParsedTurn(speaker=speaker, start=start, end=start + len(words)))
    return ParsedDocument(name=name, text=body, source_name=f"{name}.txt", source_format="txt", turns=tuple(turns))


def build(folder: Path, shape: dict):
    """The project ``shape`` describes, made through the services as a researcher would."""
    project = create_project(folder / "p.fcproj", name="Projekt 🎯 مشروع")
    parsed = [_parsed(f"Dokument {n} ✓", kind, content) for n, (kind, content) in enumerate(shape["documents"])]
    if parsed:
        services.import_documents(project, parsed)
    paths: list[str] = []
    for parent, name in shape["codes"]:
        path = f"{paths[parent % len(paths)]}/{name}" if parent >= 0 and paths else name
        if path not in paths and path.count("/") < 6:
            services.add_code(project, path)
            paths.append(path)
    speakers = sorted({t.speaker for doc in parsed for t in doc.turns if t.speaker})
    for n, speaker in enumerate(speakers):
        if shape["institutions"] and n % 3:
            services.set_attribute(project, speaker=speaker, name="Institution", value=f"Institution {n % 2}")
        if shape["roles"]:
            services.set_attribute(project, speaker=speaker, name="Rolle", value="Fachkraft")
    for code_index, points, by_institution in shape["votes"] if paths else ():
        votes.set_votes(project, paths[code_index % len(paths)], points,
                           institution="Institution 1" if by_institution else None)
    if shape["measures"] is not None and paths:
        votes.set_measures_parent(project, paths[shape["measures"] % len(paths)])
    if parsed and paths:
        for doc_index, code_index, where, length, coder, how in shape["codings"]:
            doc = parsed[doc_index % len(parsed)]
            start = min(int(where * len(doc.text)), len(doc.text) - 1)
            end = min(len(doc.text), start + length)
            code = paths[code_index % len(paths)]
            services.apply_code(project, document=doc.name, code=code, start=start, end=end, coder=coder)
            other = CODERS[(CODERS.index(coder) + 1) % len(CODERS)]
            if how == "same span":
                services.apply_code(project, document=doc.name, code=code, start=start, end=end, coder=other)
            elif how == "overlapping" and end - start > 1:
                services.apply_code(project, document=doc.name, code=code, start=start + 1,
                                    end=min(len(doc.text), end + 3), coder=other)
    return project, paths


def analyses(project, paths: list[str]) -> None:
    data = load(project)
    code_tree_frequencies(data)
    for by in BREAKDOWNS:
        code_frequencies(data, by, attribute="Institution" if by == "attribute" else None)
    code_by_speaker(data).without_empty_rows().subtree_totals()
    code_by_document(data)
    code_by_attribute(data, "Institution")
    code_cooccurrence(data)
    speaker_overview(data)
    segments = coded_segments(data)
    assert len(segments) == len(data.segments().coding_table) <= len(data.coding_table)
    assert len({(q.document, q.code, q.start, q.end) for q in segments}) == len(segments)  # one passage, one segment
    quotes(data, per_code=2, with_context=True)
    for path in paths:
        if "/" not in path:
            priority_ranking(data, path)
    if measures_parent(data) is not None:  # the measures parent chosen, or found by name
        priority_ranking(data)
    else:  # none: one clear message
        with pytest.raises(ServiceError, match="choose one"):
            priority_ranking(data)


def exports(project, paths: list[str], folder: Path, *, charts: bool) -> None:
    for name, options in (("intern", ReportOptions(charts=charts)),
                          ("partner", ReportOptions(audience="partner", speaker_label="role_institution",
                                                    charts=False))):
        report = docx.Document(str(export_report_docx(project, folder / f"{name}.docx", options)))
        assert report.paragraphs
        workbook = openpyxl.load_workbook(export_xlsx(project, folder / f"{name}.xlsx", options), read_only=True)
        assert all(len(sheet) <= 31 for sheet in workbook.sheetnames)
        workbook.close()
        with open(export_csv(project, folder / f"{name}.csv", options), encoding="utf-8-sig", newline="") as handle:
            assert list(csv.reader(handle, delimiter=";"))
    docx.Document(str(export_codebook_docx(project, folder / "codebook.docx")))
    if paths:
        docx.Document(str(export_code_quotes_docx(project, paths[0], folder / "quotes.docx")))
    with zipfile.ZipFile(export_qdpx(project, folder / "p.qdpx")) as archive:
        etree.fromstring(archive.read("project.qde"))
    if paths:
        etree.parse(str(export_qdc(project, folder / "p.qdc")))
    else:  # the schema wants at least one code: a message, no file
        with pytest.raises(ServiceError, match="code tree is empty"):
            export_qdc(project, folder / "p.qdc")
        assert not (folder / "p.qdc").exists()


SHAPES = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SHAPES
@given(project_shape)
def test_every_analysis_and_export_on_every_shape(shape):
    with tempfile.TemporaryDirectory() as folder:
        project, paths = build(Path(folder), shape)
        try:
            analyses(project, paths)
            exports(project, paths, Path(folder), charts=len(shape["codings"]) % 3 == 0)
        finally:
            project.close()


@pytest.mark.slow
@pytest.mark.skipif(not office.available() and os.environ.get("FOCUSCODER_REQUIRE_LIBREOFFICE") != "1",
                    reason="LibreOffice is not installed (FOCUSCODER_REQUIRE_LIBREOFFICE=1 makes this a failure)")
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(project_shape)
def test_the_pdf_of_every_shape(shape):
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as folder:
        project, _ = build(Path(folder), shape)
        try:
            pdf = export_report_pdf(project, Path(folder) / "r.pdf", ReportOptions(charts=False))
            assert len(PdfReader(str(pdf)).pages) >= 2
        finally:
            project.close()
