"""OpenDocument text: paragraphs, headings, lists, tables, spaces/tabs/line breaks, no notes or comments."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.importers.base import Block, ReaderError
from app.importers.odt_reader import read_odt
from app.importers.rtf_reader import read_rtf
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def write_odt(path: Path, body: str, *, mimetype: str = "application/vnd.oasis.opendocument.text",
              kind: str = "text") -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {NAMESPACES} office:version="1.2"><office:body>'
        f"<office:{kind}>{body}</office:{kind}></office:body></office:document-content>"
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)  # stored, first, as ODF wants it
        archive.writestr("content.xml", content)
        archive.writestr("META-INF/manifest.xml", "<manifest/>")
    return path


def read_body(tmp_path: Path, body: str) -> list[Block]:
    return read_odt(write_odt(tmp_path / "t.odt", body))


# --- the shared real file -------------------------------------------------------------------------------------


@needs_shared_data
def test_shared_trans8() -> None:
    blocks = read_odt(DATA / "en_trans8.odt")
    assert [b.text for b in blocks] == [
        "Researcher 2:\tOctober 7, 1892.  ",
        "Teacher 4:\tStudents it’s time to learn.  ",
        "[Student discussion; unintelligible]",
        "Multiple Students:\tYes teacher we‘re ready to learn.  ",
        "Teacher 4:\tLet's read this terrific book together.  It's called Moo Baa La La La and – what was I going "
        "to …  Oh yes — The story is by Sandra Boynton.  ",
        "“A cow says Moo. A Sheep says Baa. Three singing pigs say LA LA LA! \"No, no!\" you say, that isn't right. "
        "The pigs say oink all day and night. Rhinoceroses snort and snuff. And little dogs go ruff ruff ruff! Some "
        "other dogs go bow wow wow! And cats and kittens say Meow! Quack! Says the duck. A horse says neigh. It's "
        "quiet now. What do you say? ”",
    ]
    assert all(b.speaker is None for b in blocks)


@needs_shared_data
def test_shared_odt_and_rtf_are_the_same_transcript() -> None:
    """trans7.rtf and trans8.odt hold the same text; both readers must agree to the character."""
    assert read_odt(DATA / "en_trans8.odt") == read_rtf(DATA / "en_word_cp1252_trans7.rtf")


# --- written by hand ------------------------------------------------------------------------------------------


def test_spaces_tabs_and_line_breaks(tmp_path: Path) -> None:
    body = (
        '<text:p>I:<text:tab/>eins<text:s/>zwei<text:s text:c="3"/>drei<text:line-break/>vier</text:p>'
        '<text:p text:style-name="P1"><text:span text:style-name="T1">Teacher<text:s/></text:span>'
        '<text:span>4</text:span>:<text:span><text:tab/></text:span>Students</text:p>'
    )
    assert read_body(tmp_path, body) == [Block("I:\teins zwei   drei\nvier"), Block("Teacher 4:\tStudents")]


def test_xml_white_space_is_collapsed(tmp_path: Path) -> None:
    body = """
      <text:p>
         B1:   Wir   haben
         <text:span> viel </text:span>  gelernt.
      </text:p>
      <text:p>  <text:s text:c="2"/>eingerückt</text:p>
    """
    # white space in the XML at the start of a paragraph is dropped; text:s is kept
    assert read_body(tmp_path, body) == [Block("B1: Wir haben viel gelernt."), Block("  eingerückt")]


def test_headings_lists_sections(tmp_path: Path) -> None:
    body = (
        '<text:h text:outline-level="1">Fokusgruppe 3</text:h>'
        "<text:section><text:p>Moderator: Welche Maßnahmen?</text:p></text:section>"
        "<text:list><text:list-item><text:p>Sprachkurse</text:p></text:list-item>"
        "<text:list-item><text:number>2.</text:number><text:p>Mentoring</text:p>"
        "<text:list><text:list-item><text:p>im Betrieb</text:p></text:list-item></text:list></text:list-item>"
        "</text:list>"
        "<text:p/><text:p>   </text:p>"
    )
    assert read_body(tmp_path, body) == [
        Block("Fokusgruppe 3"), Block("Moderator: Welche Maßnahmen?"), Block("Sprachkurse"), Block("Mentoring"),
        Block("im Betrieb"),
    ]


def test_notes_comments_frames_and_tracked_changes_are_not_text(tmp_path: Path) -> None:
    body = (
        "<text:tracked-changes><text:changed-region text:id=\"c1\"><text:deletion>"
        "<text:p>GELÖSCHT</text:p></text:deletion></text:changed-region></text:tracked-changes>"
        "<text:p>Text<text:note text:note-class=\"footnote\"><text:note-citation>1</text:note-citation>"
        "<text:note-body><text:p>FUSSNOTE</text:p></text:note-body></text:note> weiter"
        "<office:annotation><dc:creator>A</dc:creator><text:p>KOMMENTAR</text:p></office:annotation>"
        "<draw:frame><draw:text-box><text:p>RAHMEN</text:p></draw:text-box></draw:frame>."
        "<text:change text:change-id=\"c1\"/></text:p>"
        "<text:p><text:a xlink:href=\"https://example.org\">Link</text:a> und "
        "<text:bookmark text:name=\"x\"/>Feld <text:page-number>3</text:page-number></text:p>"
    )
    assert read_body(tmp_path, body) == [Block("Text weiter."), Block("Link und Feld 3")]


def test_speaker_table(tmp_path: Path) -> None:
    def row(*cells: str) -> str:
        return "<table:table-row>" + "".join(
            f"<table:table-cell><text:p>{c}</text:p></table:table-cell>" if c else "<table:table-cell/>"
            for c in cells
        ) + "</table:table-row>"

    body = (
        "<text:p>Vorher</text:p>"
        '<table:table table:name="T"><table:table-column table:number-columns-repeated="2"/>'
        "<table:table-header-rows>" + row("Sprecher", "Text") + "</table:table-header-rows>"
        + row("Interviewer:", "Was hat geholfen?")
        + "<table:table-row><table:table-cell><text:p>B1</text:p></table:table-cell><table:table-cell>"
          "<text:p>Die Kurse.</text:p><text:p>Und der Mentor.</text:p></table:table-cell></table:table-row>"
        + row("", "(Pause)")
        + row("Interviewer:", "Danke.")
        + '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>[Ende Teil 1]</text:p>'
          "</table:table-cell><table:covered-table-cell/></table:table-row>"
        + "</table:table><text:p>Nachher</text:p>"
    )
    assert read_body(tmp_path, body) == [
        Block("Vorher"),
        Block("Sprecher\tText"),
        Block("Was hat geholfen?", speaker="Interviewer"),
        Block("Die Kurse.\nUnd der Mentor.", speaker="B1"),
        Block("(Pause)"),
        Block("Danke.", speaker="Interviewer"),
        Block("[Ende Teil 1]"),
        Block("Nachher"),
    ]


def test_vertically_merged_label_and_generic_table(tmp_path: Path) -> None:
    body = (
        "<table:table>"
        '<table:table-row><table:table-cell table:number-rows-spanned="2"><text:p>B2</text:p></table:table-cell>'
        "<table:table-cell><text:p>Erstens.</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:covered-table-cell/><table:table-cell><text:p>Zweitens.</text:p>"
        "</table:table-cell></table:table-row>"
        "<table:table-row><table:table-cell><text:p>B2</text:p></table:table-cell>"
        "<table:table-cell><text:p>Drittens.</text:p></table:table-cell></table:table-row>"
        "</table:table>"
        "<table:table><table:table-row>"
        '<table:table-cell><text:p>a</text:p></table:table-cell><table:table-cell table:number-columns-repeated="2">'
        "<text:p>b</text:p></table:table-cell></table:table-row>"
        '<table:table-row table:number-rows-repeated="1000"><table:table-cell table:number-columns-repeated="3"/>'
        "</table:table-row></table:table>"
    )
    assert read_body(tmp_path, body) == [
        Block("Erstens.", speaker="B2"), Block("Zweitens.", speaker="B2"), Block("Drittens.", speaker="B2"),
        Block("a\tb\tb"),
    ]


def test_text_is_canonical(tmp_path: Path) -> None:
    assert read_body(tmp_path, "<text:p>Mu\u0308ller&#13;&#10;ja\u2028nein</text:p>") == [Block("Müller ja\nnein")]


# --- bad input ------------------------------------------------------------------------------------------------


def test_spreadsheet_renamed_to_odt(tmp_path: Path) -> None:
    path = write_odt(tmp_path / "calc.odt", "", mimetype="application/vnd.oasis.opendocument.spreadsheet",
                     kind="spreadsheet")
    with pytest.raises(ReaderError, match="calc.odt: is not a text document: it is an OpenDocument spreadsheet"):
        read_odt(path)


def test_spreadsheet_without_mimetype(tmp_path: Path) -> None:
    path = tmp_path / "calc.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", f"<office:document-content {NAMESPACES}><office:body>"
                                        "<office:spreadsheet/></office:body></office:document-content>")
    with pytest.raises(ReaderError, match="spreadsheet"):
        read_odt(path)


def test_zip_without_content(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    with pytest.raises(ReaderError, match=r"x.odt: is not a OpenDocument text \(.odt\) or it is damaged"):
        read_odt(path)


def test_not_odf_content(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<html><body>hi</body></html>")
    with pytest.raises(ReaderError, match="not ODF content"):
        read_odt(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.odt"
    path.write_bytes(b"I: hallo")
    with pytest.raises(ReaderError, match=r"x.odt: is not a OpenDocument text \(.odt\) or it is damaged"):
        read_odt(path)


@needs_shared_data
def test_truncated_odt(tmp_path: Path) -> None:
    whole = (DATA / "en_trans8.odt").read_bytes()
    for cut in (3, len(whole) // 3, len(whole) - 10):
        path = tmp_path / "cut.odt"
        path.write_bytes(whole[:cut])
        with pytest.raises(ReaderError):
            read_odt(path)


def test_huge_space_count_is_capped(tmp_path: Path) -> None:
    blocks = read_body(tmp_path, '<text:p>a<text:s text:c="999999999"/>b<text:s text:c="x"/>c</text:p>')
    assert blocks == [Block("a" + " " * 1000 + "b c")]


@pytest.mark.parametrize(
    "body",
    [
        "<text:p>" + "<text:span>" * 2000 + "x" + "</text:span>" * 2000 + "</text:p>",
        "<text:section>" * 2000 + "<text:p>x</text:p>" + "</text:section>" * 2000,
        "<table:table><table:table-row><table:table-cell>" * 150 + "<text:p>" + "<text:span>" * 150 + "x"
        + "</text:span>" * 150 + "</text:p>" + "</table:table-cell></table:table-row></table:table>" * 150,
        "<table:table>" + "<table:table-row-group>" * 2000 + "</table:table-row-group>" * 2000 + "</table:table>",
    ],
    ids=["spans", "sections", "tables", "row-groups"],
)
def test_deep_nesting_is_refused(tmp_path: Path, body: str) -> None:
    with pytest.raises(ReaderError, match="nested more than"):
        read_body(tmp_path, body)
