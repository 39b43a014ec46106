"""Contains all the data models used in inputs/outputs"""

from .agent_execution_status import AgentExecutionStatus
from .attachment_kind import AttachmentKind
from .attachment_ref import AttachmentRef
from .conversation_kind import ConversationKind
from .create_task_request import CreateTaskRequest
from .error import Error
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
from .string_map import StringMap
from .task import Task
from .task_event import TaskEvent
from .task_event_type import TaskEventType
from .task_input import TaskInput
from .task_tokens import TaskTokens
from .think_mode import ThinkMode
from .user import User
from .validation_issue import ValidationIssue

__all__ = (
    "AgentExecutionStatus",
    "AttachmentKind",
    "AttachmentRef",
    "ConversationKind",
    "CreateTaskRequest",
    "Error",
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
    "StringMap",
    "Task",
    "TaskEvent",
    "TaskEventType",
    "TaskInput",
    "TaskTokens",
    "ThinkMode",
    "User",
    "ValidationIssue",
)
