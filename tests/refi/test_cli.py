"""The command line: export --format qdpx|qdc, import of .qdpx/.qdc."""

from __future__ import annotations

from pathlib import Path

from app.cli import main
from app.models import Project

from tests.shared_data import REFI, needs_shared_data


def test_export_and_import_again(coded: Project, tmp_path: Path, capsys, project_schema) -> None:
    qdpx, qdc = tmp_path / "out.qdpx", tmp_path / "out.qdc"
    assert main(["export", str(coded.path), "--output", str(qdpx)]) == 0
    assert main(["export", str(coded.path), "--format", "qdc", "--output", str(qdc)]) == 0
    capsys.readouterr()
    copy = tmp_path / "copy.fcproj"
    assert main(["import", str(copy), str(qdpx)]) == 0
    assert capsys.readouterr().out.startswith("Added: 2 coders, 5 codes, 3 speakers, 1 documents, 5 codings")
    assert main(["import", str(copy), str(qdc)]) == 0
    assert "Matched (already there): 5 codes" in capsys.readouterr().out
    assert main(["info", str(copy), "--json"]) == 0


@needs_shared_data
def test_import_dry_run_and_json(tmp_path: Path, capsys) -> None:
    target = tmp_path / "new.fcproj"
    assert main(["import", str(target), str(REFI / "cproctor_nvivo_project.qdpx"), "--dry-run", "--json"]) == 0
    assert '"documents"' in capsys.readouterr().out and not target.exists()
    assert main(["import", str(target), str(REFI / "requal_test_ATLAS.ti-Win-23.4.0_codebook.qdc"),
                 str(REFI / "cproctor_nvivo_project.qdpx")]) == 2
    assert capsys.readouterr().err.startswith("error: import one REFI-QDA file")


def test_export_to_a_missing_folder(coded: Project, tmp_path: Path, capsys) -> None:
    assert main(["export", str(coded.path), "--output", str(tmp_path / "no" / "x.qdpx")]) == 1
    assert capsys.readouterr().err.count("\n") == 1
