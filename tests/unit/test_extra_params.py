"""Per-call `extra_headers`, `extra_query` and `extra_body` (openai-python's): they reach the
wire, are checked before sending, and can never replace the key or the transport's headers."""

from __future__ import annotations

import asyncio
import json
import math
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from support import API_KEY, fake_task

from xpander_tasks import Agents, APIStatusError, InvalidArgumentError, Task, Tasks
from xpander_tasks._params import call_options

TASK_ID = "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b"


def recording_tasks(requests: list[httpx.Request]) -> Tasks:
    """A `Tasks` whose calls are recorded and answered with a task (a list with none)."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if "/history/" in request.url.path or request.url.path == "/agents/list":
            return httpx.Response(200, json=[])
        if request.url.path.startswith("/activity/"):
            thread = {"id": "t-1", "created_at": "2026-01-01T00:00:00Z", "messages": []}
            return httpx.Response(200, json=thread)
        if request.url.path.startswith("/agents/"):
            return httpx.Response(
                200, json={"id": "agent-1", "name": "a", "version": 1, "organization_id": "o"}
            )
        body = json.loads(request.content) if request.content else {}
        return httpx.Response(200, json=fake_task({k: v for k, v in body.items() if k == "id"}))

    transport = httpx.MockTransport(handle)
    return Tasks(
        api_key=API_KEY,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
        max_retries=0,
    )


EXTRAS: dict[str, Any] = {
    "extra_headers": {"X-Trace": "abc-1"},
    "extra_query": {"debug": True, "page": 2},
}

# Each sending method: how to call it with keyword extras.
CALLS: dict[str, Callable[[Tasks, dict[str, Any]], Any]] = {
    "create": lambda tasks, extra: tasks.create("agent-1", prompt="hi", **extra),
    "acreate": lambda tasks, extra: asyncio.run(tasks.acreate("agent-1", prompt="hi", **extra)),
    "get": lambda tasks, extra: tasks.get(TASK_ID, **extra),
    "aget": lambda tasks, extra: asyncio.run(tasks.aget(TASK_ID, **extra)),
    "list": lambda tasks, extra: tasks.list("agent-1", **extra),
    "list_user_tasks": lambda tasks, extra: tasks.list_user_tasks("user-1", **extra),
    "update": lambda tasks, extra: tasks.update(TASK_ID, result="done", **extra),
    "stop": lambda tasks, extra: tasks.stop(TASK_ID, **extra),
}


@pytest.mark.parametrize("method", CALLS)
def test_extra_headers_and_query_reach_the_wire(method: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        CALLS[method](tasks, EXTRAS)
    (request,) = requests
    assert request.headers["x-trace"] == "abc-1"
    assert request.headers["x-api-key"] == API_KEY
    assert request.url.params["debug"] == "true"
    assert request.url.params["page"] == "2"


@pytest.mark.parametrize("method", ["create", "acreate"])
def test_extra_body_field_the_spec_lacks_is_sent(method: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        CALLS[method](tasks, {"extra_body": {"future_field": {"depth": [1, 2.5, None]}}})
    (request,) = requests
    body = json.loads(request.content)
    assert body["future_field"] == {"depth": [1, 2.5, None]}
    assert body["input"]["text"] == "hi"


def test_extra_body_leaves_the_callers_dict_alone() -> None:
    extra = {"future_field": {"nested": [1]}}
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        tasks.create("agent-1", extra_body=extra)
        extra["future_field"]["nested"].append(2)
        tasks.create("agent-1", extra_body={"other": 1})
    assert json.loads(requests[0].content)["future_field"] == {"nested": [1]}
    assert "future_field" not in json.loads(requests[1].content)


def test_list_extra_query_joins_unknown_filters() -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        tasks.list("agent-1", {"new_filter": "a"}, status="completed", extra_query={"x": "1"})
    (request,) = requests
    assert dict(request.url.params) == {"new_filter": "a", "status": "completed", "x": "1"}


@pytest.mark.parametrize(
    "header",
    ["x-api-key", "X-API-Key", "Host", "Content-Length", "content-type", "Transfer-Encoding",
     "Authorization", "x-agent-version"],
)  # fmt: skip
def test_client_headers_cannot_be_replaced(header: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks, pytest.raises(InvalidArgumentError, match="set by"):
        tasks.create("agent-1", extra_headers={header: "attacker"})
    assert requests == []


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"extra_headers": {"bad name": "v"}}, "not a header name"),
        ({"extra_headers": {"": "v"}}, "non-empty text"),
        ({"extra_headers": {"x-a": "line\r\nx-api-key: k"}}, "one line"),
        ({"extra_headers": {"x-a": "é"}}, "ASCII"),
        ({"extra_headers": {"x-a": 5}}, "text"),
        ({"extra_headers": ["x-a"]}, "must be a dict"),
        ({"extra_query": {"q": object()}}, "text, a number or a bool"),
        ({"extra_query": {1: "v"}}, "text"),
        ({"extra_body": {"f": math.nan}}, "must be JSON"),
        ({"extra_body": {"f": {1: "v"}}}, "text for every name"),
        ({"extra_body": {"f": {1, 2}}}, "must be JSON"),
        ({"extra_body": "f=1"}, "must be a dict"),
        ({"extra_body": {"prompt_override": 1, "title": "t"}}, "'title': pass the call's"),
        ({"extra_body": {"input": {"text": "x"}}}, "'input': pass the call's"),
    ],
)
def test_bad_extras_are_refused_before_sending(extra: dict[str, Any], message: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks, pytest.raises(InvalidArgumentError, match=message):
        tasks.create("agent-1", **extra)
    assert requests == []


def test_list_extra_query_may_not_repeat_a_filter_parameter() -> None:
    with recording_tasks([]) as tasks, pytest.raises(InvalidArgumentError, match="'status'"):
        tasks.list("agent-1", extra_query={"status": "completed"})


def test_update_has_no_extra_body_as_its_body_is_closed() -> None:
    with recording_tasks([]) as tasks, pytest.raises(TypeError, match="extra_body"):
        tasks.update(TASK_ID, result="done", extra_body={"x": 1})  # type: ignore[call-arg]


def test_header_value_never_in_the_refusal_or_the_options_repr() -> None:
    secret = "sk-secret-\u00e9-value"
    with pytest.raises(InvalidArgumentError) as caught:
        call_options(extra_headers={"x-token": secret})
    assert secret not in str(caught.value)
    options = call_options(
        extra_headers={"x-token": "sk-secret"}, extra_body={"token": "sk-body-secret"}
    )
    assert "sk-secret" not in repr(options)
    assert "sk-body-secret" not in repr(options)
    assert "x-token" in repr(options)


def test_no_extras_adds_nothing() -> None:
    assert call_options() is call_options(extra_headers=None, extra_query=None, extra_body=None)


# The methods of a task the client returned, and of `Agents` and `Agent`.
TASK_CALLS: dict[str, Callable[[Any, dict[str, Any]], Any]] = {
    "reload": lambda task, extra: task.reload(**extra),
    "areload": lambda task, extra: asyncio.run(task.areload(**extra)),
    "save": lambda task, extra: task.save(**extra),
    "asave": lambda task, extra: asyncio.run(task.asave(**extra)),
    "set_status": lambda task, extra: task.set_status("completed", "ok", **extra),
    "aset_status": lambda task, extra: asyncio.run(task.aset_status("completed", "ok", **extra)),
    "stop": lambda task, extra: task.stop(**extra),
    "astop": lambda task, extra: asyncio.run(task.astop(**extra)),
    "get_activity_log": lambda task, extra: task.get_activity_log(**extra),
    "aget_activity_log": lambda task, extra: asyncio.run(task.aget_activity_log(**extra)),
}
AGENT_CALLS: dict[str, Callable[[Agents, dict[str, Any]], Any]] = {
    "get": lambda agents, extra: agents.get("agent-1", **extra),
    "aget": lambda agents, extra: asyncio.run(agents.aget("agent-1", **extra)),
    "list": lambda agents, extra: agents.list(**extra),
    "alist": lambda agents, extra: asyncio.run(agents.alist(**extra)),
    "create_task": lambda agents, extra: agents.get("agent-1").create_task("hi", **extra),
    "acreate_task": lambda agents, extra: asyncio.run(
        agents.get("agent-1").acreate_task("hi", **extra)
    ),
}


@pytest.mark.parametrize("method", TASK_CALLS)
def test_task_methods_send_the_extras(method: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        task = tasks.create("agent-1", prompt="hi")
        TASK_CALLS[method](task, EXTRAS)
    request = requests[-1]
    assert request.headers["x-trace"] == "abc-1"
    assert request.headers["x-api-key"] == API_KEY
    assert (request.url.params["debug"], request.url.params["page"]) == ("true", "2")


@pytest.mark.parametrize("method", ["save", "asave", "set_status", "aset_status"])
def test_task_save_sends_extra_body_and_keeps_the_task_clean(method: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        task = tasks.create("agent-1", prompt="hi")
        TASK_CALLS[method](task, {"extra_body": {"future_field": 1}})
        with pytest.raises(InvalidArgumentError, match="'status'"):
            TASK_CALLS[method](task, {"extra_body": {"status": "failed"}})
    assert json.loads(requests[-1].content)["future_field"] == 1
    assert "future_field" not in task.additional_properties


@pytest.mark.parametrize("method", AGENT_CALLS)
def test_agent_methods_send_the_extras(method: str) -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        AGENT_CALLS[method](tasks._as_client(Agents), EXTRAS)
    request = requests[-1]
    assert request.headers["x-trace"] == "abc-1"
    assert request.headers["x-api-key"] == API_KEY
    assert (request.url.params["debug"], request.url.params["page"]) == ("true", "2")


def test_report_sends_extra_body() -> None:
    requests: list[httpx.Request] = []
    with recording_tasks(requests) as tasks:
        Task.report_external_task(
            agent_id="agent-1", input="hi", client=tasks, extra_body={"future_field": [1]},
            extra_headers={"X-Trace": "r"},
        )  # fmt: skip
    (request,) = requests
    assert json.loads(request.content)["future_field"] == [1]
    assert request.headers["x-trace"] == "r"


def test_a_real_server_takes_a_create_with_extras(task_server: Any) -> None:
    """End to end: the local server accepts the added header, parameter and body field."""
    with Tasks(api_key=task_server.api_key, base_url=task_server.url) as tasks:
        task = tasks.create(
            "agent-123", prompt="hi", extra_headers={"X-Trace": "e2e"},
            extra_query={"debug": 1}, extra_body={"future_field": "x"},
        )  # fmt: skip
        assert tasks.get(task.id, extra_headers={"X-Trace": "e2e"}).id == task.id


@pytest.mark.parametrize("status", [400, 500])
def test_an_error_echoing_an_extra_header_never_shows_its_value(status: int) -> None:
    secret = "user-token-8c1d2e3f4a5b"

    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json={"detail": f"bad token {request.headers['x-user']}"})

    transport = httpx.MockTransport(echo)
    with (
        Tasks(
            api_key=API_KEY, http_client=httpx.Client(transport=transport), max_retries=0
        ) as tasks,
        pytest.raises(APIStatusError) as caught,
    ):
        tasks.get(TASK_ID, extra_headers={"X-User": secret})
    shown = f"{caught.value!s} {caught.value!r} {caught.value.__cause__!r}"
    assert "bad token" in shown
    assert secret not in shown
