"""The wire layer: a request id on every answer, the scripted faults, the creates recorded.

It wraps the whole app (outside Starlette's own error handling), so a fault can come before
the API key is checked, as a gateway's would, and an answer of any kind carries its id.
"""

from __future__ import annotations

import json
import socket
import struct
import time
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import TYPE_CHECKING, Any, Literal

import anyio
from starlette.datastructures import Headers
from starlette.routing import compile_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from xpander_tasks_server._spec import Operation

if TYPE_CHECKING:
    import uvicorn

    from xpander_tasks_server._script import Script

REQUEST_ID_HEADER = "x-request-id"
_CREATE = "create_task"
_STREAM = "stream_task_events"
FaultKind = Literal["answer", "hang", "reset"]


@dataclass
class _Queued:
    """Misbehaviour queued for `times` more requests (None: every one)."""

    times: int | None

    def use(self) -> bool:
        """Count one use; False once used up."""
        if self.times is None:
            return True
        if self.times <= 0:
            return False
        self.times -= 1
        return True


@dataclass
class Fault(_Queued):
    """A queued fault: `kind` what happens instead of the answer, for requests to
    `operation` (None: any); see `Script.fault`."""

    kind: FaultKind
    operation: str | None
    acted: bool
    delay: float
    status: int = 500
    body: str | bytes | Mapping[str, Any] | Sequence[Any] | None = None
    headers: tuple[tuple[str, str], ...] = ()

    def applies_to(self, operation: str | None) -> bool:
        return self.operation is None or self.operation == operation

    def answer(self) -> tuple[list[tuple[bytes, bytes]], bytes]:
        """The fault's headers and body on the wire."""
        body, content_type = self.body, "text/plain; charset=utf-8"
        if body is None:
            body = {"detail": HTTPStatus(self.status).phrase}
        if isinstance(body, bytes):
            raw, content_type = body, "application/octet-stream"
        elif isinstance(body, str):
            raw = body.encode()
        else:
            raw, content_type = json.dumps(body).encode(), "application/json"
        headers = [
            (name.encode("latin-1"), value.encode("latin-1")) for name, value in self.headers
        ]
        if not any(name == b"content-type" for name, _ in headers):
            headers.append((b"content-type", content_type.encode()))
        headers.append((b"content-length", str(len(raw)).encode()))
        return headers, raw


@dataclass
class StreamDrop(_Queued):
    """A queued end of event streams after `after` events; see `Script.drop_stream`."""

    after: int
    reset: bool


@dataclass(frozen=True)
class ReceivedCreate:
    """A create request the server received, and what came of it."""

    agent_id: str
    body: Any = field(repr=False)  # it may hold secrets (user_oidc_token, ...)
    """The JSON body as sent (None when it was not JSON, or not read: a refused
    content type, a client that left midway)."""
    headers: Mapping[str, str]
    """Its headers, less the API key."""
    request_id: str
    received_at: float
    """`time.monotonic()` when it arrived."""
    status_code: int | None
    """The status answered; None when no answer was sent (a hang or a reset)."""
    task_id: str | None
    """The task it made, also when a fault hid the answer; None when none was made."""

    @property
    def prompt(self) -> str | None:
        """The prompt it asked for (`input.text`)."""
        given = self.body.get("input") if isinstance(self.body, dict) else None
        text = given.get("text") if isinstance(given, dict) else None
        return text if isinstance(text, str) else None


class ServerHandle:
    """The uvicorn server an app runs on, for faults that need its connections (a reset)."""

    def __init__(self) -> None:
        self.server: uvicorn.Server | None = None

    def reset(self, scope: Scope) -> None:
        """Abort the connection of `scope` with a TCP RST."""
        if self.server is None:
            raise RuntimeError(
                "a connection reset needs the app served by LocalTaskServer or the CLI"
            )
        client = tuple(scope.get("client") or ())
        for connection in list(self.server.server_state.connections):
            if tuple(getattr(connection, "client", ()) or ()) == client:
                transport = connection.transport
                sock = transport.get_extra_info("socket")
                if sock is not None:  # linger 0: close() sends RST, not FIN
                    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                transport.abort()


