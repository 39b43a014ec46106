"""A sync wait is bounded by its timeout even when the event stream stalls."""

from __future__ import annotations

import time

import pytest
from support import MARGIN, TaskServerFactory, tasks_for

from xpander_tasks import TaskTimeoutError

STALLED = 60.0  # the stream sends nothing for this long: far longer than the wait's bound


def test_a_sync_wait_on_a_stalled_stream_times_out_on_time(
    make_task_server: TaskServerFactory,
) -> None:
    with tasks_for(make_task_server(step_delay=STALLED)) as tasks:
        task = tasks.create(agent_id="agent-123", events_streaming=True)
        started = time.monotonic()
        with pytest.raises(TaskTimeoutError, match=r"within 0\.5 s; last status seen: pending"):
            task.wait(timeout=0.5)
        assert 0.5 <= time.monotonic() - started < 0.5 + MARGIN  # not the stall's minute
