"""Hostile review of the request pipeline: what a call's total timeout counts, and an
event stream's answer that is none."""

from __future__ import annotations

import asyncio
import threading
import time

import httpx
import pytest
from faultserver import FaultServer, blackhole_port, hang, slow, task_ok
from support import API_KEY, FAST, LONG, MAY_HAVE_RUN, WATCHDOG, fake_task

from xpander_tasks import APITimeoutError, InvalidResponseError, Task, Tasks


def test_the_wait_for_a_request_slot_is_not_the_answers_time() -> None:
    """A sync call queued behind others (`max_concurrency`) gets its whole total timeout for
    its own exchange, as an async call does: the server has acted on what it was sent, and a
    timeout then would report a create as maybe made (and invite a duplicate)."""
    held = FAST + 3  # the first call holds the only slot longer than the second call's bound
    with FaultServer() as server:
        server.start()
        server.script(slow(held), task_ok())
        tasks = Tasks(
            api_key=API_KEY, base_url=server.url, max_concurrency=1, max_retries=0, timeout=LONG
        )
        first: list[Task] = []
        holder = threading.Thread(
            target=lambda: first.append(tasks.get("task-1", total_timeout=WATCHDOG))
        )
        holder.start()
        deadline = time.monotonic() + WATCHDOG
        while not server.requests and time.monotonic() < deadline:
            time.sleep(0.01)
        assert server.requests, "the first call did not reach the server"
        queued = tasks.get("task-2", total_timeout=FAST)  # sent once the first one is done
        holder.join(WATCHDOG)
        tasks.close()
    assert queued.id and len(first) == 1


def _events_answered_by(answer: httpx.Response) -> tuple[Task, list[httpx.Request]]:
    """A streaming task whose events request gets `answer`."""
    sent: list[httpx.Request] = []
    task_json = fake_task({"input": {"text": "hi", "files": []}, "events_streaming": True})

    def handle(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/events"):
            sent.append(request)
            return answer
        return httpx.Response(200, json=task_json)

    transport = httpx.MockTransport(handle)
    tasks = Tasks(
        api_key=API_KEY,
        max_retries=0,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )
    return tasks.get("task-1"), sent


async def _first_event(task: Task) -> object:
    return await anext(aiter(task.aevents()))


@pytest.mark.parametrize("mode", ["sync", "async"])
def test_a_2xx_that_is_no_event_stream_fails_at_once(mode: str) -> None:
    """A login page or a JSON body in place of the events is the server's answer, not a
    dropped connection: one request, an InvalidResponseError naming what came."""
    page = httpx.Response(200, text="<html>Sign in</html>", headers={"content-type": "text/html"})
    task, sent = _events_answered_by(page)
    with pytest.raises(InvalidResponseError) as caught:
        if mode == "sync":
            next(iter(task.events()))
        else:
            asyncio.run(_first_event(task))
    assert "'text/html', not an event stream" in str(caught.value)
    assert len(sent) == 1


@pytest.mark.parametrize("server_got_it", [False, True], ids=["never-connected", "sent"])
def test_an_async_total_timeout_says_whether_the_request_left(server_got_it: bool) -> None:
    """An async call's total timeout may fire while it still connects: then nothing was sent,
    and a create is neither reported as maybe made nor kept from its retry."""

    async def create(url: str) -> APITimeoutError:
        tasks = Tasks(api_key=API_KEY, base_url=url, max_retries=0, timeout=LONG, total_timeout=1)
        with pytest.raises(APITimeoutError) as caught:
            await asyncio.wait_for(tasks.acreate("agent-1", prompt="hi"), WATCHDOG)
        await tasks.aclose()
        return caught.value

    if server_got_it:
        with FaultServer(default=hang()) as server:
            server.start()
            error = asyncio.run(create(server.url))
        assert server.creates == 1
    else:
        with blackhole_port() as port:
            error = asyncio.run(create(f"http://127.0.0.1:{port}"))
    assert error.request_sent is server_got_it
    assert (MAY_HAVE_RUN in str(error)) is server_got_it
