"""`Tasks`: the published SDK's entry point: configuration plus thin resource methods."""

from __future__ import annotations

import functools
from typing import Any

import httpx

from xpander_tasks_api.api.tasks import create_task, get_task
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.types import Response

from ._base_client import BaseClient
from ._config import (
    DEFAULT_MAX_CONCURRENCY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_TIMEOUT,
    DEFAULT_TOTAL_TIMEOUT,
    ClientConfig,
)
from ._exceptions import InvalidResponseError
from ._params import (
    CreateTaskCall,
    GetTaskCall,
    create_task_call,
    get_task_call,
    with_arguments_of,
)
from ._task import Task


class Tasks(BaseClient):
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
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
    ) -> None:
        """Set up a client; nothing is sent until the first call.

        `timeout` bounds each phase (connect, read, write; seconds or an `httpx.Timeout`),
        `total_timeout` a whole call's attempt (sync calls: checked once the answer starts,
        and as its body arrives). `http_client` /
        `async_http_client` bring your own httpx client (proxies, limits, transports): its
        base URL, timeout and event hooks are set for this API, and it serves this `Tasks`
        only. `allow_insecure_http` permits sending
        the key over plain http to a host other than this machine. At most `max_concurrency`
        requests are in flight at once (per sync and per async pool); more wait their turn.
        The pools a `Tasks` opens itself ignore proxy environment variables: for a proxy,
        pass `http_client=httpx.Client(proxy=...)`.
        """
        config = ClientConfig.resolve(
            api_key=api_key,
            base_url=base_url,
            organization_id=organization_id,
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            allow_insecure_http=allow_insecure_http,
            max_concurrency=max_concurrency,
        )
        super().__init__(config, http_client=http_client, async_http_client=async_http_client)

    def __repr__(self) -> str:
        return (
            f"Tasks(base_url={self.config.api_root!r}, "
            f"organization_id={self.config.organization_id!r})"
        )

    def _task(self, operation: str, response: Response[Any]) -> Task:
        if not isinstance(response.parsed, GeneratedTask):
            raise InvalidResponseError(
                None, f"{operation}: HTTP {int(response.status_code)} carried no task"
            )
        return Task.adopt(response.parsed, self)

    # Create: not safe to repeat (a second create runs the agent again).

    @with_arguments_of(create_task_call)
    def create(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent (sync). The parameters are `acreate`'s."""
        send = functools.partial(
            create_task.sync_detailed, **call.arguments(self.generated_client())
        )
        return self._task(
            "create task", self.run("create task", send, call.options, idempotent=False)
        )

    @with_arguments_of(create_task_call)
    async def acreate(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent; it starts `pending`. See `create_task_call` for the
        parameters: the published SDK's, plus its newer ones and per-call settings."""
        send = functools.partial(
            create_task.asyncio_detailed, **call.arguments(self.agenerated_client())
        )
        response = await self.arun("create task", send, call.options, idempotent=False)
        return self._task("create task", response)

    # Read: safe to repeat.

    @with_arguments_of(get_task_call)
    def get(self, call: GetTaskCall) -> Task:
        """The task as it is now (sync). The parameters are `aget`'s."""
        send = functools.partial(
            get_task.sync_detailed, call.task_id, client=self.generated_client()
        )
        return self._task("get task", self.run("get task", send, call.options, idempotent=True))

    @with_arguments_of(get_task_call)
    async def aget(self, call: GetTaskCall) -> Task:
        """The task as it is now; per-call `timeout`, `total_timeout`, `max_retries`."""
        send = functools.partial(
            get_task.asyncio_detailed, call.task_id, client=self.agenerated_client()
        )
        response = await self.arun("get task", send, call.options, idempotent=True)
        return self._task("get task", response)
