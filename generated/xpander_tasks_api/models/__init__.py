"""Contains all the data models used in inputs/outputs"""

from .agent_execution_status import AgentExecutionStatus
from .attachment_kind import AttachmentKind
from .attachment_ref import AttachmentRef, AttachmentRefParam
from .conversation_kind import ConversationKind
from .create_task_request import CreateTaskRequest, CreateTaskRequestParam
from .error import Error, ErrorParam
from .hitl_request import HITLRequest, HITLRequestParam
from .json_object import JsonObject
from .llm_reasoning_effort import LLMReasoningEffort
from .mcp_server_auth_type import MCPServerAuthType
from .mcp_server_details import MCPServerDetails, MCPServerDetailsParam
from .mcp_server_sso_token import MCPServerSSOToken
from .mcp_server_transport import MCPServerTransport
from .mcp_server_type import MCPServerType
from .output_format import OutputFormat
from .pending_eca_request import PendingECARequest, PendingECARequestParam
from .principal import Principal, PrincipalParam
from .principal_kind import PrincipalKind
from .string_map import StringMap
from .task import Task, TaskParam
from .task_event import TaskEvent, TaskEventParam
from .task_event_type import TaskEventType
from .task_input import TaskInput, TaskInputParam
from .task_tokens import TaskTokens, TaskTokensParam
from .think_mode import ThinkMode
from .user import User, UserParam
from .validation_issue import ValidationIssue, ValidationIssueParam

__all__ = (
    "AgentExecutionStatus",
    "AttachmentKind",
    "AttachmentRef",
    "AttachmentRefParam",
    "ConversationKind",
    "CreateTaskRequest",
    "CreateTaskRequestParam",
    "Error",
    "ErrorParam",
    "HITLRequest",
    "HITLRequestParam",
    "JsonObject",
    "LLMReasoningEffort",
    "MCPServerAuthType",
    "MCPServerDetails",
    "MCPServerDetailsParam",
    "MCPServerSSOToken",
    "MCPServerTransport",
    "MCPServerType",
    "OutputFormat",
    "PendingECARequest",
    "PendingECARequestParam",
    "Principal",
    "PrincipalKind",
    "PrincipalParam",
    "StringMap",
    "Task",
    "TaskEvent",
    "TaskEventParam",
    "TaskEventType",
    "TaskInput",
    "TaskInputParam",
    "TaskParam",
    "TaskTokens",
    "TaskTokensParam",
    "ThinkMode",
    "User",
    "UserParam",
    "ValidationIssue",
    "ValidationIssueParam",
)
