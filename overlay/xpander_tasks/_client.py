"""`Tasks`: the published SDK's entry point, on the generated endpoints and one connection pool."""

from __future__ import annotations

import functools
import logging
import threading
import time
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextvars import ContextVar
from http.cookiejar import CookieJar
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api.api.tasks import create_task, get_task
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.types import Response

from . import __version__
from ._config import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    MAX_RESPONSE_BYTES,
    ClientConfig,
)
from ._exceptions import (
    APITimeoutError,
    ConfigurationError,
    InvalidResponseError,
    ModuleException,
    map_exceptions,
    redact,
    request_secrets,
    status_error,
)
from ._params import (
    CallOptions,
    CreateTaskCall,
    GetTaskCall,
    call_options,
    create_task_call,
    get_task_call,
    with_arguments_of,
)
from ._retry import RetryPolicy, note_if_create_may_have_run
from ._task import Task

logger = logging.getLogger("xpander_tasks")

ResponseT = TypeVar("ResponseT", bound=Response[Any])


class _Attempt:
    """The call a request belongs to, for the hooks, which the generated functions give
    nothing: what to call it in errors, its per-call timeouts, when (sync calls, which have
    no `asyncio.timeout`) its answer must be complete, and its request, whose secrets no
    error may repeat."""

    __slots__ = ("deadline", "operation", "request", "timeout", "total")

    def __init__(
        self,
        operation: str,
        timeout: httpx.Timeout | None = None,
        total: float | None = None,
        deadline: float | None = None,
    ) -> None:
        self.operation = operation
        self.timeout = timeout
        self.total = total
        self.deadline = deadline
        self.request: httpx.Request | None = None

    def timed_out(self) -> APITimeoutError:
        return APITimeoutError(
            f"{self.operation}: no complete answer within {self.total:g} s", request_sent=True
        )

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self.timed_out()

    def secrets(self, api_key: str) -> list[str]:
        """Worked out only when an error needs them: reading the body costs time."""
        return [api_key] if self.request is None else request_secrets(api_key, self.request)


_attempt: ContextVar[_Attempt | None] = ContextVar("xpander_attempt", default=None)

HTTPClientT = TypeVar("HTTPClientT", httpx.Client, httpx.AsyncClient)
# The httpx clients serving some Tasks, so that no client is given to two.
_ADOPTED: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()
_ADOPTION_LOCK = threading.Lock()


