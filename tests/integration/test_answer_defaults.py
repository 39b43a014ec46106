"""A field an answer leaves out reads the published SDK's default (stated once, as `default:`
in openapi.yaml), never `UNSET`; `task.status` is an `AgentExecutionStatus`."""

from __future__ import annotations

import typing

import httpx
from published_sdk import same_lines_under_both
from support import TaskServerFactory

from xpander_tasks import AgentExecutionStatus, Task, Tasks, ThinkMode, Tokens
from xpander_tasks_api import models

# Only what the wire contract requires: every other field is left out.
BARE_TASK = {
    "id": "t-1",
    "agent_id": "agent-123",
    "organization_id": "o",
    "input": {"text": ""},
    "created_at": "2026-01-01T00:00:00Z",
}

PROGRAM = """
from xpander_sdk import Tasks, Tokens

tasks = Tasks()
task = tasks.create(agent_id="agent-123", prompt="hi")
print(task.status.value, len(task.used_tools), task.tokens is None, task.sub_executions == [])
print(task.hitl_request is None, task.is_manually_stopped, task.think_mode.value)
print(task.mcp_servers == [], task.duration, task.result, task.events_streaming)
print(Tokens(prompt_tokens=2, completion_tokens=3).total_tokens, Tokens().total_tokens)
"""


def test_an_absent_field_reads_as_under_the_published_sdk(
    make_task_server: TaskServerFactory,
) -> None:
    lines = same_lines_under_both(PROGRAM, make_task_server)
    assert lines[-1] == "5 0"


def test_a_bare_answer_reads_the_defaults() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json=BARE_TASK))
    with Tasks("key", http_client=httpx.Client(transport=transport)) as tasks:
        task = tasks.get("t-1")
    assert task.status is AgentExecutionStatus.Pending
    assert task.used_tools == [] and task.sub_executions == [] and task.mcp_servers == []
    assert task.tokens is None and task.hitl_request is None and task.result is None
    assert task.is_manually_stopped is False and task.events_streaming is False
    assert task.think_mode is ThinkMode.Default
    assert (task.duration, task.execution_attempts) == (0, 1)
    # Each list is the task's own, not one shared by every task.
    assert task.used_tools is not Task.from_dict(BARE_TASK).used_tools


def test_status_is_typed_as_the_enum() -> None:
    hints = typing.get_type_hints(models.Task, localns=vars(models))
    assert hints["status"] is models.AgentExecutionStatus


def test_total_tokens_is_the_sum_unless_given() -> None:
    assert Tokens(prompt_tokens=2, completion_tokens=3).total_tokens == 5
    assert Tokens.from_dict({"prompt_tokens": 4}).total_tokens == 4
    assert Tokens(prompt_tokens=2, total_tokens=9).total_tokens == 9
    assert Tokens(prompt_tokens=1).to_dict()["total_tokens"] == 1


def test_a_null_status_reads_as_pending() -> None:
    # The published SDK takes `null` too; a field typed `AgentExecutionStatus` cannot hold it.
    task = Task.from_dict({**BARE_TASK, "status": None})
    assert task.status is AgentExecutionStatus.Pending
    assert Task.from_dict({**BARE_TASK, "status": "completed"}).status == "completed"
