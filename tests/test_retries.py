"""The retry policy, branch by branch, against a loopback server that misbehaves on purpose.

Each test counts the requests the server received and the delays the client slept (a fake
sleep records them; the jitter is fixed at 1.0, so each delay is the full backoff). A create is
repeated only when the server certainly never got it, or said it did not act on it (429, 503).
"""

from __future__ import annotations

import asyncio
import email.utils
import socket
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from faultserver import (
    Behaviour,
    FaultServer,
    Mode,
    Sleeps,
    blackhole_port,
    close_before_answer,
    reset_before_answer,
    reset_mid_body,
    slow,
    status,
)

from xpander_tasks import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    ModuleException,
    NotFoundError,
    RateLimitError,
    Task,
    Tasks,
)
from xpander_tasks._retry import RetryPolicy

KEY = "sk-retries-test-key"
TIMEOUT = httpx.Timeout(0.25, connect=0.15)
MAY_HAVE_RUN = "the task may have been created"


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def client(url: str, sleeps: Sleeps, **options: Any) -> Tasks:
    options.setdefault("timeout", TIMEOUT)
    options.setdefault("total_timeout", 3.0)
    return sleeps.install(Tasks(api_key=KEY, base_url=url, **options))


@pytest.fixture
async def tasks(server: FaultServer, sleeps: Sleeps) -> AsyncIterator[Tasks]:
    async with client(server.url, sleeps) as tasks:
        yield tasks


async def create(tasks: Tasks, mode: Mode, **options: Any) -> Task:
    """A create, sync (blocking the loop: the server runs in threads) or async."""
    if mode == "sync":
        return tasks.create("agent-1", prompt="hello", **options)
    return await tasks.acreate("agent-1", prompt="hello", **options)


async def get(tasks: Tasks, mode: Mode, task_id: str = "task-1", **options: Any) -> Task:
    if mode == "sync":
        return tasks.get(task_id, **options)
    return await tasks.aget(task_id, **options)


async def fails(call: Any, error: type[ModuleException]) -> ModuleException:
    with pytest.raises(error) as caught:
        await call
    return caught.value


# Failures before the request reached the server: retried, for a create too.


async def test_create_retries_a_refused_connection_until_the_server_is_up(
    mode: Mode, sleeps: Sleeps
) -> None:
    down = FaultServer()  # bound but not listening yet: connecting is refused

    def start_at_the_second_sleep(sleeps_so_far: int) -> None:
        if sleeps_so_far == 2:
            down.start()

    sleeps.on_sleep = start_at_the_second_sleep
    try:
        async with client(down.url, sleeps) as tasks:
            task = await create(tasks, mode)
        assert task.status is not None
        assert sleeps.delays == [0.5, 1.0]
        assert down.creates == 1
    finally:
        down.stop()


async def test_create_gives_up_on_a_refused_connection_after_the_retries(
    mode: Mode, sleeps: Sleeps
) -> None:
    down = FaultServer()
    try:
        async with client(down.url, sleeps) as tasks:
            error = await fails(create(tasks, mode), APIConnectionError)
    finally:
        down.stop()
    assert not isinstance(error, APITimeoutError)
    assert f"could not connect to 127.0.0.1:{down.port}" in str(error)
    assert "Connection refused" in str(error)
    assert MAY_HAVE_RUN not in str(error)  # it certainly was not
    assert isinstance(error, APIConnectionError)
    assert error.request_sent is False
    assert sleeps.delays == [0.5, 1.0]


async def test_create_retries_a_connect_timeout(mode: Mode, sleeps: Sleeps) -> None:
    with blackhole_port() as port:
        async with client(f"http://127.0.0.1:{port}", sleeps) as tasks:
            started = asyncio.get_running_loop().time()
            error = await fails(create(tasks, mode), APITimeoutError)
            elapsed = asyncio.get_running_loop().time() - started
    assert "timed out connecting to 127.0.0.1" in str(error)
    assert MAY_HAVE_RUN not in str(error)
    assert sleeps.delays == [0.5, 1.0]
    assert 0.45 <= elapsed < 1.5  # three connect timeouts of 0.15 s, no real sleeping


