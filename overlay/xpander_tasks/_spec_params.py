"""The checked builders of the public methods' calls, generated from openapi.yaml by
`.ci/signatures.py` (`nox -s generate`); do not edit. The order and names of the
published SDK are that script's tables; the rest is the spec's."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any, Final

import httpx

from xpander_tasks_api.api.tasks import list_tasks, list_user_tasks
from xpander_tasks_api.models import (
    AgentExecutionStatus,
    AttachmentRef,
    CreateTaskRequest,
    LLMReasoningEffort,
    MCPServerDetails,
    OutputFormat,
    Principal,
    ReportExternalTaskRequest,
    ThinkMode,
    Tokens,
    UpdateTaskRequest,
    User,
)

from ._config import Configuration
from ._params import (
    CreateTaskCall,
    GetAgentCall,
    GetTaskCall,
    ListTasksCall,
    ReportTaskCall,
    UpdateTaskCall,
    _Body,
    call_options,
    check_id,
    check_version,
    list_call,
)

if TYPE_CHECKING:
    from ._base_client import BaseClient

# What the generated methods' annotations and bodies name.
__all__ = [
    "CREATE_BODY",
    "AgentExecutionStatus",
    "AttachmentRef",
    "CreateTaskRequest",
    "LLMReasoningEffort",
    "MCPServerDetails",
    "OutputFormat",
    "Principal",
    "ReportExternalTaskRequest",
    "ThinkMode",
    "Tokens",
    "UpdateTaskRequest",
    "User",
    "create_task_call",
    "get_agent_call",
    "get_task_call",
    "list_tasks_call",
    "list_user_tasks_call",
    "report_task_call",
    "update_task_call",
]

# SDK parameter -> the body field it fills (wire names), where they differ.
CREATE_FIELDS: Final = {
    "existing_task_id": "id",
    "prompt": "input.text",
    "file_urls": "input.files",
    "user_details": "input.user",
    "principal": "input.principal",
    "tool_call_payload_extension": "payload_extension",
    "attachments": "input.attachments",
}
# The spec's checks of each body parameter's value, made before sending.
CREATE_CHECKS: Final[dict[str, dict[str, Any]]] = {"tool_call_limit": {"minimum": 0}}


def create_task_call(  # noqa: PLR0917 - the published SDK's parameters
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
) -> CreateTaskCall:
    """Check the arguments of a create call and build its request.

    Args:
        agent_id: The agent to invoke (an agent's id).
        existing_task_id: Continue an existing task (the SDK's `existing_task_id`).
        prompt: Natural-language input (the SDK's `prompt`).
        file_urls: URLs of files to attach (the SDK's `file_urls`). The SDK sends `[]` by
            default.
        user_details: End-user context (the SDK's `user_details`).
        principal: Who the task acts for; sent only when set, `null` in a saved task.
        agent_version: Pin a specific agent version.
        tool_call_payload_extension: Extra fields merged into every tool-call payload (the SDK's
            `tool_call_payload_extension`).
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
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
        extra_body: Body fields the spec does not have yet (JSON); a field the call has a
            parameter for is refused.
    """
    return CreateTaskCall(
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


CREATE_BODY: Final = _Body(
    CreateTaskRequest,
    create_task_call,
    outside=frozenset(
        {
            "agent_id",
            "agent_version",
            "timeout",
            "total_timeout",
            "max_retries",
            "extra_headers",
            "extra_query",
            "extra_body",
        }
    ),
    fields=CREATE_FIELDS,
    checks=CREATE_CHECKS,
)


def update_task_call(  # noqa: PLR0917 - the published SDK's positional parameters
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
) -> UpdateTaskCall:
    """Check a partial update, the published SDK's `Tasks.update`: only the fields given (not
    None) are sent; none sends `{}`.

    Args:
        task_id: The task to update.
        tool_call_payload_extension: Extra fields merged into every tool-call payload.
        source: Origin tag.
        status: The task's new status; it overrides the task's own progress.
        last_executed_node_id: The workflow node the task ran last.
        result: The task's result text.
        timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return UpdateTaskCall(
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


UPDATE_BODY: Final = _Body(
    UpdateTaskRequest,
    update_task_call,
    outside=frozenset(
        ["task_id", "timeout", "total_timeout", "max_retries", "extra_headers", "extra_query"]
    ),
    fields={},
    omit_none=frozenset(
        ["tool_call_payload_extension", "source", "status", "last_executed_node_id", "result"]
    ),
    checks={},
)


def report_task_call(  # noqa: PLR0917 - the published SDK's positional parameters
    configuration: Configuration | BaseClient | None = None,
    agent_id: str | None = None,
    id: str | None = None,
    input: str | None = None,
    llm_response: Any = None,
    tokens: Tokens | Mapping[str, Any] | None = None,
    is_success: bool = True,
    result: str | None = None,
    duration: float = 0,
    used_tools: Sequence[str] | None = None,
    *,
    client: BaseClient | None = None,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str | int | float | bool] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> ReportTaskCall:
    """Check a report of a task that ran outside xpander, the published SDK's
    `Task.report_external_task`: `tokens` as a `Tokens` or a dict (its `total_tokens` worked
    out when left out), sent with `configuration` or `client`, else with a client made from
    the environment, as the SDK does.

    Args:
        configuration: The SDK's `Configuration`, or a `Tasks`, to send the report with.
        agent_id: The agent the task ran for.
        id: The id to store the task under; a new one when null.
        input: The task's input text.
        llm_response: The model's raw answer, any JSON.
        tokens: Token usage of a task. The SDK computes `total_tokens` as prompt plus completion
            tokens and always sends it.
        is_success: False stores the task as `failed`.
        result: The task's result text.
        duration: Seconds the task ran.
        used_tools: The names of the tools the task used.
        client: The client to send the report with.
        timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
        extra_body: Body fields the spec does not have yet (JSON); a field the call has a
            parameter for is refused.
    """
    return ReportTaskCall(
        configuration=configuration,
        client=client,
        agent_id=check_id("agent_id", agent_id),
        body=REPORT_BODY(
            {
                "id": id,
                "input": input,
                "llm_response": llm_response,
                "tokens": tokens,
                "is_success": is_success,
                "result": result,
                "duration": duration,
                "used_tools": used_tools,
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


REPORT_BODY: Final = _Body(
    ReportExternalTaskRequest,
    report_task_call,
    outside=frozenset(
        [
            "configuration",
            "agent_id",
            "client",
            "timeout",
            "total_timeout",
            "max_retries",
            "extra_headers",
            "extra_query",
            "extra_body",
        ]
    ),
    fields={},
    omit_none=frozenset([]),
    checks={},
)


def get_task_call(
    task_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str | int | float | bool] | None = None,
) -> GetTaskCall:
    """Check a call on one task by its id (a read, a stop): an id that cannot change the path.

    Args:
        task_id: The task's id.
        timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return GetTaskCall(
        task_id=check_id("task_id", task_id),
        options=call_options(
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        ),
    )


def list_tasks_call(
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
) -> ListTasksCall:
    """Check a list: the owner's id, the published SDK's `filters` dict or the same filters as
    keyword arguments (a status as the member or its value); a filter the spec does not name is
    sent as given (a near miss logged with a "did you mean").

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
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return list_call(
        list_tasks.sync_detailed,
        "agent_id",
        agent_id,
        filters,
        given={
            "user_id": user_id,
            "parent_task_id": parent_task_id,
            "triggering_agent_id": triggering_agent_id,
            "status": status,
            "internal_status": internal_status,
        },
        options=call_options(
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        ),
    )


def list_user_tasks_call(
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
) -> ListTasksCall:
    """Check a list: the owner's id, the published SDK's `filters` dict or the same filters as
    keyword arguments (a status as the member or its value); a filter the spec does not name is
    sent as given (a near miss logged with a "did you mean").

    Args:
        user_id: The end user's id (`input.user.id` of their tasks).
        filters: The published SDK's filters as one dict (the same names as the keywords); a
            filter the API does not document is sent as given.
        parent_task_id: Only the sub-tasks of this task.
        triggering_agent_id: Only the tasks this agent triggered.
        status: Only the tasks in this status.
        internal_status: Only the tasks with this internal status.
        timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return list_call(
        list_user_tasks.sync_detailed,
        "user_id",
        user_id,
        filters,
        given={
            "parent_task_id": parent_task_id,
            "triggering_agent_id": triggering_agent_id,
            "status": status,
            "internal_status": internal_status,
        },
        options=call_options(
            timeout=timeout,
            total_timeout=total_timeout,
            max_retries=max_retries,
            extra_headers=extra_headers,
            extra_query=extra_query,
        ),
    )


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
    """Check an agent read: an id that cannot change the path, a version (a number >= 1, or its
    text) for the `x-agent-version` header.

    Args:
        agent_id: The agent's id; without one, the configuration's `agent_id`, else
            `XPANDER_AGENT_ID`'s.
        version: Pin a specific agent version.
        timeout: Seconds for each phase (or an `httpx.Timeout`); the client's own when None.
        total_timeout: Seconds for the whole answer, retries included.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
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
