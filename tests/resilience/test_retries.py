"""The retry policy, branch by branch, against a loopback server that misbehaves on purpose.

Each test counts the requests the server received and the delays the client slept (a fake
sleep records them; the jitter is fixed at 1.0, so each delay is the full backoff). A create is
repeated only when the server certainly never got it, or said it did not act on it (429, 503).
"""

from __future__ import annotations

import asyncio
import email.utils
import socket
import time
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
    hang,
    reset_before_answer,
    reset_mid_body,
    status,
)
from support import LONG, MARGIN, MAY_HAVE_RUN, create_in, expire_when, get_in

from xpander_tasks import (
    AgentExecutionStatus,
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    BadRequestError,
    InternalServerError,
    ModuleException,
    NotFoundError,
    RateLimitError,
    Tasks,
)
from xpander_tasks._retry import RetryPolicy

KEY = "sk-retries-test-key"
READ_TIMEOUT = 0.25  # the read timeout a test that wants one to fire sets on its call
CONNECT_TIMEOUT = 0.15
# A read timeout that fires on a request never answered, yet lets the retry's prompt answer
# through on a busy machine.
RETRIED_READ_TIMEOUT = 2.0


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


def client(url: str, sleeps: Sleeps, **options: Any) -> Tasks:
    """A client sleeping through `sleeps`, its timeouts `LONG` unless a test says otherwise."""
    options.setdefault("timeout", LONG)
    options.setdefault("total_timeout", LONG)
    return sleeps.install(Tasks(api_key=KEY, base_url=url, **options))


@pytest.fixture
async def tasks(fault_server: FaultServer, sleeps: Sleeps) -> AsyncIterator[Tasks]:
    async with client(fault_server.url, sleeps) as tasks:
        yield tasks


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
            task = await create_in(mode, tasks)
        assert task.status is AgentExecutionStatus.Pending
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
            error = await fails(create_in(mode, tasks), APIConnectionError)
    finally:
        down.stop()
    assert type(error) is APIConnectionError  # not its subclass APITimeoutError
    assert f"could not connect to 127.0.0.1:{down.port}" in str(error)
    assert "Connection refused" in str(error)
    assert MAY_HAVE_RUN not in str(error)  # it certainly was not
    assert error.request_sent is False
    assert sleeps.delays == [0.5, 1.0]


async def test_create_retries_a_connect_timeout(mode: Mode, sleeps: Sleeps) -> None:
    with blackhole_port() as port:
        timeout = httpx.Timeout(LONG, connect=CONNECT_TIMEOUT)
        async with client(f"http://127.0.0.1:{port}", sleeps, timeout=timeout) as tasks:
            started = asyncio.get_running_loop().time()
            error = await fails(create_in(mode, tasks), APITimeoutError)
            elapsed = asyncio.get_running_loop().time() - started
    assert "timed out connecting to 127.0.0.1" in str(error)
    assert MAY_HAVE_RUN not in str(error)
    assert sleeps.delays == [0.5, 1.0]
    # Three connect timeouts, not the `LONG` read or total timeout, and no real sleeping.
    assert 3 * CONNECT_TIMEOUT <= elapsed < 3 * CONNECT_TIMEOUT + MARGIN


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
        error = await fails(create_in(mode, tasks), APIConnectionError)
    assert "could not connect to api.xpander.invalid" in str(error)
    assert "Name or service not known" in str(error)
    assert MAY_HAVE_RUN not in str(error)
    assert len(lookups) == 3
    assert sleeps.delays == [0.5, 1.0]


# The server said it did not act: 429 and 503 are retried, honouring Retry-After.


@pytest.mark.parametrize("code", [429, 503])
async def test_create_retries_429_and_503_with_backoff(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps, code: int
) -> None:
    fault_server.script(status(code), status(code))
    task = await create_in(mode, tasks)
    assert task.id
    assert fault_server.creates == 3
    assert sleeps.delays == [0.5, 1.0]


