"""Every create argument lands on the wire exactly where the wire contract says."""

from __future__ import annotations

import inspect
import json
from typing import Any

import httpx
import pytest
from support import echo_handler, mock_tasks
from wire_contract import AGENT_VERSION_HEADER, FIELDS, SDK_MINIMAL_BODY, WireField

from xpander_tasks import (
    MCPServerDetails,
    OutputFormat,
    Principal,
    PrincipalKind,
    Tasks,
    ThinkMode,
    User,
)

# The seed page's parameters with their defaults, in its order.
SEED_DEFAULTS: dict[str, Any] = {
    "existing_task_id": None, "prompt": "", "file_urls": None, "user_details": None,
    "agent_version": None, "tool_call_payload_extension": None, "source": None,
    "worker_id": None, "run_locally": False, "output_format": None, "output_schema": None,
    "events_streaming": False, "additional_context": None, "instructions_override": None,
    "test_run_node_id": None, "user_oidc_token": None, "expected_output": None,
    "mcp_servers": None, "triggering_agent_id": None, "title": None,
    "think_mode": ThinkMode.Default, "disable_attachment_injection": False,
    "return_metrics": False, "user_tokens": None,
}  # fmt: skip


def sent_body(call: dict[str, Any]) -> tuple[httpx.Request, dict[str, Any]]:
    requests: list[httpx.Request] = []
    with mock_tasks(echo_handler(requests)) as tasks:
        tasks.create(**call)
    (request,) = requests
    return request, json.loads(request.content)


def dig(body: dict[str, Any], path: tuple[str, ...]) -> Any:
    for name in path:
        body = body[name]
    return body


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.parameter)
def test_parameter_lands_on_its_wire_field(field: WireField) -> None:
    _, body = sent_body({"agent_id": "agent-123", field.parameter: field.sample})
    assert dig(body, field.path) == field.wire


def test_agent_version_travels_as_a_header_only() -> None:
    request, body = sent_body({"agent_id": "agent-123", "agent_version": "v7"})
    assert request.headers[AGENT_VERSION_HEADER] == "v7"
    assert "agent_version" not in json.dumps(body)
    request, _ = sent_body({"agent_id": "agent-123"})
    assert AGENT_VERSION_HEADER not in request.headers


def test_minimal_call_sends_what_the_published_sdk_sends() -> None:
    request, body = sent_body({"agent_id": "agent-123", "prompt": "Hello!"})
    assert body == SDK_MINIMAL_BODY
    assert request.method == "POST"
    assert request.url == "https://inbound.xpander.ai/agent-execution/agent-123"
    assert request.headers["content-type"] == "application/json"


def test_models_and_enums_are_accepted_like_their_plain_forms() -> None:
    as_models = sent_body({
        "agent_id": "a", "think_mode": ThinkMode.Harder, "output_format": OutputFormat.Json,
        "user_details": User(email="ada@example.com"),
        "principal": Principal(kind=PrincipalKind.User, id="u1"),
        "mcp_servers": [MCPServerDetails(name="docs", url="https://m.example.com")],
    })[1]  # fmt: skip
    as_plain = sent_body({
        "agent_id": "a", "think_mode": "harder", "output_format": "json",
        "user_details": {"email": "ada@example.com"}, "principal": {"kind": "user", "id": "u1"},
        "mcp_servers": [{"name": "docs", "url": "https://m.example.com"}],
    })[1]  # fmt: skip
    assert as_models == as_plain


def test_signature_is_the_published_one() -> None:
    for method in (Tasks.create, Tasks.acreate):
        parameters = inspect.signature(method).parameters
        assert list(parameters)[:2] == ["self", "agent_id"]
        assert parameters["agent_id"].default is inspect.Parameter.empty
        for name, default in SEED_DEFAULTS.items():
            assert parameters[name].default == default, name
            # Positional too, as the SDK takes them.
            assert parameters[name].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
        newer = {field.parameter for field in FIELDS} - set(SEED_DEFAULTS)
        assert newer == {
            "principal", "attachments", "tool_call_limit", "llm_model_provider",
            "llm_model_name", "llm_reasoning_effort", "harness_cli", "permission_mode",
        }  # fmt: skip
        assert newer <= set(parameters)
    assert inspect.iscoroutinefunction(Tasks.acreate)
    assert not inspect.iscoroutinefunction(Tasks.create)


async def test_async_create_sends_the_same_request_as_sync() -> None:
    call = {field.parameter: field.sample for field in FIELDS}
    call.pop("existing_task_id")
    requests: list[httpx.Request] = []
    async with mock_tasks(echo_handler(requests)) as tasks:
        await tasks.acreate("agent-123", agent_version="3", **call)
        tasks.create("agent-123", agent_version="3", **call)
    first, second = requests
    assert json.loads(first.content) == json.loads(second.content)
    assert first.url == second.url
    assert first.headers[AGENT_VERSION_HEADER] == second.headers[AGENT_VERSION_HEADER] == "3"
