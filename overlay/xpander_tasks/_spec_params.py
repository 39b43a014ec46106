"""The checked builders of the public methods' calls and the checkers of their bodies,
generated from openapi.yaml by `.ci/signatures.py` (`nox -s generate`); do not edit.
The order and names of the published SDK are that script's tables; the rest is the
spec's."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

import httpx

from xpander_tasks_api.models import (
    AgentExecutionStatus,
    AttachmentRef,
    LLMReasoningEffort,
    MCPServerDetails,
    OutputFormat,
    Principal,
    ThinkMode,
    Tokens,
    User,
)
from xpander_tasks_api.spec_extensions import OPERATIONS

from ._params import (
    CreateTaskCall,
    GetAgentCall,
    GetTaskCall,
    ListTasksCall,
    _Body,
    call_options,
    check_id,
    check_version,
    list_call,
)

# What the generated methods' annotations and bodies name.
__all__ = [
    "CREATE_BODY",
    "REPORT_BODY",
    "UPDATE_BODY",
    "AgentExecutionStatus",
    "AttachmentRef",
    "LLMReasoningEffort",
    "MCPServerDetails",
    "OutputFormat",
    "Principal",
    "ThinkMode",
    "Tokens",
    "User",
    "create_task_call",
    "get_agent_call",
    "get_task_call",
    "list_tasks_call",
    "list_user_tasks_call",
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
# Each body parameter with the default the public methods' signatures give it, in
# their order: a default is known good, and sent as prepared.
CREATE_DEFAULTS: Final[dict[str, Any]] = {
    "existing_task_id": None,
    "prompt": "",
    "file_urls": None,
    "user_details": None,
    "principal": None,
    "tool_call_payload_extension": None,
    "source": None,
    "worker_id": None,
    "run_locally": False,
    "output_format": None,
    "output_schema": None,
    "events_streaming": False,
    "additional_context": None,
    "instructions_override": None,
    "test_run_node_id": None,
    "user_oidc_token": None,
    "expected_output": None,
    "mcp_servers": None,
    "triggering_agent_id": None,
    "title": None,
    "think_mode": ThinkMode.DEFAULT,
    "disable_attachment_injection": False,
    "return_metrics": False,
    "user_tokens": None,
    "llm_model_provider": None,
    "llm_model_name": None,
    "llm_reasoning_effort": None,
    "harness_cli": None,
    "tool_call_limit": None,
    "attachments": None,
    "permission_mode": None,
}

# The checker of a create's body parameters, which the public methods pass once, as one
# dict in `CREATE_DEFAULTS`' order.
CREATE_BODY: Final = _Body(
    "CreateTaskRequest",
    CREATE_DEFAULTS,
    fields=CREATE_FIELDS,
    checks=CREATE_CHECKS,
)


def create_task_call(agent_id: str, **arguments: Any) -> CreateTaskCall:
    """Check a create given by keyword, as a batch item gives it: `Tasks.create`'s
    parameters, each one left out at its default; a name it does not take is a
    `TypeError`."""
    settings = {
        name: arguments.pop(name)
        for name in (
            "timeout",
            "total_timeout",
            "max_retries",
            "extra_headers",
            "extra_query",
            "extra_body",
        )
        if name in arguments
    }
    agent_version = arguments.pop("agent_version", None)
    return CreateTaskCall(
        agent_id=check_id("agent_id", agent_id),
        agent_version=None
        if agent_version is None
        else check_version("agent_version", agent_version),
        body=CREATE_BODY.given(arguments, "create_task_call"),
        options=call_options(**settings),
    )


# The checker of the UpdateTaskRequest fields, which the public methods pass once, as
# one dict in `UPDATE_DEFAULTS`' order, each with its signature's default (a None left
# out: the SDK's partial body).
UPDATE_DEFAULTS: Final[dict[str, Any]] = {
    "tool_call_payload_extension": None,
    "source": None,
    "status": None,
    "last_executed_node_id": None,
    "result": None,
}
UPDATE_BODY: Final = _Body(
    "UpdateTaskRequest", UPDATE_DEFAULTS, fields={}, omit_none=frozenset(UPDATE_DEFAULTS), checks={}
)


# The checker of the ReportExternalTaskRequest fields, which the public methods pass
# once, as one dict in `REPORT_DEFAULTS`' order, each with its signature's default.
REPORT_DEFAULTS: Final[dict[str, Any]] = {
    "id": None,
    "input": None,
    "llm_response": None,
    "tokens": None,
    "is_success": True,
    "result": None,
    "duration": 0,
    "used_tools": None,
}
REPORT_BODY: Final = _Body("ReportExternalTaskRequest", REPORT_DEFAULTS, fields={}, checks={})


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
        total_timeout: Seconds for each attempt's whole answer; the client's own when None.
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
        total_timeout: Seconds for each attempt's whole answer; the client's own when None.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return list_call(
        OPERATIONS["list_tasks"],
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
        total_timeout: Seconds for each attempt's whole answer; the client's own when None.
        max_retries: Retries of this call; the client's own when None.
        extra_headers: Headers to add (not the key's, nor the transport's).
        extra_query: Query parameters to add.
    """
    return list_call(
        OPERATIONS["list_user_tasks"],
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
        total_timeout: Seconds for each attempt's whole answer; the client's own when None.
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
