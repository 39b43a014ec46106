"""Running the app under uvicorn: on a socket bound up front, in a background thread for tests."""

from __future__ import annotations

import os
import secrets
import socket
import threading
import time
from collections.abc import Sequence
from types import TracebackType
from typing import Self

import uvicorn

from xpander_tasks_server._app import (
    DEFAULT_AGENTS,
    DEFAULT_ORGANIZATION_ID,
    DEFAULT_PING_INTERVAL,
    DEFAULT_STEP_DELAY,
    counters_of,
    create_app,
    serve_with,
)
from xpander_tasks_server._protocol import DEFAULT_REQUEST_TIMEOUT, with_request_deadline
from xpander_tasks_server._script import Script
from xpander_tasks_server._service import Counters


def bind(host: str, port: int) -> socket.socket:
    """A listening socket; port 0 picks a free one that no other process can take meanwhile."""
    family = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0][0]
    sock = socket.create_server((host, port), family=family)
    # Accepted sockets inherit this; without it a keep-alive answer waits ~40 ms for the
    # client's delayed ACK (Nagle), and one connection manages only ~20 requests a second.
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def url_of(sock: socket.socket) -> str:
    """The base URL of the server listening on `sock`."""
    host, port = sock.getsockname()[:2]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class LocalTaskServer:
    """The task server on a free loopback port, in a background thread; a context manager.

    `url` (such as "http://127.0.0.1:54321"), `api_key`, `organization_id`, `agents` and
    `counters` describe the running server; `events_root` is the base of its event streams.
    Without `api_key`, a random one is made. `agents` are the agent ids that exist besides the
    scripted ones (None: any id exists). `script` (a new empty one by default) scripts
    its agents and faults and records the creates received. `request_timeout` is the seconds
    a client has to send a whole request; `ping_interval` those after which a waiting event
    stream sends a ping. `spec` is the OpenAPI file to serve (the packaged one by default).
    """

    def __init__(
        self,
        *,
        api_key: str | None = None,
        agents: Sequence[str] | None = DEFAULT_AGENTS,
        db: str = ":memory:",
        step_delay: float = DEFAULT_STEP_DELAY,
        organization_id: str = DEFAULT_ORGANIZATION_ID,
        drop_stream_after: int | None = None,
        script: Script | None = None,
        ping_interval: float = DEFAULT_PING_INTERVAL,
        request_timeout: float = DEFAULT_REQUEST_TIMEOUT,
        host: str = "127.0.0.1",
        port: int = 0,
        timeout: float = 10.0,
        spec: str | os.PathLike[str] | None = None,
    ) -> None:
        self.api_key = api_key or secrets.token_urlsafe(24)
        self.agents = None if agents is None else tuple(agents)
        self.organization_id = organization_id
        self.script = script or Script()
        # `app` is what is served (a test may wrap it); the API's own app knows the server.
        self.app = self._api_app = create_app(
            api_keys=[self.api_key],
            agents=self.agents,
            db=db,
            step_delay=step_delay,
            organization_id=organization_id,
            drop_stream_after=drop_stream_after,
            script=self.script,
            ping_interval=ping_interval,
            spec=spec,
        )
        self._protocol = with_request_deadline(request_timeout)
        self.counters: Counters = counters_of(self.app)
        self._address = (host, port)
        self._timeout = timeout
        self._url: str | None = None
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self._socket: socket.socket | None = None

    @property
    def url(self) -> str:
        """The server's base URL; only while it runs."""
        if self._url is None:
            raise RuntimeError("the server is not running")
        return self._url

    @property
    def events_root(self) -> str:
        """Where the organization's event streams are served: `{url}/{organization_id}`."""
        return f"{self.url}/{self.organization_id}"

    def start(self) -> Self:
        """Start serving; returns once the server accepts connections."""
        if self._thread is not None:
            raise RuntimeError("the server is already running")
        sock = self._socket = bind(*self._address)
        config = uvicorn.Config(
            self.app,
            http=self._protocol,
            log_level="warning",
            access_log=False,
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        serve_with(self._api_app, self._server)
        self._thread = threading.Thread(
            target=self._server.run, args=([sock],), name="xpander-tasks-server", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + self._timeout
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("the task server did not start")
            time.sleep(0.01)
        self._url = url_of(sock)
        return self

    def stop(self) -> None:
        """Stop serving and wait for the thread; open streams get a second to finish."""
        server, thread, sock = self._server, self._thread, self._socket
        if server is None or thread is None or sock is None:
            return
        server.should_exit = True
        thread.join(self._timeout)
        if thread.is_alive():
            server.force_exit = True
            thread.join(self._timeout)
        sock.close()
        self._server = self._thread = self._socket = self._url = None
        if thread.is_alive():
            raise RuntimeError("the task server did not stop")

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
