"""The same fixture for an async app, under pytest-asyncio and under anyio."""

from __future__ import annotations

import pytest
from summary_app import AGENT_ID, asummarize

from xpander_tasks_testing import XpanderServer

pytestmark = pytest.mark.timeout(60)


@pytest.mark.asyncio
async def test_under_pytest_asyncio(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, result="Async and fine.")
    xpander_server.fault(503, headers={"Retry-After": "0"}, operation="create_task")

    summary = await asummarize("the report")

    assert summary.text == "Async and fine."
    assert [create.status_code for create in xpander_server.creates()] == [503, 200]


@pytest.mark.anyio
async def test_under_anyio(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, status="error", result="Out of credits.")
    xpander_server.drop_stream(after=2)

    summary = await asummarize("the report")

    assert summary.text == "The summarizer failed: Out of credits."


@pytest.mark.asyncio
async def test_a_slow_task_is_stopped_by_the_async_app(xpander_server: XpanderServer) -> None:
    xpander_server.agent(AGENT_ID, executing=600)

    summary = await asummarize("a very long book", timeout=0.5)

    assert summary.text == "The summary took too long."
    assert summary.task_id is not None
    task = await xpander_server.tasks.aget(summary.task_id)
    assert task.status.value == "stopped"
