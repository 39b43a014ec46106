"""The wire contract's create table: each SDK parameter, a sample value, and where it lands.

From the wire-contract page (shared/reference/wire-contract.md): `path` is the JSON body
field (or the header), `json_type` its JSON type, `wire` what the sample must become.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class WireField:
    parameter: str
    path: tuple[str, ...]
    json_type: str
    sample: Any
    wire: Any


_USER = {"email": "ada@example.com", "first_name": "Ada", "timezone": "Europe/London"}
_MCP = {"name": "docs", "url": "https://mcp.example.com/mcp"}
_MCP_WIRE = {
    **_MCP,
    "type": "remote",
    "transport": "streamable-http",
    "auth_type": "none",
    "use_secrets_manager": False,
    "share_user_token_across_other_agents": True,
    "sso_token": "access",
}
_PRINCIPAL = {"kind": "slack", "id": "U123", "display_name": "Ada"}
_ATTACHMENT = {"url": "https://example.com/a.pdf", "kind": "pdf", "size": 10}
_SCHEMA = {"type": "object", "properties": {"summary": {"type": "string"}}}

FIELDS: tuple[WireField, ...] = (
    WireField("existing_task_id", ("id",), "string", "task-9", "task-9"),
    WireField("prompt", ("input", "text"), "string", "Hello!", "Hello!"),
    WireField(
        "file_urls", ("input", "files"), "array", ["https://e.com/a.csv"], ["https://e.com/a.csv"]
    ),
    WireField("attachments", ("input", "attachments"), "array", [_ATTACHMENT], [_ATTACHMENT]),
    WireField("user_details", ("input", "user"), "object", _USER, _USER),
    WireField("principal", ("input", "principal"), "object", _PRINCIPAL, _PRINCIPAL),
    WireField("tool_call_payload_extension", ("payload_extension",), "object", {"a": 1}, {"a": 1}),
    WireField("source", ("source",), "string", "webhook", "webhook"),
    WireField("worker_id", ("worker_id",), "string", "w-1", "w-1"),
    WireField("run_locally", ("run_locally",), "boolean", True, True),
    WireField("output_format", ("output_format",), "string", "json", "json"),
    WireField("output_schema", ("output_schema",), "object", _SCHEMA, _SCHEMA),
    WireField("events_streaming", ("events_streaming",), "boolean", True, True),
    WireField("additional_context", ("additional_context",), "string", "ctx", "ctx"),
    WireField(
        "instructions_override", ("instructions_override",), "string", "be brief", "be brief"
    ),
    WireField("test_run_node_id", ("test_run_node_id",), "string", "node-1", "node-1"),
    WireField("user_oidc_token", ("user_oidc_token",), "string", "oidc-secret", "oidc-secret"),
    WireField("expected_output", ("expected_output",), "string", "a table", "a table"),
    WireField("mcp_servers", ("mcp_servers",), "array", [_MCP], [_MCP_WIRE]),
    WireField("triggering_agent_id", ("triggering_agent_id",), "string", "agent-0", "agent-0"),
    WireField("title", ("title",), "string", "Sales", "Sales"),
    WireField("think_mode", ("think_mode",), "string", "harder", "harder"),
    WireField(
        "disable_attachment_injection", ("disable_attachment_injection",), "boolean", True, True
    ),
    WireField("return_metrics", ("return_metrics",), "boolean", True, True),
    WireField("user_tokens", ("user_tokens",), "object", {"github": "tok"}, {"github": "tok"}),
    WireField("tool_call_limit", ("tool_call_limit",), "integer", 7, 7),
    WireField("llm_model_provider", ("llm_model_provider",), "string", "openai", "openai"),
    WireField("llm_model_name", ("llm_model_name",), "string", "gpt-5", "gpt-5"),
    WireField("llm_reasoning_effort", ("llm_reasoning_effort",), "string", "xhigh", "xhigh"),
    WireField("harness_cli", ("harness_cli",), "string", "  Claude-Code ", "claude-code"),
    WireField("permission_mode", ("permission_mode",), "string", "gated", "gated"),
)

# agent_version is the one parameter that travels as a header, not in the body.
AGENT_VERSION_HEADER = "x-agent-version"

# What the published SDK sends for a call that sets only agent_id and prompt: every top-level
# key, its defaults explicit, every other field null (input.attachments/principal left out).
SDK_MINIMAL_BODY: dict[str, Any] = {
    "id": None,
    "input": {"text": "Hello!", "files": [], "user": None},
    "payload_extension": None,
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
    "mcp_servers": [],
    "triggering_agent_id": None,
    "title": None,
    "think_mode": "default",
    "disable_attachment_injection": False,
    "return_metrics": False,
    "user_tokens": None,
    "tool_call_limit": None,
    "llm_model_provider": None,
    "llm_model_name": None,
    "llm_reasoning_effort": None,
    "harness_cli": None,
    "permission_mode": None,
}
