"""``python -m benchmarks`` (``make bench``): every case at three sizes, a table, a JSON file, and exit status 1 when
a target is missed.

Each measurement runs in a fresh process, so its peak memory is its own and no case warms another's caches.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.cases import CASE_BY_NAME, CASES, Case, run_case
from benchmarks.fixtures import SIZE_BY_NAME, SIZES, Size, prepare

RESULTS = Path(__file__).resolve().parent / "results"


def measure_here(case_name: str, size_name: str) -> dict:
    """Run one case at one size in this process (the child side)."""
    prepared = prepare(SIZE_BY_NAME[size_name])
    seconds, floor = run_case(CASE_BY_NAME[case_name], prepared)
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"seconds": seconds, "floor": floor, "peak_mb": peak_kb / 1024}


def measure_apart(case: Case, size: Size) -> dict:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--one", case.name, size.name],
        capture_output=True, text=True, check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{case.name} at {size.name} failed:\n{result.stderr}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def growth_exponent(sizes: list[Size], seconds: list[float]) -> float | None:
    """Least-squares slope of log(time) over log(words)."""
    if len(sizes) < 2:
        return None
    xs = [math.log(size.words) for size in sizes]
    ys = [math.log(max(value, 1e-9)) for value in seconds]
    mean_x, mean_y = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = sum((x - mean_x) ** 2 for x in xs)
    return sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread


def verdicts(case: Case, rows: list[dict], exponent: float | None) -> list[str]:
    """The targets this case missed, in words (an empty list: all met)."""
    missed, target, largest = [], case.target, rows[-1]
    for row in rows:
        if target.ratio is not None and row["ratio"] is not None and row["ratio"] > target.ratio:
            missed.append(f"ratio {row['ratio']:.2f} > {target.ratio} at {row['size']}")
    if target.exponent is not None and exponent is not None and exponent > target.exponent:
        missed.append(f"exponent {exponent:.2f} > {target.exponent}")
    if target.seconds is not None and largest["seconds"] > target.seconds:
        missed.append(f"{largest['seconds'] * 1000:.0f} ms > {target.seconds * 1000:.0f} ms at {largest['size']}")
    if target.memory_mb is not None and largest["peak_mb"] > target.memory_mb:
        missed.append(f"{largest['peak_mb']:.0f} MB > {target.memory_mb} MB at {largest['size']}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--sizes", default=",".join(size.name for size in SIZES))
    parser.add_argument("--cases", help="comma-separated case names (default: all)")
    parser.add_argument("--output", type=Path, default=RESULTS / "latest.json")
    parser.add_argument("--one", nargs=2, metavar=("CASE", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(measure_here(*args.one)))
        return 0

    sizes = [SIZE_BY_NAME[name] for name in args.sizes.split(",")]
    cases = [CASE_BY_NAME[name] for name in args.cases.split(",")] if args.cases else list(CASES)
    for size in sizes:
        print(f"preparing {size.name} study ({size.words:,} words, {size.codings:,} codings) ...", flush=True)
        prepare(size)

    report, failed = [], False
    print(f"\n{'case':<30}{'size':<8}{'time':>11}{'floor':>11}{'ratio':>8}{'peak MB':>9}   k")
    for case in cases:
        rows = []
        for size in sizes:
            try:
                measured = measure_apart(case, size)
            except RuntimeError as exc:  # one failing case does not lose the others' figures
                reason = str(exc).strip().splitlines()[-1]
                print(f"{case.name:<30}{size.name:<8}   failed: {reason}", flush=True)
                rows.append({"size": size.name, "words": size.words, "codings": size.codings, "failed": reason})
                continue
            floor = measured["floor"]
            rows.append({
                "size": size.name, "words": size.words, "codings": size.codings,
                "seconds": measured["seconds"], "floor": floor, "peak_mb": measured["peak_mb"],
                "ratio": measured["seconds"] / floor if floor else None,
            })
            ratio = f"{rows[-1]['ratio']:.2f}" if floor else "-"
            floor_text = f"{floor * 1000:.1f} ms" if floor else "-"
            print(f"{case.name:<30}{size.name:<8}{measured['seconds'] * 1000:>8.1f} ms{floor_text:>11}"
                  f"{ratio:>8}{measured['peak_mb']:>9.0f}", flush=True)
        done = [row for row in rows if "failed" not in row]
        measured_sizes = [size for size, row in zip(sizes, rows) if "failed" not in row]
        exponent = growth_exponent(measured_sizes, [row["seconds"] for row in done])
        missed = [f"failed at {row['size']}: {row['failed']}" for row in rows if "failed" in row]
        missed += verdicts(case, done, exponent) if done else []
        failed |= bool(missed)
        print(f"{'':<30}{'k':<8}{'':>38}   {exponent:.2f}" if exponent is not None else "", end="")
        print(f"   {'MISSED: ' + '; '.join(missed) if missed else 'ok'}")
        report.append({"case": case.name, "what": case.what, "target": vars(case.target), "sizes": rows,
                       "exponent": exponent, "missed": missed})
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps({
        "when": datetime.now(timezone.utc).isoformat(timespec="seconds"), "cases": report,
    }, indent=2), encoding="utf-8")
    print(f"\nwritten to {args.output}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
