"""The transport under `Tasks`: connection pools, the body guard, the table that maps
httpx's errors, and the sync and async request pipelines with retries.

Resources (`Tasks`, `Task`, `Agents`, event streams) use only the small interface of
`BaseClient`: `config`, `request()` / `arequest()` with an operation of the generated table
(`OPERATIONS`), `stream()` / `astream()` for an event stream, and `_as_client()` (another
resource's client on the same transport). Each attempt's state (its operation, per-call
settings, deadline, request) is passed along as an `_Attempt`, never kept in a context.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import logging
import os
import queue
import ssl
import threading
import time
import weakref
from collections.abc import AsyncIterator, Iterator
from http.cookiejar import CookieJar
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, Self, TypeVar

import httpx

from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api.spec_extensions import API_KEY_HEADER, Operation

from ._config import (
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    MAX_RESPONSE_BYTES,
    ClientConfig,
    Configuration,
)
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    ConfigurationError,
    InvalidArgumentError,
    InvalidResponseError,
    ModuleException,
    status_error,
)
from ._redact import redact, request_secrets
from ._retry import RetryPolicy, note_if_may_have_acted
from ._version import __version__

if TYPE_CHECKING:
    import asyncio

    from ._params import CallOptions

logger = logging.getLogger("xpander_tasks")

AnswerT = TypeVar("AnswerT")
HTTPClientT = TypeVar("HTTPClientT", httpx.Client, httpx.AsyncClient)
ClientT = TypeVar("ClientT", bound="BaseClient")

# The httpx clients serving some client, so that no httpx client is given to two.
_ADOPTED: weakref.WeakSet[httpx.Client | httpx.AsyncClient] = weakref.WeakSet()
_ADOPTION_LOCK = threading.Lock()


class _Attempt:
    """One attempt of a call, handed to what sends it and checks its answer: what to call it
    in errors, its per-call settings, when (sync calls, which have no `asyncio.timeout`) its
    answer must be complete, and its request and the task it is `about`, whose secrets no
    error may repeat."""

    __slots__ = ("about", "deadline", "label", "options", "request", "sent", "streaming", "total")

    def __init__(
        self,
        operation: Operation,
        options: CallOptions,
        total: float | None,
        deadline: float | None = None,
        *,
        about: object = None,
    ) -> None:
        self.label = operation.label
        self.streaming = operation.streaming
        self.options = options
        self.about = about
        self.total = total
        self.deadline = deadline
        self.request: httpx.Request | None = None
        self.sent = True  # unless a trace tells it is still connecting

    def timed_out(self) -> APITimeoutError:
        return APITimeoutError(
            f"{self.label}: no complete answer within {self.total:g} s", request_sent=self.sent
        )

    async def trace(self, event: str, info: dict[str, Any]) -> None:
        """httpcore's `trace` extension (async): an `asyncio.timeout` firing while a new
        connection is still being made cancels a request that never left."""
        if event.startswith("connection.connect_") and event.endswith(".started"):
            self.sent = False
        elif event.endswith("send_request_headers.started"):
            self.sent = True

    def check_deadline(self) -> None:
        if self.deadline is not None and time.monotonic() > self.deadline:
            raise self.timed_out()

    def secrets(self, api_key: str) -> list[str]:
        """Worked out only when an error needs them: reading the body costs time."""
        headers = (self.options.extra_headers or {}).values()
        return request_secrets(api_key, self.request, self.about, headers)


def _endpoint(operation: Operation) -> Any:
    """The generated module of `operation`, imported on first use (a log or an agent read
    is rare: its models stay unloaded until then). Through the import system every time:
    a module another thread is still importing is in `sys.modules` half made, and only
    `import_module` waits for it."""
    return importlib.import_module(operation.endpoint)


class BaseClient:
    """Pools, hooks and the request loop for one resolved configuration; the constructor of
    every resource client (`Tasks`, `Agents`).

    Configuration is resolved once, arguments first, then `XPANDER_API_KEY`,
    `XPANDER_BASE_URL` and `XPANDER_ORGANIZATION_ID`. One connection pool per instance for
    sync calls and one for async calls, created on first use, reused across calls and safe to
    share between concurrent tasks; close them with `close()` / `aclose()` or a `with` block.
    """

    def __init__(
        self,
        configuration: Configuration | str | None = None,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        organization_id: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        http_client: httpx.Client | None = None,
        async_http_client: httpx.AsyncClient | None = None,
        allow_insecure_http: bool = False,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        poll_interval: float | None = None,
    ) -> None:
        """Set up a client; nothing is sent until the first call.

        `configuration` is the published SDK's `Configuration` (or, as text, the API key);
        `api_key`, `base_url` and `organization_id` given here take precedence over it.
        A missing key is a `ConfigurationError` at the first request.

        `timeout` bounds each phase (connect, read, write; seconds or an `httpx.Timeout`),
        `total_timeout` a whole call's attempt (sync calls: checked once the answer starts,
        and as its body arrives). `http_client` /
        `async_http_client` bring your own httpx client (proxies, limits, transports): its
        base URL, timeout and event hooks are set for this API, and it serves this client
        only. `allow_insecure_http` permits sending
        the key over plain http to a host other than this machine. At most `max_concurrency`
        requests are in flight at once (per sync and per async pool); more wait their turn.
        The pools a client opens itself ignore proxy environment variables: for a proxy,
        pass `http_client=httpx.Client(proxy=...)`. `poll_interval` is the seconds between
        reads of `wait()` / `await_completion()` when a call gives none (None:
        `XPANDER_POLL_INTERVAL`, else 1).
        """
        # The wrong kind would be set on the other pool, and this one opened unconfigured.
        _check_kind("http_client", http_client, httpx.Client)
        _check_kind("async_http_client", async_http_client, httpx.AsyncClient)
        if isinstance(configuration, str):
            configuration, api_key = None, api_key if api_key is not None else configuration
        elif configuration is not None and not isinstance(configuration, Configuration):
            raise ConfigurationError(
                f"configuration must be a Configuration, not {type(configuration).__name__}"
            )
        elif configuration is not None:
            api_key = configuration.api_key if api_key is None else api_key
            base_url = base_url or configuration.base_url
            if organization_id is None:
                organization_id = configuration.organization_id
            if poll_interval is None:
                poll_interval = configuration.poll_interval
        config = ClientConfig.resolve(
            api_key=api_key,
            base_url=base_url,
            organization_id=organization_id,
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            allow_insecure_http=allow_insecure_http,
            max_concurrency=max_concurrency,
            poll_interval=poll_interval,
        )
        self._config = config
        self._configuration = configuration
        self._retry = RetryPolicy(max_retries=config.max_retries)
        self._api = GeneratedClient(base_url=config.api_root)
        self._lock = threading.Lock()
        self._owns_http = http_client is None
        self._owns_async = async_http_client is None
        self._http = None if http_client is None else self._adopt(http_client)
        self._async_http = None if async_http_client is None else self._adopt(async_http_client)
        self._async_loop: object = None  # the event loop the async pool belongs to
        # Requests in flight, bounded: more wait here, not on the pool's timeout. A queue of
        # tokens, as a semaphore: its get and put are C calls (a Semaphore's are Python).
        self._slots: queue.SimpleQueue[None] = queue.SimpleQueue()
        for _ in range(config.max_concurrency):
            self._slots.put(None)
        self._async_slots: asyncio.Semaphore | None = None  # one per event loop, as the pool

    @property
    def config(self) -> ClientConfig:
        """The resolved settings (the key is hidden from its repr)."""
        return self._config

    @property
    def configuration(self) -> Configuration:
        """The published SDK's view of the settings: the `Configuration` given, else one
        holding the resolved settings (its key in no repr)."""
        if self._configuration is None:
            config = self._config
            self._configuration = Configuration(
                api_key=config.api_key,
                base_url=config.base_url,
                organization_id=config.organization_id,
            )
        return self._configuration

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(base_url={self._config.api_root!r}, "
            f"organization_id={self._config.organization_id!r})"
        )

    def _as_client(self, cls: type[ClientT]) -> ClientT:
        """This client's state (settings, pools, request slots) as a `cls` client: not a copy,
        so the resources of one API share one transport (an `Agent` creates its tasks
        through the pools of the `Agents` that read it)."""
        view = cls.__new__(cls)
        view.__dict__ = self.__dict__
        return view

    # Connection pools, created on first use.

    def _adopt(self, client: HTTPClientT) -> HTTPClientT:
        """Point an httpx client at this API, with this instance's timeout and key hook."""
        with _ADOPTION_LOCK:
            # A second client would add its own hooks: the last added would send the other's
            # requests with its key, to its base URL.
            if client in _ADOPTED:
                raise ConfigurationError(
                    "this httpx client already serves another Tasks; give each Tasks its own"
                )
            _ADOPTED.add(client)
        client.base_url = httpx.URL(self._config.api_root)
        client.timeout = self._config.timeout
        client.headers.update(_UNCOMPRESSED)
        # Last, so a caller's own hooks see no key (the key is this client's, not a call's).
        if isinstance(client, httpx.AsyncClient):
            client.event_hooks["request"].append(self._on_async_request)
            self._api.set_async_httpx_client(client)
        else:
            client.event_hooks["request"].append(self._on_request)
            self._api.set_httpx_client(client)
        return client

    def http_client(self) -> httpx.Client:
        """The sync pool, ready; an owned pool reopens after `close()`."""
        self._config.require_key()
        client = self._http
        if client is None or client.is_closed:
            with self._lock:
                if self._http is not None and self._http.is_closed and not self._owns_http:
                    raise ConfigurationError("the http_client given to this Tasks is closed")
                if self._http is None or self._http.is_closed:
                    transport = httpx.HTTPTransport(**_transport_options(self._config))
                    self._http = self._adopt(httpx.Client(transport=transport, **_pool_options()))
                client = self._http
        return client

    def async_http_client(self) -> httpx.AsyncClient:
        """The async pool for the running event loop.

        A pool belongs to the loop it first ran in: an owned one is replaced when a later
        `asyncio.run()` brings a new loop (as the published SDK, which opens a client per
        request, allows).
        """
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        self._config.require_key()
        loop = asyncio.get_running_loop()
        client = self._async_http
        if client is None or client.is_closed or self._async_loop is not loop:
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
                    transport = httpx.AsyncHTTPTransport(**_transport_options(self._config))
                    client = httpx.AsyncClient(transport=transport, **_pool_options())
                    client = self._async_http = self._adopt(client)
                if self._async_loop is not loop:
                    self._async_slots = asyncio.Semaphore(self._config.max_concurrency)
                self._async_loop = loop
        return client

    def _async_slots_here(self) -> asyncio.Semaphore:
        """The bound on requests in flight for the running event loop (set with its pool)."""
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        slots = self._async_slots
        if slots is None or self._async_loop is not asyncio.get_running_loop():
            self.async_http_client()
            slots = self._async_slots
            assert slots is not None  # set with the loop
        return slots

    def generated_client(self) -> GeneratedClient:
        """The generated client, for its sync endpoint functions, with the sync pool ready."""
        self.http_client()
        return self._api

    def agenerated_client(self) -> GeneratedClient:
        """The generated client, for its async endpoint functions, on this loop's pool."""
        self.async_http_client()
        return self._api

    # The key, on every request: a hook, so it is set on each redirect and retry too.

    def _on_request(self, request: httpx.Request) -> None:
        # Per request, not a pool header: the pool's headers show in its repr.
        request.headers[API_KEY_HEADER] = self._config.api_key
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("request: %s %s", request.method, request.url)

    async def _on_async_request(self, request: httpx.Request) -> None:
        self._on_request(request)

    # The request pipeline: one attempt built, sent and checked, with its state passed along.

    def _build(
        self, http: httpx.Client | httpx.AsyncClient, attempt: _Attempt, parts: dict[str, Any]
    ) -> httpx.Request:
        """The attempt's request: the generated endpoint's `parts` and the call's settings."""
        options = attempt.options
        timeout = httpx.USE_CLIENT_DEFAULT if options.timeout is None else options.timeout
        request = http.build_request(**parts, timeout=timeout)
        if options.extra_query:
            request.url = request.url.copy_merge_params(options.extra_query)
        if options.extra_headers:
            request.headers.update(options.extra_headers)
        attempt.request, attempt.sent = request, True
        if isinstance(http, httpx.AsyncClient):
            request.extensions["trace"] = attempt.trace
        return request

    def _checked(self, response: httpx.Response, attempt: _Attempt) -> bool:
        """Guard the body of a sent attempt's answer; True when it is an error to read whole
        and raise (`_status_error`)."""
        if logger.isEnabledFor(logging.DEBUG):
            _log_response(response)
        guard = _BodyGuard.for_response(response, attempt)
        if isinstance(response.stream, httpx.SyncByteStream):
            response.stream = _GuardedStream(response.stream, guard)
        elif isinstance(response.stream, httpx.AsyncByteStream):
            response.stream = _AsyncGuardedStream(response.stream, guard)
        return not 200 <= response.status_code < 300  # as `response.is_success`

    def _send(self, attempt: _Attempt, parts: dict[str, Any]) -> httpx.Response:
        """Send one attempt (sync) and check its answer: read whole, or an event stream's
        left open to read; a non-2xx answer raises its status error."""
        # The pool taken for each attempt: one a racing `close()` closed is opened again.
        http = self.http_client()
        # No redirect followed, whatever a given client says: the key would go along.
        response = http.send(self._build(http, attempt, parts), stream=True, follow_redirects=False)
        try:
            if self._checked(response, attempt):
                response.read()
                raise self._status_error(response, attempt)
            if not attempt.streaming:
                response.read()
        except BaseException:
            response.close()
            raise
        return response

    async def _asend(self, attempt: _Attempt, parts: dict[str, Any]) -> httpx.Response:
        """`_send` for coroutines."""
        http = self.async_http_client()
        request = self._build(http, attempt, parts)
        response = await http.send(request, stream=True, follow_redirects=False)
        try:
            if self._checked(response, attempt):
                await response.aread()
                raise self._status_error(response, attempt)
            if not attempt.streaming:
                await response.aread()
        except BaseException:
            await response.aclose()
            raise
        return response

    def _status_error(self, response: httpx.Response, attempt: _Attempt) -> ModuleException:
        # An error body may echo the key, a secret of the request or of the task the call is
        # about: never repeat one.
        return status_error(response, attempt.secrets(self._config.api_key))

    # The request loop: timeouts, error mapping and retries around the attempts.

    def _prepare(
        self, operation: Operation, options: CallOptions, arguments: dict[str, Any]
    ) -> tuple[Any, float | None]:
        """The operation's generated endpoint and the call's total timeout; the call's
        `extra_body` merged into its body."""
        if options.extra_body:
            from ._params import merge_extra_body  # noqa: PLC0415  (a rare path)

            merge_extra_body(arguments["body"], options.extra_body)
        return _endpoint(operation), options.total_timeout or self._config.total_timeout

    def _retry_delay(
        self, exc: Exception, attempt: _Attempt, retries: int, unsafe: str | None
    ) -> float:
        """Seconds before trying again after `exc`; raises its public error when it is final."""
        error = public_error(attempt.label, exc)
        redact(error, attempt.secrets(self._config.api_key))
        options = attempt.options
        max_retries = (
            self._config.max_retries if options.max_retries is None else options.max_retries
        )
        delay = self._retry.delay_before_retry(
            error, retries, idempotent=unsafe is None, max_retries=max_retries
        )
        if delay is None:
            if unsafe is not None:
                note_if_may_have_acted(error, unsafe)
            raise error  # its cause is set: `from None` where it must be
        logger.info("%s: retrying in %.2f s after: %s", attempt.label, delay, error)
        return delay

    def request(
        self,
        operation: Operation,
        options: CallOptions,
        kind: type[AnswerT],
        *,
        about: object = None,
        **arguments: Any,
    ) -> AnswerT:
        """Send `operation` (an entry of `OPERATIONS`) with the arguments of its generated
        endpoint, under the call's settings, retrying as the policy allows; the answer, when
        it is the `kind` promised.

        An operation the server must not act on twice (a create, an update) says so in the
        spec (`x-may-have-acted`): it is repeated only when the request never left, or the
        server said it did not act (429, 503), and its error says what to check. The others
        are reads. The secrets of the model a call is `about` (a task) never show in errors.
        """
        endpoint, total = self._prepare(operation, options, arguments)
        slots = self._slots
        retries = 0
        while True:
            slots.get()  # the wait for a slot is not the answer's time: timed after it
            deadline = None if total is None else time.monotonic() + total
            attempt = _Attempt(operation, options, total, deadline, about=about)
            try:
                response = self._send(attempt, endpoint.request_kwargs(**arguments))
                answer = endpoint.parse_response(client=self._api, response=response)
                return _answer(attempt.label, response, answer, kind)
            except Exception as exc:
                delay = self._retry_delay(exc, attempt, retries, operation.may_have_acted)
            finally:
                slots.put(None)
            retries += 1
            self._retry.sleep(delay)

    async def arequest(
        self,
        operation: Operation,
        options: CallOptions,
        kind: type[AnswerT],
        *,
        about: object = None,
        **arguments: Any,
    ) -> AnswerT:
        """`request` for coroutines: the total timeout bounds each attempt throughout."""
        import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

        endpoint, total = self._prepare(operation, options, arguments)
        # asyncio.timeout bounds it: no deadline to check
        attempt = _Attempt(operation, options, total, about=about)
        slots = self._async_slots_here()
        retries = 0
        while True:
            try:
                # The wait for a slot is not the answer's time: it is not timed.
                async with slots:
                    try:
                        async with asyncio.timeout(total):
                            response = await self._asend(
                                attempt, endpoint.request_kwargs(**arguments)
                            )
                    except TimeoutError:
                        raise attempt.timed_out() from None
                    answer = endpoint.parse_response(client=self._api, response=response)
                    return _answer(attempt.label, response, answer, kind)
            except Exception as exc:
                delay = self._retry_delay(exc, attempt, retries, operation.may_have_acted)
            retries += 1
            await self._retry.asleep(delay)

    # Event streams: long by design, so their body is checked one event at a time (size,
    # and the sync deadline), not as a whole answer.

    @contextlib.contextmanager
    def stream(
        self,
        operation: Operation,
        root: str,
        options: CallOptions,
        seconds_left: float | None,
        *,
        about: object = None,
        **arguments: Any,
    ) -> Iterator[httpx.Response]:
        """Open `operation`'s event stream under `root` (its path is the endpoint's), its
        answer checked and left open to read; one attempt, errors as httpx raised them."""
        deadline = None if seconds_left is None else time.monotonic() + seconds_left
        attempt = _Attempt(operation, options, seconds_left, deadline, about=about)
        response = self._send(attempt, _stream_parts(operation, root, arguments))
        with contextlib.closing(response):
            yield response

    @contextlib.asynccontextmanager
    async def astream(
        self,
        operation: Operation,
        root: str,
        options: CallOptions,
        *,
        about: object = None,
        **arguments: Any,
    ) -> AsyncIterator[httpx.Response]:
        """`stream` for coroutines (`asyncio.timeout` bounds it, not a deadline)."""
        attempt = _Attempt(operation, options, None, about=about)
        response = await self._asend(attempt, _stream_parts(operation, root, arguments))
        try:
            yield response
        finally:
            await response.aclose()

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

    async def aclose_own_async_pool(self) -> None:
        """Close the async pool this client opened itself, as code that ends its event loop
        must (a pool lives and dies with its loop); an httpx client given to it is the
        caller's to close."""
        if self._owns_async and self._async_http is not None:
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


