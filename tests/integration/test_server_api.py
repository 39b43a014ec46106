"""The local task server over loopback HTTP: auth, validation, tasks and their lifecycle."""

from __future__ import annotations

import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
import pytest
from support import TaskServerFactory, client_for

from xpander_tasks_server import UNKNOWN_EVENT_MARKER, LocalTaskServer, load_spec

SPEC = load_spec()
CREATE = "/agent-execution/agent-123"
SEED_BODY: dict[str, Any] = SPEC.document["paths"]["/agent-execution/{agent_or_task_id}"]["post"][
    "requestBody"
]["content"]["application/json"]["examples"]["seed"]["value"]


def valid_task(response: httpx.Response, status: str | None = None) -> dict[str, Any]:
    """The response's task, once it is a 200 in the spec's `Task` shape."""
    assert response.status_code == 200, response.text
    task: dict[str, Any] = response.json()
    assert SPEC.schema_issues("Task", task) == []
    if status is not None:
        assert task["status"] == status
    return task


def detail(response: httpx.Response, status_code: int) -> Any:
    """The `detail` of an error answer, once it has the status and the spec's `Error` shape."""
    assert response.status_code == status_code, response.text
    assert response.headers["content-type"] == "application/json"
    body = response.json()
    assert SPEC.schema_issues("Error", body) == []
    return body["detail"]


ROUTES = [
    ("POST", CREATE),
    ("GET", "/agent-execution/some-task/status"),
    ("GET", "/org-local/agent-execution/some-task/events"),
    ("DELETE", "/agent-execution/some-task"),
    ("PATCH", "/agent-execution/some-task/update"),
    ("POST", "/agent-execution/agent-123/report_task"),
    ("GET", "/agent-execution/executions/history/agent-123"),
    ("GET", "/agent-execution/executions/history/user/user-1"),
    ("GET", "/activity/agent-123/some-task"),
    ("GET", "/agents/agent-123"),
    ("GET", "/no/such/route"),
]


@pytest.mark.parametrize(("method", "path"), ROUTES)
def test_every_route_needs_the_api_key(
    task_server: LocalTaskServer, method: str, path: str
) -> None:
    with httpx.Client(base_url=task_server.url) as client:
        assert detail(client.request(method, path, json={}), 401) == "Missing API key"
        assert detail(client.request(method, path, headers={"x-api-key": ""}), 401) == (
            "Missing API key"
        )
        wrong = client.request(method, path, headers={"x-api-key": task_server.api_key + "x"})
        assert detail(wrong, 403) == "Invalid API key"
    assert task_server.counters.tasks_created == 0


def test_unknown_agent_is_404(task_api: httpx.Client) -> None:
    assert detail(task_api.post("/agent-execution/agent-999", json={}), 404) == "Agent not found"


def test_schema_violations_are_422_naming_the_field(task_api: httpx.Client) -> None:
    response = task_api.post(
        CREATE,
        json={"think_mode": "hardest", "input": {"user": {"first_name": "Ada"}}},
        headers={"x-agent-version": ""},
    )
    issues = detail(response, 422)
    by_loc = {tuple(issue["loc"]): issue for issue in issues}
    assert set(by_loc) == {
        ("header", "x-agent-version"),
        ("body", "input", "user", "email"),
        ("body", "think_mode"),
    }
    assert by_loc[("body", "input", "user", "email")]["type"] == "missing"
    assert "'hardest' is not one of ['default', 'harder']" in by_loc[("body", "think_mode")]["msg"]
    assert task_api.post(CREATE, json={"id": 5}).json()["detail"][0]["loc"] == ["body", "id"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"output_schema": {"type": 5}}, "output_schema: not a valid JSON Schema"),
        ({"output_schema": {"$schema": "urn:nope"}}, "output_schema: unknown $schema"),
        ({"output_schema": {"$schema": 7}}, "output_schema: $schema must be a string"),
        ({"output_schema": {"pattern": "(unclosed"}}, "output_schema: not a valid JSON Schema"),
        ({"mcp_servers": [{"name": "docs"}]}, "mcp_servers[0].url: required for a remote"),
        (
            {"mcp_servers": [{"url": "https://m.example"}, {"type": "local"}]},
            "mcp_servers[1].command",
        ),
    ],
)
def test_semantic_problems_are_400_naming_the_field(
    task_api: httpx.Client, body: dict[str, Any], field: str
) -> None:
    assert detail(task_api.post(CREATE, json=body), 400).startswith(field)


