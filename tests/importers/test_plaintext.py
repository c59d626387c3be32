"""Plain-text transcripts: one block per non-blank line, any common encoding and line end."""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importers import canonical, read_document
from app.importers.base import Block, ReaderError
from app.importers.plaintext import read_lines, read_paragraphs, read_txt
from tests.shared_data import TRANSCRIPTS as DATA, needs_shared_data


TRANSCRIPT = (
    "Fokusgruppe Integration, 12.03.2024\n"
    "\n"
    "Moderatorin: Was hat bei der Ausbildung geholfen?\n"
    "B1 (Kammer): Die Sprachförderung – „berufsbezogen“, nicht allgemein.\n"
    "   und die Betreuung im Betrieb.\n"
    "\n"
    "\n"
    "Dr. Weber: Äußerst wichtig war die Anerkennung. €\n"
)
EXPECTED = [
    Block("Fokusgruppe Integration, 12.03.2024"),
    Block("Moderatorin: Was hat bei der Ausbildung geholfen?"),
    Block("B1 (Kammer): Die Sprachförderung – „berufsbezogen“, nicht allgemein."),
    Block("   und die Betreuung im Betrieb."),
    Block("Dr. Weber: Äußerst wichtig war die Anerkennung. €"),
]


@needs_shared_data
def test_shared_utf8_bom_gat_transcript() -> None:
    blocks = read_txt(DATA / "de_lecturer_R2-DESC_utf8-bom_GAT.txt")
    assert [b.text[:40] for b in blocks] == [
        "Interviewer = S01",  # the BOM is gone
        "S01: Ja. (.) Genau, also so ein bisschen",
        "S00: So, Lea, bitte transkribieren, zieh",
        "S01: Ähm, und es geht dabei um, äh, also",
        "S00: Das ist klar. Ich glaube, die größe",
    ]
    assert blocks[4].text.endswith("der da ganz frisch ist. (.)")
    assert all(b.speaker is None for b in blocks)
    assert all("\ufeff" not in b.text and "\r" not in b.text for b in blocks)


@needs_shared_data
def test_shared_idn_labels_transcript() -> None:
    blocks = read_txt(DATA / "en_qualcoder_transcript_idN-labels.txt")
    assert len(blocks) == 7
    assert blocks[0].text.startswith("[id1] hello, I like the course.")
    assert blocks[-1] == Block("[id2] Hmm, I will ask the tutor for more help as I am really struggling.")


# latin-1 has no „“ – €: its transcript uses ASCII quotes and dashes, as latin-1 files do.
LATIN1_TRANSCRIPT = TRANSCRIPT.replace("„", '"').replace("“", '"').replace("–", "-").replace("€", "EUR")


@pytest.mark.parametrize(
    ("encoding", "bom", "text"),
    [
        ("utf-8", b"", TRANSCRIPT),
        ("utf-8", codecs.BOM_UTF8, TRANSCRIPT),
        ("utf-16-le", codecs.BOM_UTF16_LE, TRANSCRIPT),
        ("utf-16-be", codecs.BOM_UTF16_BE, TRANSCRIPT),
        ("utf-16-le", b"", TRANSCRIPT),
        ("utf-16-be", b"", TRANSCRIPT),
        ("cp1252", b"", TRANSCRIPT),
        ("latin-1", b"", LATIN1_TRANSCRIPT),
    ],
    ids=["utf-8", "utf-8-sig", "utf-16-le-bom", "utf-16-be-bom", "utf-16-le-nobom", "utf-16-be-nobom", "cp1252",
         "latin-1"],
)
@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"], ids=["lf", "crlf", "cr"])
def test_encodings_and_line_ends(tmp_path: Path, encoding: str, bom: bytes, text: str, newline: str) -> None:
    path = tmp_path / "fg.txt"
    path.write_bytes(bom + text.replace("\n", newline).encode(encoding))
    expected = [Block(line) for line in text.split("\n") if line.strip()]
    assert read_txt(path) == expected
    if text is TRANSCRIPT:
        assert read_txt(path) == EXPECTED


