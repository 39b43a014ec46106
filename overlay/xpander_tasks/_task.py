"""`Task`: the generated model, plus the client that made it so it can follow itself."""

from __future__ import annotations

import copy
from collections.abc import AsyncIterator, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Final, Self

import attrs

from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.types import UNSET

from ._exceptions import ConfigurationError

if TYPE_CHECKING:
    from ._client import Tasks
    from ._events import TaskUpdateEvent

_FIELDS: Final = tuple(field.name for field in attrs.fields(GeneratedTask))
# The fields the spec tags `[secret]` (tokens the task echoes): never in a pickle.
_SECRET_FIELDS: Final = tuple(
    field.name for field in attrs.fields(GeneratedTask) if field.metadata.get("secret")
)


@attrs.define(repr=False, eq=False)
class Task(GeneratedTask):
    """A task as the API returned it: every field typed, unknown fields kept.

    `task["new_field"]` reads a field this client does not know yet. The repr shows only
    identifying fields, never the secrets a task echoes back (tokens, MCP credentials).
    """

    _client: Tasks | None = attrs.field(default=None, kw_only=True, alias="client")

    @classmethod
    def adopt(cls, task: GeneratedTask, client: Tasks | None) -> Self:
        """This class's view of a generated task, bound to the client that fetched it."""
        adopted = cls.__new__(cls)
        adopted.replace_fields(task)
        adopted._client = client
        return adopted

    @classmethod
    def parse(cls, data: Mapping[str, Any], client: Tasks | None) -> Self:
        """A task from its JSON form (an event's data), bound to `client`."""
        task = cls.from_dict(data)
        task._client = client
        return task

    def replace_fields(self, task: GeneratedTask) -> None:
        """Take every field of `task`, a newer view of this one."""
        for name in _FIELDS:
            setattr(self, name, getattr(task, name))

    def __copy__(self) -> Self:
        """A copy bound to the same client."""
        return self.adopt(self, self._client)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """A deep copy of the fields, bound to the same client (a client is not copied)."""
        clone = self.adopt(self, self._client)
        for name in _FIELDS:
            setattr(clone, name, copy.deepcopy(getattr(self, name), memo))
        return clone

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: neither the client (its key, its connections) nor a secret
        the task echoes. An unpickled task is unbound: `Tasks.get` it again to follow it."""
        state = {name: getattr(self, name) for name in _FIELDS}
        state.update(dict.fromkeys(_SECRET_FIELDS, UNSET))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _FIELDS:
            setattr(self, name, state[name])
        self._client = None

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
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    __hash__ = None  # mutable, like the generated model
