"""A task's Server-Sent Events: typed, in order, resumed after a dropped connection."""

from __future__ import annotations

import contextlib
import json
import time
from collections.abc import AsyncIterator, Generator, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import httpx
from httpx_sse import EventSource, ServerSentEvent

from xpander_tasks_api.models import EventIdentity, TaskEvent, TaskEventType
from xpander_tasks_api.spec_extensions import OPERATIONS
from xpander_tasks_api.types import Unset

from ._base_client import BaseClient, map_exceptions
from ._config import check_seconds
from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    EventsNotStreamedError,
    ModuleException,
    StreamError,
)
from ._params import CallOptions, answer_id
from ._redact import redact, request_secrets

if TYPE_CHECKING:
    from ._task import Task

_OPERATION: Final = OPERATIONS["stream_task_events"]
MAX_RECONNECTS: Final = 3
_RECONNECT_DELAY: Final = 0.2
_TASK_EVENTS: Final = frozenset(
    {TaskEventType.TaskCreated, TaskEventType.TaskUpdated, TaskEventType.TaskFinished}
)


@dataclass(frozen=True, slots=True)
class TaskUpdateEvent:
    """One event of a task. `type` is a `TaskEventType`, or the plain string of a type this
    client does not know yet; `data` is a `Task` for the task_* types, else the raw JSON."""

    type: TaskEventType | str
    task_id: str | None
    organization_id: str | None
    time: datetime | None
    data: Task | Any
    id: str | None = None
    identity: EventIdentity | None = None  # who is speaking (`name`, `icon`), when said


def _parse(sse: ServerSentEvent, client: BaseClient, task_class: type[Task]) -> TaskUpdateEvent:
    try:
        event = TaskEvent.from_dict(json.loads(sse.data))
        known = event.type_ in TaskEventType._value2member_map_
        kind: TaskEventType | str = TaskEventType(event.type_) if known else event.type_
        data: Any = None if isinstance(event.data, Unset) else event.data
        if kind in _TASK_EVENTS and isinstance(data, dict):
            data = task_class.parse(data, client)
    except RecursionError:
        raise StreamError(None, "an event of the stream is nested too deeply to read") from None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StreamError(None, f"an event of the stream is not valid: {exc}") from exc
    return TaskUpdateEvent(
        type=kind,
        task_id=_value(event.task_id),
        organization_id=_value(event.organization_id),
        time=_value(event.time),
        data=data,
        id=sse.id or None,
        identity=_value(event.identity),
    )


def _value(value: Any) -> Any:
    return None if isinstance(value, Unset) else value


