"""Property-based hostility: whatever a server answers, and whatever an app passes, the client
ends in a task, an event or a `ModuleException`, and never repeats a secret."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from xpander_tasks import APITimeoutError, InvalidArgumentError, ModuleException, Task, Tasks

KEY = "property-key-0123456789"
TOKEN = "oidc-token-9876543210"
SETTINGS = settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

TASK = {
    "id": "t-1",
    "agent_id": "agent-1",
    "organization_id": "org-1",
    "input": {"text": "", "files": []},
    "created_at": "2026-01-01T00:00:00Z",
    "status": "pending",
    "events_streaming": True,
}

# Answers made of pieces a hostile or broken server would send: echoes of the secrets, JSON
# of the wrong shape, truncated or nested JSON, odd statuses, labels and encodings.
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=20,
)
echoes = st.sampled_from([KEY, TOKEN, json.dumps(TOKEN), f"x{KEY}y", "ok"])
bodies = st.one_of(
    json_values.map(lambda value: json.dumps(value).encode()),
    st.builds(
        lambda task, field, value: json.dumps({**task, field: value}).encode(),
        st.just(TASK),
        st.sampled_from(sorted(TASK)),
        json_values | echoes,
    ),
    st.builds(lambda echo: json.dumps({"detail": echo}).encode(), echoes),
    st.builds(lambda echo: json.dumps({"detail": [{"loc": [echo], "msg": echo}]}).encode(), echoes),
    st.binary(max_size=64),
    st.integers(1, 3000).map(lambda depth: b"[" * depth + b"]" * depth),
    st.just(json.dumps(TASK).encode()[:-5]),
)
headers = st.dictionaries(
    st.sampled_from(
        ["content-type", "content-encoding", "x-request-id", "retry-after", "content-length"]
    ),
    st.sampled_from(
        [
            "application/json",
            "text/event-stream",
            "text/html",
            "gzip",
            "br",
            KEY,
            "-1",
            "5",
            "Wed, 21 Oct 2015 07:28:00 GMT",
            "99999999999",
        ]
    ),
)
statuses = st.sampled_from([200, 201, 204, 301, 400, 401, 403, 404, 409, 422, 429, 500, 502, 503])


def _mock(answer: Callable[[httpx.Request], httpx.Response]) -> httpx.MockTransport:
    return httpx.MockTransport(answer)


def _check_error(error: ModuleException, *secrets: str) -> None:
    """No secret of the request in what the error says (the token is one only where it was
    sent: a server that says it unasked cannot be told from one that says any word)."""
    for text in (str(error), repr(error), str(error.__cause__), str(error.__context__)):
        for secret in (KEY, *secrets):
            assert secret not in text


def _answer(status: int, head: dict[str, str], body: bytes) -> httpx.Response:
    head = {key: value for key, value in head.items() if key != "content-length"} | (
        {"content-length": str(len(body))} if "content-length" in head else {}
    )
    return httpx.Response(status, headers=head, stream=httpx.ByteStream(body))  # read by the client


@SETTINGS
@given(status=statuses, head=headers, body=bodies, operation=st.sampled_from(["create", "get"]))
def test_any_answer_ends_in_a_task_or_a_module_exception(
    status: int, head: dict[str, str], body: bytes, operation: str
) -> None:
    transport = _mock(lambda request: _answer(status, head, body))
    with Tasks(KEY, http_client=httpx.Client(transport=transport), max_retries=0) as tasks:
        try:
            if operation == "create":
                result = tasks.create(agent_id="agent-1", user_oidc_token=TOKEN)
            else:
                result = tasks.get("t-1")
        except ModuleException as error:
            _check_error(error, *([TOKEN] if operation == "create" else []))
        else:
            assert isinstance(result, Task)


@SETTINGS
@given(status=statuses, head=headers, body=bodies)
def test_any_answer_ends_in_a_task_or_a_module_exception_async(
    status: int, head: dict[str, str], body: bytes
) -> None:
    async def create() -> object:
        transport = _mock(lambda request: _answer(status, head, body))
        client = httpx.AsyncClient(transport=transport)
        async with Tasks(KEY, async_http_client=client, max_retries=0) as tasks:
            return await tasks.acreate(agent_id="agent-1", user_oidc_token=TOKEN)

    try:
        result = asyncio.run(create())
    except ModuleException as error:
        _check_error(error, TOKEN)
    else:
        assert isinstance(result, Task)


sse_lines = st.one_of(
    st.sampled_from([b"", b": ping", b"retry: 10", b"id: 1", b"id: 2", b"event: x"]),
    st.builds(lambda value: b"data: " + json.dumps(value).encode(), json_values),
    st.builds(
        lambda kind, data: (
            b"data: "
            + json.dumps(
                {"type": kind, "task_id": "t-1", "organization_id": "o", "data": data}
            ).encode()
        ),
        st.sampled_from(["chunk", "task_updated", "task_finished", "new_kind", KEY]),
        json_values | st.just(TASK) | st.just({**TASK, "created_at": KEY}),
    ),
    st.binary(max_size=32).filter(lambda line: b"\n" not in line and b"\r" not in line),
)


@SETTINGS
@given(lines=st.lists(sse_lines, max_size=12))
def test_any_event_stream_ends_in_events_or_a_module_exception(lines: list[bytes]) -> None:
    stream = b"\n".join(lines) + b"\n\n"

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/events"):
            return httpx.Response(
                200, headers={"content-type": "text/event-stream"}, content=stream
            )
        return httpx.Response(200, json=TASK)

    with Tasks(KEY, http_client=httpx.Client(transport=_mock(answer))) as tasks:
        task = tasks.get("t-1")
        try:
            for event in task.events():
                assert event.type is not None
        except ModuleException as error:
            _check_error(error)


# Whatever an app passes: a task, or an InvalidArgumentError naming the parameter.

values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 5),
    st.floats(allow_nan=True),
    st.text(max_size=10),
    st.just(TOKEN),
    st.lists(st.text(max_size=5) | st.integers() | st.none(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.text(max_size=5) | st.integers() | st.just(TOKEN)),
    st.just(object()),
)
PARAMETERS = [
    "existing_task_id", "prompt", "file_urls", "user_details", "agent_version",
    "tool_call_payload_extension", "source", "worker_id", "run_locally", "output_format",
    "output_schema", "events_streaming", "additional_context", "instructions_override",
    "test_run_node_id", "user_oidc_token", "expected_output", "mcp_servers",
    "triggering_agent_id", "title", "think_mode", "disable_attachment_injection",
    "return_metrics", "user_tokens", "principal", "attachments", "tool_call_limit",
    "llm_model_provider", "llm_model_name", "llm_reasoning_effort", "harness_cli",
    "permission_mode", "timeout", "total_timeout", "max_retries",
]  # fmt: skip


SECRET_PARAMETERS = {"user_oidc_token", "user_tokens", "mcp_servers"}


@pytest.fixture(scope="module")
def echo_tasks() -> Any:
    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=TASK)

    with Tasks(KEY, http_client=httpx.Client(transport=_mock(answer))) as tasks:
        yield tasks


@SETTINGS
@given(parameter=st.sampled_from(PARAMETERS), value=values)
def test_any_argument_ends_in_a_task_or_an_invalid_argument_error(
    echo_tasks: Tasks, parameter: str, value: object
) -> None:
    try:
        task = echo_tasks.create(agent_id="agent-1", **{parameter: value})
    except APITimeoutError:
        assert parameter in ("timeout", "total_timeout")  # a tiny one is a real timeout
    except InvalidArgumentError as error:
        assert error.parameter.partition("[")[0].partition(".")[0] == parameter
        if parameter in SECRET_PARAMETERS:  # other values may be quoted: they say what is wrong
            assert TOKEN not in str(error)
    else:
        assert isinstance(task, Task)
