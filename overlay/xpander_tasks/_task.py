"""`Task` and `TasksListItem`: generated models bound to the client that fetched them, so
they can follow and change themselves (reload, save, stop, events, wait), as stripe's models
do through their requestor. The calls on one task that `Tasks` shares live here too."""

from __future__ import annotations

from collections.abc import AsyncIterator, Generator, Mapping
from typing import TYPE_CHECKING, Any, Final, Self

import httpx

from xpander_tasks_api.api.tasks import (
    get_task,
    get_task_activity_log,
    report_external_task,
    stop_task,
    update_task,
)
from xpander_tasks_api.models import ActivityLog, AgentExecutionStatus, UpdateTaskRequest
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.models import TasksListItem as GeneratedTasksListItem

from ._base_client import BaseClient
from ._bound import BoundModel
from ._exceptions import InvalidArgumentError
from ._params import (
    CallOptions,
    GetTaskCall,
    ReportTaskCall,
    answer_id,
    check_id,
    get_task_call,
    report_task_call,
    update_task_call,
    with_arguments_of,
)

if TYPE_CHECKING:
    from ._events import TaskUpdateEvent

_NO_OPTIONS: Final = CallOptions()

# What may have happened when a call that is not safe to repeat lost its answer.
_MAY_HAVE_STOPPED: Final = "the task may have been stopped: read it before stopping it again"
_MAY_HAVE_UPDATED: Final = "the update may have been applied: read the task before sending it again"
_MAY_HAVE_REPORTED: Final = (
    "the task may have been reported: list the agent's tasks before reporting it again"
)


# The calls on one task, for `Tasks` and `Task` alike: the client is any `BaseClient`.


# `about`: the task a call acts on, when the caller holds it; its secrets stay out of errors.


def get_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return client.request(
        "get task", get_task, call.options, GeneratedTask, about=about, task_id=call.task_id
    )


async def aget_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return await client.arequest(
        "get task", get_task, call.options, GeneratedTask, about=about, task_id=call.task_id
    )


def stop_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return client.request(
        "stop task",
        stop_task,
        call.options,
        GeneratedTask,
        unsafe=_MAY_HAVE_STOPPED,
        about=about,
        agent_or_task_id=call.task_id,
    )


async def astop_one(client: BaseClient, call: GetTaskCall, about: object = None) -> GeneratedTask:
    return await client.arequest(
        "stop task",
        stop_task,
        call.options,
        GeneratedTask,
        unsafe=_MAY_HAVE_STOPPED,
        about=about,
        agent_or_task_id=call.task_id,
    )


def update_one(
    client: BaseClient, task_id: str, body: GeneratedTask | UpdateTaskRequest, options: CallOptions
) -> GeneratedTask:
    return client.request(
        "update task",
        update_task,
        options,
        GeneratedTask,
        unsafe=_MAY_HAVE_UPDATED,
        task_id=task_id,
        body=body,
    )


async def aupdate_one(
    client: BaseClient, task_id: str, body: GeneratedTask | UpdateTaskRequest, options: CallOptions
) -> GeneratedTask:
    return await client.arequest(
        "update task",
        update_task,
        options,
        GeneratedTask,
        unsafe=_MAY_HAVE_UPDATED,
        task_id=task_id,
        body=body,
    )


def _client_or_environment(client: object) -> BaseClient:
    """`client`, checked; when None, the client of the environment's configuration
    (XPANDER_API_KEY, ...), for the published SDK's classmethods that take none
    (`Task.load`, `Task.report_external_task`): one per configuration and process, as
    openai-python's module-level client, so its pools are reused rather than opened for
    each call and left open."""
    if isinstance(client, BaseClient):
        return client
    if client is not None:
        raise InvalidArgumentError("client", f"must be a Tasks client, not {type(client).__name__}")
    client = BaseClient()
    config = client.config
    key = (config.api_key, config.base_url, config.organization_id)
    return _ENVIRONMENT_CLIENTS.setdefault(key, client)


_ENVIRONMENT_CLIENTS: dict[tuple[str, str, str | None], BaseClient] = {}


