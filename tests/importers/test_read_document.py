"""read_document: the reader by suffix, the speakers option, and every way a file can be unreadable."""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import app.importers as importers
from app.importers import SUPPORTED_SUFFIXES, ParsedDocument, ReaderError, read_document

TRANSCRIPT = "Fokusgruppe 1\nModeratorin: Was hilft?\nB1: Sprachkurse.\n   und Mentoring.\nModeratorin: Danke.\n"


def said(doc: ParsedDocument) -> list[tuple[str | None, str]]:
    return [(t.speaker, doc.turn_text(t)) for t in doc.turns]


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) >= {".txt", ".docx", ".odt", ".rtf", ".srt", ".vtt", ".csv", ".tsv", ".xlsx", ".pdf",
                                       ".md", ".json", ".html", ".htm"}


@pytest.mark.parametrize("file_name", ["gruppe1.txt", "gruppe1.TXT", "gruppe1.text"])
def test_plain_text_is_read_as_paragraphs_with_turns(tmp_path: Path, file_name: str) -> None:
    path = tmp_path / file_name
    path.write_text(TRANSCRIPT, encoding="utf-8")
    doc = read_document(path)
    assert doc.text == TRANSCRIPT.rstrip("\n")
    assert said(doc) == [("Moderatorin", "Was hilft?"), ("B1", "Sprachkurse.\n   und Mentoring."),
                         ("Moderatorin", "Danke.")]
    assert (doc.name, doc.source_name, doc.source_format) == ("gruppe1", file_name, "txt")


def test_markdown_is_read_as_markdown(tmp_path: Path) -> None:
    path = tmp_path / "gruppe1.md"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    doc = read_document(path)
    # The same turns; Markdown takes the spaces before a line that goes on a paragraph for layout.
    assert said(doc) == [("Moderatorin", "Was hilft?"), ("B1", "Sprachkurse.\nund Mentoring."), ("Moderatorin", "Danke.")]
    assert doc.source_format == "md"


def test_docx_with_paragraphs_and_a_speaker_table(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Workshop Integration")
    document.add_paragraph("Moderatorin: Was hilft?")
    table = document.add_table(rows=3, cols=2)
    cells = [("Anna Weber", "Sprachkurse."), ("Moderatorin:", "Danke."), ("Anna Weber", "Gern.")]
    for row, (speaker, words) in zip(table.rows, cells):
        row.cells[0].text, row.cells[1].text = speaker, words
    path = tmp_path / "workshop.docx"
    document.save(path)
    doc = read_document(path)
    assert doc.text == ("Workshop Integration\nModeratorin: Was hilft?\nAnna Weber: Sprachkurse.\n"
                        "Moderatorin: Danke.\nAnna Weber: Gern.")
    assert said(doc) == [("Moderatorin", "Was hilft?"), ("Anna Weber", "Sprachkurse."), ("Moderatorin", "Danke."),
                         ("Anna Weber", "Gern.")]
    assert doc.source_format == "docx"


def test_speakers_none_and_regex_are_passed_on(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    assert read_document(path, speakers="none").turns == ()
    doc = read_document(path, speakers=r"(B\d):")
    assert said(doc) == [("B1", "Sprachkurse.\n   und Mentoring.\nModeratorin: Danke.")]


def test_name_overrides_the_file_stem(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text(TRANSCRIPT, encoding="utf-8")
    assert read_document(path, name="Fokusgruppe Jobcenter").name == "Fokusgruppe Jobcenter"


def test_structured_formats(tmp_path: Path) -> None:
    (tmp_path / "a.srt").write_text("1\n00:00:01,000 --> 00:00:02,000\nAnna: Hallo\n", encoding="utf-8")
    (tmp_path / "a.vtt").write_text("WEBVTT\n\n00:01.000 --> 00:02.000\n<v Anna>Hallo\n", encoding="utf-8")
    (tmp_path / "a.csv").write_text("Name;Text\nAnna;Hallo\n", encoding="utf-8")
    (tmp_path / "a.tsv").write_text("Name\tText\nAnna\tHallo, du; da\n", encoding="utf-8")
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name", "Text"])
    workbook.active.append(["Anna", "Hallo"])
    workbook.save(tmp_path / "a.xlsx")
    for suffix, words in [("srt", "Hallo"), ("vtt", "Hallo"), ("csv", "Hallo"), ("tsv", "Hallo, du; da"),
                          ("xlsx", "Hallo")]:
        doc = read_document(tmp_path / f"a.{suffix}", name="A")
        assert (doc.name, doc.source_format, said(doc)) == ("A", suffix, [("Anna", words)])


def test_unsupported_suffix(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    path.write_bytes(b"PK")
    with pytest.raises(ReaderError, match=r"'\.pptx' is not supported"):
        read_document(path)
    no_suffix = tmp_path / "README"
    no_suffix.write_text("x")
    with pytest.raises(ReaderError, match="not supported"):
        read_document(no_suffix)


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        read_document(tmp_path / "missing.docx")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ReaderError, match="folder"):
        read_document(folder)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("I: x")
    monkeypatch.setattr(importers.os, "access", lambda *_args: False)  # root may read anything: fake the denial
    with pytest.raises(ReaderError, match="permission denied") as error:
        read_document(path)
    assert error.value.path == path


def test_invalid_speaker_pattern_is_reported_before_the_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not a valid regular expression"):
        read_document(tmp_path / "missing.txt", speakers="(unclosed")


def test_a_reader_failing_unexpectedly_becomes_a_reader_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import app.importers.plaintext as plaintext

    def broken(path: Path) -> list:
        raise ValueError("something odd")

    monkeypatch.setattr(plaintext, "read_paragraphs", broken)
    path = tmp_path / "g.txt"
    path.write_text("I: x")
    with pytest.raises(ReaderError, match="something odd"):
        read_document(path)


def test_damaged_files_are_reader_errors(tmp_path: Path) -> None:
    for name, content in [("a.docx", b"not a zip"), ("a.odt", b""), ("a.xlsx", b"PK"), ("a.rtf", b"\x00\x01" * 10),
                          ("a.txt", b"\x00\x01\x02\x03" * 100), ("a.srt", b"garbage without timing")]:
        (tmp_path / name).write_bytes(content)
        with pytest.raises(ReaderError):
            read_document(tmp_path / name)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from(SUPPORTED_SUFFIXES))
def test_arbitrary_bytes_in_any_format_give_a_document_or_a_reader_error(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"x{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except ReaderError as error:
        assert "unexpected" not in str(error)  # a reader's own message, not the dispatcher's safety net
        return
    for turn in doc.turns:
        assert 0 <= turn.start < turn.end <= len(doc.text)
