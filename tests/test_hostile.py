"""A hostile server against the README's promises: answers that are compressed although not
asked to be, labelled as event streams, nested without end; event streams that never end an
event, stay silent, ping forever, talk about another task, or drop after every event."""

from __future__ import annotations

import asyncio
import gzip
import json
import time
from collections.abc import Iterator

import pytest
from faultserver import Behaviour, Connection, FaultServer, Mode, Received, reply, task_ok

from xpander_tasks import (
    InternalServerError,
    InvalidResponseError,
    StreamError,
    Task,
    Tasks,
    TaskTimeoutError,
)

KEY = "hostile-test-key"
TASK_ID = "task-followed"
# Every bound below is far above what the client should take and far below what the failure
# it guards against took (minutes, or forever).
PROMPTLY = 30.0
STREAM_HEAD = b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\n"


@pytest.fixture
def hostile() -> Iterator[FaultServer]:
    with FaultServer() as server:
        yield server


def _failure(server: FaultServer, mode: Mode, operation: str) -> tuple[Exception, float]:
    """The error a create or a get ends in, and how long it took to come."""
    options = {"base_url": server.url, "max_retries": 0, "total_timeout": 60.0}

    def sync_call() -> None:
        with Tasks(KEY, **options) as tasks:
            tasks.create(agent_id="agent-1") if operation == "create" else tasks.get("task-1")

    async def async_call() -> None:
        async with Tasks(KEY, **options) as tasks:
            await (tasks.acreate(agent_id="agent-1") if operation == "create" else tasks.aget("t"))

    started = time.monotonic()
    with pytest.raises(Exception) as caught:
        asyncio.run(async_call()) if mode == "async" else sync_call()
    return caught.value, time.monotonic() - started


# Whole answers.


@pytest.mark.parametrize("operation", ["create", "get"])
def test_a_compressed_answer_not_asked_for_is_refused_unread(
    hostile: FaultServer, mode: Mode, operation: str
) -> None:
    bomb = gzip.compress(b"[" + b" " * (64 * 1024 * 1024) + b"]", compresslevel=1)
    assert len(bomb) < 1024 * 1024  # small on the wire, 64 MiB decoded
    hostile.script(reply(200, bomb, headers={"content-encoding": "gzip"}))
    error, _ = _failure(hostile, mode, operation)
    assert isinstance(error, InvalidResponseError)
    assert "'gzip'-encoded, which was not asked for" in str(error)
    assert hostile.requests[0].headers["accept-encoding"] == "identity"


def test_a_compressed_error_body_is_refused_too(hostile: FaultServer, mode: Mode) -> None:
    body = gzip.compress(json.dumps({"detail": "x" * 1000}).encode())
    hostile.script(reply(500, body, headers={"content-encoding": "gzip"}))
    error, _ = _failure(hostile, mode, "get")
    assert isinstance(error, InvalidResponseError)
    assert "not asked for" in str(error)


@pytest.mark.parametrize("operation", ["create", "get"])
def test_an_answer_labelled_as_an_event_stream_is_checked_as_json(
    hostile: FaultServer, mode: Mode, operation: str
) -> None:
    def endless_stream(conn: Connection, request: Received) -> bool:
        conn.send(STREAM_HEAD + b"\r\n")
        while True:
            conn.send(b"data: " + b"x" * 65536 + b"\n\n")
            conn.sleep(0.01)

    hostile.script(endless_stream)
    error, elapsed = _failure(hostile, mode, operation)
    assert isinstance(error, InvalidResponseError)
    assert "is 'text/event-stream', not JSON" in str(error)
    assert elapsed < PROMPTLY


def _nested(depth: int) -> bytes:
    return b"[" * depth + b"]" * depth


def test_an_answer_nested_without_end_is_an_invalid_response(
    hostile: FaultServer, mode: Mode
) -> None:
    hostile.script(reply(200, _nested(100_000)))
    error, _ = _failure(hostile, mode, "get")
    assert isinstance(error, InvalidResponseError)
    assert "nested too deeply" in str(error)


def test_an_error_body_nested_without_end_is_still_the_status_error(
    hostile: FaultServer, mode: Mode
) -> None:
    hostile.script(reply(500, _nested(100_000)))
    error, _ = _failure(hostile, mode, "get")
    assert isinstance(error, InternalServerError)
    assert error.status_code == 500


# Event streams.


def _stream(*events: bytes, then_close: bool = True, pings: float | None = None) -> Behaviour:
    """An event stream that sends `events`, then closes (or pings every `pings` seconds)."""

    def behave(conn: Connection, request: Received) -> bool:
        conn.send(
            b"HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\nconnection: close\r\n\r\n"
        )
        for event in events:
            conn.send(event)
        while pings is not None:
            conn.sleep(pings)
            conn.send(b": ping\n\n")
        if not then_close:
            conn.sleep(3600)
        return False

    return behave


