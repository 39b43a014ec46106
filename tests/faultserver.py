"""A loopback HTTP/1.1 server that misbehaves on purpose, for the resilience tests.

It speaks raw sockets, one thread per connection, so it can do what a real server should
not: close or reset the connection at any point, answer slowly or a byte at a time, send a
body too large, the wrong content type, or invalid JSON. It runs in threads, not on the test's
event loop, so sync calls that block the loop still reach it.

```python
with FaultServer() as fault_server:
    fault_server.script(status(503), task_ok())   # the first two requests; then `.default`
    ...
    assert fault_server.creates == 1
```

Tests get one from the `fault_server` fixture; `mode` runs a test through the sync client and
through the async one.
"""

from __future__ import annotations

import collections
import contextlib
import itertools
import json
import select
import socket
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from types import TracebackType
from typing import TYPE_CHECKING, Literal, Self

import pytest

if TYPE_CHECKING:
    from xpander_tasks import Tasks

__all__ = [
    "Behaviour",
    "Connection",
    "FaultServer",
    "Received",
    "Sleeps",
    "blackhole_port",
    "close_before_answer",
    "drip",
    "hang",
    "huge",
    "reply",
    "reset_before_answer",
    "reset_mid_body",
    "slow",
    "status",
    "task_ok",
]

_MAX_HEAD = 64 * 1024
_POLL = 0.05
# A client that stops reading (it has seen enough of a huge body) ends the send by closing; this
# bounds only a client that neither reads nor closes, far above any pause of a busy machine.
_SEND_TIMEOUT = 30.0


@dataclass(frozen=True)
class Received:
    """One request as the server read it."""

    method: str
    path: str
    headers: Mapping[str, str]
    body: bytes

    def json(self) -> dict[str, object]:
        data = json.loads(self.body)
        assert isinstance(data, dict)
        return data


class Connection:
    """The server side of one client connection, for a behaviour to (mis)use."""

    def __init__(
        self, sock: socket.socket, stop: threading.Event, sent: Callable[[int], None]
    ) -> None:
        self.sock = sock
        self._stop = stop
        self._sent = sent

    def send(self, data: bytes) -> None:
        self.sock.settimeout(_SEND_TIMEOUT)
        try:
            self.sock.sendall(data)
        finally:
            self.sock.settimeout(_POLL)
        self._sent(len(data))

    def sleep(self, seconds: float) -> None:
        """Wait; ends early (with ConnectionAbortedError) when the server stops or the client
        closes the connection, so `open_connections` tells what the client holds."""
        wake = time.monotonic() + seconds
        while (left := wake - time.monotonic()) > 0:
            if self._stop.wait(min(left, _POLL)):
                raise ConnectionAbortedError("server stopping")
            if self.client_gone():
                raise ConnectionAbortedError("the client closed the connection")

    def client_gone(self) -> bool:
        readable, _, _ = select.select([self.sock], [], [], 0)
        if not readable:
            return False
        try:
            return not self.sock.recv(1, socket.MSG_PEEK)
        except OSError:
            return True

    def reset(self) -> None:
        """Abort the connection: the client sees a TCP RST, not an orderly close."""
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()


# A behaviour answers one request; it returns whether the connection stays open for more.
Behaviour = Callable[[Connection, Received], bool]


def _head(code: int, headers: Mapping[str, str]) -> bytes:
    reason = HTTPStatus(code).phrase if code in HTTPStatus._value2member_map_ else "Unknown"
    lines = [f"HTTP/1.1 {code} {reason}", *(f"{k}: {v}" for k, v in headers.items())]
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")


def reply(
    code: int,
    body: bytes | str = b"",
    *,
    content_type: str | None = "application/json",
    headers: Mapping[str, str] | None = None,
) -> Behaviour:
    """A well-formed answer with any status, body and headers."""
    data = body.encode() if isinstance(body, str) else body

    def behave(conn: Connection, request: Received) -> bool:
        head: dict[str, str] = {"content-length": str(len(data))}
        if content_type is not None:
            head["content-type"] = content_type
        head.update(headers or {})
        conn.send(_head(code, head) + data)
        return True

    return behave


def status(code: int, detail: str = "", *, headers: Mapping[str, str] | None = None) -> Behaviour:
    """An error answer with a JSON `{"detail": ...}` body."""
    text = detail or HTTPStatus(code).phrase
    return reply(code, json.dumps({"detail": text}), headers=headers)


_ids = itertools.count(1)


