"""Export a coded project as .qdpx/.qdc, validate against the REFI-QDA schemas, import it again: same content."""

from __future__ import annotations

import sqlite3
import zipfile
from contextlib import closing
from pathlib import Path

from lxml import etree

from app.export.refi_qda import export_qdc, export_qdpx
from app.importers.refi_qda import read_qdc, read_qdpx
from app.models import Project, create_project
from app.services.merge import bring_in

from .conftest import TEXT


def content(path: Path) -> dict[str, object]:
    """What a researcher sees of a project, by GUID and name but without row ids."""
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        q = lambda sql: sorted(db.execute(sql).fetchall())  # noqa: E731
        return {
            "documents": q("SELECT guid, name, text, sha256, group_name FROM document"),
            "codes": q("SELECT c.guid, c.name, p.guid, c.color, c.definition, c.anchor_example, c.coding_rule,"
                       " c.position FROM code c LEFT JOIN code p ON p.id = c.parent_id"),
            "codings": q("SELECT g.guid, d.guid, c.guid, k.name, g.start, g.\"end\", substr(d.text, g.start + 1,"
                         " g.\"end\" - g.start) FROM coding g JOIN document d ON d.id = g.document_id"
                         " JOIN code c ON c.id = g.code_id JOIN coder k ON k.id = g.coder_id"),
            "coders": q("SELECT guid, name FROM coder"),
            "memos": q("SELECT m.text, m.title, d.guid, c.guid, s.name, g.guid, a.name FROM memo m"
                       " LEFT JOIN document d ON d.id = m.document_id LEFT JOIN code c ON c.id = m.code_id"
                       " LEFT JOIN speaker s ON s.id = m.speaker_id LEFT JOIN coding g ON g.id = m.coding_id"
                       " LEFT JOIN coder a ON a.id = m.author_id"),
            "speakers": q("SELECT guid, name FROM speaker"),
            "turns": q("SELECT d.guid, t.position, s.guid, t.start, t.\"end\" FROM turn t"
                       " JOIN document d ON d.id = t.document_id LEFT JOIN speaker s ON s.id = t.speaker_id"),
            "values": q("SELECT a.name, a.type, a.scope, coalesce(s.name, d.name), v.value FROM attribute_value v"
                        " JOIN attribute a ON a.id = v.attribute_id LEFT JOIN speaker s ON s.id = v.speaker_id"
                        " LEFT JOIN document d ON d.id = v.document_id"),
        }


def test_exported_project_validates_and_keeps_text_and_positions(coded: Project, tmp_path: Path,
                                                                  project_schema) -> None:
    path = export_qdpx(coded, tmp_path / "study.qdpx")
    with zipfile.ZipFile(path) as archive:
        qde = etree.fromstring(archive.read("project.qde"))
        assert project_schema.validate(qde), project_schema.error_log
        ns = {"q": "urn:QDA-XML:project:1.0"}
        (source,) = qde.findall(".//q:TextSource", ns)
        guid = source.get("guid")
        assert source.get("plainTextPath") == f"internal://{guid}.txt"
        raw = archive.read(f"sources/{guid}.txt")
    assert raw == TEXT.encode("utf-8") and b"\r" not in raw and not raw.startswith(b"\xef\xbb\xbf")
    # Positions are code points: the emoji counts one.
    coded_texts = {sel.get("name"): raw.decode()[int(sel.get("startPosition")):int(sel.get("endPosition"))]
                   for sel in qde.findall(".//q:PlainTextSelection", ns) if sel.find("q:Coding", ns) is not None}
    assert "👍🏽 und der Sprachkurs" in coded_texts.values()
    assert all(" ".join(text.split()).startswith(name.rstrip("…")) for name, text in coded_texts.items())


def test_exported_codebook_validates(coded: Project, tmp_path: Path, codebook_schema) -> None:
    path = export_qdc(coded, tmp_path / "codes.qdc")
    assert codebook_schema.validate(etree.parse(str(path))), codebook_schema.error_log
    codes = read_qdc(path).codes
    assert [c.name for c in codes] == ["Barrieren", "Sprache", "Maßnahmen", "Sprachkurs", "Praktikum"]
    sprache = codes[1]
    assert (sprache.definition, sprache.anchor_example, sprache.coding_rule, sprache.color) == (
        "Sprache als Hürde", "„Ohne Deutsch geht nichts“", "Nur explizite Nennungen", "#112233")


def test_round_trip_keeps_everything(coded: Project, tmp_path: Path, opened, project_schema) -> None:
    exported = export_qdpx(coded, tmp_path / "study.qdpx")
    data = read_qdpx(exported)
    assert data.problems == []
    copy = opened(create_project(tmp_path / "copy.fcproj"))
    summary = bring_in(copy, data)
    assert not summary.left_out
    before, after = content(coded.path), content(copy.path)
    for key in before:
        assert after[key] == before[key], key
    assert len(before["codings"]) == 5 and len(before["memos"]) == 5 and len(before["turns"]) == 4
    # The copy exports to a valid file again, with the same selections.
    again = export_qdpx(copy, tmp_path / "again.qdpx")
    with zipfile.ZipFile(exported) as first, zipfile.ZipFile(again) as second:
        assert project_schema.validate(etree.fromstring(second.read("project.qde")))
        strip = lambda b: etree.tostring(_without_dates(etree.fromstring(b)))  # noqa: E731
        assert strip(first.read("project.qde")) == strip(second.read("project.qde"))


def _without_dates(root):  # noqa: ANN001, ANN202
    for element in root.iter():
        element.attrib.pop("creationDateTime", None)
    root.set("name", "")
    return root


def test_importing_our_file_twice_adds_nothing(coded: Project, tmp_path: Path) -> None:
    exported = export_qdpx(coded, tmp_path / "study.qdpx")
    summary = bring_in(coded, read_qdpx(exported))
    assert sum(summary.added.values()) == 0 and not summary.left_out
    assert summary.matched["coding"] == 5 and summary.matched["document"] == 1


def test_empty_project_exports_a_valid_file(project: Project, tmp_path: Path, project_schema) -> None:
    path = export_qdpx(project, tmp_path / "empty.qdpx")
    with zipfile.ZipFile(path) as archive:
        assert project_schema.validate(etree.fromstring(archive.read("project.qde")))
