"""`Tasks`: the published SDK's entry point: configuration plus thin resource methods."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import httpx

from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.spec_extensions import OPERATIONS, Operation

from ._base_client import BaseClient
from ._params import (
    CallOptions,
    CreateTaskCall,
    GetTaskCall,
    ListTasksCall,
    UpdateTaskCall,
    call_options,
    check_id,
    check_version,
    with_parameter_hints,
)

# BEGIN generated imports (.ci/signatures.py)
from ._spec_params import (
    CREATE_BODY,
    UPDATE_BODY,
    AgentExecutionStatus,
    AttachmentRef,
    LLMReasoningEffort,
    MCPServerDetails,
    OutputFormat,
    Principal,
    ThinkMode,
    User,
    get_task_call,
    list_tasks_call,
    list_user_tasks_call,
)

# END generated imports
from ._task import (
    Task,
    astop_one,
    aupdate_one,
    stop_one,
    update_one,
)

if TYPE_CHECKING:
    from ._batch import BatchItem, BatchOutcome
    from ._list_item import TasksListItem


class Tasks(BaseClient):
    """Create and follow xpander.ai tasks; sync and async methods side by side.

    Configuration is resolved once, arguments first, then `XPANDER_API_KEY`,
    `XPANDER_BASE_URL` and `XPANDER_ORGANIZATION_ID`. One connection pool per instance (one
    for sync calls, one for async calls), reused across calls and safe to share between
    concurrent tasks; close it with `close()` / `aclose()` or a `with` block.
    """

    # BEGIN generated Tasks methods: .ci/signatures.py from openapi.yaml; run `nox -s generate`
    @with_parameter_hints
    def create(  # noqa: PLR0917 - the published SDK's parameters
        self,
        agent_id: str,
        existing_task_id: str | None = None,
        prompt: str = "",
        file_urls: Sequence[str] | None = None,
        user_details: User | Mapping[str, Any] | None = None,
        principal: Principal | Mapping[str, Any] | None = None,
        agent_version: int | str | None = None,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = None,
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
        """Create a task for an agent (sync); it starts `pending`.

        Args:
            agent_id: The agent to invoke (an agent's id).
            existing_task_id: Continue an existing task (the SDK's `existing_task_id`).
            prompt: Natural-language input (the SDK's `prompt`).
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
        return self._create(
            CreateTaskCall(
                agent_id=check_id("agent_id", agent_id),
                agent_version=None
                if agent_version is None
                else check_version("agent_version", agent_version),
                body=CREATE_BODY(
                    {
                        "existing_task_id": existing_task_id,
                        "prompt": prompt,
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
    async def acreate(  # noqa: PLR0917 - the published SDK's parameters
        self,
        agent_id: str,
        existing_task_id: str | None = None,
        prompt: str = "",
        file_urls: Sequence[str] | None = None,
        user_details: User | Mapping[str, Any] | None = None,
        principal: Principal | Mapping[str, Any] | None = None,
        agent_version: int | str | None = None,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = None,
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
        """Create a task for an agent; it starts `pending`.

        Args:
            agent_id: The agent to invoke (an agent's id).
            existing_task_id: Continue an existing task (the SDK's `existing_task_id`).
            prompt: Natural-language input (the SDK's `prompt`).
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
        return await self._acreate(
            CreateTaskCall(
                agent_id=check_id("agent_id", agent_id),
                agent_version=None
                if agent_version is None
                else check_version("agent_version", agent_version),
                body=CREATE_BODY(
                    {
                        "existing_task_id": existing_task_id,
                        "prompt": prompt,
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
    def list(
        self,
        agent_id: str,
        filters: Mapping[str, Any] | None = None,
        *,
        user_id: str | None = None,
        parent_task_id: str | None = None,
        triggering_agent_id: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        internal_status: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[TasksListItem]:
        """An agent's tasks, newest first (sync); see `alist`.

        Args:
            agent_id: The agent's id.
            filters: The published SDK's filters as one dict (the same names as the keywords); a
                filter the API does not document is sent as given.
            user_id: Only the tasks of this end user (`input.user.id`).
            parent_task_id: Only the sub-tasks of this task.
            triggering_agent_id: Only the tasks this agent triggered.
            status: Only the tasks in this status.
            internal_status: Only the tasks with this internal status.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._list(
            list_tasks_call(
                agent_id=agent_id,
                filters=filters,
                user_id=user_id,
                parent_task_id=parent_task_id,
                triggering_agent_id=triggering_agent_id,
                status=status,
                internal_status=internal_status,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    async def alist(
        self,
        agent_id: str,
        filters: Mapping[str, Any] | None = None,
        *,
        user_id: str | None = None,
        parent_task_id: str | None = None,
        triggering_agent_id: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        internal_status: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[TasksListItem]:
        """An agent's tasks, newest first, as summaries (no input); each item's `aload()` reads the
        whole task.

        Args:
            agent_id: The agent's id.
            filters: The published SDK's filters as one dict (the same names as the keywords); a
                filter the API does not document is sent as given.
            user_id: Only the tasks of this end user (`input.user.id`).
            parent_task_id: Only the sub-tasks of this task.
            triggering_agent_id: Only the tasks this agent triggered.
            status: Only the tasks in this status.
            internal_status: Only the tasks with this internal status.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._alist(
            list_tasks_call(
                agent_id=agent_id,
                filters=filters,
                user_id=user_id,
                parent_task_id=parent_task_id,
                triggering_agent_id=triggering_agent_id,
                status=status,
                internal_status=internal_status,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    def list_user_tasks(
        self,
        user_id: str,
        filters: Mapping[str, Any] | None = None,
        *,
        parent_task_id: str | None = None,
        triggering_agent_id: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        internal_status: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[TasksListItem]:
        """A user's tasks across agents, newest first (sync).

        Args:
            user_id: The end user's id (`input.user.id` of their tasks).
            filters: The published SDK's filters as one dict (the same names as the keywords); a
                filter the API does not document is sent as given.
            parent_task_id: Only the sub-tasks of this task.
            triggering_agent_id: Only the tasks this agent triggered.
            status: Only the tasks in this status.
            internal_status: Only the tasks with this internal status.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._list_user_tasks(
            list_user_tasks_call(
                user_id=user_id,
                filters=filters,
                parent_task_id=parent_task_id,
                triggering_agent_id=triggering_agent_id,
                status=status,
                internal_status=internal_status,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    async def alist_user_tasks(
        self,
        user_id: str,
        filters: Mapping[str, Any] | None = None,
        *,
        parent_task_id: str | None = None,
        triggering_agent_id: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        internal_status: str | None = None,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> builtins.list[TasksListItem]:
        """A user's tasks across agents, newest first, as summaries.

        Args:
            user_id: The end user's id (`input.user.id` of their tasks).
            filters: The published SDK's filters as one dict (the same names as the keywords); a
                filter the API does not document is sent as given.
            parent_task_id: Only the sub-tasks of this task.
            triggering_agent_id: Only the tasks this agent triggered.
            status: Only the tasks in this status.
            internal_status: Only the tasks with this internal status.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._alist_user_tasks(
            list_user_tasks_call(
                user_id=user_id,
                filters=filters,
                parent_task_id=parent_task_id,
                triggering_agent_id=triggering_agent_id,
                status=status,
                internal_status=internal_status,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    def update(  # noqa: PLR0917 - the published SDK's parameters
        self,
        task_id: str,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        last_executed_node_id: str | None = None,
        result: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Update some of a task's fields (sync); see `aupdate`.

        Args:
            task_id: The task to update.
            tool_call_payload_extension: Extra fields merged into every tool-call payload.
            source: Origin tag.
            status: The task's new status; it overrides the task's own progress.
            last_executed_node_id: The workflow node the task ran last.
            result: The task's result text.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._update(
            UpdateTaskCall(
                task_id=check_id("task_id", task_id),
                body=UPDATE_BODY(
                    {
                        "tool_call_payload_extension": tool_call_payload_extension,
                        "source": source,
                        "status": status,
                        "last_executed_node_id": last_executed_node_id,
                        "result": result,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                ),
            )
        )

    @with_parameter_hints
    async def aupdate(  # noqa: PLR0917 - the published SDK's parameters
        self,
        task_id: str,
        tool_call_payload_extension: Mapping[str, Any] | None = None,
        source: str | None = None,
        status: AgentExecutionStatus | str | None = None,
        last_executed_node_id: str | None = None,
        result: str | None = None,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Update some of a task's fields, the published SDK's five; only those given (not None)
        are sent, none sends `{}`.

        Args:
            task_id: The task to update.
            tool_call_payload_extension: Extra fields merged into every tool-call payload.
            source: Origin tag.
            status: The task's new status; it overrides the task's own progress.
            last_executed_node_id: The workflow node the task ran last.
            result: The task's result text.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._aupdate(
            UpdateTaskCall(
                task_id=check_id("task_id", task_id),
                body=UPDATE_BODY(
                    {
                        "tool_call_payload_extension": tool_call_payload_extension,
                        "source": source,
                        "status": status,
                        "last_executed_node_id": last_executed_node_id,
                        "result": result,
                    }
                ),
                options=call_options(
                    timeout=timeout,
                    total_timeout=total_timeout,
                    max_retries=max_retries,
                    extra_headers=extra_headers,
                    extra_query=extra_query,
                ),
            )
        )

    @with_parameter_hints
    def stop(
        self,
        task_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Stop a task (sync); it becomes `stopped`.

        Args:
            task_id: The task's id.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._stop(
            get_task_call(
                task_id=task_id,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    async def astop(
        self,
        task_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Stop a task; it becomes `stopped` (`is_manually_stopped`) and stays so.

        Args:
            task_id: The task's id.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._astop(
            get_task_call(
                task_id=task_id,
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            )
        )

    @with_parameter_hints
    def get(
        self,
        task_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Read a task's current state (sync).

        Args:
            task_id: The task's id.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return self._task_operation(
            OPERATIONS["get_task"],
            call_options(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
            task_id=check_id("task_id", task_id),
        )

    @with_parameter_hints
    async def aget(
        self,
        task_id: str,
        *,
        timeout: float | httpx.Timeout | None = None,
        total_timeout: float | None = None,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
        extra_query: Mapping[str, str | int | float | bool] | None = None,
    ) -> Task:
        """Read a task's current state.

        Args:
            task_id: The task's id.
            timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
            total_timeout: Seconds for each attempt's whole answer; the client's own when None.
            max_retries: Retries of this call; the client's own when None.
            extra_headers: Headers to add (not the key's, nor the transport's).
            extra_query: Query parameters to add.
        """
        return await self._atask_operation(
            OPERATIONS["get_task"],
            call_options(
                timeout=timeout,
                total_timeout=total_timeout,
                max_retries=max_retries,
                extra_headers=extra_headers,
                extra_query=extra_query,
            ),
            task_id=check_id("task_id", task_id),
        )

    # END generated Tasks methods

    # Create: not safe to repeat (a second create runs the agent again).

    def _create(self, call: CreateTaskCall) -> Task:
        """Send a checked create call (`Agent.create_task` builds its own)."""
        task = self.request(
            OPERATIONS["create_task"], call.options, GeneratedTask, **call.arguments()
        )
        return Task.adopt(task, self)

    async def _acreate(self, call: CreateTaskCall) -> Task:
        task = await self.arequest(
            OPERATIONS["create_task"], call.options, GeneratedTask, **call.arguments()
        )
        return Task.adopt(task, self)

    # An operation on a task by its ids that answers the task (a read, or a change that
    # `x-may-have-acted` marks): what the methods made from the spec alone send by.

    def _task_operation(self, operation: Operation, options: CallOptions, **ids: str) -> Task:
        return Task.adopt(self.request(operation, options, GeneratedTask, **ids), self)

    async def _atask_operation(
        self, operation: Operation, options: CallOptions, **ids: str
    ) -> Task:
        return Task.adopt(await self.arequest(operation, options, GeneratedTask, **ids), self)

    # Reads: safe to repeat.

    def _list(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        items = self.request(
            OPERATIONS["list_tasks"], call.options, list, agent_id=call.owner_id, **call.filters
        )
        return _listed(items, self)

    async def _alist(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        items = await self.arequest(
            OPERATIONS["list_tasks"], call.options, list, agent_id=call.owner_id, **call.filters
        )
        return _listed(items, self)

    def _list_user_tasks(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        items = self.request(
            OPERATIONS["list_user_tasks"], call.options, list, user_id=call.owner_id,
            **call.filters,
        )  # fmt: skip
        return _listed(items, self)

    async def _alist_user_tasks(self, call: ListTasksCall) -> builtins.list[TasksListItem]:
        items = await self.arequest(
            OPERATIONS["list_user_tasks"], call.options, list, user_id=call.owner_id,
            **call.filters,
        )  # fmt: skip
        return _listed(items, self)

    # Changes: not safe to repeat blindly (see the README's retry table).

    def _update(self, call: UpdateTaskCall) -> Task:
        return Task.adopt(update_one(self, call.task_id, call.body, call.options), self)

    async def _aupdate(self, call: UpdateTaskCall) -> Task:
        return Task.adopt(await aupdate_one(self, call.task_id, call.body, call.options), self)

    def _stop(self, call: GetTaskCall) -> Task:
        return Task.adopt(stop_one(self, call), self)

    async def _astop(self, call: GetTaskCall) -> Task:
        return Task.adopt(await astop_one(self, call), self)

    # Batches: many creates, each followed to its result, resumable from a journal.

    def abatch(
        self, items: Iterable[Mapping[str, Any] | BatchItem], *, agent_id: str, **options: Any
    ) -> AsyncIterator[BatchOutcome]:
        """Create a task for each item and yield each outcome as it finishes.

        Args:
            items: One task each: `acreate`'s parameters as a dict or a `BatchItem`, and an
                optional `key`.
            agent_id: The agent every task is for.
            **options: `Batch`'s (`journal`, `concurrency`, `max_following`, `timeout`,
                `poll_interval`, `resend_uncertain`).
        """
        from ._batch import Batch  # noqa: PLC0415  (asyncio and sqlite3 load on first use)

        return Batch(self, agent_id=agent_id, **options).arun(items)

    def batch(
        self, items: Iterable[Mapping[str, Any] | BatchItem], *, agent_id: str, **options: Any
    ) -> Iterator[BatchOutcome]:
        """`abatch` for synchronous code (the batch runs on an event loop of its own).

        Args:
            items: One task each: `acreate`'s parameters as a dict or a `BatchItem`, and an
                optional `key`.
            agent_id: The agent every task is for.
            **options: `Batch`'s (`journal`, `concurrency`, `max_following`, `timeout`,
                `poll_interval`, `resend_uncertain`).
        """
        from ._batch import Batch  # noqa: PLC0415  (asyncio and sqlite3 load on first use)

        return Batch(self, agent_id=agent_id, **options).run(items)


def _listed(items: builtins.list[Any], client: BaseClient) -> builtins.list[TasksListItem]:
    """A list answer's items, bound to `client`; their class loads with the first list."""
    from ._list_item import TasksListItem  # noqa: PLC0415  (most programs never list)

    return [TasksListItem.adopt(item, client) for item in items]
