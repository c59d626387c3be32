"""Workshop spreadsheets (cards, dot votes, rankings) as documents: one row, one contribution."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.importers.base import ParsedDocument, ReaderError
from app.importers.spreadsheet import read_csv, read_xlsx


def rows(doc: ParsedDocument) -> list[tuple[str | None, str, int | None, int | None]]:
    return [(t.speaker, doc.turn_text(t), t.votes, t.priority) for t in doc.turns]


def write(tmp_path: Path, name: str, content: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode(encoding))
    return path


GERMAN_EXCEL_CSV = (
    "Sprecher;Beitrag;Punkte;Priorität\r\n"
    "Anna Weber (IHK);Sprachkurse früher anbieten;3 Punkte;1\r\n"
    'Jobcenter;"Mentoring im Betrieb;\r\nauch nach der Probezeit";5;2\r\n'
    "anna weber (ihk);Anerkennung beschleunigen;viele;\r\n"
    ";;;\r\n"
    "Ben;;2;3\r\n"
)


def test_german_excel_csv_with_semicolons_quotes_and_counts(tmp_path: Path) -> None:
    doc = read_csv(write(tmp_path, "karten.csv", GERMAN_EXCEL_CSV, "cp1252"))
    assert doc.text == ("Anna Weber (IHK): Sprachkurse früher anbieten\n"
                        "Jobcenter: Mentoring im Betrieb;\nauch nach der Probezeit\n"
                        "Anna Weber (IHK): Anerkennung beschleunigen")
    assert rows(doc) == [
        ("Anna Weber (IHK)", "Sprachkurse früher anbieten", 3, 1),
        ("Jobcenter", "Mentoring im Betrieb;\nauch nach der Probezeit", 5, 2),
        ("Anna Weber (IHK)", "Anerkennung beschleunigen", None, None),
    ]
    assert doc.warnings == ("row 4: votes 'viele' is not a whole number; left empty",)
    assert (doc.name, doc.source_name, doc.source_format) == ("karten", "karten.csv", "csv")


def test_english_header_in_any_order_with_time_and_bom(tmp_path: Path) -> None:
    content = ("\ufeffRank,Votes,Comment,Participant,Start\n"
               '2,7,"More mentors, please",Employer A,00:01:22\n'
               "1,9,Faster recognition,Volunteer,\n")
    doc = read_csv(write(tmp_path, "votes.csv", content))
    assert rows(doc) == [("Employer A", "More mentors, please", 7, 2), ("Volunteer", "Faster recognition", 9, 1)]
    assert [t.start_ms for t in doc.turns] == [82000, None]


def test_name_is_preferred_to_institution_as_speaker(tmp_path: Path) -> None:
    doc = read_csv(write(tmp_path, "a.csv", "Institution;Name;Aussage\nIHK;Anna;Mehr Zeit\n"))
    assert rows(doc) == [("Anna", "Mehr Zeit", None, None)]


def test_without_header_two_columns_are_speaker_and_text(tmp_path: Path) -> None:
    doc = read_csv(write(tmp_path, "a.csv", "Anna;Ich finde die Idee gut, ehrlich\nBen;Ich auch\n"))
    assert rows(doc) == [("Anna", "Ich finde die Idee gut, ehrlich", None, None), ("Ben", "Ich auch", None, None)]


def test_single_column_is_text_without_speaker(tmp_path: Path) -> None:
    doc = read_csv(write(tmp_path, "a.csv", "Sprachkurse\nMentoring\n"))
    assert doc.text == "Sprachkurse\nMentoring"
    assert rows(doc) == [(None, "Sprachkurse", None, None), (None, "Mentoring", None, None)]


def test_tab_delimiter(tmp_path: Path) -> None:
    doc = read_csv(write(tmp_path, "a.tsv", "Name\tText\tStimmen\nAnna\tA, B; C\t2\n"), delimiter="\t")
    assert rows(doc) == [("Anna", "A, B; C", 2, None)]
    assert doc.source_format == "tsv"


@pytest.mark.parametrize("content", ["", "\n\n", "Sprecher;Beitrag\n", ";;\n;;\n"])
def test_no_contributions_is_a_reader_error(tmp_path: Path, content: str) -> None:
    with pytest.raises(ReaderError, match="no rows with text"):
        read_csv(write(tmp_path, "a.csv", content))


def test_binary_file_named_csv_is_a_reader_error(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    with pytest.raises(ReaderError):
        read_csv(path)


def _workbook(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, table in sheets.items():
        sheet = workbook.create_sheet(title)
        for row in table:
            sheet.append(row)
    path = tmp_path / "workshop.xlsx"
    workbook.save(path)
    return path


def test_xlsx_rows_with_numbers_texts_and_times(tmp_path: Path) -> None:
    path = _workbook(tmp_path, {
        "Karten": [
            ["Teilnehmer", "Karte", "Stimmen", "Rang", "Zeit"],
            ["Anna Weber", "Sprachkurse\nfrüher", 3, 1.0, dt.time(0, 1, 22)],
            ["Ben", "Mentoring", 2.5, "Platz 2", None],
            [None, None, None, None, None],
            [None, "Ohne Namen", "4 Punkte", None, "00:02:00"],
        ],
        "Notizen": [["irrelevant"]],
    })
    doc = read_xlsx(path)
    assert doc.text == "Anna Weber: Sprachkurse\nfrüher\nBen: Mentoring\nOhne Namen"
    assert rows(doc) == [("Anna Weber", "Sprachkurse\nfrüher", 3, 1), ("Ben", "Mentoring", None, 2),
                         (None, "Ohne Namen", 4, None)]
    assert [t.start_ms for t in doc.turns] == [82000, None, 120000]
    assert doc.warnings == ("only the sheet 'Karten' was read; the workbook has 2 sheets",
                            "row 3: votes '2.5' is not a whole number; left empty")
    assert doc.source_format == "xlsx"


@pytest.mark.parametrize("content", [b"", b"not a zip at all", b"PK\x03\x04broken"])
def test_damaged_xlsx_is_a_reader_error(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(content)
    with pytest.raises(ReaderError):
        read_xlsx(path)


def test_a_docx_named_xlsx_is_a_reader_error(tmp_path: Path) -> None:
    import docx

    path = tmp_path / "report.xlsx"
    document = docx.Document()
    document.add_paragraph("Hallo")
    document.save(path)
    with pytest.raises(ReaderError):
        read_xlsx(path)


_CELLS = st.sampled_from(["Sprecher", "Beitrag", "Punkte", "Rang", "Zeit", "Anna", "3 Punkte", "x", "", '"', '""',
                          ";", ",", "\t", "\n", "\r\n", "ä", "1:2", "\x00", "\xff"])
_CSV_BYTES = st.one_of(st.binary(max_size=200),
                       st.lists(_CELLS, max_size=40).map(lambda xs: "".join(xs).encode("utf-8", "surrogatepass")))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_CSV_BYTES)
def test_arbitrary_bytes_give_a_document_or_a_reader_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(data)
    try:
        doc = read_csv(path)
    except ReaderError:
        return
    previous_end = 0
    for turn in doc.turns:
        assert previous_end <= turn.start < turn.end <= len(doc.text)
        assert doc.turn_text(turn) == doc.turn_text(turn).strip()
        previous_end = turn.end
