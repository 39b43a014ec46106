"""The task API's operations: one handler for each operationId of `openapi.yaml`.

A handler gets a `Call` whose parameters and body already passed the operation's schemas (see
`Service.handle`); it checks what no schema can (does the agent exist, is the task there) and
answers in the spec's shapes.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from xpander_tasks_server._lifecycle import Lifecycle, isoformat
from xpander_tasks_server._requests import ApiError, read_json_object, semantic_problem
from xpander_tasks_server._script import Script
from xpander_tasks_server._spec import Operation, Spec
from xpander_tasks_server._store import StoreBusy, TaskRecord, TaskStore
from xpander_tasks_server._views import (
    OWN_LIST_ITEM_FIELDS,
    activity_thread,
    agent,
    agent_list_item,
    newest_first,
    user_id_of,
)

_STREAM_POLL = 0.1
# A task's identity, which neither an update nor a saved whole task changes.
_IDENTITY = ("id", "agent_id", "organization_id", "created_at")
# `Tasks.update` names one field otherwise than the task does.
_UPDATE_NAMES = {"tool_call_payload_extension": "payload_extension"}


@dataclass(frozen=True)
class Call:
    """A request whose parameters and body passed its operation's schemas."""

    request: Request
    path: Mapping[str, str]
    query: Mapping[str, str]
    """The operation's query parameters that were sent (others are ignored)."""
    body: dict[str, Any] | None
    """The JSON body of an operation that takes one."""


Handler = Callable[[Call], Awaitable[Response]]


@dataclass
class Counters:
    """What the server was asked and did, for tests (e.g. that a client sent one create only)."""

    requests: Counter[str] = field(default_factory=Counter)
    """Requests that reached each operation's route (by operationId), whatever their outcome."""
    tasks_created: int = 0
    """New tasks stored (a continuation of an existing task is not one)."""
    tasks_continued: int = 0
    tasks_updated: int = 0
    """Tasks changed by an update (or a saved whole task)."""
    tasks_stopped: int = 0
    tasks_reported: int = 0

    @property
    def create_requests(self) -> int:
        """Requests that reached the create route, whatever their outcome."""
        return self.requests["create_task"]

    @property
    def status_requests(self) -> int:
        return self.requests["get_task"]

    @property
    def event_streams(self) -> int:
        """Connections to the events route, including refused ones."""
        return self.requests["stream_task_events"]


class _JSON(JSONResponse):
    """JSON without NaN and in ASCII, so whatever text a request held can be echoed safely."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


def error_response(
    status_code: int, detail: Any, headers: Mapping[str, str] | None = None
) -> Response:
    """An answer in the spec's `Error` shape."""
    return _JSON({"detail": detail}, status_code=status_code, headers=headers)