def test_nfc_and_unicode_line_separators(tmp_path: Path) -> None:
    path = tmp_path / "fg.txt"
    path.write_text("I: Mu\u0308ller\u2028B: ja\u2029\n", encoding="utf-8")
    assert read_txt(path) == [Block("I: Müller"), Block("B: ja")]


def test_other_control_characters_are_not_line_breaks(tmp_path: Path) -> None:
    path = tmp_path / "fg.txt"
    path.write_text("I: a\x0cb\x85c\n", encoding="utf-8")
    assert read_txt(path) == [Block("I: a\x0cb\x85c")]


def test_blank_and_whitespace_lines_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "fg.txt"
    path.write_text("\n \n\t\nI: a\n  \n", encoding="utf-8")
    assert read_txt(path) == [Block("I: a")]


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_txt(path) == []


def test_binary_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    with pytest.raises(ReaderError, match="photo.txt: .*binary"):
        read_txt(path)


def test_size_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"I: hallo\n" * 200)
    monkeypatch.setattr(canonical, "MAX_FILE_BYTES", 1000)
    with pytest.raises(ReaderError, match="too large"):
        read_txt(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="not found"):
        read_txt(tmp_path / "missing.txt")


# --- the paragraphs' text handed on with them (read_paragraphs) ------------------------------------------------

_LINE_PIECES = st.sampled_from(["", " ", "\t", "\u00a0", "\u3000", "A: x", "ä", "e\u0301", "\ufeff", "\x0b", "\x85",
                                "\u2028", "\r", "\r\n", "\n", "\n\n", "Moderatorin: Hallo.", "  und so"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=12), st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
def test_the_text_read_with_the_paragraphs_is_the_paragraphs_joined(pieces: list[str], encoding: str) -> None:
    content = "".join(pieces)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "t.txt"
        try:
            path.write_bytes(content.encode(encoding))
        except UnicodeEncodeError:
            return
        try:
            lines, text, utf8 = read_paragraphs(path)
        except ReaderError:
            return  # not text (too many control characters): nothing was read
        assert lines == read_lines(path)
        assert text == "\n".join(lines)
        assert utf8 is None or utf8 == text.encode("utf-8")
        document = read_document(path)
        assert document.utf8 is None or document.utf8 == document.text.encode("utf-8")


def test_the_text_read_with_the_paragraphs_of_real_files(tmp_path: Path) -> None:
    files = sorted(DATA.glob("*.txt")) + [Path(__file__).resolve().parents[2] / "resources/sample/workshop_de.txt"]
    (tmp_path / "plain.txt").write_text(TRANSCRIPT, encoding="utf-8")
    (tmp_path / "no-end.txt").write_text("A: x\nB: y", encoding="utf-8")
    for path in [*files, *tmp_path.iterdir()]:
        lines, text, utf8 = read_paragraphs(path)
        assert text == "\n".join(lines)
        assert utf8 is None or utf8 == text.encode("utf-8")
        for document in (read_document(path), read_document(path, name="renamed")):
            assert document.utf8 is None or document.utf8 == document.text.encode("utf-8")
    assert read_paragraphs(tmp_path / "plain.txt")[2] is None  # blank lines left out: the lines joined again
    assert read_paragraphs(tmp_path / "no-end.txt")[2] == b"A: x\nB: y"  # a UTF-8 file hands on its bytes
    assert read_document(tmp_path / "no-end.txt", name="x").utf8 == b"A: x\nB: y"


def test_a_copy_of_a_document_does_not_carry_its_bytes(tmp_path: Path) -> None:
    import dataclasses

    (tmp_path / "a.txt").write_text("A: x\nB: y\n", encoding="utf-8")
    document = read_document(tmp_path / "a.txt")
    assert document.utf8 == b"A: x\nB: y"
    changed = dataclasses.replace(document, text="A: z\nB: y")
    assert changed.utf8 is None and changed == dataclasses.replace(document, text="A: z\nB: y")
    assert document == dataclasses.replace(document)  # the bytes take no part in equality
