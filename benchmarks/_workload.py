"""What every benchmark sends and answers: a create call with every argument, both ways.

Ours is `Tasks.acreate` / `Tasks.create` with a realistic value for every parameter (all but
`existing_task_id`, which would continue a task instead of creating one). The baseline is what
the fastest hand-written client does: a shared httpx client posting the same body, prebuilt
once, and `json.loads` on the answer.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Final

import httpx

from xpander_tasks import Task, Tasks
from xpander_tasks._params import create_task_call
from xpander_tasks_api.models import Task as GeneratedTask

API_KEY: Final = "bench-key-4b1d"
MOCK_BASE_URL: Final = "http://127.0.0.1:8000"
AGENT_ID: Final = "agent-123"
AGENT_VERSION: Final = "7"

_SCHEMA: Final = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "top_products": {"type": "array", "items": {"type": "string"}},
        "total_revenue": {"type": "number"},
    },
    "required": ["summary", "total_revenue"],
}

CREATE_ARGUMENTS: Final[dict[str, Any]] = {
    "agent_id": AGENT_ID,
    "prompt": "Summarize the latest sales report and list the three best-selling products.",
    "file_urls": ["https://example.com/reports/sales-q3.csv", "https://example.com/q3.xlsx"],
    "user_details": {
        "email": "ada@example.com",
        "id": "user-42",
        "first_name": "Ada",
        "last_name": "Lovelace",
        "timezone": "Europe/London",
        "additional_attributes": {"team": "finance", "plan": "enterprise"},
    },
    "agent_version": AGENT_VERSION,
    "tool_call_payload_extension": {"crm": {"account_id": "acc-981", "region": "emea"}},
    "source": "webhook",
    "worker_id": "worker-3",
    "run_locally": False,
    "output_format": "json",
    "output_schema": _SCHEMA,
    "events_streaming": True,
    "additional_context": "The finance team prefers figures in EUR, rounded to thousands.",
    "instructions_override": "Answer in three short paragraphs.",
    "test_run_node_id": "node-17",
    "user_oidc_token": "oidc-eyJhbGciOiJSUzI1NiJ9.payload.signature",
    "expected_output": "A JSON summary of the quarter's sales.",
    "mcp_servers": [
        {"name": "docs", "url": "https://mcp.example.com/mcp"},
        {
            "name": "crm",
            "url": "https://crm.example.com/mcp",
            "auth_type": "api_key",
            "api_key": "crm-secret",
            "allowed_tools": ["search_accounts", "get_invoice"],
            "headers": {"x-tenant": "acme"},
        },
    ],
    "triggering_agent_id": "agent-0",
    "title": "Q3 sales summary",
    "think_mode": "harder",
    "disable_attachment_injection": False,
    "return_metrics": True,
    "user_tokens": {"github": "gho_16C7e42F292c6912E7710c838347Ae178B4a"},
    "principal": {"kind": "user", "id": "user-42", "email": "ada@example.com"},
    "attachments": [
        {"url": "https://example.com/q3.pdf", "name": "q3.pdf", "kind": "pdf", "size": 48213}
    ],
    "tool_call_limit": 25,
    "llm_model_provider": "openai",
    "llm_model_name": "gpt-5",
    "llm_reasoning_effort": "high",
    "harness_cli": "claude-code",
    "permission_mode": "gated",
    "timeout": 30.0,
    "max_retries": 2,
}

CREATE_PATH: Final = f"/agent-execution/{AGENT_ID}"
_REQUEST: Final = create_task_call(**CREATE_ARGUMENTS).body
_BODY: Final = _REQUEST.to_dict()
# Encoded as httpx encodes `json=`, so both sides put the same bytes on the wire.
BODY_BYTES: Final = json.dumps(_BODY, ensure_ascii=False, separators=(",", ":")).encode()
RAW_HEADERS: Final = {
    "content-type": "application/json",
    "x-api-key": API_KEY,
    "x-agent-version": AGENT_VERSION,
}

_TASK: Final = {
    **{key: value for key, value in _BODY.items() if key != "id"},
    "id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
    "agent_id": AGENT_ID,
    "organization_id": "org-1",
    "status": "pending",
    "internal_status": None,
    "last_executed_node_id": None,
    "agent_version": AGENT_VERSION,
    "created_at": "2026-11-24T12:00:00.123456Z",
    "started_at": None,
    "paused_at": None,
    "finished_at": None,
    "result": None,
    "parent_execution": None,
    "conversation_id": "conv-5d41402a",
    "conversation_kind": "direct",
    "sub_executions": [],
    "is_manually_stopped": False,
    "execution_kind": "regular",
    "hitl_request": None,
    "pending_eca_request": None,
    "voice_id": None,
    "tokens": {"completion_tokens": 0, "prompt_tokens": 0},
    "used_tools": [],
    "duration": 0.0,
    "execution_attempts": 0,
    "deep_planning": None,
}
TASK_BYTES: Final = json.dumps(_TASK).encode()


def _answer(request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, content=TASK_BYTES, headers={"content-type": "application/json"})


async def _answer_after_a_turn(request: httpx.Request) -> httpx.Response:
    # A real read gives the event loop a turn: without one, the loop would never run its own
    # housekeeping (such as dropping cancelled timers) during a run of calls.
    await asyncio.sleep(0)
    return _answer(request)


def _clients(**options: Any) -> tuple[httpx.Client, httpx.AsyncClient]:
    """A sync and an async client, each on a transport answering with the created task."""
    return (
        httpx.Client(transport=httpx.MockTransport(_answer), **options),
        httpx.AsyncClient(transport=httpx.MockTransport(_answer_after_a_turn), **options),
    )


def mock_tasks() -> Tasks:
    """Our client, sync and async, on the mock transports."""
    client, async_client = _clients()
    return Tasks(
        api_key=API_KEY,
        base_url=MOCK_BASE_URL,
        http_client=client,
        async_http_client=async_client,
    )


def raw_mock_clients() -> tuple[httpx.Client, httpx.AsyncClient]:
    """The baseline's clients on the same transports."""
    return _clients(base_url=MOCK_BASE_URL)