class Service:
    """The state behind the routes: spec, store, configuration and counters."""

    def __init__(
        self,
        *,
        agents: Sequence[str] | None,
        db: str,
        step_delay: float,
        organization_id: str,
        script: Script,
        ping_interval: float,
        spec: Spec,
    ) -> None:
        self.spec = spec
        self.script = script
        self.store = TaskStore(db)
        self.agents = None if agents is None else frozenset(agents)
        self.step_delay = step_delay
        self.organization_id = organization_id
        self.counters = Counters()
        self.started_at = time.time()
        self._ping_interval = ping_interval
        self._request_fields = self.spec.defaults("CreateTaskRequest")
        del self._request_fields["id"]
        self._input_defaults = {
            key: value
            for key, value in self.spec.defaults("TaskInput").items()
            if value is not None
        }
        self.lifecycle = Lifecycle(spec)
        # What a report stores: one status when it succeeded, another when not.
        self._reported = (
            spec.set_status("report_external_task"),
            spec.set_status("report_external_task", "x-sets-status-on-failure"),
        )
        self._list_item_shape = spec.answer_shape("TasksListItem", own=OWN_LIST_ITEM_FIELDS)

    def handlers(self) -> dict[str, Handler]:
        """The handler of each operation, by operationId."""
        return {
            "create_task": self.create_task,
            "stop_task": self.stop_task,
            "update_task": self.update_task,
            "report_external_task": self.report_external_task,
            "list_tasks": self.list_tasks,
            "list_user_tasks": self.list_user_tasks,
            "get_task_activity_log": self.get_task_activity_log,
            "get_agent": self.get_agent,
            "list_agents": self.list_agents,
            "get_task": self.get_task,
            "stream_task_events": self.stream_task_events,
        }

    async def handle(self, operation: Operation, handler: Handler, request: Request) -> Response:
        """Check the request against the operation's schemas, then let its handler answer.

        Schema violations are a 422 naming each field; a broken `if`/`then` rule of the spec
        a 400, as the API answers it.
        """
        self.counters.requests[operation.operation_id] += 1
        query = {k: v for k, v in request.query_params.items() if k in operation.query}
        issues = self.spec.parameter_issues(
            operation.operation_id, path=request.path_params, query=query, headers=request.headers
        )
        body = rules = None
        if operation.has_body:
            body = await read_json_object(request)
            check = self.spec.check_body(operation.operation_id, body)
            issues += check.issues
            rules = check.rules
        if issues:
            raise ApiError(422, list(issues))
        if rules:
            raise ApiError(400, rules[0])
        return await handler(Call(request, request.path_params, query, body))

    async def create_task(self, call: Call) -> Response:
        """Create a task, or continue the stored one named by `id`."""
        assert call.body is not None
        body, agent_id = call.body, self._agent(call.path["agent_or_task_id"])
        # Up to a second of checking (see `_requests`): off the event loop, which serves the rest.
        problem = await asyncio.to_thread(semantic_problem, body)
        if problem is not None:
            raise ApiError(400, problem)
        fields = {key: body.get(key, default) for key, default in self._request_fields.items()}
        fields["input"] = {**self._input_defaults, **body.get("input", {})}
        version = call.request.headers.get("x-agent-version")
        now = time.time()
        continued = body.get("id") is not None
        if continued:
            record = self._task(body["id"], with_events=True)
            self.lifecycle.restart(record, now)
            record.fields = fields
            record.agent_version = version or record.agent_version
        else:
            record = self._new_record(str(uuid.uuid4()), agent_id, fields, now, version)
        record.plan = self.script.plan_for(agent_id, body)
        self.store.put(record)
        # Counted once stored: a locked database (a 503) made nothing.
        if continued:
            self.counters.tasks_continued += 1
        else:
            self.counters.tasks_created += 1
        return _JSON(self.lifecycle.answer(record, now))

    async def get_task(self, call: Call) -> Response:
        """The task as it is now."""
        return _JSON(self.lifecycle.answer(self._task(call.path["task_id"]), time.time()))

    async def stop_task(self, call: Call) -> Response:
        """Stop the task for good (until changed by hand again)."""
        record, now = self._task(call.path["agent_or_task_id"]), time.time()
        self.lifecycle.stop(record, now)
        self.store.put(record)
        self.counters.tasks_stopped += 1
        return _JSON(self.lifecycle.answer(record, now))

    async def update_task(self, call: Call) -> Response:
        """Set the fields an update names, or those of a saved whole task."""
        assert call.body is not None
        record, now = self._task(call.path["task_id"]), time.time()
        self.lifecycle.change(record, now, self._changed_fields(call.body))
        self.store.put(record)
        self.counters.tasks_updated += 1
        return _JSON(self.lifecycle.answer(record, now))

    async def report_external_task(self, call: Call) -> Response:
        """Store a finished task that ran elsewhere, under its `id` or a new one."""
        assert call.body is not None
        body, agent_id, now = call.body, self._agent(call.path["agent_id"]), time.time()
        if body.get("id") is not None:
            existing = self.store.get(body["id"])
            if existing is not None and (
                existing.agent_id != agent_id or existing.organization_id != self.organization_id
            ):
                # Another agent's (or organization's) task is not this agent's to overwrite.
                raise ApiError(404, "Task not found")
        fields = dict(self._request_fields)
        fields["input"] = {**self._input_defaults, "text": body.get("input") or ""}
        record = self._new_record(body.get("id") or str(uuid.uuid4()), agent_id, fields, now, None)
        record.frozen_at = now
        record.overrides = {
            "status": self._reported[0] if body.get("is_success", True) else self._reported[1],
            "result": body.get("result"),
            "tokens": body.get("tokens"),
            "duration": body.get("duration", 0),
            "used_tools": body.get("used_tools") or [],
            "started_at": isoformat(now),
            "finished_at": isoformat(now),
        }
        self.store.put(record, replace=True)
        self.counters.tasks_reported += 1
        return _JSON(self.lifecycle.answer(record, now))

    async def list_tasks(self, call: Call) -> Response:
        """The agent's tasks that match the filters, newest first."""
        agent_id = self._agent(call.path["agent_id"])
        records = [record for record in self._records() if record.agent_id == agent_id]
        return _JSON(self._list(records, time.time(), call.query))

    async def list_user_tasks(self, call: Call) -> Response:
        """The tasks whose end user (`input.user.id`) is `user_id`, filtered, newest first."""
        now, user_id = time.time(), call.path["user_id"]
        task_at = self.lifecycle.task_at
        records = [r for r in self._records() if user_id_of(task_at(r, now)) == user_id]
        return _JSON(self._list(records, now, call.query))

    async def get_task_activity_log(self, call: Call) -> Response:
        """The activity thread of the agent's task."""
        agent_id, record = self._agent(call.path["agent_id"]), self._task(call.path["task_id"])
        if record.agent_id != agent_id:
            raise ApiError(404, "Task not found")
        return _JSON(activity_thread(self.lifecycle, record, time.time()))

    async def get_agent(self, call: Call) -> Response:
        """A configured agent, at the version asked for (every version of it looks alike)."""
        agent_id = self._agent(call.path["agent_id"])
        version = call.request.headers.get("x-agent-version", "1")
        if not (version.isascii() and version.isdigit() and int(version) >= 1):
            raise ApiError(404, "Agent version not found")
        return _JSON(agent(agent_id, self.organization_id, int(version), self.started_at))

    async def list_agents(self, call: Call) -> Response:
        """Every configured and scripted agent, by id, as list items; a server that takes any
        agent id lists those its tasks name."""
        named = self.agents
        if named is None:
            named = frozenset(record.agent_id for record in self._records())
        ids = sorted(named | self.script.agents())
        return _JSON(
            [
                agent_list_item(agent(agent_id, self.organization_id, 1, self.started_at))
                for agent_id in ids
            ]
        )

    async def stream_task_events(self, call: Call) -> Response:
        """The task's events as Server-Sent Events, after `Last-Event-ID` when sent."""
        record = self._task(call.path["task_id"], with_events=True)
        if record.organization_id != call.path["organization_id"]:
            raise ApiError(404, "Task not found")
        if not record.fields.get("events_streaming"):
            raise ApiError(400, "events_streaming: the task was not created with it set to true")
        stream = self._stream(record, _last_event_id(call.request.headers))
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream, media_type="text/event-stream", headers=headers)

    async def _stream(self, record: TaskRecord | None, last_id: int) -> AsyncIterator[str]:
        last_write = time.monotonic()
        while record is not None:
            now = time.time()
            planned = self.lifecycle.timeline(record)
            due = [event for event in planned if event.time <= now]
            for event in due:
                if event.id <= last_id:
                    continue
                payload = json.dumps(event.to_json(record), ensure_ascii=True, allow_nan=False)
                yield f"id: {event.id}\ndata: {payload}\n\n"
                last_id, last_write = event.id, time.monotonic()
            upcoming = [event.time - now for event in planned if event.time > now]
            if not upcoming and any(event.type == "task_finished" for event in due):
                return
            if time.monotonic() - last_write >= self._ping_interval:
                # A comment line, which clients skip: a waiting stream is not a silent one,
                # which a client's read timeout (or a proxy) would drop.
                yield ": ping\n\n"
                last_write = time.monotonic()
            # Sleep until the next event is due, waking now and then to notice a change.
            await asyncio.sleep(min([_STREAM_POLL, *upcoming]))
            with contextlib.suppress(StoreBusy):  # another process's lock: read again later
                record = self.store.get(record.id, with_events=True)

    def _list(
        self, records: list[TaskRecord], now: float, filters: Mapping[str, str]
    ) -> list[dict[str, Any]]:
        return newest_first(self.lifecycle, self._list_item_shape, records, now, filters)

    def _changed_fields(self, body: dict[str, Any]) -> dict[str, Any]:
        """The task fields an update body sets: the update keys it gives, or a whole task's.

        A `null` changes nothing among the update keys (the SDK leaves unset ones out); in a
        whole task it is the value, except for `status`, which a task always has.
        """
        if not self.spec.schema_issues("UpdateTaskRequest", body):
            return {_UPDATE_NAMES.get(k, k): v for k, v in body.items() if v is not None}
        fields = {k: v for k, v in body.items() if k not in _IDENTITY}
        if fields.get("status") is None:
            fields.pop("status", None)
        return fields

    def _new_record(
        self,
        task_id: str,
        agent_id: str,
        fields: dict[str, Any],
        now: float,
        version: str | None,
    ) -> TaskRecord:
        return TaskRecord(
            id=task_id,
            organization_id=self.organization_id,
            agent_id=agent_id,
            agent_version=version,
            fields=fields,
            created_at=now,
            run_started_at=now,
            step_delay=self.step_delay,
        )

    def _agent(self, agent_id: str) -> str:
        if self.agents is None:
            return agent_id
        if agent_id not in self.agents and agent_id not in self.script.agents():
            raise ApiError(404, "Agent not found")
        return agent_id

    def _task(self, task_id: str, *, with_events: bool = False) -> TaskRecord:
        record = self.store.get(task_id, with_events=with_events)
        if record is None or record.organization_id != self.organization_id:
            raise ApiError(404, "Task not found")
        return record

    def _records(self) -> list[TaskRecord]:
        """The organization's tasks."""
        return [r for r in self.store.records() if r.organization_id == self.organization_id]


def _last_event_id(headers: Headers) -> int:
    """The `Last-Event-ID` as a number; absent or not a number means from the start."""
    try:
        return max(0, int(headers.get("last-event-id", "0")))
    except ValueError:
        return 0
