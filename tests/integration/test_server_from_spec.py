"""The local task server follows the spec file it is given: answer fields from their defaults
and examples, the lifecycle from `x-lifecycle`, and a clear error for a spec it cannot follow."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from support import SPEC_DATA as SPEC
from support import SpecEdit as Edit
from support import TaskServerFactory, client_for, read_events, started, write_spec
from support import spec_schema as _schema

from xpander_tasks_server import LocalTaskServer, Script, Spec, SpecError, create_app

CREATE = "/agent-execution/agent-123"


def add_task_field(name: str, **schema: Any) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        _schema(spec, "Task")["properties"][name] = {"type": ["number", "null"], **schema}

    return edit


def with_lifecycle(*statuses: str) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        status = _schema(spec, "AgentExecutionStatus")
        status["enum"] += [value for value in statuses if value not in status["enum"]]
        status["x-lifecycle"] = list(statuses)

    return edit


@pytest.mark.parametrize(
    ("schema", "expected"),
    [({"default": 0}, 0), ({"example": 0.25}, 0.25), ({"examples": [1.5, 2]}, 1.5)],
)
def test_a_new_answer_field_comes_from_its_default_or_example(
    tmp_path: Path, make_task_server: TaskServerFactory, schema: dict[str, Any], expected: float
) -> None:
    server = make_task_server(spec=write_spec(tmp_path, add_task_field("cost_usd", **schema)))
    with client_for(server) as client:
        created = client.post(CREATE, json={"input": {"text": "hi"}}).json()
        read = client.get(f"/agent-execution/{created['id']}/status").json()
        stopped = client.delete(f"/agent-execution/{created['id']}").json()
    assert created["cost_usd"] == read["cost_usd"] == stopped["cost_usd"] == expected


def test_a_field_without_default_or_example_is_left_out(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    server = make_task_server(spec=write_spec(tmp_path, add_task_field("cost_usd")))
    with client_for(server) as client:
        created = client.post(CREATE, json={}).json()
    assert "cost_usd" not in created


def test_fields_the_server_does_not_set_have_their_defaults(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        task = client.post(CREATE, json={"events_streaming": True}).json()
        (item,) = client.get("/agent-execution/executions/history/agent-123").json()
        events = read_events(task_server, client, task["id"])
    defaults = {
        name: prop["default"]
        for name, prop in _schema(SPEC, "Task")["properties"].items()
        if "default" in prop
    }
    # Set by no one: the spec's value, not the client's reading of a missing field.
    for name in ("execution_attempts", "used_tools", "duration", "must_deep_plan", "tokens"):
        assert task[name] == defaults[name], name
    assert item["process"] is None and item["source_node_type"] is None
    # A number's whole default goes out as a float, as pydantic's API sends it.
    assert isinstance(task["duration"], float) and isinstance(task["execution_attempts"], int)
    finished = events[-1][1]["data"]
    assert finished["execution_attempts"] == defaults["execution_attempts"]


def test_a_new_list_item_field_comes_from_its_default(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _schema(spec, "TasksListItem")["properties"]["priority"] = {"type": "integer", "default": 5}

    server = make_task_server(spec=write_spec(tmp_path, edit))
    with client_for(server) as client:
        client.post(CREATE, json={})
        (item,) = client.get("/agent-execution/executions/history/agent-123").json()
    assert item["priority"] == 5


def test_a_field_the_spec_renamed_is_no_longer_sent(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def rename(spec: dict[str, Any]) -> None:
        task = _schema(spec, "Task")
        task["properties"].pop("created_at")
        task["properties"]["created"] = {"type": "string", "example": "2026-01-01T00:00:00Z"}
        task["required"] = ["created" if n == "created_at" else n for n in task["required"]]

    server = make_task_server(spec=write_spec(tmp_path, rename))
    with client_for(server) as client:
        task = client.post(CREATE, json={}).json()
    assert "created_at" not in task and task["created"] == "2026-01-01T00:00:00Z"


def test_a_required_field_no_one_fills_stops_the_start(tmp_path: Path) -> None:
    def require(spec: dict[str, Any]) -> None:
        add_task_field("cost_usd")(spec)
        _schema(spec, "Task")["required"].append("cost_usd")

    with pytest.raises(SpecError, match=r"Task: required field 'cost_usd' has no default"):
        create_app(api_keys=["k"], spec=write_spec(tmp_path, require))


@pytest.mark.parametrize(
    ("statuses", "problem"),
    [
        (("pending", "executing"), "x-lifecycle must be statuses that are not final"),
        (("pending", "completed", "stopped"), "x-lifecycle must be statuses that are not final"),
        (("completed",), "x-lifecycle must be statuses that are not final"),
    ],
)
def test_a_lifecycle_the_server_cannot_walk_stops_the_start(
    tmp_path: Path, statuses: tuple[str, ...], problem: str
) -> None:
    with pytest.raises(SpecError, match=problem):
        create_app(api_keys=["k"], spec=write_spec(tmp_path, with_lifecycle(*statuses)))


def test_a_lifecycle_status_must_be_in_the_enum(tmp_path: Path) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _schema(spec, "AgentExecutionStatus")["x-lifecycle"] = ["pending", "queued", "completed"]

    problem = r"x-lifecycle names statuses not in its enum: \['queued'\]"
    with pytest.raises(SpecError, match=problem):
        create_app(api_keys=["k"], spec=write_spec(tmp_path, edit))


def streamed_tasks(server: LocalTaskServer, spec: Path, body: dict[str, Any]) -> list[Any]:
    """The task data of a new task's events, each checked against `spec`'s Task schema."""
    checker = Spec.from_file(spec)
    with client_for(server) as client:
        task_id = client.post(CREATE, json={"events_streaming": True, **body}).json()["id"]
        url = f"{server.events_root}/agent-execution/{task_id}/events"
        text = client.get(url).text
    events = [json.loads(line[6:]) for line in text.splitlines() if line.startswith("data: ")]
    tasks = [event["data"] for event in events if event["type"].startswith("task_")]
    for task in tasks:
        assert checker.schema_issues("Task", task) == []
    return tasks


def test_a_new_status_in_the_lifecycle_is_walked(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    spec = write_spec(tmp_path, with_lifecycle("pending", "queued", "executing", "completed"))
    server = make_task_server(spec=spec)
    tasks = streamed_tasks(server, spec, {"input": {"text": "go"}})
    assert [task["status"] for task in tasks] == ["pending", "queued", "executing", "completed"]
    assert tasks[-1]["result"] == "Completed: go"


def test_a_scripted_run_walks_the_specs_lifecycle(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    script = Script()
    script.agent("agent-123", status="failed", pending=0.05, executing=0.05)
    spec = write_spec(tmp_path, with_lifecycle("pending", "queued", "executing", "completed"))
    server = make_task_server(spec=spec, script=script)
    tasks = streamed_tasks(server, spec, {})
    assert [task["status"] for task in tasks] == ["pending", "queued", "executing", "failed"]


def test_a_status_read_by_time_follows_the_lifecycle(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    lifecycle = with_lifecycle("pending", "queued", "executing", "completed")
    server = make_task_server(spec=write_spec(tmp_path, lifecycle), step_delay=0.05)
    seen: list[str] = []
    with client_for(server) as client:
        task_id = client.post(CREATE, json={}).json()["id"]
        deadline = time.monotonic() + 30
        while "completed" not in seen and time.monotonic() < deadline:
            status = client.get(f"/agent-execution/{task_id}/status").json()["status"]
            if not seen or seen[-1] != status:
                seen.append(status)
    # Polling may miss a short step, never reorder them.
    order = ["pending", "queued", "executing", "completed"]
    assert seen[0] == "pending" and seen[-1] == "completed"
    assert seen == sorted(seen, key=order.index)


def test_the_packaged_spec_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    create_app(api_keys=["k"])

    def read_again(path: object) -> None:
        raise AssertionError(f"{path} read again")

    monkeypatch.setattr(Spec, "from_file", read_again)
    create_app(api_keys=["k"])


def test_the_command_line_serves_the_given_spec(tmp_path: Path) -> None:
    path = write_spec(tmp_path, add_task_field("cost_usd", default=0.5))
    with started("--spec", str(path), "--api-key", "k") as (_, url):
        task = httpx.post(url + CREATE, json={}, headers={"x-api-key": "k"}, timeout=30).json()
    assert task["cost_usd"] == 0.5


@pytest.mark.parametrize("problem", ["missing", "not yaml", "required"])
def test_a_spec_the_command_line_cannot_follow_is_one_line(tmp_path: Path, problem: str) -> None:
    if problem == "missing":
        path, expected = tmp_path / "nowhere.yaml", "cannot read"
    elif problem == "not yaml":
        path, expected = tmp_path / "bad.yaml", "is not valid YAML"
        path.write_text("paths: [unclosed")
    else:

        def require(spec: dict[str, Any]) -> None:
            _schema(spec, "Task")["required"].append("cost_usd")

        path, expected = write_spec(tmp_path, require), "required field 'cost_usd'"
    argv = [sys.executable, "-m", "xpander_tasks_server", "--spec", str(path), "--port", "0"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and done.stdout == "" and "Traceback" not in done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("xpander-tasks-server: --spec: ") and expected in line


def test_the_server_sends_only_the_fields_its_schemas_declare(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def only_required(spec: dict[str, Any]) -> None:
        for name in ("Task", "TasksListItem"):
            schema = _schema(spec, name)
            schema["properties"] = {k: schema["properties"][k] for k in schema["required"]}

    server = make_task_server(spec=write_spec(tmp_path, only_required))
    with client_for(server) as client:
        task = client.post(CREATE, json={"title": "t"}).json()
        (item,) = client.get("/agent-execution/executions/history/agent-123").json()
    # Each field the server sets by itself is one it knows to be its own: none slips through.
    echoed = set(_schema(SPEC, "CreateTaskRequest")["properties"]) - {"id"}
    assert set(task) == set(_schema(SPEC, "Task")["required"]) | echoed
    assert set(item) == set(_schema(SPEC, "TasksListItem")["required"])


def test_an_operation_without_a_handler_stops_the_start(tmp_path: Path) -> None:
    def add_delete(spec: dict[str, Any]) -> None:
        spec["paths"]["/agent-execution/{task_id}/delete"] = {
            "post": {"operationId": "delete_task", "responses": {"204": {"description": "Gone"}}}
        }

    with pytest.raises(SpecError, match=r"no handler for \['delete_task'\], the spec no .* \[\]"):
        create_app(api_keys=["k"], spec=write_spec(tmp_path, add_delete))
