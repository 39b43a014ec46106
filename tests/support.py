"""Shared test helpers: a transport that holds every request to openapi.yaml, fake tasks,
clients for the local servers, calls in either mode, and waits on conditions.

Timing rule of the suite: a call expected to fail "at once" runs with every timeout `LONG`
and must end within `FAST`; a call expected to time out may end up to `MARGIN` past its
timeout. Both margins are many times what a busy 2-core machine adds.
"""

from __future__ import annotations

import asyncio
import copy
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import parse_qs

import httpx
import pytest
import yaml
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from xpander_tasks import Task, Tasks

if TYPE_CHECKING:
    from faultserver import Mode

    from xpander_tasks_server import LocalTaskServer

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
OPENAPI = OpenAPI.from_file_path(str(SPEC_PATH))
API_KEY = "test-key-5f2b9c"

LONG = 20.0
"""Seconds: the timeouts of a client in a test that does not wait for one to fire."""
FAST = 5.0
"""Seconds: a call that did not wait for any timeout (each `LONG`) ended within this."""
MARGIN = 5.0
"""Seconds: how late past its bound a timeout may fire on a busy machine."""
WATCHDOG = 30.0
"""Seconds: a call still running after this long has hung (longer than `LONG`)."""

MAY_HAVE_RUN = "the task may have been created"
"""The hint of an error that may hide a created task."""

Handler = Callable[[httpx.Request], httpx.Response]
TaskServerFactory = Callable[..., "LocalTaskServer"]
"""The `make_task_server` fixture: starts a local task server with other options."""


class _OpenAPIRequest:
    """An httpx request as openapi-core reads one."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(request.url.query.decode())),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")


class _OpenAPIResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))
        self.data = response.content


def spec_checked(handler: Handler, *, check_responses: bool = True) -> httpx.MockTransport:
    """A mock transport that fails any request (and answer) the spec does not allow."""

    def checked(request: httpx.Request) -> httpx.Response:
        openapi_request = _OpenAPIRequest(request)
        OPENAPI.validate_request(openapi_request)
        response = handler(request)
        if check_responses:
            response.read()
            OPENAPI.validate_response(openapi_request, _OpenAPIResponse(response))
        return response

    return httpx.MockTransport(checked)


def fake_task(body: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """What the API answers to a create with `body`: a new pending task echoing the request."""
    task: dict[str, Any] = {
        key: value for key, value in body.items() if key != "id" and value is not None
    }
    task.update(
        id=body.get("id") or "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
        agent_id="agent-123",
        organization_id="org-1",
        input=body.get("input", {"text": "", "files": []}),
        status="pending",
        created_at="2026-11-24T12:00:00Z",
    )
    task.update(fields)
    return task


def echo_handler(requests: list[httpx.Request]) -> Handler:
    """Answers every create with a pending task, every other call with a stored one."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        body = json.loads(request.content) if request.content else {}
        return httpx.Response(200, json=fake_task(body))

    return handle


def mock_tasks(handler: Handler, *, check_responses: bool = True, **options: Any) -> Tasks:
    """A `Tasks` whose sync and async calls both go through `handler`, checked against the spec."""
    transport = spec_checked(handler, check_responses=check_responses)
    return Tasks(
        api_key=API_KEY,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
        **options,
    )


def client_for(server: LocalTaskServer) -> httpx.Client:
    """An httpx client for a local task server, with its base URL and `x-api-key` set."""
    return httpx.Client(base_url=server.url, headers={"x-api-key": server.api_key}, timeout=10)


def tasks_for(server: LocalTaskServer, **options: Any) -> Tasks:
    """A `Tasks` for a local task server, with its URL and key."""
    options.setdefault("api_key", server.api_key)
    return Tasks(base_url=server.url, **options)


async def create_in(mode: Mode, tasks: Tasks, **options: Any) -> Task:
    """A create under `WATCHDOG`: sync in a worker thread, so a hang fails the test."""
    options.setdefault("prompt", "hello")
    if mode == "sync":
        return await asyncio.wait_for(
            asyncio.to_thread(tasks.create, "agent-1", **options), WATCHDOG
        )
    return await asyncio.wait_for(tasks.acreate("agent-1", **options), WATCHDOG)


async def get_in(mode: Mode, tasks: Tasks, task_id: str = "task-1", **options: Any) -> Task:
    """A get under `WATCHDOG`, like `create_in`."""
    if mode == "sync":
        return await asyncio.wait_for(asyncio.to_thread(tasks.get, task_id, **options), WATCHDOG)
    return await asyncio.wait_for(tasks.aget(task_id, **options), WATCHDOG)


async def until(condition: Callable[[], object], what: str, timeout: float = LONG) -> None:
    """Wait, without blocking the event loop, until `condition()` holds; fail after `timeout`."""
    give_up = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > give_up:
            pytest.fail(f"still waiting for {what} after {timeout:g} s")
        await asyncio.sleep(0.01)


