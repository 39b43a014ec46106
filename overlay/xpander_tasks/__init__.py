"""xpander-tasks: a typed, light client for the xpander.ai task API.

```python
from xpander_tasks import Tasks

task = await Tasks().acreate(agent_id="agent-123", prompt="Summarize the latest sales report")
print(task.id, task.status.value)
```
"""

__version__ = "0.1.0"

from xpander_tasks_api.models import (
    AgentExecutionStatus,
    AttachmentKind,
    AttachmentRef,
    LLMReasoningEffort,
    MCPServerAuthType,
    MCPServerDetails,
    MCPServerSSOToken,
    MCPServerTransport,
    MCPServerType,
    OutputFormat,
    Principal,
    PrincipalKind,
    TaskEventType,
    ThinkMode,
    User,
)

from ._client import Tasks
from ._config import ClientConfig
from ._events import TaskUpdateEvent
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    InternalServerError,
    InvalidArgumentError,
    InvalidResponseError,
    ModuleException,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    StreamError,
    TaskTimeoutError,
    UnprocessableEntityError,
)
from ._task import Task

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AgentExecutionStatus",
    "AttachmentKind",
    "AttachmentRef",
    "AuthenticationError",
    "BadRequestError",
    "ClientConfig",
    "ConfigurationError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidResponseError",
    "LLMReasoningEffort",
    "MCPServerAuthType",
    "MCPServerDetails",
    "MCPServerSSOToken",
    "MCPServerTransport",
    "MCPServerType",
    "ModuleException",
    "NotFoundError",
    "OutputFormat",
    "PermissionDeniedError",
    "Principal",
    "PrincipalKind",
    "RateLimitError",
    "StreamError",
    "Task",
    "TaskEventType",
    "TaskTimeoutError",
    "TaskUpdateEvent",
    "Tasks",
    "ThinkMode",
    "UnprocessableEntityError",
    "User",
    "__version__",
]