def _transport_options(config: ClientConfig) -> dict[str, Any]:
    """How the pools a client opens itself connect.

    An explicit transport makes httpx ignore proxy environment variables, which could carry
    the key over plain http to another machine (bring your own httpx client for a proxy).
    Connections are not capped here (event streams hold theirs); requests are, by the
    client's slots. A plain-http API needs no TLS: instead of loading the system's
    certificates (about 80 ms, which would block the event loop), its transport gets a
    context that trusts no one.
    """
    verify: bool | ssl.SSLContext = (
        True if config.uses_tls else ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    )
    return {"verify": verify, "limits": _LIMITS}


_LIMITS: Final = httpx.Limits(
    max_connections=None,
    # httpcore counts the idle connections once per connection on every request it places:
    # with a hundred kept, 128 concurrent creates spent 22 ms of CPU each there (4x raw
    # httpx); httpx's default of 20 spends 5 ms.
    max_keepalive_connections=20,
    # Below the 5 s after which common servers (uvicorn, Node) drop an idle connection: a
    # create sent on a connection the server is closing at that moment cannot be retried.
    keepalive_expiry=4.0,
)


def _answer(
    operation: str, response: httpx.Response, parsed: object, kind: type[AnswerT]
) -> AnswerT:
    """The parsed answer, when it is what the operation promises (a 2xx carrying a `kind`)."""
    if not isinstance(parsed, kind):
        raise InvalidResponseError(
            None, f"{operation}: HTTP {response.status_code} carried no valid {kind.__name__}"
        )
    return parsed


