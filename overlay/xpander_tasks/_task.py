"""`Task`: the generated model, plus the client that made it so it can follow itself."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Self

import attrs

from xpander_tasks_api.models import Task as GeneratedTask

from ._bound import BoundModel, field_names
from ._exceptions import ConfigurationError

if TYPE_CHECKING:
    from ._client import Tasks
    from ._events import TaskUpdateEvent


@attrs.define(repr=False, eq=False, getstate_setstate=False)
class Task(BoundModel["Tasks"], GeneratedTask):
    """A task as the API returned it: every field typed, unknown fields kept.

    `task["new_field"]` reads a field this client does not know yet. The repr shows only
    identifying fields, never the secrets a task echoes back (tokens, MCP credentials).
    """

    _fields, _secret_fields = field_names(GeneratedTask)
    _client: Tasks | None = attrs.field(default=None, kw_only=True, alias="client")

    @classmethod
    def parse(cls, data: Mapping[str, Any], client: Tasks | None) -> Self:
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

    def _bound_client(self) -> Tasks:
        if self._client is None:
            raise ConfigurationError(
                f"task {self.id} is not bound to a client: get it through Tasks to follow it"
            )
        return self._client

    def reload(self) -> Self:
        """Refresh this task in place from the status endpoint (sync)."""
        self.replace_fields(self._bound_client().get(self.id))
        return self

    async def areload(self) -> Self:
        """Refresh this task in place from the status endpoint."""
        self.replace_fields(await self._bound_client().aget(self.id))
        return self

    def events(self, *, read_timeout: float | None = None) -> Iterator[TaskUpdateEvent]:
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

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedTask):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in self._fields)

    __hash__ = None  # mutable, like the generated model
