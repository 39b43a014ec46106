"""The testing kit's parts: scripted runs, faults on the wire, request ids, recorded creates,
script files and `--script`, and the pytest plugin run as a user would (scopes, xdist).

The example app tests in `kit_examples/` show the kit in use; these check its edges.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from support import started

from xpander_tasks import APIConnectionError, APITimeoutError, NotFoundError, Tasks
from xpander_tasks_server import REQUEST_ID_HEADER, Script
from xpander_tasks_testing import XpanderServer

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SCRIPT = ROOT / "examples" / "server-script.yaml"


def api(server: XpanderServer) -> httpx.Client:
    return httpx.Client(base_url=server.url, headers={"x-api-key": server.api_key}, timeout=10)


# Scripted runs.


def test_a_scripted_run_streams_its_events_and_ends_with_its_metrics(
    xpander_server: XpanderServer,
) -> None:
    events = [
        {"type": "think", "data": {"thought": "hm"}, "identity": {"name": "Planner"}},
        {"type": "tool_call_request", "data": {"tool_name": "search"}},
        {"type": "chunk", "data": "Answer."},
    ]
    xpander_server.agent(
        "bot",
        result="Answer.",
        status="error",
        pending=0.05,
        executing=0.2,
        events=events,
        tokens={"prompt_tokens": 7, "completion_tokens": 3},
        duration=1.5,
        used_tools=["search"],
    )
    task = xpander_server.tasks.create(agent_id="bot", prompt="go", events_streaming=True)
    streamed = list(task.events(read_timeout=10))

    kinds = [getattr(event.type, "value", event.type) for event in streamed]
    assert kinds == [
        "connected", "task_created", "task_updated", "think", "tool_call_request", "chunk",
        "task_finished",
    ]  # fmt: skip
    assert [event.data for event in streamed[3:6]] == [event["data"] for event in events]
    finished = streamed[-1].data
    assert (finished.status.value, finished.result) == ("error", "Answer.")
    assert (finished.tokens.prompt_tokens, finished.tokens.completion_tokens) == (7, 3)
    assert (finished.duration, finished.used_tools) == (1.5, ["search"])
    with api(xpander_server) as client:  # the identity goes out on the wire as scripted
        raw = client.get(f"{xpander_server.events_root}/agent-execution/{task.id}/events").text
    assert '"identity": {"name": "Planner"}' in raw


def test_the_behaviour_added_last_that_matches_decides(xpander_server: XpanderServer) -> None:
    xpander_server.agent(result=lambda prompt: prompt.upper(), executing=0)
    xpander_server.agent("bot", prompt=r"(?i)refund", status="failed", result="No.", executing=0)
    tasks = xpander_server.tasks

    refund = tasks.create(agent_id="bot", prompt="A REFUND please").wait(timeout=10)
    other = tasks.create(agent_id="bot", prompt="hello").wait(timeout=10)
    default = tasks.create(agent_id="agent-123", prompt="hi").wait(timeout=10)

    assert (refund.status.value, refund.result) == ("failed", "No.")
    assert (other.status.value, other.result) == ("completed", "HELLO")
    assert default.result == "HI"  # a behaviour without an agent applies to every agent


def test_a_scripted_stop_marks_the_task_stopped(xpander_server: XpanderServer) -> None:
    xpander_server.agent("bot", status="stopped", executing=0)
    task = xpander_server.tasks.create(agent_id="bot", prompt="x").wait(timeout=10)
    assert (task.status.value, task.is_manually_stopped, task.result) == ("stopped", True, None)


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": "paused"}, "status: one of completed, failed, error, stopped"),
        ({"pending": -1}, "pending: a finite number of seconds"),
        ({"executing": float("inf")}, "executing: a finite number of seconds"),
        ({"prompt": "("}, "prompt: not an RE2 regular expression"),
        ({"events": [{"data": 1}]}, "events[0]: a mapping with a string `type`"),
        ({"events": [{"type": "chunk", "when": 1}]}, "events[0]: unknown keys ['when']"),
        ({"tokens": {"prompt_tokens": -1}}, "tokens: a mapping of names to counts"),
        ({"used_tools": "search"}, "used_tools: a list of strings"),
        ({"result": 3}, "result: a string or a function of the prompt"),
    ],
)
def test_a_bad_behaviour_is_refused_when_scripted(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=r"^" + message.replace("[", r"\[").replace("(", r"\(")):
        Script().agent("bot", **options)  # type: ignore[arg-type]


# Faults, request ids and recorded creates.


def test_every_answer_has_its_own_request_id(xpander_server: XpanderServer) -> None:
    xpander_server.fault(503, operation="get_task")
    with api(xpander_server) as client:
        answers = [
            client.get("/agent-execution/x/status"),  # the fault
            client.get("/agent-execution/x/status"),  # 404
            client.get("/nowhere"),  # no such route
            httpx.get(f"{xpander_server.url}/agent-execution/x/status"),  # no key: 401
        ]
    assert [answer.status_code for answer in answers] == [503, 404, 404, 401]
    ids = [answer.headers[REQUEST_ID_HEADER] for answer in answers]
    assert len(set(ids)) == 4 and all(value.startswith("req_") for value in ids)
    assert answers[0].json() == {"detail": "Service Unavailable"}


def test_faults_apply_in_order_to_their_operation_and_count(
    xpander_server: XpanderServer,
) -> None:
    xpander_server.fault(418, operation="get_agent", times=2)
    xpander_server.fault(500, body=["a", "list"], headers={"x-extra": "1"})
    with api(xpander_server) as client:
        first = client.get("/agents/agent-123")
        other = client.get("/agent-execution/x/status")  # takes the second fault
        second = client.get("/agents/agent-123")
        third = client.get("/agents/agent-123")
    assert (first.status_code, second.status_code, third.status_code) == (418, 418, 200)
    assert (other.status_code, other.json(), other.headers["x-extra"]) == (500, ["a", "list"], "1")


def test_a_fault_that_lasts_and_a_delay(xpander_server: XpanderServer) -> None:
    xpander_server.fault(502, operation="get_agent", times=None, delay=0.3)
    with api(xpander_server) as client:
        started_at = time.monotonic()
        statuses = [client.get("/agents/agent-123").status_code for _ in range(3)]
    assert statuses == [502, 502, 502]
    assert time.monotonic() - started_at >= 0.9


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"status": 99}, "status: an HTTP status from 200 to 599"),
        ({"status": 500, "times": 0}, "times: a count of 1 or more"),
        ({"status": 500, "headers": {"x": None}}, "headers: 'x' must map a name"),
        ({"status": 500, "delay": -1}, "delay: a finite number of seconds"),
        ({"status": 500, "body": {1, 2}}, "body: text, bytes or JSON"),
    ],
)
def test_a_bad_fault_is_refused(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        Script().fault(**options)  # type: ignore[arg-type]


def test_a_hang_makes_the_client_time_out(xpander_server: XpanderServer) -> None:
    xpander_server.hang(operation="get_task")
    client = Tasks(xpander_server.api_key, base_url=xpander_server.url, timeout=0.5)
    with client as tasks, pytest.raises(APITimeoutError):
        tasks.get("some-task", max_retries=0)


def test_a_reset_after_creating_says_the_task_may_exist(xpander_server: XpanderServer) -> None:
    xpander_server.agent("bot")
    xpander_server.reset_connection(operation="create_task", acted=True)

    with pytest.raises(APIConnectionError) as error:
        xpander_server.tasks.create(agent_id="bot", prompt="once")

    assert error.value.hint is not None  # "the task may have been created"
    (create,) = xpander_server.creates()
    assert create.status_code is None and create.task_id is not None
    assert xpander_server.tasks.get(create.task_id).input.text == "once"


def test_a_reset_before_acting_is_retried(xpander_server: XpanderServer) -> None:
    xpander_server.agent("bot")
    xpander_server.reset_connection(operation="get_task")
    task = xpander_server.tasks.create(agent_id="bot", prompt="x")
    # A read is retried after a reset: the get succeeds, and the reset one never reached the API.
    assert xpander_server.tasks.get(task.id).id == task.id
    assert xpander_server.server.counters.status_requests == 1


def test_a_stream_reset_mid_way_is_resumed(xpander_server: XpanderServer) -> None:
    xpander_server.agent("bot", result="whole")
    xpander_server.drop_stream(after=2, times=2, reset=True)
    task = xpander_server.tasks.create(agent_id="bot", prompt="x", events_streaming=True)

    ids = [event.id for event in task.events(read_timeout=10)]

    assert ids == [str(n) for n in range(1, len(ids) + 1)]  # nothing lost, nothing twice
    assert xpander_server.server.counters.event_streams == 3


def test_a_refused_stream_leaves_the_drop_for_the_next_one(xpander_server: XpanderServer) -> None:
    xpander_server.agent("bot")
    xpander_server.drop_stream(after=1)
    task = xpander_server.tasks.create(agent_id="bot", prompt="x", events_streaming=True)
    with api(xpander_server) as client:
        refused = client.get(f"{xpander_server.events_root}/agent-execution/nope/events")
        dropped = client.get(f"{xpander_server.events_root}/agent-execution/{task.id}/events")
        whole = client.get(f"{xpander_server.events_root}/agent-execution/{task.id}/events")
    assert refused.status_code == 404
    assert dropped.text.count("data:") == 1
    assert whole.text.count("data:") > 1 and '"task_finished"' in whole.text


def test_the_creates_received_are_kept_per_agent_in_order(xpander_server: XpanderServer) -> None:
    xpander_server.agent("a")
    xpander_server.agent("b")
    for agent_id, prompt in [("a", "1"), ("b", "2"), ("a", "3")]:
        xpander_server.tasks.create(agent_id=agent_id, prompt=prompt, title="t")
    with pytest.raises(NotFoundError):
        xpander_server.tasks.create(agent_id="nobody", prompt="4")
    assert [c.prompt for c in xpander_server.creates("a")] == ["1", "3"]
    assert [c.prompt for c in xpander_server.creates()] == ["1", "2", "3", "4"]
    assert [c.prompt for c in xpander_server.tasks_created()] == ["1", "2", "3"]
    create = xpander_server.creates()[0]
    assert create.body["title"] == "t" and create.headers["content-type"] == "application/json"
    assert all("x-api-key" not in c.headers for c in xpander_server.creates())


def test_a_received_create_keeps_secrets_out_of_its_repr(xpander_server: XpanderServer) -> None:
    xpander_server.agent("a")
    xpander_server.tasks.create(agent_id="a", prompt="p", user_oidc_token="oidc-secret-123")
    (create,) = xpander_server.creates()
    assert create.body["user_oidc_token"] == "oidc-secret-123"
    assert "oidc-secret-123" not in repr(create)
    assert xpander_server.api_key not in repr(create)


# Script files and the command line.


def test_the_example_script_loads() -> None:
    script = Script.load(EXAMPLE_SCRIPT)
    assert script.agents() == {"summarizer"}
    refund = script.plan_for("summarizer", {"input": {"text": "A Refund"}})
    assert refund is not None and refund["status"] == "failed"
    fault = script.take_fault("create_task")
    assert fault is not None and (fault.status, fault.headers) == (429, (("retry-after", "1"),))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("agents: [{agent_id: x, status: nope}]", r"agents\[0\]: status: one of"),
        ("faults: [{kind: explode}]", r"faults\[0\]: kind must be one of"),
        ("faults: [{status: 500, colour: red}]", r"faults\[0\]: .*colour"),
        ("agents: {agent_id: x}", "`agents` must be a list"),
        ("tasks: []", "a mapping with `agents` and `faults` lists"),
        ("agents: [", "cannot read the script"),
    ],
)
def test_a_bad_script_file_names_what_is_wrong(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "script.yaml"
    path.write_text(content)
    with pytest.raises(ValueError, match=message):
        Script.load(path)


def test_a_json_script(tmp_path: Path) -> None:
    path = tmp_path / "script.json"
    path.write_text(json.dumps({"faults": [{"kind": "drop_stream", "after": 1}]}))
    drop = Script.load(path).take_drop()
    assert drop is not None and drop.after == 1


def test_the_command_line_serves_a_script() -> None:
    with started("--script", str(EXAMPLE_SCRIPT), "--api-key", "k") as (_, url):
        headers = {"x-api-key": "k"}
        create = f"{url}/agent-execution/summarizer"
        first = httpx.post(create, headers=headers, json={"input": {"text": "hi"}})
        second = httpx.post(create, headers=headers, json={"input": {"text": "hi"}})
    assert (first.status_code, first.headers["retry-after"]) == (429, "1")
    assert (second.status_code, second.headers["content-type"]) == (502, "text/html")


def test_the_command_line_refuses_a_bad_script(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("agents: [{status: nope}]")
    command = [sys.executable, "-m", "xpander_tasks_server", "--script", str(path)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2
    assert "agents[0]: status: one of completed" in done.stderr


# The plugin as a user runs it: in a project of its own, in a child pytest.

USER_TESTS = """
import os
from pathlib import Path

