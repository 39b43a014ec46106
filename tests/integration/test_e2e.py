"""The overlay against the real local server over loopback HTTP."""

from __future__ import annotations

import datetime

import httpx
import pytest
from support import LONG, TaskServerFactory, spec_checked, tasks_for

from xpander_tasks import (
    AgentExecutionStatus,
    AuthenticationError,
    BadRequestError,
    NotFoundError,
    PermissionDeniedError,
    StreamError,
    Task,
    TaskEventType,
    TaskTimeoutError,
    TaskUpdateEvent,
)
from xpander_tasks_server import UNKNOWN_EVENT_MARKER, UNKNOWN_EVENT_TYPE, LocalTaskServer

STALLED = 60.0  # a task server's step delay that keeps every task pending through a test


async def test_seed_example_async_and_sync(task_server: LocalTaskServer) -> None:
    async with tasks_for(task_server) as tasks:
        task = await tasks.acreate(
            agent_id="agent-123",
            prompt="Summarize the latest sales report",
            file_urls=["https://example.com/sales.csv"],
        )
        assert task.status is AgentExecutionStatus.Pending and task.status.value == "pending"
        assert task.input_.files == ["https://example.com/sales.csv"]
        sync_task = tasks.create(agent_id="agent-123", prompt="Hello!")
        assert sync_task.status.value == "pending" and sync_task.id != task.id
    assert task_server.counters.tasks_created == 2


def test_same_request_passes_both_spec_checks(task_server: LocalTaskServer) -> None:
    """The overlay's spec transport and the server's own validation accept the same request."""
    real = httpx.HTTPTransport()
    transport = spec_checked(real.handle_request)
    client = httpx.Client(transport=transport)
    with real, tasks_for(task_server, http_client=client) as tasks:
        task = tasks.create(
            agent_id="agent-123",
            prompt="p",
            mcp_servers=[{"name": "docs", "url": "https://mcp.example.com"}],
            principal={"kind": "user", "id": "u1"},
            attachments=[{"url": "https://example.com/a.pdf", "kind": "pdf"}],
            output_format="json",
            output_schema={"type": "object"},
            agent_version="4",
        )
    assert task.agent_version == "4"
    assert task.output_format is not None and task.output_format.value == "json"


