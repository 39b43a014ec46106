"""A call's own state (its timeouts, extra headers and query, the secrets its errors must not
repeat) is passed along to the request it builds, not kept in a context variable for event
hooks: it reaches its request, and concurrent calls never see each other's."""

from __future__ import annotations

import asyncio
import importlib
import pkgutil
from contextvars import ContextVar
from typing import Any

import httpx
import pytest
from support import API_KEY, fake_task

import xpander_tasks
from xpander_tasks import APIStatusError, Task, Tasks

SECRET_HEADER = "hdr-secret-4f1e"
TOKEN = "oidc-secret-9a7b"


def _tasks(handler: Any, **options: Any) -> Tasks:
    transport = httpx.MockTransport(handler)
    return Tasks(
        api_key=API_KEY,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
        **options,
    )


def test_no_context_variable_carries_a_call() -> None:
    names = [info.name for info in pkgutil.iter_modules(xpander_tasks.__path__)]
    assert "_base_client" in names
    for name in names:
        if name == "__main__":  # runs the CLI
            continue
        module = importlib.import_module(f"xpander_tasks.{name}")
        held = [key for key, value in vars(module).items() if isinstance(value, ContextVar)]
        assert held == [], module.__name__


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_the_calls_timeout_and_headers_reach_its_request(mode: str) -> None:
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=fake_task({}))

    tasks = _tasks(handle, timeout=20.0)
    own = {"timeout": httpx.Timeout(3.5), "extra_headers": {"X-Trace": "t-1"}}
    own["extra_query"] = {"debug": True}
    if mode == "sync":
        tasks.get("t-1", **own)
        tasks.get("t-1")
    else:

        async def both() -> None:
            await tasks.aget("t-1", **own)
            await tasks.aget("t-1")

        asyncio.run(both())
    first, second = requests
    assert first.extensions["timeout"] == httpx.Timeout(3.5).as_dict()
    assert first.headers["x-trace"] == "t-1" and first.url.params["debug"] == "true"
    assert first.headers["x-api-key"] == API_KEY
    # The next call has its own state: the client's timeout, no extras.
    assert second.extensions["timeout"] == httpx.Timeout(20.0).as_dict()
    assert "x-trace" not in second.headers and "debug" not in second.url.params


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_an_error_echoing_the_calls_secrets_repeats_none(mode: str) -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        # The error body repeats the key, the call's header and the body's token.
        said = f"{request.headers['x-api-key']} {request.headers['x-upstream']} {TOKEN}"
        return httpx.Response(500, json={"detail": said})

    tasks = _tasks(echo, max_retries=0)
    call: dict[str, Any] = {"prompt": "hi", "user_oidc_token": TOKEN}
    call["extra_headers"] = {"X-Upstream": SECRET_HEADER}
    with pytest.raises(APIStatusError) as caught:
        if mode == "sync":
            tasks.create("agent-1", **call)
        else:
            asyncio.run(tasks.acreate("agent-1", **call))
    shown = f"{caught.value} {caught.value!r} {caught.value.detail}"
    for secret in (API_KEY, SECRET_HEADER, TOKEN):
        assert secret not in shown
    assert caught.value.status_code == 500


def test_an_error_about_a_task_repeats_none_of_its_secrets() -> None:
    def echo(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"detail": f"bad token {TOKEN}"})

    tasks = _tasks(echo, max_retries=0)
    task = Task.parse(fake_task({}, user_oidc_token=TOKEN), tasks)
    with pytest.raises(APIStatusError) as caught:
        task.reload()
    assert TOKEN not in str(caught.value) and "bad token" in str(caught.value)


def test_concurrent_async_calls_keep_their_own_headers() -> None:
    """Calls interleaved on one loop: each request carries its own call's header."""
    mixed: list[str] = []

    async def handle(request: httpx.Request) -> httpx.Response:
        for _ in range(3):  # let the other calls build and send theirs meanwhile
            await asyncio.sleep(0)
        task_id = request.url.path.split("/")[2]
        if request.headers.get("x-call") != task_id or request.url.params.get("call") != task_id:
            mixed.append(task_id)
        return httpx.Response(200, json=fake_task({}, id=task_id))

    tasks = _tasks(handle)

    async def many() -> list[str]:
        calls = [
            tasks.aget(f"t-{n}", extra_headers={"X-Call": f"t-{n}"}, extra_query={"call": f"t-{n}"})
            for n in range(40)
        ]
        return [task.id for task in await asyncio.gather(*calls)]

    assert asyncio.run(many()) == [f"t-{n}" for n in range(40)]
    assert mixed == []


def test_a_callers_own_event_hooks_still_run() -> None:
    seen: list[str] = []

    def on_request(request: httpx.Request) -> None:
        seen.append(f"request, key {'x-api-key' in request.headers}")

    def on_response(response: httpx.Response) -> None:
        seen.append(f"response {response.status_code}")

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=fake_task({}))

    own = httpx.Client(
        transport=httpx.MockTransport(handle),
        event_hooks={"request": [on_request], "response": [on_response]},
    )
    with Tasks(API_KEY, http_client=own) as tasks:
        assert tasks.get("t-1").id
    # The caller's hooks run before the key is set: theirs never see it.
    assert seen == ["request, key False", "response 200"]


def test_a_redirect_is_not_followed_with_the_key() -> None:
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(307, headers={"location": "https://elsewhere.example/steal"})

    own = httpx.Client(transport=httpx.MockTransport(handle), follow_redirects=True)
    with Tasks(API_KEY, http_client=own, max_retries=0) as tasks, pytest.raises(APIStatusError):
        tasks.get("t-1")
    assert [request.url.host for request in requests] == ["inbound.xpander.ai"]
