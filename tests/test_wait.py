"""A sync wait is bounded by its timeout even when the event stream stalls."""

from __future__ import annotations

import time

import pytest

from xpander_tasks import Tasks, TaskTimeoutError
from xpander_tasks_server import LocalTaskServer


def test_a_sync_wait_on_a_stalled_stream_times_out_on_time() -> None:
    with (
        LocalTaskServer(step_delay=30) as server,
        Tasks(server.api_key, base_url=server.url) as tasks,
    ):
        task = tasks.create(agent_id="agent-123", events_streaming=True)
        started = time.monotonic()
        with pytest.raises(TaskTimeoutError, match=r"within 0\.5 s; last status seen: pending"):
            task.wait(timeout=0.5)
        assert 0.5 <= time.monotonic() - started < 1.5
        tasks.close()
