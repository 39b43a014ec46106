"""The Starlette app: the task API's routes, validating and answering as `openapi.yaml` says."""

from __future__ import annotations

import asyncio
import hmac
import json
import time
import uuid
from collections.abc import AsyncIterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from xpander_tasks_server._lifecycle import sent_by, task_at, timeline
from xpander_tasks_server._requests import ApiError, read_json_object, semantic_problem
from xpander_tasks_server._spec import Spec, load_spec
from xpander_tasks_server._store import TaskRecord, TaskStore

DEFAULT_AGENTS = ("agent-123",)
DEFAULT_STEP_DELAY = 0.5
DEFAULT_ORGANIZATION_ID = "org-local"
_STREAM_POLL = 0.1


@dataclass
class Counters:
    """What the server was asked and did, for tests (e.g. that a client sent one create only)."""

    create_requests: int = 0
    """Requests that reached the create route, whatever their outcome."""
    tasks_created: int = 0
    """New tasks stored (a continuation of an existing task is not one)."""
    tasks_continued: int = 0
    status_requests: int = 0
    event_streams: int = 0
    """Connections to the events route, including refused ones."""


class _JSON(JSONResponse):
    """JSON without NaN and in ASCII, so whatever text a request held can be echoed safely."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=True, allow_nan=False).encode("ascii")


class _Service:
    """The state behind the routes: spec, store, configuration and counters."""

    def __init__(
        self,
        *,
        agents: Sequence[str],
        db: str,
        step_delay: float,
        organization_id: str,
        drop_stream_after: int | None,
    ) -> None:
        self.spec: Spec = load_spec()
        self.store = TaskStore(db)
        self.agents = frozenset(agents)
        self.step_delay = step_delay
        self.organization_id = organization_id
        self.counters = Counters()
        self._drop_stream_after = drop_stream_after
        self._request_fields = self.spec.defaults("CreateTaskRequest")
        del self._request_fields["id"]
        self._input_defaults = {
            key: value
            for key, value in self.spec.defaults("TaskInput").items()
            if value is not None
        }
        self._mcp_defaults = self.spec.defaults("MCPServerDetails")

    async def create(self, request: Request) -> Response:
        """Create a task, or continue the stored one named by `id`."""
        self.counters.create_requests += 1
        agent_id = request.path_params["agent_or_task_id"]
        issues = self.spec.parameter_issues(
            "create_task", path=request.path_params, headers=request.headers
        )
        body = await read_json_object(request)
        issues += self.spec.body_issues("create_task", body)
        if issues:
            raise ApiError(422, list(issues))
        if agent_id not in self.agents:
            raise ApiError(404, "Agent not found")
        problem = semantic_problem(body, self._mcp_defaults)
        if problem is not None:
            raise ApiError(400, problem)
        fields = {key: body.get(key, default) for key, default in self._request_fields.items()}
        fields["input"] = {**self._input_defaults, **body.get("input", {})}
        version = request.headers.get("x-agent-version")
        now = time.time()
        if body.get("id") is None:
            record = TaskRecord(
                id=str(uuid.uuid4()),
                organization_id=self.organization_id,
                agent_id=agent_id,
                agent_version=version,
                fields=fields,
                created_at=now,
                run_started_at=now,
                step_delay=self.step_delay,
            )
            self.counters.tasks_created += 1
        else:
            record = self._continued(self._task(body["id"]), fields, version, now)
            self.counters.tasks_continued += 1
        self.store.put(record)
        return _JSON(task_at(record, now))

    async def status(self, request: Request) -> Response:
        """The task as it is now."""
        self.counters.status_requests += 1
        record = self._task_for(request, "get_task", {"task_id": request.path_params["task_id"]})
        return _JSON(task_at(record, time.time()))

    async def events(self, request: Request) -> Response:
        """The task's events as Server-Sent Events, after `Last-Event-ID` when sent."""
        self.counters.event_streams += 1
        record = self._task_for(request, "stream_task_events", request.path_params)
        if record.organization_id != request.path_params["organization_id"]:
            raise ApiError(404, "Task not found")
        if not record.fields.get("events_streaming"):
            raise ApiError(400, "events_streaming: the task was not created with it set to true")
        drop_after, self._drop_stream_after = self._drop_stream_after, None
        stream = self._stream(record.id, _last_event_id(request.headers), drop_after)
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(stream, media_type="text/event-stream", headers=headers)

    async def _stream(
        self, task_id: str, last_id: int, drop_after: int | None
    ) -> AsyncIterator[str]:
        sent = 0
        while (record := self.store.get(task_id)) is not None:
            now = time.time()
            planned = timeline(record)
            due = [event for event in planned if event.time <= now]
            for event in due:
                if event.id <= last_id:
                    continue
                payload = json.dumps(event.to_json(record), ensure_ascii=True, allow_nan=False)
                yield f"id: {event.id}\ndata: {payload}\n\n"
                last_id, sent = event.id, sent + 1
                if sent == drop_after:
                    return  # the test hook: this connection drops mid-stream
            if due and due[-1].type == "task_finished":
                return
            # Sleep until the next event is due, waking now and then to notice a continuation.
            upcoming = [event.time - now for event in planned if event.time > now]
            await asyncio.sleep(min([_STREAM_POLL, *upcoming]))

    def _task_for(self, request: Request, operation_id: str, path: Mapping[str, str]) -> TaskRecord:
        """The task named by `path`, the operation's path parameters, once they are valid."""
        issues = self.spec.parameter_issues(operation_id, path=path, headers=request.headers)
        if issues:
            raise ApiError(422, list(issues))
        return self._task(path["task_id"])

    def _task(self, task_id: str) -> TaskRecord:
        record = self.store.get(task_id)
        if record is None or record.organization_id != self.organization_id:
            raise ApiError(404, "Task not found")
        return record

    def _continued(
        self, record: TaskRecord, fields: dict[str, Any], version: str | None, now: float
    ) -> TaskRecord:
        """The task with a new run: new input and options, event ids after those already due."""
        record.event_base += len(sent_by(record, now))
        record.run += 1
        record.fields = fields
        record.agent_version = version or record.agent_version
        record.run_started_at = now
        return record


