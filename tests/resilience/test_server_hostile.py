"""The local task server against hostile clients: schemas it cannot check, clients that leave
mid-way or send a byte now and then, and long silent event streams (kept alive by pings)."""

from __future__ import annotations

import asyncio
import logging
import socket
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xpander_tasks import Task, TaskEventType, Tasks, TaskUpdateEvent
from xpander_tasks_server import LocalTaskServer
from xpander_tasks_server._requests import (
    MAX_OUTPUT_SCHEMA_BYTES,
    MAX_OUTPUT_SCHEMA_OBJECTS,
    semantic_problem,
)

CREATE = "/agent-execution/agent-123"
TaskServerFactory = Callable[..., LocalTaskServer]
# Margin over a deadline on a busy machine: a cut must come after the deadline, and well
# before this much later.
MARGIN = 10.0


@pytest.mark.parametrize(
    ("schema", "problem"),
    [
        ({"pattern": "a{4294967296}"}, "at $.pattern: 'a{4294967296}' is not a 'regex'"),
        ({"pattern": "(" * 5000 + ")" * 5000}, "at $.pattern: '(((("),
        ({"patternProperties": {"x{99999999999}": {}}}, "at $.patternProperties"),
        (
            {"properties": {"a": {"items": {"pattern": "[z-a]"}}}},
            "at $.properties.a.items.pattern",
        ),
        (
            {"description": "x" * MAX_OUTPUT_SCHEMA_BYTES},
            f"larger than {MAX_OUTPUT_SCHEMA_BYTES} bytes as JSON",
        ),
        (
            {"prefixItems": [{}] * MAX_OUTPUT_SCHEMA_OBJECTS},
            f"more than {MAX_OUTPUT_SCHEMA_OBJECTS} objects ({MAX_OUTPUT_SCHEMA_OBJECTS + 1})",
        ),
    ],
)
def test_a_schema_that_cannot_be_checked_is_a_400(
    task_api: httpx.Client, schema: dict[str, Any], problem: str
) -> None:
    response = task_api.post(CREATE, json={"output_schema": schema})
    assert response.status_code == 400, response.text
    detail = response.json()["detail"]
    assert detail.startswith("output_schema: ") and problem in detail, detail


def test_the_largest_schema_allowed_is_checked(task_api: httpx.Client) -> None:
    largest = {"prefixItems": [{"type": "string"}] * (MAX_OUTPUT_SCHEMA_OBJECTS - 1)}
    assert task_api.post(CREATE, json={"output_schema": largest}).status_code == 200
    largest["prefixItems"][-1] = {"type": "strange"}
    response = task_api.post(CREATE, json={"output_schema": largest})
    assert response.status_code == 400
    assert "at $.prefixItems[498].type" in response.json()["detail"]


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text()
SCHEMA_WORDS = st.sampled_from(
    ["pattern", "patternProperties", "properties", "items", "type", "format", "$schema", "$ref"]
)
SCHEMAS = st.recursive(
    JSON_SCALARS,
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(SCHEMA_WORDS | st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=20,
)
REGEX_TEXT = st.text(alphabet="a(){}[]*+?|\\^$.-,0123456789:<>=!PpdwsS", max_size=40)


# `re` warns of a pattern such as "[[" that a later Python may read otherwise; the server lets
# the warning be printed (once), which this suite's `filterwarnings = error` would raise.
@pytest.mark.filterwarnings("ignore:Possible:FutureWarning")
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.dictionaries(SCHEMA_WORDS, SCHEMAS, max_size=4)
    | st.builds(lambda pattern: {"pattern": pattern}, REGEX_TEXT)
    | st.builds(lambda pattern: {"patternProperties": {pattern: {}}}, REGEX_TEXT)
)
def test_checking_any_schema_answers_instead_of_raising(schema: dict[str, Any]) -> None:
    problem = semantic_problem({"output_schema": schema})
    assert problem is None or problem.startswith("output_schema: ")


@pytest.fixture
def logged_server(
    make_task_server: TaskServerFactory, caplog: pytest.LogCaptureFixture
) -> Iterator[TaskServerFactory]:
    """`make_task_server`, with the server's log in `caplog` (uvicorn's loggers do not
    propagate, and starting a server resets their handlers)."""
    logger = logging.getLogger("uvicorn.error")

    def start(**options: Any) -> LocalTaskServer:
        server = make_task_server(**options)
        logger.addHandler(caplog.handler)
        return server

    yield start
    logger.removeHandler(caplog.handler)


def wait_for(condition: Callable[[], bool], what: str, seconds: float = MARGIN) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, f"not within {seconds} s: {what}"
        time.sleep(0.01)


def connect(server: LocalTaskServer) -> socket.socket:
    host, port = httpx.URL(server.url).host, httpx.URL(server.url).port
    assert port is not None
    return socket.create_connection((host, port), timeout=MARGIN)


def create_head(server: LocalTaskServer, length: int) -> bytes:
    return (
        f"POST {CREATE} HTTP/1.1\r\nHost: x\r\nx-api-key: {server.api_key}\r\n"
        f"content-type: application/json\r\ncontent-length: {length}\r\n\r\n"
    ).encode()


def seconds_until_cut(sock: socket.socket, dribble: Iterator[bytes], pause: float) -> float:
    """Send the dribble's pieces, `pause` apart, until the server closes the connection."""
    start = time.monotonic()
    sock.settimeout(pause)
    while time.monotonic() - start < 3 * MARGIN:
        try:
            sock.sendall(next(dribble))
            received = sock.recv(65536)
        except TimeoutError:
            continue
        except (BrokenPipeError, ConnectionResetError):
            return time.monotonic() - start
        assert received == b"", f"an answer instead of a cut: {received!r}"
        return time.monotonic() - start
    raise AssertionError(f"the connection was still open after {3 * MARGIN} s")


