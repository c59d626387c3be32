"""Intercoder agreement against figures worked out by hand."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app import services
from app.analysis.agreement import intercoder_agreement
from app.analysis.agreement_stats import AgreementTable
from app.cli import main
from app.export.agreement_report import write_agreement_docx, write_agreement_xlsx
from app.importers.base import ParsedDocument
from app.models import Project
from app.services.changes import ServiceError


def test_two_by_two_table_by_hand() -> None:
    # both=20, only A=5, only B=10, neither=15; n=50.
    # percent = (20+15)/50 = 70 %.
    # kappa: p_o = 0.7; A says yes 25/50 = 0.5, B 30/50 = 0.6; p_e = 0.5*0.6 + 0.5*0.4 = 0.5;
    #        kappa = (0.7-0.5)/(1-0.5) = 0.4.
    # alpha: N = 100 values; yes = 2*20+5+10 = 55, no = 2*15+5+10 = 45;
    #        alpha = 1 - (N-1)*(5+10)/(55*45) = 1 - 99*15/2475 = 1 - 0.6 = 0.4.
    table = AgreementTable(both=20, only_a=5, only_b=10, neither=15)
    assert table.percent == pytest.approx(70.0)
    assert table.kappa == pytest.approx(0.4)
    assert table.alpha == pytest.approx(0.4)
    assert AgreementTable(3, 0, 0, 0).kappa is None and AgreementTable().percent is None


def one_letter_per_unit(project: Project, a: str, b: str) -> None:
    """A ten-character document, each character a unit; "1" where a coder applied the code."""
    services.import_documents(project, [ParsedDocument("Units", "abcdefghij", "u.txt", "txt")])
    services.add_code(project, "X")
    for coder, marks in (("A", a), ("B", b)):
        for index, mark in enumerate(marks):
            if mark == "1":
                services.apply_code(project, document="Units", code="X", start=index, end=index + 1, coder=coder)


def test_krippendorffs_own_binary_example(project: Project) -> None:
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", binary data, two observers: alpha = 0.095.
    # Table: both=1, only A=1, only B=3, neither=5. kappa: p_o = 0.6, p_e = 0.2*0.4 + 0.8*0.6 = 0.56,
    # kappa = 0.04/0.44 = 0.0909.
    one_letter_per_unit(project, a="0100000010", b="1110010000")
    report = intercoder_agreement(project, "A", "B", level="character", include_uncoded=True)
    (code,) = report.codes
    assert code.table == AgreementTable(both=1, only_a=1, only_b=3, neither=5)
    assert code.table.alpha == pytest.approx(0.0952, abs=1e-4)
    assert code.table.kappa == pytest.approx(0.0909, abs=1e-4)
    assert code.table.percent == pytest.approx(60.0)


def test_uncoded_text_left_out_by_default(project: Project) -> None:
    one_letter_per_unit(project, a="0100000010", b="1110010000")
    # Coded by someone: a, b, c, f, i -> 5 units; both on b; A only i; B only a, c, f.
    report = intercoder_agreement(project, "A", "B", level="character")
    assert report.codes[0].table == AgreementTable(both=1, only_a=1, only_b=3, neither=0)
    assert report.overall.percent == pytest.approx(20.0)


@pytest.fixture
def two_coders(project: Project) -> Project:
    text = "Sprache ist wichtig. Praktika helfen sehr. Begleitung fehlt oft. Geld auch.\n"
    services.import_documents(project, [ParsedDocument("W", text, "w.txt", "txt")])
    for path in ("Sprache", "Praktikum", "Begleitung"):
        services.add_code(project, path)

    def code(coder: str, path: str, passage: str) -> None:
        services.apply_code_to_quote(project, document="W", code=path, quote=passage, coder=coder)

    code("A", "Sprache", "Sprache ist wichtig.")
    code("B", "Sprache", "Sprache ist wichtig")            # overlap 19/20: matched
    code("A", "Praktikum", "Praktika helfen sehr.")
    code("B", "Begleitung", "Praktika helfen")              # same passage, other code
    code("B", "Begleitung", "Begleitung fehlt oft.")        # only B
    code("A", "Sprache", "Geld")                            # only A, overlaps nothing
    return project


def test_segment_level_by_hand(two_coders: Project) -> None:
    # Units: [Sprache ist wichtig.] A{Sprache} B{Sprache}; [Praktika helfen sehr.] A{Praktikum} B{Begleitung}
    # (overlap 15/21 >= 0.5); [Begleitung fehlt oft.] B{Begleitung}; [Geld] A{Sprache}.
    # Sprache: both 1, only A 1 (Geld), neither 2.  Praktikum: only A 1, neither 3.
    # Begleitung: only B 2, neither 2.
    report = intercoder_agreement(two_coders, "A", "B")
    tables = {c.code: c.table for c in report.codes}
    assert tables == {
        "Begleitung": AgreementTable(0, 0, 2, 2),
        "Praktikum": AgreementTable(0, 1, 0, 3),
        "Sprache": AgreementTable(1, 1, 0, 2),
    }
    # Pooled: both 1, A 2, B 2, neither 7, n 12: percent 8/12; kappa: p_o = 2/3, A yes 3/12, B yes 3/12,
    # p_e = 1/16 + 9/16 = 10/16, kappa = (2/3 - 5/8)/(3/8) = 1/9.
    assert report.overall.percent == pytest.approx(200 / 3)
    assert report.overall.kappa == pytest.approx(1 / 9)
    by_code = {(d.code, d.text_a, d.text_b) for d in report.disagreements}
    assert ("Praktikum", "Praktika helfen sehr.", "") in by_code
    assert ("Begleitung", "", "Praktika helfen") in by_code
    assert len(report.disagreements) == 4
    strict = intercoder_agreement(two_coders, "A", "B", min_overlap=0.99)
    assert {c.code: c.table for c in strict.codes}["Sprache"].both == 0  # 19/20 no longer matches


def test_cli_json_has_the_design_shape(two_coders: Project, capsys, tmp_path: Path) -> None:
    assert main(["agreement", str(two_coders.path), "--coders", "A", "B", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"coders", "overall", "codes"} and out["coders"] == ["A", "B"]
    assert set(out["overall"]) == {"percent", "kappa", "alpha"} and out["overall"]["percent"] == 66.67
    assert all(set(code) == {"code", "percent", "kappa"} for code in out["codes"])
    assert main(["agreement", str(two_coders.path), "--coders", "A", "Z"]) == 1
    assert capsys.readouterr().err == "error: There is no coder 'Z'.\n"
    assert main(["agreement", str(two_coders.path), "--coders", "A"]) == 2
    assert main(["agreement", str(two_coders.path), "--coders", "A", "B", "--output", str(tmp_path / "a.pdf")]) == 2


def test_report_as_xlsx_and_docx(two_coders: Project, tmp_path: Path) -> None:
    from docx import Document
    from openpyxl import load_workbook

    report = intercoder_agreement(two_coders, "A", "B", level="character")
    workbook = load_workbook(write_agreement_xlsx(report, tmp_path / "agreement.xlsx"))
    rows = list(workbook["Agreement"].values)
    assert rows[3][:4] == ("Code", "Both", "Only A", "Only B") and rows[-1][0] == "Overall"
    assert len(list(workbook["Disagreements"].values)) == 1 + len(report.disagreements)
    document = Document(write_agreement_docx(report, tmp_path / "agreement.docx"))
    assert document.tables[0].rows[-1].cells[0].text == "Overall"
    assert "Praktika helfen sehr." in [cell.text for row in document.tables[1].rows for cell in row.cells]


def test_refusals(two_coders: Project) -> None:
    with pytest.raises(ServiceError, match="two different coders"):
        intercoder_agreement(two_coders, "A", "A")
    with pytest.raises(ServiceError, match="'segment' or 'character'"):
        intercoder_agreement(two_coders, "A", "B", level="word")


def test_only_documents_both_coded_count(two_coders: Project) -> None:
    services.import_documents(two_coders, [ParsedDocument("Only A", "Nur A codiert hier.\n", "a.txt", "txt")])
    services.apply_code(two_coders, document="Only A", code="Sprache", start=0, end=5, coder="A")
    assert intercoder_agreement(two_coders, "A", "B").documents == ["W"]
