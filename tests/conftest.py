"""Fixtures shared by the test suite: the local task server, running over loopback."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from batch_support import STEP_DELAY, server_environment
from support import TaskServerFactory

from xpander_tasks_server import LocalTaskServer

# The fault server's fixtures: `fault_server`, a loopback server that misbehaves on cue, and
# `mode`, which runs a test through the sync client and through the async one.
pytest_plugins = ["faultserver"]

TASK_SERVER_STEP_DELAY = 0.05
"""Seconds a task of `task_server` stays pending, then executing: completed after 0.1 s."""


@pytest.fixture
def task_server() -> Iterator[LocalTaskServer]:
    """A fresh local task server for one test, stopped afterwards.

    Attributes (stable, for the overlay's end-to-end tests):
    - `url`: its base URL, "http://127.0.0.1:<port>"; `events_root` is `{url}/{organization_id}`.
    - `api_key`: the one accepted `x-api-key` (random); `organization_id`: "org-local".
    - `agents`: ("agent-123",), the agents that exist.
    - `counters`: `create_requests` (every request to the create route), `tasks_created`
      (new tasks), `tasks_continued`, `status_requests`, `event_streams`.
    Tasks go pending, executing, completed, `TASK_SERVER_STEP_DELAY` seconds per step.
    """
    with LocalTaskServer(step_delay=TASK_SERVER_STEP_DELAY) as server:
        yield server


@pytest.fixture
def task_api(task_server: LocalTaskServer) -> Iterator[httpx.Client]:
    """An httpx client for `task_server`, with its base URL and `x-api-key` set."""
    headers = {"x-api-key": task_server.api_key}
    with httpx.Client(base_url=task_server.url, headers=headers, timeout=10) as client:
        yield client


@pytest.fixture
def make_task_server() -> Iterator[TaskServerFactory]:
    """Start servers with other options: `make_task_server(drop_stream_after=3, step_delay=1)`.

    Takes `LocalTaskServer`'s keyword arguments (step delay defaults to the fixture's); every
    server started is stopped after the test.
    """
    started: list[LocalTaskServer] = []

    def make(**options: Any) -> LocalTaskServer:
        options.setdefault("step_delay", TASK_SERVER_STEP_DELAY)
        server = LocalTaskServer(**options).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture
def env_task_server(
    task_server: LocalTaskServer, monkeypatch: pytest.MonkeyPatch
) -> LocalTaskServer:
    """The local task server, with XPANDER_API_KEY and XPANDER_BASE_URL set for it."""
    monkeypatch.setenv("XPANDER_API_KEY", task_server.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", task_server.url)
    return task_server


@pytest.fixture
def batch_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalTaskServer]:
    """A fast-stepping local server that the CLI's batch runs reach through the environment."""
    with LocalTaskServer(step_delay=STEP_DELAY) as running:
        for name, value in server_environment(running).items():
            monkeypatch.setenv(name, value)
        yield running
