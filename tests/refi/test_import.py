"""Import of REFI-QDA files from other tools: the real files in ../shared/data/refi and the variants tools write."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import services
from app.importers.base import ReaderError
from app.importers.refi_qda import read_qdc, read_qdpx
from app.models import Project, create_project
from app.services.merge import bring_in

from tests.shared_data import REFI, needs_shared_data

P = 'xmlns="urn:QDA-XML:project:1.0"'
U1, U2 = "1B0B1791-BE46-4557-9957-7333544CFAF2", "39633935-3331-3962-6632-373436373264"
C1, C2, C3 = ("{34653336-3766-3235-6466-363134396437}", "31366536-3938-3831-6231-633830313036",
              "36636563-3863-6264-3638-303637613863")
S1, S2 = "d097e6fd-7671-4d95-a8b6-7795fa4a72e1", "E65F5EE2-9A55-47F1-BB0B-4921D8CE15C4"


def sel(guid: str, start: int, end: int, code: str | None = None, user: str = U1, name: str = "") -> str:
    coding = (f'<Coding guid="{guid[:-4]}c0de" creatingUser="{user}"><CodeRef targetGUID="{code}"/></Coding>'
              if code else "")
    return (f'<PlainTextSelection guid="{guid}" name="{name}" startPosition="{start}" endPosition="{end}">'
            f"{coding}</PlainTextSelection>")


@needs_shared_data
def test_nvivo_codebook_only_project() -> None:
    data = read_qdpx(REFI / "cproctor_nvivo_project.qdpx")
    assert data.origin == "NVivo for Mac 15.0.0"
    assert [c.name for c in data.coders] == ["chrisp", "cp"]
    assert len(data.codes) == 262 and all(code.color is None for code in data.codes)
    by_guid = {code.guid: code for code in data.codes}
    programming = next(code for code in data.codes if code.name == "programming")
    assert by_guid[by_guid[programming.parent_guid].parent_guid].name == "rq1_definition"
    assert [doc.text for doc in data.documents] == ["\n", "\n"]  # sources/.root and the .docx are not read


@needs_shared_data
def test_nvivo_project_becomes_a_project(tmp_path: Path, opened) -> None:
    project = opened(create_project(tmp_path / "nvivo.fcproj"))
    summary = bring_in(project, read_qdpx(REFI / "cproctor_nvivo_project.qdpx"))
    assert summary.added["code"] == 262 and summary.added["document"] == 2  # same text, two documents
    from app.services.queries import list_codes

    assert all(code.color.startswith("#") for code in list_codes(project))  # colours given from the palette


@needs_shared_data
def test_atlas_annex_example_without_sources(write_qdpx, tmp_path: Path, opened) -> None:
    qde = (REFI / "skyloom_Project.qde_spec-annexA2-ATLAS.ti8.4-example.xml").read_bytes()
    data = read_qdpx(write_qdpx(qde, name="atlas.qdpx"))
    assert [c.name for c in data.coders] == ["ATLAS.ti", "Friedrich Markgraf", "Sebastian Petrausch"]
    names = {code.name for code in data.codes}
    assert {"Coke::full-fat Coke", "Breakfast food", "milk"} <= names
    assert any("text is not in the file" in problem for problem in data.problems)
    assert any("PictureSource" in problem for problem in data.problems)
    project = opened(create_project(tmp_path / "atlas.fcproj"))
    summary = bring_in(project, data)
    assert summary.added["code"] == len(data.codes) and summary.added["document"] == 0
    assert summary.added["memo"] >= 2  # the notes, as project memos
    assert summary.left_out  # the missing sources are reported, not fatal


@needs_shared_data
def test_atlas_codebook(tmp_path: Path) -> None:
    data = read_qdc(REFI / "requal_test_ATLAS.ti-Win-23.4.0_codebook.qdc")
    (code,) = data.codes
    assert (code.name, code.color, code.definition, code.guid) == (
        "code1", "#46AA00", "description", "1ff58b12-6f6f-4b0c-8be5-bbdc91f55294")


def test_codebook_into_an_existing_project_adds_its_codes(project: Project, tmp_path: Path) -> None:
    services.add_code(project, "Barrieren/Sprache")
    path = tmp_path / "codes.qdc"
    path.write_text(
        '<CodeBook xmlns="urn:QDA-XML:codebook:1:0"><Codes>'
        '<Code guid="{AAAAAAAA-6F6F-4B0C-8BE5-BBDC91F55294}" name="Barrieren" isCodable="true" color="#F0A">'
        '<Code guid="BBBBBBBB-6F6F-4B0C-8BE5-BBDC91F55294" name="Sprache" isCodable="true"/>'
        '<Code guid="CCCCCCCC-6F6F-4B0C-8BE5-BBDC91F55294" name="Pro/Contra" isCodable="false" color="rgb(1,2,3)"/>'
        "</Code></Codes></CodeBook>", encoding="utf-8")
    data = read_qdc(path)
    assert [c.color for c in data.codes] == ["#FF00AA", None, "#010203"]
    summary = bring_in(project, data)
    assert summary.matched["code"] == 2 and summary.added["code"] == 1
    from app.services.queries import list_codes

    assert [c.path for c in list_codes(project)] == ["Barrieren", "Barrieren/Sprache", "Barrieren/Pro∕Contra"]


def test_lenient_project_from_another_tool(write_qdpx, tmp_path: Path, opened) -> None:
    text = "Intro\r\nA: 😀 Sprachkurs hilft.\r\nB: Praktikum!"
    qde = f"""<?xml version="1.0" encoding="utf-8"?>
