"""How to test an app's handling of xpander tasks with the `xpander_server` fixture.

Each test scripts what the agent or the wire does, runs the app (`summary_app.py`) against
the real local server over loopback, and checks what the app said and what it asked for.
"""

from __future__ import annotations

import pytest
from summary_app import AGENT_ID, Summary, summarize

from xpander_tasks_testing import XpanderServer

pytestmark = pytest.mark.timeout(60)


def test_a_completed_task_gives_the_scripted_result(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, result="Sales rose 4%.")

    summary = summarize("the Q3 sales report")

    assert summary == Summary(True, "Sales rose 4%.", summary.task_id)


def test_a_failed_task_is_reported_with_its_reason(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, status="failed", result="The document is empty.")

    assert summarize("").text == "The summarizer failed: The document is empty."


def test_a_task_stopped_on_the_platform(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, status="stopped")

    assert summarize("anything").text == "The summary was stopped."


def test_a_slow_task_is_stopped_by_the_app(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, executing=600)  # the agent would run ten minutes

    summary = summarize("a very long book", timeout=0.5)

    assert summary.text == "The summary took too long."
    assert summary.task_id is not None
    assert xpander_server.tasks.get(summary.task_id).status.value == "stopped"


def test_a_rate_limit_is_waited_out_and_one_task_is_made(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, result="Done.")
    xpander_server.fault(429, headers={"Retry-After": "1"}, operation="create_task")

    assert summarize("the report").ok

    first, second = xpander_server.creates()
    assert (first.status_code, second.status_code) == (429, 200)
    assert second.received_at - first.received_at >= 1.0  # Retry-After was honoured
    assert len(xpander_server.tasks_created()) == 1


def test_a_rate_limit_that_lasts_is_reported(xpander_server: XpanderServer) -> None:
    xpander_server.fault(429, headers={"Retry-After": "0"}, operation="create_task", times=None)

    assert summarize("the report").text == "The summarizer is busy; try again in a minute."
    assert xpander_server.tasks_created() == []


def test_a_500_on_create_is_not_asked_twice(xpander_server: XpanderServer) -> None:
    # The server made the task, then its answer was lost in a 500: the app must not retry.
    xpander_server.agent(AGENT_ID)  # the default run; the agent exists once scripted
    xpander_server.fault(500, operation="create_task", acted=True)

    summary = summarize("the report")

    assert summary.text == "Your summary may still come; we will not ask twice."
    assert len(xpander_server.creates()) == 1
    assert len(xpander_server.tasks_created()) == 1


def test_an_unknown_agent(xpander_server: XpanderServer) -> None:
    # Not scripted, so it does not exist here: the create is refused and nothing is made.
    assert summarize("the report").text == "Could not ask for a summary: Agent not found"
    assert [create.status_code for create in xpander_server.creates()] == [404]


def test_a_gateway_page_on_create(xpander_server: XpanderServer) -> None:
    page = "<html><body><h1>502 Bad Gateway</h1></body></html>"
    xpander_server.fault(
        502, body=page, headers={"content-type": "text/html"}, operation="create_task"
    )

    assert summarize("the report").text == "Your summary may still come; we will not ask twice."


def test_a_dropped_event_stream_is_resumed(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, result="All good.")
    xpander_server.drop_stream(after=3)

    assert summarize("the report").text == "All good."
    assert xpander_server.server.counters.event_streams == 2  # dropped once, resumed once


def test_the_creates_received(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID)
    summarize("the minutes")

    (create,) = xpander_server.tasks_created(AGENT_ID)
    assert create.prompt == "Summarize: the minutes"
    assert create.body["events_streaming"] is True
    assert "x-api-key" not in create.headers
    assert create.request_id.startswith("req_")
