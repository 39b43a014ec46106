"""Loopback: tasks created per second against the local server, over real HTTP, and bursts.

The server runs in its own process (`benchmarks/_server.py`), so this process's CPU time is
the client's alone; ours (one `Tasks`) and raw httpx (one `AsyncClient`, the same default
pool limits, posting ours's body as prebuilt bytes: raw (a)) take turns on the same server at each
concurrency. A burst starts N creates at once on one client, each side in a fresh child
process (`python benchmarks/bench_loopback.py ours|raw N URL`) so its peak memory is its own;
the server's counters then say whether every create arrived exactly once.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
from _measure import Better, Comparison, alternate, run_child
from _workload import API_KEY, NEW_TASK_ARGUMENTS, SEED_ARGUMENTS, raw_request

from xpander_tasks import Tasks
from xpander_tasks._spec_params import create_task_call

CONCURRENCIES = (1, 16, 128)
# A burst still running after this is cut off and reported as such (raw httpx's pool, with
# thousands queued, can take many minutes to fail them all). Its cancellation is as slow (the
# pool scans every waiting request for each one it drops), so the child is killed if it
# outlives the limit by a margin.
BURST_LIMIT_SECONDS = 300
_BURST_KILL_SECONDS = BURST_LIMIT_SECONDS + 60
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


class Server:
    """The local task server in a child process: its URL, pid and counters."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        assert process.stdin is not None and process.stdout is not None
        self._process = process
        self._stdin, self._stdout = process.stdin, process.stdout
        self.url = self._stdout.readline().strip()
        self.pid = process.pid

    def counters(self) -> dict[str, int]:
        self._stdin.write("\n")
        self._stdin.flush()
        answer: dict[str, int] = json.loads(self._stdout.readline())
        return answer


