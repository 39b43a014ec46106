"""The whole Tasks module against the real local server: list, update, stop, save, set_status,
report, activity log, load; sync and async, and a program written for the published SDK."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest

from xpander_tasks import (
    ActivityLog,
    AgentExecutionStatus,
    ConfigurationError,
    InternalServerError,
    InvalidArgumentError,
    NotFoundError,
    RateLimitError,
    Task,
    Tasks,
    TasksListItem,
    TaskUpdateEventType,
    Tokens,
)
from xpander_tasks_server import LocalTaskServer

AGENT = "agent-123"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def sync_tasks(task_server: LocalTaskServer) -> Iterator[Tasks]:
    with Tasks(task_server.api_key, base_url=task_server.url) as tasks:
        yield tasks


@pytest.fixture
async def async_tasks(task_server: LocalTaskServer) -> AsyncIterator[Tasks]:
    async with Tasks(task_server.api_key, base_url=task_server.url) as tasks:
        yield tasks


def test_sdk_names_read_and_write() -> None:
    assert TaskUpdateEventType.TaskFinished.value == "task_finished"
    assert Tokens(prompt_tokens=1, total_tokens=3).to_dict()["total_tokens"] == 3


def test_list_update_stop_and_load_sync(task_server: LocalTaskServer, sync_tasks: Tasks) -> None:
    first = sync_tasks.create(
        agent_id=AGENT, prompt="one", user_details={"email": "a@e.com", "id": "u-1"}
    )
    second = sync_tasks.create(agent_id=AGENT, prompt="two")
    listed = sync_tasks.list(AGENT)
    assert [item.id for item in listed] == [second.id, first.id]  # newest first
    assert all(isinstance(item, TasksListItem) for item in listed)
    loaded = listed[1].load()
    assert (type(loaded), loaded.input.text) == (Task, "one")

    updated = sync_tasks.update(first.id, status=AgentExecutionStatus.Paused, result="halfway")
    assert (updated.status, updated.result) == (AgentExecutionStatus.Paused, "halfway")
    paused = sync_tasks.list(AGENT, {"status": AgentExecutionStatus.Paused})
    assert [item.id for item in paused] == [first.id]  # the enum went out as its value
    assert sync_tasks.list(AGENT, status="paused", user_id="u-1")[0].id == first.id
    assert [item.id for item in sync_tasks.list_user_tasks("u-1")] == [first.id]

    stopped = sync_tasks.stop(second.id)
    assert stopped.status is AgentExecutionStatus.Stopped and stopped.is_manually_stopped is True
    assert sync_tasks.get(second.id).status is AgentExecutionStatus.Stopped  # stays stopped
    assert task_server.counters.tasks_stopped == 1
    assert task_server.counters.tasks_updated == 1


async def test_list_update_stop_and_load_async(
    task_server: LocalTaskServer, async_tasks: Tasks
) -> None:
    task = await async_tasks.acreate(agent_id=AGENT, prompt="async one")
    [item] = await async_tasks.alist(AGENT)
    assert (await item.aload()).input.text == "async one"
    updated = await async_tasks.aupdate(task.id, source="app", last_executed_node_id="n-1")
    assert (updated.source, updated.last_executed_node_id) == ("app", "n-1")
    assert (await async_tasks.astop(task.id)).status is AgentExecutionStatus.Stopped
    assert await async_tasks.alist_user_tasks("nobody") == []
    assert task_server.counters.requests["list_tasks"] == 1


def test_a_task_changes_itself_in_place(sync_tasks: Tasks) -> None:
    task = sync_tasks.create(agent_id=AGENT, prompt="in place")
    task.title = "renamed"
    assert task.save() is task and task.title == "renamed"
    assert sync_tasks.get(task.id).title == "renamed"
    task.set_status(AgentExecutionStatus.Completed, "done")
    assert (task.status, task.result) == (AgentExecutionStatus.Completed, "done")
    task.set_status("paused")  # a value works as the member; the result goes to None
    assert (task.status, task.result) == (AgentExecutionStatus.Paused, None)
    task.stop()
    assert task.status is AgentExecutionStatus.Stopped
    log = task.get_activity_log()
    assert isinstance(log, ActivityLog) and log.messages


async def test_a_task_changes_itself_in_place_async(async_tasks: Tasks) -> None:
    task = await async_tasks.acreate(agent_id=AGENT, prompt="in place")
    await task.aset_status(AgentExecutionStatus.Error, "broke")
    assert (await async_tasks.aget(task.id)).status is AgentExecutionStatus.Error
    await task.astop()
    assert task.is_manually_stopped is True
    assert (await task.aget_activity_log()).id
    assert (await task.areload()).status is AgentExecutionStatus.Stopped


def test_report_and_load_with_a_client_from_the_environment(
    task_server: LocalTaskServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XPANDER_API_KEY", task_server.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", task_server.url)
    reported = Task.report_external_task(
        agent_id=AGENT,
        id="external-1",
        input="What ran elsewhere",
        tokens=Tokens(prompt_tokens=3, completion_tokens=4),
        result="42",
        duration=1.5,
        used_tools=["search"],
        llm_response={"choices": [{"text": "42"}]},
    )
    assert (reported.id, reported.status) == ("external-1", AgentExecutionStatus.Completed)
    assert reported.input.text == "What ran elsewhere"
    failed = asyncio.run(
        Task.areport_external_task(agent_id=AGENT, is_success=False, tokens={"prompt_tokens": 1})
    )
    assert failed.status is AgentExecutionStatus.Failed
    loaded = Task.load("external-1")
    assert (loaded.id, loaded.result) == ("external-1", "42")
    assert task_server.counters.tasks_reported == 2


def test_a_client_of_the_wrong_kind_is_named_before_anything_is_sent() -> None:
    calls = (
        lambda: Task.load("task-1", "not-a-client"),  # type: ignore[arg-type]
        lambda: asyncio.run(Task.aload("task-1", "not-a-client")),  # type: ignore[arg-type]
        lambda: Task.report_external_task(agent_id=AGENT, client="not-a-client"),  # type: ignore[arg-type]
    )
    for call in calls:
        with pytest.raises(
            InvalidArgumentError, match="must be a Configuration or a Tasks client, not str"
        ):
            call()


def test_report_sends_the_sdks_body() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        task = {"id": "r-1", "agent_id": AGENT, "organization_id": "o", "input": {"text": "q"}}
        return httpx.Response(200, json={**task, "created_at": "2026-01-01T00:00:00Z"})

    with Tasks("key", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as tasks:
        Task.report_external_task(
            tasks, agent_id=AGENT, input="q", tokens={"prompt_tokens": 3, "completion_tokens": 4}
        )

    body = json.loads(seen[0].content)
    assert seen[0].url.path == f"/agent-execution/{AGENT}/report_task"
    assert body == {
        "id": None,
        "input": "q",
        "llm_response": None,
        "tokens": {
            "completion_tokens": 4,
            "prompt_tokens": 3,
            "cache_read_tokens": 0,
            "cache_write_tokens": 0,
            "total_tokens": 7,
        },
        "is_success": True,
        "result": None,
        "duration": 0,
        "used_tools": [],
    }


def test_update_sends_only_what_is_given() -> None:
    bodies: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(request.content)
        task = {"id": "t-1", "agent_id": AGENT, "organization_id": "o", "input": {"text": ""}}
        return httpx.Response(200, json={**task, "created_at": "2026-01-01T00:00:00Z"})

    with Tasks("key", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as tasks:
        tasks.update("t-1")
        tasks.update("t-1", {"k": 1}, None, "completed", result="")
    # Compared as JSON: httpx before 0.28 (which pyproject allows) puts spaces between items.
    assert [json.loads(body) for body in bodies] == [
        {},
        {"tool_call_payload_extension": {"k": 1}, "status": "completed", "result": ""},
    ]


# Bad input: refused before anything is sent.


@pytest.mark.parametrize(
    ("call", "parameter"),
    [
        (lambda tasks: tasks.stop("missing/../x"), "task_id"),
        (lambda tasks: tasks.update("a?b", status="paused"), "task_id"),
        (lambda tasks: tasks.list("..", None), "agent_id"),
        (lambda tasks: tasks.list_user_tasks("u#1"), "user_id"),
        (lambda tasks: tasks.list(AGENT, {"limit": {"a": 1}}), "filters['limit']"),
        (lambda tasks: tasks.list(AGENT, {"status": "sleeping"}), "status"),
        (lambda tasks: tasks.list(AGENT, {"status": "paused"}, status="failed"), "status"),
        (lambda tasks: tasks.update("t-1", status="sleeping"), "status"),
        (lambda tasks: Task.report_external_task(tasks, agent_id="a/b"), "agent_id"),
        (
            lambda tasks: Task.report_external_task(tasks, agent_id=AGENT, llm_response={1j}),
            "llm_response",
        ),
    ],
)
def test_bad_arguments_are_refused_before_sending(call: object, parameter: str) -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    with (
        Tasks("key", http_client=httpx.Client(transport=transport)) as tasks,
        pytest.raises(InvalidArgumentError) as caught,
    ):
        call(tasks)  # type: ignore[operator]
    assert caught.value.parameter == parameter
    assert sent == []


def test_an_unbound_task_says_how_to_bind_it() -> None:
    task = Task.from_dict(
        {"id": "t-1", "agent_id": AGENT, "organization_id": "o", "input": {"text": ""},
         "created_at": "2026-01-01T00:00:00Z"}
    )  # fmt: skip
    with pytest.raises(ConfigurationError, match="not bound to a client"):
        task.stop()


def test_missing_tasks_are_404(sync_tasks: Tasks) -> None:
    for call in (
        lambda: sync_tasks.stop("t-missing"),
        lambda: sync_tasks.update("t-missing", status="paused"),
        lambda: sync_tasks.list("agent-999"),
    ):
        with pytest.raises(NotFoundError):
            call()


# Retries: changes are not repeated on a lost answer; reads are.


@pytest.mark.parametrize(
    ("call", "operation"),
    [
        (lambda tasks: tasks.update("t-1", status="paused"), "update"),
        (lambda tasks: tasks.stop("t-1"), "stop"),
        (lambda tasks: Task.report_external_task(tasks, agent_id=AGENT), "report"),
    ],
)
def test_changes_are_not_repeated_after_a_500_but_are_after_a_503(
    call: object, operation: str
) -> None:
    answers = iter(
        [httpx.Response(503, json={"detail": "busy"}), httpx.Response(500, json={"detail": "oops"})]
    )
    sent: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return next(answers)

    with Tasks("key", http_client=httpx.Client(transport=httpx.MockTransport(answer))) as tasks:
        tasks._retry = tasks._retry._replace(sleep=lambda delay: None)
        with pytest.raises(InternalServerError) as caught:
            call(tasks)  # type: ignore[operator]
    assert len(sent) == 2  # the 503 was retried, the 500 was not
    assert "may have been" in (caught.value.hint or ""), operation


def test_lists_are_retried_like_reads() -> None:
    answers = iter([httpx.Response(500), httpx.Response(429), httpx.Response(200, json=[])])
    with Tasks(
        "key", http_client=httpx.Client(transport=httpx.MockTransport(lambda r: next(answers)))
    ) as tasks:
        tasks._retry = tasks._retry._replace(sleep=lambda delay: None)
        assert tasks.list(AGENT, max_retries=2) == []
    with Tasks(
        "key",
        http_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(429))),
    ) as tasks:
        tasks._retry = tasks._retry._replace(sleep=lambda delay: None)
        with pytest.raises(RateLimitError):
            tasks.list(AGENT, max_retries=1)


# A program written for the published SDK runs with only its imports changed.


def test_a_published_sdk_program_runs_with_only_its_imports_changed(
    task_server: LocalTaskServer,
) -> None:
    program = (EXAMPLES / "sdk_program.py").read_text()
    assert "from xpander_sdk import" in program
    ours = program.replace("from xpander_sdk import", "from xpander_tasks import")
    environment = {
        **os.environ,
        "XPANDER_API_KEY": task_server.api_key,
        "XPANDER_BASE_URL": task_server.url,
    }
    done = subprocess.run(
        [sys.executable, "-c", ours], capture_output=True, text=True, env=environment,
        timeout=120, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "all calls done"
