"""`Agents` and `Agent`: read an agent, and create tasks for it (`Agent.acreate_task`, the
seed's other path to `Tasks.acreate`). Only the agent's identity: none of the published SDK's
agent runtime (tools, graph, local tool sync)."""

from __future__ import annotations

from typing import Any, NamedTuple

import httpx

from xpander_tasks_api.api.agents import get_agent
from xpander_tasks_api.models import Agent as GeneratedAgent
from xpander_tasks_api.types import UNSET, Unset

from ._base_client import BaseClient
from ._bound import BoundModel
from ._client import Tasks
from ._config import check_count
from ._exceptions import InvalidResponseError
from ._params import (
    CallOptions,
    CreateTaskCall,
    answer_id,
    call_options,
    check_header_value,
    check_id,
    create_task_call,
    with_arguments_after_first,
    with_arguments_of,
)
from ._task import Task


class GetAgentCall(NamedTuple):
    """A checked read of one agent, at a version or the current one."""

    agent_id: str
    version: str | None
    options: CallOptions

    def arguments(self) -> dict[str, Any]:
        """The generated `get_agent` endpoint's arguments for this call, but its client."""
        return {
            "agent_id": self.agent_id,
            "x_agent_version": UNSET if self.version is None else self.version,
        }


def get_agent_call(
    agent_id: str,
    version: int | str | None = None,
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
) -> GetAgentCall:
    """Check the arguments of an agent read: an id that cannot change the path, a version (a
    number >= 1, or its text) sent as the `x-agent-version` header, as the published SDK
    sends it; per-call settings as `create_task_call`'s."""
    return GetAgentCall(
        agent_id=check_id("agent_id", agent_id),
        version=None if version is None else _version("version", version),
        options=call_options(timeout=timeout, total_timeout=total_timeout, max_retries=max_retries),
    )


def _version(parameter: str, value: object) -> str:
    if isinstance(value, int):  # a bool too, which check_count refuses
        return str(check_count(parameter, value, minimum=1))
    return check_header_value(parameter, value)


def _agent_id(agent: Agent) -> str:
    return answer_id("agent.id", agent.id)


class Agent(BoundModel["Tasks"], GeneratedAgent):
    """An agent as the API returned it: its identifying fields typed, every other field kept
    as it came (`agent["tools"]`). Bound to the client that read it, to create its tasks;
    a copy keeps the client, a pickle drops it.
    """

    __slots__ = ("_client",)
    _model = GeneratedAgent

    def _pinned(self, call: CreateTaskCall) -> CreateTaskCall:
        """The call at this agent's version, unless it names one."""
        version = self.version
        if call.agent_version is not None or isinstance(version, Unset | None):
            return call
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            raise InvalidResponseError(
                None, f"agent {self.id}: its version is not a whole number >= 1: {version!r}"
            )
        return call._replace(agent_version=str(version))

    @with_arguments_after_first(_agent_id, create_task_call)
    def create_task(self, call: CreateTaskCall) -> Task:
        """Create a task for this agent (sync). The parameters are `acreate_task`'s."""
        return self._bound_client()._create(self._pinned(call))

    @with_arguments_after_first(_agent_id, create_task_call)
    async def acreate_task(self, call: CreateTaskCall) -> Task:
        """Create a task for this agent: `Tasks.acreate`'s parameters but `agent_id`, with
        `agent_version` defaulting to the version of the agent as it was read."""
        return await self._bound_client()._acreate(self._pinned(call))

    def __repr__(self) -> str:
        return f"Agent(id={self.id!r}, name={self.name!r}, version={self.version!r})"


class Agents(BaseClient):
    """Read xpander.ai agents; sync and async methods side by side.

    The options are `Tasks`' (`Agents(api_key=None, *, base_url=..., ...)`). An `Agent` it
    returns creates its tasks through this client's connection pools.
    """

    # Read: safe to repeat.

    @with_arguments_of(get_agent_call)
    def get(self, call: GetAgentCall) -> Agent:
        """The agent (sync). The parameters are `aget`'s."""
        agent = self.request(
            "get agent", get_agent, call.options, GeneratedAgent, **call.arguments()
        )
        return Agent.adopt(agent, self._as_client(Tasks))

    @with_arguments_of(get_agent_call)
    async def aget(self, call: GetAgentCall) -> Agent:
        """The agent, at `version` (the `x-agent-version` header) or its current one;
        per-call `timeout`, `total_timeout`, `max_retries`."""
        agent = await self.arequest(
            "get agent", get_agent, call.options, GeneratedAgent, **call.arguments()
        )
        return Agent.adopt(agent, self._as_client(Tasks))