def _pool_options() -> dict[str, Any]:
    """What the pools a client opens itself send and keep."""
    return {"headers": {"user-agent": f"xpander-tasks/{__version__}"}, "cookies": _NoCookies()}


# Uncompressed answers: the size cap then bounds what is decoded and parsed (a small gzip
# body can decode to gigabytes); task JSON is small. Every pool sends it, given ones too.
_UNCOMPRESSED: Final = {"accept-encoding": "identity"}


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
    """Checks an answer as its body arrives: its encoding, a JSON content type on a 2xx, a
    size cap, and the sync attempt's deadline. The cap bounds a whole answer, or for an event
    stream each event: a stream is long by design, one event is not."""

    __slots__ = ("_attempt", "_received", "_response", "_streaming", "_tail")

    def __init__(self, response: httpx.Response, attempt: _Attempt, *, streaming: bool) -> None:
        self._attempt = attempt
        self._response = response  # named in errors only: formatting its host costs time
        self._streaming = streaming
        self._received = 0  # of the answer, or of the current event
        self._tail = b""  # the last bytes of the previous chunk, for event ends split across

    @classmethod
    def for_response(cls, response: httpx.Response, attempt: _Attempt) -> _BodyGuard:
        """A guard for this answer's body, after checking what its headers already tell."""
        attempt.check_deadline()
        success = 200 <= response.status_code < 300
        guard = cls(response, attempt, streaming=attempt.streaming and success)
        # The three headers read in one pass: each `headers.get` scans them all.
        encoding = declared = media_type = b""
        for raw_name, value in response.headers.raw:
            name = raw_name.lower()
            if name == b"content-encoding":
                encoding = value
            elif name == b"content-length":
                declared = value
            elif name == b"content-type":
                media_type = value
        encoding = encoding.strip()
        if encoding.lower() not in (b"", b"identity"):
            # Asked for uncompressed: a compressed body would slip past the size cap.
            raise guard.invalid(f"is {_text(encoding)!r}-encoded, which was not asked for")
        media_type = media_type.partition(b";")[0].strip()
        if guard._streaming:
            # Events or nothing: a page in their place is an answer, not a dropped stream.
            if media_type.lower() != b"text/event-stream":
                raise guard.invalid(f"is {_text(media_type)!r}, not an event stream")
            return guard
        if declared.isdigit() and int(declared) > MAX_RESPONSE_BYTES:
            raise guard.too_large(f"{int(declared)} bytes")
        if success and media_type and not _is_json(media_type.lower()):
            raise guard.invalid(f"is {_text(media_type)!r}, not JSON")  # as sent: redaction matches
        return guard

    def _answer(self) -> str:
        url = self._response.request.url
        host = f"{url.host}:{url.port}" if url.port else url.host
        return f"the answer (HTTP {self._response.status_code}) from {host}"

    def invalid(self, problem: str) -> InvalidResponseError:
        return InvalidResponseError(None, f"{self._attempt.label}: {self._answer()} {problem}")

    def too_large(self, size: str) -> InvalidResponseError:
        what = "an event of " if self._streaming else ""
        return InvalidResponseError(
            None,
            f"{self._attempt.label}: {what}{self._answer()} is too large ({size}; "
            f"the limit is {MAX_RESPONSE_BYTES} bytes)",
        )

    def received(self, chunk: bytes) -> None:
        if self._streaming:
            seen = self._tail + chunk
            ends = [at + len(end) for end in _EVENT_ENDS if (at := seen.rfind(end)) >= 0]
            # The current event is what follows the last end, or it grew by the whole chunk.
            self._received = len(seen) - max(ends) if ends else self._received + len(chunk)
            self._tail = seen[-3:]
        else:
            self._received += len(chunk)
        if self._received > MAX_RESPONSE_BYTES:
            raise self.too_large(f"over {MAX_RESPONSE_BYTES} bytes")
        self._attempt.check_deadline()


