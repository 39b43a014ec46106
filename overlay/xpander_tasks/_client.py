"""`Tasks`: the published SDK's entry point: configuration plus thin resource methods."""

from __future__ import annotations

import functools
from typing import Any

from xpander_tasks_api.api.tasks import create_task, get_task
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.types import Response

from ._base_client import BaseClient
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
        return self._create(call)

    @with_arguments_of(create_task_call)
    async def acreate(self, call: CreateTaskCall) -> Task:
        """Create a task for an agent; it starts `pending`. See `create_task_call` for the
        parameters: the published SDK's, plus its newer ones and per-call settings."""
        return await self._acreate(call)

    def _create(self, call: CreateTaskCall) -> Task:
        """Send a checked create call (`Agent.create_task` builds its own)."""
        send = functools.partial(
            create_task.sync_detailed, **call.arguments(self.generated_client())
        )
        return self._task(
            "create task", self.run("create task", send, call.options, idempotent=False)
        )

    async def _acreate(self, call: CreateTaskCall) -> Task:
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
