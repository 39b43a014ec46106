"""The published SDK's class names: `AgentActivityThread` with typed entries, and
`MCPServerSSOTokenMode`; the names this package used before stay as aliases."""

from __future__ import annotations

import sys

from published_sdk import run_program, same_lines_under_both, sdk_python
from support import TaskServerFactory

import xpander_tasks
from xpander_tasks import (
    ActivityLog,
    AgentActivityThread,
    AgentActivityThreadMessage,
    AgentActivityThreadReasoning,
    AgentActivityThreadToolCall,
    MCPServerSSOToken,
    MCPServerSSOTokenMode,
)
from xpander_tasks_api.models import ActivityLogEntry

PROGRAM = """
from xpander_sdk import MCPServerDetails, MCPServerSSOTokenMode, Tasks

tasks = Tasks()
task = tasks.create(
    agent_id="agent-123",
    prompt="Summarize the report",
    mcp_servers=[
        MCPServerDetails(name="docs", url="https://m.x", sso_token=MCPServerSSOTokenMode.ID)
    ],
)
print(task.mcp_servers[0].sso_token.value)
log = task.get_activity_log()
print(type(log).__name__)
first = log.messages[0]
print(type(first).__name__, first.role, first.content.text)
"""


def test_the_activity_thread_and_sso_mode_read_as_under_the_published_sdk(
    make_task_server: TaskServerFactory,
) -> None:
    lines = same_lines_under_both(PROGRAM, make_task_server)
    assert lines[-1] == "AgentActivityThreadMessage user Summarize the report"


THREAD = {
    "id": "t-1",
    "created_at": "2026-01-01T00:00:00Z",
    "messages": [
        {"id": "m1", "created_at": "2026-01-01T00:00:00Z", "role": "user",
         "content": {"text": "hi", "files": []}},
        {"id": "m2", "created_at": "2026-01-01T00:00:01Z", "type": "think", "title": "Read",
         "confidence": 0.9, "thought": "easy"},
        {"id": "m3", "created_at": "2026-01-01T00:00:02Z", "tool_name": "read_file",
         "payload": {"url": "u"}, "result": "rows"},
        {"id": "m4", "created_at": "2026-01-01T00:00:03Z", "action": "mystery_card", "x": 1},
    ],
}  # fmt: skip


def test_each_entry_is_read_as_its_kind_and_unknown_kinds_are_kept() -> None:
    log = AgentActivityThread.from_dict(THREAD)
    message, reasoning, tool_call, other = log.messages
    assert isinstance(message, AgentActivityThreadMessage)
    assert (message.role, message.content.text, message.user) == ("user", "hi", None)
    assert isinstance(reasoning, AgentActivityThreadReasoning)
    assert (reasoning.type, reasoning.thought, reasoning.analysis) == ("think", "easy", None)
    assert isinstance(tool_call, AgentActivityThreadToolCall)
    assert (tool_call.payload, tool_call.is_error) == ({"url": "u"}, False)
    assert isinstance(other, ActivityLogEntry) and other["action"] == "mystery_card"
    assert log.to_dict()["messages"][3]["x"] == 1  # an unknown kind goes back out whole


def test_the_old_names_are_aliases() -> None:
    assert ActivityLog is AgentActivityThread
    assert MCPServerSSOToken is MCPServerSSOTokenMode
    assert {"ActivityLog", "MCPServerSSOToken", "MCPServerSSOTokenMode"} <= set(
        xpander_tasks.__all__
    )


# The same names, imported where each client keeps them (the SDK has some in submodules).
SDK_ENUM_IMPORTS = """
from xpander_sdk import MCPServerAuthType, MCPServerSSOTokenMode, MCPServerTransport
from xpander_sdk.models.principal import PrincipalKind
from xpander_sdk.modules.agents.models.agent import LLMReasoningEffort
from xpander_sdk.modules.tasks.models.task import AttachmentKind
"""
OUR_ENUM_IMPORTS = """
from xpander_tasks import AttachmentKind, LLMReasoningEffort, MCPServerAuthType
from xpander_tasks import MCPServerSSOTokenMode, MCPServerTransport, PrincipalKind
"""
ENUM_PROGRAM = """
auth = MCPServerAuthType
print(auth.APIKey.value, auth.OAuth2.value, auth.SSOUser.value)
print(auth._None.value, MCPServerTransport.HTTP_Transport.value)
print(MCPServerSSOTokenMode.ID.value, LLMReasoningEffort.XHigh.value)
print(PrincipalKind.api_key.value, AttachmentKind.pdf.value, AttachmentKind.unknown.value)
"""


def test_enum_members_have_the_published_sdks_names(make_task_server: TaskServerFactory) -> None:
    theirs = run_program(sdk_python(), SDK_ENUM_IMPORTS + ENUM_PROGRAM, make_task_server())
    ours = run_program(sys.executable, OUR_ENUM_IMPORTS + ENUM_PROGRAM, make_task_server())
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    assert ours.lines == theirs.lines
    assert ours.lines[0] == "api_key oauth2 sso_user"


def test_the_generators_names_stay_as_aliases() -> None:
    from xpander_tasks import MCPServerAuthType, PrincipalKind

    assert MCPServerAuthType.APIKey is MCPServerAuthType.ApiKey is MCPServerAuthType.API_KEY
    assert PrincipalKind.user is PrincipalKind.User is PrincipalKind.USER
    assert MCPServerAuthType("api_key").name == "APIKey"  # the SDK's name first
