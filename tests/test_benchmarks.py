"""The benchmarks' quick mode runs to its end and writes its JSON: the code cannot rot.

Nothing here checks a timing; `nox -s bench` is where the numbers are.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

RUN = Path(__file__).resolve().parents[1] / "benchmarks" / "run.py"
BENCHMARKS = {"import", "overhead", "loopback", "memory", "batch"}
COMPARISON_KEYS = {"name", "unit", "better", "ours", "baseline", "ratio", "goal", "met"}


def test_quick_run_writes_every_benchmark(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = subprocess.run(
        [sys.executable, str(RUN), "--quick", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    assert report["meta"]["quick"] is True
    assert set(report["benchmarks"]) == BENCHMARKS
    for comparisons in report["benchmarks"].values():
        assert comparisons
        for comparison in comparisons:
            assert set(comparison) == COMPARISON_KEYS
            assert comparison["ours"]["median"] >= 0
            assert comparison["baseline"]["median"] >= 0
    assert isinstance(report["missed"], list)
