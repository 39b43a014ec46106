"""The CLI prints the server's text with control characters escaped: a task's result, title,
streamed text or an error message cannot retitle, clear or write the clipboard of the
user's terminal; `--json` prints it JSON-encoded (#26 item 10)."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from support import API_KEY, fake_task

from xpander_tasks import Tasks
from xpander_tasks import _cli as cli

RETITLE = "\x1b]0;pwned\x07"
CLEAR = "\x1b[2J"
CLIPBOARD = "\x1b]52;c;Y2xpcA==\x07"
RESULT = f"done{RETITLE}{CLEAR}\nsecond line\ttabbed\r\x9b31m\u202eevil"
TITLE = f"a title{CLIPBOARD}\n"


def _handle(request: httpx.Request) -> httpx.Response:
    path = request.url.path
    if path.startswith("/agent-execution/executions/history/"):
        item = {"id": "t-1", "agent_id": "agent-1", "organization_id": "org-1"}
        return httpx.Response(200, json=[{**item, "status": "completed", "title": TITLE}])
    if path.endswith("/events"):
        finished = fake_task({}, id="t-1", status="completed", result=RESULT)
        events = [
            {"type": "chunk", "task_id": "t-1", "data": f"hel{CLEAR}"},
            {"type": "chunk", "task_id": "t-1", "data": f"lo{RETITLE}\n"},
            {"type": f"odd{CLEAR}", "task_id": "t-1", "data": None},
            {"type": "task_finished", "task_id": "t-1", "data": finished},
        ]
        body = "".join(f"id: {n}\ndata: {json.dumps(event)}\n\n" for n, event in enumerate(events))
        return httpx.Response(200, text=body, headers={"content-type": "text/event-stream"})
    if request.method == "PATCH":
        return httpx.Response(400, json={"detail": f"bad status{CLEAR}{RETITLE}"})
    body: dict[str, Any] = json.loads(request.content) if request.content else {}
    status = "pending" if request.method == "POST" else "completed"
    return httpx.Response(200, json=fake_task(body, id="t-1", status=status, result=RESULT))


@pytest.fixture(autouse=True)
def mock_server(monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's client talks to `_handle`."""

    def client(base_url: str | None = None) -> Tasks:
        transport = httpx.MockTransport(_handle)
        return Tasks(API_KEY, base_url=base_url, http_client=httpx.Client(transport=transport))

    monkeypatch.setattr(cli, "Tasks", client)


def _assert_escaped(printed: str) -> None:
    for raw in ("\x1b", "\x07", "\x9b", "\r", "\u202e"):
        assert raw not in printed
    assert "\\x1b" in printed


COMMANDS = [
    ["get", "t-1"],
    ["list", "agent-1"],
    ["update", "t-1", "--status", "completed"],
    ["create", "--agent-id", "agent-1", "--follow"],
]


@pytest.mark.parametrize("command", COMMANDS)
def test_the_servers_text_is_escaped_on_a_terminal(
    command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    cli.main([*command, "--base-url", "http://127.0.0.1:9"])
    printed = capsys.readouterr()
    _assert_escaped(printed.out + printed.err)


def test_a_result_keeps_its_lines_and_tabs(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["get", "t-1"]) == 0
    out = capsys.readouterr().out
    assert "\\x1b]0;pwned\\x07\\x1b[2J\nsecond line\ttabbed\\x0d\\x9b31m\\u202eevil" in out


def test_a_title_and_an_error_stay_on_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["list", "agent-1"]) == 0
    assert "a title\\x1b]52;c;Y2xpcA==\\x07\\x0a" in capsys.readouterr().out
    assert cli.main(["update", "t-1", "--status", "completed"]) == 1
    assert capsys.readouterr().err.count("\n") == 1


def test_json_prints_the_servers_text_json_encoded(capsys: pytest.CaptureFixture[str]) -> None:
    """Raw under `--json`: JSON escapes every control character, and the text is exact."""
    assert cli.main(["get", "t-1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and json.loads(out)["result"] == RESULT
    assert cli.main(["list", "agent-1", "--json"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and json.loads(out)[0]["title"] == TITLE
    assert cli.main(["update", "t-1", "--status", "completed", "--json"]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and json.loads(err)["description"] == f"bad status{CLEAR}{RETITLE}"
