"""Faults: a loopback server that misbehaves on purpose, for `create` and `acreate`.

Every fault ends in a `ModuleException` subclass whose message says what happened, within the
timeout; nothing hangs (each call runs under a watchdog); the failed connection is not kept;
and the same `Tasks` makes a good request right after. Cancelling an `acreate` leaves the
client usable, and 200 concurrent creates on one `Tasks` all succeed.
"""

from __future__ import annotations

import asyncio
import functools
import json
import time
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from faultserver import (
    Behaviour,
    FaultServer,
    Mode,
    blackhole_port,
    close_before_answer,
    drip,
    hang,
    huge,
    reply,
    reset_before_answer,
    reset_mid_body,
    slow,
    status,
    task_ok,
)

from xpander_tasks import (
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    ModuleException,
    Task,
    Tasks,
)
from xpander_tasks._config import MAX_RESPONSE_BYTES
from xpander_tasks._retry import RetryPolicy
from xpander_tasks_server import LocalTaskServer

KEY = "sk-faults-test-key"
READ_TIMEOUT = 0.25
TOTAL_TIMEOUT = 0.5
WATCHDOG = 10.0  # a call still running after this long has hung
MAY_HAVE_RUN = "the task may have been created"

HTML_502 = (
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
    "</h1></center><hr><center>nginx</center></body></html>"
)


def client(url: str, **options: Any) -> Tasks:
    options.setdefault("timeout", httpx.Timeout(READ_TIMEOUT, connect=0.2))
    options.setdefault("total_timeout", TOTAL_TIMEOUT)
    options.setdefault("max_retries", 0)
    return Tasks(api_key=KEY, base_url=url, **options)


@pytest.fixture
async def tasks(server: FaultServer) -> AsyncIterator[Tasks]:
    async with client(server.url) as tasks:
        yield tasks


async def create(tasks: Tasks, mode: Mode) -> Task:
    """A create under a watchdog: sync in a worker thread, so a hang fails the test."""
    if mode == "sync":
        call = asyncio.to_thread(tasks.create, "agent-1", prompt="hello")
        return await asyncio.wait_for(call, WATCHDOG)
    return await asyncio.wait_for(tasks.acreate("agent-1", prompt="hello"), WATCHDOG)


async def timed_failure(tasks: Tasks, mode: Mode) -> tuple[ModuleException, float]:
    started = time.monotonic()
    with pytest.raises(ModuleException) as caught:
        await create(tasks, mode)
    return caught.value, time.monotonic() - started


INSTANT = (0.0, READ_TIMEOUT)  # failed at once: no timeout was waited for
PAST_READ_TIMEOUT = (READ_TIMEOUT, READ_TIMEOUT + 0.5)
PAST_TOTAL_TIMEOUT = (TOTAL_TIMEOUT, TOTAL_TIMEOUT + READ_TIMEOUT + 0.3)