DEEP = b'{"payload_extension": ' + b'{"a": ' * 70 + b"1" + b"}" * 71
JUNK: list[tuple[bytes, bytes]] = [
    (b"", b"application/json"),
    (b"not json", b"application/json"),
    (b"[]", b"application/json"),
    (b'"text"', b"application/json"),
    (b'{"input": {"text": "\xff\xfe"}}', b"application/json"),
    (b'{"input": {"text": "\\ud800"}}', b"application/json"),
    (b'{"tool_call_limit": NaN}', b"application/json"),
    (b'{"tool_call_limit": Infinity}', b"application/json"),
    (b'{"payload_extension": {"x": 1e999}}', b"application/json"),
    (b'{"tool_call_limit": ' + b"9" * 5000 + b"}", b"application/json"),
    (b"[" * 100_000 + b"]" * 100_000, b"application/json"),
    (DEEP, b"application/json"),
    (b'{"input": {"text": "' + b"a" * 1_100_000 + b'"}}', b"application/json"),
    (b"{}", b"text/plain"),
    (b"\x00\x01\x02", b"application/octet-stream"),
    (b"{", b"application/json; charset=utf-8; x=\xff"),
]


@pytest.mark.parametrize(("content", "content_type"), JUNK)
def test_junk_is_a_client_error_never_a_5xx(
    task_server: LocalTaskServer, task_api: httpx.Client, content: bytes, content_type: bytes
) -> None:
    response = task_api.post(CREATE, content=content, headers={"content-type": content_type})
    assert response.status_code in (400, 422), response.text
    detail(response, response.status_code)
    assert task_server.counters.tasks_created == 0


def test_odd_headers_and_ids_are_never_a_5xx(task_api: httpx.Client) -> None:
    weird = {"x-agent-version": b"\xe9\x7f", "last-event-id": b"9" * 5000, "accept": b"\xff"}
    for method, path in [*ROUTES[:-1], ("GET", "/agent-execution/%ff%00%20/status")]:
        response = task_api.request(method, path, headers=weird)
        assert response.status_code < 500
    created = task_api.post(CREATE, json={}, headers={"x-agent-version": b"caf\xe9"})
    assert valid_task(created)["agent_version"] == "caf\xe9"


def test_a_new_task_echoes_every_request_field(task_server: LocalTaskServer) -> None:
    body = {
        **SEED_BODY,
        "title": "Sales summary",
        "output_format": "markdown",
        "output_schema": {"type": "object", "properties": {"total": {"type": "number"}}},
        "think_mode": "harder",
        "tool_call_limit": 3,
        "llm_reasoning_effort": "high",
        "mcp_servers": [{"name": "docs", "url": "https://mcp.example", "type": "remote"}],
        "input": {**SEED_BODY["input"], "principal": {"kind": "user", "id": "u-1"}},
    }
    with client_for(task_server) as client:
        task = valid_task(
            client.post(CREATE, json=body, headers={"x-agent-version": "7"}), "pending"
        )
    for key, value in body.items():
        if key != "id":
            assert task[key] == value, key
    assert uuid.UUID(task["id"]).version == 4
    assert task["agent_id"] == "agent-123"
    assert task["organization_id"] == task_server.organization_id == "org-local"
    assert task["agent_version"] == "7"
    assert task["started_at"] is task["finished_at"] is task["result"] is None
    assert task["is_manually_stopped"] is False
    assert task_server.counters.create_requests == task_server.counters.tasks_created == 1


def test_omitted_fields_get_the_spec_defaults(task_api: httpx.Client) -> None:
    task = valid_task(task_api.post(CREATE, json={}))
    assert task["input"] == {"text": ""}
    assert task["think_mode"] == "default"
    assert task["run_locally"] is task["events_streaming"] is task["return_metrics"] is False
    assert task["title"] is task["agent_version"] is None


