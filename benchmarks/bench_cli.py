"""``python -m benchmarks.bench_cli``: how long ``focuscoder stats --by speaker`` takes as a whole process, minus
``focuscoder --help`` (the interpreter's own start), on a project of 72,000 words and 3,450 codings. Target: 300 ms.

What a researcher's script pays per command is mostly imports: this measures the gesture, a fresh process each time.
The processes run with their modules compiled, as an installed FocusCoder's are (pip compiles them on install): a
``PYTHONDONTWRITEBYTECODE`` of the caller would have every run compile the application's modules again. The
compiled files go to a folder of the cache, not into the source tree. Besides the wall time, the processes' CPU
time (user + system) is shown: on a machine shared with others it varies less.
"""

from __future__ import annotations

import os
import resource
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


def _environment() -> dict[str, str]:
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    environment["PYTHONPYCACHEPREFIX"] = str(CACHE / "pycache")
    return environment


def _run(arguments: list[str]) -> tuple[float, float]:
    """Wall and CPU time (user + system) of one ``focuscoder ARGUMENTS``, in ms."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "app", *arguments], check=True, capture_output=True, env=_environment())
    wall = (time.perf_counter() - started) * 1000
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1000


def timed(arguments: list[str]) -> dict[str, float]:
    """Best and median wall and CPU time of ``focuscoder ARGUMENTS`` over RUNS fresh processes, in ms."""
    walls, cpus = zip(*(_run(arguments) for _ in range(RUNS)))
    return {"best": min(walls), "median": statistics.median(walls), "cpu": min(cpus),
            "cpu_median": statistics.median(cpus)}


def main() -> int:
    project = str(prepared_project())
    for arguments in (["--help"], ["stats", project, "--by", "speaker"]):  # compiles the modules, warms caches
        _run(arguments)
    help_ = timed(["--help"])
    stats = timed(["stats", project, "--by", "speaker"])
    info = timed(["info", project, "--json"])
    for name, figures in (("--help", help_), ("stats --by speaker", stats), ("info --json", info)):
        print(f"focuscoder {name:18} wall best {figures['best']:6.0f} ms, median {figures['median']:6.0f} ms;"
              f"  CPU best {figures['cpu']:6.0f} ms, median {figures['cpu_median']:6.0f} ms")
    beyond = stats["best"] - help_["best"]
    print(f"stats minus --help: {beyond:.0f} ms wall, {stats['cpu'] - help_['cpu']:.0f} ms CPU "
          f"(target {TARGET_MS} ms) -> {'met' if beyond < TARGET_MS else 'MISSED'}")
    return 0 if beyond < TARGET_MS else 1


if __name__ == "__main__":
    sys.exit(main())
