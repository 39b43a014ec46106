"""`Agents` and `Agent`: an agent read from the real local server over loopback, and tasks
created through it; the version header and bad input on a mock transport."""

from __future__ import annotations

import copy
import json
import pickle
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from support import spec_checked

from xpander_tasks import (
    Agent,
    AgentExecutionStatus,
    Agents,
    ConfigurationError,
    InvalidArgumentError,
    InvalidResponseError,
    NotFoundError,
    Task,
)
from xpander_tasks_server import LocalTaskServer

# Bounds every call of these tests: a regression fails within seconds instead of hanging.
CALL_BOUND = {"timeout": 10.0, "total_timeout": 20.0}


def agents_for(server: LocalTaskServer, **options: Any) -> Agents:
    return Agents(server.api_key, base_url=server.url, **CALL_BOUND, **options)


def agent_json(**fields: Any) -> dict[str, Any]:
    """An agent as the API answers one: identifying fields and some it does not type."""
    return {
        "id": "agent-123",
        "organization_id": "org-1",
        "name": "Sales analyst",
        "version": 1,
        "tools": [{"id": "tool-1"}],
        **fields,
    }


# End to end: the local server.


def test_get_an_agent(task_server: LocalTaskServer) -> None:
    with agents_for(task_server) as agents:
        agent = agents.get("agent-123")
        pinned = agents.get("agent-123", version=2)
    assert isinstance(agent, Agent)
    assert (agent.id, agent.organization_id, agent.version) == ("agent-123", "org-local", 1)
    assert pinned.version == 2
    # Every field the client does not type is kept as it came.
    assert agent["tools"] == [] and "instructions" in agent and agent.status == "ACTIVE"


async def test_aget_an_agent(task_server: LocalTaskServer) -> None:
    async with agents_for(task_server) as agents:
        agent = await agents.aget("agent-123", "3")
    assert (agent.id, agent.version) == ("agent-123", 3)


def test_an_unknown_agent_is_not_found(task_server: LocalTaskServer) -> None:
    with agents_for(task_server) as agents, pytest.raises(NotFoundError) as raised:
        agents.get("agent-missing")
    request_id = raised.value.request_id  # the server's x-request-id, an attribute
    assert request_id is not None and request_id.startswith("req_")
    # As the published SDK prints it: the answer's body; its gist is `detail`.
    assert str(raised.value) == f"[404] {raised.value.description}"
    assert json.loads(raised.value.description) == {"detail": "Agent not found"}
    assert raised.value.detail == "Agent not found"


async def test_an_unknown_agent_is_not_found_async(task_server: LocalTaskServer) -> None:
    async with agents_for(task_server) as agents:
        with pytest.raises(NotFoundError, match="Agent not found"):
            await agents.aget("agent-missing")
        with pytest.raises(NotFoundError, match="Agent version not found"):
            await agents.aget("agent-123", version="latest")


def test_create_a_task_through_the_agent(task_server: LocalTaskServer) -> None:
    with agents_for(task_server) as agents:
        agent = agents.get("agent-123", version=2)
        task = agent.create_task(prompt="Hello!", total_timeout=15)
        assert isinstance(task, Task) and task.status is AgentExecutionStatus.Pending
        # As the published SDK: no version unless the call names one (an int, as its
        # `agent.version`, or text).
        assert (task.agent_id, task.agent_version, task.input_.text) == (
            "agent-123",
            None,
            "Hello!",
        )
        pinned = agent.create_task("Hello!", agent_version=agent.version)
        assert pinned.agent_version == "2"
        assert task.reload().id == task.id  # bound to a client, as from `Tasks.create`
    assert task_server.counters.create_requests == 2
    assert task_server.counters.tasks_created == 2


async def test_acreate_a_task_through_the_agent(task_server: LocalTaskServer) -> None:
    async with agents_for(task_server) as agents:
        agent = await agents.aget("agent-123")
        task = await agent.acreate_task(prompt="Summarize", file_urls=["https://e.com/a.csv"])
        other = await agent.acreate_task(prompt="Again", agent_version="5")
        finished = await task.await_completion(timeout=20, poll_interval=0.05)
    assert (task.agent_id, task.agent_version) == ("agent-123", None)  # none asked for
    assert other.agent_version == "5"  # a version the call names wins
    assert finished.status is AgentExecutionStatus.Completed
    assert task_server.counters.tasks_created == 2