class Tasks:
    """Create and follow xpander.ai tasks; sync and async methods side by side.

    Configuration is resolved once, arguments first, then `XPANDER_API_KEY`,
    `XPANDER_BASE_URL` and `XPANDER_ORGANIZATION_ID`. One connection pool per instance (one
    for sync calls, one for async calls), reused across calls and safe to share between
    concurrent tasks; close it with `close()` / `aclose()` or a `with` block.
    """

    def __init__(
        self,
        api_key: str | None = None,
        *,
        base_url: str | None = None,
        organization_id: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
    ) -> None:
        """Set up a client; nothing is sent until the first call.

        `timeout` bounds each phase (connect, read, write; seconds or an `httpx.Timeout`),
        `total_timeout` a whole call's attempt (sync calls: checked once the answer starts,
        and as its body arrives). `http_client` /
        `async_http_client` bring your own httpx client (proxies, limits, transports): its
        base URL, timeout and event hooks are set for this API, and it serves this `Tasks`
        only. `allow_insecure_http` permits sending
        the key over plain http to a host other than this machine.
        """
        defaults = call_options(
            timeout=timeout, total_timeout=total_timeout, max_retries=max_retries
        )
        self._config = ClientConfig.resolve(
            api_key=api_key,
            base_url=base_url,
            organization_id=organization_id,
            timeout=defaults.timeout or DEFAULT_TIMEOUT,
            total_timeout=defaults.total_timeout,
            max_retries=DEFAULT_MAX_RETRIES
            if defaults.max_retries is None
            else defaults.max_retries,
            allow_insecure_http=allow_insecure_http,
        )
        self._retry = RetryPolicy(max_retries=self._config.max_retries)
        self._api = GeneratedClient(base_url=self._config.api_root)
        self._lock = threading.Lock()
        self._owns_http = http_client is None
        self._owns_async = async_http_client is None
        self._http = None if http_client is None else self._adopt(http_client)
        self._async_http = None if async_http_client is None else self._adopt(async_http_client)
        self._async_loop: object = None  # the event loop the async pool belongs to

    def __repr__(self) -> str:
        return (
            f"Tasks(base_url={self._config.api_root!r}, "
            f"organization_id={self._config.organization_id!r})"
        )

    @property
    def config(self) -> ClientConfig:
        """The resolved settings (the key is hidden from its repr)."""
        return self._config

    # Connection pools, created on first use.

    def _client_options(self) -> dict[str, Any]:
        return {"headers": {"user-agent": f"xpander-tasks/{__version__}"}, "cookies": _NoCookies()}

    def _adopt(self, client: HTTPClientT) -> HTTPClientT:
        """Point an httpx client at this API, with this instance's timeout and hooks."""
        with _ADOPTION_LOCK:
            # A second Tasks would add its own hooks: the last added would send the other's
            # requests with its key, to its base URL.
            if client in _ADOPTED:
                raise ConfigurationError(
                    "this httpx client already serves another Tasks; give each Tasks its own"
                )
            _ADOPTED.add(client)
        client.base_url = httpx.URL(self._config.api_root)
        client.timeout = self._config.timeout
        if isinstance(client, httpx.AsyncClient):
            client.event_hooks["request"].append(self._on_async_request)
            client.event_hooks["response"].append(self._on_async_response)
            self._api.set_async_httpx_client(client)
        else:
            client.event_hooks["request"].append(self._on_request)
            client.event_hooks["response"].append(self._on_response)
            self._api.set_httpx_client(client)
        return client

    def _sync_api(self) -> GeneratedClient:
        """The generated client with a sync pool ready; an owned pool reopens after close()."""
        if self._http is None or self._http.is_closed:
            with self._lock:
                if self._http is not None and self._http.is_closed and not self._owns_http:
                    raise ConfigurationError("the http_client given to this Tasks is closed")
                if self._http is None or self._http.is_closed:
                    self._http = self._adopt(httpx.Client(**self._client_options()))
        return self._api

    def _async_api(self) -> GeneratedClient:
        """The generated client with an async pool for the running event loop.

        A pool belongs to the loop it first ran in: an owned one is replaced when a later
        `asyncio.run()` brings a new loop (as the published SDK, which opens a client per
        request, allows).
        """
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        loop = asyncio.get_running_loop()
        if self._async_http is None or self._async_http.is_closed or self._async_loop is not loop:
            with self._lock:
                client = self._async_http
                if client is not None and not self._owns_async:
                    if client.is_closed:
                        raise ConfigurationError(
                            "the async_http_client given to this Tasks is closed"
                        )
                    if self._async_loop not in (None, loop):
                        raise ConfigurationError(
                            "the async_http_client given to this Tasks belongs to another "
                            "event loop; give each event loop its own client"
                        )
                elif client is None or client.is_closed or self._async_loop is not loop:
                    self._async_http = self._adopt(httpx.AsyncClient(**self._client_options()))
                self._async_loop = loop
        return self._api

    # Event hooks: the one place every request and answer passes.

    def _on_request(self, request: httpx.Request) -> None:
        request.headers["x-api-key"] = self._config.api_key
        # Uncompressed answers: the size cap then bounds what is decoded and parsed (a small
        # gzip body can decode to gigabytes); task JSON is small.
        request.headers["accept-encoding"] = "identity"
        attempt = _attempt.get()
        if attempt is not None:
            attempt.request = request
            if attempt.timeout is not None:
                request.extensions["timeout"] = attempt.timeout.as_dict()
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("request: %s %s", request.method, request.url)

    def _on_response(self, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            _log_response(response)
        guard = _BodyGuard.for_response(response)
        if guard is not None and isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _GuardedStream(response.stream, guard)
        if not response.is_success:
            response.read()
            raise self._status_error(response)

    def _status_error(self, response: httpx.Response) -> ModuleException:
        # An error body may echo the key or a secret of the request: never repeat one.
        return status_error(response, request_secrets(self._config.api_key, response.request))

    async def _on_async_request(self, request: httpx.Request) -> None:
        self._on_request(request)

    async def _on_async_response(self, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            _log_response(response)
        guard = _BodyGuard.for_response(response)
        if guard is not None and isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _AsyncGuardedStream(response.stream, guard)
        if not response.is_success:
            await response.aread()
            raise self._status_error(response)

    # Calls: timeouts, error mapping and retries around one generated endpoint function.

    def _retry_delay(
        self,
        error: ModuleException,
        attempt: _Attempt,
        retries: int,
        options: CallOptions,
        idempotent: bool,
    ) -> float | None:
        """Seconds before trying again, or None when `error` is final and ready to raise."""
        redact(error, attempt.secrets(self._config.api_key))
        max_retries = (
            self._config.max_retries if options.max_retries is None else options.max_retries
        )
        delay = self._retry.delay_before_retry(
            error, retries, idempotent=idempotent, max_retries=max_retries
        )
        if delay is None:
            if not idempotent:
                note_if_create_may_have_run(error)
            return None
        logger.info("%s: retrying in %.2f s after: %s", attempt.operation, delay, error)
        return delay

    def _run(
        self,
        operation: str,
        send: Callable[[], ResponseT],
        options: CallOptions,
        *,
        idempotent: bool,
    ) -> ResponseT:
        total = options.total_timeout or self._config.total_timeout
        retries = 0
        while True:
            deadline = None if total is None else time.monotonic() + total
            current = _Attempt(operation, options.timeout, total, deadline)
            token = _attempt.set(current)
            try:
                with map_exceptions(operation):
                    return send()
            except ModuleException as error:
                delay = self._retry_delay(error, current, retries, options, idempotent)
                if delay is None:
                    raise
            finally:
                _attempt.reset(token)
            retries += 1
            self._retry.sleep(delay)

    async def _arun(
        self,
        operation: str,
        send: Callable[[], Awaitable[ResponseT]],
        options: CallOptions,
        *,
        idempotent: bool,
    ) -> ResponseT:
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        total = options.total_timeout or self._config.total_timeout
        current = _Attempt(operation, options.timeout, total)  # asyncio.timeout bounds it
        token = _attempt.set(current)
        try:
            retries = 0
            while True:
                try:
                    with map_exceptions(operation):
                        try:
                            async with asyncio.timeout(total):
                                return await send()
                        except TimeoutError:
                            raise current.timed_out() from None
                except ModuleException as error:
                    delay = self._retry_delay(error, current, retries, options, idempotent)
                    if delay is None:
                        raise
                retries += 1
                await self._retry.asleep(delay)
        finally:
            _attempt.reset(token)

    def _task(self, operation: str, response: Response[Any]) -> Task:
        if not isinstance(response.parsed, GeneratedTask):
            raise InvalidResponseError(
                None, f"{operation}: HTTP {int(response.status_code)} carried no task"
            )
        return Task.adopt(response.parsed, self)

    # Create.

    @with_arguments_of(create_task_call)
    def create(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent (sync). The parameters are `acreate`'s."""
        send = functools.partial(create_task.sync_detailed, **call.arguments(self._sync_api()))
        return self._task(
            "create task", self._run("create task", send, call.options, idempotent=False)
        )

    @with_arguments_of(create_task_call)
    async def acreate(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent; it starts `pending`. See `create_task_call` for the
        parameters: the published SDK's, plus its newer ones and per-call settings."""
        send = functools.partial(create_task.asyncio_detailed, **call.arguments(self._async_api()))
        response = await self._arun("create task", send, call.options, idempotent=False)
        return self._task("create task", response)

    # Read: safe to repeat.

    @with_arguments_of(get_task_call)
    def get(self, call: GetTaskCall) -> Task:
        """The task as it is now (sync). The parameters are `aget`'s."""
        send = functools.partial(get_task.sync_detailed, call.task_id, client=self._sync_api())
        return self._task("get task", self._run("get task", send, call.options, idempotent=True))

    @with_arguments_of(get_task_call)
    async def aget(self, call: GetTaskCall) -> Task:
        """The task as it is now; per-call `timeout`, `total_timeout`, `max_retries`."""
        send = functools.partial(get_task.asyncio_detailed, call.task_id, client=self._async_api())
        response = await self._arun("get task", send, call.options, idempotent=True)
        return self._task("get task", response)

    # Lifetime.

    def close(self) -> None:
        """Close the sync connection pool. A later call opens a new one, unless the pool was
        an `http_client` you passed in."""
        if self._http is not None:
            self._http.close()

    async def aclose(self) -> None:
        """Close both connection pools (a later call opens new ones, as with `close()`)."""
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        self.close()
        if self._async_http is None:
            return
        if self._owns_async and self._async_loop not in (None, asyncio.get_running_loop()):
            # Its loop has ended, and only that loop could close it: the collector will.
            self._async_http = None
            return
        await self._async_http.aclose()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _log_response(response: httpx.Response) -> None:
    request = response.request
    logger.debug(
        "response: %s %s -> %s %s",
        request.method,
        request.url,
        response.status_code,
        response.reason_phrase,
    )


class _NoCookies(CookieJar):
    """A jar that keeps nothing: the API authenticates with its key, and a cookie kept from
    one answer would be state shared by every later call. Skipping the jar also saves
    12-19 us a call."""

    def extract_cookies(self, response: Any, request: Any) -> None:
        return None


class _BodyGuard:
    """Checks an answer as its body arrives: a JSON content type on a 2xx, a size cap, and
    the sync attempt's deadline. An event stream is left alone: it is long by design."""

    def __init__(self, response: httpx.Response, attempt: _Attempt) -> None:
        self._attempt = attempt
        self._received = 0
        url = response.request.url
        host = f"{url.host}:{url.port}" if url.port else url.host
        self._answer = f"the answer (HTTP {response.status_code}) from {host}"

    @classmethod
    def for_response(cls, response: httpx.Response) -> _BodyGuard | None:
        """A guard for this answer's body, after checking what its headers already tell."""
        attempt = _attempt.get() or _Attempt("request")
        attempt.check_deadline()
        media_type = response.headers.get("content-type", "").partition(";")[0].strip().lower()
        if media_type == "text/event-stream":
            return None
        guard = cls(response, attempt)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
            raise guard.too_large(f"{int(declared)} bytes")
        if response.is_success and media_type and not _is_json(media_type):
            raise InvalidResponseError(
                None,
                f"{attempt.operation}: {guard._answer} is {media_type!r}, not JSON",
            )
        return guard

    def too_large(self, size: str) -> InvalidResponseError:
        return InvalidResponseError(
            None,
            f"{self._attempt.operation}: {self._answer} is too large ({size}; "
            f"the limit is {MAX_RESPONSE_BYTES} bytes)",
        )

    def received(self, chunk: bytes) -> None:
        self._received += len(chunk)
        if self._received > MAX_RESPONSE_BYTES:
            raise self.too_large(f"over {MAX_RESPONSE_BYTES} bytes")
        self._attempt.check_deadline()


def _is_json(media_type: str) -> bool:
    return media_type == "application/json" or media_type.endswith("+json")


class _GuardedStream(httpx.SyncByteStream):
    def __init__(self, stream: httpx.SyncByteStream, guard: _BodyGuard) -> None:
        self._stream = stream
        self._guard = guard

    def __iter__(self) -> Iterator[bytes]:
        for chunk in self._stream:
            self._guard.received(chunk)
            yield chunk

    def close(self) -> None:
        self._stream.close()


class _AsyncGuardedStream(httpx.AsyncByteStream):
    def __init__(self, stream: httpx.AsyncByteStream, guard: _BodyGuard) -> None:
        self._stream = stream
        self._guard = guard

    async def __aiter__(self) -> AsyncIterator[bytes]:
        async for chunk in self._stream:
            self._guard.received(chunk)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()
