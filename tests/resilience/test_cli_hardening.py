"""The non-batch CLI under hostile use: durations through the client's checks, Ctrl-C at
any point, what each command imports, and streamed text as it flows (#26 items 6 and 12,
#27 item 5)."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import TaskServerFactory

from xpander_tasks import Tasks
from xpander_tasks import _cli as cli
from xpander_tasks._cli import main
from xpander_tasks_server import LocalTaskServer

BAD_SECONDS = ["0", "-1", "nan", "inf", "1e400", "abc", ""]


@pytest.mark.parametrize("option", ["--timeout", "--poll-interval"])
@pytest.mark.parametrize("value", BAD_SECONDS)
def test_a_bad_duration_is_a_usage_error_of_one_line(
    option: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["get", "t-1", "--wait", option, value])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    [error] = [line for line in err.splitlines() if "error:" in line]
    assert f"argument {option}:" in error
    assert "Traceback" not in err


def test_a_poll_interval_has_a_floor(capsys: pytest.CaptureFixture[str]) -> None:
    """A read every 0.01 s would spend the user's rate limit in a second."""
    with pytest.raises(SystemExit) as exited:
        main(["get", "t-1", "--wait", "--poll-interval", "0.01"])
    assert exited.value.code == 2
    assert "must be at least 0.1 s" in capsys.readouterr().err
    parsed = cli._parser([]).parse_args(["get", "t-1", "--poll-interval", "0.1", "--timeout", "5"])
    assert (parsed.poll_interval, parsed.timeout) == (0.1, 5.0)


_SHOW_MODULES = """
import sys
from pathlib import Path
from xpander_tasks._cli import main
try:
    code = main(sys.argv[1:])
except SystemExit as exit:
    code = exit.code
print("loaded:", code, *sorted(sys.modules), file=sys.stderr)
"""
HEAVY = {"xpander_tasks._batch", "xpander_tasks._batch_cli", "sqlite3", "asyncio"}


def _modules_after(arguments: list[str], server: LocalTaskServer) -> tuple[object, set[str]]:
    """The exit code of the CLI run in a fresh interpreter, and the modules it loaded."""
    environment = {**os.environ, "XPANDER_API_KEY": server.api_key, "XPANDER_BASE_URL": server.url}
    done = subprocess.run(
        [sys.executable, "-c", _SHOW_MODULES, *arguments],
        capture_output=True, text=True, env=environment, timeout=60, check=True,
    )  # fmt: skip
    _, code, *modules = done.stderr.splitlines()[-1].split()
    return code, set(modules)


def test_each_command_loads_only_what_it_uses(task_server: LocalTaskServer) -> None:
    with Tasks(task_server.api_key, base_url=task_server.url) as tasks:
        task_id = tasks.create("agent-123", prompt="hi").id
    for arguments in (
        ["--version"],
        ["get", task_id],
        ["--json", "get", task_id, "--wait", "--poll-interval", "0.1"],
        ["list", "agent-123"],
        ["create", "--agent-id", "agent-123", "--follow"],
    ):
        code, loaded = _modules_after(arguments, task_server)
        assert code == "0", arguments
        assert "xpander_tasks._cli" in loaded
        assert not HEAVY & loaded, (arguments, HEAVY & loaded)
    # The check sees the batch machinery where it is used.
    code, loaded = _modules_after(["batch", "status", "--journal", "/nonexistent"], task_server)
    assert {"xpander_tasks._batch", "sqlite3"} <= loaded


@pytest.mark.usefixtures("env_task_server")
def test_follow_prints_streamed_text_as_it_flows(capsys: pytest.CaptureFixture[str]) -> None:
    """The chunks of a result run on as one text, not one chunk per line."""
    assert main(["create", "--agent-id", "agent-123", "--prompt", "tell me", "--follow"]) == 0
    captured = capsys.readouterr()
    result = captured.out.splitlines()[1]
    assert len(result) > 3  # the server sends it in three chunks
    assert result in captured.err.splitlines()
    last = captured.err.splitlines()[-1]
    assert last.startswith("completed")  # the progress line after the text, on its own line