# A blank line ends a Server-Sent Event, whichever line ending the server uses.
_EVENT_ENDS: Final = (b"\n\n", b"\r\r", b"\r\n\r\n")


def _is_json(media_type: bytes) -> bool:
    return media_type == b"application/json" or media_type.endswith(b"+json")


def _text(header_value: bytes) -> str:
    """A header value as httpx decodes it (UTF-8, else Latin-1), for messages: redaction then
    matches a secret echoed there."""
    try:
        return header_value.decode()
    except UnicodeDecodeError:
        return header_value.decode("latin-1")


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


# How httpx's errors become public ones, in one place. The order matters: the first match
# wins. `request_sent` is False only where the request certainly never left this machine.
_TRANSPORT_ERRORS: Final[
    tuple[tuple[type[httpx.RequestError], type[APIConnectionError], str, bool, bool], ...]
] = (
    # (httpx error, public error, message, request may have arrived, quote httpx's reason)
    (httpx.ConnectTimeout, APITimeoutError, "timed out connecting to {host}", False, True),
    (
        httpx.PoolTimeout,
        APITimeoutError,
        "timed out waiting for a connection to {host}",
        False,
        True,
    ),
    (httpx.ReadTimeout, APITimeoutError, "timed out waiting for {host} to answer", True, True),
    (httpx.WriteTimeout, APITimeoutError, "timed out sending the request to {host}", True, True),
    (httpx.ConnectError, APIConnectionError, "could not connect to {host}", False, True),
    # Refused here, before sending; httpx's reason quotes the offending header value, which
    # may be a secret.
    (
        httpx.LocalProtocolError,
        APIConnectionError,
        "the request to {host} was not sent: a header value is not valid HTTP",
        False,
        False,
    ),
    (
        httpx.RemoteProtocolError,
        APIConnectionError,
        "{host} closed the connection without a complete answer",
        True,
        True,
    ),
    (
        httpx.ReadError,
        APIConnectionError,
        "the connection to {host} broke while reading",
        True,
        True,
    ),
    (
        httpx.WriteError,
        APIConnectionError,
        "the connection to {host} broke while sending",
        True,
        True,
    ),
    (httpx.TransportError, APIConnectionError, "the request to {host} failed", True, True),
    # Not transport errors, but failures of the exchange all the same (a body that does not
    # decode, redirects without end).
    (httpx.RequestError, APIConnectionError, "the request to {host} failed", True, True),
)
# What httpx says (a RuntimeError) when asked to send on a client that is closed.
_CLOSED_CLIENT: Final = "client has been closed"
# What the generated parsers raise on a 2xx body that is not the promised JSON.
_PARSE_ERRORS: Final = (ValueError, KeyError, TypeError, AttributeError)


