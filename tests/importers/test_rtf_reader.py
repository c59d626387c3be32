"""RTF from Word and from f4transkript: code pages, unicode escapes, skipped destinations, fields, tables."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app.importers import canonical
from app.importers.base import Block, ReaderError
from app.importers.rtf_reader import read_rtf
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


HEADER = rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}\uc1\pard\plain\f0\fs24 "


def read(tmp_path: Path, body: bytes, *, header: bytes = HEADER, tail: bytes = b"}") -> list[Block]:
    path = tmp_path / "t.rtf"
    path.write_bytes(header + body + tail)
    return read_rtf(path)


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


# --- the shared real file -------------------------------------------------------------------------------------


@needs_shared_data
def test_shared_word_rtf_cp1252() -> None:
    blocks = read_rtf(DATA / "en_word_cp1252_trans7.rtf")
    assert texts(blocks) == [
        "Researcher 2:\tOctober 7, 1892.  ",
        # the label "Teacher 4:" is split over three runs ("Teacher ", "4", ":") in the file
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
    whole = "\n".join(texts(blocks))
    # header ("1892 ... Page 1 of 1") and footer ("www.verbalink.com") with PAGE/NUMPAGES fields are gone
    for leak in ("PAGE", "NUMPAGES", "verbalink", "Page", "Times New Roman", "Normal", "\\", "{", "}"):
        assert leak not in whole
    assert not re.search(r"[0-9a-f]{40}", whole)  # no theme data / picture hex


# --- f4transkript ----------------------------------------------------------------------------------------------


def test_f4transkript_rtf(tmp_path: Path) -> None:
    f4 = (
        rb"{\rtf1\ansi\ansicpg1252\deff0\deflang1031{\fonttbl{\f0\fnil\fcharset0 Arial;}}" b"\r\n"
        rb"{\*\generator f4transkript 7.0;}\viewkind4\uc1\pard\sa200\sl276\slmult1\lang7\f0\fs22 "
        rb"I: Sch\'f6n, dass Sie da sind. Erz\'e4hlen Sie doch mal. #00:00:07-3#\par" b"\r\n"
        rb"\par" b"\r\n"
        rb"B: Ja, also \'84gro\'dfartig\'93 war es nicht \endash  eher m\'fchsam. #00:01:22-6#\par" b"\r\n"
        rb"I: Und dann? #00:01:25-0#\par" b"\r\n"
        rb"B: (lacht) Dann kam die Ausbildung. #00:01:40-9#\par" b"\r\n"
        rb"}" b"\r\n\x00"
    )
    path = tmp_path / "f4.rtf"
    path.write_bytes(f4)
    assert read_rtf(path) == [
        Block("I: Schön, dass Sie da sind. Erzählen Sie doch mal. #00:00:07-3#"),
        Block("B: Ja, also „großartig“ war es nicht – eher mühsam. #00:01:22-6#"),
        Block("I: Und dann? #00:01:25-0#"),
        Block("B: (lacht) Dann kam die Ausbildung. #00:01:40-9#"),
    ]


# --- characters ------------------------------------------------------------------------------------------------


def test_cp1252_hex_escapes(tmp_path: Path) -> None:
    body = rb"Gr\'fc\'dfe aus K\'f6ln, \'84Zitat\'93 \'96 \'85 \'80\par"
    assert texts(read(tmp_path, body)) == ["Grüße aus Köln, „Zitat“ – … €"]


def test_unicode_escapes_and_fallbacks(tmp_path: Path) -> None:
    body = (
        rb"Gr\u252?\u223?e \u8222\'84Zitat\u8220\'93 "  # \uc1: one fallback character each
        rb"{\uc2\u954\'3f\'3f\u945??}-"  # \uc2: two fallback characters
        rb"{\uc0\u955\u8230}-"  # \uc0: no fallback
        rb"\u-10179?\u-8704?-"  # negative numbers, a surrogate pair: U+1F600
        rb"\u-3880?"  # U+F0D8, a private-use symbol
        rb"\par"
    )
    assert texts(read(tmp_path, body)) == ["Grüße „Zitat“ κα-λ…-😀-\uf0d8"]


def test_missing_fallback_does_not_swallow_structure(tmp_path: Path) -> None:
    assert texts(read(tmp_path, rb"a\u8230\par b\u8230\u8230\par")) == ["a…", "b……"]


def test_code_page_per_font(tmp_path: Path) -> None:
    header = (
        rb"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}{\f1\fswiss\fcharset204 Arial Cyr;}"
        rb"{\f2\fswiss\fcharset238 Arial CE;}{\f3\fnil\fcharset128 MS Mincho;}}\pard "
    )
    body = rb"\f1 \'cf\'f0\'e8\'e2\'e5\'f2 \f0 M\'fcller \f2 \'b3\'f3d\'9f {\f3 \'82\'a0\'82\'a2}\'b3\plain \'b3\par"
    # the group ends the Japanese font (back to Central European); \plain goes back to the default font
    assert texts(read(tmp_path, body, header=header)) == ["Привет Müller łódź あいł³"]


def test_document_code_page(tmp_path: Path) -> None:
    header = rb"{\rtf1\ansi\ansicpg1251\deff0{\fonttbl{\f0\fnil\fcharset204 Arial;}}\f0 "
    assert texts(read(tmp_path, rb"\'cf\'f0\'e8\'e2\'e5\'f2\par", header=header)) == ["Привет"]
    header = rb"{\rtf1\ansi\ansicpg1251 "
    assert texts(read(tmp_path, rb"\'cf\'f0\'e8\'e2\'e5\'f2\par", header=header)) == ["Привет"]


def test_raw_eight_bit_bytes_use_the_code_page(tmp_path: Path) -> None:
    assert texts(read(tmp_path, b"Gr\xfc\xdfe\\par")) == ["Grüße"]


def test_special_characters_and_symbols(tmp_path: Path) -> None:
    body = rb"A\line B\tab C\~D\-E\_F\emdash\lquote x\rquote\ldblquote y\rdblquote\bullet \endash\{\}\\\par"
    assert texts(read(tmp_path, body)) == ["A\nB\tC\u00a0DE-F—‘x’“y”•–{}\\"]


def test_line_ends_in_the_file_are_not_text(tmp_path: Path) -> None:
    body = b"Hal\r\nlo Wel\nt\\par\r\nzwei\\\r\ndrei\\par"  # backslash + line end is a paragraph mark
    assert texts(read(tmp_path, body)) == ["Hallo Welt", "zwei", "drei"]


def test_text_is_canonical(tmp_path: Path) -> None:
    assert texts(read(tmp_path, rb"Mu\u776?ller\u8232?x\par")) == ["Müller\nx"]


# --- what is not body text -------------------------------------------------------------------------------------


def test_header_footer_notes_fields_and_pictures_are_excluded(tmp_path: Path) -> None:
    body = (
        rb"{\info{\title TITEL}{\author AUTOR}}"
        rb"{\header \pard KOPF \par}{\footerr \pard FUSS {\field{\*\fldinst PAGE}{\fldrslt 1}}\par}"
        rb"{\stylesheet{\s0 Normal;}}"
        rb"\pard Moderator: Siehe {\field{\*\fldinst {HYPERLINK \"https://example.org\"}}"
        rb"{\fldrslt {\ul Webseite}}}.\par "
        rb"B1: Text{\super\chftn}{\footnote\pard\plain{\super\chftn} FUSSNOTE\par}{\*\annotation KOMMENTAR} weiter"
        rb"{\*\bkmkstart mark}{\*\bkmkend mark}.\par "
        rb"{\pict\pngblip\picw10 89504e470d0a1a0a}Bild{\*\shppict{\pict 00ff}}{\nonshppict{\pict 00ff}}\par "
        rb"Feld ohne Stern: {\field{\fldinst PAGE}{\fldrslt 7}}\par "
        rb"{\*\unknowndestination UNBEKANNT}{\listtext\pard\plain 1.\tab}Punkt eins\par "
        rb"{\upr{Gr\'fc\'dfe}{\*\ud{Gr\u252?\u223?e}}}\par "
        rb"{\*\themedata 504b0304}{\*\datastore 0105}"
    )
    assert texts(read(tmp_path, body)) == [
        "Moderator: Siehe Webseite.", "B1: Text weiter.", "Bild", "Feld ohne Stern: 7", "Punkt eins", "Grüße",
    ]


def test_tracked_deletions_are_excluded(tmp_path: Path) -> None:
    body = rb"Wir {\deleted haben nie}{\revised hatten oft} Probleme.\deleted  weg\deleted0  da\par"
    assert texts(read(tmp_path, body)) == ["Wir hatten oft Probleme. da"]


def test_binary_data_is_skipped_unseen(tmp_path: Path) -> None:
    body = b"A{\\*\\objdata\\bin6 }}{\\x{}B\\par"
    assert texts(read(tmp_path, body)) == ["AB"]


def test_empty_paragraphs_and_page_breaks(tmp_path: Path) -> None:
    body = rb"\par\par   \par\page B1: nach Seitenumbruch\par\sect\sectd Ende\par"
    assert texts(read(tmp_path, body)) == ["B1: nach Seitenumbruch", "Ende"]


# --- tables ----------------------------------------------------------------------------------------------------


def test_speaker_table(tmp_path: Path) -> None:
    row = rb"\trowd\trgaph108\cellx2000\cellx9000"
    body = (
        rb"\pard Vorher\par "
        + row + rb"\pard\intbl Interviewer:\cell Wie war das?\cell\row "
        + row + rb"\pard\intbl B1\cell Gut.\par Sehr gut.\cell\row "
        + row + rb"\pard\intbl\cell Weiter.\cell\row "
        + row + rb"\pard\intbl {Inter}{viewer:}\cell Danke.\cell\row "
        + rb"\pard Nach der Tabelle.\par"
    )
    assert read(tmp_path, body) == [
        Block("Vorher"),
        Block("Wie war das?", speaker="Interviewer"),
        Block("Gut.\nSehr gut.", speaker="B1"),
        Block("Weiter."),
        Block("Danke.", speaker="Interviewer"),
        Block("Nach der Tabelle."),
    ]


def test_other_table_and_table_at_end(tmp_path: Path) -> None:
    row = rb"\trowd\cellx1000\cellx2000\cellx3000"
    body = (
        row + rb"\pard\intbl Zeit\cell Sprecher\cell Text\cell\row "
        + row + rb"\pard\intbl 00:01\cell I\cell Hallo\cell\row "
        + row + rb"\pard\intbl 00:05\cell B\cell Hi\cell"  # the last \row is missing
    )
    assert texts(read(tmp_path, body)) == ["Zeit\tSprecher\tText", "00:01\tI\tHallo", "00:05\tB\tHi"]


# --- bad input -------------------------------------------------------------------------------------------------


def test_unbalanced_braces(tmp_path: Path) -> None:
    assert texts(read(tmp_path, rb"Hallo\par Welt", tail=b"")) == ["Hallo", "Welt"]  # truncated file
    assert texts(read(tmp_path, rb"A\par}B\par")) == ["A"]  # text after the document group is not RTF
    assert texts(read(tmp_path, rb"A\par}}}}", tail=b"")) == ["A"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"Interviewer: hallo", r"is not an RTF file \(it does not start with \{\\rtf\)"),
        (b"PK\x03\x04" + bytes(30), "zip-based document"),
        (b"{\\rtx1 hallo}", "is not an RTF file"),
    ],
)
def test_not_rtf(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.rtf"
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=message) as info:
        read_rtf(path)
    assert str(info.value).startswith("x.rtf: ")


def test_nesting_bomb(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="nested"):
        read(tmp_path, b"{" * 100_000)


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(canonical, "MAX_FILE_BYTES", 100)
    with pytest.raises(ReaderError, match="too large"):
        read(tmp_path, b"x" * 200)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        read_rtf(tmp_path / "gone.rtf")


@needs_shared_data
def test_truncated_shared_file(tmp_path: Path) -> None:
    whole = (DATA / "en_word_cp1252_trans7.rtf").read_bytes()
    for cut in range(0, len(whole), 997):
        path = tmp_path / "cut.rtf"
        path.write_bytes(whole[:cut])
        try:
            blocks = read_rtf(path)
        except ReaderError:
            continue
        for block in blocks:
            assert "PAGE" not in block.text and "\\" not in block.text and "\r" not in block.text