def _event(kind: str, event_id: int, task_id: str = TASK_ID, data: object = None) -> bytes:
    payload = {"type": kind, "task_id": task_id, "organization_id": "org-test", "data": data}
    return f"id: {event_id}\ndata: {json.dumps(payload)}\n\n".encode()


def _task_data(task_id: str, status: str) -> dict[str, object]:
    return {
        "id": task_id,
        "agent_id": "agent-1",
        "organization_id": "org-test",
        "input": {"text": "", "files": []},
        "created_at": "2026-01-01T00:00:00Z",
        "status": status,
        "events_streaming": True,
    }


def _streaming_task(server: FaultServer, tasks: Tasks) -> Task:
    server.script(task_ok(id=TASK_ID, events_streaming=True))
    return tasks.get(TASK_ID)


def test_an_event_that_never_ends_is_cut_at_the_size_cap(hostile: FaultServer) -> None:
    endless = b"data: " + b"x" * (11 * 1024 * 1024)  # no newline, ever
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        hostile.script(_stream(endless, then_close=False))
        with pytest.raises(InvalidResponseError, match=r"an event of the answer .* is too large"):
            list(task.events())


async def test_an_event_that_never_ends_is_cut_at_the_size_cap_async(
    hostile: FaultServer,
) -> None:
    endless = b"data: " + b"x" * (11 * 1024 * 1024)
    async with Tasks(KEY, base_url=hostile.url) as tasks:
        task = await asyncio.to_thread(_streaming_task, hostile, tasks)
        hostile.script(_stream(endless, then_close=False))
        with pytest.raises(InvalidResponseError, match="too large"):
            async for _ in task.aevents():
                pass


def test_many_events_that_together_pass_the_cap_are_fine(hostile: FaultServer) -> None:
    chunk = "x" * (1024 * 1024)
    events = [_event("chunk", n, data=chunk) for n in range(1, 13)]  # 12 MiB in all
    events.append(_event("task_finished", 13, data=_task_data(TASK_ID, "completed")))
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        hostile.script(_stream(*events))
        assert [event.id for event in task.events()] == [str(n) for n in range(1, 14)]


def test_a_silent_stream_fails_by_the_clients_read_timeout(hostile: FaultServer) -> None:
    hostile.default = _stream(then_close=False)
    started = time.monotonic()
    with Tasks(KEY, base_url=hostile.url, timeout=0.5) as tasks:
        hostile.script(task_ok(id=TASK_ID, events_streaming=True))
        task = tasks.get(TASK_ID)
        with pytest.raises(StreamError, match="broke 4 times"):
            list(task.events())
    assert time.monotonic() - started < PROMPTLY


def test_a_sync_wait_on_a_stream_of_pings_ends_at_its_timeout(hostile: FaultServer) -> None:
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        hostile.default = _stream(pings=0.05)
        started = time.monotonic()
        with pytest.raises(TaskTimeoutError, match="within 1 s"):
            task.wait(timeout=1)
        assert time.monotonic() - started < PROMPTLY


def test_an_event_about_another_task_does_not_rewrite_the_followed_one(
    hostile: FaultServer, mode: Mode
) -> None:
    events = (
        _event("task_updated", 1, task_id="intruder", data=_task_data("intruder", "failed")),
        _event("task_finished", 2, data=_task_data(TASK_ID, "completed")),
    )
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        hostile.script(_stream(*events))
        hostile.default = task_ok(id=TASK_ID, status="completed")  # the read after the stream
        if mode == "async":

            async def follow() -> None:
                await task.await_completion(timeout=PROMPTLY)
                await tasks.aclose()

            asyncio.run(follow())
        else:
            task.wait(timeout=PROMPTLY)
    assert (task.id, task.status.value if task.status else None) == (TASK_ID, "completed")


def test_a_stream_that_drops_after_every_new_event_is_followed_to_the_end(
    hostile: FaultServer,
) -> None:
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        for n in range(1, 8):  # each connection makes progress, then ends
            hostile.script(_stream(_event("chunk", n, data=str(n))))
        hostile.script(_stream(_event("task_finished", 8, data=_task_data(TASK_ID, "completed"))))
        seen = [event.id for event in task.events()]
    assert seen == [str(n) for n in range(1, 9)]
    resumed_from = [request.headers.get("last-event-id") for request in hostile.requests[1:]]
    assert resumed_from == [None, *(str(n) for n in range(1, 8))]


def test_an_event_nested_without_end_is_a_stream_error(hostile: FaultServer) -> None:
    nested = b"id: 1\ndata: " + _nested(100_000) + b"\n\n"
    with Tasks(KEY, base_url=hostile.url) as tasks:
        task = _streaming_task(hostile, tasks)
        hostile.script(_stream(nested))
        with pytest.raises(StreamError, match="nested too deeply"):
            list(task.events())