def test_error_statuses(task_server: LocalTaskServer) -> None:
    with tasks_for(task_server) as tasks:
        with pytest.raises(NotFoundError) as not_found:
            tasks.create(agent_id="no-such-agent")
        request_id = not_found.value.request_id
        assert str(not_found.value) == f"[404] {not_found.value.description}"  # as the SDK's
        assert not_found.value.detail == "Agent not found"
        assert request_id is not None and request_id.startswith("req_")
        with pytest.raises(BadRequestError) as bad:
            tasks.create(agent_id="agent-123", output_schema={"type": 12})
        assert "output_schema" in bad.value.description
        with pytest.raises(NotFoundError):
            tasks.get("no-such-task")
    with tasks_for(task_server, api_key="wrong-key") as wrong, pytest.raises(PermissionDeniedError):
        wrong.create(agent_id="agent-123")

    class WithoutKey(httpx.HTTPTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            del request.headers["x-api-key"]
            return super().handle_request(request)

    keyless = tasks_for(task_server, http_client=httpx.Client(transport=WithoutKey()))
    with keyless, pytest.raises(AuthenticationError) as missing:
        keyless.create(agent_id="agent-123")
    assert missing.value.status_code == 401


async def test_existing_task_id_continues_a_task(task_server: LocalTaskServer) -> None:
    async with tasks_for(task_server) as tasks:
        first = await tasks.acreate(agent_id="agent-123", prompt="one")
        again = await tasks.acreate(agent_id="agent-123", existing_task_id=first.id, prompt="two")
        assert again.id == first.id
        with pytest.raises(NotFoundError):
            await tasks.acreate(agent_id="agent-123", existing_task_id="missing-task")
    assert task_server.counters.tasks_created == 1


async def test_reload_and_polling_wait(task_server: LocalTaskServer) -> None:
    async with tasks_for(task_server) as tasks:
        task = await tasks.acreate(agent_id="agent-123", prompt="poll me")
        assert (await tasks.aget(task.id)).id == task.id
        finished = await task.await_completion(timeout=LONG, poll_interval=0.02)
        assert finished is task and task.status is AgentExecutionStatus.Completed and task.result
        await task.areload()
        assert task.status is AgentExecutionStatus.Completed
        sync_task = tasks.create(agent_id="agent-123", prompt="sync")
        assert (
            sync_task.wait(timeout=LONG, poll_interval=0.02).status
            is AgentExecutionStatus.Completed
        )
        # A datetime, not just "not None": UNSET (left out of the answer) passes that too.
        assert isinstance(sync_task.reload().finished_at, datetime.datetime)


def expect_lifecycle(events: list[TaskUpdateEvent], task: Task) -> None:
    types = [event.type for event in events]
    assert types[0] == TaskEventType.Connected
    assert types[1] == TaskEventType.TaskCreated
    assert TaskEventType.TaskUpdated in types and TaskEventType.Chunk in types
    assert types[-1] == TaskEventType.TaskFinished
    # Contiguous, not merely increasing: ids [1, 2, 5] are sorted and unique yet lost two
    # events. A new task's events are numbered 1, 2, 3, ... and each carries its id, so the
    # ids must be exactly 1..n: the resume test then proves nothing was dropped or repeated.
    ids = [None if event.id is None else int(event.id) for event in events]
    assert ids == list(range(1, len(events) + 1)), f"events lost or repeated: ids {ids}"
    final = events[-1].data
    assert isinstance(final, Task) and final.status is AgentExecutionStatus.Completed
    # The chunks stream the result, piece by piece.
    chunks = [event.data for event in events if event.type == TaskEventType.Chunk]
    assert final.result and "".join(map(str, chunks)) == final.result
    assert all(event.task_id == task.id for event in events)


async def test_events_stream_in_order(task_server: LocalTaskServer) -> None:
    async with tasks_for(task_server) as tasks:
        task = await tasks.acreate(agent_id="agent-123", prompt="stream", events_streaming=True)
        events = [event async for event in task.aevents()]
        expect_lifecycle(events, task)
        sync_task = tasks.create(agent_id="agent-123", prompt="stream", events_streaming=True)
        expect_lifecycle(list(sync_task.events()), sync_task)
        streamed = await tasks.acreate(agent_id="agent-123", prompt="wait", events_streaming=True)
        assert (
            await streamed.await_completion(timeout=LONG)
        ).status is AgentExecutionStatus.Completed


async def test_a_dropped_stream_is_resumed(make_task_server: TaskServerFactory) -> None:
    dropping = make_task_server(drop_stream_after=3)
    async with tasks_for(dropping) as tasks:
        task = await tasks.acreate(agent_id="agent-123", prompt="drop", events_streaming=True)
        expect_lifecycle([event async for event in task.aevents()], task)


async def test_unknown_event_types_are_delivered(task_server: LocalTaskServer) -> None:
    async with tasks_for(task_server) as tasks:
        task = await tasks.acreate(
            agent_id="agent-123", prompt=f"x {UNKNOWN_EVENT_MARKER}", events_streaming=True
        )
        types = [event.type async for event in task.aevents()]
    assert UNKNOWN_EVENT_TYPE in types
    assert not isinstance(types[types.index(UNKNOWN_EVENT_TYPE)], TaskEventType)


async def test_events_need_streaming_and_waits_time_out(
    task_server: LocalTaskServer, make_task_server: TaskServerFactory
) -> None:
    async with tasks_for(task_server) as tasks:
        plain = await tasks.acreate(agent_id="agent-123", prompt="no stream")
        with pytest.raises(StreamError, match="events_streaming=True"):
            [event async for event in plain.aevents()]
    # Tasks that stay pending far longer than the test: each wait can only end by its timeout.
    async with tasks_for(make_task_server(step_delay=STALLED)) as tasks:
        task = await tasks.acreate(agent_id="agent-123", prompt="slow")
        with pytest.raises(TaskTimeoutError, match=r"within 0.2 s; last status seen: pending"):
            await task.await_completion(timeout=0.2, poll_interval=0.05)
        streaming = await tasks.acreate(agent_id="agent-123", prompt="slow", events_streaming=True)
        with pytest.raises(TaskTimeoutError):
            await streaming.await_completion(timeout=0.2)
        with pytest.raises(TaskTimeoutError, match="last status seen: pending"):
            tasks.create(agent_id="agent-123").wait(timeout=0.2, poll_interval=0.05)
