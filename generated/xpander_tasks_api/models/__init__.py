"""Contains all the data models used in inputs/outputs"""

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
