"""`Agents` and `Agent`: read an agent, and create tasks for it (`Agent.acreate_task`, the
seed's other path to `Tasks.acreate`). Only the agent's identity: none of the published SDK's
agent runtime (tools, graph, local tool sync)."""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from typing import Any

import httpx

from xpander_tasks_api.models import Agent as GeneratedAgent
from xpander_tasks_api.models import AgentsListItem as GeneratedAgentsListItem
from xpander_tasks_api.spec_extensions import OPERATIONS

from ._base_client import BaseClient
from ._bound import BoundModel, bound_model
from ._client import Tasks
from ._config import Configuration
from ._params import (
    CallOptions,
    CreateTaskCall,
    GetAgentCall,
    answer_id,
    call_options,
    check_id,
    check_version,
    with_parameter_hints,
)

# BEGIN generated imports (.ci/signatures.py)
from ._spec_params import (
    CREATE_BODY,
    AttachmentRef,
    LLMReasoningEffort,
    MCPServerDetails,
    OutputFormat,
    Principal,
    ThinkMode,
    User,
    get_agent_call,
)

# END generated imports
from ._task import Task, client_for


def _agent_id(agent: Agent) -> str:
    return answer_id("agent.id", agent.id)


@bound_model
class Agent(BoundModel["Tasks"], GeneratedAgent):
    """An agent as the API returned it: its identifying fields typed, every other field kept
    as it came (`agent["tools"]`). Bound to the client that read it, to create its tasks;
    a copy keeps the client, a pickle drops it.
    """

    _model = GeneratedAgent

    # BEGIN generated Agent methods: .ci/signatures.py from openapi.yaml; run `nox -s generate`
    @with_parameter_hints
    def create_task(  # noqa: PLR0917 - the published SDK's parameters
        self,
        prompt: str = "",
        existing_task_id: str | None = None,
        file_urls: Sequence[str] | None = None,
        user_details: User | Mapping[str, Any] | None = None,
        principal: Principal | Mapping[str, Any] | None = None,
        agent_version: int | str | None = None,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = "sdk",
        worker_id: str | None = None,
        run_locally: bool = False,
        output_format: OutputFormat | str | None = None,
        output_schema: Mapping[str, Any] | None = None,
        events_streaming: bool = False,
        additional_context: str | None = None,
        instructions_override: str | None = None,
        test_run_node_id: str | None = None,
        user_oidc_token: str | None = None,
        expected_output: str | None = None,
        mcp_servers: Sequence[MCPServerDetails | Mapping[str, Any]] | None = None,
        triggering_agent_id: str | None = None,
        title: str | None = None,
        think_mode: ThinkMode | str = ThinkMode.DEFAULT,
        disable_attachment_injection: bool = False,
        return_metrics: bool = False,
        user_tokens: Mapping[str, Any] | None = None,
        llm_model_provider: str | None = None,
        llm_model_name: str | None = None,
        llm_reasoning_effort: LLMReasoningEffort | str | None = None,
        harness_cli: str | None = None,
        tool_call_limit: int | None = None,
        attachments: Sequence[AttachmentRef | Mapping[str, Any]] | None = None,
        permission_mode: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Task:
        """Create a task for this agent (sync); see `acreate_task`.

        Args:
            prompt: Natural-language input (the SDK's `prompt`).
            existing_task_id: Continue an existing task (the SDK's `existing_task_id`).
            file_urls: URLs of files to attach (the SDK's `file_urls`). The SDK sends `[]` by
                default.
            user_details: End-user context (the SDK's `user_details`).
            principal: Who the task acts for; sent only when set, `null` in a saved task.
            agent_version: Pin a specific agent version.
            tool_call_payload_extension: Extra fields merged into every tool-call payload (the
                SDK's `tool_call_payload_extension`).
            source: Origin tag.
            worker_id: Pin to a specific worker.
            run_locally: Mark as locally executed.
            output_format: Output format.
            output_schema: JSON schema the output must follow.
            events_streaming: Enables the task's event stream.
            additional_context: Extra context appended to the system prompt.
            instructions_override: Extra instructions for this run.
            test_run_node_id: (Internal) Test workflow node.
            user_oidc_token: OIDC token for connector pre-auth. (a secret)
            expected_output: Expected output description.
            mcp_servers: Per-task MCP servers. The SDK sends `[]` by default.
            triggering_agent_id: Triggering agent ID.
            title: Display title.
            think_mode: How hard the agent thinks. The SDK always sends it.
            disable_attachment_injection: Skip auto-injection of human-readable file content.
            return_metrics: Return metrics (Workflow → Agent only).
            user_tokens: Pre-computed user tokens for MCP auth. (a secret)
            llm_model_provider: Override the agent's LLM provider for this task.
            llm_model_name: Override the agent's LLM model for this task.
            llm_reasoning_effort: Reasoning effort for models that support it.
            harness_cli: Coding harness to run the task in, lower-case (`claude-code`, `codex`).
            tool_call_limit: The most tool calls the agent may make in this task.
            attachments: Structured attachments; sent only when non-empty.
            permission_mode: Permission mode of the harness (`full`, `gated`).
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return self._create_task(
            CreateTaskCall(
                agent_id=check_id("agent_id", _agent_id(self)),
                agent_version=None
                if agent_version is None
                else check_version("agent_version", agent_version),
                body=CREATE_BODY(
                    {
                        "prompt": prompt,
                        "existing_task_id": existing_task_id,
                        "file_urls": file_urls,
                        "user_details": user_details,
                        "principal": principal,
                        "tool_call_payload_extension": tool_call_payload_extension,
                        "source": source,
                        "worker_id": worker_id,
                        "run_locally": run_locally,
                        "output_format": output_format,
                        "output_schema": output_schema,
                        "events_streaming": events_streaming,
                        "additional_context": additional_context,
                        "instructions_override": instructions_override,
                        "test_run_node_id": test_run_node_id,
                        "user_oidc_token": user_oidc_token,
                        "expected_output": expected_output,
                        "mcp_servers": mcp_servers,
                        "triggering_agent_id": triggering_agent_id,
                        "title": title,
                        "think_mode": think_mode,
                        "disable_attachment_injection": disable_attachment_injection,
                        "return_metrics": return_metrics,
                        "user_tokens": user_tokens,
                        "llm_model_provider": llm_model_provider,
                        "llm_model_name": llm_model_name,
                        "llm_reasoning_effort": llm_reasoning_effort,
                        "harness_cli": harness_cli,
                        "tool_call_limit": tool_call_limit,
                        "attachments": attachments,
                        "permission_mode": permission_mode,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    @with_parameter_hints
    async def acreate_task(  # noqa: PLR0917 - the published SDK's parameters
        self,
        prompt: str = "",
        existing_task_id: str | None = None,
        file_urls: Sequence[str] | None = None,
        user_details: User | Mapping[str, Any] | None = None,
        principal: Principal | Mapping[str, Any] | None = None,
        agent_version: int | str | None = None,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = "sdk",
        worker_id: str | None = None,
        run_locally: bool = False,
        output_format: OutputFormat | str | None = None,
        output_schema: Mapping[str, Any] | None = None,
        events_streaming: bool = False,
        additional_context: str | None = None,
        instructions_override: str | None = None,
        test_run_node_id: str | None = None,
        user_oidc_token: str | None = None,
        expected_output: str | None = None,
        mcp_servers: Sequence[MCPServerDetails | Mapping[str, Any]] | None = None,
        triggering_agent_id: str | None = None,
        title: str | None = None,
        think_mode: ThinkMode | str = ThinkMode.DEFAULT,
        disable_attachment_injection: bool = False,
        return_metrics: bool = False,
        user_tokens: Mapping[str, Any] | None = None,
        llm_model_provider: str | None = None,
        llm_model_name: str | None = None,
        llm_reasoning_effort: LLMReasoningEffort | str | None = None,
        harness_cli: str | None = None,
        tool_call_limit: int | None = None,
        attachments: Sequence[AttachmentRef | Mapping[str, Any]] | None = None,
        permission_mode: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
        extra_body: Mapping[str, Any] | None = None,
    ) -> Task:
        """Create a task for this agent: `Tasks.acreate`'s parameters but `agent_id`, in the
        published SDK's order (`prompt` first) and with its `source="sdk"`.

        Args:
            prompt: Natural-language input (the SDK's `prompt`).
            existing_task_id: Continue an existing task (the SDK's `existing_task_id`).
            file_urls: URLs of files to attach (the SDK's `file_urls`). The SDK sends `[]` by
                default.
            user_details: End-user context (the SDK's `user_details`).
            principal: Who the task acts for; sent only when set, `null` in a saved task.
            agent_version: Pin a specific agent version.
            tool_call_payload_extension: Extra fields merged into every tool-call payload (the
                SDK's `tool_call_payload_extension`).
            source: Origin tag.
            worker_id: Pin to a specific worker.
            run_locally: Mark as locally executed.
            output_format: Output format.
            output_schema: JSON schema the output must follow.
            events_streaming: Enables the task's event stream.
            additional_context: Extra context appended to the system prompt.
            instructions_override: Extra instructions for this run.
            test_run_node_id: (Internal) Test workflow node.
            user_oidc_token: OIDC token for connector pre-auth. (a secret)
            expected_output: Expected output description.
            mcp_servers: Per-task MCP servers. The SDK sends `[]` by default.
            triggering_agent_id: Triggering agent ID.
            title: Display title.
            think_mode: How hard the agent thinks. The SDK always sends it.
            disable_attachment_injection: Skip auto-injection of human-readable file content.
            return_metrics: Return metrics (Workflow → Agent only).
            user_tokens: Pre-computed user tokens for MCP auth. (a secret)
            llm_model_provider: Override the agent's LLM provider for this task.
            llm_model_name: Override the agent's LLM model for this task.
            llm_reasoning_effort: Reasoning effort for models that support it.
            harness_cli: Coding harness to run the task in, lower-case (`claude-code`, `codex`).
            tool_call_limit: The most tool calls the agent may make in this task.
            attachments: Structured attachments; sent only when non-empty.
            permission_mode: Permission mode of the harness (`full`, `gated`).
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
            extra_body: Body fields the spec does not have yet (JSON); a field the call has a
                parameter for is refused.
        """
        return await self._acreate_task(
            CreateTaskCall(
                agent_id=check_id("agent_id", _agent_id(self)),
                agent_version=None
                if agent_version is None
                else check_version("agent_version", agent_version),
                body=CREATE_BODY(
                    {
                        "prompt": prompt,
                        "existing_task_id": existing_task_id,
                        "file_urls": file_urls,
                        "user_details": user_details,
                        "principal": principal,
                        "tool_call_payload_extension": tool_call_payload_extension,
                        "source": source,
                        "worker_id": worker_id,
                        "run_locally": run_locally,
                        "output_format": output_format,
                        "output_schema": output_schema,
                        "events_streaming": events_streaming,
                        "additional_context": additional_context,
                        "instructions_override": instructions_override,
                        "test_run_node_id": test_run_node_id,
                        "user_oidc_token": user_oidc_token,
                        "expected_output": expected_output,
                        "mcp_servers": mcp_servers,
                        "triggering_agent_id": triggering_agent_id,
                        "title": title,
                        "think_mode": think_mode,
                        "disable_attachment_injection": disable_attachment_injection,
                        "return_metrics": return_metrics,
                        "user_tokens": user_tokens,
                        "llm_model_provider": llm_model_provider,
                        "llm_model_name": llm_model_name,
                        "llm_reasoning_effort": llm_reasoning_effort,
                        "harness_cli": harness_cli,
                        "tool_call_limit": tool_call_limit,
                        "attachments": attachments,
                        "permission_mode": permission_mode,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                    extra_body=extra_body,
                ),
            )
        )

    @classmethod
    @with_parameter_hints
    def load(
        cls,
        agent_id: str,
        configuration: Configuration | None = None,
        version: int | str | None = None,
    ) -> Agent:
        """Read an agent (sync); see `aload`.

        Args:
            agent_id: The agent's id.
            configuration: The published SDK's `Configuration` to read with.
            version: Pin a specific agent version.
        """
        return cls._load(configuration, get_agent_call(agent_id=agent_id, version=version))

    @classmethod
    @with_parameter_hints
    async def aload(
        cls,
        agent_id: str,
        configuration: Configuration | None = None,
        version: int | str | None = None,
    ) -> Agent:
        """Read an agent, as the published SDK's classmethod: with `configuration`, else with the
        environment's settings.

        Args:
            agent_id: The agent's id.
            configuration: The published SDK's `Configuration` to read with.
            version: Pin a specific agent version.
        """
        return await cls._aload(configuration, get_agent_call(agent_id=agent_id, version=version))

    # END generated Agent methods

    def _create_task(self, call: CreateTaskCall) -> Task:
        return self._bound_client()._create(call)

    async def _acreate_task(self, call: CreateTaskCall) -> Task:
        return await self._bound_client()._acreate(call)

    @classmethod
    def _load(cls, configuration: Configuration | None, call: GetAgentCall) -> Agent:
        return client_for(configuration)._as_client(Agents)._get(call)

    @classmethod
    async def _aload(cls, configuration: Configuration | None, call: GetAgentCall) -> Agent:
        return await client_for(configuration)._as_client(Agents)._aget(call)

    def __repr__(self) -> str:
        return f"Agent(id={self.id!r}, name={self.name!r}, version={self.version!r})"


class Agents(BaseClient):
    """Read xpander.ai agents; sync and async methods side by side.

    The options are `Tasks`' (`Agents(api_key=None, *, base_url=..., ...)`). An `Agent` it
    returns creates its tasks through this client's connection pools.
    """

    # BEGIN generated Agents methods: .ci/signatures.py from openapi.yaml; run `nox -s generate`
    @with_parameter_hints
    def get(
        self,
        agent_id: str | None = None,
        version: int | str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Agent:
        """The agent (sync); see `aget`.

        Args:
            agent_id: The agent's id; without one, the configuration's `agent_id`, else
                `XPANDER_AGENT_ID`'s.
            version: Pin a specific agent version.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._get(
            get_agent_call(
                agent_id=agent_id,
                version=version,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    async def aget(
        self,
        agent_id: str | None = None,
        version: int | str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Agent:
        """The agent, at `version` or its current one.

        Args:
            agent_id: The agent's id; without one, the configuration's `agent_id`, else
                `XPANDER_AGENT_ID`'s.
            version: Pin a specific agent version.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._aget(
            get_agent_call(
                agent_id=agent_id,
                version=version,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    def list(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[AgentsListItem]:
        """The organization's agents (sync); see `alist`.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._list(call_options(extra_headers=extra_headers, extra_query=extra_query))

    @with_parameter_hints
    async def alist(
        self,
        *,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[AgentsListItem]:
        """The organization's agents, as summaries; each item's `aload()` reads the agent.

        Args:
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._alist(call_options(extra_headers=extra_headers, extra_query=extra_query))

    # END generated Agents methods

    # Reads: safe to repeat.

    def _get(self, call: GetAgentCall) -> Agent:
        agent = self.request(
            OPERATIONS["get_agent"], call.options, GeneratedAgent, **call.arguments(self)
        )
        return Agent.adopt(agent, self._as_client(Tasks))

    async def _aget(self, call: GetAgentCall) -> Agent:
        agent = await self.arequest(
            OPERATIONS["get_agent"], call.options, GeneratedAgent, **call.arguments(self)
        )
        return Agent.adopt(agent, self._as_client(Tasks))

    def _list(self, options: CallOptions) -> builtins.list[AgentsListItem]:
        items = self.request(OPERATIONS["list_agents"], options, builtins.list)
        return [AgentsListItem.adopt(item, self._as_client(Agents)) for item in items]

    async def _alist(self, options: CallOptions) -> builtins.list[AgentsListItem]:
        items = await self.arequest(OPERATIONS["list_agents"], options, builtins.list)
        return [AgentsListItem.adopt(item, self._as_client(Agents)) for item in items]


class AgentsListItem(BoundModel["Agents"], GeneratedAgentsListItem):
    """An agent as a list shows it; `load()` / `aload()` read the whole agent through the
    client that listed it, or through the `configuration` given (the published SDK's)."""

    __slots__ = ("_client",)
    _model = GeneratedAgentsListItem

    def load(self, configuration: Configuration | None = None) -> Agent:
        """The whole agent (sync); see `aload`.

        Args:
            configuration: The published SDK's `Configuration` to read with, instead of the
                client that listed it.
        """
        return _agents_for(self, configuration).get(self.id)

    async def aload(self, configuration: Configuration | None = None) -> Agent:
        """The whole agent, read by its id.

        Args:
            configuration: The published SDK's `Configuration` to read with, instead of the
                client that listed it.
        """
        return await _agents_for(self, configuration).aget(self.id)

    def __repr__(self) -> str:
        status = getattr(self.status, "value", self.status)
        return f"AgentsListItem(id={self.id!r}, name={self.name!r}, status={status!r})"


def _agents_for(item: AgentsListItem, configuration: Configuration | None) -> Agents:
    """The client that listed `item`, or one for `configuration` (shared, as `Task.load`'s)."""
    if configuration is None:
        return item._bound_client()
    return client_for(configuration)._as_client(Agents)
