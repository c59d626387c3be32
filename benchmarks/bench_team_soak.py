"""Team soak benchmark (issue 24): ten coders' apps on one team project for ten minutes, at a researcher's pace with
bursts, each listening for colleagues' changes as the desktop app does.

``python -m benchmarks.bench_team_soak [--clients 10] [--minutes 10] [--pace 3] [--restart-at 0.5]`` starts a
throwaway PostgreSQL cluster on the loopback address (nothing else is contacted), publishes a small study and runs
each coder as a process of its own for the given time: a coding every ``--pace`` seconds on average (a fifth of the
steps takes back one of the coder's own codings instead), and now and then a burst of ten codings back to back (a
passage list worked through). With ``--restart-at F`` the server is restarted (``pg_ctl restart -m fast``) after
that fraction of the time, as for maintenance; 0 for none. It reports changes per second, the median and 99th
percentile latency of a change, how long until this process (one more app, listening) heard of a coding, and every
client's memory at the start and the end; exit status 1 when a coding is lost or doubled or a change failed.
Everything stops by itself: the clients at their end time, the whole run at most ``minutes + 3`` minutes.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
BURST = 10
BURST_CHANCE = 0.03


def _rss_kib() -> int:
    """This process's resident memory (Linux), or its peak where /proc is not there."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def client(url: str, coder: str, seconds: float, seed: int, pace: float) -> dict:
    """One coder's app: codes until ``seconds`` are over; what it did, as one JSON-able dictionary."""
    from sqlalchemy import select

    from app.models import Coding, Document
    from app.models.team import open_team_project
    from app.models.team_events import ChangeListener
    from app.services import apply_code, remove_coding

    chooser = random.Random(seed)
    project = open_team_project(url)
    heard = [0]
    listener = ChangeListener(project, lambda _tables: heard.__setitem__(0, heard[0] + 1)).start()
    try:
        with project.reading() as session:
            length = len(session.scalar(select(Document.text).where(Document.name == "Gruppe 1")))
        mine: list[int] = []
        latencies: list[float] = []
        started: list[float] = []
        failures: list[str] = []

        def step(kind: str) -> None:
            began = time.perf_counter()
            try:
                if kind == "uncode" and mine:
                    remove_coding(project, mine.pop(chooser.randrange(len(mine))))
                else:
                    start = chooser.randrange(0, length - 20)
                    started.append(time.time())  # wall clock: compared with when another process heard of it
                    changes = apply_code(project, document="Gruppe 1", code=chooser.choice(CODES), start=start,
                                         end=start + chooser.randrange(1, 20), coder=coder)
                    mine.extend(changes.ids("coding"))
            except Exception as exc:  # noqa: BLE001 - counted and reported; the soak goes on
                failures.append(f"{type(exc).__name__}: {exc}")
            latencies.append(time.perf_counter() - began)

        step("code")  # warmed up before memory is first measured
        memory_start = _rss_kib()
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            time.sleep(min(chooser.uniform(0.5, 1.5) * pace, max(0.0, deadline - time.monotonic())))
            if time.monotonic() >= deadline:
                break
            if chooser.random() < BURST_CHANCE:
                for _ in range(BURST):
                    step("code")
            else:
                step("uncode" if chooser.random() < 0.2 else "code")
        with project.reading() as session:
            guids = list(session.scalars(select(Coding.guid).where(Coding.id.in_(mine))))
        return {"coder": coder, "guids": guids, "latencies": latencies, "started": started, "failures": failures,
                "memory_start_kib": memory_start, "memory_end_kib": _rss_kib(), "heard": heard[0]}
    finally:
        listener.stop()
        project.close()


CODES = ("Faktoren/Sprache", "Faktoren/Anerkennung", "Maßnahmen/Mentoring")