# name: (behaviour, error class, words the message must hold, elapsed bounds)
FAULTS: dict[str, tuple[Behaviour, type[ModuleException], list[str], tuple[float, float]]] = {
    "closed-before-answer": (
        close_before_answer(),
        APIConnectionError,
        ["closed the connection without a complete answer", MAY_HAVE_RUN],
        INSTANT,
    ),
    "reset-before-answer": (
        reset_before_answer(),
        APIConnectionError,
        ["broke while reading", "Connection reset", MAY_HAVE_RUN],
        INSTANT,
    ),
    "reset-mid-body": (
        reset_mid_body(),
        APIConnectionError,
        ["broke while reading", "Connection reset", MAY_HAVE_RUN],
        INSTANT,
    ),
    "slow-past-the-read-timeout": (
        slow(30),
        APITimeoutError,
        ["timed out waiting for 127.0.0.1", "to answer", MAY_HAVE_RUN],
        PAST_READ_TIMEOUT,
    ),
    "body-drips-past-the-total-timeout": (
        drip(0.05),
        APITimeoutError,
        [f"no complete answer within {TOTAL_TIMEOUT:g} s", MAY_HAVE_RUN],
        PAST_TOTAL_TIMEOUT,
    ),
    "200-invalid-json": (
        reply(200, '{"id": "t-1", "agent_id": '),
        InvalidResponseError,
        ["create task", "not JSON", MAY_HAVE_RUN],
        INSTANT,
    ),
    "200-empty-body": (reply(200, ""), InvalidResponseError, ["not JSON"], INSTANT),
    "200-json-missing-required-fields": (
        reply(200, json.dumps({"id": "t-1", "status": "pending"})),
        InvalidResponseError,
        ["not a valid task", "'agent_id' is missing", MAY_HAVE_RUN],
        INSTANT,
    ),
    "200-json-not-an-object": (
        reply(200, "[1, 2, 3]"),
        InvalidResponseError,
        ["not a valid task"],
        INSTANT,
    ),
    "502-html-error-page": (
        reply(502, HTML_502, content_type="text/html"),
        InternalServerError,
        ["[502]", "502 Bad Gateway", MAY_HAVE_RUN],
        INSTANT,
    ),
    "200-huge-body-declared": (
        huge(3 * MAX_RESPONSE_BYTES),
        InvalidResponseError,
        ["too large", f"{3 * MAX_RESPONSE_BYTES} bytes", MAY_HAVE_RUN],
        INSTANT,
    ),
    "200-huge-body-chunked": (
        huge(3 * MAX_RESPONSE_BYTES, declared=False),
        InvalidResponseError,
        ["too large", f"over {MAX_RESPONSE_BYTES} bytes", MAY_HAVE_RUN],
        INSTANT,
    ),
    "502-huge-body-chunked": (
        huge(3 * MAX_RESPONSE_BYTES, declared=False, code=502),
        InvalidResponseError,
        ["HTTP 502", "too large"],
        INSTANT,
    ),
    "200-html-content-type": (
        reply(200, "<html><body>Welcome to nginx!</body></html>", content_type="text/html"),
        InvalidResponseError,
        ["'text/html', not JSON", MAY_HAVE_RUN],
        INSTANT,
    ),
    "200-task-as-text-plain": (
        task_ok(content_type="text/plain"),
        InvalidResponseError,
        ["'text/plain', not JSON"],
        INSTANT,
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_a_fault_ends_in_a_clear_error_in_time_and_the_client_stays_usable(
    mode: Mode, server: FaultServer, tasks: Tasks, fault: str
) -> None:
    behaviour, error_class, words, (low, high) = FAULTS[fault]
    server.script(behaviour)
    error, elapsed = await timed_failure(tasks, mode)
    assert isinstance(error, error_class), repr(error)
    for word in words:
        assert word in str(error)
    assert low <= elapsed < high, elapsed
    assert server.creates == 1
    # The same client makes a good request; a broken connection was dropped, not kept.
    task = await create(tasks, mode)
    assert task.agent_id == "agent-1"
    assert server.creates == 2
    assert server.settled_connections(at_most=1) == 1  # the good one, kept alive


async def test_a_connection_refused_fails_at_once_and_the_client_recovers(mode: Mode) -> None:
    down = FaultServer()  # bound, not listening
    try:
        async with client(down.url) as tasks:
            error, elapsed = await timed_failure(tasks, mode)
            assert isinstance(error, APIConnectionError)
            assert f"could not connect to 127.0.0.1:{down.port}" in str(error)
            assert "Connection refused" in str(error)
            assert MAY_HAVE_RUN not in str(error)
            assert elapsed < READ_TIMEOUT
            down.start()
            assert (await create(tasks, mode)).id
        assert down.creates == 1
    finally:
        down.stop()


async def test_a_task_without_a_content_type_is_still_read(
    mode: Mode, server: FaultServer, tasks: Tasks
) -> None:
    server.script(task_ok(content_type=None))
    assert (await create(tasks, mode)).status is not None


async def test_a_body_just_under_the_size_cap_is_read(
    mode: Mode, server: FaultServer, tasks: Tasks
) -> None:
    padding = "x" * (MAX_RESPONSE_BYTES - 4096)
    server.script(task_ok(result=padding))
    task = await create(tasks, mode)
    assert task.result == padding


async def test_the_async_total_timeout_also_covers_dripped_headers(
    server: FaultServer, tasks: Tasks
) -> None:
    # Sync calls check the total timeout only once the headers are in (see the report).
    server.script(drip(0.05, in_headers=True))
    error, elapsed = await timed_failure(tasks, "async")
    assert isinstance(error, APITimeoutError)
    assert PAST_TOTAL_TIMEOUT[0] <= elapsed < PAST_TOTAL_TIMEOUT[1]
    assert (await create(tasks, "async")).id


async def test_a_get_past_the_total_timeout_is_retried_then_fails(mode: Mode) -> None:
    with FaultServer(default=drip(0.05)) as server:
        async with client(server.url, total_timeout=0.2, max_retries=1) as tasks:
            tasks._retry = RetryPolicy(initial_delay=0.01)
            started = time.monotonic()
            with pytest.raises(APITimeoutError) as caught:
                if mode == "sync":
                    await asyncio.wait_for(asyncio.to_thread(tasks.get, "task-1"), WATCHDOG)
                else:
                    await asyncio.wait_for(tasks.aget("task-1"), WATCHDOG)
            elapsed = time.monotonic() - started
    assert "get task: no complete answer within 0.2 s" in str(caught.value)
    assert len(server.requests) == 2
    assert 0.4 <= elapsed < 1.2


# Cancellation.


@pytest.mark.parametrize("behaviour", [hang(), drip(0.05)], ids=["no-answer", "mid-body"])
async def test_cancelling_an_acreate_leaves_the_client_usable(
    server: FaultServer, behaviour: Behaviour
) -> None:
    server.script(behaviour)
    async with client(server.url, timeout=5.0, total_timeout=None) as tasks:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.15):
                await tasks.acreate("agent-1")
        # The cancelled request's connection was dropped, not returned to the pool.
        assert server.settled_connections(at_most=0) == 0
        task = await tasks.acreate("agent-1")
        assert task.id
        assert server.creates == 2


async def test_cancelling_a_task_running_acreate(server: FaultServer) -> None:
    server.script(hang())
    async with client(server.url, timeout=5.0) as tasks:
        running = asyncio.create_task(tasks.acreate("agent-1"))
        await asyncio.sleep(0.1)
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running
        assert (await tasks.acreate("agent-1")).id
    assert server.creates == 2


async def test_cancelling_while_connecting() -> None:
    with blackhole_port() as port:
        async with client(f"http://127.0.0.1:{port}", timeout=5.0) as tasks:
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.1):
                    await tasks.acreate("agent-1")


