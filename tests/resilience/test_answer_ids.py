"""Ids from the server's answers are checked, as a caller's, before they go into a path:
an answer must not steer a request carrying the key to another route (#26 item 7)."""

from __future__ import annotations

import asyncio
import json
from typing import Any, TypeVar

import httpx
import pytest
from support import API_KEY, TASK_CALLS, fake_task

from xpander_tasks import Agents, InvalidResponseError, Task, Tasks

ClientT = TypeVar("ClientT", Tasks, Agents)
HOSTILE_IDS = ["x/../../../admin", "x?admin=1", "x#cut", "..", "a b", "x%2Fy", ""]


def _client(cls: type[ClientT], answer: dict[str, Any], sent: list[httpx.Request]) -> ClientT:
    """A `cls` client whose every request is recorded in `sent` and gets `answer`."""

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if "list" in answer:
            return httpx.Response(200, json=answer["list"])
        return httpx.Response(200, json=answer)

    transport = httpx.MockTransport(handle)
    return cls(
        api_key=API_KEY,
        base_url="http://127.0.0.1:9",
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )


def _task_with(sent: list[httpx.Request], **fields: Any) -> Task:
    """A task read from an answer carrying `fields`; `sent` records every request after it."""
    answer = fake_task({"input": {"text": "hi", "files": []}}, events_streaming=True, **fields)
    tasks = _client(Tasks, answer, sent)
    task = tasks.get("task-1")
    sent.clear()
    return task


CALLS = {**TASK_CALLS, "wait": lambda task: task.wait(timeout=5, poll_interval=0.01)}


@pytest.mark.parametrize("call", CALLS)
@pytest.mark.parametrize("bad_id", HOSTILE_IDS)
def test_a_task_id_from_an_answer_never_goes_into_a_path(call: str, bad_id: str) -> None:
    sent: list[httpx.Request] = []
    task = _task_with(sent, id=bad_id)
    with pytest.raises(InvalidResponseError, match=r"task\.id.*in the server's answer"):
        CALLS[call](task)
    assert sent == []


@pytest.mark.parametrize("call", ["events", "aevents"])
def test_an_organization_id_from_an_answer_never_goes_into_the_events_path(call: str) -> None:
    sent: list[httpx.Request] = []
    task = _task_with(sent, organization_id="../admin")
    with pytest.raises(InvalidResponseError, match=r"task\.organization_id"):
        CALLS[call](task)
    assert sent == []


@pytest.mark.parametrize("call", ["get_activity_log", "aget_activity_log"])
def test_an_agent_id_from_an_answer_never_goes_into_the_activity_path(call: str) -> None:
    sent: list[httpx.Request] = []
    task = _task_with(sent, agent_id="a/../../admin")
    with pytest.raises(InvalidResponseError, match=r"task\.agent_id"):
        CALLS[call](task)
    assert sent == []


def test_a_list_items_id_is_checked_before_load() -> None:
    sent: list[httpx.Request] = []
    item = {"id": "x/../../admin", "agent_id": "a-1", "organization_id": "o", "status": "pending"}
    tasks = _client(Tasks, {"list": [item]}, sent)
    [listed] = tasks.list("a-1")
    sent.clear()
    with pytest.raises(InvalidResponseError, match=r"item\.id"):
        listed.load()
    with pytest.raises(InvalidResponseError, match=r"item\.id"):
        asyncio.run(listed.aload())
    assert sent == []


def test_an_agents_id_from_an_answer_is_checked_before_create_task() -> None:
    sent: list[httpx.Request] = []
    agents = _client(
        Agents, {"id": "a/../../admin", "organization_id": "o", "name": "n", "version": 1}, sent
    )
    agent = agents.get("agent-1")
    sent.clear()
    with pytest.raises(InvalidResponseError, match=r"agent\.id"):
        agent.create_task(prompt="hi")
    with pytest.raises(InvalidResponseError, match=r"agent\.id"):
        asyncio.run(agent.acreate_task(prompt="hi"))
    assert sent == []


def test_good_ids_from_answers_still_work() -> None:
    """The check lets real ids through: the events URL is the task's own."""
    sent: list[httpx.Request] = []
    task = _task_with(sent, id="7f1c2a9e-good", organization_id="org-1")
    task.reload()
    assert [request.url.path for request in sent] == ["/agent-execution/7f1c2a9e-good/status"]
    assert json.loads(sent[0].content or b"null") is None
