"""Hostile review of the session's secret handling: what an answer itself says is a secret."""

from __future__ import annotations

import asyncio
import traceback
from typing import Any

import httpx
import pytest
from support import API_KEY, fake_task

from xpander_tasks import ModuleException, Tasks

OIDC = "oidc-echoed-3c9e"
USER_TOKEN = "user-token-echoed-8d21"
MCP_KEY = "mcp-key-echoed-b7f4"
SECRETS = (OIDC, USER_TOKEN, MCP_KEY)


def _echoed_task() -> dict[str, Any]:
    return fake_task(
        {"input": {"text": "hi", "files": []}},
        user_oidc_token=OIDC,
        user_tokens={"github": USER_TOKEN},
        mcp_servers=[{"name": "tools", "url": "https://mcp.example.com", "api_key": MCP_KEY}],
    )


def _tasks_answering(status: int, body: object) -> Tasks:
    transport = httpx.MockTransport(lambda request: httpx.Response(status, json=body))
    return Tasks(
        api_key=API_KEY,
        max_retries=0,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )


def _shown(error: BaseException) -> str:
    assert isinstance(error, ModuleException)
    parts = [str(error), repr(error), error.detail, str(error.args)]
    return "".join(traceback.format_exception(error)) + "".join(parts)


@pytest.mark.parametrize("mode", ["sync", "async"])
@pytest.mark.parametrize(
    "body",
    [
        {"detail": "could not read the task", "task": _echoed_task()},
        {"detail": [{"loc": ["task"], "msg": "broken", "input": _echoed_task()}]},
    ],
    ids=["beside-detail", "in-detail"],
)
def test_an_error_answer_never_repeats_the_secrets_it_echoes(mode: str, body: object) -> None:
    """A read knows no secret of the task it asks for: the values under the keys the spec
    tags `[secret]` in the error answer itself are blanked."""
    tasks = _tasks_answering(500, body)
    with pytest.raises(ModuleException) as caught:
        if mode == "sync":
            tasks.get("task-1")
        else:
            asyncio.run(tasks.aget("task-1"))
    shown = _shown(caught.value)
    assert "agent-123" in shown  # the rest of the answer is kept
    for secret in SECRETS:
        assert secret not in shown


@pytest.mark.parametrize(
    ("token", "echoed"),
    [
        ("tok/3f9a+b2==", "tok\\/3f9a+b2=="),  # PHP's json_encode escapes "/"
        ("tok&3f9a<b2>", "tok\\u00263f9a\\u003cb2\\u003e"),  # Go's encoding/json: HTML-safe
    ],
    ids=["slash", "html-safe"],
)
def test_a_secret_echoed_in_another_servers_json_escapes_is_blanked(
    token: str, echoed: str
) -> None:
    """Servers escape more than Python's json does: a token sent is blanked in those forms
    of it too."""
    text = '{"detail": "bad token ' + echoed + '"}'
    transport = httpx.MockTransport(
        lambda request: httpx.Response(400, text=text, headers={"content-type": "application/json"})
    )
    tasks = Tasks(api_key=API_KEY, max_retries=0, http_client=httpx.Client(transport=transport))
    with pytest.raises(ModuleException) as caught:
        tasks.create("agent-1", prompt="hi", user_oidc_token=token)
    shown = _shown(caught.value)
    assert "bad token" in shown
    assert echoed not in shown and token not in shown