class _Stream:
    """What both the sync and async readers share: the URL, the resume point, the budget,
    and (sync waits, which have no `asyncio.timeout`) a deadline for the whole stream."""

    def __init__(
        self, client: BaseClient, task: Task, read_timeout: float | None, deadline: float | None
    ) -> None:
        if task.events_streaming is not True:
            raise EventsNotStreamedError(
                400,
                f"task {task.id} was not created with events_streaming=True, so it has no events",
            )
        # Both ids come from an answer: checked, as a caller's, before they go into the path.
        self.organization_id = answer_id("task.organization_id", task.organization_id)
        self.task_id = answer_id("task.id", task.id)
        # The path is the generated endpoint's; the events host is not the API's (see
        # the wire contract), so it is given as the root.
        self.root = client.config.events_base
        self.url = self.root + _OPERATION.path.format(
            organization_id=self.organization_id, task_id=self.task_id
        )
        self.client = client
        self.task = task  # its secrets stay out of errors
        self.task_class = type(task)
        self.phases = client.config.timeout
        self.read_timeout = (
            None if read_timeout is None else check_seconds("read_timeout", read_timeout)
        )
        self.deadline = deadline
        self.last_event_id: str | None = None
        self.reconnects = 0
        self.finished = False

    def remaining(self) -> float | None:
        """Seconds left before the deadline, if there is one; APITimeoutError once it passed."""
        if self.deadline is None:
            return None
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise APITimeoutError(f"no task_finished from {self.url} in time", request_sent=True)
        return left

    def timeout(self) -> httpx.Timeout:
        """This connection's timeouts: the client's read timeout (or the stream's own), and a
        read never waits past the deadline."""
        phases = self.phases
        own = phases.read if self.read_timeout is None else self.read_timeout
        reads = [limit for limit in (own, self.remaining()) if limit is not None]
        return httpx.Timeout(
            connect=phases.connect,
            read=min(reads, default=None),
            write=phases.write,
            pool=phases.pool,
        )

    @contextlib.contextmanager
    def errors(self) -> Iterator[None]:
        """Public errors for what a connection raises, with no secret in their words."""
        try:
            with map_exceptions(_OPERATION.label):
                yield
        except ModuleException as error:
            redact(error, request_secrets(self.client.config.api_key, about=self.task))
            raise

    def options(self) -> CallOptions:
        return CallOptions(timeout=self.timeout())

    def arguments(self) -> dict[str, str]:
        """The generated endpoint's arguments for this connection (resumed, if it is one)."""
        arguments = {"organization_id": self.organization_id, "task_id": self.task_id}
        if self.last_event_id:
            arguments["last_event_id"] = self.last_event_id
        return arguments

    def accept(self, sse: ServerSentEvent) -> TaskUpdateEvent:
        event = _parse(sse, self.client, self.task_class)
        if event.id is not None and event.id != self.last_event_id:
            self.last_event_id = event.id
            self.reconnects = 0  # a connection that made progress has not failed
        self.finished = event.type == TaskEventType.TaskFinished
        return event

    def delay_after_drop(self, error: Exception | None) -> float:
        """Seconds before reconnecting, or StreamError once the budget is spent."""
        if self.reconnects >= MAX_RECONNECTS:
            reason = f": {error}" if error else ""
            raise StreamError(
                None,
                f"the event stream of {self.url} broke {self.reconnects + 1} times "
                f"before task_finished{reason}",
            ) from error
        self.reconnects += 1
        return min(_RECONNECT_DELAY * self.reconnects, self.remaining() or float("inf"))


def iterate_events(
    client: BaseClient, task: Task, read_timeout: float | None, deadline: float | None = None
) -> Generator[TaskUpdateEvent, None, None]:
    """The task's events until `task_finished` (sync); none read past `deadline`."""
    stream = _Stream(client, task, read_timeout, deadline)
    while not stream.finished:
        error: Exception | None = None
        try:
            with (
                stream.errors(),
                client.stream(
                    _OPERATION,
                    stream.root,
                    stream.options(),
                    stream.remaining(),
                    about=stream.task,
                    **stream.arguments(),
                ) as response,
            ):
                for sse in EventSource(response).iter_sse():
                    if not sse.data:
                        # No event (the SSE spec dispatches none without data): httpx-sse 0.4
                        # yields one for a comment, such as a keep-alive ping, after an id.
                        continue
                    yield stream.accept(sse)
                    if stream.finished:
                        return
        except APIConnectionError as exc:  # dropped: resume from the last event id
            error = exc
        time.sleep(stream.delay_after_drop(error))


async def aiterate_events(
    client: BaseClient, task: Task, read_timeout: float | None
) -> AsyncIterator[TaskUpdateEvent]:
    """The task's events until `task_finished`."""
    import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

    stream = _Stream(client, task, read_timeout, deadline=None)  # asyncio.timeout bounds it
    while not stream.finished:
        error: Exception | None = None
        try:
            with stream.errors():
                async with client.astream(
                    _OPERATION, stream.root, stream.options(), about=stream.task,
                    **stream.arguments(),
                ) as response:  # fmt: skip
                    async for sse in EventSource(response).aiter_sse():
                        if not sse.data:
                            continue  # no event: see iterate_events
                        yield stream.accept(sse)
                        if stream.finished:
                            return
        except APIConnectionError as exc:  # dropped: resume from the last event id
            error = exc
        await asyncio.sleep(stream.delay_after_drop(error))
