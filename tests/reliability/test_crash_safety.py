"""A process applying codings is killed (SIGKILL) at random moments, again and again: after every kill the project
opens, passes SQLite's integrity check, and holds every coding whose service call had returned."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from app.models import open_project
from app.services import add_code, import_documents

KILLS = 20

# The child reports each returned call on its own line, flushed: whatever the parent has read had returned.
CODER = """
import random, sys
from app.models import open_project
from app.importers.base import ParsedDocument, ParsedTurn
from app.services import apply_code, import_documents, remove_coding
path, seed, length = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(seed)
project = open_project(path)  # the lock left by the child killed before: same user, gone, so taken over
print("ready", flush=True)
while True:
    start = rng.randrange(length - 1)
    end = rng.randrange(start + 1, min(length, start + 400) + 1)
    changes = apply_code(project, document="Workshop", code=rng.choice(["Sprache", "Arbeit/Praktikum"]),
                         start=start, end=end, coder=f"coder{rng.randrange(3)}", weight=rng.randrange(101))
    for coding in changes.ids("coding"):
        print(f"+{coding}", flush=True)
    if rng.random() < 0.05:  # a bigger change now and then: a document with its turns and speaker
        text = "Befragte: " + "Weiter geht es mit Sprache. " * rng.randrange(50, 500)
        imported = import_documents(project, [ParsedDocument(f"Nachtrag {seed}-{rng.random()}", text, "n.txt", "txt",
                                                             (ParsedTurn("Befragte", 10, len(text)),))])
        print(f"d{imported.ids('document')[0]}", flush=True)
    if rng.random() < 0.15 and changes.ids("coding"):
        print(f"?{changes.ids('coding')[0]}", flush=True)  # about to remove: killed now, it may be gone or not
        remove_coding(project, changes.ids("coding")[0])
        print(f"-{changes.ids('coding')[0]}", flush=True)
"""


def _committed_codings(path: Path) -> set[int]:
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
        return {row[0] for row in db.execute("SELECT id FROM coding")}


def test_codings_that_were_saved_survive_any_kill(project, make_document, opened):
    text = "Moderatorin: " + " ".join(f"Satz {n} über Sprache, Arbeit und Ausbildung." for n in range(300))
    import_documents(project, [make_document("Workshop", [("Moderatorin", text)])])
    add_code(project, "Sprache")
    add_code(project, "Arbeit/Praktikum")
    length = len(text) + 14
    path = project.path
    project.close()

    rng = random.Random(20261124)
    expected: set[int] = set()  # ids are reused by SQLite once removed, so this follows the child's order
    documents: set[int] = set()
    mid_transaction = 0
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    for kill in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CODER, str(path), str(kill), str(length)],
                                 stdout=subprocess.PIPE, text=True, env=env)
        assert child.stdout.readline().strip() == "ready"
        # Killed after some of its work has returned, then a moment later: by progress rather than by the clock,
        # so a busy machine (a slow child) does not turn the kills into kills of an idle process.
        output = "".join(child.stdout.readline() for _ in range(rng.randint(1, 12)))
        time.sleep(rng.uniform(0.0, 0.05))
        child.send_signal(signal.SIGKILL)
        output += child.stdout.read()
        child.wait()
        pending: set[int] = set()
        for line in output.split():
            coding = int(line[1:])
            if line[0] == "d":
                documents.add(coding)
            elif line[0] == "+":
                expected.add(coding)
            elif line[0] == "?":
                pending.add(coding)
            else:
                expected.discard(coding)
                pending.discard(coding)
        if Path(f"{path}-journal").exists():
            mid_transaction += 1  # killed while saving: the journal is rolled back when the project is opened

        reopened = opened(open_project(path, read_only=True))
        with reopened.reading() as session:
            assert session.connection().exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert session.connection().exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        reopened.close()
        saved = _committed_codings(path)
        expected -= pending - saved  # a removal that was saved just before the kill
        assert expected <= saved, f"kill {kill}: codings that had been saved are missing"
        # At most the one call in flight was saved without having returned.
        assert len(saved - expected) <= 1, f"kill {kill}: codings that were never applied or were removed"
        expected = saved
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            kept = {row[0] for row in db.execute("SELECT id FROM document")}
            turns = db.execute("SELECT count(*) FROM document d LEFT JOIN turn t ON t.document_id = d.id "
                               "WHERE t.id IS NULL").fetchone()[0]
        assert documents <= kept and turns == 0, f"kill {kill}: an imported document is missing or incomplete"

    assert len(expected) > KILLS and documents  # the children really were working when they were killed
    print(f"{KILLS} kills survived ({mid_transaction} in the middle of saving), {len(expected)} codings and "
          f"{len(documents)} imported documents kept")