def statuses_until_done(client: httpx.Client, task_id: str) -> list[dict[str, Any]]:
    """Every distinct state the task showed, polled until it is no longer running."""
    seen: list[dict[str, Any]] = []
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        task = valid_task(client.get(f"/agent-execution/{task_id}/status"))
        if not seen or seen[-1]["status"] != task["status"]:
            seen.append(task)
        if task["status"] not in ("pending", "executing"):
            return seen
        time.sleep(0.01)
    raise AssertionError(f"still running: {seen}")


def test_a_task_goes_pending_executing_completed(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(step_delay=0.2)
    with client_for(server) as client:
        created = valid_task(
            client.post(CREATE, json={"input": {"text": "add 2 and 2"}}), "pending"
        )
        seen = statuses_until_done(client, created["id"])
    assert [task["status"] for task in seen] == ["pending", "executing", "completed"]
    executing, done = seen[1], seen[2]
    assert executing["started_at"] is not None and executing["finished_at"] is None
    assert done["started_at"] == executing["started_at"] < done["finished_at"]
    assert done["created_at"] == created["created_at"] < done["started_at"]
    assert done["result"] == "Completed: add 2 and 2"
    assert server.counters.status_requests >= len(seen)


def test_json_output_format_gives_a_json_result(task_api: httpx.Client) -> None:
    task = valid_task(task_api.post(CREATE, json={"output_format": "json"}))
    assert statuses_until_done(task_api, task["id"])[-1]["result"] == '{"result": "Completed."}'


def test_existing_task_id_continues_the_task(
    task_server: LocalTaskServer, task_api: httpx.Client
) -> None:
    first = valid_task(task_api.post(CREATE, json={"input": {"text": "one"}, "title": "t"}))
    statuses_until_done(task_api, first["id"])
    body = {"id": first["id"], "input": {"text": "two"}}
    again = valid_task(
        task_api.post(CREATE, json=body, headers={"x-agent-version": "2"}), "pending"
    )
    assert again["id"] == first["id"] and again["created_at"] == first["created_at"]
    assert again["input"] == {"text": "two"} and again["title"] is None
    assert again["agent_version"] == "2"
    assert statuses_until_done(task_api, first["id"])[-1]["result"] == "Completed: two"
    counters = task_server.counters
    assert (counters.create_requests, counters.tasks_created, counters.tasks_continued) == (2, 1, 1)


def test_unknown_tasks_are_404(task_api: httpx.Client) -> None:
    missing = str(uuid.uuid4())
    assert detail(task_api.post(CREATE, json={"id": missing}), 404) == "Task not found"
    assert detail(task_api.get(f"/agent-execution/{missing}/status"), 404) == "Task not found"


def test_other_methods_are_405_with_allow(task_api: httpx.Client) -> None:
    response = task_api.put(CREATE)
    assert detail(response, 405) == "Method Not Allowed"
    assert set(response.headers["allow"].split(", ")) == {"POST", "DELETE"}  # create and stop
    status_allow = task_api.post("/agent-execution/x/status").headers["allow"]
    assert set(status_allow.split(", ")) == {"GET", "HEAD"}


def test_a_database_file_keeps_tasks_across_restarts(tmp_path: Path) -> None:
    db = str(tmp_path / "tasks.db")
    with LocalTaskServer(db=db, step_delay=0.01) as server, client_for(server) as client:
        task = valid_task(client.post(CREATE, json={"input": {"text": "kept"}}))
    time.sleep(0.05)
    with LocalTaskServer(db=db) as server, client_for(server) as client:
        kept = valid_task(client.get(f"/agent-execution/{task['id']}/status"), "completed")
    assert kept["result"] == "Completed: kept"


def test_the_server_stops_within_its_bound() -> None:
    server = LocalTaskServer(step_delay=30).start()
    with client_for(server) as client:
        task = valid_task(client.post(CREATE, json={"events_streaming": True}))
        events = f"{server.events_root}/agent-execution/{task['id']}/events"
        with client.stream("GET", events) as stream:
            assert stream.status_code == 200
            started = time.monotonic()
            server.stop()
            assert time.monotonic() - started < 5
    assert "xpander-tasks-server" not in {thread.name for thread in threading.enumerate()}
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.url


# The rest of the Tasks module: stop, update, save, report, list, activity, agents.


def task_path(task_id: str, suffix: str = "") -> str:
    return f"/agent-execution/{task_id}{suffix}"


def listed(response: httpx.Response) -> list[dict[str, Any]]:
    """The response's list of tasks, once it is a 200 of `TasksListItem`s."""
    assert response.status_code == 200, response.text
    items: list[dict[str, Any]] = response.json()
    for item in items:
        assert SPEC.schema_issues("TasksListItem", item) == []
    return items


def test_every_operation_of_the_spec_has_its_route(task_api: httpx.Client) -> None:
    """Routes come from openapi.yaml: each operation answers on its path (not a routing 404)."""
    for operation in SPEC.operations():
        names = {"agent_or_task_id": "x", "task_id": "x", "user_id": "x"}
        names |= {"agent_id": "agent-123", "organization_id": "org-local"}
        path = operation.path.format_map(names)
        response = task_api.request(operation.method, path, json={})
        assert response.status_code != 405, operation
        if response.status_code == 404:
            assert detail(response, 404) != "Not Found", operation


def test_stop_ends_the_task_for_good(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(step_delay=1.0)
    with client_for(server) as client:
        sibling = valid_task(client.post(CREATE, json={}))
        task = valid_task(client.post(CREATE, json={"input": {"text": "runaway"}}))
        stopped = valid_task(client.delete(task_path(task["id"])), "stopped")
        assert stopped["is_manually_stopped"] is True and stopped["finished_at"] is not None
        # Once a task created before the stop has run to its end, the stopped one is still so.
        assert statuses_until_done(client, sibling["id"])[-1]["status"] == "completed"
        later = valid_task(client.get(task_path(task["id"], "/status")), "stopped")
        assert later == stopped
        paused = client.patch(task_path(task["id"], "/update"), json={"status": "paused"})
        assert valid_task(paused, "paused")["is_manually_stopped"] is True
        assert valid_task(paused)["paused_at"] is not None
    assert (server.counters.tasks_stopped, server.counters.tasks_updated) == (1, 1)
    assert server.counters.requests["stop_task"] == 1


def test_update_sets_only_the_fields_it_names(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(step_delay=30)
    with client_for(server) as client:
        task = valid_task(client.post(CREATE, json={"source": "api"}), "pending")
        update = task_path(task["id"], "/update")
        assert valid_task(client.patch(update, json={})) == task
        changes = {
            "tool_call_payload_extension": {"trace": "t-1"},
            "last_executed_node_id": "node-7",
            "result": "half way",
            "source": None,  # a null among the update keys changes nothing
        }
        updated = valid_task(client.patch(update, json=changes), "pending")
        assert updated["payload_extension"] == {"trace": "t-1"}
        assert "tool_call_payload_extension" not in updated
        assert (updated["last_executed_node_id"], updated["result"]) == ("node-7", "half way")
        assert updated["source"] == "api"
        done = valid_task(client.patch(update, json={"status": "completed"}), "completed")
        assert done["finished_at"] is not None and done["result"] == "half way"
        assert valid_task(client.get(task_path(task["id"], "/status"))) == done


def test_a_saved_whole_task_is_its_update(task_api: httpx.Client) -> None:
    """What the SDK's `save` / `set_status` send: every field, `input.principal` null."""
    task = valid_task(task_api.post(CREATE, json={"title": "t"}))
    saved = {
        **task,
        "input": {**task["input"], "attachments": [], "principal": None},
        "status": "failed",
        "result": None,
        "title": "renamed",
        "id": "another-id",  # the path names the task; its identity does not change
        "created_at": "2020-01-01T00:00:00Z",
    }
    answer = valid_task(task_api.patch(task_path(task["id"], "/update"), json=saved), "failed")
    assert (answer["id"], answer["created_at"]) == (task["id"], task["created_at"])
    assert answer["title"] == "renamed" and answer["result"] is None
    assert answer["input"]["principal"] is None
    assert valid_task(task_api.get(task_path(task["id"], "/status"))) == answer


@pytest.mark.parametrize(
    ("body", "status_code", "expected"),
    [
        ({"status": "AgentExecutionStatus.Completed"}, 422, ["body"]),  # as the SDK's enum str
        ({"result": 5}, 422, ["body"]),
        ({"mcp_servers": [{"type": "local"}]}, 422, ["body"]),  # not an update key, no task
    ],
)
def test_bad_updates_are_refused(
    task_api: httpx.Client, body: dict[str, Any], status_code: int, expected: list[str]
) -> None:
    task = valid_task(task_api.post(CREATE, json={}))
    issues = detail(task_api.patch(task_path(task["id"], "/update"), json=body), status_code)
    assert issues[0]["loc"][: len(expected)] == expected


def test_a_saved_task_keeps_the_mcp_rule_as_a_400(task_api: httpx.Client) -> None:
    """The spec's `if`/`then` rule is a 400 wherever an MCP server is sent, not only at create."""
    task = valid_task(task_api.post(CREATE, json={}))
    saved = {**task, "mcp_servers": [{"name": "docs", "url": None}]}
    problem = detail(task_api.patch(task_path(task["id"], "/update"), json=saved), 400)
    assert problem == "mcp_servers[0].url: required for a remote MCP server"


def test_the_mcp_rule_is_the_specs() -> None:
    """The server's 400 for an MCP server comes from the spec's `if`/`then`, not Python."""
    rule = SPEC.document["components"]["schemas"]["MCPServerDetails"]
    assert rule["if"]["properties"]["type"] == {"const": "local"}
    assert rule["then"]["required"] == ["command"] and rule["else"]["required"] == ["url"]
    broken = {"mcp_servers": [{"type": "local", "command": ""}]}
    check = SPEC.check_body("create_task", broken)
    assert check.issues == []
    assert check.rules == ["mcp_servers[0].command: required for a local MCP server"]


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("DELETE", "/agent-execution/{}", None),
        ("PATCH", "/agent-execution/{}/update", {}),
        ("GET", "/activity/agent-123/{}", None),
    ],
)
def test_unknown_tasks_are_404_everywhere(
    task_api: httpx.Client, method: str, path: str, body: dict[str, Any] | None
) -> None:
    response = task_api.request(method, path.format(uuid.uuid4()), json=body)
    assert detail(response, 404) == "Task not found"


def test_report_stores_a_finished_task(task_server: LocalTaskServer) -> None:
    report = "/agent-execution/agent-123/report_task"
    tokens = {
        "completion_tokens": 1,
        "prompt_tokens": 7,
        "cache_read_tokens": 0,
        "cache_write_tokens": 0,
        "total_tokens": 8,
    }
    body = {"input": "What is 2 + 2?", "result": "4", "tokens": tokens, "duration": 0.8}
    with client_for(task_server) as client:
        done = valid_task(client.post(report, json={**body, "used_tools": ["calc"]}), "completed")
        assert done["input"] == {"text": "What is 2 + 2?"} and done["result"] == "4"
        assert (done["tokens"], done["duration"], done["used_tools"]) == (tokens, 0.8, ["calc"])
        assert done["finished_at"] is not None and done["agent_id"] == "agent-123"
        named = {"id": "ext-1", "input": None, "is_success": False, "result": "boom"}
        failed = valid_task(client.post(report, json=named), "failed")
        assert failed["id"] == "ext-1" and failed["input"] == {"text": ""}
        again = valid_task(client.post(report, json={"id": "ext-1", "result": "ok"}), "completed")
        assert again["id"] == "ext-1"
        assert valid_task(client.get(task_path("ext-1", "/status"))) == again
        unknown = client.post("/agent-execution/agent-999/report_task", json=body)
        assert detail(unknown, 404) == "Agent not found"
    assert task_server.counters.tasks_reported == 3


def test_list_is_newest_first_with_the_filters(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(agents=["agent-123", "agent-456"], step_delay=30)
    ada = {"email": "ada@example.com", "id": "user-ada"}
    history = "/agent-execution/executions/history/"
    with client_for(server) as client:
        first = valid_task(client.post(CREATE, json={"input": {"user": ada}}))
        second = valid_task(client.post(CREATE, json={"triggering_agent_id": "agent-9"}))
        third = valid_task(client.post(CREATE, json={"input": {"user": ada}, "title": "T"}))
        elsewhere = client.post("/agent-execution/agent-456", json={"input": {"user": ada}})
        client.delete(task_path(second["id"]))
        items = listed(client.get(history + "agent-123"))
        assert [item["id"] for item in items] == [third["id"], second["id"], first["id"]]
        assert items[0]["title"] == "T" and items[0]["user_id"] == "user-ada"
        assert [item["status"] for item in items] == ["pending", "stopped", "pending"]
        assert "input" not in items[0]

        def ids(path: str, **filters: str) -> list[str]:
            return [item["id"] for item in listed(client.get(history + path, params=filters))]

        assert ids("agent-123", user_id="user-ada") == [third["id"], first["id"]]
        assert ids("agent-123", status="stopped") == [second["id"]]
        assert ids("agent-123", triggering_agent_id="agent-9") == [second["id"]]
        assert ids("agent-123", user_id="user-ada", status="stopped") == []
        assert ids("agent-123", parent_task_id="p", unknown_filter="ignored") == []
        assert ids("agent-456") == [elsewhere.json()["id"]]
        # A user's tasks across agents, filtered likewise.
        assert ids("user/user-ada") == [elsewhere.json()["id"], third["id"], first["id"]]
        assert ids("user/user-ada", status="stopped") == []
        assert ids("user/nobody") == []
        bad = client.get(history + "agent-123", params={"status": "AgentExecutionStatus.Completed"})
        assert detail(bad, 422)[0]["loc"] == ["query", "status"]
        assert detail(client.get(history + "agent-999"), 404) == "Agent not found"
    assert server.counters.requests["list_tasks"] == 9
    assert server.counters.requests["list_user_tasks"] == 3


def test_the_activity_log_follows_the_task(task_api: httpx.Client) -> None:
    task = valid_task(task_api.post(CREATE, json={"input": {"text": f"hi {UNKNOWN_EVENT_MARKER}"}}))
    log_path = f"/activity/agent-123/{task['id']}"
    early = task_api.get(log_path).json()
    statuses_until_done(task_api, task["id"])
    log = task_api.get(log_path).json()
    for thread in (early, log):
        assert SPEC.schema_issues("AgentActivityThread", thread) == []
        assert thread["id"] == task["id"]
    assert log["messages"][0]["role"] == "user" and log["messages"][0]["content"]["text"] == (
        f"hi {UNKNOWN_EVENT_MARKER}"
    )
    assert log["messages"][: len(early["messages"])] == early["messages"]  # it only grows
    kinds = [
        entry.get("role") or entry.get("type") or entry.get("tool_name")
        for entry in log["messages"]
    ]
    assert kinds == ["user", None, "think", "compose_answer", "agent"]  # in order of time
    assert log["messages"][1]["action"] == "mystery_card"  # a kind no client knows
    assert log["messages"][4]["content"]["text"] == f"Completed: hi {UNKNOWN_EVENT_MARKER}"
    other_agent = task_api.get(f"/activity/agent-999/{task['id']}")
    assert detail(other_agent, 404) == "Agent not found"


def test_get_agent_answers_for_the_configured_agents(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        agent = client.get("/agents/agent-123")
        pinned = client.get("/agents/agent-123", headers={"x-agent-version": "4"})
        for response, version in [(agent, 1), (pinned, 4)]:
            assert response.status_code == 200, response.text
            body = response.json()
            assert SPEC.schema_issues("Agent", body) == []
            assert (body["id"], body["organization_id"]) == ("agent-123", "org-local")
            assert body["version"] == version
        assert detail(client.get("/agents/agent-999"), 404) == "Agent not found"
        for version in ["latest", "0", b"\xb2"]:  # superscript two: a digit, not ASCII
            missing = client.get("/agents/agent-123", headers={"x-agent-version": version})
            assert detail(missing, 404) == "Agent version not found"
    assert task_server.counters.requests["get_agent"] == 6
