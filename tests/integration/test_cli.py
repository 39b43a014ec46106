"""The `xpander-tasks` command line, against the local server."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from xpander_tasks._cli import main
from xpander_tasks_server import LocalTaskServer


def test_create_get_and_follow(
    env_task_server: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            ["create", "--agent-id", "agent-123", "--prompt", "hi", "--file-url", "https://e.com/a"]
        )
        == 0
    )
    task_id, status = capsys.readouterr().out.split()
    assert status == "pending"
    assert main(["--json", "get", task_id, "--wait"]) == 0
    task = json.loads(capsys.readouterr().out)
    assert task["status"] == "completed" and task["input"]["files"] == ["https://e.com/a"]
    assert main(["create", "--agent-id", "agent-123", "--prompt", "go", "--follow"]) == 0
    captured = capsys.readouterr()
    assert "completed" in captured.out and "task_finished" in captured.err


def test_errors_print_status_and_description_without_traceback(
    env_task_server: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create", "--agent-id", "nobody"]) == 1
    printed = capsys.readouterr().err.strip()
    assert re.fullmatch(r"\[404\] Agent not found \(request id req_\w+\)", printed)
    assert main(["--base-url", "http://127.0.0.1:9", "get", "t-1"]) == 1
    error = capsys.readouterr().err
    assert error.startswith("[500] could not connect to 127.0.0.1:9")
    assert error.count("\n") == 1  # one line: the error, nothing else


def test_installed_script_runs(env_task_server: LocalTaskServer) -> None:
    environment = {
        **os.environ,
        "XPANDER_API_KEY": env_task_server.api_key,
        "XPANDER_BASE_URL": env_task_server.url,
    }
    result = subprocess.run(
        [sys.executable, "-m", "xpander_tasks._cli", "create", "--agent-id", "agent-123"],
        capture_output=True, text=True, env=environment, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[1] == "pending"


def test_shared_options_work_before_and_after_the_command(
    env_task_server: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create", "--agent-id", "agent-123", "--json"]) == 0
    task_id = json.loads(capsys.readouterr().out)["id"]
    assert main(["get", task_id, "--json", "--base-url", env_task_server.url]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == task_id
    assert main(["--json", "get", task_id]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == task_id