def _last_event_id(headers: Headers) -> int:
    """The `Last-Event-ID` as a number; absent or not a number means from the start."""
    try:
        return max(0, int(headers.get("last-event-id", "0")))
    except ValueError:
        return 0


class _ApiKeyMiddleware:
    """Every route needs `x-api-key`: 401 without one, 403 with one not accepted."""

    def __init__(self, app: ASGIApp, api_keys: Sequence[str]) -> None:
        self.app = app
        self._keys = [key.encode() for key in api_keys]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        key = Headers(scope=scope).get("x-api-key")
        if not key:
            response: Response = _JSON({"detail": "Missing API key"}, status_code=401)
        elif not any(hmac.compare_digest(key.encode("latin-1"), good) for good in self._keys):
            response = _JSON({"detail": "Invalid API key"}, status_code=403)
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


async def _api_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return _JSON({"detail": exc.detail}, status_code=exc.status_code)


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return _JSON({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)


async def _server_error(_: Request, exc: Exception) -> Response:
    # The last resort: a bug still answers in the spec's shape, and the fuzzer reports the 500.
    return _JSON({"detail": "Internal server error"}, status_code=500)


def create_app(
    *,
    api_keys: Sequence[str],
    agents: Sequence[str] = DEFAULT_AGENTS,
    db: str = ":memory:",
    step_delay: float = DEFAULT_STEP_DELAY,
    organization_id: str = DEFAULT_ORGANIZATION_ID,
    drop_stream_after: int | None = None,
) -> Starlette:
    """The task API as an ASGI app; its `Counters` are at `app.state.counters`.

    `api_keys` are the accepted `x-api-key` values, `agents` the agent ids that exist, `db` a
    SQLite path (or `:memory:`), `step_delay` the seconds a task spends pending and then
    executing. Test hooks: `drop_stream_after=K` ends the first event stream after K events,
    once, so a client's reconnect can be tested; a prompt containing `UNKNOWN_EVENT_MARKER`
    adds an event of type `UNKNOWN_EVENT_TYPE` to the task's stream.
    """
    if not api_keys:
        raise ValueError("at least one API key is needed")
    service = _Service(
        agents=agents,
        db=db,
        step_delay=step_delay,
        organization_id=organization_id,
        drop_stream_after=drop_stream_after,
    )

    app = Starlette(
        routes=[
            Route("/agent-execution/{agent_or_task_id}", service.create, methods=["POST"]),
            Route("/agent-execution/{task_id}/status", service.status, methods=["GET"]),
            Route(
                "/{organization_id}/agent-execution/{task_id}/events",
                service.events,
                methods=["GET"],
            ),
        ],
        middleware=[Middleware(_ApiKeyMiddleware, api_keys=api_keys)],
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            Exception: _server_error,
        },
    )
    app.state.counters = service.counters
    return app


def counters_of(app: Starlette) -> Counters:
    """The counters of an app made by `create_app`."""
    counters = app.state.counters
    assert isinstance(counters, Counters)
    return counters
