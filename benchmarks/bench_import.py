"""Import cost: a fresh `python -c "import xpander_tasks"` against `import httpx`, its floor."""

from __future__ import annotations

import os
import tempfile

from _measure import PRINT_PEAK_RSS_KIB, ChildRun, Comparison, alternate, run_child


def _importing(python: str, module: str, bytecode_cache: str) -> ChildRun:
    # Bytecode compiled once into a cache of our own, as an installed package would have it:
    # whatever PYTHONDONTWRITEBYTECODE says, and without writing into the source tree.
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": bytecode_cache}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    argv = [python, "-c", f"import {module}\n{PRINT_PEAK_RSS_KIB}"]
    return run_child(argv, environment)


def _peak_rss_mib(run: ChildRun) -> float:
    return int(run.stdout) / 1024


def run(rounds: int, python: str) -> list[Comparison]:
    with tempfile.TemporaryDirectory() as cache:
        for module in ("httpx", "xpander_tasks"):  # compile, and warm the page cache
            _importing(python, module, cache)
        ours, baseline = alternate(
            rounds,
            lambda: _importing(python, "xpander_tasks", cache),
            lambda: _importing(python, "httpx", cache),
        )
    return [
        Comparison(
            "import: wall time",
            "ms",
            [run.seconds * 1000 for run in ours],
            [run.seconds * 1000 for run in baseline],
            better="lower",
            goal=1.5,
        ),
        Comparison(
            "import: peak RSS",
            "MiB",
            [_peak_rss_mib(run) for run in ours],
            [_peak_rss_mib(run) for run in baseline],
            better="lower",
            goal=1.5,
        ),
    ]
