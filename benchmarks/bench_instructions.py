"""Instructions per call, counted by valgrind's callgrind around the calls only.

Time on a shared machine swings by +-50% between runs; instruction counts barely move, so
their ratios are the figures to track from run to run. One child process runs under
callgrind (`python benchmarks/bench_instructions.py CALLS`): it warms each way up, then
calls `os.getppid()` (a C function nothing else here calls) before and after each measured
loop. `--dump-before=os_getppid` makes callgrind write and reset its counts at each such
call, so every other dump holds exactly one loop's instructions.

Without valgrind (or without symbols for `os_getppid` in libpython) the rows are skipped,
and `run` says why.
"""

from __future__ import annotations

import asyncio
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from _measure import Comparison
from _workload import CALLS, MockCalls
from bench_overhead import comparisons

WARM_UP_CALLS = 5
_TOTALS = re.compile(rb"^(?:summary|totals):\s*(\d+)", re.MULTILINE)


def _loop(call: Callable[[], object], calls: int) -> None:
    for _ in range(calls):
        call()


async def _aloop(call: Callable[[], Awaitable[object]], calls: int) -> None:
    for _ in range(calls):
        await call()


def _child(calls: int) -> None:
    """Under callgrind: each way's loop between two markers, its label printed in order."""
    with asyncio.Runner() as runner:
        for call_name, arguments in CALLS.items():
            mock = MockCalls(arguments)
            for way in mock.WAYS:
                sync, async_ = mock.way(way), mock.away(way)
                loops: dict[str, Callable[[int], None]] = {
                    "sync": lambda n, call=sync: _loop(call, n),
                    "async": lambda n, call=async_: runner.run(_aloop(call, n)),
                }
                for mode, measured in loops.items():
                    measured(WARM_UP_CALLS)
                    # A full collection lands wherever the allocations since the last one
                    # say: freezing what exists keeps it out of every loop alike.
                    gc.collect()
                    gc.freeze()
                    os.getppid()  # the marker: callgrind dumps what came before
                    measured(calls)
                    os.getppid()
                    print(f"{call_name}|{mode}|{way}", flush=True)
            runner.run(mock.aclose())


def _counts(directory: Path) -> list[int]:
    """The instruction total of each dump, in the order callgrind wrote them."""
    parts = sorted(
        (int(path.name.rsplit(".", 1)[1]), path)
        for path in directory.glob("cg.out.*")
        if path.name.rsplit(".", 1)[1].isdigit()
    )
    totals = []
    for _, path in parts:
        found = _TOTALS.search(path.read_bytes())
        totals.append(int(found.group(1)) if found else 0)
    return totals


def measure(calls: int) -> dict[str, float] | str:
    """Instructions per call by "call|mode|way", or why they could not be counted."""
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return "valgrind is not installed"
    with tempfile.TemporaryDirectory() as directory:
        argv = [
            valgrind,
            "--tool=callgrind",
            "--dump-before=os_getppid",
            f"--callgrind-out-file={directory}/cg.out",
            sys.executable,
            str(Path(__file__)),
            str(calls),
        ]
        environment = {**os.environ, "PYTHONHASHSEED": "0"}
        done = subprocess.run(argv, capture_output=True, text=True, env=environment, check=False)
        if done.returncode != 0:
            return f"callgrind failed ({done.returncode}): {done.stderr[-500:]}"
        labels = done.stdout.splitlines()
        totals = _counts(Path(directory))
    # Dump 1 is everything before the first marker; then each loop, then the warm-up before
    # the next loop's marker, and so on.
    loops = totals[1::2]
    if len(loops) < len(labels):
        return f"callgrind wrote {len(totals)} dumps for {len(labels)} loops: no symbol os_getppid?"
    return {label: count / calls for label, count in zip(labels, loops, strict=False)}


def run(calls: int) -> tuple[list[Comparison], str | None]:
    """Each way against raw (b) and raw (a), by instructions per call."""
    counted = measure(calls)
    if isinstance(counted, str):
        return [], f"instruction rows skipped: {counted}"
    results = []
    for call_name in CALLS:
        for mode in ("sync", "async"):
            per_way = {way: [counted[f"{call_name}|{mode}|{way}"]] for way in MockCalls.WAYS}
            results += comparisons(
                f"instr {call_name}, {mode}", "instr", per_way, call_name, goals=True
            )
    return results, None


if __name__ == "__main__":
    _child(int(sys.argv[1]))
