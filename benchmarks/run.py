"""Run the benchmarks: ours against its baseline, alternating; prints a table, writes JSON.

    python benchmarks/run.py                      # the full run, a few minutes
    python benchmarks/run.py --quick              # a small run, seconds
    python benchmarks/run.py --only overhead memory --out /tmp/bench.json

Ratios are ours / baseline. A missed goal is reported, never an error: benchmarks assert
nothing about time.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import bench_batch
import bench_import
import bench_loopback
import bench_memory
import bench_overhead
import httpx
from _measure import Comparison

import xpander_tasks

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sizes:
    import_rounds: int
    overhead_rounds: int
    overhead_calls: int
    loopback_rounds: int
    loopback_tasks: int
    memory_rounds: int
    memory_calls: int


FULL = Sizes(21, 7, 2000, 9, 1000, 3, 10_000)
QUICK = Sizes(3, 3, 100, 1, 20, 1, 1000)

BENCHMARKS: dict[str, Callable[[Sizes, argparse.Namespace], list[Comparison]]] = {
    "import": lambda sizes, args: bench_import.run(sizes.import_rounds, args.import_python),
    "overhead": lambda sizes, _: bench_overhead.run(sizes.overhead_rounds, sizes.overhead_calls),
    "loopback": lambda sizes, _: bench_loopback.run(sizes.loopback_rounds, sizes.loopback_tasks),
    "memory": lambda sizes, _: bench_memory.run(sizes.memory_rounds, sizes.memory_calls),
    "batch": lambda _, args: bench_batch.run(args.quick),
}


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--quick", action="store_true", help="a small run, in seconds")
    parser.add_argument(
        "--only", nargs="+", choices=list(BENCHMARKS), default=list(BENCHMARKS), metavar="NAME"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "reports" / "bench.json", help="the JSON results"
    )
    parser.add_argument(
        "--import-python",
        default=sys.executable,
        help="the interpreter whose imports are timed: one with only the runtime dependencies "
        "installed, so no extra (the server's click, say) changes what `import httpx` loads",
    )
    return parser.parse_args(argv)


def _meta(quick: bool) -> dict[str, Any]:
    return {
        "date": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "quick": quick,
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "httpx": httpx.__version__,
        "xpander_tasks": xpander_tasks.__version__,
    }


def main(argv: Sequence[str] | None = None) -> None:
    args = _parse(argv)
    sizes = QUICK if args.quick else FULL
    results: dict[str, list[Comparison]] = {}
    for name in args.only:
        print(f"{name}:", flush=True)
        results[name] = BENCHMARKS[name](sizes, args)
        for comparison in results[name]:
            print(comparison.line(), flush=True)
    missed = [c.name for comparisons in results.values() for c in comparisons if c.met is False]
    report = {
        "meta": _meta(args.quick),
        "benchmarks": {
            name: [{"name": c.name, **c.to_json()} for c in comparisons]
            for name, comparisons in results.items()
        },
        "missed": missed,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"goals missed: {', '.join(missed) or 'none'}\nwritten: {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
