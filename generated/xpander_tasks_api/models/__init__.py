"""Contains all the data models used in inputs/outputs"""

from .activity_log import ActivityLog
from .activity_log_entry import ActivityLogEntry
from .agent import Agent
from .agent_execution_status import AgentExecutionStatus
from .attachment_kind import AttachmentKind
from .attachment_ref import AttachmentRef
from .conversation_kind import ConversationKind
from .create_task_request import CreateTaskRequest
from .error import Error
from .event_identity import EventIdentity
from .hitl_request import HITLRequest
from .json_object import JsonObject
from .llm_reasoning_effort import LLMReasoningEffort
from .mcp_server_auth_type import MCPServerAuthType
from .mcp_server_details import MCPServerDetails
from .mcp_server_sso_token import MCPServerSSOToken
from .mcp_server_transport import MCPServerTransport
from .mcp_server_type import MCPServerType
from .output_format import OutputFormat
from .pending_eca_request import PendingECARequest
from .principal import Principal
from .principal_kind import PrincipalKind
from .report_external_task_request import ReportExternalTaskRequest
from .string_map import StringMap
from .task import Task
from .task_event import TaskEvent
from .task_event_type import TaskEventType
from .task_input import TaskInput
from .tasks_list_item import TasksListItem
from .think_mode import ThinkMode
from .tokens import Tokens
from .update_task_request import UpdateTaskRequest
from .user import User
from .validation_issue import ValidationIssue

__all__ = (
    "ActivityLog",
    "ActivityLogEntry",
    "Agent",
    "AgentExecutionStatus",
    "AttachmentKind",
    "AttachmentRef",
    "ConversationKind",
    "CreateTaskRequest",
    "Error",
    "EventIdentity",
    "HITLRequest",
    "JsonObject",
    "LLMReasoningEffort",
    "MCPServerAuthType",
    "MCPServerDetails",
    "MCPServerSSOToken",
    "MCPServerTransport",
    "MCPServerType",
    "OutputFormat",
    "PendingECARequest",
    "Principal",
    "PrincipalKind",
    "ReportExternalTaskRequest",
    "StringMap",
    "Task",
    "TaskEvent",
    "TaskEventType",
    "TaskInput",
    "TasksListItem",
    "ThinkMode",
    "Tokens",
    "UpdateTaskRequest",
    "User",
    "ValidationIssue",
)
