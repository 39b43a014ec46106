"""A newer API does not break an older client: an enum value the spec does not have yet is
kept (with a warning), a missing required field is an `InvalidResponseError` naming it, and
`task["field"]` still reads a field the spec has typed since."""

from __future__ import annotations

import asyncio
import logging
import pickle
from datetime import datetime
from typing import Any

import httpx
import pytest
from support import fake_task, mock_tasks

from xpander_tasks import AgentExecutionStatus, InvalidArgumentError, InvalidResponseError
from xpander_tasks_api.models import ThinkMode


def _answering(*bodies: Any) -> tuple[list[httpx.Request], Any]:
    """A handler answering each request with the next body (the last one over and over)."""
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(200, json=bodies[min(len(requests), len(bodies)) - 1])

    return requests, handle


def test_an_unknown_status_is_kept_as_a_value_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # A value no other test uses: the warning is logged once per value and process.
    _, handle = _answering(fake_task({}, status="parked", think_mode="deeper"))
    caplog.set_level(logging.WARNING, logger="xpander_tasks")
    with mock_tasks(handle, check_responses=False) as tasks:
        task = tasks.get("t-1")
    assert isinstance(task.status, AgentExecutionStatus)
    assert task.status == "parked" and task.status.value == "parked"
    assert str(task.status) == "parked"
    assert isinstance(task.think_mode, ThinkMode) and task.think_mode.value == "deeper"
    assert "parked" not in [member.value for member in AgentExecutionStatus]
    assert any("'parked'" in record.getMessage() for record in caplog.records)
    assert task.to_dict()["status"] == "parked"  # sent back as it came
    assert pickle.loads(pickle.dumps(task)).status == "parked"


def test_a_list_with_one_unknown_status_reads_every_item() -> None:
    items = [fake_task({}, id="t-1"), fake_task({}, id="t-2", status="queued")]
    _, handle = _answering(items)
    with mock_tasks(handle, check_responses=False) as tasks:
        listed = tasks.list(agent_id="agent-123")
    assert [item.status.value for item in listed] == ["pending", "queued"]


def test_an_unknown_value_is_still_refused_as_an_argument() -> None:
    _, handle = _answering(fake_task({}, status="queued"), [])
    with mock_tasks(handle, check_responses=False) as tasks:
        assert tasks.get("t-1").status == "queued"  # seen once in an answer
        with pytest.raises(InvalidArgumentError):
            tasks.list(agent_id="agent-123", status="queued")
    with pytest.raises(ValueError, match="not a valid"):
        AgentExecutionStatus(7)


def test_wait_treats_an_unknown_status_as_not_final() -> None:
    requests, handle = _answering(
        fake_task({}, status="queued"),
        fake_task({}, status="queued"),
        fake_task({}, status="completed"),
    )
    with mock_tasks(handle, check_responses=False) as tasks:
        task = tasks.get("t-1")
        task.wait(timeout=30, poll_interval=0.01)
    assert task.status is AgentExecutionStatus.Completed
    assert len(requests) == 3


def test_await_completion_treats_an_unknown_status_as_not_final() -> None:
    requests, handle = _answering(
        fake_task({}, status="queued"),
        fake_task({}, status="queued"),
        fake_task({}, status="failed"),
    )

    async def main() -> AgentExecutionStatus:
        async with mock_tasks(handle, check_responses=False) as tasks:
            task = await tasks.aget("t-1")
            await task.await_completion(timeout=30, poll_interval=0.01)
            return task.status

    assert asyncio.run(main()) is AgentExecutionStatus.Failed
    assert len(requests) == 3


@pytest.mark.parametrize("missing", ["id", "agent_id", "organization_id"])
def test_a_missing_required_field_is_an_invalid_response_error_naming_it(missing: str) -> None:
    answer = fake_task({})
    del answer[missing]

    def handle(request: httpx.Request) -> httpx.Response:
        listing = "/history/" in request.url.path
        return httpx.Response(200, json=[answer] if listing else answer)

    with mock_tasks(handle, check_responses=False) as tasks:
        with pytest.raises(InvalidResponseError, match=repr(missing)) as caught:
            tasks.get("t-1")
        with pytest.raises(InvalidResponseError, match=repr(missing)):
            tasks.list(agent_id="agent-123")
    assert not isinstance(caught.value, KeyError)


def test_a_typed_field_still_reads_by_its_key() -> None:
    _, handle = _answering(fake_task({}, not_yet_typed=3))
    with mock_tasks(handle) as tasks:
        task = tasks.get("t-1")
    assert task["not_yet_typed"] == 3  # not in the spec: an additional property
    # In the spec: what the key read before the field was typed, the wire value.
    assert task["status"] == "pending" and "status" in task
    assert isinstance(task["created_at"], str)
    assert datetime.fromisoformat(task["created_at"]) == task.created_at
    assert task["agent_id"] == "agent-123"
    assert "no_such_field" not in task
    with pytest.raises(KeyError):
        task["no_such_field"]
    task["not_yet_typed"] = 4
    assert task["not_yet_typed"] == 4 and "not_yet_typed" in task.additional_keys
