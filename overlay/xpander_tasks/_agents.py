"""`Agents` and `Agent`: read an agent, and create tasks for it (`Agent.acreate_task`, the
seed's other path to `Tasks.acreate`). Only the agent's identity: none of the published SDK's
agent runtime (tools, graph, local tool sync)."""

from __future__ import annotations

import builtins
import inspect
import os
from collections.abc import Mapping
from typing import Any, Final, NamedTuple

import httpx

from xpander_tasks_api.models import Agent as GeneratedAgent
from xpander_tasks_api.models import AgentsListItem as GeneratedAgentsListItem
from xpander_tasks_api.spec_extensions import OPERATIONS
from xpander_tasks_api.types import UNSET

from ._base_client import BaseClient
from ._bound import BoundModel, bound_model
from ._client import Tasks
from ._config import ENV_AGENT_ID, Configuration
from ._params import (
    CallOptions,
    CreateTaskCall,
    answer_id,
    call_options,
    check_id,
    check_version,
    with_arguments_after_first,
    with_arguments_of,
)
from ._spec_params import create_task_call
from ._task import Task, client_for


class GetAgentCall(NamedTuple):
    """A checked read of one agent, at a version or the current one."""

    agent_id: str | None  # None: the configuration's, else XPANDER_AGENT_ID's
    version: str | None
    options: CallOptions

    def arguments(self, client: BaseClient) -> dict[str, Any]:
        """The generated `get_agent` endpoint's arguments for this call, but its client:
        without an id, that of `client`'s configuration or of `XPANDER_AGENT_ID`."""
        agent_id = self.agent_id or client.configuration.agent_id or os.environ.get(ENV_AGENT_ID)
        return {
            "agent_id": check_id("agent_id", agent_id),
            "x_agent_version": UNSET if self.version is None else self.version,
        }


def get_agent_call(
    agent_id: str | None = None,
    version: int | str | None = None,
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str | int | float | bool] | None = None,
) -> GetAgentCall:
    """Check the arguments of an agent read: an id that cannot change the path (without one,
    the configuration's `agent_id`, else `XPANDER_AGENT_ID`'s, as the published SDK), a
    version (a number >= 1, or its text) sent as the `x-agent-version` header; per-call
    settings as `create_task_call`'s."""
    return GetAgentCall(
        agent_id=check_id("agent_id", agent_id) if agent_id else None,
        version=None if version is None else check_version("version", version),
        options=call_options(
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        ),
    )


def _agent_task_signature() -> inspect.Signature:
    """`create_task_call`'s parameters in `Agent.create_task`'s order (the published SDK's:
    `prompt` first, after the agent's own id) and with its `source` default, "sdk"."""
    parameters = dict(inspect.signature(create_task_call).parameters)
    first = [parameters.pop(name) for name in ("agent_id", "prompt", "existing_task_id")]
    parameters["source"] = parameters["source"].replace(default="sdk")
    return inspect.signature(create_task_call).replace(parameters=[*first, *parameters.values()])


_AGENT_TASK_SIGNATURE: Final = _agent_task_signature()


def agent_task_call(agent_id: str, /, *args: Any, **kwargs: Any) -> CreateTaskCall:
    """Check the arguments of `Agent.create_task`: `create_task_call`'s, in the order and
    with the defaults of the published SDK's `Agent.create_task` (`_AGENT_TASK_SIGNATURE`)."""
    try:
        bound = _AGENT_TASK_SIGNATURE.bind(agent_id, *args, **kwargs)
    except TypeError as error:  # named as Python names a call that does not fit
        raise TypeError(f"agent_task_call() {error}") from None
    bound.apply_defaults()
    return create_task_call(**bound.arguments)


agent_task_call.__signature__ = _AGENT_TASK_SIGNATURE  # type: ignore[attr-defined]


def _agent_id(agent: Agent) -> str:
    return answer_id("agent.id", agent.id)


