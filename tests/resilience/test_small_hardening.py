"""Small failures that escaped as the wrong error (#26 item 12): an agent version with
surrounding spaces, a Retry-After date past datetime's range, `close()` racing creates."""

from __future__ import annotations

import json
import subprocess
import sys

import httpx
import pytest
from support import API_KEY, fake_task

from xpander_tasks import (
    Agents,
    InternalServerError,
    InvalidArgumentError,
    ModuleException,
    Tasks,
)
from xpander_tasks._retry import retry_after_seconds
from xpander_tasks_server import LocalTaskServer


@pytest.mark.parametrize("version", [" 2", "2 ", " 2 ", "\t2"])
def test_an_agent_version_with_surrounding_spaces_is_refused_before_sending(
    version: str,
) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    tasks = Tasks(API_KEY, http_client=httpx.Client(transport=transport))
    with tasks, pytest.raises(InvalidArgumentError, match="agent_version"):
        tasks.create("agent-1", prompt="hi", agent_version=version)
    agents = Agents(API_KEY, http_client=httpx.Client(transport=transport))
    with agents, pytest.raises(InvalidArgumentError, match="version"):
        agents.get("agent-1", version=version)
    assert sent == []


ABSURD_DATES = [
    "Mon, 01 Feb 2020 00:00:00 +99999999999999999999",
    "Mon, 01 Feb 2020 00:00:00 -99999999999999999999",
]


@pytest.mark.parametrize("value", ABSURD_DATES)
def test_a_retry_after_date_out_of_range_is_ignored(value: str) -> None:
    response = httpx.Response(503, headers={"retry-after": value})
    response.request = httpx.Request("GET", "http://127.0.0.1/")
    error = InternalServerError(503, "busy")
    error.response = response
    assert retry_after_seconds(error) is None


@pytest.mark.parametrize("value", ABSURD_DATES)
def test_a_call_answered_with_an_absurd_retry_after_fails_as_a_module_exception(
    value: str,
) -> None:
    calls: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) == 1:
            return httpx.Response(503, json={"detail": "busy"}, headers={"retry-after": value})
        return httpx.Response(200, json=fake_task({}, id="t-1"))

    transport = httpx.MockTransport(handle)
    with Tasks(API_KEY, max_retries=1, http_client=httpx.Client(transport=transport)) as tasks:
        tasks._retry = tasks._retry._replace(sleep=lambda seconds: None)
        assert tasks.get("t-1").id == "t-1"  # the header ignored, the backoff used
    with Tasks(API_KEY, max_retries=0, http_client=httpx.Client(transport=transport)) as tasks:
        calls.clear()
        with pytest.raises(ModuleException) as caught:
            tasks.get("t-1")
    assert caught.value.status_code == 503


# httpcore's pool.close() can orphan a connection another thread is opening at that moment:
# its socket is left to the collector (a ResourceWarning, upstream's). The race runs in a
# process of its own, so those sockets cannot fail a later test of this one.
_CLOSE_RACE = """
import json, sys, threading, warnings
warnings.simplefilter("ignore", ResourceWarning)
from xpander_tasks import ModuleException, Tasks

tasks = Tasks(sys.argv[2], base_url=sys.argv[1], max_retries=0, timeout=2.0)
escaped, refused, created = [], [], []
done = threading.Event()

def create_many():
    for _ in range(10):
        try:
            created.append(tasks.create("agent-123", prompt="hi").id)
        except ModuleException as error:
            refused.append(type(error).__name__)
        except BaseException as error:
            escaped.append(repr(error))

def close_often():
    while not done.wait(0.005):
        tasks.close()

closer = threading.Thread(target=close_often)
creators = [threading.Thread(target=create_many) for _ in range(8)]
closer.start()
for thread in creators:
    thread.start()
for thread in creators:
    thread.join(60)
done.set()
closer.join(60)
tasks.close()
print(json.dumps({"escaped": escaped, "refused": refused, "created": len(created)}))
"""


def test_close_racing_threads_of_creates_raises_only_module_exceptions(
    task_server: LocalTaskServer,
) -> None:
    """Eight threads create while another closes the client over and over: each call
    creates a task or fails as a ModuleException, never httpx's RuntimeError."""
    done = subprocess.run(
        [sys.executable, "-c", _CLOSE_RACE, task_server.url, task_server.api_key],
        capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout.splitlines()[-1])
    assert outcome["escaped"] == []
    assert outcome["created"] + len(outcome["refused"]) == 80
    # A read on a connection close() shut in another thread waits for its timeout.
    assert set(outcome["refused"]) <= {"APIConnectionError", "APITimeoutError"}


def test_a_create_that_met_a_closed_pool_is_sent_on_a_new_one() -> None:
    """Nothing was sent: safe to try again, and the retry takes a reopened pool."""
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=fake_task({}, id="t-1"))

    tasks = Tasks(API_KEY, base_url="http://127.0.0.1:9")
    tasks._retry = tasks._retry._replace(sleep=lambda seconds: None)
    pool = httpx.Client(transport=httpx.MockTransport(handle))
    tasks._http = tasks._adopt(pool)
    pool.close()  # as a racing close() leaves it between taking the pool and sending
    real = tasks.http_client
    opened: list[httpx.Client] = []

    def reopen() -> httpx.Client:
        client = real()
        if not opened:  # the first attempt meets the closed pool
            opened.append(client)
            return pool
        client._transport = httpx.MockTransport(handle)
        return client

    tasks.http_client = reopen  # type: ignore[method-assign]
    assert tasks.create("agent-1", prompt="hi").id == "t-1"
    assert len(sent) == 1