def run(clients: int, minutes: float, pace: float, restart_at: float) -> dict:
    from sqlalchemy import create_engine, func, select, text

    from app.models import Coding
    from app.models.team import open_team_project
    from app.models.team_copy import publish
    from app.models.team_events import ChangeListener
    from tests.team.cluster import SUPERUSER_PASSWORD, start_cluster
    from tests.team.conftest import small_project

    seconds = minutes * 60
    cluster = start_cluster()
    try:
        admin = create_engine(cluster.url(password=SUPERUSER_PASSWORD), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE soak"))
        admin.dispose()
        url = cluster.url(database="soak")
        with tempfile.TemporaryDirectory() as folder:
            publish(small_project(Path(folder) / "study.fcproj"), url, password=SUPERUSER_PASSWORD)

        observer = open_team_project(url, password=SUPERUSER_PASSWORD)
        heard: list[float] = []
        lock = threading.Lock()

        def on_change(tables: set[str]) -> None:
            if "coding" in tables:
                with lock:
                    heard.append(time.time())

        listener = ChangeListener(observer, on_change).start()
        environment = {**os.environ, "PGPASSWORD": SUPERUSER_PASSWORD}
        began = time.perf_counter()
        processes = [
            subprocess.Popen(
                [sys.executable, "-m", "benchmarks.bench_team_soak", "--client", url, f"coder{number}",
                 str(seconds), str(number), str(pace)],
                cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for number in range(clients)
        ]
        restarted = None
        if restart_at > 0:
            time.sleep(seconds * restart_at)
            cluster.restart()
            restarted = time.perf_counter() - began
        results = []
        for process in processes:
            out, err = process.communicate(timeout=seconds + 180)
            if process.returncode != 0:
                raise RuntimeError(f"a coding client failed:\n{err}")
            results.append(json.loads(out))
        wall = time.perf_counter() - began
        time.sleep(2)  # what is heard late is heard by now
        listener.stop()
        observer.close()
        with open_team_project(url, password=SUPERUSER_PASSWORD) as after, after.reading() as session:
            stored = set(session.scalars(select(Coding.guid)))
            doubled = len(session.execute(
                select(func.count()).select_from(Coding)
                .group_by(Coding.document_id, Coding.code_id, Coding.coder_id, Coding.start, Coding.end)
                .having(func.count() > 1)
            ).all())
    finally:
        cluster.stop()

    kept = [guid for result in results for guid in result["guids"]]
    latencies = sorted(latency for result in results for latency in result["latencies"])
    heard.sort()
    lags = []
    for moment in (moment for result in results for moment in result["started"]):
        index = bisect.bisect_left(heard, moment)
        lags.append(heard[index] - moment if index < len(heard) else float("inf"))
    lags.sort()
    return {
        "clients": clients, "minutes": minutes, "pace_s": pace, "restarted_after_s": restarted,
        "changes": len(latencies), "changes_per_s": len(latencies) / wall,
        "failures": [failure for result in results for failure in result["failures"]],
        "all_kept_stored": set(kept) <= stored, "doubled": doubled,
        "latency_median_ms": statistics.median(latencies) * 1000,
        "latency_p99_ms": latencies[int(0.99 * (len(latencies) - 1))] * 1000,
        "latency_max_ms": latencies[-1] * 1000,
        "heard_median_ms": statistics.median(lags) * 1000,
        "heard_p99_ms": lags[int(0.99 * (len(lags) - 1))] * 1000,
        "memory_kib": [(result["coder"], result["memory_start_kib"], result["memory_end_kib"]) for result in results],
        "wall_s": wall,
    }


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--client":
        url, coder, seconds, seed, pace = argv[1:6]
        print(json.dumps(client(url, coder, float(seconds), int(seed), float(pace))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--minutes", type=float, default=10.0)
    parser.add_argument("--pace", type=float, default=3.0, help="mean seconds between two steps of a coder")
    parser.add_argument("--restart-at", type=float, default=0.5, help="restart the server after this fraction")
    args = parser.parse_args(argv)
    args.minutes = min(args.minutes, 30.0)  # bounded, whatever is asked
    result = run(args.clients, args.minutes, args.pace, args.restart_at)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "team-soak.json").write_text(json.dumps(result, indent=2))
    print(f"{result['clients']} clients, {result['minutes']:g} min, a step every {args.pace:g} s plus bursts"
          + (f", server restarted after {result['restarted_after_s']:.0f} s" if result["restarted_after_s"] else ""))
    print(f"{result['changes']} changes, {result['changes_per_s']:.2f}/s; failed: {len(result['failures'])}; "
          f"kept codings all stored: {result['all_kept_stored']}; doubled: {result['doubled']}")
    print(f"latency: median {result['latency_median_ms']:.1f} ms, p99 {result['latency_p99_ms']:.1f} ms, "
          f"max {result['latency_max_ms']:.0f} ms")
    print(f"heard by another app: median {result['heard_median_ms']:.0f} ms, p99 {result['heard_p99_ms']:.0f} ms")
    for coder, start, end in result["memory_kib"]:
        print(f"  {coder}: memory {start / 1024:.1f} -> {end / 1024:.1f} MiB")
    bad = result["failures"] or not result["all_kept_stored"] or result["doubled"]
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
