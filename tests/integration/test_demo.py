"""The README's main job, `nox -s demo`: examples/demo.py against the local task server."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parents[2] / "examples" / "demo.py"


@pytest.mark.timeout(180)
def test_the_demo_creates_follows_and_finishes_through_the_client_and_the_cli() -> None:
    done = subprocess.run(
        [sys.executable, str(DEMO)], capture_output=True, text=True, timeout=170, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert "  -> completed: Completed: Summarize the latest sales report" in lines
    assert any(line.endswith(" completed") and len(line.split()) == 2 for line in lines)
    assert lines[-1] == "server counted 3 tasks created; stopping it"