async def expire_when(scope: asyncio.Timeout, ready: Awaitable[object]) -> None:
    """Make an `asyncio.timeout` scope fire once `ready` is done: a cancel at a known point."""
    await ready
    scope.reschedule(asyncio.get_running_loop().time())


@contextmanager
def started(*args: str, env_key: str | None = None) -> Iterator[tuple[list[str], str]]:
    """Run the server in a child process on a free port; yield its start lines and URL."""
    env = {key: value for key, value in os.environ.items() if key != "XPANDER_API_KEY"}
    if env_key is not None:
        env["XPANDER_API_KEY"] = env_key
    argv = [sys.executable, "-m", "xpander_tasks_server", "--port", "0", "--log-level", "warning"]
    with subprocess.Popen([*argv, *args], stdout=subprocess.PIPE, text=True, env=env) as process:
        assert process.stdout is not None
        try:
            # The URL, the agents, and what to paste.
            lines = [process.stdout.readline().strip() for _ in range(3)]
            prefix, _, url = lines[0].rpartition(" ")
            assert prefix == "Serving the task API on", lines
            yield lines, url
        finally:
            process.terminate()
            # uvicorn shuts down, then re-raises the signal so the exit status tells of it.
            assert process.wait(30) in (0, -signal.SIGTERM)


def status_of(url: str, key: str, path: str = "/agent-execution/x/status") -> int:
    return httpx.get(url + path, headers={"x-api-key": key}, timeout=30).status_code


# Every call of a task that puts its ids into a path.
TASK_CALLS: dict[str, Callable[[Task], object]] = {
    "events": lambda task: next(iter(task.events())),
    "aevents": lambda task: asyncio.run(anext(aiter(task.aevents()))),
    "reload": lambda task: task.reload(),
    "areload": lambda task: asyncio.run(task.areload()),
    "stop": lambda task: task.stop(),
    "astop": lambda task: asyncio.run(task.astop()),
    "get_activity_log": lambda task: task.get_activity_log(),
    "aget_activity_log": lambda task: asyncio.run(task.aget_activity_log()),
}


# The new operation the spec-change tests add to a copy of the spec: `Tasks.delete`.
DELETE_TASK_PATH = "/agent-execution/{task_id}/delete"
DELETE_TASK_HINT = "the task may have been deleted: read it before deleting it again"


def delete_task_operation(**changes: Any) -> dict[str, Any]:
    """The `delete_task` operation's spec entry, with `changes` to its keys."""
    operation = {
        "operationId": "delete_task",
        "x-sdk-method": "Tasks.delete",
        "tags": ["tasks"],
        "x-may-have-acted": DELETE_TASK_HINT,
        "summary": "Delete a task.",
        "parameters": [{"$ref": "#/components/parameters/TaskId"}],
        "responses": {
            "200": {
                "description": "The deleted task.",
                "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Task"}}},
            },
        },
    }
    return operation | changes


# The task events whose `data` is a Task.
TASK_EVENTS = ("task_created", "task_updated", "task_finished")


def read_events(
    server: LocalTaskServer, client: httpx.Client, task_id: str, last_event_id: int | None = None
) -> list[tuple[int, dict[str, Any]]]:
    """One connection's messages as (id, TaskEvent), checked against the spec, until it ends."""
    from xpander_tasks_server import load_spec

    spec = load_spec()
    headers = {} if last_event_id is None else {"Last-Event-ID": str(last_event_id)}
    url = f"{server.events_root}/agent-execution/{task_id}/events"
    with client.stream("GET", url, headers=headers) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert response.headers["cache-control"] == "no-cache"
        text = response.read().decode()
    events = []
    for message in filter(None, text.split("\n\n")):
        fields = dict(line.split(": ", 1) for line in message.split("\n"))
        assert set(fields) == {"id", "data"}
        event = json.loads(fields["data"])
        assert spec.schema_issues("TaskEvent", event) == []
        assert (event["task_id"], event["organization_id"]) == (task_id, server.organization_id)
        if event["type"] in TASK_EVENTS:
            assert spec.schema_issues("Task", event["data"]) == []
        events.append((int(fields["id"]), event))
    return events


# The project's spec as data, to edit a copy of.
SPEC_DATA: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
SpecEdit = Callable[[dict[str, Any]], None]


def spec_schema(spec: dict[str, Any], name: str) -> dict[str, Any]:
    schema: dict[str, Any] = spec["components"]["schemas"][name]
    return schema


def write_spec(tmp_path: Path, edit: SpecEdit) -> Path:
    """The project's spec with `edit` applied, as a file."""
    spec = copy.deepcopy(SPEC_DATA)
    edit(spec)
    path = tmp_path / "openapi.yaml"
    path.write_text(yaml.safe_dump(spec, sort_keys=False))
    return path