def _stream_parts(operation: Operation, root: str, arguments: dict[str, Any]) -> dict[str, Any]:
    """The generated endpoint's request for an event stream, under the stream's own `root`
    (the events host), asking for events."""
    parts: dict[str, Any] = _endpoint(operation).request_kwargs(**arguments)
    parts["url"] = root + parts["url"]
    parts["headers"] = {
        **parts.get("headers", {}),
        "accept": "text/event-stream",
        "cache-control": "no-store",
    }
    return parts


def _check_kind(parameter: str, client: object, kind: type) -> None:
    if client is not None and not isinstance(client, kind):
        raise ConfigurationError(
            f"{parameter} must be an {kind.__module__}.{kind.__qualname__}, "
            f"not {type(client).__name__}"
        )


def _host(exc: httpx.RequestError) -> str:
    try:
        url = exc.request.url
    except RuntimeError:  # raised outside a request: nothing to name
        return "the server"
    return f"{url.host}:{url.port}" if url.port else url.host


def _reason(exc: BaseException) -> str:
    """What the OS said, from the bottom of the cause chain: the async stack puts its own
    "All connection attempts failed" over the "Connection refused" that tells what happened."""
    root = exc
    for _ in range(10):
        below = root.__cause__ or root.__context__
        if below is None:
            break
        root = below
    if isinstance(root, BaseExceptionGroup):
        return "; ".join(dict.fromkeys(_reason(inner) for inner in root.exceptions))
    if isinstance(root, ssl.SSLError):
        # Its errno is OpenSSL's, not the OS's: os.strerror(1) would say "Operation not
        # permitted" for "certificate verify failed".
        if isinstance(root, ssl.SSLCertVerificationError):
            return f"TLS certificate verify failed: {root.verify_message}"
        return f"TLS error: {root.reason or root}"
    if isinstance(root, OSError):
        if root.errno is not None and root.errno > 0:
            return f"[Errno {root.errno}] {os.strerror(root.errno)}"
        if root.strerror:
            return str(root.strerror)
    return str(root) or str(exc)