@bound_model
class Agent(BoundModel["Tasks"], GeneratedAgent):
    """An agent as the API returned it: its identifying fields typed, every other field kept
    as it came (`agent["tools"]`). Bound to the client that read it, to create its tasks;
    a copy keeps the client, a pickle drops it.
    """

    _model = GeneratedAgent

    @with_arguments_after_first(_agent_id, agent_task_call)
    def create_task(self, call: CreateTaskCall) -> Task:
        """Create a task for this agent (sync). The parameters are `acreate_task`'s."""
        return self._bound_client()._create(call)

    @with_arguments_after_first(_agent_id, agent_task_call)
    async def acreate_task(self, call: CreateTaskCall) -> Task:
        """Create a task for this agent: `Tasks.acreate`'s parameters but `agent_id`, in the
        published SDK's order (`prompt` first) and with its `source="sdk"`; the agent's
        version only when `agent_version` is given, as the SDK sends it."""
        return await self._bound_client()._acreate(call)

    @classmethod
    def load(
        cls,
        agent_id: str,
        configuration: Configuration | None = None,
        version: int | str | None = None,
    ) -> Agent:
        """Read an agent (sync), as the published SDK's classmethod: with `configuration`,
        else with the environment's settings."""
        return client_for(configuration)._as_client(Agents).get(agent_id, version)

    @classmethod
    async def aload(
        cls,
        agent_id: str,
        configuration: Configuration | None = None,
        version: int | str | None = None,
    ) -> Agent:
        """Read an agent; see `load`."""
        return await client_for(configuration)._as_client(Agents).aget(agent_id, version)

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
            OPERATIONS["get_agent"], call.options, GeneratedAgent, **call.arguments(self)
        )
        return Agent.adopt(agent, self._as_client(Tasks))

    @with_arguments_of(get_agent_call)
    async def aget(self, call: GetAgentCall) -> Agent:
        """The agent, at `version` (the `x-agent-version` header) or its current one;
        per-call `timeout`, `total_timeout`, `max_retries`."""
        agent = await self.arequest(
            OPERATIONS["get_agent"], call.options, GeneratedAgent, **call.arguments(self)
        )
        return Agent.adopt(agent, self._as_client(Tasks))

    # The published SDK's list: every agent, as summaries.

    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[AgentsListItem]:
        """The organization's agents (sync); see `alist`."""
        options = call_options(extra_headers=extra_headers, extra_query=extra_query)
        items = self.request(OPERATIONS["list_agents"], options, builtins.list)
        return [AgentsListItem.adopt(item, self._as_client(Agents)) for item in items]

    async def alist(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[AgentsListItem]:
        """The organization's agents, as summaries; each item's `aload()` reads the agent;
        `extra_headers` and `extra_query` as `Tasks.create`'s."""
        options = call_options(extra_headers=extra_headers, extra_query=extra_query)
        items = await self.arequest(OPERATIONS["list_agents"], options, builtins.list)
        return [AgentsListItem.adopt(item, self._as_client(Agents)) for item in items]


class AgentsListItem(BoundModel["Agents"], GeneratedAgentsListItem):
    """An agent as a list shows it; `load()` / `aload()` read the whole agent through the
    client that listed it, or through the `configuration` given (the published SDK's)."""

    __slots__ = ("_client",)
    _model = GeneratedAgentsListItem

    def load(self, configuration: Configuration | None = None) -> Agent:
        """The whole agent (sync)."""
        return _agents_for(self, configuration).get(self.id)

    async def aload(self, configuration: Configuration | None = None) -> Agent:
        """The whole agent, read by its id."""
        return await _agents_for(self, configuration).aget(self.id)

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"AgentsListItem(id={self.id!r}, name={self.name!r}, status={status!r})"


def _agents_for(item: AgentsListItem, configuration: Configuration | None) -> Agents:
    """The client that listed `item`, or one for `configuration` (shared, as `Task.load`'s)."""
    if configuration is None:
        return item._bound_client()
    return client_for(configuration)._as_client(Agents)
