"""`nox -s fuzz -- --url URL` (tests/fuzz_run.py) against the local server started as if remote.

A live run prints its plan, its progress by operation and a summary, stops at its bound, makes
no task, and warns about the key only when the key was sent and refused.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from fuzz_live_guard import NO_SUCH_ID
from fuzz_run import local_server

from xpander_tasks_server import spec_path

RUNNER = Path(__file__).resolve().parents[1] / "fuzz_run.py"
API_KEY = "fuzz-live-test-key"
BUDGET = 40
# A fast rate for a local server, and a time bound the budget reaches long before.
FAST = ("--rate-limit", "6000/m", "--minutes", "2")

# A live run starts schemathesis, which loads the spec: slow on a busy machine, never stuck.
pytestmark = pytest.mark.timeout(180)


@pytest.fixture
def remote_url(tmp_path: Path) -> Iterator[str]:
    """`xpander-tasks-server` in its own process on a free port, accepting `API_KEY`."""
    with local_server(API_KEY, tmp_path / "server.log") as url:
        yield url


def _operations() -> int:
    """How many operations openapi.yaml has: the plan's count."""
    paths = yaml.safe_load(spec_path().read_text())["paths"]
    methods = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    return sum(len(methods & set(item)) for item in paths.values())


def _live_run(url: str, key: str, reports: Path, *options: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, str(RUNNER), "--url", url, "--reports", str(reports), *options]
    environment = {**os.environ, "XPANDER_API_KEY": key}
    return subprocess.run(command, env=environment, capture_output=True, text=True, check=False)


def test_live_run_prints_its_plan_progress_and_summary_and_stops_at_its_budget(
    remote_url: str, tmp_path: Path
) -> None:
    run = _live_run(remote_url, API_KEY, tmp_path, "--budget", str(BUDGET), *FAST)
    out = run.stdout
    assert run.returncode == 0, out + run.stderr
    plan = out.index(f"fuzz plan: {_operations()} operations of the live API")
    assert f"sends at most {BUDGET} requests (--budget)" in out
    assert (
        plan < out.index("Schemathesis v") < out.index("fuzz progress:") < out.index("fuzz summary")
    )
    assert "fuzz progress: 1/40 requests" in out
    assert f"fuzz summary: {BUDGET} requests, stopped at its --budget bound" in out
    assert "no failure" in out
    assert "no task was created" in out
    # The right key: no auth warning, though negative mode left it off some requests.
    assert "refused" not in out
    assert "Authentication failed" not in out
    # Nothing went out past the bound, and no change was accepted.
    entries = json.loads((tmp_path / "fuzz-live.har").read_text())["log"]["entries"]
    assert len(entries) == BUDGET
    changing = [e for e in entries if e["request"]["method"] not in ("GET", "HEAD")]
    assert changing
    assert all(e["response"]["status"] >= 400 for e in changing)
    # The live guard was on: each changing request named resources that cannot exist.
    assert all(NO_SUCH_ID in e["request"]["url"] for e in changing)


def test_live_run_warns_when_the_key_was_sent_and_refused(remote_url: str, tmp_path: Path) -> None:
    run = _live_run(remote_url, "not-the-key", tmp_path, "--budget", "15", *FAST)
    assert "WARNING: the API key was sent and refused (401/403)" in run.stdout, run.stdout
    assert "not-the-key" not in run.stdout


def test_default_live_bound_is_five_minutes_at_the_rate_limit() -> None:
    from fuzz_run import parse_options, plan

    options = parse_options(["--url", "https://api.example"])
    text = plan(options, 10, "coverage,fuzzing")
    assert "sends at most about 300 requests (60/m)" in text
    assert "takes 5.0 min at most (--minutes): schemathesis shares them" in text
    budgeted = parse_options(["--url", "https://api.example", "--budget", "120"])
    assert budgeted.minutes == 2.0


def test_the_summary_names_what_failed_how_to_reproduce_and_the_tasks_made() -> None:
    from fuzz_run import parse_options, summary

    options = parse_options(["--url", "https://api.example", "--allow-create", "--budget", "9"])
    state = {
        "sent": 9,
        "stopped_by": "budget",
        "operations": {"POST /a": {"sent": 9, "2xx": 2, "5xx": 7}},
        "tasks_created": 2,
        "key_refused": {},
    }
    again = "nox -s fuzz -- --url https://api.example --budget 9 --seed 1"
    text = summary(options, state, {"POST /a": 3}, ["POST /a", "GET /b"], again)
    assert "fuzz summary: 9 requests, stopped at its --budget bound" in text
    assert "covered 1 of 2 operations" in text
    assert "POST /a: 9 sent (2 2xx, 7 5xx)" in text
    assert "GET /b: not reached" in text
    assert "FAILED: POST /a (3)" in text
    assert f"to reproduce: {again}" in text
    assert "tasks created: 2" in text
    assert "WARNING" not in text