@pytest.mark.parametrize("code", [429, 503])
async def test_create_gives_up_on_429_and_503_after_the_retries(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps, code: int
) -> None:
    fault_server.default = status(code, "overloaded, try later")
    error = await fails(create_in(mode, tasks), APIStatusError)
    assert error.status_code == code
    assert isinstance(error, RateLimitError if code == 429 else InternalServerError)
    assert "overloaded, try later" in str(error)
    assert MAY_HAVE_RUN not in str(error)  # the server said it did not act
    assert fault_server.creates == 3
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
    fault_server: FaultServer,
    tasks: Tasks,
    sleeps: Sleeps,
    retry_after: str,
    low: float,
    high: float,
) -> None:
    if retry_after.startswith("date:"):
        retry_after = http_date(float(retry_after.removeprefix("date:")))
    fault_server.script(status(503, headers={"retry-after": retry_after}))
    await create_in(mode, tasks)
    assert fault_server.creates == 2
    [delay] = sleeps.delays
    assert low <= delay <= high


async def test_a_retry_after_past_the_cap_is_not_waited_for(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    fault_server.script(status(429, "slow down", headers={"retry-after": "3600"}))
    error = await fails(create_in(mode, tasks), RateLimitError)
    assert "slow down" in str(error)
    assert fault_server.creates == 1
    assert sleeps.delays == []


@pytest.mark.parametrize("retry_after", ["soon", "", "-5"])
async def test_an_unusable_retry_after_falls_back_to_the_backoff(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps, retry_after: str
) -> None:
    fault_server.script(status(503, headers={"retry-after": retry_after}))
    await create_in(mode, tasks)
    assert fault_server.creates == 2
    # "-5" parses as seconds and is clamped to 0; the others are not numbers nor dates.
    assert sleeps.delays == ([0.0] if retry_after == "-5" else [0.5])


# The request may have been received: a create is never sent twice.

MAYBE_RECEIVED: dict[str, tuple[Behaviour, type[ModuleException], str]] = {
    "500": (status(500, "boom"), InternalServerError, "[500] boom"),
    "502": (status(502, "bad gateway"), InternalServerError, "[502] bad gateway"),
    "504": (status(504, "gateway timeout"), InternalServerError, "[504] gateway timeout"),
    "read-timeout": (hang(), APITimeoutError, "timed out waiting for 127.0.0.1"),
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
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps, fault: str
) -> None:
    behaviour, error_class, message = MAYBE_RECEIVED[fault]
    fault_server.script(behaviour)
    options = {"timeout": READ_TIMEOUT} if fault == "read-timeout" else {}
    error = await fails(create_in(mode, tasks, **options), error_class)
    # An answered error says its gist in `detail` and its hint as an attribute (str() is the
    # published SDK's); a connection error says both in str().
    said = f"[{error.status_code}] {error.detail}; {error.hint}"
    assert message in said
    assert MAY_HAVE_RUN in said
    assert fault_server.creates == 1  # received once, never twice
    assert sleeps.delays == []
    if isinstance(error, APIConnectionError):
        assert error.request_sent is True
    # The client is fine afterwards.
    assert (await create_in(mode, tasks)).id
    assert fault_server.creates == 2


@pytest.mark.parametrize(
    ("code", "error_class"),
    [(400, BadRequestError), (401, APIStatusError), (403, APIStatusError), (404, NotFoundError)],
)
async def test_client_errors_are_final(
    mode: Mode,
    fault_server: FaultServer,
    tasks: Tasks,
    sleeps: Sleeps,
    code: int,
    error_class: type[ModuleException],
) -> None:
    fault_server.script(status(code, "no"))
    error = await fails(create_in(mode, tasks), error_class)
    assert error.status_code == code
    assert MAY_HAVE_RUN not in str(error)
    assert fault_server.creates == 1
    assert sleeps.delays == []


# How many retries: per client, per call, off.


async def test_max_retries_zero_on_the_client_turns_retries_off(
    mode: Mode, fault_server: FaultServer, sleeps: Sleeps
) -> None:
    fault_server.default = status(503)
    async with client(fault_server.url, sleeps, max_retries=0) as tasks:
        await fails(create_in(mode, tasks), InternalServerError)
    assert fault_server.creates == 1
    assert sleeps.delays == []


@pytest.mark.parametrize(("client_retries", "call_retries"), [(2, 0), (2, 1), (0, 3), (5, 4)])
async def test_max_retries_per_call_overrides_the_client(
    mode: Mode, fault_server: FaultServer, sleeps: Sleeps, client_retries: int, call_retries: int
) -> None:
    fault_server.default = status(503)
    async with client(fault_server.url, sleeps, max_retries=client_retries) as tasks:
        await fails(create_in(mode, tasks, max_retries=call_retries), InternalServerError)
    assert fault_server.creates == call_retries + 1
    assert sleeps.delays == [0.5 * 2**n for n in range(call_retries)]


async def test_the_backoff_doubles_up_to_its_cap(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    fault_server.default = status(503)
    await fails(create_in(mode, tasks, max_retries=7), InternalServerError)
    assert fault_server.creates == 8
    assert sleeps.delays == [0.5, 1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


async def test_the_jitter_scales_each_delay(
    mode: Mode, fault_server: FaultServer, sleeps: Sleeps
) -> None:
    fault_server.script(status(503), status(503))
    async with client(fault_server.url, Sleeps()) as tasks:
        sleeps.install(tasks, jitter=0.25)
        await create_in(mode, tasks)
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
    "read-timeout": hang(),
    "closed-before-answer": close_before_answer(),
    "reset-before-answer": reset_before_answer(),
    "reset-mid-body": reset_mid_body(),
}


@pytest.mark.parametrize("fault", list(GET_RETRIED))
async def test_get_retries_what_a_create_must_not(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps, fault: str
) -> None:
    fault_server.script(GET_RETRIED[fault])
    options = {"timeout": RETRIED_READ_TIMEOUT} if fault == "read-timeout" else {}
    task = await get_in(mode, tasks, **options)
    assert task.id
    assert [request.method for request in fault_server.requests] == ["GET", "GET"]
    assert sleeps.delays == [0.5]


async def test_get_gives_up_after_the_retries(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    fault_server.default = status(502, "bad gateway")
    error = await fails(get_in(mode, tasks), InternalServerError)
    assert error.status_code == 502
    assert MAY_HAVE_RUN not in str(error)  # only a create says that
    assert len(fault_server.requests) == 3
    assert sleeps.delays == [0.5, 1.0]


async def test_get_does_not_retry_a_404(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    fault_server.script(status(404, "Task not found"))
    await fails(get_in(mode, tasks), NotFoundError)
    assert len(fault_server.requests) == 1
    assert sleeps.delays == []


async def test_a_real_backoff_sleep_is_cancellable_and_leaves_the_client_usable(
    fault_server: FaultServer,
) -> None:
    fault_server.script(status(503))
    sleeping = asyncio.Event()
    real_sleep = RetryPolicy().asleep

    async def asleep(seconds: float) -> None:
        sleeping.set()
        await real_sleep(seconds)

    async with Tasks(api_key=KEY, base_url=fault_server.url, timeout=LONG) as tasks:
        backoff = 60.0  # a real sleep of a minute, cut short by the cancel once it began
        tasks._retry = RetryPolicy(
            initial_delay=backoff, max_delay=backoff, jitter=lambda: 1.0, asleep=asleep
        )
        started = time.monotonic()
        with pytest.raises(TimeoutError):
            async with asyncio.timeout(None) as scope:
                expiry = asyncio.create_task(expire_when(scope, sleeping.wait()))
                await tasks.acreate("agent-1")
        await expiry
        assert time.monotonic() - started < backoff / 2
        assert fault_server.creates == 1
        assert (await tasks.acreate("agent-1")).id
    assert fault_server.creates == 2


async def test_get_takes_max_retries_per_call(
    mode: Mode, fault_server: FaultServer, tasks: Tasks, sleeps: Sleeps
) -> None:
    fault_server.script(status(503), status(503), status(503))
    await fails(get_in(mode, tasks, max_retries=0), InternalServerError)
    assert len(fault_server.requests) == 1 and sleeps.delays == []
