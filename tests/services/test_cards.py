"""Workshop cards with points and clusters, read from a real .csv and .xlsx: each cluster becomes a code under
the parent the researcher names, each card is coded with it, and the ranking sums the cards' points."""

from __future__ import annotations

import json

import openpyxl
import pytest

from app.analysis.priorities import priority_ranking
from app.cli import main
from app.importers import read_document
from app.services import ServiceError, import_documents
from app.services.cards import code_cards_by_cluster

CARDS = [
    ("Name", "Karte", "Cluster", "Punkte"),
    ("Petra Lindner", "Deutschkurs im Betrieb, zwei Stunden pro Woche", "Sprachförderung im Betrieb", 6),
    ("Frank Wiesner", "Kurse zu uns in die Firma", "Sprachförderung im Betrieb", 8),
    ("Sabine Krüger", "Eine Stelle für alle Fragen", "Lotsenstelle", 10),
    ("Jens Böttcher", "Zuschuss zum Führerschein", "Führerschein/Jobticket", 2),
    ("Gisela Hartmann", "Praxisanleitung stärken", "", None),
]


@pytest.fixture
def cards_xlsx(tmp_path):
    path = tmp_path / "karten.xlsx"
    workbook = openpyxl.Workbook()
    for row in CARDS:
        workbook.active.append(list(row))
    workbook.save(path)
    return path


def test_the_reader_gives_each_card_its_cluster(cards_xlsx):
    parsed = read_document(cards_xlsx)
    assert parsed.clusters == ("Sprachförderung im Betrieb", "Sprachförderung im Betrieb", "Lotsenstelle",
                               "Führerschein – Jobticket", None)
    assert [turn.votes for turn in parsed.turns] == [6, 8, 10, 2, None]
    assert read_document(cards_xlsx, name="Karten").clusters == parsed.clusters  # kept when renamed


def test_clusters_become_measures_and_the_ranking_sums_the_cards(project, cards_xlsx, db):
    parsed = read_document(cards_xlsx)
    import_documents(project, [parsed])
    changes = code_cards_by_cluster(project, "karten", "Maßnahmen", parsed.clusters, coder="Lena")
    assert len(changes.ids("coding")) == 4 and len(changes.ids("code")) == 4  # Maßnahmen and three clusters
    assert not code_cards_by_cluster(project, "karten", "Maßnahmen", parsed.clusters, coder="Lena")  # again: no-op
    ranking = priority_ranking(project)
    assert [(r.rank, r.name, r.points, r.speakers) for r in ranking] == [
        (1, "Sprachförderung im Betrieb", 14, 2), (2, "Lotsenstelle", 10, 1), (3, "Führerschein – Jobticket", 2, 1)]


def test_a_wrong_number_of_clusters_is_refused_and_changes_nothing(project, cards_xlsx, db):
    import_documents(project, [read_document(cards_xlsx)])
    before = db.dump()
    with pytest.raises(ServiceError, match="5 cards"):
        code_cards_by_cluster(project, "karten", "Maßnahmen", ["A"])
    assert db.dump() == before


def test_the_import_command_codes_the_clusters(tmp_path, capsys):
    path = tmp_path / "p.fcproj"
    cards = tmp_path / "karten.csv"
    cards.write_text("\n".join(";".join("" if v is None else str(v) for v in row) for row in CARDS) + "\n",
                     encoding="utf-8")
    assert main(["new", str(path)]) == 0
    assert main(["import", str(path), str(cards), "--clusters-under", "Maßnahmen"]) == 0
    capsys.readouterr()
    assert main(["priorities", str(path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    assert [(r["code"], r["points"]) for r in rows][0] == ("Maßnahmen/Sprachförderung im Betrieb", 14)
