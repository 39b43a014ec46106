"""Loopback throughput: tasks created per second against the local server, over real HTTP.

The server runs in its own process (`python -m xpander_tasks_server`), so this process's CPU
time is the client's alone; ours (one `Tasks`) and raw httpx (one `AsyncClient`, the same
default pool limits) take turns on the same server at each concurrency.
"""

from __future__ import annotations

import asyncio
import functools
import os
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx
from _measure import Better, Comparison, alternate
from _workload import API_KEY, ours_acreate, raw_acreate

from xpander_tasks import Tasks

CONCURRENCIES = (1, 16, 128)
_TICKS_PER_SECOND = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Server:
    url: str
    pid: int


@contextmanager
def task_server(*options: str) -> Iterator[Server]:
    """The task server's CLI on a free loopback port, in a child process; `options` are
    more of its arguments (`--step-delay`, "0")."""
    argv = [sys.executable, "-m", "xpander_tasks_server", "--port", "0"]
    argv += ["--api-key", API_KEY, "--log-level", "warning", *options]
    with subprocess.Popen(argv, stdout=subprocess.PIPE, text=True) as process:
        try:
            assert process.stdout is not None
            # "Serving the task API on http://127.0.0.1:PORT": the socket already listens.
            url = process.stdout.readline().split()[-1]
            yield Server(url, process.pid)
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
    ("throughput", "tasks/s", lambda run: run.tasks_per_second, "higher", 0.9),
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


def run(rounds: int, tasks_per_round: int) -> list[Comparison]:
    comparisons: list[Comparison] = []
    with task_server() as server, asyncio.Runner() as runner:
        tasks = Tasks(api_key=API_KEY, base_url=server.url)
        raw_client = httpx.AsyncClient(base_url=server.url)

        def ours() -> Awaitable[object]:
            return ours_acreate(tasks)

        def raw() -> Awaitable[object]:
            return raw_acreate(raw_client)

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