async def test_create_retries_a_dns_failure(
    mode: Mode, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    lookups: list[str] = []
    real_getaddrinfo = socket.getaddrinfo

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if host in ("api.xpander.invalid", b"api.xpander.invalid"):
            lookups.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    async with client("https://api.xpander.invalid", sleeps) as tasks:
        error = await fails(create(tasks, mode), APIConnectionError)
    assert "could not connect to api.xpander.invalid" in str(error)
    assert "Name or service not known" in str(error)
    assert MAY_HAVE_RUN not in str(error)
    assert len(lookups) == 3
    assert sleeps.delays == [0.5, 1.0]


# The server said it did not act: 429 and 503 are retried, honouring Retry-After.


@pytest.mark.parametrize("code", [429, 503])
async def test_create_retries_429_and_503_with_backoff(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps, code: int
) -> None:
    server.script(status(code), status(code))
    task = await create(tasks, mode)
    assert task.id
    assert server.creates == 3
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.parametrize("code", [429, 503])
async def test_create_gives_up_on_429_and_503_after_the_retries(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps, code: int
) -> None:
    server.default = status(code, "overloaded, try later")
    error = await fails(create(tasks, mode), APIStatusError)
    assert error.status_code == code
    assert isinstance(error, RateLimitError if code == 429 else InternalServerError)
    assert "overloaded, try later" in str(error)
    assert MAY_HAVE_RUN not in str(error)  # the server said it did not act
    assert server.creates == 3
    assert sleeps.delays == [0.5, 1.0]


def http_date(seconds_from_now: float) -> str:
    return email.utils.format_datetime(datetime.now(UTC) + timedelta(seconds=seconds_from_now))


@pytest.mark.parametrize(
    ("retry_after", "low", "high"),
    [("3", 3.0, 3.0), ("0", 0.0, 0.0), ("1.5", 1.5, 1.5), ("date:30", 28.0, 30.0)],
    ids=["seconds", "zero", "fraction", "http-date"],
)
async def test_retry_after_sets_the_delay(
    mode: Mode,
    server: FaultServer,
    tasks: Tasks,
    sleeps: Sleeps,
    retry_after: str,
    low: float,
    high: float,
) -> None:
    if retry_after.startswith("date:"):
        retry_after = http_date(float(retry_after.removeprefix("date:")))
    server.script(status(503, headers={"retry-after": retry_after}))
    await create(tasks, mode)
    assert server.creates == 2
    [delay] = sleeps.delays
    assert low <= delay <= high


async def test_a_retry_after_past_the_cap_is_not_waited_for(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    server.script(status(429, "slow down", headers={"retry-after": "3600"}))
    error = await fails(create(tasks, mode), RateLimitError)
    assert "slow down" in str(error)
    assert server.creates == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("retry_after", ["soon", "", "-5"])
async def test_an_unusable_retry_after_falls_back_to_the_backoff(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps, retry_after: str
) -> None:
    server.script(status(503, headers={"retry-after": retry_after}))
    await create(tasks, mode)
    assert server.creates == 2
    # "-5" parses as seconds and is clamped to 0; the others are not numbers nor dates.
    assert sleeps.delays == ([0.0] if retry_after == "-5" else [0.5])


# The request may have been received: a create is never sent twice.

MAYBE_RECEIVED: dict[str, tuple[Behaviour, type[ModuleException], str]] = {
    "500": (status(500, "boom"), InternalServerError, "[500] boom"),
    "502": (status(502, "bad gateway"), InternalServerError, "[502] bad gateway"),
    "504": (status(504, "gateway timeout"), InternalServerError, "[504] gateway timeout"),
    "read-timeout": (slow(5), APITimeoutError, "timed out waiting for 127.0.0.1"),
    "closed-before-answer": (
        close_before_answer(),
        APIConnectionError,
        "closed the connection without a complete answer",
    ),
    "reset-before-answer": (reset_before_answer(), APIConnectionError, "connection"),
    "reset-mid-body": (reset_mid_body(), APIConnectionError, "connection"),
}


@pytest.mark.parametrize("fault", list(MAYBE_RECEIVED))
async def test_a_create_the_server_may_have_received_is_not_retried(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps, fault: str
) -> None:
    behaviour, error_class, message = MAYBE_RECEIVED[fault]
    server.script(behaviour)
    error = await fails(create(tasks, mode), error_class)
    assert message in str(error)
    assert MAY_HAVE_RUN in str(error)
    assert server.creates == 1  # received once, never twice
    assert sleeps.delays == []
    if isinstance(error, APIConnectionError):
        assert error.request_sent is True
    # The client is fine afterwards.
    assert (await create(tasks, mode)).id
    assert server.creates == 2


@pytest.mark.parametrize(
    ("code", "error_class"),
    [(400, BadRequestError), (401, APIStatusError), (403, APIStatusError), (404, NotFoundError)],
)
async def test_client_errors_are_final(
    mode: Mode,
    server: FaultServer,
    tasks: Tasks,
    sleeps: Sleeps,
    code: int,
    error_class: type[ModuleException],
) -> None:
    server.script(status(code, "no"))
    error = await fails(create(tasks, mode), error_class)
    assert error.status_code == code
    assert MAY_HAVE_RUN not in str(error)
    assert server.creates == 1
    assert sleeps.delays == []


# How many retries: per client, per call, off.


async def test_max_retries_zero_on_the_client_turns_retries_off(
    mode: Mode, server: FaultServer, sleeps: Sleeps
) -> None:
    server.default = status(503)
    async with client(server.url, sleeps, max_retries=0) as tasks:
        await fails(create(tasks, mode), InternalServerError)
    assert server.creates == 1
    assert sleeps.delays == []


@pytest.mark.parametrize(("client_retries", "call_retries"), [(2, 0), (2, 1), (0, 3), (5, 4)])
async def test_max_retries_per_call_overrides_the_client(
    mode: Mode, server: FaultServer, sleeps: Sleeps, client_retries: int, call_retries: int
) -> None:
    server.default = status(503)
    async with client(server.url, sleeps, max_retries=client_retries) as tasks:
        await fails(create(tasks, mode, max_retries=call_retries), InternalServerError)
    assert server.creates == call_retries + 1
    assert sleeps.delays == [0.5 * 2**n for n in range(call_retries)]


async def test_the_backoff_doubles_up_to_its_cap(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    server.default = status(503)
    await fails(create(tasks, mode, max_retries=7), InternalServerError)
    assert server.creates == 8
    assert sleeps.delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


async def test_the_jitter_scales_each_delay(
    mode: Mode, server: FaultServer, sleeps: Sleeps
) -> None:
    server.script(status(503), status(503))
    async with client(server.url, Sleeps()) as tasks:
        sleeps.install(tasks, jitter=0.25)
        await create(tasks, mode)
    assert sleeps.delays == [0.125, 0.25]


def test_full_jitter_draws_between_zero_and_the_backoff() -> None:
    policy = RetryPolicy()
    error = APIConnectionError("refused", request_sent=False)
    delays = [
        policy.delay_before_retry(error, 2, idempotent=False, max_retries=3) for _ in range(500)
    ]
    assert all(delay is not None and 0.0 <= delay < 2.0 for delay in delays)
    assert len(set(delays)) > 400  # random, not a fixed step
    assert policy.delay_before_retry(error, 3, idempotent=False, max_retries=3) is None


# A get is safe to repeat: it also retries 5xx and answers lost after sending.

GET_RETRIED: dict[str, Behaviour] = {
    "500": status(500),
    "502": status(502),
    "503": status(503),
    "504": status(504),
    "read-timeout": slow(5),
    "closed-before-answer": close_before_answer(),
    "reset-before-answer": reset_before_answer(),
    "reset-mid-body": reset_mid_body(),
}


@pytest.mark.parametrize("fault", list(GET_RETRIED))
async def test_get_retries_what_a_create_must_not(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps, fault: str
) -> None:
    server.script(GET_RETRIED[fault])
    task = await get(tasks, mode)
    assert task.id
    assert [request.method for request in server.requests] == ["GET", "GET"]
    assert sleeps.delays == [0.5]


async def test_get_gives_up_after_the_retries(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    server.default = status(502, "bad gateway")
    error = await fails(get(tasks, mode), InternalServerError)
    assert error.status_code == 502
    assert MAY_HAVE_RUN not in str(error)  # only a create says that
    assert len(server.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


async def test_get_does_not_retry_a_404(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    server.script(status(404, "Task not found"))
    await fails(get(tasks, mode), NotFoundError)
    assert len(server.requests) == 1
    assert sleeps.delays == []


async def test_a_real_backoff_sleep_is_cancellable_and_leaves_the_client_usable(
    server: FaultServer,
) -> None:
    server.script(status(503))
    async with Tasks(api_key=KEY, base_url=server.url, timeout=TIMEOUT) as tasks:
        tasks._retry = RetryPolicy(initial_delay=30.0, jitter=lambda: 1.0)  # a real 30 s sleep
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(0.1):
                await tasks.acreate("agent-1")
        assert server.creates == 1
        assert (await tasks.acreate("agent-1")).id
    assert server.creates == 2


async def test_get_takes_max_retries_per_call(
    mode: Mode, server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    server.script(status(503), status(503), status(503))
    await fails(get(tasks, mode, max_retries=0), InternalServerError)
    assert len(server.requests) == 1 and sleeps.delays == []
