"""Property tests: whatever the bytes, a reader returns canonical blocks or raises ReaderError, nothing else."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers.base import Block, ReaderError
from app.importers.canonical import canonical_text, decode_bytes
from app.importers.docx_reader import read_docx, table_blocks
from app.importers.markdown_reader import read_markdown
from app.importers.odt_reader import read_odt
from app.importers.pdf_reader import read_pdf
from app.importers.plaintext import read_txt
from app.importers.rtf_reader import read_rtf
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


READERS: dict[str, Callable[[Path], list[Block]]] = {
    "txt": read_txt, "docx": read_docx, "odt": read_odt, "rtf": read_rtf, "pdf": read_pdf,
    "md": read_markdown,
}
SEEDS = {
    "txt": DATA / "de_lecturer_R2-DESC_utf8-bom_GAT.txt",
    "docx": DATA / "en_qualcoder_test_file_specialchars.docx",
    "odt": DATA / "en_trans8.odt",
    "rtf": DATA / "en_word_cp1252_trans7.rtf",
    "pdf": DATA / "en_pdpilot_userstudy_P6_numbered-paragraphs.pdf",
    "md": DATA / "de_landgraf_altenpflege_jekyll-bold-labels-IAL.md",
}
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def check_blocks(blocks: object) -> None:
    assert isinstance(blocks, list)
    for block in blocks:
        assert isinstance(block, Block)
        assert isinstance(block.text, str) and block.text.strip()
        assert canonical_text(block.text) == block.text
        assert "\r" not in block.text
        if block.speaker is not None:
            assert block.speaker.strip() and canonical_text(block.speaker) == block.speaker


def read_bytes_as(tmp_path: Path, kind: str, data: bytes) -> None:
    path = tmp_path / f"fuzz.{kind}"
    path.write_bytes(data)
    try:
        blocks = READERS[kind](path)
    except ReaderError as error:
        assert str(error).startswith(f"fuzz.{kind}: ")
        return
    check_blocks(blocks)


@pytest.mark.parametrize("kind", list(READERS))
@FUZZ
@given(data=st.binary(max_size=2000))
def test_arbitrary_bytes(tmp_path: Path, kind: str, data: bytes) -> None:
    read_bytes_as(tmp_path, kind, data)


@needs_shared_data
@pytest.mark.parametrize("kind", list(READERS))
@FUZZ
@given(edits=st.lists(st.tuples(st.floats(0, 1), st.binary(min_size=0, max_size=8)), min_size=1, max_size=6),
       cut=st.floats(0.05, 1))
def test_damaged_real_files(tmp_path: Path, kind: str, edits: list[tuple[float, bytes]], cut: float) -> None:
    """The shared files with bytes overwritten and the end cut off."""
    data = bytearray(SEEDS[kind].read_bytes())
    for where, replacement in edits:
        position = int(where * (len(data) - 1))
        data[position:position + len(replacement)] = replacement
    read_bytes_as(tmp_path, kind, bytes(data[: max(1, int(len(data) * cut))]))


# --- structured fuzzing: well-formed containers around hostile content ------------------------------------------

RTF_TOKENS = st.sampled_from([
    b"{", b"}", b"\\par ", b"\\line ", b"\\tab ", b"\\cell ", b"\\row ", b"\\intbl ", b"\\pard ", b"\\plain ",
    b"\\*", b"\\fldinst ", b"\\fldrslt ", b"\\field ", b"\\header ", b"\\footnote ", b"\\u8222?", b"\\u-10179?",
    b"\\u-8704?", b"\\u55357 ", b"\\uc0 ", b"\\uc2 ", b"\\'84", b"\\'e4", b"\\'8", b"\\'", b"\\bin3 ", b"\\bin99999 ",
    b"\\f1 ", b"\\fonttbl ", b"\\fcharset128 ", b"\\fcharset204 ", b"\\ansicpg1251 ", b"\\ansicpg999 ", b"\\deleted ",
    b"\\deleted0 ", b"\\~", b"\\-", b"\\\\", b"\\{", b"\\}", b"\\\r\n", b"\r\n", b"\x00", b"\xff", b"I: ", b"B1: ",
    b"Gr\xfc\xdfe ", b"text ", b"\\u", b"\\u-", b"\\ucx", b"\\uc-5 ", b"\\u99999999 ",
])


@FUZZ
@given(tokens=st.lists(RTF_TOKENS, max_size=80))
def test_rtf_token_soup(tmp_path: Path, tokens: list[bytes]) -> None:
    read_bytes_as(tmp_path, "rtf", b"{\\rtf1\\ansi " + b"".join(tokens) + b"}")


DOCX_FRAGMENTS = st.sampled_from([
    "<w:p>", "</w:p>", "<w:r>", "</w:r>", "<w:t>Text</w:t>", '<w:t xml:space="preserve"> B1: ja </w:t>',
    "<w:tab/>", "<w:br/>", '<w:br w:type="page"/>', "<w:cr/>", '<w:fldChar w:fldCharType="begin"/>',
    '<w:fldChar w:fldCharType="separate"/>', '<w:fldChar w:fldCharType="end"/>', "<w:instrText> PAGE </w:instrText>",
    "<w:delText>weg</w:delText>", "<w:tbl>", "</w:tbl>", "<w:tr>", "</w:tr>", "<w:tc>", "</w:tc>",
    '<w:tcPr><w:vMerge/></w:tcPr>', "<w:hyperlink>", "</w:hyperlink>", "<w:del>", "</w:del>", "<w:sdt>",
    "</w:sdt>", "<w:sdtContent>", "</w:sdtContent>", "&#13;", "\u2028", "a\u0308", "&amp;",
    # whole runs and paragraphs, so that text actually gets through
    "<w:r><w:t>Interviewer</w:t></w:r>", "<w:r><w:t>B1:</w:t></w:r>", "<w:r><w:t>&#13;x\u2029y</w:t></w:r>",
    "<w:p><w:r><w:t>Moderatorin: Und?</w:t></w:r></w:p>", "<w:p><w:r><w:t>Dr. Weber</w:t></w:r></w:p>",
    '<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
    '<w:r><w:fldChar w:fldCharType="end"/></w:r>', '<w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r>',
])


def balanced_docx(fragments: list[str]) -> bytes:
    """A document.xml from fragments; tags are closed so the XML is well-formed whatever the order."""
    open_tags: list[str] = []
    out = []
    for fragment in fragments:
        if fragment.startswith("</"):
            name = fragment[2:-1]
            if name in open_tags:
                while open_tags:
                    top = open_tags.pop()
                    out.append(f"</{top}>")
                    if top == name:
                        break
            continue
        if fragment.startswith("<w:") and not fragment.endswith("/>") and "</" not in fragment:
            open_tags.append(fragment[1:-1].split()[0])
        out.append(fragment)
    out.extend(f"</{name}>" for name in reversed(open_tags))
    document = (
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
        + "".join(out) + "</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


@FUZZ
@given(fragments=st.lists(DOCX_FRAGMENTS, max_size=60))
def test_docx_structure_soup(tmp_path: Path, fragments: list[str]) -> None:
    read_bytes_as(tmp_path, "docx", balanced_docx(fragments))
    path = tmp_path / "fuzz.docx"
    if "HYPERLINK" not in "".join(fragments) and "PAGE" not in "".join(fragments):
        return
    try:
        blocks = read_docx(path)
    except ReaderError:
        return
    assert not any("HYPERLINK" in block.text or "PAGE" in block.text for block in blocks)


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=3000))
def test_decode_bytes_never_fails_otherwise(data: bytes) -> None:
    try:
        text = decode_bytes(data, "x.txt")
    except ReaderError:
        return
    assert isinstance(text, str) and "\x00" not in text


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=300))
def test_utf8_text_round_trips(text: str) -> None:
    """Any UTF-8 text without NULs or many control characters decodes to itself."""
    if "\x00" in text or sum(ch < " " and ch not in "\t\n\r\f\v\x1a" for ch in text) > 8 or text.startswith("\ufeff"):
        return
    assert decode_bytes(text.encode("utf-8"), "x.txt") == text


CELL = st.one_of(st.none(), st.text(max_size=30), st.sampled_from(["I:", "B1", "Dr. Weber", "", "Sprecher"]))


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.lists(CELL, min_size=1, max_size=3), max_size=8))
def test_table_blocks_are_canonical(rows: list[list[str | None]]) -> None:
    check_blocks(table_blocks(rows))
