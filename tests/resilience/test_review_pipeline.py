"""Hostile review of the request pipeline: what a call's total timeout counts."""

from __future__ import annotations

import threading
import time

from faultserver import FaultServer, slow, task_ok
from support import API_KEY, FAST, LONG, WATCHDOG

from xpander_tasks import Task, Tasks


def test_the_wait_for_a_request_slot_is_not_the_answers_time() -> None:
    """A sync call queued behind others (`max_concurrency`) gets its whole total timeout for
    its own exchange, as an async call does: the server has acted on what it was sent, and a
    timeout then would report a create as maybe made (and invite a duplicate)."""
    held = FAST + 3  # the first call holds the only slot longer than the second call's bound
    with FaultServer() as server:
        server.start()
        server.script(slow(held), task_ok())
        tasks = Tasks(
            api_key=API_KEY, base_url=server.url, max_concurrency=1, max_retries=0, timeout=LONG
        )
        first: list[Task] = []
        holder = threading.Thread(
            target=lambda: first.append(tasks.get("task-1", total_timeout=WATCHDOG))
        )
        holder.start()
        deadline = time.monotonic() + WATCHDOG
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.requests, "the first call did not reach the server"
        queued = tasks.get("task-2", total_timeout=FAST)  # sent once the first one is done
        holder.join(WATCHDOG)
        tasks.close()
    assert queued.id and len(first) == 1
