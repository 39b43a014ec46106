"""Waiting for a task to finish: by its event stream when it streams, else by polling.

Polling needs no streaming code: httpx-sse loads only for a task created with
`events_streaming=True`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from xpander_tasks_api.spec_extensions import FINAL_STATUSES

from ._config import check_seconds
from ._exceptions import ModuleException, TaskTimeoutError
from ._retry import is_retryable

if TYPE_CHECKING:
    from ._base_client import BaseClient
    from ._task import Task


def is_finished(task: Task) -> bool:
    """Whether the task's status is final: one the spec lists, never one it lacks."""
    return task.status in FINAL_STATUSES


def timed_out(task: Task, timeout: float) -> TaskTimeoutError:
    status = getattr(task.status, "value", task.status)
    return TaskTimeoutError(
        None, f"task {task.id} did not finish within {timeout:g} s; last status seen: {status}"
    )


def refresh_before(task: Task, deadline: float) -> None:
    """Read `task` again in place, the read and any wait in it ending by `deadline`; a
    failure a later read may not meet (a 503, a lost answer) is left to the next poll."""
    left = deadline - time.monotonic()
    try:
        task.reload(timeout=max(left, 0.01), total_timeout=max(left, 0.01), max_retries=0)
    except ModuleException as error:
        if not is_retryable(error, idempotent=True) or time.monotonic() >= deadline:
            raise


async def arefresh(task: Task) -> None:
    """Read `task` again in place (`asyncio.timeout` bounds it); a failure a later read may
    not meet is left to the next poll."""
    try:
        await task.areload()
    except ModuleException as error:
        if not is_retryable(error, idempotent=True):
            raise


def poll(
    task: Task,
    timeout: float,
    poll_interval: float,
    deadline: float,
    seen: Callable[[Task], object] | None = None,
) -> None:
    """Until `task` finishes: wait `poll_interval`, read it again, show it to `seen`; the
    reads and the waits end by `deadline` (`timeout` seconds from the start)."""
    while not is_finished(task):
        if time.monotonic() + poll_interval > deadline:
            raise timed_out(task, timeout)
        time.sleep(poll_interval)
        refresh_before(task, deadline)
        if seen is not None:
            seen(task)


def _checked(
    client: BaseClient, timeout: float, poll_interval: float | None
) -> tuple[float, float]:
    """The call's timeout and poll interval, checked; no poll interval is the client's."""
    if poll_interval is None:
        return check_seconds("timeout", timeout), client.config.poll_interval
    return check_seconds("timeout", timeout), check_seconds("poll_interval", poll_interval)


def wait(task: Task, client: BaseClient, timeout: float, poll_interval: float | None) -> None:
    """Follow `task` in place until it finishes (sync): its events if it streams, else polls;
    nothing it waits for (a read, a retry, a stream) runs past `timeout`."""
    timeout, interval = _checked(client, timeout, poll_interval)
    deadline = time.monotonic() + timeout
    try:
        if task.events_streaming is True:
            from ._events import iterate_events  # noqa: PLC0415  (streaming loads on first use)

            for event in iterate_events(client, task, read_timeout=None, deadline=deadline):
                task.update_from(event)
        refresh_before(task, deadline)
        poll(task, timeout, interval, deadline)
    except ModuleException as exc:
        if time.monotonic() >= deadline and not isinstance(exc, TaskTimeoutError):
            raise timed_out(task, timeout) from exc
        raise


async def await_completion(
    task: Task, client: BaseClient, timeout: float, poll_interval: float | None
) -> None:
    """Follow `task` in place until it finishes: its events if it streams, else polls."""
    import asyncio  # noqa: PLC0415  (15 ms to import; only async code needs it)

    timeout, interval = _checked(client, timeout, poll_interval)
    try:
        async with asyncio.timeout(timeout):
            if task.events_streaming is True:
                from ._events import aiterate_events  # noqa: PLC0415  (streaming: first use)

                async for event in aiterate_events(client, task, read_timeout=None):
                    task.update_from(event)
            await arefresh(task)
            while not is_finished(task):
                await asyncio.sleep(interval)
                await arefresh(task)
    except TimeoutError:
        raise timed_out(task, timeout) from None
