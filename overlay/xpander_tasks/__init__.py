"""xpander-tasks: a typed, light client for the xpander.ai task API.

```python
from xpander_tasks import Tasks

task = await Tasks().acreate(agent_id="agent-123", prompt="Summarize the latest sales report")
print(task.id, task.status.value)
```
"""

from typing import TYPE_CHECKING

from xpander_tasks_api.types import ModelValidationError

from . import _sdk_paths
from ._client import Tasks
from ._config import ClientConfig, Configuration
from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    EventsNotStreamedError,
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
from ._version import __version__

# The published SDK's names for the event types and the SSO token kinds; then the names this
# package used before it took the published SDK's.
_MODEL_ALIASES = {
    "TaskUpdateEventType": "TaskEventType",
    "ActivityLog": "AgentActivityThread",
    "MCPServerSSOToken": "MCPServerSSOTokenMode",
}

# The SDK's module paths (`xpander_tasks.modules.tasks.tasks_module`, ...), made on import.
_sdk_paths.install()

if TYPE_CHECKING:
    from xpander_tasks_api.models import (
        AgentActivityThread,
        AgentActivityThreadMessage,
        AgentActivityThreadMessageContent,
        AgentActivityThreadReasoning,
        AgentActivityThreadToolCall,
        AgentExecutionStatus,
        AgentStatus,
        AttachmentKind,
        AttachmentRef,
        AttachmentRefParam,
        LLMReasoningEffort,
        MCPServerAuthType,
        MCPServerDetails,
        MCPServerDetailsParam,
        MCPServerSSOTokenMode,
        MCPServerTransport,
        MCPServerType,
        OutputFormat,
        Principal,
        PrincipalKind,
        PrincipalParam,
        TaskEventType,
        ThinkMode,
        Tokens,
        User,
        UserParam,
    )

    from ._agents import Agent, Agents, AgentsListItem
    from ._batch import Batch, BatchItem, BatchOutcome
    from ._events import TaskUpdateEvent
    from ._list_item import TasksListItem

    TaskUpdateEventType = TaskEventType
    ActivityLog = AgentActivityThread
    MCPServerSSOToken = MCPServerSSOTokenMode
else:
    # Event streaming (and httpx-sse), batches (asyncio, sqlite3), agents (their models and
    # endpoints), list items and the models re-exported here load on first use: most programs
    # only create tasks. Hidden from type checkers, which would otherwise accept any name of
    # this module.
    def __getattr__(name: str) -> object:
        if name == "TaskUpdateEvent":
            from ._events import TaskUpdateEvent as public  # noqa: PLC0415
        elif name == "TasksListItem":
            from ._list_item import TasksListItem as public  # noqa: PLC0415
        elif name in {"Batch", "BatchItem", "BatchOutcome"}:
            from . import _batch  # noqa: PLC0415

            public = getattr(_batch, name)
        elif name in {"Agent", "Agents", "AgentsListItem"}:
            from . import _agents  # noqa: PLC0415

            public = getattr(_agents, name)
        elif name in _MODEL_ALIASES or name in __all__:
            from xpander_tasks_api import models  # noqa: PLC0415  (loaded with the package)

            return getattr(models, _MODEL_ALIASES.get(name, name))
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        public.__module__ = __name__  # as the other public names, below
        return public


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "ActivityLog",
    "Agent",
    "AgentActivityThread",
    "AgentActivityThreadMessage",
    "AgentActivityThreadMessageContent",
    "AgentActivityThreadReasoning",
    "AgentActivityThreadToolCall",
    "AgentExecutionStatus",
    "AgentStatus",
    "Agents",
    "AgentsListItem",
    "AttachmentKind",
    "AttachmentRef",
    "AttachmentRefParam",
    "AuthenticationError",
    "BadRequestError",
    "Batch",
    "BatchItem",
    "BatchOutcome",
    "ClientConfig",
    "Configuration",
    "ConfigurationError",
    "EventsNotStreamedError",
    "InternalServerError",
    "InvalidArgumentError",
    "InvalidResponseError",
    "LLMReasoningEffort",
    "MCPServerAuthType",
    "MCPServerDetails",
    "MCPServerDetailsParam",
    "MCPServerSSOToken",
    "MCPServerSSOTokenMode",
    "MCPServerTransport",
    "MCPServerType",
    "ModelValidationError",
    "ModuleException",
    "NotFoundError",
    "OutputFormat",
    "PermissionDeniedError",
    "Principal",
    "PrincipalKind",
    "PrincipalParam",
    "RateLimitError",
    "StreamError",
    "Task",
    "TaskEventType",
    "TaskTimeoutError",
    "TaskUpdateEvent",
    "TaskUpdateEventType",
    "Tasks",
    "TasksListItem",
    "ThinkMode",
    "Tokens",
    "UnprocessableEntityError",
    "User",
    "UserParam",
    "__version__",
]

# Tracebacks and reprs name the public module, as httpx and openai-python do:
# `xpander_tasks.NotFoundError`, not `xpander_tasks._exceptions.NotFoundError`.
for _name in __all__:
    _public = globals().get(_name)
    if getattr(_public, "__module__", "").startswith(f"{__name__}._"):
        _public.__module__ = __name__
del _name, _public