def task_body(request: Received, **extra: object) -> dict[str, object]:
    """The task a create (or a get) would return, built from the request."""
    body = request.json() if request.body else {}
    parts = request.path.strip("/").split("/")
    return {
        "id": f"task-{next(_ids)}",
        "agent_id": parts[1] if request.method == "POST" and len(parts) > 1 else "agent-1",
        "organization_id": "org-test",
        "input": body.get("input", {"text": "", "files": []}),
        "created_at": datetime.now(UTC).isoformat(),
        "status": "pending",
        **extra,
    }


def task_ok(*, content_type: str | None = "application/json", **extra: object) -> Behaviour:
    """A valid task, 200."""

    def behave(conn: Connection, request: Received) -> bool:
        body = json.dumps(task_body(request, **extra))
        return reply(200, body, content_type=content_type)(conn, request)

    return behave


def close_before_answer() -> Behaviour:
    """Read the request, then close the connection without a word."""

    def behave(conn: Connection, request: Received) -> bool:
        return False

    return behave


def reset_before_answer() -> Behaviour:
    """Read the request, then reset the connection."""

    def behave(conn: Connection, request: Received) -> bool:
        conn.reset()
        return False

    return behave


def reset_mid_body(sent: int = 100, promised: int = 1000) -> Behaviour:
    """Start a 200 answer, send part of its body, then reset the connection."""

    def behave(conn: Connection, request: Received) -> bool:
        head = {"content-type": "application/json", "content-length": str(promised)}
        conn.send(_head(200, head) + b'{"id": "' + b"x" * (sent - 8))
        conn.sleep(0.05)
        conn.reset()
        return False

    return behave


def slow(seconds: float, then: Behaviour | None = None) -> Behaviour:
    """Say nothing for `seconds`, then answer (a valid task unless told otherwise)."""

    def behave(conn: Connection, request: Received) -> bool:
        conn.sleep(seconds)
        return (then or task_ok())(conn, request)

    return behave


def hang() -> Behaviour:
    """Never answer (until the server stops)."""
    return slow(3600)


def drip(interval: float, *, in_headers: bool = False) -> Behaviour:
    """A 200 that trickles out a byte every `interval` seconds: each read is quick, the answer
    never completes. `in_headers` drips the status line and headers too."""

    def behave(conn: Connection, request: Received) -> bool:
        body = json.dumps(task_body(request)).encode()
        head = _head(200, {"content-type": "application/json", "content-length": "100000"})
        if not in_headers:
            conn.send(head)
        for byte in itertools.cycle(head + body if in_headers else body):
            conn.sleep(interval)
            conn.send(bytes([byte]))
        return False  # pragma: no cover

    return behave


def huge(size: int, *, declared: bool = True, code: int = 200) -> Behaviour:
    """A JSON answer of `size` bytes; with `declared=False`, chunked (no Content-Length)."""

    def behave(conn: Connection, request: Received) -> bool:
        chunk = b" " * 65536
        head = {"content-type": "application/json"}
        head |= {"content-length": str(size)} if declared else {"transfer-encoding": "chunked"}
        conn.send(_head(code, head))
        left = size
        while left > 0:
            piece = chunk[: min(left, len(chunk))]
            conn.send(piece if declared else b"%x\r\n%s\r\n" % (len(piece), piece))
            left -= len(piece)
        if not declared:
            conn.send(b"0\r\n\r\n")
        return True

    return behave


def _read_request(sock: socket.socket, buffer: bytearray, stop: threading.Event) -> Received | None:
    """The next request on the connection, or None when the client closed it."""

    def fill() -> bool:
        while not stop.is_set():
            try:
                data = sock.recv(65536)
            except TimeoutError:
                continue
            if not data:
                return False
            buffer.extend(data)
            return True
        return False

    while b"\r\n\r\n" not in buffer:
        if len(buffer) > _MAX_HEAD or not fill():
            return None
    head, _, rest = bytes(buffer).partition(b"\r\n\r\n")
    request_line, *header_lines = head.decode("latin-1").split("\r\n")
    method, path, _ = request_line.split(" ", 2)
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    buffer[:] = rest
    while len(buffer) < length:
        if not fill():
            return None
    body = bytes(buffer[:length])
    del buffer[:length]
    return Received(method, path, headers, body)


