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

import bench_anchors
import bench_batch
import bench_import
import bench_instructions
import bench_loopback
import bench_memory
import bench_overhead
import httpx
from _measure import Comparison
from bench_loopback import Server, task_server

import xpander_tasks

ROOT = Path(__file__).resolve().parents[1]


@dataclass(frozen=True)
class Sizes:
    import_rounds: int
    overhead_rounds: int
    overhead_calls: int
    instruction_calls: int
    loopback_rounds: int
    loopback_tasks: int
    bursts: tuple[int, ...]
    memory_rounds: int
    memory_calls: int
    anchor_rounds: int
    anchor_calls: int


FULL = Sizes(21, 5, 1000, 50, 5, 500, (1000, 10_000), 3, 10_000, 5, 100)
QUICK = Sizes(3, 1, 100, 3, 1, 20, (50,), 1, 1000, 1, 10)

# Each benchmark: its comparisons, and notes (rows skipped, how a burst went).
Results = tuple[list[Comparison], list[str]]


def _bare(comparisons: list[Comparison]) -> Results:
    return comparisons, []


def _noted(comparisons: list[Comparison], note: str | None) -> Results:
    return comparisons, [] if note is None else [note]


BENCHMARKS: dict[str, Callable[[Sizes, argparse.Namespace, Server], Results]] = {
    "import": lambda sizes, args, server: bench_import.run(
        sizes.import_rounds, args.import_python, server.url
    ),
    "overhead": lambda sizes, _, __: _bare(
        bench_overhead.run(sizes.overhead_rounds, sizes.overhead_calls)
    ),
    "instructions": lambda sizes, _, __: _noted(*bench_instructions.run(sizes.instruction_calls)),
    "loopback": lambda sizes, _, server: bench_loopback.run(
        sizes.loopback_rounds, sizes.loopback_tasks, sizes.bursts, server
    ),
    "memory": lambda sizes, _, __: _bare(bench_memory.run(sizes.memory_rounds, sizes.memory_calls)),
    "batch": lambda _, args, __: _bare(bench_batch.run(args.quick)),
    "anchors": lambda sizes, _, server: bench_anchors.run(
        sizes.anchor_rounds, sizes.anchor_calls, server.url
    ),
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
    notes: list[str] = []
    with task_server() as server:
        for name in args.only:
            print(f"{name}:", flush=True)
            results[name], found = BENCHMARKS[name](sizes, args, server)
            for comparison in results[name]:
                print(comparison.line(), flush=True)
            for note in found:
                print(f"  note: {note}", flush=True)
            notes += found
    missed = [c.name for comparisons in results.values() for c in comparisons if c.met is False]
    report = {
        "meta": _meta(args.quick),
        "benchmarks": {
            name: [{"name": c.name, **c.to_json()} for c in comparisons]
            for name, comparisons in results.items()
        },
        "missed": missed,
        "notes": notes,
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(report, indent=2) + "\n")
    print(f"goals missed: {', '.join(missed) or 'none'}\nwritten: {args.out}")


if __name__ == "__main__":
    main(sys.argv[1:])
