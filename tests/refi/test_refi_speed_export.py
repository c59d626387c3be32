"""The .qdpx export writes selections as text instead of lxml elements and streams project.qde into the zip:
the file must be what lxml wrote, byte for byte, whatever the names and passages hold."""

from __future__ import annotations

import random
import zipfile
from datetime import datetime

import pytest
from lxml import etree

from app.export import refi_qda
from app.export.refi_selections import attribute
from app.models.exchange import (
    CodeData,
    CoderData,
    CodingData,
    DocumentData,
    MemoData,
    ProjectData,
    SpeakerData,
    TurnData,
)

NS = refi_qda.PROJECT_NS
TRICKY = ["a & b", "<tag>", 'say "hi"', "it's", "tab\there", "line\nbreak", "cr\rlf", "]]>", "ä ß 😀 שפה",
          "  spaced  "]


def _lxml_selections(data: ProjectData, doc: DocumentData) -> bytes:
    """A source's selections as the lxml version of the export built them, serialised at their depth."""
    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
    source = etree.SubElement(etree.SubElement(root, f"{{{NS}}}Sources"), f"{{{NS}}}TextSource")
    names = {speaker.guid: speaker.name for speaker in data.speakers}
    for index, turn in enumerate(doc.turns):
        if turn.end > turn.start:
            etree.SubElement(source, f"{{{NS}}}PlainTextSelection", guid=refi_qda._turn_guid(doc.guid, index),
                             name=refi_qda._turn_label(names.get(turn.speaker_guid), doc.text, turn.start, turn.end),
                             startPosition=str(turn.start), endPosition=str(turn.end))
    notes = refi_qda._memo_refs(data)
    for coding in (c for c in data.codings if c.document_guid == doc.guid):
        selection = etree.SubElement(source, f"{{{NS}}}PlainTextSelection", guid=refi_qda._selection_guid(coding.guid),
                                     name=refi_qda._label(doc.text, coding.start, coding.end),
                                     startPosition=str(coding.start), endPosition=str(coding.end))
        element = etree.SubElement(selection, f"{{{NS}}}Coding", guid=coding.guid)
        for target in (selection, element):
            if coding.coder_guid:
                target.set("creatingUser", coding.coder_guid)
            if coding.created_at:
                target.set("creationDateTime", refi_qda._when(coding.created_at))
        etree.SubElement(element, f"{{{NS}}}CodeRef", targetGUID=coding.code_guid)
        for note in notes.get(coding.guid, ()):
            etree.SubElement(element, f"{{{NS}}}NoteRef", targetGUID=note)
    serialised = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    start = serialised.index(b"<TextSource>\n") + len(b"<TextSource>\n")
    return serialised[start:serialised.index(b"    </TextSource>")]


def _tricky_project(seed: int) -> ProjectData:
    rng = random.Random(seed)
    words = TRICKY + ["Wort", "\n\n", "  ", "x"]
    text = "".join(rng.choice(words) + " " for _ in range(200))
    speakers = [SpeakerData(f"00000000-0000-4000-8000-00000000000{i}", rng.choice(TRICKY)) for i in range(3)]
    turns = []
    for _ in range(15):
        start = rng.randrange(len(text))
        turns.append(TurnData(start, min(len(text), start + rng.choice([0, 5, 80, 400])),
                              rng.choice([None, *[s.guid for s in speakers]])))
    coders = [CoderData("11111111-1111-4111-8111-111111111111", "Anna"), CoderData("b" * 32, "Ben")]
    codings = []
    for index in range(40):
        start = rng.randrange(len(text) - 1)
        codings.append(CodingData(
            f"{index:032x}", "d0c00000-0000-4000-8000-000000000000", "c0de0000-0000-4000-8000-000000000000",
            rng.choice([None, coders[0].guid, coders[1].guid]), start, min(len(text), start + rng.randint(1, 600)),
            created_at=rng.choice([None, datetime(2026, 1, 2, 3, 4, 5, 678)]),
        ))
    memos = [MemoData(f"{index:08x}-0000-4000-8000-000000000000", f"memo {index}", "", "coding", codings[index].guid)
             for index in (1, 1, 7)]  # two memos on one coding: two NoteRefs
    document = DocumentData("d0c00000-0000-4000-8000-000000000000", "Doc & <1>", text, turns=tuple(turns))
    return ProjectData(name='Study "A" & B', coders=coders, codes=[CodeData(codings[0].code_guid, "Code")],
                       speakers=speakers, documents=[document], codings=codings, memos=memos)


@pytest.mark.parametrize("seed", range(5))
def test_selections_written_as_text_are_what_lxml_wrote(seed: int) -> None:
    data = _tricky_project(seed)
    qde, _files = refi_qda.project_xml(data)
    doc = data.documents[0]
    expected = _lxml_selections(data, doc)
    assert expected in qde
    assert qde.count(b"<PlainTextSelection") == expected.count(b"<PlainTextSelection")
    etree.fromstring(qde)  # well-formed


def test_attribute_escaping_matches_lxml() -> None:
    for value in TRICKY + ["".join(TRICKY), ""]:
        element = etree.Element("x", v=value)
        assert etree.tostring(element, encoding="unicode") == f'<x v="{attribute(value)}"/>'
    for bad in ("\x00", "bell\x07", "\ufffe"):
        with pytest.raises(ValueError):
            etree.Element("x", v=bad)
        with pytest.raises(ValueError):
            attribute(bad)


def test_streamed_file_is_the_whole_file(tmp_path) -> None:
    data = _tricky_project(9)
    path = refi_qda.write_qdpx(data, tmp_path / "study.qdpx")
    qde, files = refi_qda.project_xml(data)
    with zipfile.ZipFile(path) as archive:
        assert archive.namelist() == ["project.qde", *files]
        written = archive.read("project.qde")
        assert {name: archive.read(name) for name in files} == files
    time = b'creationDateTime="'
    cut = lambda qde: qde[:qde.index(time)] + qde[qde.index(time) + len(time) + 21:]
    assert cut(written) == cut(qde)


def test_a_failing_write_stops_the_export_and_leaves_no_file(tmp_path, monkeypatch) -> None:
    written = []

    def write(chunk: bytes) -> None:
        if len(written) == 2:
            raise OSError("disk full")
        written.append(chunk)

    with pytest.raises(OSError, match="disk full"):
        refi_qda._write_behind(write, iter([b"a", b"b", b"c", b"d"]))
    assert written == [b"a", b"b"]

    def failing_chunks():
        yield b"a"
        raise ValueError("All strings must be XML compatible")

    with pytest.raises(ValueError):
        refi_qda._write_behind(written.append, failing_chunks())
    monkeypatch.setattr(refi_qda, "project_chunks", lambda data: failing_chunks())
    with pytest.raises(ValueError):
        refi_qda.write_qdpx(_tricky_project(1), tmp_path / "study.qdpx")
    assert list(tmp_path.iterdir()) == []
