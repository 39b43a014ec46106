"""What every benchmark sends and answers: two create calls, and each way to make them.

The calls: the seed page's example (`agent_id`, `prompt`, `file_urls`) and one setting all 33
parameters. The ways, cheapest first:

- raw (a): a shared httpx client posting the body prebuilt as bytes, `json.loads` on the
  answer. It charges nothing for building the request, so no client can reach it.
- raw (b): a shared httpx client building the body dict from the call's arguments on each
  call, posting it with `json=`, `json.loads` on the answer: what any client must do at least.
  This is the floor the goals are stated against.
- generated: the generated endpoint with a prebuilt `CreateTaskRequest`, its `Task` parsed.
- ours: `Tasks.create` / `Tasks.acreate`.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Mapping
from typing import Any, Final

import httpx

from xpander_tasks import Task, Tasks
from xpander_tasks._spec_params import create_task_call
from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api.api.tasks import create_task
from xpander_tasks_api.models import Task as GeneratedTask

API_KEY: Final = "bench-key-4b1d"
MOCK_BASE_URL: Final = "http://127.0.0.1:8000"
AGENT_ID: Final = "agent-123"
AGENT_VERSION: Final = "7"

# The code of shared/seed/tasks-create.md, as keyword arguments.
SEED_ARGUMENTS: Final[dict[str, Any]] = {
    "agent_id": AGENT_ID,
    "prompt": "Summarize the latest sales report",
    "file_urls": ["https://example.com/sales.csv"],
}

_SCHEMA: Final = {
    "type": "object",
    "properties": {
        "summary": {"type": "string"},
        "top_products": {"type": "array", "items": {"type": "string"}},
        "total_revenue": {"type": "number"},
    },
    "required": ["summary", "total_revenue"],
}

# Every parameter but `existing_task_id`, which continues a task the server must know.
NEW_TASK_ARGUMENTS: Final[dict[str, Any]] = {
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
}
# All 33 parameters: against the mock transport, a continuation answers like a new task.
ALL_ARGUMENTS: Final[dict[str, Any]] = {
    **NEW_TASK_ARGUMENTS,
    "existing_task_id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
}
CALLS: Final = {"seed example": SEED_ARGUMENTS, "all 33 parameters": ALL_ARGUMENTS}

# The create body's fields that are not the parameter's name (the rest are sent as named).
_INPUT_FIELDS: Final = {
    "prompt": "text",
    "file_urls": "files",
    "user_details": "user",
    "attachments": "attachments",
    "principal": "principal",
}
_RENAMED: Final = {"existing_task_id": "id", "tool_call_payload_extension": "payload_extension"}


def raw_request(arguments: Mapping[str, Any]) -> tuple[str, dict[str, Any], dict[str, str]]:
    """What a hand-written client builds from the call's arguments: path, body, headers.

    Only what the caller passed goes on the wire; nothing is checked. Raw (b) runs this on
    every call; raw (a) runs it once and encodes the body beforehand.
    """
    headers = {"x-api-key": API_KEY}
    body: dict[str, Any] = {}
    task_input: dict[str, Any] = {}
    for name, value in arguments.items():
        if name in _INPUT_FIELDS:
            task_input[_INPUT_FIELDS[name]] = value
        elif name == "agent_version":
            headers["x-agent-version"] = value
        elif name != "agent_id":
            body[_RENAMED.get(name, name)] = value
    body["input"] = task_input
    return f"/agent-execution/{arguments['agent_id']}", body, headers


def _task_answer(arguments: Mapping[str, Any]) -> bytes:
    """The created task as the server answers it, echoing the call's body."""
    body = create_task_call(**arguments).body.to_dict()
    task = {
        **{key: value for key, value in body.items() if key != "id"},
        "id": "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
        "agent_id": AGENT_ID,
        "organization_id": "org-1",
        "status": "pending",
        "internal_status": None,
        "last_executed_node_id": None,
        "agent_version": arguments.get("agent_version"),
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
    return json.dumps(task).encode()


def _loads(response: httpx.Response) -> Any:
    if response.status_code != 200:
        raise RuntimeError(f"baseline: HTTP {response.status_code}: {response.text}")
    return json.loads(response.content)


def _parsed(response: Any) -> GeneratedTask:
    if not isinstance(response.parsed, GeneratedTask):
        raise RuntimeError(f"generated: HTTP {response.status_code}: {response.content!r}")
    return response.parsed


class MockCalls:
    """One create call made each way, sync and async, on mock transports that answer with
    the created task: every way pays the same transport, so the differences are the clients'.
    """

    WAYS: Final = ("raw (a)", "raw (b)", "generated", "ours")

    def __init__(self, arguments: Mapping[str, Any]) -> None:
        self.arguments = dict(arguments)
        answer = _task_answer(self.arguments)

        def respond(request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, content=answer, headers={"content-type": "application/json"})

        async def arespond(request: httpx.Request) -> httpx.Response:
            # A real read gives the event loop a turn: without one, the loop would never run
            # its own housekeeping (such as dropping cancelled timers) during a run of calls.
            await asyncio.sleep(0)
            return respond(request)

        def clients(**options: Any) -> tuple[httpx.Client, httpx.AsyncClient]:
            return (
                httpx.Client(
                    transport=httpx.MockTransport(respond), base_url=MOCK_BASE_URL, **options
                ),
                httpx.AsyncClient(
                    transport=httpx.MockTransport(arespond), base_url=MOCK_BASE_URL, **options
                ),
            )

        ours, ours_async = clients()
        self.tasks = Tasks(
            api_key=API_KEY, base_url=MOCK_BASE_URL, http_client=ours, async_http_client=ours_async
        )
        self.raw_client, self.raw_async_client = clients()
        self.path, body, self.headers = raw_request(self.arguments)
        # Encoded as httpx encodes `json=`, so raw (a) puts the same bytes on the wire as (b).
        self.body_bytes = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()
        # The key as a pool header: the generated client's own `headers` do not reach an httpx
        # client given to it.
        self.generated_clients = clients(headers={"x-api-key": API_KEY})
        generated_client, generated_async_client = self.generated_clients
        generated = GeneratedClient(base_url=MOCK_BASE_URL)
        generated.set_httpx_client(generated_client)
        generated.set_async_httpx_client(generated_async_client)
        # The generated endpoint's arguments, with the request model built beforehand.
        self.generated_arguments = {
            **create_task_call(**self.arguments).arguments(),
            "client": generated,
        }

    def way(self, name: str) -> Any:
        """The sync call of a way, by name."""
        return {
            "raw (a)": self.raw_a,
            "raw (b)": self.raw_b,
            "generated": self.generated,
            "ours": self.ours,
        }[name]

    def away(self, name: str) -> Any:
        """The async call of a way, by name."""
        return {
            "raw (a)": self.araw_a,
            "raw (b)": self.araw_b,
            "generated": self.agenerated,
            "ours": self.aours,
        }[name]

    def raw_a(self) -> Any:
        return _loads(
            self.raw_client.post(self.path, content=self.body_bytes, headers=self.headers)
        )

    def raw_b(self) -> Any:
        path, body, headers = raw_request(self.arguments)
        return _loads(self.raw_client.post(path, json=body, headers=headers))

    def generated(self) -> GeneratedTask:
        return _parsed(create_task.sync_detailed(**self.generated_arguments))

    def ours(self) -> Task:
        return self.tasks.create(**self.arguments)

    async def araw_a(self) -> Any:
        response = await self.raw_async_client.post(
            self.path, content=self.body_bytes, headers=self.headers
        )
        return _loads(response)

    async def araw_b(self) -> Any:
        path, body, headers = raw_request(self.arguments)
        return _loads(await self.raw_async_client.post(path, json=body, headers=headers))

    async def agenerated(self) -> GeneratedTask:
        return _parsed(await create_task.asyncio_detailed(**self.generated_arguments))

    async def aours(self) -> Task:
        return await self.tasks.acreate(**self.arguments)

    async def aclose(self) -> None:
        await self.tasks.aclose()
        await self.raw_async_client.aclose()
        await self.generated_clients[1].aclose()
        self.tasks.close()
        self.raw_client.close()
        self.generated_clients[0].close()
