"""``python -m benchmarks.bench_cli``: how long ``focuscoder stats --by speaker`` takes as a whole process, minus
``focuscoder --help`` (the interpreter's own start), on a project of 72,000 words and 3,450 codings. Target: 300 ms.

What a researcher's script pays per command is mostly imports: this measures the gesture, a fresh process each time.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.corpus import make_study
from benchmarks.fixtures import CACHE, _build_project

WORDS, CODINGS = 72_000, 3_450
TARGET_MS = 300
RUNS = 7


def prepared_project() -> Path:
    folder = CACHE / f"cli-{WORDS}-{CODINGS}"
    project = folder / "study.fcproj"
    if not project.exists():
        study = make_study(WORDS, CODINGS)
        _build_project(study, study.write_transcripts(folder / "transcripts"), project)
    return project


def best_ms(arguments: list[str]) -> tuple[float, float]:
    """Best and median wall time of ``focuscoder ARGUMENTS`` over RUNS fresh processes, in ms."""
    times = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "app", *arguments], check=True, capture_output=True)
        times.append((time.perf_counter() - started) * 1000)
    return min(times), statistics.median(times)


def main() -> int:
    project = str(prepared_project())
    subprocess.run([sys.executable, "-m", "app", "stats", project], check=True, capture_output=True)  # warm caches
    help_best, help_median = best_ms(["--help"])
    stats_best, stats_median = best_ms(["stats", project, "--by", "speaker"])
    info_best, _ = best_ms(["info", project, "--json"])
    print(f"focuscoder --help:              best {help_best:6.0f} ms, median {help_median:6.0f} ms")
    print(f"focuscoder stats --by speaker:  best {stats_best:6.0f} ms, median {stats_median:6.0f} ms")
    print(f"focuscoder info --json:         best {info_best:6.0f} ms")
    beyond = stats_best - help_best
    print(f"stats minus --help: {beyond:.0f} ms (target {TARGET_MS} ms) -> {'met' if beyond < TARGET_MS else 'MISSED'}")
    return 0 if beyond < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
