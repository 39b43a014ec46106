"""The local server against hostile scripts and surroundings: script files within bounds,
prompt patterns that cannot backtrack, bounded durations, reports confined to their agent,
a database locked by another process, and a task changed thousands of times."""

from __future__ import annotations

import json
import re
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from published_sdk import sdk_python
from support import TaskServerFactory, started, status_of

from xpander_tasks_server import LocalTaskServer, Script, load_spec
from xpander_tasks_server._cli import DEFAULT_PORT
from xpander_tasks_server._script import MAX_SCRIPT_BYTES, MAX_SCRIPT_DEPTH, MAX_SCRIPT_VALUES

pytestmark = pytest.mark.timeout(180)
ROOT = Path(__file__).resolve().parents[2]

# Nine levels of ten aliases in the data of an agent's events: a billion strings once
# expanded (which checking the events as JSON would do), a kilobyte on disk.
BILLION_LAUGHS = "agents:\n  - agent_id: x\n    events:\n" + "".join(
    f"      - {{type: t, data: &l{level} [{', '.join([item] * 10)}]}}\n"
    for level, item in enumerate(["lol", *(f"*l{level}" for level in range(8))])
)


def client_of(server: LocalTaskServer) -> httpx.Client:
    return httpx.Client(base_url=server.url, headers={"x-api-key": server.api_key}, timeout=30)


def refused_at_start(tmp_path: Path, *args: str) -> str:
    """Run the server command; it must refuse with one line on stderr and status 2."""
    command = [sys.executable, "-m", "xpander_tasks_server", "--port", "0", *args]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2, done
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


# Script files within bounds.


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("laughs.yaml", BILLION_LAUGHS, f"more than {MAX_SCRIPT_VALUES} values"),
        ("deep.yaml", "agents: " + "[" * 100_000 + "]" * 100_000, "nested deeper than"),
        ("deep.yaml", "agents: " + "[" * 40 + "]" * 40, f"nested deeper than {MAX_SCRIPT_DEPTH}"),
        ("deep.json", '{"agents": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested deeper"),
        ("big.yaml", "# " + "x" * MAX_SCRIPT_BYTES, f"larger than {MAX_SCRIPT_BYTES} bytes"),
        ("latin1.yaml", "agents: []\n# caf\xe9", "can't decode"),
        ("two.yaml", "agents: []\n---\nagents: []\n", "expected a single document"),
    ],
)
def test_a_hostile_script_file_is_refused_with_one_line(
    tmp_path: Path, name: str, content: str, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content.encode("latin-1"))
    with pytest.raises(ValueError, match=re.escape(message)) as refused:
        Script.load(path)
    assert "\n" not in str(refused.value)
    line = refused_at_start(tmp_path, "--script", str(path))
    assert line.startswith(f"xpander-tasks-server: --script: cannot read the script {path}: ")
    assert message in line


def test_aliases_within_the_bounds_are_read(tmp_path: Path) -> None:
    path = tmp_path / "aliases.yaml"
    path.write_text("agents:\n  - &one {agent_id: a1, status: failed}\n  - *one\n")
    assert Script.load(path).agents() == {"a1"}


