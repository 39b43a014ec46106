"""`TasksListItem`: a task as a list shows it, bound to the client that listed it; loaded
with the first list, as most programs never list."""

from __future__ import annotations

from xpander_tasks_api.models import TasksListItem as GeneratedTasksListItem

from ._base_client import BaseClient
from ._bound import BoundModel, bound_model
from ._config import Configuration
from ._params import answer_id
from ._task import Task


@bound_model
class TasksListItem(BoundModel[BaseClient], GeneratedTasksListItem):
    """A task as a list shows it (no input); `load()` / `aload()` read the whole task
    through the client that listed it."""

    _model = GeneratedTasksListItem

    def load(self, configuration: Configuration | None = None) -> Task:
        """The whole task (sync); see `aload`.

        Args:
            configuration: The published SDK's `Configuration` to read with, instead of the
                client that listed it.
        """
        return Task.load(answer_id("item.id", self.id), configuration or self._bound_client())

    async def aload(self, configuration: Configuration | None = None) -> Task:
        """The whole task, read by its id.

        Args:
            configuration: The published SDK's `Configuration` to read with, instead of the
                client that listed it.
        """
        return await Task.aload(
            answer_id("item.id", self.id), configuration or self._bound_client()
        )

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"TasksListItem(id={self.id!r}, agent_id={self.agent_id!r}, status={status!r})"
