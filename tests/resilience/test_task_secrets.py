"""A task's own secrets (its OIDC token, user tokens, MCP credentials) never show in the
errors of calls about it, nor in the CLI's JSON of it unless asked (#26 item 9)."""

from __future__ import annotations

import json
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest
from support import API_KEY, TASK_CALLS, fake_task

from xpander_tasks import ModuleException, Task, Tasks
from xpander_tasks._cli import main

OIDC = "oidc-secret-4a1b"
USER_TOKEN = "ghp-user-token-77c3"
MCP_KEY = "mcp-api-key-91d0"
MCP_HEADER = "Bearer mcp-header-5e2f"
MCP_ENV = "mcp-env-value-c8a6"
SECRETS = [OIDC, USER_TOKEN, MCP_KEY, MCP_HEADER, MCP_ENV]
SECRET_FIELDS: dict[str, Any] = {
    "user_oidc_token": OIDC,
    "user_tokens": {"github": USER_TOKEN},
    "mcp_servers": [
        {
            "name": "tools",
            "url": "https://mcp.example.com",
            "auth_type": "api_key",
            "api_key": MCP_KEY,
            "headers": {"Authorization": MCP_HEADER},
            "env_vars": {"TOKEN": MCP_ENV},
        }
    ],
}


def _task_answer() -> dict[str, Any]:
    body = {"input": {"text": "hi", "files": []}, "events_streaming": True}
    return fake_task(body, **SECRET_FIELDS)


def _echoing_tasks(status: int) -> Tasks:
    """A client whose first read gets the task, and every later call `status` with a body
    that echoes the whole task, as a careless backend's error page does."""
    answered: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        answered.append(1)
        if len(answered) == 1:
            return httpx.Response(200, json=_task_answer())
        echo = json.dumps({"detail": f"cannot do that with {json.dumps(_task_answer())}"})
        return httpx.Response(status, text=echo, headers={"content-type": "application/json"})

    transport = httpx.MockTransport(handle)
    return Tasks(
        api_key=API_KEY,
        base_url="http://127.0.0.1:9",
        max_retries=0,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )


CALLS: dict[str, Callable[[Task], object]] = {
    **TASK_CALLS,
    "wait": lambda task: task.wait(timeout=20, poll_interval=0.01),
}


@pytest.mark.parametrize("status", [400, 404, 500])
@pytest.mark.parametrize("call", CALLS)
def test_an_error_about_a_task_never_repeats_its_secrets(call: str, status: int) -> None:
    task = _echoing_tasks(status).get("task-1")
    assert task.user_oidc_token == OIDC  # the task holds them
    with pytest.raises(ModuleException) as caught:
        CALLS[call](task)
    error = caught.value
    assert "cannot do that" in str(error)
    shown = "".join(traceback.format_exception(error)) + repr(error) + str(error.args)
    for secret in SECRETS:
        assert secret not in shown


@pytest.mark.parametrize(
    "command",
    [
        ["--json", "get", "{id}"],
        ["get", "{id}", "--json"],
        ["--json", "stop", "{id}"],
        ["--json", "update", "{id}", "--status", "completed", "--result", "ok"],
    ],
)
@pytest.mark.usefixtures("env_task_server")
def test_the_cli_masks_a_tasks_secrets_in_json(
    capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    with Tasks() as tasks:
        created = tasks.create("agent-123", prompt="hi", **SECRET_FIELDS)
    argv = [part.format(id=created.id) for part in command]
    assert main(argv) == 0
    out = capsys.readouterr().out
    for secret in SECRETS:
        assert secret not in out
    printed = json.loads(out)
    assert printed["id"] == created.id
    assert printed["user_oidc_token"] == "[redacted]"
    assert printed["user_tokens"] == "[redacted]"
    [server] = printed["mcp_servers"]
    assert (server["name"], server["url"]) == ("tools", "https://mcp.example.com")
    assert server["api_key"] == server["headers"] == server["env_vars"] == "[redacted]"

    assert main([*argv, "--show-secrets"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["user_oidc_token"] == OIDC
    assert shown["mcp_servers"][0]["headers"] == {"Authorization": MCP_HEADER}


@pytest.mark.usefixtures("env_task_server")
def test_the_cli_masks_only_what_is_set(capsys: pytest.CaptureFixture[str]) -> None:
    """A task without secrets prints as it is: no field made up."""
    with Tasks() as tasks:
        created = tasks.create("agent-123", prompt="hi")
        assert main(["--json", "get", created.id]) == 0
        printed = json.loads(capsys.readouterr().out)
        read = tasks.get(created.id)
    assert "[redacted]" not in json.dumps(printed)
    assert printed == json.loads(json.dumps(read.to_dict(), default=str))


@pytest.mark.parametrize("call", ["reload", "events"])
def test_a_secret_at_the_cut_of_a_long_error_is_not_halved(call: str) -> None:
    """Blanked before the description is cut at 1,000 characters: no prefix of it shows."""
    answered: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        answered.append(1)
        if len(answered) == 1:
            return httpx.Response(200, json=_task_answer())
        return httpx.Response(500, json={"detail": "x" * 995 + OIDC + "y" * 100})

    transport = httpx.MockTransport(handle)
    tasks = Tasks(
        api_key=API_KEY, base_url="http://127.0.0.1:9", max_retries=0,
        http_client=httpx.Client(transport=transport),
    )  # fmt: skip
    task = tasks.get("task-1")
    with pytest.raises(ModuleException) as caught:
        CALLS[call](task)
    assert OIDC[:5] not in str(caught.value)
    assert OIDC[:5] not in caught.value.detail
    assert "x[reda" in caught.value.detail  # blanked, then cut
