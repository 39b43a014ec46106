"""Waiting for a task to finish: by its event stream when it streams, else by polling.

Polling needs no streaming code: httpx-sse loads only for a task created with
`events_streaming=True`.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Final

from xpander_tasks_api.models import AgentExecutionStatus

from ._exceptions import APIConnectionError, StreamError, TaskTimeoutError

if TYPE_CHECKING:
    from ._base_client import BaseClient
    from ._task import Task

TERMINAL_STATUSES: Final = frozenset(
    {
        AgentExecutionStatus.Completed,
        AgentExecutionStatus.Failed,
        AgentExecutionStatus.Error,
        AgentExecutionStatus.Stopped,
    }
)


def is_finished(task: Task) -> bool:
    return task.status in TERMINAL_STATUSES


def timed_out(task: Task, timeout: float) -> TaskTimeoutError:
    status = getattr(task.status, "value", task.status)
    return TaskTimeoutError(
        None, f"task {task.id} did not finish within {timeout:g} s; last status seen: {status}"
    )


def wait(task: Task, client: BaseClient, timeout: float, poll_interval: float) -> None:
    """Follow `task` in place until it finishes (sync): its events if it streams, else polls."""
    deadline = time.monotonic() + timeout
    try:
        if task.events_streaming is True:
            from ._events import iterate_events  # noqa: PLC0415  (streaming loads on first use)

            for event in iterate_events(client, task, read_timeout=None, deadline=deadline):
                task.update_from(event)
        while True:
            task.reload(timeout=max(deadline - time.monotonic(), 0.01))
            if is_finished(task):
                return
            if time.monotonic() + poll_interval > deadline:
                raise timed_out(task, timeout)
            time.sleep(poll_interval)
    except (APIConnectionError, StreamError) as exc:
        if time.monotonic() >= deadline:
            raise timed_out(task, timeout) from exc
        raise


async def await_completion(
    task: Task, client: BaseClient, timeout: float, poll_interval: float
) -> None:
    """Follow `task` in place until it finishes: its events if it streams, else polls."""
    import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

    try:
        async with asyncio.timeout(timeout):
            if task.events_streaming is True:
                from ._events import aiterate_events  # noqa: PLC0415  (streaming: first use)

                async for event in aiterate_events(client, task, read_timeout=None):
                    task.update_from(event)
            while True:
                await task.areload()
                if is_finished(task):
                    return
                await asyncio.sleep(poll_interval)
    except TimeoutError:
        raise timed_out(task, timeout) from None