import pytest
from xpander_tasks import NotFoundError, Tasks


def test_one(xpander_server):
    xpander_server.agent("mine", result="ok", executing=0)
    task = Tasks().create(agent_id="mine", prompt="one").wait(timeout=30)
    assert task.result == "ok"
    assert [c.prompt for c in xpander_server.creates()] == ["one"]  # only this test's
    record(xpander_server)


def test_two(xpander_server):
    assert xpander_server.creates() == []  # nothing carried over from another test
    with pytest.raises(NotFoundError):  # nor the agent test_one scripted
        xpander_server.tasks.create(agent_id="mine", prompt="two")
    record(xpander_server)


def test_three(xpander_server):
    xpander_server.agent("mine")
    xpander_server.tasks.create(agent_id="mine", prompt="three")
    assert [c.prompt for c in xpander_server.creates()] == ["three"]
    record(xpander_server)


def record(server):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with Path(os.environ["SEEN"]).open("a") as seen:
        seen.write(f"{worker} {server.url}\\n")
"""


def run_user_tests(tmp_path: Path, *args: str, ini: str = "") -> tuple[str, list[str]]:
    project = tmp_path / "project"
    project.mkdir()
    (project / "test_user.py").write_text(USER_TESTS)
    (project / "pytest.ini").write_text(f"[pytest]\n{ini}\n")
    seen = tmp_path / "seen.txt"
    seen.touch()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args]
    env = {**os.environ, "SEEN": str(seen)}
    for name in ("XPANDER_API_KEY", "XPANDER_BASE_URL", "XPANDER_ORGANIZATION_ID"):
        env.pop(name, None)
    done = subprocess.run(
        command, cwd=project, env=env, capture_output=True, text=True, timeout=100, check=False
    )
    return done.stdout + done.stderr, seen.read_text().split("\n")[:-1]


def test_the_plugin_gives_each_test_its_own_server_by_default(tmp_path: Path) -> None:
    output, seen = run_user_tests(tmp_path, "-p", "no:xdist")
    assert "3 passed" in output, output
    assert len({line.split()[1] for line in seen}) == 3


def test_a_session_server_is_shared_but_its_script_is_per_test(tmp_path: Path) -> None:
    output, seen = run_user_tests(tmp_path, "-p", "no:xdist", ini="xpander_server_scope = session")
    assert "3 passed" in output, output
    assert len({line.split()[1] for line in seen}) == 1


def test_each_xdist_worker_has_its_own_server(tmp_path: Path) -> None:
    output, seen = run_user_tests(tmp_path, "-n", "2", ini="xpander_server_scope = session")
    assert "3 passed" in output, output
    urls_by_worker: dict[str, set[str]] = {}
    for worker, url in (line.split() for line in seen):
        urls_by_worker.setdefault(worker, set()).add(url)
    urls = [url for urls in urls_by_worker.values() for url in urls]
    assert all(worker.startswith("gw") for worker in urls_by_worker)
    assert len(urls) == len(set(urls))  # no server shared between workers


def test_a_bad_scope_setting_is_a_usage_error(tmp_path: Path) -> None:
    output, _ = run_user_tests(tmp_path, "-p", "no:xdist", ini="xpander_server_scope = forever")
    assert "xpander_server_scope must be one of function" in output, output
