"""The generated client on its own: models round-trip, and the create endpoint's request."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from support import fake_task
from wire_contract import SDK_MINIMAL_BODY

from xpander_tasks_api import AuthenticatedClient
from xpander_tasks_api.api.tasks import create_task
from xpander_tasks_api.models import (
    AttachmentRef,
    CreateTaskRequest,
    MCPServerDetails,
    Principal,
    Task,
    TaskEvent,
    TaskInput,
    ThinkMode,
    User,
)

TASK = fake_task(
    SDK_MINIMAL_BODY,
    status="completed",
    result="done",
    started_at="2026-11-24T12:00:01Z",
    finished_at="2026-11-24T12:00:02+00:00",
    tokens={"completion_tokens": 3, "prompt_tokens": 5},
    mcp_servers=[{"name": "docs", "url": "https://mcp.example.com", "headers": {"a": "b"}}],
    a_field_from_a_newer_server={"kept": True},
)

ROUND_TRIPS: list[tuple[type[Any], dict[str, Any]]] = [
    (Task, TASK),
    (CreateTaskRequest, SDK_MINIMAL_BODY),
    (TaskInput, {"text": "x", "files": ["u"], "attachments": [{"url": "u", "kind": "pdf"}]}),
    (User, {"email": "a@b.c", "timezone": "Europe/Berlin", "additional_attributes": {"x": 1}}),
    (Principal, {"kind": "api_key", "id": "k1", "email": None}),
    (AttachmentRef, {"url": "u", "size": 3, "expires_at": "2026-12-01T00:00:00Z"}),
    (MCPServerDetails, {"name": "n", "type": "local", "command": "run", "env_vars": {"K": "v"}}),
    (
        TaskEvent,
        {
            "type": "brand_new_type",
            "task_id": "t",
            "time": "2026-11-24T12:00:00Z",
            "data": {"x": 1},
        },
    ),
]


@pytest.mark.parametrize(
    ("model", "data"), ROUND_TRIPS, ids=lambda value: getattr(value, "__name__", "")
)
def test_models_round_trip(model: type[Any], data: dict[str, Any]) -> None:
    parsed = model.from_dict(data)
    assert model.from_dict(parsed.to_dict()) == parsed
    assert json.loads(json.dumps(parsed.to_dict())) == parsed.to_dict()


def test_task_keeps_unknown_fields() -> None:
    task = Task.from_dict(TASK)
    assert task["a_field_from_a_newer_server"] == {"kept": True}
    assert task.to_dict()["a_field_from_a_newer_server"] == {"kept": True}


def test_enums_carry_the_sdk_member_names() -> None:
    assert ThinkMode.Default is ThinkMode.DEFAULT
    assert ThinkMode("harder") is ThinkMode.Harder
    assert [member.name for member in ThinkMode] == ["Default", "Harder"]


def test_generated_create_task_request() -> None:
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=fake_task(json.loads(request.content)))

    client = AuthenticatedClient(
        base_url="https://inbound.xpander.ai", token="k-1", prefix="", auth_header_name="x-api-key"
    )
    client.set_httpx_client(
        httpx.Client(
            base_url="https://inbound.xpander.ai",
            headers={"x-api-key": "k-1"},
            transport=httpx.MockTransport(handle),
        )
    )
    body = CreateTaskRequest.from_dict(SDK_MINIMAL_BODY)
    response = create_task.sync_detailed("agent-123", client=client, body=body, x_agent_version="7")
    (request,) = sent
    assert request.method == "POST"
    assert request.url.path == "/agent-execution/agent-123"
    assert request.headers["x-api-key"] == "k-1"
    assert request.headers["x-agent-version"] == "7"
    assert json.loads(request.content) == SDK_MINIMAL_BODY
    assert isinstance(response.parsed, Task) and response.parsed.status == "pending"
