"""`Tasks`: the published SDK's entry point: configuration plus thin resource methods."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any

from xpander_tasks_api.api.tasks import create_task, list_tasks, list_user_tasks
from xpander_tasks_api.models import Task as GeneratedTask

from ._base_client import BaseClient
from ._params import (
    CreateTaskCall,
    GetTaskCall,
    ListTasksCall,
    UpdateTaskCall,
    create_task_call,
    get_task_call,
    list_tasks_call,
    list_user_tasks_call,
    update_task_call,
    with_arguments_of,
)
from ._task import (
    Task,
    TasksListItem,
    aget_one,
    astop_one,
    aupdate_one,
    get_one,
    stop_one,
    update_one,
)

if TYPE_CHECKING:
    from ._batch import BatchItem, BatchOutcome


class Tasks(BaseClient):
    """Create and follow xpander.ai tasks; sync and async methods side by side.

    Configuration is resolved once, arguments first, then `XPANDER_API_KEY`,
    `XPANDER_BASE_URL` and `XPANDER_ORGANIZATION_ID`. One connection pool per instance (one
    for sync calls, one for async calls), reused across calls and safe to share between
    concurrent tasks; close it with `close()` / `aclose()` or a `with` block.
    """

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
        task = self.request(
            "create task", create_task, call.options, GeneratedTask,
            **call.arguments(),
        )  # fmt: skip
        return Task.adopt(task, self)

    async def _acreate(self, call: CreateTaskCall) -> Task:
        task = await self.arequest(
            "create task", create_task, call.options, GeneratedTask,
            **call.arguments(),
        )  # fmt: skip
        return Task.adopt(task, self)

    # Reads: safe to repeat.

    @with_arguments_of(get_task_call)
    def get(self, call: GetTaskCall) -> Task:
        """The task as it is now (sync). The parameters are `aget`'s."""
        return Task.adopt(get_one(self, call), self)

    @with_arguments_of(get_task_call)
    async def aget(self, call: GetTaskCall) -> Task:
        """The task as it is now; per-call `timeout`, `total_timeout`, `max_retries`."""
        return Task.adopt(await aget_one(self, call), self)

    @with_arguments_of(list_tasks_call)
    def list(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        """An agent's tasks, newest first (sync). The parameters are `alist`'s."""
        items = self.request(
            "list tasks", list_tasks, call.options, list, agent_id=call.owner_id, **call.filters
        )
        return [TasksListItem.adopt(item, self) for item in items]

    @with_arguments_of(list_tasks_call)
    async def alist(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        """An agent's tasks, newest first: the published SDK's `filters` dict (`user_id`,
        `parent_task_id`, `triggering_agent_id`, `status`, `internal_status`), or the same
        filters as keyword arguments. Each item's `load()` reads the whole task."""
        items = await self.arequest(
            "list tasks", list_tasks, call.options, list, agent_id=call.owner_id, **call.filters
        )
        return [TasksListItem.adopt(item, self) for item in items]

    @with_arguments_of(list_user_tasks_call)
    def list_user_tasks(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        """A user's tasks (sync). The parameters are `alist_user_tasks`'."""
        items = self.request(
            "list user tasks", list_user_tasks, call.options, list, user_id=call.owner_id,
            **call.filters,
        )  # fmt: skip
        return [TasksListItem.adopt(item, self) for item in items]

    @with_arguments_of(list_user_tasks_call)
    async def alist_user_tasks(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        """A user's tasks, with `alist`'s filters but `user_id`."""
        items = await self.arequest(
            "list user tasks", list_user_tasks, call.options, list, user_id=call.owner_id,
            **call.filters,
        )  # fmt: skip
        return [TasksListItem.adopt(item, self) for item in items]

    # Changes: not safe to repeat blindly (see the README's retry table).

    @with_arguments_of(update_task_call)
    def update(self, call: UpdateTaskCall) -> Task:
        """Update some of a task's fields (sync). The parameters are `aupdate`'s."""
        return Task.adopt(update_one(self, call.task_id, call.body, call.options), self)

    @with_arguments_of(update_task_call)
    async def aupdate(self, call: UpdateTaskCall) -> Task:
        """Update some of a task's fields, the published SDK's five (`status` as the member
        or its value); only those given are sent. A status set here overrides the task's
        own progress."""
        return Task.adopt(await aupdate_one(self, call.task_id, call.body, call.options), self)

    @with_arguments_of(get_task_call)
    def stop(self, call: GetTaskCall) -> Task:
        """Stop a task (sync); it becomes `stopped`."""
        return Task.adopt(stop_one(self, call), self)

    @with_arguments_of(get_task_call)
    async def astop(self, call: GetTaskCall) -> Task:
        """Stop a task; it becomes `stopped` (`is_manually_stopped`) and stays so."""
        return Task.adopt(await astop_one(self, call), self)

    # Batches: many creates, each followed to its result, resumable from a journal.

    def abatch(
        self, items: Iterable[Mapping[str, Any] | BatchItem], *, agent_id: str, **options: Any
    ) -> AsyncIterator[BatchOutcome]:
        """Create a task for each item (`acreate`'s parameters, an optional `key`) and yield
        each outcome as it finishes; `options` are `Batch`'s (`journal`, `concurrency`,
        `max_following`, `timeout`, `poll_interval`, `resend_uncertain`)."""
        from ._batch import Batch  # noqa: PLC0415  (asyncio and sqlite3 load on first use)

        return Batch(self, agent_id=agent_id, **options).arun(items)

    def batch(
        self, items: Iterable[Mapping[str, Any] | BatchItem], *, agent_id: str, **options: Any
    ) -> Iterator[BatchOutcome]:
        """`abatch` for synchronous code (the batch runs on an event loop of its own)."""
        from ._batch import Batch  # noqa: PLC0415  (asyncio and sqlite3 load on first use)

        return Batch(self, agent_id=agent_id, **options).run(items)
