"""Contains all the data models used in inputs/outputs"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .activity_log_entry import ActivityLogEntry, ActivityLogEntryParam
    from .agent import Agent, AgentParam
    from .agent_activity_thread import AgentActivityThread, AgentActivityThreadParam
    from .agent_activity_thread_message import (
        AgentActivityThreadMessage,
        AgentActivityThreadMessageParam,
    )
    from .agent_activity_thread_message_content import (
        AgentActivityThreadMessageContent,
        AgentActivityThreadMessageContentParam,
    )
    from .agent_activity_thread_message_role import AgentActivityThreadMessageRole
    from .agent_activity_thread_reasoning import (
        AgentActivityThreadReasoning,
        AgentActivityThreadReasoningParam,
    )
    from .agent_activity_thread_reasoning_type import AgentActivityThreadReasoningType
    from .agent_activity_thread_tool_call import (
        AgentActivityThreadToolCall,
        AgentActivityThreadToolCallParam,
    )
    from .agent_execution_status import AgentExecutionStatus
    from .agent_status import AgentStatus
    from .agents_list_item import AgentsListItem, AgentsListItemParam
    from .agents_list_item_instructions import AgentsListItemInstructions
    from .attachment_kind import AttachmentKind
    from .attachment_ref import AttachmentRef, AttachmentRefParam
    from .conversation_kind import ConversationKind
    from .create_task_request import CreateTaskRequest, CreateTaskRequestParam
    from .error import Error, ErrorParam
    from .event_identity import EventIdentity, EventIdentityParam
    from .hitl_request import HITLRequest, HITLRequestParam
    from .json_object import JsonObject
    from .llm_reasoning_effort import LLMReasoningEffort
    from .mcp_server_auth_type import MCPServerAuthType
    from .mcp_server_details import MCPServerDetails, MCPServerDetailsParam
    from .mcp_server_sso_token_mode import MCPServerSSOTokenMode
    from .mcp_server_transport import MCPServerTransport
    from .mcp_server_type import MCPServerType
    from .output_format import OutputFormat
    from .pending_eca_request import PendingECARequest, PendingECARequestParam
    from .principal import Principal, PrincipalParam
    from .principal_kind import PrincipalKind
    from .report_external_task_request import (
        ReportExternalTaskRequest,
        ReportExternalTaskRequestParam,
    )
    from .string_map import StringMap
    from .task import Task, TaskParam
    from .task_event import TaskEvent, TaskEventParam
    from .task_event_type import TaskEventType
    from .task_input import TaskInput, TaskInputParam
    from .tasks_list_item import TasksListItem, TasksListItemParam
    from .think_mode import ThinkMode
    from .tokens import Tokens, TokensParam
    from .update_task_request import UpdateTaskRequest, UpdateTaskRequestParam
    from .user import User, UserParam
    from .validation_issue import ValidationIssue, ValidationIssueParam
else:
    import importlib

    # Each public name's module: `from .task import Task` above is `"Task": "task"`.
    _MODULES = {
        "ActivityLogEntry": "activity_log_entry",
        "Agent": "agent",
        "AgentActivityThread": "agent_activity_thread",
        "AgentActivityThreadMessage": "agent_activity_thread_message",
        "AgentActivityThreadMessageContent": "agent_activity_thread_message_content",
        "AgentActivityThreadMessageRole": "agent_activity_thread_message_role",
        "AgentActivityThreadReasoning": "agent_activity_thread_reasoning",
        "AgentActivityThreadReasoningType": "agent_activity_thread_reasoning_type",
        "AgentActivityThreadToolCall": "agent_activity_thread_tool_call",
        "AgentExecutionStatus": "agent_execution_status",
        "AgentStatus": "agent_status",
        "AgentsListItem": "agents_list_item",
        "AgentsListItemInstructions": "agents_list_item_instructions",
        "AttachmentKind": "attachment_kind",
        "AttachmentRef": "attachment_ref",
        "ConversationKind": "conversation_kind",
        "CreateTaskRequest": "create_task_request",
        "Error": "error",
        "EventIdentity": "event_identity",
        "HITLRequest": "hitl_request",
        "JsonObject": "json_object",
        "LLMReasoningEffort": "llm_reasoning_effort",
        "MCPServerAuthType": "mcp_server_auth_type",
        "MCPServerDetails": "mcp_server_details",
        "MCPServerSSOTokenMode": "mcp_server_sso_token_mode",
        "MCPServerTransport": "mcp_server_transport",
        "MCPServerType": "mcp_server_type",
        "OutputFormat": "output_format",
        "PendingECARequest": "pending_eca_request",
        "Principal": "principal",
        "PrincipalKind": "principal_kind",
        "ReportExternalTaskRequest": "report_external_task_request",
        "StringMap": "string_map",
        "Task": "task",
        "TaskEvent": "task_event",
        "TaskEventType": "task_event_type",
        "TaskInput": "task_input",
        "TasksListItem": "tasks_list_item",
        "ThinkMode": "think_mode",
        "Tokens": "tokens",
        "UpdateTaskRequest": "update_task_request",
        "User": "user",
        "ValidationIssue": "validation_issue",
        "CreateTaskRequestParam": "create_task_request",
        "TaskInputParam": "task_input",
        "UserParam": "user",
        "PrincipalParam": "principal",
        "AttachmentRefParam": "attachment_ref",
        "MCPServerDetailsParam": "mcp_server_details",
        "TaskParam": "task",
        "TokensParam": "tokens",
        "UpdateTaskRequestParam": "update_task_request",
        "ReportExternalTaskRequestParam": "report_external_task_request",
        "TasksListItemParam": "tasks_list_item",
        "AgentActivityThreadParam": "agent_activity_thread",
        "AgentActivityThreadMessageParam": "agent_activity_thread_message",
        "AgentActivityThreadMessageContentParam": "agent_activity_thread_message_content",
        "AgentActivityThreadToolCallParam": "agent_activity_thread_tool_call",
        "AgentActivityThreadReasoningParam": "agent_activity_thread_reasoning",
        "ActivityLogEntryParam": "activity_log_entry",
        "AgentsListItemParam": "agents_list_item",
        "AgentParam": "agent",
        "HITLRequestParam": "hitl_request",
        "PendingECARequestParam": "pending_eca_request",
        "TaskEventParam": "task_event",
        "EventIdentityParam": "event_identity",
        "ErrorParam": "error",
        "ValidationIssueParam": "validation_issue",
    }

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
        globals()[name] = value  # later lookups skip this function
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})


__all__ = (
    "ActivityLogEntry",
    "ActivityLogEntryParam",
    "Agent",
    "AgentActivityThread",
    "AgentActivityThreadMessage",
    "AgentActivityThreadMessageContent",
    "AgentActivityThreadMessageContentParam",
    "AgentActivityThreadMessageParam",
    "AgentActivityThreadMessageRole",
    "AgentActivityThreadParam",
    "AgentActivityThreadReasoning",
    "AgentActivityThreadReasoningParam",
    "AgentActivityThreadReasoningType",
    "AgentActivityThreadToolCall",
    "AgentActivityThreadToolCallParam",
    "AgentExecutionStatus",
    "AgentParam",
    "AgentStatus",
    "AgentsListItem",
    "AgentsListItemInstructions",
    "AgentsListItemParam",
    "AttachmentKind",
    "AttachmentRef",
    "AttachmentRefParam",
    "ConversationKind",
    "CreateTaskRequest",
    "CreateTaskRequestParam",
    "Error",
    "ErrorParam",
    "EventIdentity",
    "EventIdentityParam",
    "HITLRequest",
    "HITLRequestParam",
    "JsonObject",
    "LLMReasoningEffort",
    "MCPServerAuthType",
    "MCPServerDetails",
    "MCPServerDetailsParam",
    "MCPServerSSOTokenMode",
    "MCPServerTransport",
    "MCPServerType",
    "OutputFormat",
    "PendingECARequest",
    "PendingECARequestParam",
    "Principal",
    "PrincipalKind",
    "PrincipalParam",
    "ReportExternalTaskRequest",
    "ReportExternalTaskRequestParam",
    "StringMap",
    "Task",
    "TaskEvent",
    "TaskEventParam",
    "TaskEventType",
    "TaskInput",
    "TaskInputParam",
    "TaskParam",
    "TasksListItem",
    "TasksListItemParam",
    "ThinkMode",
    "Tokens",
    "TokensParam",
    "UpdateTaskRequest",
    "UpdateTaskRequestParam",
    "User",
    "UserParam",
    "ValidationIssue",
    "ValidationIssueParam",
)
