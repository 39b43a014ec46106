"""The wire under both clients: one program written for the published SDK calls every
Tasks-module and Agent call; the local server records each request, and ours must send the
same as the SDK, key for key."""

from __future__ import annotations

import json
import re
from typing import Any

from published_sdk import run_both
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from xpander_tasks_server import LocalTaskServer

# Every Tasks-module call, every Agent call, positional where the SDK takes them so.
PROGRAM = """
from xpander_sdk import Agents, AgentExecutionStatus, Task, Tasks, Tokens

tasks = Tasks()
task = tasks.create("agent-123", None, "a prompt", ["https://example.com/a.pdf"])
tasks.get(task.id)
tasks.list("agent-123", {"status": "pending", "limit": 5})
tasks.list_user_tasks("user-1", {"status": "pending"})
tasks.update(task.id, {"k": 1}, "sdk-test", AgentExecutionStatus.Paused, None, "half way")
task = Task.load(task.id)
task.title = "renamed"
task.save()
task.save(with_deep_plan_update=True)
task.set_status(AgentExecutionStatus.Completed, "done")
task.get_activity_log()
tasks.stop(task.id)
Task.report_external_task(
    None, "agent-123", None, "2+2?", {"raw": 1}, Tokens(prompt_tokens=3, completion_tokens=4),
    True, "4", 1.5, ["calculator"],
)
agents = Agents()
listed = agents.list()
agent = listed[0].load()
agent.create_task("Hello!")
agent.create_task("Hi", agent_version=agent.version, title="pinned")
print("all calls done")
"""

# Transport details each HTTP library words its own way; the API reads none of them.
_TRANSPORT_HEADERS = frozenset(
    {"host", "user-agent", "accept", "accept-encoding", "connection", "content-length"}
)
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DATETIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)?")


def _same_across_runs(value: Any) -> Any:
    """Ids and times differ from run to run: each is replaced by what it is."""
    if isinstance(value, str):
        return _DATETIME.sub("<time>", _UUID.sub("<id>", value))
    if isinstance(value, dict):
        return {key: _same_across_runs(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_same_across_runs(item) for item in value]
    return value


class _Recorder:
    """An ASGI layer in front of the server's app: each request's method, path, query,
    headers and JSON body, as received."""

    def __init__(self, app: ASGIApp, requests: list[dict[str, Any]]) -> None:
        self.app, self.requests = app, requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = bytearray()
        messages: list[Message] = []
        while True:
            message = await receive()
            messages.append(message)
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {
            name.decode("latin-1"): value.decode("latin-1")
            for name, value in scope["headers"]
            if name.decode("latin-1") not in _TRANSPORT_HEADERS
        }
        self.requests.append(
            _same_across_runs(
                {
                    "call": f"{scope['method']} {scope['path']}",
                    "query": dict(
                        part.split("=", 1)
                        for part in scope["query_string"].decode().split("&")
                        if part
                    ),
                    "headers": headers | {"x-api-key": "<key>"}
                    if "x-api-key" in headers
                    else headers,
                    "body": json.loads(body) if body else None,
                }
            )
        )

        async def replay() -> Message:
            return messages.pop(0) if messages else await receive()

        await self.app(scope, replay, send)


def test_every_call_sends_what_the_published_sdk_sends() -> None:
    recorded: dict[str, list[dict[str, Any]]] = {"theirs": [], "ours": []}
    order = iter(recorded)
    servers: list[LocalTaskServer] = []

    def make() -> LocalTaskServer:
        # Tasks that do not run while the program reads them: no timing in what is compared.
        server = LocalTaskServer(step_delay=3600)
        server.app = _Recorder(server.app, recorded[next(order)])
        servers.append(server)
        return server.start()

    try:
        sdk_run, our_run = run_both(PROGRAM, make)
    finally:
        for server in servers:
            server.stop()
    assert sdk_run.returncode == 0, sdk_run.stderr
    assert our_run.returncode == 0, our_run.stderr
    assert our_run.lines == sdk_run.lines == ["all calls done"]
    theirs, ours = recorded["theirs"], recorded["ours"]
    assert [request["call"] for request in ours] == [request["call"] for request in theirs]
    for mine, sdk in zip(ours, theirs, strict=True):
        assert _as_compared(mine) == _as_compared(sdk), mine["call"]


# docs/migrating.md's remaining differences on the wire, each with its reason there: a saved task
# carries back the request fields the server echoed (the SDK's model drops `worker_id` and
# `run_locally`), and a deep plan sent on request is the task's own (null when it has none,
# where the SDK sends its model's empty plan).
_SAVE_DIFFERENCES = ("worker_id", "run_locally", "deep_planning")


def _as_compared(request: dict[str, Any]) -> dict[str, Any]:
    if not request["call"].startswith("PATCH") or "title" not in (request["body"] or {}):
        return request
    body = {key: value for key, value in request["body"].items() if key not in _SAVE_DIFFERENCES}
    return request | {"body": body}
