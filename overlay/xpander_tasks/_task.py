"""`Task`: the generated model, plus the client that made it so it can follow itself."""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Self

import attrs

from xpander_tasks_api.models import Task as GeneratedTask

if TYPE_CHECKING:
    from ._client import Tasks

_FIELDS: Final = tuple(field.name for field in attrs.fields(GeneratedTask))


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
        adopted._replace_fields(task)
        adopted._client = client
        return adopted

    def _replace_fields(self, task: GeneratedTask) -> None:
        for name in _FIELDS:
            setattr(self, name, getattr(task, name))

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"Task(id={self.id!r}, agent_id={self.agent_id!r}, status={status!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, GeneratedTask):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _FIELDS)

    __hash__ = None  # mutable, like the generated model
