"""Where a create call's time goes: cProfile over N calls on the mock transport.

    python benchmarks/hotspots.py                 # ours, async acreate
    python benchmarks/hotspots.py --sync --raw    # the raw httpx baseline, sync
    python benchmarks/hotspots.py --phases        # sync create, layer by layer, unprofiled

Prints the share of own time by package, then the functions with the most own time. With
`--phases`, times (best of 5, no profiler) the layers a create call goes through, so each
layer's cost is a difference between two lines.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import timeit
from collections import Counter
from collections.abc import Callable, Sequence

from _workload import ALL_ARGUMENTS, MOCK_BASE_URL, MockCalls

from xpander_tasks import Task
from xpander_tasks._spec_params import create_task_call
from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api.api.tasks import create_task
from xpander_tasks_api.models import Task as GeneratedTask

# (label, a fragment of the file path), first match wins.
AREAS = (
    ("overlay (xpander_tasks)", "/xpander_tasks/"),
    ("generated (xpander_tasks_api)", "/xpander_tasks_api/"),
    ("httpx", "/httpx/"),
    ("attrs", "/attr"),
    ("asyncio", "/asyncio/"),
    ("json", "/json/"),
    ("import machinery (failed imports are not cached)", "importlib"),
    ("builtins (C functions)", "~"),
)


def _area(filename: str) -> str:
    return next((label for label, part in AREAS if part in filename), "other")


def _profile(calls: int, *, sync: bool, raw: bool) -> pstats.Stats:
    mock = MockCalls(ALL_ARGUMENTS)
    profiler = cProfile.Profile()
    if sync:
        call = mock.raw_b if raw else mock.ours
        call()  # warm up
        profiler.runcall(lambda: [call() for _ in range(calls)])
        return pstats.Stats(profiler)
    acall = mock.araw_b if raw else mock.aours

    async def many() -> None:
        for _ in range(calls):
            await acall()

    with asyncio.Runner() as runner:
        runner.run(many())  # warm up
        profiler.runcall(runner.run, many())
    return pstats.Stats(profiler)


def report(stats: pstats.Stats, calls: int, top: int) -> None:
    rows = stats.stats  # type: ignore[attr-defined]
    total = sum(own for _, _, own, _, _ in rows.values())
    print(f"{total / calls * 1e6:.0f} us/call under the profiler, own time by area:")
    areas: Counter[str] = Counter()
    for (filename, _, _), (_, _, own, _, _) in rows.items():
        areas[_area(filename)] += own
    for area, own in areas.most_common():
        print(f"  {own / total:6.1%}  {area}")
    print(f"top {top} functions by own time (ncalls per create call):")
    ranked = sorted(rows.items(), key=lambda item: item[1][2], reverse=True)
    for (filename, line, function), (_, ncalls, own, cumulative, _) in ranked[:top]:
        where = f"{filename.rsplit('site-packages/', 1)[-1]}:{line}({function})"
        print(
            f"  {own / total:6.1%} own {cumulative / total:6.1%} cum "
            f"{ncalls / calls:5.1f}x  {where}"
        )


def _best_us(function: Callable[[], object], number: int) -> float:
    return min(timeit.repeat(function, number=number, repeat=5)) / number * 1e6


def phases(number: int) -> None:
    """The sync create, from raw httpx up to `Tasks.create`, one layer at a time."""
    mock = MockCalls(ALL_ARGUMENTS)
    call = create_task_call(**ALL_ARGUMENTS)
    bare = GeneratedClient(base_url=MOCK_BASE_URL)
    bare.set_httpx_client(mock.raw_client)
    adopted = mock.tasks.generated_client()
    answer = mock.raw_a()
    parsed = GeneratedTask.from_dict(answer)

    def endpoint(api: GeneratedClient) -> object:
        return create_task.sync_detailed(**call.arguments(), client=api)

    layers: list[tuple[str, Callable[[], object]]] = [
        ("raw (a): prebuilt bytes, json.loads", mock.raw_a),
        ("raw (b): body dict from the arguments, json=", mock.raw_b),
        ("generated endpoint, prebuilt request, plain httpx client", lambda: endpoint(bare)),
        ("generated endpoint, prebuilt request, Tasks' client (hooks)", lambda: endpoint(adopted)),
        ("Tasks.create", mock.ours),
        ("  of which create_task_call(**arguments)", lambda: create_task_call(**ALL_ARGUMENTS)),
        ("  of which CreateTaskRequest.to_dict", call.body.to_dict),
        ("  of which generated Task.from_dict", lambda: GeneratedTask.from_dict(answer)),
        ("  of which Task.adopt", lambda: Task.adopt(parsed, mock.tasks)),
    ]
    for name, function in layers:
        print(f"  {_best_us(function, number):7.1f} us  {name}")
    asyncio.run(mock.aclose())


def main(argv: Sequence[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--calls", type=int, default=2000)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--sync", action="store_true", help="profile create, not acreate")
    parser.add_argument("--raw", action="store_true", help="profile the raw httpx baseline")
    parser.add_argument("--phases", action="store_true", help="time the layers, unprofiled")
    args = parser.parse_args(argv)
    if args.phases:
        phases(max(args.calls // 4, 1))
        return
    stats = _profile(args.calls, sync=args.sync, raw=args.raw)
    report(stats, args.calls, args.top)


if __name__ == "__main__":
    main(sys.argv[1:])