def read_answer(sock: socket.socket) -> bytes:
    """One whole answer with a `content-length`, head and body."""
    answer = b""
    while b"\r\n\r\n" not in answer:
        answer += sock.recv(65536) or pytest.fail(f"closed mid-answer: {answer!r}")
    head, _, body = answer.partition(b"\r\n\r\n")
    length = int(head.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
    while len(body) < length:
        body += sock.recv(65536) or pytest.fail(f"closed mid-answer: {answer + body!r}")
    return answer + body


def bytes_of(text: bytes, then: bytes = b"") -> Iterator[bytes]:
    """One byte of `text` at a time, then `then` forever."""
    yield from (bytes([byte]) for byte in text)
    while True:
        yield then


def errors(log: pytest.LogCaptureFixture) -> list[str]:
    return [record.getMessage() for record in log.records if record.levelno >= logging.WARNING]


def test_a_client_leaving_mid_body_is_not_logged(
    logged_server: TaskServerFactory, caplog: pytest.LogCaptureFixture
) -> None:
    server = logged_server()
    for sent in range(1, 4):
        with connect(server) as sock:
            sock.sendall(create_head(server, 1000) + b'{"input": ')
            wait_for(lambda n=sent: server.counters.create_requests == n, "the route reached")
    server.stop()  # waits for the requests' handlers to end
    assert server.counters.tasks_created == 0
    assert errors(caplog) == []


@pytest.mark.parametrize("part", ["head", "body", "nothing", "next head"])
def test_a_slow_request_is_cut_at_the_deadline(
    logged_server: TaskServerFactory, caplog: pytest.LogCaptureFixture, part: str
) -> None:
    timeout = 1.0
    server = logged_server(request_timeout=timeout)
    with connect(server) as sock:
        if part == "head":
            dribble = bytes_of(create_head(server, 2), then=b"x")
        elif part == "body":
            sock.sendall(create_head(server, 10_000))
            dribble = bytes_of(b"", then=b" ")
        elif part == "nothing":
            dribble = bytes_of(b"")
        else:
            # A keep-alive connection: the first request is answered, the second one is slow.
            sock.sendall(create_head(server, 2) + b"{}")
            assert read_answer(sock).startswith(b"HTTP/1.1 200 ")
            dribble = bytes_of(create_head(server, 2))
        seconds = seconds_until_cut(sock, dribble, pause=0.05)
    assert timeout - 0.05 <= seconds < timeout + MARGIN
    server.stop()
    assert errors(caplog) == []


def test_requests_within_the_deadline_and_long_streams_are_served(
    make_task_server: TaskServerFactory,
) -> None:
    server = make_task_server(request_timeout=0.5, step_delay=0.4)
    with connect(server) as sock:
        for piece in (create_head(server, 2), b"{", b"}"):
            sock.sendall(piece)
            time.sleep(0.01)
        answer = read_answer(sock)
    assert answer.startswith(b"HTTP/1.1 200 "), answer
    headers = {"x-api-key": server.api_key}
    with httpx.Client(base_url=server.url, headers=headers, timeout=MARGIN) as client:
        task_id = client.post(CREATE, json={"events_streaming": True}).json()["id"]
        started = time.monotonic()
        url = f"{server.events_root}/agent-execution/{task_id}/events"
        with client.stream("GET", url) as stream:
            text = stream.read().decode()
        assert time.monotonic() - started > 0.5  # longer than the request deadline
    assert '"type": "task_finished"' in text


def raw_stream(server: LocalTaskServer, task_id: str) -> tuple[int, list[int]]:
    """The pings and the event ids of one connection to the task's stream, until it ends."""
    url = f"{server.events_root}/agent-execution/{task_id}/events"
    headers = {"x-api-key": server.api_key}
    with httpx.stream("GET", url, headers=headers, timeout=MARGIN) as response:
        messages = response.read().decode().split("\n\n")
    assert messages.pop() == ""
    events = [dict(line.split(": ", 1) for line in m.split("\n")) for m in messages if m[0] != ":"]
    return messages.count(": ping"), [int(event["id"]) for event in events]


def test_a_waiting_stream_sends_pings_that_the_client_skips(
    make_task_server: TaskServerFactory,
) -> None:
    # Events come up to 1.5 s apart, pings every 0.1 s between them; the client's read timeout
    # (1 s) is shorter than that gap, so only the pings keep its one connection alive.
    server = make_task_server(step_delay=1.5, ping_interval=0.1)

    async def follow(task: Task) -> list[TaskUpdateEvent]:
        return [event async for event in task.aevents(read_timeout=1.0)]

    with Tasks(server.api_key, base_url=server.url) as tasks, ThreadPoolExecutor(2) as pool:
        task = tasks.create(agent_id="agent-123", prompt="ping me", events_streaming=True)
        raw = pool.submit(raw_stream, server, task.id)
        followed = pool.submit(asyncio.run, follow(task))
        events = list(task.events(read_timeout=1.0))
        pings, ids = raw.result(MARGIN)
        async_events = followed.result(MARGIN)
    assert pings >= 5
    assert ids == list(range(1, len(ids) + 1))
    assert [event.id for event in events] == [str(event_id) for event_id in ids]
    assert [event.id for event in async_events] == [event.id for event in events]
    assert events[-1].type is TaskEventType.TaskFinished
    assert server.counters.event_streams == 3  # neither client needed to reconnect
