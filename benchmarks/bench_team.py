"""Team project benchmark (issue 9): ten coders applying codings at once on one PostgreSQL team project.

``python -m benchmarks.bench_team [--clients 10] [--codings 50] [--pace 0.25]`` starts a throwaway PostgreSQL cluster on the
loopback address, publishes a small study, and runs each coder as a separate process applying codings one after
another (each a committed service call; ``--pace`` is the mean pause between two, default a quarter of a second,
ten times faster than a person codes; ``--pace 0`` codes back to back, a stress test), while this process listens as one more desktop app would. It reports
whether every coding was stored, the latency of applying a code (median, 95th percentile) and how long it took
until the listening app heard of each coding; exit status 1 when a target is missed:

- every coding stored;
- median latency of applying a code under 50 ms;
- every coding heard by another client within 2 seconds.
"""

from __future__ import annotations

import argparse
import bisect
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parents[1]
RESULTS = Path(__file__).resolve().parent / "results"
LATENCY_TARGET_S = 0.050
VISIBLE_TARGET_S = 2.0


def run(clients: int, codings: int, pace: float) -> dict:
    from app.models import Coding
    from app.models.team import open_team_project
    from app.models.team_copy import publish
    from app.models.team_events import ChangeListener
    from tests.team.cluster import SUPERUSER_PASSWORD, start_cluster
    from tests.team.conftest import small_project

    cluster = start_cluster()
    try:
        admin = create_engine(cluster.url(password=SUPERUSER_PASSWORD), isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text("CREATE DATABASE bench"))
        admin.dispose()
        url = cluster.url(database="bench")
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
                [sys.executable, "-m", "tests.team.coding_client", url, f"coder{number}", str(codings), str(number),
                 str(pace)],
                cwd=ROOT, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            )
            for number in range(clients)
        ]
        results = []
        for process in processes:
            out, err = process.communicate(timeout=600)
            if process.returncode != 0:
                raise RuntimeError(f"a coding client failed:\n{err}")
            results.append(json.loads(out))
        wall = time.perf_counter() - began
        time.sleep(VISIBLE_TARGET_S)  # what is heard late is heard by now
        listener.stop()
        with observer.reading() as session:
            stored = session.scalar(select(func.count()).select_from(Coding))
            guids = set(session.scalars(select(Coding.guid)))
        observer.close()
    finally:
        cluster.stop()

    made = [guid for result in results for guid in result["guids"]]
    latencies = sorted(latency for result in results for latency in result["latencies"])
    heard.sort()
    lags = []
    # From the moment a coder applied the code to the first notification after it: what a colleague waits.
    for started in (moment for result in results for moment in result["started"]):
        index = bisect.bisect_left(heard, started)
        lags.append(heard[index] - started if index < len(heard) else float("inf"))
    lags.sort()
    return {
        "clients": clients,
        "codings_per_client": codings,
        "pace_s": pace,
        "applied": len(latencies),
        "new_codings": len(made),
        "all_stored": set(made) <= guids and stored == 3 + len(made),
        "latency_median_ms": statistics.median(latencies) * 1000,
        "latency_p95_ms": latencies[int(0.95 * (len(latencies) - 1))] * 1000,
        "heard_median_ms": statistics.median(lags) * 1000,
        "heard_max_ms": lags[-1] * 1000,
        "wall_s": wall,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--codings", type=int, default=50)
    parser.add_argument("--pace", type=float, default=0.25, help="mean seconds between two codings of a coder")
    args = parser.parse_args(argv)
    result = run(args.clients, args.codings, args.pace)
    missed = []
    if not result["all_stored"]:
        missed.append("not every coding was stored")
    if result["latency_median_ms"] > LATENCY_TARGET_S * 1000:
        missed.append(f"median latency {result['latency_median_ms']:.1f} ms > {LATENCY_TARGET_S * 1000:.0f} ms")
    if result["heard_max_ms"] > VISIBLE_TARGET_S * 1000:
        missed.append(f"a coding was heard after {result['heard_max_ms']:.0f} ms > {VISIBLE_TARGET_S * 1000:.0f} ms")
    result["missed"] = missed
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"team-pace-{args.pace:g}.json").write_text(json.dumps(result, indent=2))
    print(f"{result['clients']} clients × {result['codings_per_client']} codings, one every {args.pace:g} s: "
          f"{result['new_codings']} new codings, all stored: {result['all_stored']}, {result['wall_s']:.1f} s")
    print(f"apply a code: median {result['latency_median_ms']:.1f} ms, p95 {result['latency_p95_ms']:.1f} ms "
          f"(target median < {LATENCY_TARGET_S * 1000:.0f} ms)")
    print(f"heard by another client: median {result['heard_median_ms']:.0f} ms, max {result['heard_max_ms']:.0f} ms "
          f"(target < {VISIBLE_TARGET_S * 1000:.0f} ms)")
    print("missed: " + "; ".join(missed) if missed else "all targets met")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
