"""The sample's report as a partner reads it: the measures in the order of the workshop's vote, and a methods
section from the project's data. Read back from the written .docx and .xlsx."""

from __future__ import annotations

import docx
import openpyxl
import pytest

from app import services
from app.export.exports import export_report_docx, export_xlsx
from app.export.report import ReportOptions
from app.models import open_project
from app.sample_project import build_sample_project
from app.services.study import StudyInfo, set_study_info
from app.services.votes import set_votes
from tests.conftest import build_document
from tests.export.test_docx import rows_of, table_named

INSTITUTE = "Institut für Arbeitsmarkt- und Sozialforschung (fiktiv)"


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    path = build_sample_project(tmp_path_factory.mktemp("sample") / "sample.fcproj")
    project = open_project(path)
    yield project
    project.close()


@pytest.fixture(scope="module")
def report(sample, tmp_path_factory):
    path = export_report_docx(sample, tmp_path_factory.mktemp("report") / "bericht.docx",
                              ReportOptions(charts=False, quotes_per_code=1))
    return docx.Document(str(path))


def _texts(document) -> list[str]:
    return [p.text for p in document.paragraphs]


def test_the_reports_ranking_is_the_workshops_vote(report):
    ranking = rows_of(table_named(report, "Rangfolge: Maßnahmen"))
    assert ranking[0] == ["Rang", "Maßnahme", "Punkte", "Anteil", "Teilnehmende", "Institutionen", "Textstellen"]
    assert ranking[1][:4] == ["1", "Berufsbegleitende Sprachförderung im Betrieb", "14", "25,9 %"]
    assert [row[2] for row in ranking[1:]] == ["14", "10", "8", "7", "5", "4", "3", "2", "1", "0", "0"]
    assert "Weitere Vorschläge ohne Abstimmung" not in [row[1] for row in ranking]
    unvoted = next(t for t in _texts(report) if t.startswith("Ohne Abstimmung"))
    assert "Weitere Vorschläge ohne Abstimmung" in unvoted
    headings = [p.text for p in report.paragraphs if p.style.name == "Heading 2"]
    assert "Rangfolge: Maßnahmen" in headings
    assert not any(h.startswith("Rangfolge: Sprache") for h in headings)  # thematic categories are not ranked


def test_the_methods_section_describes_the_workshop(report):
    texts = _texts(report)
    assert "Datum: 12. November 2024" in texts and "Dauer: 118 Minuten" in texts
    assert "5. Phase 3: Punktabfrage zu den elf Maßnahmen und Besprechung des Ergebnisses" in texts
    assert any(t.startswith("Es nahmen 9 Personen teil; 2 weitere") for t in texts)
    by_institution = rows_of(table_named(report, "Teilnehmende nach Institution"))
    assert len(by_institution) == 1 + 9 and INSTITUTE not in [row[0] for row in by_institution]
    assert sum(int(row[1]) for row in by_institution[1:]) == 9
    assert any("[unverständlich]" in t for t in texts)
    assert "Jede:r Teilnehmende erhielt 6 Punkte, höchstens 2 je Maßnahme; 9 Personen stimmten ab, zusammen 54 " \
           "Punkte." in texts
    assert "Erfasst sind 54 Punkte auf 11 Maßnahmen." in texts
    agreement = next(t for t in texts if t.startswith("Zwei Codierende codierten"))
    assert "Kappa" in agreement and "Lena" not in agreement and "Murat" not in agreement


def test_the_workbook_has_the_points(sample, tmp_path):
    workbook = openpyxl.load_workbook(export_xlsx(sample, tmp_path / "s.xlsx"))
    rows = list(workbook["Priorisierung"].iter_rows(values_only=True))
    assert rows[0][:5] == ("Code", "Rang", "Codepfad", "Punkte", "Anteil")
    assert rows[1][1:5] == (1, "Maßnahmen/Berufsbegleitende Sprachförderung im Betrieb", 14, pytest.approx(14 / 54))
    assert rows[-1][1:4] == (None, "Maßnahmen/Weitere Vorschläge ohne Abstimmung", None)
    assert {row[0] for row in rows[1:]} == {"Maßnahmen"}


def test_a_vote_that_does_not_add_up_is_pointed_out_in_english(project, tmp_path):
    services.import_documents(project, [build_document("W", [("Anna", "Ein Kurs."), ("Ben", "Ein Lotse.")])])
    for code in ("Measures/Course", "Measures/Guide"):
        services.add_code(project, code)
    services.apply_code_to_quote(project, document="W", code="Measures/Course", quote="Ein Kurs.")
    set_votes(project, "Measures/Course", 3)
    set_votes(project, "Measures/Guide", 1)
    set_study_info(project, StudyInfo(points_per_person=3, voters=2))
    document = docx.Document(str(export_report_docx(project, tmp_path / "r.docx",
                                                    ReportOptions(language="en", charts=False))))
    texts = _texts(document)
    assert "Each participant had 3 points; 2 people voted, 6 points in all." in texts
    assert "Note: by the rules 6 points were to be given; 4 are recorded." in texts
    ranking = rows_of(table_named(document, "Ranking: Measures"))
    assert ranking[1][:4] == ["1", "Course", "3", "75.0%"] and ranking[2][:3] == ["2", "Guide", "1"]