@contextmanager
def task_server(step_delay: float | None = None) -> Iterator[Server]:
    """The local task server in a child process; its tasks stay pending unless a
    `step_delay` is given."""
    argv = [sys.executable, str(Path(__file__).with_name("_server.py"))]
    argv += [] if step_delay is None else [str(step_delay)]
    with subprocess.Popen(
        argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            yield Server(process)
        finally:
            process.terminate()
            process.wait(10)


def _cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far; Linux's /proc only."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / _TICKS_PER_SECOND


@dataclass(frozen=True)
class Run:
    tasks_per_second: float
    client_cpu_us_per_task: float
    server_busy: float  # the server's CPU time over the wall time: 1.0 is one core, saturated


async def _create_many(
    create: Callable[[], Awaitable[object]], concurrency: int, total: int, server_pid: int
) -> Run:
    remaining = total

    async def worker() -> None:
        nonlocal remaining
        while remaining > 0:
            remaining -= 1
            await create()

    cpu, server_cpu, started = time.process_time(), _cpu_seconds(server_pid), time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    wall = time.perf_counter() - started
    cpu, server_cpu = time.process_time() - cpu, _cpu_seconds(server_pid) - server_cpu
    return Run(total / wall, cpu / total * 1e6, server_cpu / wall)


# What each run yields: (label, unit, its value in a run, which way is better, the goal).
_METRICS: tuple[tuple[str, str, Callable[[Run], float], Better, float | None], ...] = (
    ("throughput", "tasks/s", lambda run: run.tasks_per_second, "higher", 0.95),
    ("client CPU", "us/task", lambda run: run.client_cpu_us_per_task, "lower", None),
    ("server busy", "cores", lambda run: run.server_busy, "lower", None),
)


def _comparisons(concurrency: int, ours: list[Run], raw: list[Run]) -> list[Comparison]:
    return [
        Comparison(
            f"loopback c={concurrency}: {label}",
            unit,
            [value(run) for run in ours],
            [value(run) for run in raw],
            better,
            goal,
        )
        for label, unit, value, better, goal in _METRICS
    ]


def _raw_client(url: str) -> tuple[httpx.AsyncClient, Callable[[], Awaitable[Any]]]:
    # Ours's own body, prebuilt: the server then does the same work for both sides (ours
    # sends every key, as the published SDK does; a body of the passed keys checks faster).
    path, _, headers = raw_request(NEW_TASK_ARGUMENTS)
    body = create_task_call(**NEW_TASK_ARGUMENTS).body.to_dict()
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
    client = httpx.AsyncClient(base_url=url)

    async def create() -> Any:
        response = await client.post(path, content=content, headers=headers)
        if response.status_code != 200:
            raise RuntimeError(f"raw httpx: HTTP {response.status_code}: {response.text}")
        return json.loads(response.content)

    return client, create


def throughput(rounds: int, tasks_per_round: int, server: Server) -> list[Comparison]:
    comparisons: list[Comparison] = []
    with asyncio.Runner() as runner:
        tasks = Tasks(api_key=API_KEY, base_url=server.url)
        raw_client, raw = _raw_client(server.url)

        def ours() -> Awaitable[object]:
            return tasks.acreate(**NEW_TASK_ARGUMENTS)

        def measure(create: Callable[[], Awaitable[object]], concurrency: int, total: int) -> Run:
            return runner.run(_create_many(create, concurrency, total, server.pid))

        for concurrency in CONCURRENCIES:
            # Warm up (open the connections), then `tasks_per_round` tasks a round: ask for at
            # least as many as the highest concurrency, or some workers will find none left.
            measure(ours, concurrency, min(concurrency, tasks_per_round))
            measure(raw, concurrency, min(concurrency, tasks_per_round))
            results = alternate(
                rounds,
                functools.partial(measure, ours, concurrency, tasks_per_round),
                functools.partial(measure, raw, concurrency, tasks_per_round),
            )
            comparisons += _comparisons(concurrency, *results)
        runner.run(raw_client.aclose())
        runner.run(tasks.aclose())
    return comparisons


async def _burst(side: str, count: int, url: str) -> dict[str, Any]:
    """`count` seed creates at once on one client; what succeeded, how the rest failed."""
    if side == "ours":
        tasks = Tasks(api_key=API_KEY, base_url=url)
        create: Callable[[], Awaitable[Any]] = lambda: tasks.acreate(**SEED_ARGUMENTS)  # noqa: E731
        close: Callable[[], Awaitable[None]] = tasks.aclose
    else:
        client = httpx.AsyncClient(base_url=url)
        path, body, headers = raw_request(SEED_ARGUMENTS)

        async def create() -> Any:
            response = await client.post(path, json=body, headers=headers)
            response.raise_for_status()
            return response.json()

        close = client.aclose
    results: list[Any] = []

    async def one() -> None:
        try:
            results.append(await create())
        except Exception as error:  # raw httpx may fail: the row says how
            results.append(error)

    started = time.perf_counter()
    try:
        async with asyncio.timeout(BURST_LIMIT_SECONDS):
            await asyncio.gather(*(one() for _ in range(count)))
    except TimeoutError:
        results.append(TimeoutError(f"not done after {BURST_LIMIT_SECONDS} s"))
    seconds = time.perf_counter() - started
    await close()
    ids = [r.id if side == "ours" else r["id"] for r in results if not isinstance(r, BaseException)]
    errors = sorted({type(r).__name__ for r in results if isinstance(r, BaseException)})
    return {
        "seconds": seconds,
        "succeeded": len(ids),
        "distinct_ids": len(set(ids)),
        "errors": errors,
        "peak_rss_mib": _peak_rss_mib(),
    }


def _peak_rss_mib() -> float:
    with open("/proc/self/status") as status:
        return int(next(line for line in status if line.startswith("VmHWM:")).split()[1]) / 1024


@dataclass(frozen=True)
class Burst:
    """One side's burst: the child's report plus the server's view of it."""

    result: dict[str, Any]
    created: int  # new tasks the server stored during the burst
    creates: int  # create requests that reached the server

    def verdict(self, count: int) -> str:
        ok = self.result["succeeded"] == self.result["distinct_ids"] == self.created == count
        ok = ok and self.creates == count
        if ok:
            return "all succeeded, no duplicate"
        return (
            f"{self.result['succeeded']:,} of {count:,} succeeded "
            f"({', '.join(self.result['errors']) or 'no error'}); the server stored "
            f"{self.created:,} tasks from {self.creates:,} create requests"
        )


def _run_burst(side: str, count: int, server: Server) -> Burst:
    before = server.counters()
    argv = [sys.executable, str(Path(__file__)), side, str(count), server.url]
    try:
        result = json.loads(run_child(argv, limit_seconds=_BURST_KILL_SECONDS).stdout)
    except subprocess.TimeoutExpired:
        result = {
            "seconds": float(_BURST_KILL_SECONDS),
            "succeeded": 0,
            "distinct_ids": 0,
            "errors": [f"killed: not done after {_BURST_KILL_SECONDS} s"],
            "peak_rss_mib": None,
        }
    after = server.counters()
    created = after["tasks_created"] - before["tasks_created"]
    return Burst(result, created, after["creates"] - before["creates"])


def bursts(counts: tuple[int, ...], server: Server) -> tuple[list[Comparison], list[str]]:
    comparisons: list[Comparison] = []
    notes: list[str] = []
    for count in counts:
        ours, raw = _run_burst("ours", count, server), _run_burst("raw", count, server)
        # Ours must hold its promise: every create once. Raw httpx may fail: say how.
        goal_met = ours.verdict(count) == "all succeeded, no duplicate"
        comparisons += [
            Comparison(
                f"burst {count:,} acreate: time",
                "s",
                [ours.result["seconds"]],
                [raw.result["seconds"]],
                "lower",
            ),
            Comparison(
                f"burst {count:,} acreate: succeeded",
                "tasks",
                [ours.created if goal_met else 0],
                [raw.result["succeeded"]],
                "higher",
                limit=count,
            ),
        ]
        if ours.result["peak_rss_mib"] is not None and raw.result["peak_rss_mib"] is not None:
            comparisons.append(
                Comparison(
                    f"burst {count:,} acreate: peak RSS",
                    "MiB",
                    [ours.result["peak_rss_mib"]],
                    [raw.result["peak_rss_mib"]],
                    "lower",
                )
            )
        notes.append(
            f"burst {count:,}: ours: {ours.verdict(count)}; raw httpx: {raw.verdict(count)}"
        )
    return comparisons, notes


def run(
    rounds: int, tasks_per_round: int, burst_counts: tuple[int, ...], server: Server
) -> tuple[list[Comparison], list[str]]:
    comparisons = throughput(rounds, tasks_per_round, server)
    burst_comparisons, notes = bursts(burst_counts, server)
    return comparisons + burst_comparisons, notes


if __name__ == "__main__":
    print(json.dumps(asyncio.run(_burst(sys.argv[1], int(sys.argv[2]), sys.argv[3]))))
