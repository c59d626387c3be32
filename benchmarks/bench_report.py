"""The reports benchmark: every analysis on ~100,000 codings, and the Word report with 10,000 quotes and 200
codes, each against its floor.

    .venv/bin/python -m benchmarks.bench_report [--codings 100000] [--quotes-per-code 50]

It prints times only (the targets, from issue 4: each analysis under 200 ms, the report under 10 s); nothing
here asserts. The study is built once and kept in benchmarks/.cache. Each analysis is timed "first" (right after
a passage was coded or uncoded through the services), "again" (the loaded project kept, as when the reports view,
an export or the CLI asks for several analyses of an unchanged project) and "cold" (nothing kept, as after opening).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.cases import AChange, floor_docx
from benchmarks.corpus import transcript

CACHE = Path(__file__).resolve().parent / ".cache"
PARENTS = 20  # × (1 + 9 children) = 200 codes


def build_study(target: Path, codings: int, *, words: int = 1_000_000, seed: int = 7) -> None:
    """Transcripts through the real import, codes through the services, codings by one executemany."""
    from app import services
    from app.importers import read_document

    rng = random.Random(seed)
    folder = target.parent / "transcripts"
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(max(1, words // 20_000)):
        path = folder / f"Fokusgruppe {index + 1:03d}.txt"
        path.write_text(transcript(rng, 20_000, path.stem), encoding="utf-8")
        paths.append(path)
    partial = target.with_name("building.fcproj")
    partial.unlink(missing_ok=True)
    with services.create_project(partial, name="Benchmark Bericht") as project:
        services.import_documents(project, [read_document(path) for path in paths])
        for parent in range(PARENTS):
            for child in range(10):
                path = f"Kategorie {parent + 1:02d}" + (f"/Unterkategorie {child}" if child else "")
                services.add_code(project, path, definition="Definition " * 12, anchor_example="Beispiel " * 8,
                                  coding_rule="Regel " * 10)
        for speaker, institution in (("Frau Berger (Jobcenter)", "Jobcenter"), ("Herr Okafor (IHK)", "IHK")):
            services.set_attribute(project, speaker=speaker, name="Institution", value=institution)
    with sqlite3.connect(partial) as db:
        codes = [row[0] for row in db.execute("SELECT id FROM code")]
        documents = db.execute("SELECT id, length(text) FROM document").fetchall()
        for coder in ("Lena", "Murat"):
            db.execute("INSERT INTO coder (guid, name, created_at) VALUES (lower(hex(randomblob(16))), ?, "
                       "'2026-01-01 00:00:00')", (coder,))
        coders = [row[0] for row in db.execute("SELECT id FROM coder")]
        rows = []
        for _ in range(codings):
            document, length = rng.choice(documents)
            start = rng.randrange(0, length - 400)
            rows.append((document, rng.choice(codes), rng.choice(coders), start, start + rng.randint(20, 350),
                         rng.choice((0, 0, 25, 50, 75, 100))))
        db.executemany(
            'INSERT INTO coding (guid, document_id, code_id, coder_id, start, "end", weight, created_at) '
            "VALUES (lower(hex(randomblob(16))), ?, ?, ?, ?, ?, ?, '2026-01-01 00:00:00')", rows)
        db.execute("INSERT INTO memo (guid, title, text, coding_id, created_at, modified_at) "
                   "SELECT lower(hex(randomblob(16))), '', 'Memo zur Codierung ' || id, id, '2026-01-01', "
                   "'2026-01-01' FROM coding WHERE id % 20 = 0")
    shutil.move(partial, target)


def timed(action: Callable[[], object], change: Callable[[], object], repeat: int = 3) -> tuple[float, float, float]:
    """Medians in seconds of ``action``: right after a change (``change``, untimed), asked again of the unchanged
    project, and cold (nothing kept at all, not even the texts: as after opening the project).

    The analyses keep the loaded project until the file changes (app.analysis.dataset), and document texts,
    which never change, by their checksum.
    """
    from app.analysis.dataset import clear_kept

    first, again, cold = [], [], []
    for _ in range(repeat):
        change()
        began = time.perf_counter()
        action()
        first.append(time.perf_counter() - began)
        began = time.perf_counter()
        action()
        again.append(time.perf_counter() - began)
        clear_kept()
        began = time.perf_counter()
        action()
        cold.append(time.perf_counter() - began)
    return statistics.median(first), statistics.median(again), statistics.median(cold)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--codings", type=int, default=100_000)
    parser.add_argument("--quotes-per-code", type=int, default=50)
    args = parser.parse_args()

    from app.analysis import (
        cooccurrence,
        frequencies,
        matrices,
        priorities,
        quotes,
        speaker_overview,
    )
    from app.analysis.dataset import load
    from app.export.docx_report import write_docx
    from app.export.report import ReportOptions, build_report
    from app.models import open_project

    study = CACHE / f"report-v1-{args.codings}" / "study.fcproj"
    if not study.exists():
        print(f"building the study ({args.codings} codings) in {study.parent} ...", flush=True)
        study.parent.mkdir(parents=True, exist_ok=True)
        build_study(study, args.codings)
    with tempfile.TemporaryDirectory(prefix="fc-bench-report-") as scratch:
        copy = Path(scratch) / "study.fcproj"
        shutil.copyfile(study, copy)
        with open_project(copy) as project:
            data = load(project)
            print(f"{len(data.coding_table)} codings, {len(data.codes)} codes, {len(data.documents)} documents, "
                  f"{len(data.turns)} turns, {sum(len(d.text) for d in data.documents.values())} characters\n")
            floor = sqlite3.connect(copy)
            cases: list[tuple[str, Callable[[], object]]] = [
                ("load the project (floor: SELECT the codings)",
                 lambda: floor.execute('SELECT id, document_id, code_id, coder_id, start, "end", weight FROM coding').fetchall()),
                ("load the project", lambda: load(project)),
                ("code frequencies (tree totals)", lambda: frequencies.code_tree_frequencies(project)),
                ("code frequencies by speaker", lambda: frequencies.code_frequencies(project, by="speaker")),
                ("code frequencies by institution",
                 lambda: frequencies.code_frequencies(project, by="attribute", attribute="Institution")),
                ("code x speaker matrix", lambda: matrices.code_by_speaker(project)),
                ("code x document matrix", lambda: matrices.code_by_document(project)),
                ("co-occurrence (overlap, same turn)", lambda: cooccurrence.code_cooccurrence(project)),
                ("priority ranking", lambda: priorities.priority_ranking(project, "Kategorie 01")),
                ("speaker overview", lambda: speaker_overview.speaker_overview(project)),
                ("quotes, 50 per code", lambda: quotes.quotes(project, per_code=args.quotes_per_code)),
            ]
            load(project)  # word positions, the page cache
            change = AChange(project)
            print(f"{'analysis (median of 5)':48} {'first':>10} {'again':>10} {'cold':>10}")
            for name, action in cases:
                first, again, cold = timed(action, change, repeat=5)
                print(f"{name:48} {first * 1000:7.0f} ms {again * 1000:7.0f} ms {cold * 1000:7.0f} ms", flush=True)
            options = ReportOptions(quotes_per_code=args.quotes_per_code)
            began = time.perf_counter()
            data = load(project)
            report = build_report(data, options)
            built = time.perf_counter() - began
            target = Path(scratch) / "report.docx"
            began = time.perf_counter()
            write_docx(report, target)
            written = time.perf_counter() - began
            quote_count = sum(1 for _ in _quotes(report.sections))
            floor_seconds = statistics.median(floor_docx(report, Path(scratch) / f"floor{i}.docx") for i in range(3))
        print(f"\nWord report: {quote_count} quotes, {len(data.codes)} codes, {target.stat().st_size // 1024} KiB")
        print(f"  analyses and charts  {built:6.2f} s")
        print(f"  writing the .docx    {written:6.2f} s")
        print(f"  total                {built + written:6.2f} s")
        print(f"  floor (python-docx, same blocks, no queries, no styling) {floor_seconds:6.2f} s")


def _quotes(blocks):
    from app.export.content import QuoteBlock, walk

    return (block for block in walk(blocks) if isinstance(block, QuoteBlock))


if __name__ == "__main__":
    main()
