"""The benchmarks' quick mode runs to its end and writes its JSON: the code cannot rot.

A smoke run of the quick benchmarks only, seconds on a free machine: `import` and
`instructions` (tens of seconds each) run in `nox -s bench`, which is where the numbers are.
Nothing here checks a timing.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
# The quick ones; the harness and the JSON are the same for the two `nox -s bench` adds.
SMOKE_BENCHMARKS = ["overhead", "loopback", "memory", "anchors", "batch"]
COMPARISON_KEYS = {"name", "unit", "better", "ours", "baseline", "ratio", "goal", "met"}


@pytest.mark.timeout(300)  # about 15 s on a busy machine; the margin is for a busier one
def test_quick_run_writes_each_benchmark_it_runs(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--only", *SMOKE_BENCHMARKS, "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["meta"]["quick"] is True
    assert set(report["benchmarks"]) == set(SMOKE_BENCHMARKS)
    missed = []
    for comparisons in report["benchmarks"].values():
        assert comparisons
        for comparison in comparisons:
            assert set(comparison) == COMPARISON_KEYS
            ours, baseline = comparison["ours"], comparison["baseline"]
            assert ours["median"] == statistics.median(ours["samples"])
            assert baseline["median"] == statistics.median(baseline["samples"])
            if baseline["median"]:
                assert comparison["ratio"] == pytest.approx(ours["median"] / baseline["median"])
            if comparison["met"] is False:
                missed.append(comparison["name"])
    assert report["missed"] == missed