class Task(BoundModel[BaseClient], GeneratedTask):
    """A task as the API returned it: every field typed, unknown fields kept.

    `task["new_field"]` reads a field this client does not know yet. The repr shows only
    identifying fields, never the secrets a task echoes back (tokens, MCP credentials).
    """

    __slots__ = ("_client",)
    _model = GeneratedTask

    @classmethod
    def parse(cls, data: Mapping[str, Any], client: BaseClient | None) -> Self:
        """A task from its JSON form (an event's data), bound to `client`."""
        task = cls.from_dict(data)
        task._client = client
        return task

    def update_from(self, event: TaskUpdateEvent) -> bool:
        """Take the task an event carries if it is a newer view of this one; an event about
        another task (a sub-task, or a confused server) leaves this one as it is."""
        if isinstance(event.data, GeneratedTask) and event.data.id == self.id:
            self.replace_fields(event.data)
            return True
        return False

    # The published SDK's classmethods: without a client, one from the environment.

    @classmethod
    def load(cls, task_id: str, client: BaseClient | None = None) -> Self:
        """Read a task by its id (sync); `client` is a `Tasks`, else one is made from the
        environment (XPANDER_API_KEY, ...), as the published SDK does."""
        client = _client_or_environment(client)
        return cls.adopt(get_one(client, get_task_call(task_id)), client)

    @classmethod
    async def aload(cls, task_id: str, client: BaseClient | None = None) -> Self:
        """Read a task by its id; see `load`."""
        client = _client_or_environment(client)
        return cls.adopt(await aget_one(client, get_task_call(task_id)), client)

    @classmethod
    @with_arguments_of(report_task_call)
    def report_external_task(cls, call: ReportTaskCall) -> Self:
        """Report a task that ran outside xpander (sync); see `areport_external_task`."""
        client = _client_or_environment(call.client)
        task = client.request(
            "report task", report_external_task, call.options, GeneratedTask,
            unsafe=_MAY_HAVE_REPORTED, agent_id=call.agent_id, body=call.body,
        )  # fmt: skip
        return cls.adopt(task, client)

    @classmethod
    @with_arguments_of(report_task_call)
    async def areport_external_task(cls, call: ReportTaskCall) -> Self:
        """Report a task that ran outside xpander: stored `completed`, or `failed` when
        `is_success` is false, under `id` or a new one; its input text, the model's raw answer
        (any JSON), tokens (`Tokens` or a dict; `total_tokens` worked out when left out),
        duration in seconds and the tools it used. A report is not sent twice on a lost
        answer: the error says it may have been stored."""
        client = _client_or_environment(call.client)
        task = await client.arequest(
            "report task", report_external_task, call.options, GeneratedTask,
            unsafe=_MAY_HAVE_REPORTED, agent_id=call.agent_id, body=call.body,
        )  # fmt: skip
        return cls.adopt(task, client)

    # Reads and changes of this task, in place.

    def reload(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
    ) -> Self:
        """Refresh this task in place from the status endpoint (sync); the per-call settings
        are `get`'s."""
        call = self._call(timeout=timeout, total_timeout=total_timeout, max_retries=max_retries)
        self.replace_fields(get_one(self._bound_client(), call, self))
        return self

    async def areload(
        self,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
    ) -> Self:
        """Refresh this task in place from the status endpoint; the per-call settings are
        `aget`'s."""
        call = self._call(timeout=timeout, total_timeout=total_timeout, max_retries=max_retries)
        self.replace_fields(await aget_one(self._bound_client(), call, self))
        return self

    def save(self) -> Self:
        """Send this whole task (sync), as the published SDK's `save`; see `asave`."""
        task_id = check_id("task.id", self.id)
        self.replace_fields(update_one(self._bound_client(), task_id, self, _NO_OPTIONS))
        return self

    async def asave(self) -> Self:
        """Send this whole task, its changed fields with it, and take the task the server
        stored in place. A status set here overrides the task's own progress."""
        task_id = check_id("task.id", self.id)
        self.replace_fields(await aupdate_one(self._bound_client(), task_id, self, _NO_OPTIONS))
        return self

    def set_status(self, status: AgentExecutionStatus | str, result: str | None = None) -> Self:
        """Set the status and the result (even to None), then `save` (sync)."""
        self.status, self.result = _status_and_result(status, result)
        return self.save()

    async def aset_status(
        self, status: AgentExecutionStatus | str, result: str | None = None
    ) -> Self:
        """Set the status and the result (even to None), then `asave`, as the SDK does."""
        self.status, self.result = _status_and_result(status, result)
        return await self.asave()

    def stop(self) -> Self:
        """Stop this task (sync); it becomes `stopped`, in place."""
        self.replace_fields(stop_one(self._bound_client(), self._call(), self))
        return self

    async def astop(self) -> Self:
        """Stop this task; it becomes `stopped` (`is_manually_stopped`), in place."""
        self.replace_fields(await astop_one(self._bound_client(), self._call(), self))
        return self

    def get_activity_log(self) -> ActivityLog:
        """This task's activity thread (sync); see `aget_activity_log`."""
        agent_id, task_id = self._activity_path()
        return self._bound_client().request(
            "get activity log",
            get_task_activity_log,
            _NO_OPTIONS,
            ActivityLog,
            about=self,
            agent_id=agent_id,
            task_id=task_id,
        )

    async def aget_activity_log(self) -> ActivityLog:
        """This task's activity thread: its messages, entry kinds this client does not know
        kept as they came."""
        agent_id, task_id = self._activity_path()
        return await self._bound_client().arequest(
            "get activity log",
            get_task_activity_log,
            _NO_OPTIONS,
            ActivityLog,
            about=self,
            agent_id=agent_id,
            task_id=task_id,
        )

    def _call(self, **options: Any) -> GetTaskCall:
        """A call on this task by its id, which an answer gave: checked before it goes into
        a path."""
        return get_task_call(answer_id("task.id", self.id), **options)

    def _activity_path(self) -> tuple[str, str]:
        return answer_id("task.agent_id", self.agent_id), answer_id("task.id", self.id)

    def events(
        self, *, read_timeout: float | None = None
    ) -> Generator[TaskUpdateEvent, None, None]:
        """This task's events until `task_finished` (sync); needs `events_streaming=True`."""
        from . import _events  # noqa: PLC0415  (streaming loads on first use)

        return _events.iterate_events(self._bound_client(), self, read_timeout)

    def aevents(self, *, read_timeout: float | None = None) -> AsyncIterator[TaskUpdateEvent]:
        """This task's events until `task_finished`; needs `events_streaming=True`.

        A dropped connection is resumed (with `Last-Event-ID`) up to three times.
        """
        from . import _events  # noqa: PLC0415  (streaming loads on first use)

        return _events.aiterate_events(self._bound_client(), self, read_timeout)

    def wait(self, timeout: float = 600.0, poll_interval: float = 1.0) -> Self:
        """Block until the task finishes (completed, failed, error or stopped); sync."""
        from . import _wait  # noqa: PLC0415  (waiting loads on first use)

        _wait.wait(self, self._bound_client(), timeout, poll_interval)
        return self

    async def await_completion(self, timeout: float = 600.0, poll_interval: float = 1.0) -> Self:
        """Wait until the task finishes (completed, failed, error or stopped) and return it.

        Follows the task's events when it streams, else polls every `poll_interval` seconds;
        raises `TaskTimeoutError` after `timeout` seconds, naming the last status seen.
        """
        from . import _wait  # noqa: PLC0415  (waiting loads on first use)

        await _wait.await_completion(self, self._bound_client(), timeout, poll_interval)
        return self

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"Task(id={self.id!r}, agent_id={self.agent_id!r}, status={status!r})"


def _status_and_result(
    status: AgentExecutionStatus | str, result: str | None
) -> tuple[AgentExecutionStatus, str | None]:
    call = update_task_call("-", status=status, result=result)  # checked as an update's
    checked = call.body.status
    assert isinstance(checked, AgentExecutionStatus)  # given, and not None
    return checked, result if result is None else str(call.body.result)


class TasksListItem(BoundModel[BaseClient], GeneratedTasksListItem):
    """A task as a list shows it (no input); `load()` / `aload()` read the whole task
    through the client that listed it."""

    __slots__ = ("_client",)
    _model = GeneratedTasksListItem

    def load(self) -> Task:
        """The whole task (sync)."""
        return Task.load(answer_id("item.id", self.id), self._bound_client())

    async def aload(self) -> Task:
        """The whole task, read by its id."""
        return await Task.aload(answer_id("item.id", self.id), self._bound_client())

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"TasksListItem(id={self.id!r}, agent_id={self.agent_id!r}, status={status!r})"
