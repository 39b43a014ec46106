"""Per-call cost in process: sequential creates through an `httpx.MockTransport`, each way.

Every way shares the transport's cost, so the ratios show what each adds over the floor,
raw (b): argument checks, models, JSON and the returned `Task`. Wall and CPU medians over
rounds in which the ways take turns (the order rotating each round, so drift hits all alike);
on a busy machine trust the instruction counts (`bench_instructions`) for ratios.
"""

from __future__ import annotations

import asyncio
import gc
import time
from collections.abc import Awaitable, Callable

from _measure import Comparison
from _workload import CALLS, MockCalls

WARM_UP_CALLS = 50


def _per_call(call: Callable[[], object], calls: int) -> tuple[float, float]:
    """Wall and CPU microseconds a call."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        call()
    return (time.perf_counter() - wall) / calls * 1e6, (time.process_time() - cpu) / calls * 1e6


async def _aper_call(call: Callable[[], Awaitable[object]], calls: int) -> tuple[float, float]:
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(calls):
        await call()
    return (time.perf_counter() - wall) / calls * 1e6, (time.process_time() - cpu) / calls * 1e6


def _rotate(
    rounds: int, measures: dict[str, Callable[[], tuple[float, float]]]
) -> dict[str, list[tuple[float, float]]]:
    """Each measure once a round, starting one further along each round."""
    names = list(measures)
    results: dict[str, list[tuple[float, float]]] = {name: [] for name in names}
    for index in range(rounds):
        for name in names[index % len(names) :] + names[: index % len(names)]:
            results[name].append(measures[name]())
    return results


# (way, baseline, goal by call): ratios reported for each call and mode.
RATIOS = (
    ("ours", "raw (b)", {"seed example": 1.3, "all 33 parameters": 1.5}),
    ("ours", "raw (a)", {}),
    ("generated", "raw (b)", {}),
    ("raw (a)", "raw (b)", {}),
)


def comparisons(
    label: str, unit: str, per_way: dict[str, list[float]], call_name: str, *, goals: bool
) -> list[Comparison]:
    """Each way of RATIOS against its baseline; the goals only where `goals` (the rows that
    track them: instruction counts, which a busy machine does not move)."""
    return [
        Comparison(
            f"{label}: {way} / {baseline}",
            unit,
            per_way[way],
            per_way[baseline],
            "lower",
            goal=call_goals.get(call_name) if goals else None,
        )
        for way, baseline, call_goals in RATIOS
    ]


def run(rounds: int, calls: int) -> list[Comparison]:
    results: list[Comparison] = []
    with asyncio.Runner() as runner:
        for call_name, arguments in CALLS.items():
            mock = MockCalls(arguments)
            sync = {way: mock.way(way) for way in mock.WAYS}
            async_ = {way: mock.away(way) for way in mock.WAYS}
            for way in mock.WAYS:
                _per_call(sync[way], WARM_UP_CALLS)
                runner.run(_aper_call(async_[way], WARM_UP_CALLS))
            for mode, measures in (
                ("sync", {w: (lambda f=f: _per_call(f, calls)) for w, f in sync.items()}),
                (
                    "async",
                    {w: (lambda f=f: runner.run(_aper_call(f, calls))) for w, f in async_.items()},
                ),
            ):
                timed = _rotate(rounds, measures)
                for index, kind in enumerate(("wall", "CPU")):
                    per_way = {way: [sample[index] for sample in timed[way]] for way in timed}
                    label = f"{kind} {call_name}, {mode}"
                    results += comparisons(label, "us/call", per_way, call_name, goals=False)
            runner.run(mock.aclose())
    return results