class WireLayer:
    """ASGI middleware around the app; see the module's docstring."""

    def __init__(
        self,
        app: ASGIApp,
        script: Script,
        operations: Sequence[Operation],
        key_header: str,
        server: ServerHandle,
    ) -> None:
        self.app = app
        self.script = script
        self.key_header = key_header.lower()
        self.server = server
        self.routes = [(operation, compile_path(operation.path)[0]) for operation in operations]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = f"req_{uuid.uuid4().hex}"
        send = _with_request_id(send, request_id)
        operation, params = self._operation(scope)
        fault = self.script.take_fault(operation)
        if operation == _CREATE:
            received_at, raw = time.monotonic(), bytearray()
            headers = Headers(scope=scope)
            if fault is not None and not fault.acted:  # the app will not read the body
                raw += await _read_body(receive)
            else:  # the app reads it as it arrives (a client may leave midway): keep a copy
                receive = _copying(receive, raw)

            def record(outcome: _Outcome) -> None:
                create = ReceivedCreate(
                    agent_id=params.get("agent_or_task_id", ""),
                    body=_json_or_none(bytes(raw)),
                    headers={k: v for k, v in headers.items() if k != self.key_header},
                    request_id=request_id,
                    received_at=received_at,
                    status_code=outcome.status_code,
                    task_id=outcome.task_id,
                )
                self.script.record_create(create)

            await self._serve(scope, receive, send, fault, record)
        elif operation == _STREAM and fault is None:
            await self._serve_stream(scope, receive, send)
        else:
            await self._serve(scope, receive, send, fault, None)

    def _operation(self, scope: Scope) -> tuple[str | None, dict[str, str]]:
        method = "GET" if scope["method"] == "HEAD" else scope["method"]
        for operation, regex in self.routes:
            match = regex.match(scope["path"])
            if match and operation.method == method:
                return operation.operation_id, match.groupdict()
        return None, {}

    async def _serve(
        self,
        scope: Scope,
        receive: Receive,
        send: Send,
        fault: Fault | None,
        record: Callable[[_Outcome], None] | None,
    ) -> None:
        """Answer through the app or the fault; `record` learns what was answered and the
        task made just before the client does, so a test reads it once its call returns."""
        outcome = _Outcome()
        if fault is not None and fault.delay:
            await anyio.sleep(fault.delay)
        if fault is None or fault.acted:
            inner = send if fault is None else _discard
            if record is not None:
                inner = outcome.capturing(inner, None if fault else record)
            await self.app(scope, receive, inner)
            if fault is None:
                return
            outcome.status_code = None
        if fault.kind == "answer":
            outcome.status_code = fault.status
        if record is not None:
            record(outcome)
        if fault.kind == "answer":
            headers, body = fault.answer()
            await send({"type": "http.response.start", "status": fault.status, "headers": headers})
            await send({"type": "http.response.body", "body": body})
        elif fault.kind == "hang":
            await _until_disconnected(receive)
        else:
            self.server.reset(scope)
            await _until_disconnected(receive)

    async def _serve_stream(self, scope: Scope, receive: Receive, send: Send) -> None:
        """Serve an event stream; one that opens takes the next queued drop, if any, and is
        ended after its `after` events."""
        drop: StreamDrop | None = None
        left, dropped = 0, False
        with anyio.CancelScope() as cancel:

            async def counted(message: Message) -> None:
                nonlocal drop, left, dropped
                if dropped:  # the app is being cancelled: nothing more goes out
                    return
                if message["type"] == "http.response.start" and message["status"] == 200:
                    drop = self.script.take_drop()
                    left = 0 if drop is None else drop.after
                if message["type"] != "http.response.body" or drop is None:
                    await send(message)
                    return
                body: bytes = message.get("body", b"")
                cut = _after_events(body, left)
                if cut is None:
                    left -= _events_in(body)
                    await send(message)
                    return
                dropped = True
                if drop.reset:
                    if cut:
                        await send(
                            {"type": "http.response.body", "body": body[:cut], "more_body": True}
                        )
                    self.server.reset(scope)
                else:
                    await send(
                        {"type": "http.response.body", "body": body[:cut], "more_body": False}
                    )
                cancel.cancel()

            await self.app(scope, receive, counted)


@dataclass
class _Outcome:
    status_code: int | None = None
    task_id: str | None = None

    def capturing(self, send: Send, record: Callable[[_Outcome], None] | None) -> Send:
        """`send`, noting the status and the created task's id on the way; `record` is told
        before the answer's last part is sent."""
        body = bytearray()

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                self.status_code = message["status"]
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))
                if not message.get("more_body"):
                    task = _json_or_none(bytes(body)) if self.status_code == 200 else None
                    task_id = task.get("id") if isinstance(task, dict) else None
                    self.task_id = task_id if isinstance(task_id, str) else None
                    if record is not None:
                        record(self)
            await send(message)

        return capture


def _with_request_id(send: Send, request_id: str) -> Send:
    async def with_id(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = list(message.get("headers", []))
            headers.append((REQUEST_ID_HEADER.encode(), request_id.encode()))
            message = {**message, "headers": headers}
        await send(message)

    return with_id


async def _discard(message: Message) -> None:
    """Where an answer a fault replaces goes."""


async def _read_body(receive: Receive) -> bytes:
    raw = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return bytes(raw)
        raw += message.get("body", b"")
        if not message.get("more_body"):
            return bytes(raw)


def _copying(receive: Receive, raw: bytearray) -> Receive:
    """`receive`, adding each part of the request body to `raw` on the way."""

    async def copying() -> Message:
        message = await receive()
        if message["type"] == "http.request":
            raw.extend(message.get("body", b""))
        return message

    return copying


async def _until_disconnected(receive: Receive) -> None:
    while (await receive())["type"] != "http.disconnect":
        pass


def _json_or_none(raw: bytes) -> Any:
    try:
        return json.loads(raw)
    except (ValueError, RecursionError):
        return None


def _event_ends(body: bytes) -> list[int]:
    """Where each event (a block with a `data:` line) of a stream's chunk ends."""
    ends, start = [], 0
    while (end := body.find(b"\n\n", start)) != -1:
        block = body[start:end]
        if block.startswith(b"data:") or b"\ndata:" in block:
            ends.append(end + 2)
        start = end + 2
    return ends


def _events_in(body: bytes) -> int:
    return len(_event_ends(body))


def _after_events(body: bytes, left: int) -> int | None:
    """The offset in `body` after `left` more events, or None when it holds fewer."""
    if left == 0:
        return 0
    ends = _event_ends(body)
    return ends[left - 1] if len(ends) >= left else None
