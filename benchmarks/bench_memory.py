"""Memory: many creates through one client (on a `MockTransport`) must leave memory flat.

Each side runs in a fresh child process (`python benchmarks/bench_memory.py ours|raw CALLS`)
that imports the same modules, so the two differ only by the calls. After a warm-up, the child
notes its RSS and the number of memory blocks Python has allocated at a tenth of the calls and
again at the end: what grows in between is what the calls leave behind.
"""

from __future__ import annotations

import asyncio
import gc
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from _measure import Comparison, alternate, run_child
from _workload import ALL_ARGUMENTS, MockCalls

WARM_UP_CALLS = 100


def _status_mib(field: str) -> float:
    """A size from /proc/self/status (VmRSS: resident now, VmHWM: the peak), in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    raise LookupError(field)


def _snapshot() -> tuple[float, int]:
    gc.collect()
    return _status_mib("VmRSS"), sys.getallocatedblocks()


async def _measure_calls(create: Callable[[], Awaitable[object]], calls: int) -> dict[str, Any]:
    for _ in range(WARM_UP_CALLS):
        await create()
    checkpoint = calls // 10
    for _ in range(checkpoint):
        await create()
    early_rss, early_blocks = _snapshot()
    for _ in range(calls - checkpoint):
        await create()
    late_rss, late_blocks = _snapshot()
    return {
        "peak_rss_mib": _status_mib("VmHWM"),
        "rss_growth_mib": late_rss - early_rss,
        "blocks_per_call": (late_blocks - early_blocks) / (calls - checkpoint),
    }


async def _child(side: str, calls: int) -> dict[str, Any]:
    mock = MockCalls(ALL_ARGUMENTS)
    result = await _measure_calls(mock.aours if side == "ours" else mock.araw_b, calls)
    await mock.aclose()
    return result


def _spawn(side: str, calls: int) -> dict[str, Any]:
    child = run_child([sys.executable, str(Path(__file__)), side, str(calls)])
    result: dict[str, Any] = json.loads(child.stdout)
    return result


def run(rounds: int, calls: int) -> list[Comparison]:
    ours, raw = alternate(rounds, lambda: _spawn("ours", calls), lambda: _spawn("raw", calls))

    def metric(key: str) -> tuple[list[float], list[float]]:
        return [result[key] for result in ours], [result[key] for result in raw]

    span = f"{calls // 10:,}-{calls:,}"
    return [
        Comparison(f"memory: peak RSS, {calls:,} calls", "MiB", *metric("peak_rss_mib"), "lower"),
        Comparison(
            f"memory: RSS growth, {span}", "MiB", *metric("rss_growth_mib"), "lower", limit=1.0
        ),
        Comparison(
            f"memory: blocks left, {span}",
            "per call",
            *metric("blocks_per_call"),
            "lower",
            limit=0.5,
        ),
    ]


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_child(sys.argv[1], int(sys.argv[2])))))