@dataclass
class FaultServer:
    """A loopback HTTP server answering each request with the next scripted behaviour.

    Its port is bound from the start but listens only after `start()`: until then,
    connecting to it is refused.
    """

    default: Behaviour = field(default_factory=task_ok)
    requests: list[Received] = field(default_factory=list)
    connections: int = 0
    bytes_sent: int = 0
    """Bytes of answers sent so far, on every connection: tests wait on it to act mid-answer."""

    def __post_init__(self) -> None:
        self._listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.settimeout(_POLL)
        self.port: int = self._listener.getsockname()[1]
        self._script: collections.deque[Behaviour] = collections.deque()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def creates(self) -> int:
        """How many create requests arrived."""
        return sum(1 for request in self.requests if request.method == "POST")

    @property
    def open_connections(self) -> int:
        """Client connections the server still holds open."""
        with self._lock:
            return len(self._open)

    def settled_connections(self, at_most: int = 0, wait: float = 10.0) -> int:
        """Open connections, once they drop to `at_most` or `wait` seconds pass (the server
        notices a client's close only at its next poll; a busy machine delays that)."""
        give_up = time.monotonic() + wait
        while self.open_connections > at_most and time.monotonic() < give_up:
            time.sleep(_POLL / 2)
        return self.open_connections

    def script(self, *behaviours: Behaviour) -> None:
        """Answer the next requests with these behaviours, in order; then with `default`."""
        with self._lock:
            self._script.extend(behaviours)

    def start(self) -> Self:
        self._listener.listen(128)
        self._spawn(self._accept_loop)
        return self

    def stop(self) -> None:
        self._stop.set()
        # Wake the threads blocked on these sockets at once, rather than at their next poll.
        with self._lock:
            sockets = [self._listener, *self._open]
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        while True:
            with self._lock:
                running = [thread for thread in self._threads if thread.is_alive()]
            if not running:
                break
            for thread in running:
                thread.join(timeout=5)
        self._listener.close()
        with self._lock:
            for sock in self._open:
                sock.close()
            self._open.clear()

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def _spawn(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True)
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:  # pragma: no cover - the listener closed
                return
            sock.settimeout(_POLL)
            with self._lock:
                self.connections += 1
                self._open.add(sock)
            self._spawn(self._serve, sock)

    def _count_sent(self, size: int) -> None:
        with self._lock:
            self.bytes_sent += size

    def _next(self) -> Behaviour:
        with self._lock:
            return self._script.popleft() if self._script else self.default

    def _serve(self, sock: socket.socket) -> None:
        conn = Connection(sock, self._stop, self._count_sent)
        buffer = bytearray()
        try:
            while not self._stop.is_set():
                request = _read_request(sock, buffer, self._stop)
                if request is None:
                    break
                with self._lock:
                    self.requests.append(request)
                if not self._next()(conn, request):
                    break
        except OSError:
            pass  # the client went away mid-answer, or a behaviour reset the connection
        finally:
            with self._lock:
                self._open.discard(sock)
            sock.close()


@contextlib.contextmanager
def blackhole_port() -> Iterator[int]:
    """A loopback port whose accept queue is full, so a new connection never completes and
    connecting times out (Linux drops the SYN)."""
    if not sys.platform.startswith("linux"):  # pragma: no cover
        pytest.skip("a full accept queue drops SYNs only on Linux")
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    fillers: list[socket.socket] = []
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(0)
        port = listener.getsockname()[1]
        for _ in range(3):
            filler = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            fillers.append(filler)
            filler.setblocking(False)
            with contextlib.suppress(BlockingIOError):
                filler.connect(("127.0.0.1", port))
        yield port
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


@dataclass
class Sleeps:
    """A stand-in for the retry policy's sleeps: records each delay and waits not at all.
    `on_sleep(n)` runs at the n-th sleep (from 1), to change the world between attempts."""

    delays: list[float] = field(default_factory=list)
    on_sleep: Callable[[int], None] | None = None

    def sleep(self, delay: float) -> None:
        self.delays.append(delay)
        if self.on_sleep is not None:
            self.on_sleep(len(self.delays))

    async def asleep(self, delay: float) -> None:
        self.sleep(delay)

    def install(self, tasks: Tasks, jitter: float = 1.0) -> Tasks:
        """Make `tasks` sleep through this fake, with a fixed jitter (1.0: the full backoff)."""
        tasks._retry = tasks._retry._replace(
            sleep=self.sleep, asleep=self.asleep, jitter=lambda: jitter
        )
        return tasks


Mode = Literal["sync", "async"]


@pytest.fixture(params=["sync", "async"])
def mode(request: pytest.FixtureRequest) -> Mode:
    """Each test twice: through the sync client and through the async one."""
    mode: Mode = request.param
    return mode


@pytest.fixture
def fault_server() -> Iterator[FaultServer]:
    """A fault server for one test (a valid task for each unscripted request), stopped after."""
    with FaultServer() as server:
        yield server