def connection_error(exc: httpx.RequestError) -> APIConnectionError:
    """The public exception for an httpx request failure."""
    for source, target, message, request_sent, quote_reason in _TRANSPORT_ERRORS:
        if isinstance(exc, source):
            reason = _reason(exc) if quote_reason else ""
            detail = f" ({reason})" if reason else ""
            return target(message.format(host=_host(exc)) + detail, request_sent=request_sent)
    raise AssertionError("httpx.RequestError is the table's last row")  # pragma: no cover


def public_error(operation: str, exc: Exception) -> ModuleException:
    """The public error for what httpx or a generated parser raised, its cause set as a
    `raise ... from` would; `exc` itself when it is already public, and re-raised when it
    is not a failure of the exchange (a bug: it must show as it is)."""
    error: ModuleException
    cause: BaseException | None = exc
    if isinstance(exc, ModuleException):
        return exc
    if isinstance(exc, httpx.RequestError):
        error = connection_error(exc)
    elif isinstance(exc, RuntimeError) and _CLOSED_CLIENT in str(exc):
        # A `close()` in another thread won the race for the pool: nothing left this machine.
        error = APIConnectionError(
            f"{operation}: the client was closed as the request was about to be sent; "
            "nothing was sent",
            request_sent=False,
        )
    elif isinstance(exc, httpx.InvalidURL):  # built from the call's ids and filters: not sent
        error, cause = InvalidArgumentError("url", f"{operation}: {exc}"), None
    elif isinstance(exc, UnicodeEncodeError) and exc.encoding == "utf-8":
        # A lone surrogate in an argument: the body or query was not built. (An ASCII header
        # fails as "ascii": an echoed event id, the server's text, is not the caller's.)
        error, cause = _unencodable(operation, exc), None
    elif isinstance(exc, json.JSONDecodeError):
        error = InvalidResponseError(None, f"{operation}: the server's answer is not JSON ({exc})")
    elif isinstance(exc, RecursionError):
        error = InvalidResponseError(
            None, f"{operation}: the server's answer is nested too deeply to read"
        )
        cause = None
    elif isinstance(exc, KeyError):
        error = InvalidResponseError(
            None,
            f"{operation}: the server's answer is not a valid task "
            f"(required field {exc.args[0]!r} is missing)",
        )
    elif isinstance(exc, _PARSE_ERRORS):
        error = InvalidResponseError(
            None,
            f"{operation}: the server's answer is not a valid task ({type(exc).__name__}: {exc})",
        )
    else:
        raise exc
    # As `raise error from cause` inside `except exc` sets them, before redaction reads them.
    error.__cause__, error.__context__, error.__suppress_context__ = cause, exc, True
    return error


def _unencodable(operation: str, exc: UnicodeEncodeError) -> InvalidArgumentError:
    """The error for text UTF-8 cannot carry. `exc` holds the whole body (every secret of
    it, none yet known to redaction) and stays the raised error's context: it is cut down to
    the characters at fault first."""
    at_fault = exc.object[exc.start : exc.end]
    exc.object, exc.start, exc.end = at_fault, 0, len(at_fault)
    exc.args = (exc.encoding, at_fault, 0, len(at_fault), exc.reason)
    return InvalidArgumentError(
        "arguments",
        f"{operation}: {at_fault!r} is not valid Unicode ({exc.reason}); nothing was sent",
    )


@contextlib.contextmanager
def map_exceptions(operation: str) -> Iterator[None]:
    """Turn what httpx and the generated parsers raise inside the block into public errors."""
    try:
        yield
    except Exception as exc:
        raise public_error(operation, exc)  # noqa: B904  (its cause is set)
