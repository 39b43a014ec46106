"""The Starlette app: routes and the API key check built from `openapi.yaml`, one handler each.

The paths, methods and the key's header come from the spec; `Service.handlers()` maps each
operationId to its handler, and an operation without one (or a handler without an
operation) stops the app from being built.
"""

from __future__ import annotations

import functools
import hmac
import os
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response
from starlette.routing import Route
from starlette.types import ASGIApp, Receive, Scope, Send

from xpander_tasks_server._faults import ServerHandle, WireLayer
from xpander_tasks_server._requests import ApiError
from xpander_tasks_server._script import Script, check_seconds
from xpander_tasks_server._service import Counters, Handler, Service, error_response
from xpander_tasks_server._spec import Operation, Spec, SpecError, load_spec
from xpander_tasks_server._store import StoreBusy

DEFAULT_AGENTS = ("agent-123",)
DEFAULT_STEP_DELAY = 0.5
DEFAULT_ORGANIZATION_ID = "org-local"
DEFAULT_PING_INTERVAL = 15.0

Endpoint = Callable[[Request], Awaitable[Response]]


class _ApiKeyMiddleware:
    """Every route needs the API key header: 401 without one, 403 with one not accepted."""

    def __init__(self, app: ASGIApp, header: str, api_keys: Sequence[str]) -> None:
        self.app = app
        self._header = header
        self._keys = [key.encode() for key in api_keys]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        key = Headers(scope=scope).get(self._header)
        if not key:
            response = error_response(401, "Missing API key")
        elif not any(hmac.compare_digest(key.encode("latin-1"), good) for good in self._keys):
            response = error_response(403, "Invalid API key")
        else:
            await self.app(scope, receive, send)
            return
        await response(scope, receive, send)


def _routes(service: Service) -> list[Route]:
    """A route for each path of the spec, answering each of its methods by its operation."""
    handlers = service.handlers()
    operations = service.spec.operations()
    named = {operation.operation_id for operation in operations}
    if named != set(handlers):
        raise SpecError(
            "operations and handlers do not match: the server has no handler for "
            f"{sorted(named - set(handlers))}, the spec no operation for "
            f"{sorted(set(handlers) - named)}"
        )
    by_path: dict[str, dict[str, Endpoint]] = {}
    for operation in operations:
        handler = handlers[operation.operation_id]
        by_path.setdefault(operation.path, {})[operation.method] = _endpoint(
            service, operation, handler
        )
    # One route per path, so that a 405 lists all of the path's methods in `Allow`.
    return [
        Route(path, _by_method(endpoints), methods=list(endpoints))
        for path, endpoints in by_path.items()
    ]


def _endpoint(service: Service, operation: Operation, handler: Handler) -> Endpoint:
    async def endpoint(request: Request) -> Response:
        return await service.handle(operation, handler, request)

    return endpoint


def _by_method(endpoints: dict[str, Endpoint]) -> Endpoint:
    """A Starlette endpoint (a plain function, called with the request) for a path's methods."""

    async def endpoint(request: Request) -> Response:
        # Starlette answers HEAD on a GET route, and refuses the methods not listed.
        method = "GET" if request.method == "HEAD" else request.method
        return await endpoints[method](request)

    return endpoint


class _App(Starlette):
    """Starlette with the wire layer (request ids, faults, recorded creates) outermost."""

    def __init__(self, *, wire: Callable[[ASGIApp], ASGIApp], **options: Any) -> None:
        super().__init__(**options)
        self._wire = wire

    def build_middleware_stack(self) -> ASGIApp:
        return self._wire(super().build_middleware_stack())


async def _api_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.detail)


async def _http_error(_: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return error_response(exc.status_code, exc.detail, exc.headers)


async def _store_busy(_: Request, exc: Exception) -> Response:
    # Another process holds the database file's lock: say when to come back rather than
    # wait for it, which would hold up every request of the event loop meanwhile.
    detail = "The task database is locked by another process; try again shortly"
    return error_response(503, detail, {"Retry-After": "1"})


async def _client_left(_: Request, exc: Exception) -> Response:
    # The client left before its body arrived: no one hears the answer, and nothing is logged,
    # so that leaving mid-way cannot flood the log.
    return error_response(400, "Request body incomplete: the client disconnected")


async def _server_error(_: Request, exc: Exception) -> Response:
    # The last resort: a bug still answers in the spec's shape, and the fuzzer reports the 500.
    return error_response(500, "Internal server error")


def create_app(
    *,
    api_keys: Sequence[str],
    agents: Sequence[str] | None = DEFAULT_AGENTS,
    db: str = ":memory:",
    step_delay: float = DEFAULT_STEP_DELAY,
    organization_id: str = DEFAULT_ORGANIZATION_ID,
    drop_stream_after: int | None = None,
    script: Script | None = None,
    ping_interval: float = DEFAULT_PING_INTERVAL,
    spec: str | os.PathLike[str] | None = None,
) -> Starlette:
    """The task API as an ASGI app; its `Counters` are at `app.state.counters`.

    `api_keys` are the accepted API keys, `agents` the agent ids that exist (None: any id;
    a scripted agent exists too), `db` a SQLite
    path (or `:memory:`), `step_delay` the seconds a task spends pending and then executing,
    `ping_interval` the seconds after which a waiting event stream sends a `: ping` comment.
    Test hooks: `drop_stream_after=K` ends the first event stream after K events, once, so a
    client's reconnect can be tested (the script's `drop_stream(after=K)`); a prompt
    containing `UNKNOWN_EVENT_MARKER` adds an event of type `UNKNOWN_EVENT_TYPE` to the task's
    stream, and an entry of a kind no client knows to its activity log. `script` scripts the
    agents and faults (see `Script`); it is at `app.state.script`, and every answer carries an
    `x-request-id`. `spec` is the OpenAPI file to serve (default: the packaged `openapi.yaml`);
    one the server cannot follow is a `SpecError` naming what is missing.
    """
    if not api_keys:
        raise ValueError("at least one API key is needed")
    if not ping_interval > 0:
        raise ValueError(f"ping_interval must be positive, not {ping_interval!r}")
    service = Service(
        agents=agents,
        db=db,
        step_delay=check_seconds("step_delay", step_delay) or 0.0,
        organization_id=organization_id,
        script=script or Script(),
        ping_interval=ping_interval,
        spec=load_spec() if spec is None else Spec.from_file(spec).check(),
    )
    if drop_stream_after is not None:
        service.script.drop_stream(after=drop_stream_after)
    key_check = Middleware(
        _ApiKeyMiddleware, header=service.spec.api_key_header(), api_keys=api_keys
    )
    server = ServerHandle()
    wire = functools.partial(
        WireLayer,
        script=service.script,
        operations=service.spec.operations(),
        key_header=service.spec.api_key_header(),
        server=server,
    )
    app = _App(
        wire=wire,
        routes=_routes(service),
        middleware=[key_check],
        exception_handlers={
            ApiError: _api_error,
            HTTPException: _http_error,
            ClientDisconnect: _client_left,
            StoreBusy: _store_busy,
            Exception: _server_error,
        },
    )
    app.state.counters = service.counters
    app.state.script = service.script
    app.state.server = server
    return app


def counters_of(app: Starlette) -> Counters:
    """The counters of an app made by `create_app`."""
    counters = app.state.counters
    assert isinstance(counters, Counters)
    return counters


def serve_with(app: Starlette, server: uvicorn.Server) -> None:
    """Tell an app made by `create_app` the uvicorn server it runs on (for connection resets)."""
    handle = app.state.server
    assert isinstance(handle, ServerHandle)
    handle.server = server
