"""Hostile REFI-QDA files are refused with a clear message, and a failed import leaves nothing behind."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from app.cli import main
from app.importers.base import ReaderError
from app.importers.refi_qda import read_qdc, read_qdpx
from app.models import Project
from app.services import merge_parts
from app.services.merge import bring_in

from tests.shared_data import REFI, needs_shared_data

GOOD_QDE = '<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>'
XXE = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
       '<Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>')
LAUGHS = ('<?xml version="1.0"?><!DOCTYPE p [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
          '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><Project xmlns="urn:QDA-XML:project:1.0" name="&c;"/>')


@pytest.mark.parametrize(
    ("member", "message"),
    [("../../evil.txt", "unsafe entry name"), ("/etc/cron.d/x", "unsafe entry name"),
     ("sources/..\\..\\x.txt", "unsafe entry name"), ("C:/x.txt", "unsafe entry name")],
)
def test_path_traversal_is_refused(write_qdpx, member: str, message: str) -> None:
    with pytest.raises(ReaderError, match=message):
        read_qdpx(write_qdpx(GOOD_QDE, {member: b"x"}))


def test_zip_bomb_by_ratio_is_refused(write_qdpx) -> None:
    bomb = write_qdpx(GOOD_QDE, {"sources/a.txt": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(ReaderError, match="zip bomb"):
        read_qdpx(bomb)


def test_zip_bomb_by_size_is_refused(write_qdpx, monkeypatch) -> None:
    import app.importers.refi_qda as refi_qda

    monkeypatch.setattr(refi_qda, "MAX_PROJECT_BYTES", 64 * 1024)  # a .qdpx has its own, larger size budget
    path = write_qdpx(GOOD_QDE, {f"sources/{n}.txt": bytes(range(256)) * 100 for n in range(4)})
    with pytest.raises(ReaderError, match="unpacks to more than"):
        read_qdpx(path)


def test_lying_sizes_are_caught_while_unpacking(write_qdpx, monkeypatch) -> None:
    import app.importers.refi_qda as refi_qda

    monkeypatch.setattr(refi_qda, "MAX_PROJECT_BYTES", 1000)
    with pytest.raises(ReaderError, match="too large|unpacks to more than"):
        read_qdpx(write_qdpx(GOOD_QDE + " " * 2000))


@pytest.mark.parametrize("xml", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_xml_entities_are_refused(write_qdpx, tmp_path: Path, xml: str) -> None:
    with pytest.raises(ReaderError, match="DTD/entities"):
        read_qdpx(write_qdpx(xml))
    codebook = tmp_path / "codes.qdc"
    codebook.write_text(xml.replace("Project", "CodeBook"))
    with pytest.raises(ReaderError, match="DTD/entities"):
        read_qdc(codebook)


def test_cli_refuses_a_hostile_file_and_creates_no_project(write_qdpx, tmp_path: Path, capsys) -> None:
    target = tmp_path / "new.fcproj"
    assert main(["import", str(target), str(write_qdpx(XXE))]) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: other.qdpx: was refused") and err.count("\n") == 1
    assert not target.exists()


@needs_shared_data
def test_a_failing_import_leaves_the_project_unchanged(project: Project, dump, monkeypatch) -> None:
    data = read_qdpx(REFI / "cproctor_nvivo_project.qdpx")
    before = dump(project.path)

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("app.services.merge.add_memos", broken)
    with pytest.raises(RuntimeError):
        bring_in(project, data)
    assert dump(project.path) == before
    assert merge_parts.add_memos is not broken


@needs_shared_data
def test_cli_import_that_fails_midway_leaves_no_file(tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.setattr("app.services.merge.add_memos", lambda *a, **k: (_ for _ in ()).throw(OSError("disk full")))
    target = tmp_path / "new.fcproj"
    assert main(["import", str(target), str(REFI / "cproctor_nvivo_project.qdpx")]) == 1
    assert "disk full" in capsys.readouterr().err
    assert not target.exists()


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "x.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", "<Project")
    with pytest.raises(ReaderError, match="not well-formed"):
        read_qdpx(path)


def test_a_large_honest_project_is_not_mistaken_for_a_bomb(tmp_path, monkeypatch):
    """A big study's project.qde exceeds a Word document's limits; only the ratio check guards a .qdpx."""
    import zipfile

    from app.importers import safezip
    from app.importers.refi_qda import read_qdpx

    monkeypatch.setattr(safezip, "MAX_TOTAL_UNCOMPRESSED", 1000)
    monkeypatch.setattr(safezip, "MAX_MEMBER_BYTES", 1000)
    path = tmp_path / "big.qdpx"
    codes = "".join(f'<Code guid="{i:08d}-0000-4000-8000-000000000000" name="Code {i}" isCodable="true"/>'
                    for i in range(100))
    qde = ('<?xml version="1.0" encoding="utf-8"?><Project xmlns="urn:QDA-XML:project:1.0" name="Big">'
           f"<CodeBook><Codes>{codes}</Codes></CodeBook></Project>").encode()
    assert len(qde) > 1000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("project.qde", qde)
    assert len(read_qdpx(path).codes) == 100