def test_an_agent_creates_its_tasks_through_the_client_that_read_it(
    task_server: LocalTaskServer,
) -> None:
    sent: list[str] = []
    own = httpx.Client(event_hooks={"request": [lambda request: sent.append(request.url.path)]})
    with own, agents_for(task_server, http_client=own) as agents:
        agent = agents.get("agent-123")
        task = agent.create_task(prompt="Hi")
        task.reload()
    status = f"/agent-execution/{task.id}/status"
    assert sent == ["/agents/agent-123", "/agent-execution/agent-123", status]


# The wire, on a mock transport that holds every request to the spec.


@pytest.fixture
def requests() -> list[httpx.Request]:
    return []


@pytest.fixture
def agents(requests: list[httpx.Request]) -> Iterator[Agents]:
    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        version = request.headers.get("x-agent-version")
        return httpx.Response(200, json=agent_json(version=int(version) if version else 1))

    client = httpx.Client(transport=spec_checked(answer))
    with client, Agents("secret-key-3e8a", http_client=client) as agents:
        yield agents


def test_the_version_travels_as_the_x_agent_version_header(
    agents: Agents, requests: list[httpx.Request]
) -> None:
    assert agents.get("agent-123").version == 1
    assert agents.get("agent-123", version=4).version == 4
    assert agents.get("agent-123", "7").version == 7
    assert [request.headers.get("x-agent-version") for request in requests] == [None, "4", "7"]
    assert [request.url.path for request in requests] == ["/agents/agent-123"] * 3


@pytest.mark.parametrize(
    ("arguments", "parameter"),
    [
        (("a/../b",), "agent_id"),
        (("",), "agent_id"),
        ((None,), "agent_id"),
        (("agent-123", 0), "version"),
        (("agent-123", True), "version"),
        (("agent-123", "1\n"), "version"),
        (("agent-123", ""), "version"),
    ],
)
def test_bad_arguments_are_refused_before_sending(
    agents: Agents, requests: list[httpx.Request], arguments: tuple[Any, ...], parameter: str
) -> None:
    with pytest.raises(InvalidArgumentError) as raised:
        agents.get(*arguments)
    assert raised.value.parameter == parameter
    assert requests == []


async def test_bad_arguments_are_refused_before_sending_async(
    agents: Agents, requests: list[httpx.Request]
) -> None:
    with pytest.raises(InvalidArgumentError, match="agent_id"):
        await agents.aget("../tasks")
    assert requests == []


def test_a_task_call_through_an_agent_is_checked_as_create(
    agents: Agents, requests: list[httpx.Request]
) -> None:
    agent = agents.get("agent-123")
    requests.clear()
    with pytest.raises(InvalidArgumentError) as raised:
        agent.create_task(prompt="Hi", think_mode="hardest")
    assert raised.value.parameter == "think_mode"
    with pytest.raises(TypeError, match=r"Agent\.create_task\(\).*did you mean 'prompt'"):
        agent.create_task(promt="Hi")  # type: ignore[call-arg]
    with pytest.raises(TypeError, match=r"Agent\.create_task\(\)"):
        agent.create_task("Hi", "task-1", [], None, None, None, None, "sdk", *[None] * 30)
    assert requests == []


def test_an_answer_that_is_not_an_agent_is_refused() -> None:
    transport = httpx.MockTransport(lambda request: httpx.Response(200, json={"id": "a"}))
    agents = Agents("key", http_client=httpx.Client(transport=transport))
    with agents, pytest.raises(InvalidResponseError) as raised:
        agents.get("agent-123")
    assert "organization_id" in str(raised.value)


def test_reprs_copies_and_pickles_hold_no_key(agents: Agents) -> None:
    agent = agents.get("agent-123")
    assert repr(agents) == "Agents(base_url='https://inbound.xpander.ai', organization_id=None)"
    assert repr(agent) == "Agent(id='agent-123', name='Sales analyst', version=1)"
    shown = [repr(agents), repr(agent), repr(agent._client), repr(agents.config)]
    assert not any("secret-key-3e8a" in text for text in shown)
    assert copy.copy(agent)._client is agent._client
    deep = copy.deepcopy(agent)
    assert deep == agent and deep._client is agent._client and deep["tools"] is not agent["tools"]
    data = pickle.dumps(agent)
    assert b"secret-key-3e8a" not in data
    restored = pickle.loads(data)
    assert restored == agent and restored._client is None
    with pytest.raises(ConfigurationError, match="not bound to a client"):
        restored.create_task(prompt="Hi")
    with pytest.raises(TypeError, match="holds the API key"):
        pickle.dumps(agents.config)
    assert copy.copy(agents.config) is copy.deepcopy(agents.config) is agents.config
