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


# --- sources read as the file is parsed ------------------------------------------------------------------------

_G = "00000000-0000-4000-8000-{:012d}".format


def _source(number: int, values: bool = False, kind: str = "TextSource", inline: bool = True, long: bool = True
            ) -> str:
    # Long enough that the parser has not read ahead to the end of the file when the source ends.
    text = f"Text {number}: Hallo Welt, noch mehr Text." + " Und weiter." * (20_000 if long else 0)
    content = f"<PlainTextContent>{text}</PlainTextContent>" if inline else ""
    value = (f'<VariableValue><VariableRef targetGUID="{_G(900)}"/><TextValue>v{number}</TextValue></VariableValue>'
             if values else "")
    selections = "".join(
        f'<PlainTextSelection guid="{_G(number * 100 + k)}" startPosition="{k}" endPosition="{k + 5 if k < 30 else 99}">'
        + (f'<Coding guid="{_G(number * 100 + 50 + k)}"><CodeRef targetGUID="{_G(800)}"/></Coding>' if k % 2 else "")
        + (f'<Description>note {k}</Description>' if k == 3 else "") + "</PlainTextSelection>"
        for k in range(0, 40, 3))
    return (f'<{kind} guid="{_G(number)}" name="S{number}"' + ("" if inline else ' plainTextPath="internal://x.txt"')
            + f">{content}{selections}<Description>about {number}</Description>{value}</{kind}>")


_VARIABLES = f'<Variables><Variable guid="{_G(900)}" name="Ort" typeOfVariable="Text"/></Variables>'
# Many variables, the one the values name last: half of them are parsed when a short source before them ends.
_MANY_VARIABLES = ("<Variables>" + "".join(f'<Variable guid="{_G(10_000 + k)}" name="V{k}" typeOfVariable="Text"/>'
                                           for k in range(3_000))
                   + f'<Variable guid="{_G(900)}" name="Ort" typeOfVariable="Text"/></Variables>')
_CODES = f'<CodeBook><Codes><Code guid="{_G(800)}" name="A" isCodable="true"/></Codes></CodeBook>'
_CASE = (f'<Cases><Case guid="{_G(700)}" name="Amal">'
         f'<VariableValue><VariableRef targetGUID="{_G(900)}"/><TextValue>x</TextValue></VariableValue>'
         f'<SelectionRef targetGUID="{_G(103)}"/><SelectionRef targetGUID="{_G(200)}"/></Case></Cases>')


def _project(*parts: str, origin: str = "MAXQDA") -> str:
    return f'<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}">{"".join(parts)}</Project>'


@pytest.mark.parametrize("qde", [
    _project(_CODES, _VARIABLES, _CASE, f"<Sources>{_source(1, True)}{_source(2)}</Sources>"),
    # the variables after the sources: a source with values waits for the end, and so does every one after it
    _project(_CODES, _CASE, f"<Sources>{_source(1)}{_source(2, True)}{_source(3)}</Sources>", _VARIABLES),
    _project(_CODES, f"<Sources>{_source(1)}{_source(2)}</Sources>", _VARIABLES, _CASE),
    # sources the reader does not read (a second Sources, one elsewhere), a PDF, a text that is not in the file
    _project(_CODES, _VARIABLES, f"<Sources>{_source(1)}{_source(2, kind='PDFSource')}{_source(3, inline=False)}"
             f"</Sources><Sources>{_source(4)}</Sources><Notes>{_source(5)}</Notes>", _CASE),
    _project(f"<Sources>{_source(1)}</Sources>", origin="FocusCoder 0.1.0"),
    _project(_CODES, _CASE, f"<Sources>{_source(1)}{_source(2, True, long=False)}</Sources>", _MANY_VARIABLES),
    f'<Other xmlns="urn:QDA-XML:project:1.0"><Project name="inner"><Sources>{_source(1)}</Sources></Project></Other>',
])
def test_sources_read_while_parsing_as_from_the_whole_tree(write_qdpx, qde: str) -> None:
    from pathlib import Path

    from app.importers.refi_qda import read_project_element
    from app.importers.safezip import parse_large_xml

    path = write_qdpx(qde)
    root = parse_large_xml(qde.encode(), path, "project.qde")
    try:
        whole = read_project_element(root, lambda name: None, Path(path)) if root.tag.endswith("Project") else None
    except ReaderError as exc:
        whole = exc.problem
    try:
        streamed = read_qdpx(path)
    except ReaderError as exc:
        assert whole is None and "holds a <Other>" in exc.problem
        return
    assert streamed == whole
    assert streamed.codings or streamed.problems


@pytest.mark.parametrize("text", ["Hallo Welt", "Hallo 🙂 Welt", "Hallo\r\nWelt"])
def test_a_selection_without_a_whole_number_position_is_left_out(write_qdpx, text: str) -> None:
    # It raised a TypeError before positions were read in one step (no position: None compared with 0).
    selections = "".join(
        f'<PlainTextSelection guid="{_G(k)}" {span}><Coding guid="{_G(50 + k)}"><CodeRef targetGUID="{_G(800)}"/>'
        "</Coding></PlainTextSelection>"
        for k, span in enumerate(['endPosition="5"', 'startPosition="x" endPosition="5"', 'startPosition=" 1 " '
                                  'endPosition="4"', 'startPosition="1" endPosition="99"']))
    qde = _project(_CODES, f'<Sources><TextSource guid="{_G(1)}" name="S"><PlainTextContent>{text}'
                           f"</PlainTextContent>{selections}</TextSource></Sources>")
    data = read_qdpx(write_qdpx(qde))
    assert [(c.start, c.end) for c in data.codings] == [(1, 4)]
    assert data.problems == [f"'S': 3 selection(s) outside the text ({len(text.replace(chr(13), ''))} characters) "
                             "were left out"]


def test_positions_in_an_unchanged_text_read_as_the_general_way() -> None:
    from app.importers.refi_positions import PositionMap
    from app.importers.refi_sources import _within
    from app.importers.refi_xml import integer

    positions = PositionMap("Hallo Welt")
    assert positions.unchanged and not positions.has_astral
    for value in (None, "", "0", "10", "11", "-1", " 3 ", "+4", "1_0", "5.0", "x", "٣", "99999999999999999999"):
        number = integer(value)
        assert _within(10)(value) == (None if number is None else positions.from_code_point(number)), value