def _loads(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"baseline: HTTP {response.status_code}: {response.text}")
    return json.loads(response.content)


async def ours_acreate(tasks: Tasks) -> Task:
    return await tasks.acreate(**CREATE_ARGUMENTS)


async def raw_acreate(client: httpx.AsyncClient) -> Any:
    return _loads(await client.post(CREATE_PATH, content=BODY_BYTES, headers=RAW_HEADERS))


class MockCalls:
    """Ours and the baseline on the mock transports, as calls without arguments."""

    def __init__(self) -> None:
        self.tasks = mock_tasks()
        self.raw_client, self.raw_async_client = raw_mock_clients()

    def ours(self) -> Task:
        return self.tasks.create(**CREATE_ARGUMENTS)

    def raw(self) -> Any:
        return _loads(self.raw_client.post(CREATE_PATH, content=BODY_BYTES, headers=RAW_HEADERS))

    def floor(self) -> GeneratedTask:
        """What any client on the generated models must do beyond raw httpx, and no more: its
        body from `to_dict()` (built beforehand: no argument is checked), `json=`, and the
        answer through `Task.from_dict`. The per-call goal cannot go below this."""
        answer = self.raw_client.post(CREATE_PATH, json=_REQUEST.to_dict(), headers=RAW_HEADERS)
        return GeneratedTask.from_dict(answer.json())

    async def aours(self) -> Task:
        return await ours_acreate(self.tasks)

    async def araw(self) -> Any:
        return await raw_acreate(self.raw_async_client)

    async def aclose(self) -> None:
        await self.tasks.aclose()
        await self.raw_async_client.aclose()
        self.tasks.close()
        self.raw_client.close()