<Project {P} name="x" origin="NVivo 14 (Windows)">
 <Users><User guid="{U1}" name="Lea"/><User guid="{{{U2}}}" name="Tom"/></Users>
 <CodeBook><Codes>
  <Code guid="{C1}" name="Maßnahmen" isCodable="true" color="#FFFFFF80">
   <Code guid="{C2}" name="Sprachkurs" isCodable="true"/></Code>
  <Code guid="{C3}" name="Ohne Farbe" isCodable="true" color="blau"/>
 </Codes></CodeBook>
 <Sources>
  <TextSource guid="{S1}" name="Gruppe" plainTextPath="internal://{S1.upper()}.txt">
   {sel("aaaaaaaa-0000-0000-0000-000000000001", 13, 29, C2, name="Sprachkurs hilft")}
   {sel("aaaaaaaa-0000-0000-0000-000000000002", 10, 12, C1.upper(), user=U2.lower())}
   {sel("aaaaaaaa-0000-0000-0000-000000000003", 30, 40)}
   {sel("aaaaaaaa-0000-0000-0000-000000000004", 30, 400, C3)}
  </TextSource>
  <TextSource guid="{S2}" name="Gruppe"><PlainTextContent>Inline text, coded.</PlainTextContent>
   <Coding guid="bbbbbbbb-0000-0000-0000-00000000c0de"><CodeRef targetGUID="{C3}"/></Coding>
  </TextSource>
 </Sources>
</Project>"""
    path = write_qdpx(qde, {f"Sources/{S1.upper()}.txt": b"\xef\xbb\xbf" + text.encode()}, qde_name="Export.QDE")
    data = read_qdpx(path)
    project = opened(create_project(tmp_path / "lenient.fcproj"))
    summary = bring_in(project, data)
    assert summary.added["document"] == 2 and summary.added["coder"] == 2, summary.lines()
    assert summary.added["code"] == 3 and summary.added["coding"] == 3, summary.lines()
    reasons = " ".join(reason for _kind, reason in summary.left_out)
    assert "1 selection(s) without a code" in reasons and "1 selection(s) outside the text" in reasons
    from app.services.queries import list_documents, retrieve_segments, list_codes

    names = sorted(doc.name for doc in list_documents(project))
    assert names == ["Gruppe", "Gruppe (2)"]
    codes = {c.path: c for c in list_codes(project)}
    assert codes["Maßnahmen"].color == "#FFFF80" and codes["Ohne Farbe"].color.startswith("#")
    segments = {(s.code, s.coder): s.text for s in retrieve_segments(project, [c.id for c in codes.values()])}
    # NVivo counts UTF-16 units (the emoji is 2) and CRLF as 2: converted to code points of the LF text.
    assert segments[("Maßnahmen/Sprachkurs", "Lea")] == "Sprachkurs hilft"
    assert segments[("Maßnahmen", "Tom")] == "😀"
    assert segments[("Ohne Farbe", "unknown coder")] == "Inline text, coded."


def test_not_a_project(write_qdpx, tmp_path: Path) -> None:
    with pytest.raises(ReaderError, match="holds no project.qde"):
        read_qdpx(write_qdpx("x", qde_name="readme.txt"))
    with pytest.raises(ReaderError, match="not a <Project>"):
        read_qdpx(write_qdpx('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"/>'))
    with pytest.raises(ReaderError, match="not well-formed"):
        read_qdpx(write_qdpx("<Project"))
    (tmp_path / "plain.qdpx").write_text("hello")
    with pytest.raises(ReaderError, match="not a REFI-QDA project"):
        read_qdpx(tmp_path / "plain.qdpx")