def test_a_script_that_fails_its_checks_is_status_2_and_one_line(tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text('{"agents": [{"agent_id": "slow", "executing": 1e300}]}')
    line = refused_at_start(tmp_path, "--script", str(path))
    assert "agents[0]: executing: a finite number of seconds, from 0 to 31536000" in line


def test_the_start_lines_name_the_scripted_agents_too() -> None:
    script = ROOT / "examples" / "server-script.yaml"
    with started("--script", str(script), "--agent", "a1", env_key="k") as (lines, url):
        assert lines[1] == "Agents: a1, summarizer (add one with --agent ID)"
        assert status_of(url, "k", "/agents/summarizer") == 200
        assert status_of(url, "k", "/agents/other") == 404


# Durations.


@pytest.mark.parametrize("seconds", [1e300, 365 * 24 * 3600 + 1, float("nan"), -1])
def test_durations_beyond_a_year_are_refused(seconds: float) -> None:
    for name in ("pending", "executing", "duration"):
        with pytest.raises(ValueError, match=rf"^{name}: a finite number of seconds, from 0"):
            Script().agent("bot", **{name: seconds})  # type: ignore[arg-type]
    with pytest.raises(ValueError, match=r"^delay: a finite number of seconds"):
        Script().fault(500, delay=seconds)
    with pytest.raises(ValueError, match=r"^step_delay: a finite number of seconds"):
        LocalTaskServer(step_delay=seconds)


@pytest.mark.parametrize("text", ["1e300", "inf", "nan", "-1"])
@pytest.mark.parametrize(
    ("option", "message"),
    [
        ("--step-delay", "--step-delay: a finite number of seconds, from 0"),
        ("--request-timeout", "must be a positive number of seconds, at most 31536000"),
        ("--ping-interval", "must be a positive number of seconds, at most 31536000"),
    ],
)
def test_a_duration_beyond_a_year_is_a_usage_error(text: str, option: str, message: str) -> None:
    command = [sys.executable, "-m", "xpander_tasks_server", option, text]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert message in done.stderr


def test_the_longest_duration_still_lists_and_streams(make_task_server: TaskServerFactory) -> None:
    script = Script()
    script.agent("slow", pending=0, executing=365 * 24 * 3600, duration=365 * 24 * 3600)
    server = make_task_server(script=script, agents=())
    with client_of(server) as client:
        created = client.post("/agent-execution/slow", json={"events_streaming": True})
        assert (created.status_code, created.json()["status"]) == (200, "executing")
        listed = client.get("/agent-execution/executions/history/slow")
        assert listed.status_code == 200 and listed.json()[0]["status"] == "executing"
        events = f"/{server.organization_id}/agent-execution/{created.json()['id']}/events"
        with client.stream("GET", events) as stream:
            assert stream.status_code == 200
            first = next(stream.iter_lines())
        assert first.startswith("id: 1")


# Prompt patterns.


def test_a_backtracking_pattern_cannot_freeze_the_server(
    make_task_server: TaskServerFactory,
) -> None:
    script = Script()
    # With a backtracking engine, this prompt takes longer than the universe has run.
    script.agent("bot", prompt=r"^(a+)+$", result="all a")
    server = make_task_server(script=script, agents=())
    with client_of(server) as client:
        hostile = client.post("/agent-execution/bot", json={"input": {"text": "a" * 5000 + "!"}})
        assert hostile.status_code == 200
        assert client.get("/agents/bot").status_code == 200
    # No status scripted: the run ends where the spec's lifecycle does.
    assert script.plan_for("bot", {"input": {"text": "aaa"}}) == {"result": "all a"}


@pytest.mark.parametrize("pattern", [r"(a)\1", r"a(?=b)", r"(?<!x)y"])
def test_a_pattern_that_needs_backtracking_is_refused_when_scripted(pattern: str) -> None:
    with pytest.raises(ValueError, match=r"^prompt: not an RE2 regular expression"):
        Script().agent("bot", prompt=pattern)


def test_a_compiled_pattern_keeps_its_flags() -> None:
    script = Script()
    script.agent("bot", prompt=re.compile("^refund", re.IGNORECASE | re.MULTILINE), result="r")
    assert script.plan_for("bot", {"input": {"text": "hello\nREFUND please"}}) is not None
    assert script.plan_for("bot", {"input": {"text": "no refund"}}) is None
    with pytest.raises(ValueError, match=r"^prompt: flags other than"):
        script.agent("bot", prompt=re.compile("a b", re.VERBOSE))


# Reports.


def test_a_report_cannot_overwrite_another_agents_task(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(agents=("agent-a", "agent-b"))
    with client_of(server) as client:
        task = client.post("/agent-execution/agent-a", json={"input": {"text": "mine"}}).json()
        report = {"id": task["id"], "result": "overwritten", "is_success": True}
        refused = client.post("/agent-execution/agent-b/report_task", json=report)
        assert (refused.status_code, refused.json()) == (404, {"detail": "Task not found"})
        kept = client.get(f"/agent-execution/{task['id']}/status").json()
        assert (kept["agent_id"], kept["input"]["text"]) == ("agent-a", "mine")
        assert kept["result"] != "overwritten"
        own = client.post("/agent-execution/agent-a/report_task", json=report)
        assert (own.status_code, own.json()["result"]) == (200, "overwritten")


# A database locked by another process.


@pytest.fixture
def locked_database(tmp_path: Path) -> Iterator[tuple[Path, sqlite3.Connection]]:
    """A database file and another connection to it, which a test may lock."""
    path = tmp_path / "tasks.db"
    other = sqlite3.connect(path, isolation_level=None)
    try:
        yield path, other
    finally:
        other.close()


def test_a_locked_database_is_a_503_with_retry_after(
    make_task_server: TaskServerFactory, locked_database: tuple[Path, sqlite3.Connection]
) -> None:
    path, other = locked_database
    server = make_task_server(db=str(path))
    with client_of(server) as client:
        task = client.post("/agent-execution/agent-123", json={}).json()
        other.execute("BEGIN EXCLUSIVE")
        try:
            for answer in (
                client.post("/agent-execution/agent-123", json={}),
                client.get(f"/agent-execution/{task['id']}/status"),
                client.get("/agent-execution/executions/history/agent-123"),
            ):
                assert answer.status_code == 503, answer.text
                assert answer.headers["retry-after"] == "1"
                assert "locked by another process" in answer.json()["detail"]
            # What needs no task is answered as usual meanwhile.
            assert client.get("/agents/agent-123").status_code == 200
            assert server.counters.tasks_created == 1
        finally:
            other.execute("ROLLBACK")
        assert client.get(f"/agent-execution/{task['id']}/status").status_code == 200


def test_an_event_stream_outlasts_a_lock(
    make_task_server: TaskServerFactory, locked_database: tuple[Path, sqlite3.Connection]
) -> None:
    path, other = locked_database
    server = make_task_server(db=str(path), step_delay=0.2)
    with client_of(server) as client:
        task = client.post("/agent-execution/agent-123", json={"events_streaming": True}).json()
        events = f"/{server.organization_id}/agent-execution/{task['id']}/events"
        with client.stream("GET", events) as stream:
            lines = stream.iter_lines()
            assert next(lines).startswith("id: 1")
            other.execute("BEGIN EXCLUSIVE")
            try:
                time.sleep(0.3)  # the stream's reads meet the lock meanwhile
            finally:
                other.execute("ROLLBACK")
            data = [json.loads(line[6:]) for line in lines if line.startswith("data: ")]
    assert data[-1]["type"] == "task_finished"


# History.


def test_two_thousand_updates_of_one_task_stay_fast(make_task_server: TaskServerFactory) -> None:
    server = make_task_server()
    with client_of(server) as client:
        task = client.post("/agent-execution/agent-123", json={}).json()
        update = f"/agent-execution/{task['id']}/update"
        seconds = []
        for index in range(2000):
            started = time.perf_counter()
            answer = client.patch(update, json={"result": f"step {index}"})
            seconds.append(time.perf_counter() - started)
            assert answer.status_code == 200
        assert client.get(f"/agent-execution/{task['id']}/status").json()["result"] == "step 1999"
    # Medians, so that a stall of the machine in one hundred does not decide. Storing a copy
    # of the task per change made the last hundred about 19 times slower (30 ms to 570 ms).
    first, last = statistics.median(seconds[:100]), statistics.median(seconds[-100:])
    assert last < 3 * first, (first, last)


def test_the_stream_replays_each_change_as_the_task_it_made(
    make_task_server: TaskServerFactory,
) -> None:
    server = make_task_server(step_delay=0)
    with client_of(server) as client:
        task = client.post("/agent-execution/agent-123", json={"events_streaming": True}).json()
        update = f"/agent-execution/{task['id']}/update"
        client.patch(update, json={"result": "one"})
        client.patch(update, json={"source": "two"})
        client.patch(update, json={"status": "failed"})
        events = f"/{server.organization_id}/agent-execution/{task['id']}/events"
        with client.stream("GET", events) as stream:
            data = [json.loads(line[6:]) for line in stream.iter_lines() if line[:6] == "data: "]
    changes = [
        (e["type"], e["data"]["result"], e["data"]["source"], e["data"]["status"])
        for e in data[-4:]
    ]
    assert changes == [
        ("task_updated", "one", None, "completed"),
        ("task_updated", "one", "two", "completed"),
        ("task_updated", "one", "two", "failed"),
        ("task_finished", "one", "two", "failed"),
    ]


# The default port.


def test_the_default_port_is_the_specs_and_not_rewritten_by_the_published_sdk() -> None:
    assert load_spec().local_port() == DEFAULT_PORT
    base = f"http://127.0.0.1:{DEFAULT_PORT}"
    program = (
        "from xpander_sdk.models.configuration import Configuration\n"
        "from xpander_sdk.modules.events.utils.generic import get_events_root\n"
        f"print(get_events_root(Configuration(api_key='k', base_url={base!r}, "
        "organization_id='org')))\n"
    )
    done = subprocess.run(
        [sdk_python(), "-c", program], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"{base}/org"
