"""Per-call overhead in process: N sequential creates through an `httpx.MockTransport`.

Both sides share the transport's cost, so the ratio shows what the client adds over the
cheapest possible use of httpx: argument checks, models, JSON and the returned `Task`.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable

from _measure import Comparison, alternate
from _workload import MockCalls

WARM_UP_CALLS = 50


def _microseconds_per_call(call: Callable[[], object], calls: int) -> float:
    gc.collect()
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


async def _amicroseconds_per_call(call: Callable[[], Awaitable[object]], calls: int) -> float:
    gc.collect()
    started = time.perf_counter()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - started) / calls * 1e6


def _comparison(name: str, results: tuple[list[float], list[float]]) -> Comparison:
    return Comparison(name, "us/call", *results, better="lower", goal=1.3)


def run(rounds: int, calls: int) -> list[Comparison]:
    mock = MockCalls()
    for call in (mock.ours, mock.floor, mock.raw):
        _microseconds_per_call(call, WARM_UP_CALLS)
    sync = alternate(
        rounds,
        lambda: _microseconds_per_call(mock.ours, calls),
        lambda: _microseconds_per_call(mock.raw, calls),
    )
    # Informative, no goal: the generated models alone over the same baseline.
    floor = alternate(
        rounds,
        lambda: _microseconds_per_call(mock.floor, calls),
        lambda: _microseconds_per_call(mock.raw, calls),
    )
    with asyncio.Runner() as runner:
        for acall in (mock.aours, mock.araw):
            runner.run(_amicroseconds_per_call(acall, WARM_UP_CALLS))
        async_ = alternate(
            rounds,
            lambda: runner.run(_amicroseconds_per_call(mock.aours, calls)),
            lambda: runner.run(_amicroseconds_per_call(mock.araw, calls)),
        )
        runner.run(mock.aclose())
    return [
        _comparison("per-call overhead: sync create", sync),
        _comparison("per-call overhead: async acreate", async_),
        Comparison("per-call floor: generated models", "us/call", *floor, better="lower"),
    ]
