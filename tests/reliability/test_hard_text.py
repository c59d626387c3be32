"""Text that breaks other tools: characters outside the BMP, combining accents, Arabic and Farsi, zero-width
characters, mixed line endings: positions stay exact through import, coding, .qdpx and Word export, and import
back. NUL bytes are refused with a message that says where (see ``canonical.py`` for why they are not dropped)."""

from __future__ import annotations

import docx
import pytest

from app.export.exports import export_code_quotes_docx
from app.export.refi_qda import export_qdpx
from app.export.report import ReportOptions
from app.importers import ReaderError, read_document
from app.importers.refi_qda import read_exchange_file
from app.models import create_project
from app.services import add_code, apply_code, import_documents
from app.services.merge import bring_in

LINES = [
    "Moderatorin: Willkommen 👋🏽 zur Runde – wer fängt an?",
    "Frau Ahmadi: سلام، من از تجربه‌ام در کلاس زبان می‌گویم.",  # Farsi with zero-width non-joiners
    "Herr Haddad: التدريب المهني هو المفتاح 🔑 للعمل.",  # Arabic
    "B1: Die Familie 👨‍👩‍👧‍👦 kam 2015; Deutsch 🇩🇪 war schwer.",  # ZWJ sequence, flag (regional indicators)
    "B2: Zéro\u200bwidth\u2060joiner, q\u0307 und a\u0308\u0301 kombiniert, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und 𠀀.",
    "Moderatorin: Danke! \u200fRTL-Marke und \u202aeingebettet\u202c.",
]
QUOTES = ["👋🏽 zur Runde", "تجربه‌ام در کلاس", "المفتاح 🔑", "👨‍👩‍👧‍👦 kam 2015; Deutsch 🇩🇪",
          "Zéro\u200bwidth\u2060joiner, q\u0307 und ä\u0301", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 und 𠀀", "\u202aeingebettet\u202c"]


@pytest.fixture
def hard_file(tmp_path):
    endings = ["\r\n", "\n", "\r", "\r\n", "\n", "\r\n"]
    data = "\ufeff" + "".join(line + end for line, end in zip(LINES, endings))
    # "a\u0308" composes to "ä" (NFC) on import; the quotes are written in that canonical form
    path = tmp_path / "Gruppe Vielfalt.txt"
    path.write_bytes(data.encode("utf-8"))
    return path


def test_hard_text_keeps_exact_positions_through_coding_export_and_import_back(hard_file, tmp_path):
    document = read_document(hard_file)
    assert "\r" not in document.text and "\ufeff" not in document.text
    assert [turn.speaker for turn in document.turns] == ["Moderatorin", "Frau Ahmadi", "Herr Haddad", "B1", "B2",
                                                         "Moderatorin"]
    with create_project(tmp_path / "vielfalt.fcproj") as project:
        import_documents(project, [document])
        add_code(project, "Vielfalt")
        spans = []
        for quote in QUOTES:
            start = document.text.index(quote)
            apply_code(project, document=document.name, code="Vielfalt", start=start, end=start + len(quote))
            spans.append((start, start + len(quote)))
        export_qdpx(project, tmp_path / "vielfalt.qdpx")
        export_code_quotes_docx(project, "Vielfalt", tmp_path / "zitate.docx", ReportOptions(quotes_per_code=None))

    data = read_exchange_file(tmp_path / "vielfalt.qdpx")
    with create_project(tmp_path / "zurück.fcproj") as back:
        bring_in(back, data)
        with back.reading() as session:
            text = session.connection().exec_driver_sql("SELECT text FROM document").scalar()
            codings = session.connection().exec_driver_sql('SELECT start, "end" FROM coding ORDER BY start').all()
    assert text == document.text
    assert sorted(spans) == [tuple(row) for row in codings]
    assert [text[start:end] for start, end in sorted(spans)] == [document.text[s:e] for s, e in sorted(spans)]

    word = "\n".join(paragraph.text for paragraph in docx.Document(tmp_path / "zitate.docx").paragraphs)
    for quote in QUOTES:
        visible = "".join(ch for ch in quote if ch not in "\u200b\u2060\u202a\u202c")  # Word may drop formatting marks
        assert quote in word or visible in word, quote


@pytest.mark.parametrize("data", [
    b"Moderatorin: Hallo\nB1: Ja\x00 genau\n",
    "Moderatorin: Hallo\r\nB1: Ja\x00\r\n".encode("cp1252"),
])
def test_a_nul_byte_in_a_text_file_is_refused_with_where_it_is(tmp_path, data):
    path = tmp_path / "mit_nul.txt"
    path.write_bytes(data)
    with pytest.raises(ReaderError, match=r"^mit_nul\.txt: contains a NUL byte \(line 2\)"):
        read_document(path)