# Concurrency.


async def test_200_concurrent_acreates_on_one_client(task_server: LocalTaskServer) -> None:
    """One `Tasks`, one pool, 200 creates at once against the local task server."""
    tasks = Tasks(api_key=task_server.api_key, base_url=task_server.url, timeout=10.0)
    async with tasks:
        created = await asyncio.wait_for(
            asyncio.gather(*(tasks.acreate("agent-123", prompt=f"job {n}") for n in range(200))),
            WATCHDOG * 3,
        )
    assert len({task.id for task in created}) == 200
    assert sorted(str(task.input_.text) for task in created) == sorted(
        f"job {n}" for n in range(200)
    )
    assert task_server.counters.create_requests == 200
    assert task_server.counters.tasks_created == 200


# The same misbehaviour, status by status, never leaves a connection in the pool.


@pytest.mark.parametrize("code", [400, 404, 429, 500, 503])
async def test_error_answers_keep_the_connection_usable(
    mode: Mode, server: FaultServer, tasks: Tasks, code: int
) -> None:
    server.script(status(code))
    with pytest.raises(ModuleException):
        await create(tasks, mode)
    assert (await create(tasks, mode)).id
    assert server.connections == 1  # a complete error answer leaves the connection reusable


async def test_a_per_call_total_timeout_overrides_the_clients(mode: Mode) -> None:
    with FaultServer(default=drip(0.05)) as server:
        async with client(server.url, total_timeout=30.0) as tasks:
            started = time.monotonic()
            with pytest.raises(APITimeoutError) as caught:
                if mode == "sync":
                    call = functools.partial(tasks.create, "agent-1", total_timeout=0.3)
                    await asyncio.wait_for(asyncio.to_thread(call), WATCHDOG)
                else:
                    await asyncio.wait_for(tasks.acreate("agent-1", total_timeout=0.3), WATCHDOG)
            elapsed = time.monotonic() - started
    assert "create task: no complete answer within 0.3 s" in str(caught.value)
    assert 0.3 <= elapsed < 1.0
