"""`Tasks`: the published SDK's entry point, on the generated endpoints and one connection pool."""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Awaitable, Callable
from contextvars import ContextVar
from types import TracebackType
from typing import Any, Self, TypeVar

import httpx

from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api.api.tasks import create_task, get_task, stop_task
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.types import UNSET, Response

from . import __version__
from ._config import (
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    ClientConfig,
)
from ._create import (
    CallOptions,
    CreateTaskCall,
    call_options,
    check_id,
    create_task_call,
    with_arguments_of,
)
from ._exceptions import (
    APITimeoutError,
    InvalidResponseError,
    ModuleException,
    map_exceptions,
    status_error,
)
from ._retry import RetryPolicy, note_if_create_may_have_run
from ._task import Task

logger = logging.getLogger("xpander_tasks")

ResponseT = TypeVar("ResponseT", bound=Response[Any])

# The per-call timeout travels to the request hook beside the call, not through the
# generated functions, which take none.
_call_timeout: ContextVar[httpx.Timeout | None] = ContextVar("xpander_call_timeout", default=None)


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
        `total_timeout` a whole call's attempt (async calls). `http_client` /
        `async_http_client` bring your own httpx client (proxies, limits, transports): its
        base URL and event hooks are set for this API. `allow_insecure_http` permits sending
        the key over plain http to a host other than this machine.
        """
        defaults = call_options(timeout=timeout, max_retries=max_retries)
        self._config = ClientConfig.resolve(
            api_key=api_key,
            base_url=base_url,
            organization_id=organization_id,
            timeout=defaults.timeout or DEFAULT_TIMEOUT,
            total_timeout=total_timeout,
            max_retries=DEFAULT_MAX_RETRIES
            if defaults.max_retries is None
            else defaults.max_retries,
            allow_insecure_http=allow_insecure_http,
        )
        self._retry = RetryPolicy(max_retries=self._config.max_retries)
        self._api = GeneratedClient(base_url=self._config.api_root)
        self._lock = threading.Lock()
        self._http: httpx.Client | None = None
        self._async_http: httpx.AsyncClient | None = None
        if http_client is not None:
            self._http = self._adopt_sync(http_client)
        if async_http_client is not None:
            self._async_http = self._adopt_async(async_http_client)

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
        return {
            "base_url": self._config.api_root,
            "timeout": self._config.timeout,
            "headers": {"user-agent": f"xpander-tasks/{__version__}"},
        }

    def _adopt_sync(self, client: httpx.Client) -> httpx.Client:
        client.base_url = httpx.URL(self._config.api_root)
        client.event_hooks["request"].append(self._on_request)
        client.event_hooks["response"].append(self._on_response)
        self._api.set_httpx_client(client)
        return client

    def _adopt_async(self, client: httpx.AsyncClient) -> httpx.AsyncClient:
        client.base_url = httpx.URL(self._config.api_root)
        client.event_hooks["request"].append(self._on_async_request)
        client.event_hooks["response"].append(self._on_async_response)
        self._api.set_async_httpx_client(client)
        return client

    def _sync_api(self) -> GeneratedClient:
        if self._http is None:
            with self._lock:
                if self._http is None:
                    self._http = self._adopt_sync(httpx.Client(**self._client_options()))
        return self._api

    def _async_api(self) -> GeneratedClient:
        if self._async_http is None:
            with self._lock:
                if self._async_http is None:
                    client = httpx.AsyncClient(**self._client_options())
                    self._async_http = self._adopt_async(client)
        return self._api

    # Event hooks: the one place every request and answer passes.

    def _on_request(self, request: httpx.Request) -> None:
        request.headers["x-api-key"] = self._config.api_key
        timeout = _call_timeout.get()
        if timeout is not None:
            request.extensions["timeout"] = timeout.as_dict()
        if logger.isEnabledFor(logging.DEBUG):
            logger.debug("request: %s %s", request.method, request.url)

    def _on_response(self, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            _log_response(response)
        if not response.is_success:
            response.read()
            raise status_error(response)

    async def _on_async_request(self, request: httpx.Request) -> None:
        self._on_request(request)

    async def _on_async_response(self, response: httpx.Response) -> None:
        if logger.isEnabledFor(logging.DEBUG):
            _log_response(response)
        if not response.is_success:
            await response.aread()
            raise status_error(response)

    # Calls: timeouts, error mapping and retries around one generated endpoint function.

    def _max_retries(self, options: CallOptions) -> int:
        return self._config.max_retries if options.max_retries is None else options.max_retries

    def _run(
        self,
        operation: str,
        send: Callable[[], ResponseT],
        options: CallOptions,
        *,
        idempotent: bool,
    ) -> ResponseT:
        token = _call_timeout.set(options.timeout)
        try:
            retries = 0
            while True:
                try:
                    with map_exceptions(operation):
                        return send()
                except ModuleException as error:
                    delay = self._retry.delay_before_retry(
                        error,
                        retries,
                        idempotent=idempotent,
                        max_retries=self._max_retries(options),
                    )
                    if delay is None:
                        if not idempotent:
                            note_if_create_may_have_run(error)
                        raise
                    logger.info("%s: retrying in %.2f s after: %s", operation, delay, error)
                retries += 1
                self._retry.sleep(delay)
        finally:
            _call_timeout.reset(token)

    async def _arun(
        self,
        operation: str,
        send: Callable[[], Awaitable[ResponseT]],
        options: CallOptions,
        *,
        idempotent: bool,
    ) -> ResponseT:
        token = _call_timeout.set(options.timeout)
        total = self._config.total_timeout
        try:
            retries = 0
            while True:
                try:
                    with map_exceptions(operation):
                        try:
                            async with asyncio.timeout(total):
                                return await send()
                        except TimeoutError:
                            raise APITimeoutError(
                                f"{operation}: no complete answer within {total:g} s",
                                request_sent=True,
                            ) from None
                except ModuleException as error:
                    delay = self._retry.delay_before_retry(
                        error,
                        retries,
                        idempotent=idempotent,
                        max_retries=self._max_retries(options),
                    )
                    if delay is None:
                        if not idempotent:
                            note_if_create_may_have_run(error)
                        raise
                    logger.info("%s: retrying in %.2f s after: %s", operation, delay, error)
                retries += 1
                await self._retry.asleep(delay)
        finally:
            _call_timeout.reset(token)

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
        api = self._sync_api()
        response = self._run(
            "create task",
            lambda: create_task.sync_detailed(
                call.agent_id,
                client=api,
                body=call.body,
                x_agent_version=UNSET if call.agent_version is None else call.agent_version,
            ),
            call.options,
            idempotent=False,
        )
        return self._task("create task", response)

    @with_arguments_of(create_task_call)
    async def acreate(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent; it starts `pending`. See `create_task_call` for the
        parameters: the published SDK's, plus its newer ones and per-call settings."""
        api = self._async_api()
        response = await self._arun(
            "create task",
            lambda: create_task.asyncio_detailed(
                call.agent_id,
                client=api,
                body=call.body,
                x_agent_version=UNSET if call.agent_version is None else call.agent_version,
            ),
            call.options,
            idempotent=False,
        )
        return self._task("create task", response)

    # Read and stop: the same shape, and both safe to repeat.

    def _by_id(
        self,
        operation: str,
        endpoint: Callable[..., Response[Any]],
        task_id: str,
        timeout: float | httpx.Timeout | None,
    ) -> Task:
        api, options = self._sync_api(), call_options(timeout=timeout)
        check_id("task_id", task_id)
        send = functools.partial(endpoint, task_id, client=api)
        return self._task(operation, self._run(operation, send, options, idempotent=True))

    async def _aby_id(
        self,
        operation: str,
        endpoint: Callable[..., Awaitable[Response[Any]]],
        task_id: str,
        timeout: float | httpx.Timeout | None,
    ) -> Task:
        api, options = self._async_api(), call_options(timeout=timeout)
        check_id("task_id", task_id)
        send = functools.partial(endpoint, task_id, client=api)
        return self._task(operation, await self._arun(operation, send, options, idempotent=True))

    def get(self, task_id: str, *, timeout: float | httpx.Timeout | None = None) -> Task:
        """The task as it is now (sync)."""
        return self._by_id("get task", get_task.sync_detailed, task_id, timeout)

    async def aget(self, task_id: str, *, timeout: float | httpx.Timeout | None = None) -> Task:
        """The task as it is now."""
        return await self._aby_id("get task", get_task.asyncio_detailed, task_id, timeout)

    def stop(self, task_id: str, *, timeout: float | httpx.Timeout | None = None) -> Task:
        """Stop a task (sync); a finished task comes back as it is."""
        return self._by_id("stop task", stop_task.sync_detailed, task_id, timeout)

    async def astop(self, task_id: str, *, timeout: float | httpx.Timeout | None = None) -> Task:
        """Stop a task; a finished task comes back as it is."""
        return await self._aby_id("stop task", stop_task.asyncio_detailed, task_id, timeout)

    # Lifetime.

    def close(self) -> None:
        """Close the sync connection pool."""
        if self._http is not None:
            self._http.close()

    async def aclose(self) -> None:
        """Close both connection pools."""
        self.close()
        if self._async_http is not None:
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
