"""Faults: a loopback server that misbehaves on purpose, for `create` and `acreate`.

Every fault ends in a `ModuleException` subclass whose message says what happened, within the
timeout; nothing hangs (each call runs under a watchdog); the failed connection is not kept;
and the same `Tasks` makes a good request right after. Cancelling an `acreate` leaves the
client usable, and 200 concurrent creates on one `Tasks` all succeed.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

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
    status,
    task_ok,
)
from support import (
    FAST,
    LONG,
    MARGIN,
    MAY_HAVE_RUN,
    WATCHDOG,
    create_in,
    expire_when,
    get_in,
    tasks_for,
    until,
)

from xpander_tasks import (
    AgentExecutionStatus,
    APIConnectionError,
    APITimeoutError,
    InternalServerError,
    InvalidResponseError,
    ModuleException,
    Tasks,
)
from xpander_tasks._config import MAX_RESPONSE_BYTES
from xpander_tasks._retry import RetryPolicy
from xpander_tasks_server import LocalTaskServer

KEY = "sk-faults-test-key"
READ_TIMEOUT = 0.25  # what the read-timeout fault waits for, per call
TOTAL_TIMEOUT = 0.5  # what the total-timeout faults wait for, per call

HTML_502 = (
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
    "</h1></center><hr><center>nginx</center></body></html>"
)


def client(url: str, **options: Any) -> Tasks:
    """A client without retries whose timeouts are all `LONG`: a test that wants one to fire
    sets a short one on its call."""
    options.setdefault("timeout", LONG)
    options.setdefault("total_timeout", LONG)
    options.setdefault("max_retries", 0)
    return Tasks(api_key=KEY, base_url=url, **options)


@pytest.fixture
async def tasks(fault_server: FaultServer) -> AsyncIterator[Tasks]:
    async with client(fault_server.url) as tasks:
        yield tasks


async def timed_failure(tasks: Tasks, mode: Mode, **options: Any) -> tuple[ModuleException, float]:
    started = time.monotonic()
    with pytest.raises(ModuleException) as caught:
        await create_in(mode, tasks, **options)
    return caught.value, time.monotonic() - started


INSTANT = (0.0, FAST)  # failed at once: none of the `LONG` timeouts was waited for
PAST_READ_TIMEOUT = (READ_TIMEOUT, READ_TIMEOUT + MARGIN)
PAST_TOTAL_TIMEOUT = (TOTAL_TIMEOUT, TOTAL_TIMEOUT + MARGIN)
SHORT_READ = {"timeout": READ_TIMEOUT}
SHORT_TOTAL = {"total_timeout": TOTAL_TIMEOUT}

# name: (behaviour, error class, words the message must hold, elapsed bounds, call options)
FAULTS: dict[
    str,
    tuple[Behaviour, type[ModuleException], list[str], tuple[float, float], dict[str, float]],
] = {
    "closed-before-answer": (
        close_before_answer(),
        APIConnectionError,
        ["closed the connection without a complete answer", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "reset-before-answer": (
        reset_before_answer(),
        APIConnectionError,
        ["broke while reading", "Connection reset", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "reset-mid-body": (
        reset_mid_body(),
        APIConnectionError,
        ["broke while reading", "Connection reset", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "slow-past-the-read-timeout": (
        hang(),
        APITimeoutError,
        ["timed out waiting for 127.0.0.1", "to answer", MAY_HAVE_RUN],
        PAST_READ_TIMEOUT,
        SHORT_READ,
    ),
    "body-drips-past-the-total-timeout": (
        drip(0.05),
        APITimeoutError,
        [f"no complete answer within {TOTAL_TIMEOUT:g} s", MAY_HAVE_RUN],
        PAST_TOTAL_TIMEOUT,
        SHORT_TOTAL,
    ),
    "200-invalid-json": (
        reply(200, '{"id": "t-1", "agent_id": '),
        InvalidResponseError,
        ["create task", "not JSON", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "200-empty-body": (reply(200, ""), InvalidResponseError, ["not JSON"], INSTANT, {}),
    "200-json-missing-required-fields": (
        reply(200, json.dumps({"id": "t-1", "status": "pending"})),
        InvalidResponseError,
        ["not a valid task", "'agent_id' is missing", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "200-json-not-an-object": (
        reply(200, "[1, 2, 3]"),
        InvalidResponseError,
        ["not a valid task"],
        INSTANT,
        {},
    ),
    "502-html-error-page": (
        reply(502, HTML_502, content_type="text/html"),
        InternalServerError,
        ["[502]", "502 Bad Gateway", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "200-huge-body-declared": (
        huge(3 * MAX_RESPONSE_BYTES),
        InvalidResponseError,
        ["too large", f"{3 * MAX_RESPONSE_BYTES} bytes", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "200-huge-body-chunked": (
        huge(3 * MAX_RESPONSE_BYTES, declared=False),
        InvalidResponseError,
        ["too large", f"over {MAX_RESPONSE_BYTES} bytes", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "502-huge-body-chunked": (
        huge(3 * MAX_RESPONSE_BYTES, declared=False, code=502),
        InvalidResponseError,
        ["HTTP 502", "too large"],
        INSTANT,
        {},
    ),
    "200-html-content-type": (
        reply(200, "<html><body>Welcome to nginx!</body></html>", content_type="text/html"),
        InvalidResponseError,
        ["'text/html', not JSON", MAY_HAVE_RUN],
        INSTANT,
        {},
    ),
    "200-task-as-text-plain": (
        task_ok(content_type="text/plain"),
        InvalidResponseError,
        ["'text/plain', not JSON"],
        INSTANT,
        {},
    ),
}


@pytest.mark.parametrize("fault", list(FAULTS))
async def test_a_fault_ends_in_a_clear_error_in_time_and_the_client_stays_usable(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, fault: str
) -> None:
    behaviour, error_class, words, (low, high), call_options = FAULTS[fault]
    fault_server.script(behaviour)
    error, elapsed = await timed_failure(tasks, mode, **call_options)
    assert isinstance(error, error_class), repr(error)
    for word in words:  # an answered error's hint is an attribute; str() is the SDK's
        assert word in str(error) or word in (error.hint or ""), word
    assert low <= elapsed < high, elapsed
    assert fault_server.creates == 1
    # The same client makes a good request; a broken connection was dropped, not kept.
    task = await create_in(mode, tasks)
    assert task.agent_id == "agent-1"
    assert fault_server.creates == 2
    assert fault_server.settled_connections(at_most=1) == 1  # the good one, kept alive


async def test_a_connection_refused_fails_at_once_and_the_client_recovers(mode: Mode) -> None:
    down = FaultServer()  # bound, not listening
    try:
        async with client(down.url) as tasks:
            error, elapsed = await timed_failure(tasks, mode)
            assert isinstance(error, APIConnectionError)
            assert f"could not connect to 127.0.0.1:{down.port}" in str(error)
            assert "Connection refused" in str(error)
            assert MAY_HAVE_RUN not in str(error)
            assert elapsed < FAST  # not the `LONG` connect timeout
            down.start()
            assert (await create_in(mode, tasks)).id
        assert down.creates == 1
    finally:
        down.stop()


async def test_a_task_without_a_content_type_is_still_read(
    mode: Mode, fault_server: FaultServer, tasks: Tasks
) -> None:
    fault_server.script(task_ok(content_type=None))
    assert (await create_in(mode, tasks)).status is AgentExecutionStatus.Pending


async def test_a_body_just_under_the_size_cap_is_read(
    mode: Mode, fault_server: FaultServer, tasks: Tasks
) -> None:
    padding = "x" * (MAX_RESPONSE_BYTES - 4096)
    fault_server.script(task_ok(result=padding))
    task = await create_in(mode, tasks)
    assert task.result == padding


async def test_the_async_total_timeout_also_covers_dripped_headers(
    fault_server: FaultServer, tasks: Tasks
) -> None:
    # Sync calls check the total timeout only once the headers are in (see the report).
    fault_server.script(drip(0.05, in_headers=True))
    error, elapsed = await timed_failure(tasks, "async", **SHORT_TOTAL)
    assert isinstance(error, APITimeoutError)
    assert PAST_TOTAL_TIMEOUT[0] <= elapsed < PAST_TOTAL_TIMEOUT[1]
    assert (await create_in("async", tasks)).id


async def test_a_get_past_the_total_timeout_is_retried_then_fails(mode: Mode) -> None:
    with FaultServer(default=drip(0.05)) as fault_server:
        async with client(fault_server.url, total_timeout=0.2, max_retries=1) as tasks:
            tasks._retry = RetryPolicy(initial_delay=0.01)
            started = time.monotonic()
            with pytest.raises(APITimeoutError) as caught:
                await get_in(mode, tasks)
            elapsed = time.monotonic() - started
    assert "get task: no complete answer within 0.2 s" in str(caught.value)
    assert len(fault_server.requests) == 2
    assert 0.4 <= elapsed < 0.4 + MARGIN  # two attempts of 0.2 s, far from the `LONG` timeouts


# Cancellation comes once the server has the request (or has begun the answer), so it lands
# while the client waits, however slowly a busy machine got there.


async def received(fault_server: FaultServer) -> None:
    await until(lambda: fault_server.creates == 1, "the server to receive the create")


async def answer_begun(fault_server: FaultServer) -> None:
    await received(fault_server)
    await until(lambda: fault_server.bytes_sent > 0, "the answer's head")
    head = fault_server.bytes_sent
    await until(lambda: fault_server.bytes_sent > head, "the answer's body to begin")


@pytest.mark.parametrize(
    ("behaviour", "ready"),
    [(hang(), received), (drip(0.05), answer_begun)],
    ids=["no-answer", "mid-body"],
)
async def test_cancelling_an_acreate_leaves_the_client_usable(
    fault_server: FaultServer,
    behaviour: Behaviour,
    ready: Callable[[FaultServer], Awaitable[None]],
) -> None:
    fault_server.script(behaviour)
    async with client(fault_server.url, total_timeout=None) as tasks:
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(None) as scope:
                expiry = asyncio.create_task(expire_when(scope, ready(fault_server)))
                await tasks.acreate("agent-1")
        await expiry
        # The cancelled request's connection was dropped, not returned to the pool.
        assert fault_server.settled_connections(at_most=0) == 0
        task = await tasks.acreate("agent-1")
        assert task.agent_id == "agent-1"
        assert fault_server.creates == 2


async def test_cancelling_a_task_running_acreate(fault_server: FaultServer) -> None:
    fault_server.script(hang())
    async with client(fault_server.url) as tasks:
        running = asyncio.create_task(tasks.acreate("agent-1"))
        await received(fault_server)
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running
        assert (await tasks.acreate("agent-1")).id
    assert fault_server.creates == 2


async def test_cancelling_while_connecting() -> None:
    with blackhole_port() as port:
        async with client(f"http://127.0.0.1:{port}") as tasks:
            # Connecting never completes: only the cancel, long before the `LONG` connect
            # timeout, can end the call, and it ends it with asyncio's TimeoutError.
            with pytest.raises(TimeoutError):
                async with asyncio.timeout(0.1):
                    await tasks.acreate("agent-1")


# Concurrency.


async def test_200_concurrent_acreates_on_one_client(task_server: LocalTaskServer) -> None:
    """One `Tasks`, one pool, 200 creates at once against the local task server."""
    async with tasks_for(task_server, timeout=LONG) as tasks:
        created = await asyncio.wait_for(
            asyncio.gather(*(tasks.acreate("agent-123", prompt=f"job {n}") for n in range(200))),
            WATCHDOG,
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
    mode: Mode, fault_server: FaultServer, tasks: Tasks, code: int
) -> None:
    fault_server.script(status(code))
    with pytest.raises(ModuleException):
        await create_in(mode, tasks)
    assert (await create_in(mode, tasks)).id
    assert fault_server.connections == 1  # a complete error answer leaves the connection reusable


async def test_a_per_call_total_timeout_overrides_the_clients(mode: Mode) -> None:
    with FaultServer(default=drip(0.05)) as fault_server:
        async with client(fault_server.url) as tasks:
            started = time.monotonic()
            with pytest.raises(APITimeoutError) as caught:
                await create_in(mode, tasks, total_timeout=0.3)
            elapsed = time.monotonic() - started
    assert "create task: no complete answer within 0.3 s" in str(caught.value)
    assert 0.3 <= elapsed < 0.3 + MARGIN  # the call's 0.3 s, not the client's `LONG`
