"""Batch runs: items per second and peak memory of `xpander-tasks batch run` over loopback.

The task server runs in its own process at `--step-delay 0` (a task is completed when first
read), each run in a child process of its own. Throughput: the batch command (journal,
output lines, rate gate, following each task) against a plain asyncio loop of `acreate` and
`await_completion` that records nothing, both holding at most 16 items at once: what the
batch costs beyond its calls. Memory: the batch's peak RSS at N items against N/10 items;
flat means the ratio stays near 1 (the batch holds at most `--max-following` items).

    python benchmarks/bench_batch.py           # 10,000 items
    python benchmarks/bench_batch.py --quick   # 100 items
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from _measure import Comparison, run_child
from _workload import AGENT_ID, API_KEY
from bench_loopback import task_server

from xpander_tasks import Tasks

CONCURRENCY = 16
FULL_ITEMS = 10_000
QUICK_ITEMS = 100


def _peak_rss_mib() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmHWM:"))
    return int(line.split()[1]) / 1024


def _batch_child(url: str, items: int) -> dict[str, Any]:
    """The batch command, in this process, over `items` items."""
    from xpander_tasks._cli import main

    with tempfile.TemporaryDirectory() as directory:
        source, out = Path(directory) / "in.jsonl", Path(directory) / "out.jsonl"
        with source.open("w") as lines:
            for index in range(items):
                lines.write(json.dumps({"prompt": f"item {index}"}) + "\n")
        os.environ.update(XPANDER_API_KEY=API_KEY, XPANDER_BASE_URL=url)
        argv = ["batch", "run", str(source), "--agent-id", AGENT_ID, "--out", str(out)]
        argv += ["--concurrency", str(CONCURRENCY), "--max-following", str(CONCURRENCY)]
        argv += ["--poll-interval", "0.01"]
        started = time.perf_counter()
        code = main(argv)
        seconds = time.perf_counter() - started
        written = sum(1 for _ in out.open())
    if code != 0 or written != items:
        raise SystemExit(f"the batch ended {code} with {written} of {items} lines")
    return {"items_per_second": items / seconds, "peak_rss_mib": _peak_rss_mib()}


async def _loop_child(url: str, items: int) -> dict[str, Any]:
    """The baseline: `items` creates, each awaited to its end, `CONCURRENCY` at once."""
    remaining = items
    async with Tasks(API_KEY, base_url=url) as tasks:

        async def worker() -> None:
            nonlocal remaining
            while remaining > 0:
                remaining -= 1
                task = await tasks.acreate(AGENT_ID, prompt=f"item {remaining}")
                await task.await_completion(poll_interval=0.01)

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
        seconds = time.perf_counter() - started
    return {"items_per_second": items / seconds, "peak_rss_mib": _peak_rss_mib()}


def _spawn(kind: str, url: str, items: int) -> dict[str, Any]:
    child = run_child([sys.executable, str(Path(__file__)), kind, url, str(items)])
    result: dict[str, Any] = json.loads(child.stdout.splitlines()[-1])
    return result


def run(quick: bool) -> list[Comparison]:
    items = QUICK_ITEMS if quick else FULL_ITEMS
    with task_server(step_delay=0) as server:
        batch = _spawn("batch", server.url, items)
        loop = _spawn("loop", server.url, items)
        small = _spawn("batch", server.url, items // 10)
    return [
        Comparison(
            f"batch: items/s, {items:,} items",
            "items/s",
            [batch["items_per_second"]],
            [loop["items_per_second"]],
            "higher",
        ),
        Comparison(
            f"batch: peak RSS, {items:,} vs {items // 10:,} items",
            "MiB",
            [batch["peak_rss_mib"]],
            [small["peak_rss_mib"]],
            "lower",
            goal=1.1,
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] in (["batch"], ["loop"]):
        kind, url, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
        result = (
            _batch_child(url, count) if kind == "batch" else asyncio.run(_loop_child(url, count))
        )
        print(json.dumps(result))
    else:
        for comparison in run("--quick" in sys.argv):
            print(comparison.line())