@pytest.mark.usefixtures("env_task_server")
def test_ctrl_c_after_a_create_names_the_task(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    made: list[str] = []
    real_print = cli._print_task

    def interrupted(task: cli.Task, *args: object) -> None:
        made.append(task.id)
        raise KeyboardInterrupt  # Ctrl-C between the answer and its printing

    monkeypatch.setattr(cli, "_print_task", interrupted)
    assert main(["create", "--agent-id", "agent-123"]) == 130
    err = capsys.readouterr().err
    [task_id] = made
    assert f"task {task_id} keeps running" in err
    assert f"xpander-tasks get {task_id} --wait" in err
    monkeypatch.setattr(cli, "_print_task", real_print)


@pytest.mark.usefixtures("env_task_server")
def test_ctrl_c_during_a_create_says_it_may_exist(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(Tasks, "create", interrupted)
    assert main(["create", "--agent-id", "agent-123"]) == 130
    err = capsys.readouterr().err
    assert "the task may have been created" in err
    assert "xpander-tasks list agent-123" in err


@pytest.mark.usefixtures("env_task_server")
def test_main_leaves_the_sigint_handler_as_it_found_it(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = signal.getsignal(signal.SIGINT)
    assert main(["create", "--agent-id", "agent-123", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "pending"
    assert signal.getsignal(signal.SIGINT) is before


def test_ctrl_c_pressed_again_while_the_cli_stops_still_exits_130(
    make_task_server: TaskServerFactory,
) -> None:
    """Later Ctrl-Cs cannot cut the message short nor end the process by SIGINT."""
    slow = make_task_server(step_delay=60)
    environment = {**os.environ, "XPANDER_API_KEY": slow.api_key, "XPANDER_BASE_URL": slow.url}
    command = [sys.executable, "-m", "xpander_tasks", "create", "--agent-id", "agent-123"]
    with subprocess.Popen(
        [*command, "--follow"], stderr=subprocess.PIPE, text=True, env=environment
    ) as process:
        assert process.stderr is not None
        first = process.stderr.readline()  # blocks until following has started
        task_id = first.split()[2]
        process.send_signal(signal.SIGINT)
        said = process.stderr.readline()  # the first Ctrl-C's message: the CLI is stopping
        while process.poll() is None:  # and Ctrl-C again, as an impatient user does
            with contextlib.suppress(ProcessLookupError):
                process.send_signal(signal.SIGINT)
            time.sleep(0.001)
        rest = said + process.stderr.read()
        assert process.wait(60) == 130, rest
    assert f"task {task_id} keeps running" in said
    assert "Traceback" not in rest


_CTRL_C_IN_EXEC = """
import os, signal, sys
from xpander_tasks import _cli

def run(tasks, arguments):
    # Ctrl-C while code made from a string runs (attrs and the models build their field
    # code so, on first use): CPython remembers a bare KeyboardInterrupt there.
    exec("os.kill(os.getpid(), signal.SIGINT)\\nfor _ in range(10**6): pass")

_cli._run = run
sys.exit(_cli.main(["get", "t-1"]))
"""


def test_ctrl_c_inside_an_exec_still_exits_130(tmp_path: Path) -> None:
    """By construction: `python -m` exits 130 wherever the Ctrl-C lands, not by SIGINT."""
    package = tmp_path / "ctrl_c_in_exec"
    package.mkdir()
    (package / "__main__.py").write_text(_CTRL_C_IN_EXEC)
    environment = {**os.environ, "XPANDER_API_KEY": "k-1", "XPANDER_BASE_URL": "127.0.0.1:9"}
    done = subprocess.run(
        [sys.executable, "-m", "ctrl_c_in_exec"],
        cwd=tmp_path, capture_output=True, text=True, env=environment, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 130, done.stderr
