"""Write one small project file per schema revision, as FocusCoder wrote it then: ``revision_NNNN.fcproj``.

Run once when a migration is added (``python tests/models/revisions/make_revision_fixtures.py``) and commit the
new file: the files are fixed from then on, so later migrations are tested against what users really have.
"""

from __future__ import annotations

import sqlite3
import sys
from contextlib import closing
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))

from app.models import migrations
from app.models.project_file import APPLICATION_ID

HERE = Path(__file__).resolve().parent
TEXT = "Moderatorin: Was hilft? 🙂\nFrau Ahmadi: زبان – die Sprache, ganz klar.\nB1: Ja, q\u0307 und 👨‍👩‍👧."
NOW = "2024-03-12 10:00:00"

ROWS_0001 = [
    "INSERT INTO project VALUES (1, 'p-guid', 'Alte Studie', 'de', :now, 'FocusCoder 0.0.1')",
    "INSERT INTO coder VALUES (1, 'c-guid', 'anna', :now)",
    "INSERT INTO coder VALUES (2, 'c2-guid', 'ben', :now)",
    "INSERT INTO document VALUES (1, 'd-guid', 'Gruppe 1', :text, 'x', 'g1.txt', 'txt', 'de', 'A', 0, :now)",
    "INSERT INTO speaker VALUES (1, 's1-guid', 'Moderatorin', 'moderatorin', :now)",
    "INSERT INTO speaker VALUES (2, 's2-guid', 'Frau Ahmadi', 'frau ahmadi', :now)",
    "INSERT INTO speaker_alias VALUES (1, 1, 'Mod', 'mod')",
    "INSERT INTO turn VALUES (1, 1, 0, 1, 13, 25, NULL, NULL)",
    "INSERT INTO turn VALUES (2, 1, 1, 2, 39, 71, 1000, 5000)",
    "INSERT INTO code VALUES (1, 'k1-guid', NULL, 'Sprache', '#FF0000', 'Definition', 'Anker', 'Regel', 0, :now)",
    "INSERT INTO code VALUES (2, 'k2-guid', 1, 'Kurs', '#00FF00', '', '', '', 0, :now)",
    "INSERT INTO coding VALUES (1, 'cd1-guid', 1, 2, 1, 39, 43, 50, :now)",
    "INSERT INTO coding VALUES (2, 'cd2-guid', 1, 1, 2, 23, 24, 0, :now)",
]
ROWS_0002 = [
    "UPDATE turn SET votes = 3, priority = 1 WHERE id = 2",
    "INSERT INTO memo VALUES (1, 'm1-guid', 'Notiz', 'Sehr ergiebig 🙂', 1, NULL, NULL, NULL, 1, :now, :now)",
    "INSERT INTO memo VALUES (2, 'm2-guid', '', 'Zur Kodierung', NULL, NULL, NULL, 1, 2, :now, :now)",
    "INSERT INTO attribute VALUES (1, 'a1-guid', 'Institution', 'text', 'speaker')",
    "INSERT INTO attribute_value VALUES (1, 1, 2, NULL, 'IHK')",
]
ROWS_0003 = [
    "INSERT INTO stop_list VALUES ('de', 'und\nder')",
    "INSERT INTO code_keyword VALUES (1, 1, 'Sprachkurs', 'lemma', 0)",
]
ROWS_0004 = [
    "UPDATE coding SET weight = 75, version = 2 WHERE id = 1",  # changed once since it was made
    "INSERT INTO coding VALUES (3, 'cd3-guid', 1, 2, 2, 41, 60, 0, :now, 1)",
]
ROWS_0005 = [
    "UPDATE turn SET votes = 2 WHERE id = 1",  # a card's points, before votes were data of their own
]
ROWS = {"0001": ROWS_0001, "0002": ROWS_0002, "0003": ROWS_0003, "0004": ROWS_0004, "0005": ROWS_0005}  # each revision's file holds the rows of those before it too


def build(revision: str, path: Path) -> None:
    path.unlink(missing_ok=True)
    with closing(sqlite3.connect(path)) as db:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    engine = create_engine(f"sqlite:///{path}")
    try:
        for step in list(ROWS)[: list(ROWS).index(revision) + 1]:  # as a user's file went through them
            with engine.begin() as connection:
                migrations.upgrade_connection(connection, step)
                for statement in ROWS[step]:
                    connection.execute(text(statement), {"now": NOW, "text": TEXT})
    finally:
        engine.dispose()
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA page_size=1024")  # small files in the repository
        db.execute("VACUUM")


if __name__ == "__main__":
    # Only files that do not exist yet: the earlier ones are what users really have.
    for revision in ROWS:
        if (HERE / f"revision_{revision}.fcproj").exists():
            continue
        build(revision, HERE / f"revision_{revision}.fcproj")
        print(f"wrote revision_{revision}.fcproj")
