"""The benchmarks' quick mode runs to its end and writes its JSON: the code cannot rot.

Nothing here checks a timing; `nox -s bench` is where the numbers are.
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
from pathlib import Path

import pytest

RUN = Path(__file__).resolve().parents[2] / "benchmarks" / "run.py"
BENCHMARKS = {"import", "overhead", "instructions", "loopback", "memory", "anchors", "batch"}
COMPARISON_KEYS = {"name", "unit", "better", "ours", "baseline", "ratio", "goal", "met"}


@pytest.mark.timeout(660)  # a quick run takes seconds; on a busy machine, a minute or more
def test_quick_run_writes_every_benchmark(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["meta"]["quick"] is True
    assert set(report["benchmarks"]) == BENCHMARKS
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
