"""The coding screen on a long, densely coded transcript (issue 3's speed targets), measured in the real window:

    QT_QPA_PLATFORM=offscreen python -m benchmarks.ui_coding_screen

builds a project with one 300,000-character transcript and 5,000 codings under 30 codes, then times opening the
document in the transcript view (highlights and stripes painted), applying a code through the undo stack, and
scrolling page by page.
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

CHARACTERS, CODINGS, CODES = 300_000, 5_000, 30
WORDS = ("Sprachkurs Ausbildung Arbeitgeber Anerkennung Betrieb Begleitung Integration Jobcenter Praktikum "
         "Berufsschule Wohnsitzauflage Mentoring Ehrenamt Kinderbetreuung Führerschein 😀 Ausländerbehörde").split()
SPEAKERS = ("Moderatorin", "Dr. Anna Weber", "Herr Yilmaz", "Frau Krüger", "Ahmad Rahimi")


def build(path: Path, characters: int = CHARACTERS, codings: int = CODINGS) -> None:
    from app import services
    from app.importers.base import ParsedDocument, ParsedTurn
    from app.models import Project
    from sqlalchemy import insert
    from app.models import Coder, Coding, Code

    rng = random.Random(3)
    text, turns = "", []
    while len(text) < characters:
        speaker = rng.choice(SPEAKERS)
        words = " ".join(rng.choice(WORDS) for _ in range(rng.randint(5, 60)))
        start = len(text) + len(speaker) + 2
        text += f"{speaker}: {words}\n"
        turns.append(ParsedTurn(speaker, start, start + len(words), start_ms=len(turns) * 9000))
    with services.create_project(path, name="Benchmark") as project:
        services.import_documents(project, [ParsedDocument("Long workshop", text, "long.txt", "txt", tuple(turns))])
        for number in range(CODES):
            services.add_code(project, f"Group {number % 5}/Code {number}")
        with project.transaction() as session:  # bulk rows: the benchmark measures the UI, not the services
            coder = Coder(name="bench")
            session.add(coder)
            session.flush()
            leaves = [c.id for c in session.query(Code).filter(Code.parent_id.isnot(None))]
            rows = []
            for _ in range(codings):
                start = rng.randrange(len(text) - 400)
                rows.append({"document_id": 1, "code_id": rng.choice(leaves), "coder_id": coder.id,
                             "start": start, "end": start + rng.randint(10, 400), "weight": 0})
            session.execute(insert(Coding), rows)


def main() -> int:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from app.ui.context import ApplicationContext
    from app.ui.main_window import MainWindow
    from app.ui.settings import Settings

    folder = Path(tempfile.mkdtemp(prefix="focuscoder-bench-"))
    path = folder / "bench.fcproj"
    build(path)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    context = ApplicationContext(Settings(QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat)))
    context.open_project(path)
    window = MainWindow(context)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    view = window.transcript

    opening = []
    for _ in range(5):
        view.show_document(None, window.codes.tree.code_model.look())
        started = time.perf_counter()
        window.open_document(1)
        view.viewport().repaint()
        view.margin.repaint()
        opening.append(time.perf_counter() - started)

    applying = []
    rng = random.Random(5)
    for number in range(20):
        start = rng.randrange(CHARACTERS - 200)
        view.select_span(start, start + 50 + number)
        started = time.perf_counter()
        window.coding.apply("Group 1/Code 1")
        view.viewport().repaint()
        view.margin.repaint()
        applying.append(time.perf_counter() - started)

    bar = view.verticalScrollBar()
    bar.setValue(0)
    pages = []
    for _ in range(40):
        started = time.perf_counter()
        bar.setValue(bar.value() + bar.pageStep())
        view.viewport().repaint()
        view.margin.repaint()
        pages.append(time.perf_counter() - started)

    print(f"transcript: {len(view.content.text):,} characters, {len(view.layer.codings):,} codings, "
          f"{view.document().blockCount():,} paragraphs")
    print(f"open document (highlights + stripes): median {statistics.median(opening) * 1000:.0f} ms, "
          f"max {max(opening) * 1000:.0f} ms  (target 1000 ms)")
    print(f"apply a code (service + refresh + repaint): median {statistics.median(applying) * 1000:.0f} ms, "
          f"max {max(applying) * 1000:.0f} ms  (target 50 ms)")
    print(f"scroll one page (repaint): median {statistics.median(pages) * 1000:.1f} ms, max {max(pages) * 1000:.1f} ms")
    window.close()
    context.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
