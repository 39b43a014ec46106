"""uvicorn's HTTP/1.1 protocol with a deadline for reading each request, head and body.

uvicorn has no header-read timeout: its keep-alive timer restarts on every byte and is not
armed before a connection's first request, so a client sending a byte now and then holds a
connection forever. Here each request must arrive whole within `request_timeout` seconds of
the server starting to wait for it (the connection opening, or the previous answer ending);
a connection that misses it is closed (and an app still reading the body sees a disconnect).
"""

from __future__ import annotations

import asyncio

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

DEFAULT_REQUEST_TIMEOUT = 20.0
"""Seconds a client has to send a whole request (1 MB takes 20 s at 50 KB/s)."""

# The client's states while the server waits for (the rest of) a request.
_READING = (h11.IDLE, h11.SEND_BODY)


class _RequestDeadline(H11Protocol):
    request_timeout = DEFAULT_REQUEST_TIMEOUT
    _deadline: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._follow_deadline()

    def data_received(self, data: bytes) -> None:
        super().data_received(data)
        self._follow_deadline()

    def on_response_complete(self) -> None:
        super().on_response_complete()
        self._follow_deadline()

    def connection_lost(self, exc: Exception | None) -> None:
        self._cancel_deadline()
        super().connection_lost(exc)

    def _follow_deadline(self) -> None:
        """Arm the deadline when a wait for a request starts; cancel it once one has arrived."""
        if self.conn.their_state not in _READING:
            self._cancel_deadline()
        elif self._deadline is None and not self.transport.is_closing():
            self._deadline = self.loop.call_later(self.request_timeout, self._too_slow)

    def _cancel_deadline(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()
            self._deadline = None

    def _too_slow(self) -> None:
        self._deadline = None
        self.transport.close()


def with_request_deadline(request_timeout: float) -> type[H11Protocol]:
    """uvicorn's `http` protocol class, cutting requests slower than `request_timeout`."""
    if not request_timeout > 0:
        raise ValueError(f"request_timeout must be positive, not {request_timeout!r}")
    seconds = request_timeout

    class RequestDeadlineProtocol(_RequestDeadline):
        request_timeout = seconds

    return RequestDeadlineProtocol
