"""The .qdpx import parses project.qde with lxml (a DTD refused before lxml sees it), walks each selection's
children once and remembers GUIDs: hostile files are still refused, and what is read is what was read before."""

from __future__ import annotations

import uuid

import pytest

from app.importers.base import ReaderError
from app.importers.refi_qda import read_qdpx
from app.importers.refi_xml import guid

from .test_hostile import GOOD_QDE, LAUGHS, XXE

PROJECT = '<Project xmlns="urn:QDA-XML:project:1.0" name="x">'


@pytest.mark.parametrize("xml", [
    XXE,
    LAUGHS,
    # the DTD after a prolog longer than the first piece the check reads
    '<?xml version="1.0"?>' + "<!--" + "x" * 200_000 + "-->" + XXE.split("?>", 1)[1],
    '<!DOCTYPE Project SYSTEM "http://example.org/evil.dtd">' + PROJECT + "</Project>",
])
def test_declarations_are_refused(write_qdpx, xml: str) -> None:
    with pytest.raises(ReaderError, match="DTD/entities"):
        read_qdpx(write_qdpx(xml))


def test_declarations_in_utf16_are_refused(write_qdpx) -> None:
    xml = XXE.replace('version="1.0"', 'version="1.0" encoding="UTF-16"')
    with pytest.raises(ReaderError, match="DTD/entities"):
        read_qdpx(write_qdpx(xml.encode("utf-16")))


@pytest.mark.parametrize("xml", ["<Project", PROJECT + "<Sources></Project>", "", "\x00\x01"])
def test_damaged_xml_is_reported(write_qdpx, xml: str) -> None:
    with pytest.raises(ReaderError, match="not well-formed"):
        read_qdpx(write_qdpx(xml))


def test_comments_and_instructions_are_not_sources(write_qdpx) -> None:
    qde = (PROJECT + "<!-- exported by hand --><?tool x?><Sources><!-- none --><?pi?>"
           '<TextSource guid="a1a1a1a1-0000-4000-8000-000000000000" name="T"><PlainTextContent>Hallo Welt'
           '</PlainTextContent><!-- c --><PlainTextSelection guid="b1b1b1b1-0000-4000-8000-000000000000" '
           'startPosition="0" endPosition="5"><!-- c --><Coding guid="c1c1c1c1-0000-4000-8000-000000000000">'
           '<!-- c --><CodeRef targetGUID="d1d1d1d1-0000-4000-8000-000000000000"/></Coding></PlainTextSelection>'
           "</TextSource></Sources></Project>")
    data = read_qdpx(write_qdpx(qde))
    assert not data.problems
    assert [(c.guid, c.start, c.end) for c in data.codings] == [("c1c1c1c1-0000-4000-8000-000000000000", 0, 5)]


def test_a_good_file_still_reads(write_qdpx) -> None:
    assert read_qdpx(write_qdpx(GOOD_QDE)).name == "x"


def test_guids_as_before() -> None:
    def before(value: str | None) -> str | None:  # the reader's guid() before it remembered any
        cleaned = None if value is None else value.strip().strip("{}").strip().lower() or None
        if cleaned is None:
            return None
        if len(cleaned) == 36 and all(c in "0123456789abcdef-" for c in cleaned) and cleaned.count("-") == 4 \
                and [len(p) for p in cleaned.split("-")] == [8, 4, 4, 4, 12]:
            return cleaned
        return str(uuid.uuid5(uuid.NAMESPACE_URL, cleaned))

    for value in ("{ABCDEF01-2345-6789-ABCD-EF0123456789}", "abcdef01-2345-6789-abcd-ef0123456789",
                  "abcdef01-2345-6789-abcd-ef0123456789\n", "a" * 32, " x ", "😀", "ABCDEF01-2345-6789-ABCD-EF0123456789"):
        assert guid(value) == before(value) == guid(value), value
    fresh = {guid(None), guid(None), guid(""), guid(""), guid(" {} ")}
    assert len(fresh) == 5  # no GUID at all: a new one each time, never a remembered one
