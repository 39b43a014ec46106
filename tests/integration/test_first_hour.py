"""What a new user meets first: TLS errors, a base URL without a scheme, the CLI's follow and
wait, and public names in tracebacks."""

from __future__ import annotations

import json
import os
import signal
import socket
import ssl
import subprocess
import sys
import threading
import traceback
from collections.abc import Iterator

import pytest
import trustme
from conftest import TaskServerFactory

import xpander_tasks
from xpander_tasks import AgentExecutionStatus, APIConnectionError, NotFoundError, Tasks
from xpander_tasks._cli import main
from xpander_tasks_server import LocalTaskServer


@pytest.fixture
def untrusted_tls_url() -> Iterator[str]:
    """A loopback TLS server whose certificate no client trusts (a self-made CA's)."""
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    trustme.CA().issue_cert("127.0.0.1").configure_cert(context)
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.2)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection, pytest.raises(ssl.SSLError):
                context.wrap_socket(connection, server_side=True)  # the client hangs up

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"https://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(10)
    listener.close()


def _says_the_certificate_failed(error: APIConnectionError) -> None:
    assert "certificate verify failed" in str(error)
    assert "Operation not permitted" not in str(error)


def test_a_tls_failure_says_what_failed(untrusted_tls_url: str) -> None:
    with (
        Tasks("key", base_url=untrusted_tls_url, max_retries=0) as tasks,
        pytest.raises(APIConnectionError) as caught,
    ):
        tasks.create(agent_id="agent-123")
    _says_the_certificate_failed(caught.value)


async def test_a_tls_failure_says_what_failed_async(untrusted_tls_url: str) -> None:
    async with Tasks("key", base_url=untrusted_tls_url, max_retries=0) as tasks:
        with pytest.raises(APIConnectionError) as caught:
            await tasks.acreate(agent_id="agent-123")
    _says_the_certificate_failed(caught.value)


@pytest.mark.parametrize(
    ("given", "resolved"),
    [
        ("localhost:1234", "http://localhost:1234"),
        ("127.0.0.1:8085/", "http://127.0.0.1:8085"),
        ("[::1]:80", "http://[::1]:80"),
        ("inbound.xpander.ai", "https://inbound.xpander.ai"),
        ("http://localhost:1", "http://localhost:1"),
        ("https://localhost:1", "https://localhost:1"),
    ],
)
def test_a_base_url_without_a_scheme_is_http_on_this_machine_only(
    given: str, resolved: str
) -> None:
    assert Tasks("key", base_url=given).config.base_url == resolved


def test_the_local_server_works_with_a_schemeless_base_url(task_server: LocalTaskServer) -> None:
    schemeless = task_server.url.removeprefix("http://")
    with Tasks(task_server.api_key, base_url=schemeless) as tasks:
        assert isinstance(tasks.create(agent_id="agent-123").status, AgentExecutionStatus)


def test_public_names_in_tracebacks() -> None:
    assert xpander_tasks.InvalidArgumentError.__module__ == "xpander_tasks"
    assert xpander_tasks.Task.__module__ == "xpander_tasks"
    assert xpander_tasks.TaskUpdateEvent.__module__ == "xpander_tasks"
    try:
        raise NotFoundError(404, "Agent not found")
    except NotFoundError:
        shown = traceback.format_exc()
    assert "xpander_tasks.NotFoundError: [404] Agent not found" in shown


# The command line.


@pytest.fixture
def cli_env(task_server: LocalTaskServer, monkeypatch: pytest.MonkeyPatch) -> LocalTaskServer:
    monkeypatch.setenv("XPANDER_API_KEY", task_server.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", task_server.url)
    return task_server


def test_version_from_the_cli_and_python_m(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"xpander-tasks {xpander_tasks.__version__}"
    done = subprocess.run(
        [sys.executable, "-m", "xpander_tasks", "--version"],
        capture_output=True, text=True, timeout=60, check=True,
    )  # fmt: skip
    assert done.stdout.strip() == f"xpander-tasks {xpander_tasks.__version__}"


def test_follow_prints_the_task_id_first_and_the_streamed_text(
    cli_env: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create", "--agent-id", "agent-123", "--prompt", "tell me", "--follow"]) == 0
    captured = capsys.readouterr()
    task_id, status = captured.out.splitlines()[0].split()
    progress = captured.err.splitlines()
    assert progress[0].startswith(f"following task {task_id}")
    assert status == "completed"
    chunks = [line for line in progress if not line.startswith(("following", "pending"))]
    chunks = [line for line in chunks if not line.startswith(("executing", "completed"))]
    result = captured.out.splitlines()[1]
    assert "".join(chunks) == result  # the chunks, in order, are the result's text


def test_get_wait_shows_progress_and_honours_its_timeout(
    make_task_server: TaskServerFactory, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    slow = make_task_server(step_delay=60)
    monkeypatch.setenv("XPANDER_API_KEY", slow.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", slow.url)
    assert main(["create", "--agent-id", "agent-123", "--json"]) == 0
    task_id = json.loads(capsys.readouterr().out)["id"]
    arguments = ["get", task_id, "--wait", "--timeout", "0.3", "--poll-interval", "0.1"]
    assert main(arguments) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"following task {task_id}")
    assert any(line.startswith("pending") for line in err[1:])
    assert err[-1] == f"[408] task {task_id} did not finish within 0.3 s; last status seen: pending"


def test_errors_are_json_under_json(
    cli_env: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--json", "create", "--agent-id", "nobody"]) == 1
    error = json.loads(capsys.readouterr().err)
    assert error == {
        "error": "NotFoundError",
        "status_code": 404,
        "description": "Agent not found",
        "request_id": error["request_id"],
        "hint": None,
    }
    assert error["request_id"].startswith("req_")


def test_ctrl_c_while_following_says_the_task_keeps_running(
    make_task_server: TaskServerFactory,
) -> None:
    slow = make_task_server(step_delay=60)
    environment = {**os.environ, "XPANDER_API_KEY": slow.api_key, "XPANDER_BASE_URL": slow.url}
    command = [sys.executable, "-m", "xpander_tasks", "create", "--agent-id", "agent-123"]
    with subprocess.Popen(
        [*command, "--follow"], stderr=subprocess.PIPE, text=True, env=environment
    ) as process:
        assert process.stderr is not None
        first = process.stderr.readline()  # blocks until following has started
        assert first.startswith("following task ")
        task_id = first.split()[2]
        process.send_signal(signal.SIGINT)
        rest = process.stderr.read()
        assert process.wait(60) == 130, rest  # what the CLI said, if it did not exit cleanly
    assert f"task {task_id} keeps running" in rest
    assert f"xpander-tasks get {task_id} --wait" in rest
    assert slow.counters.tasks_created == 1
    with Tasks(slow.api_key, base_url=slow.url) as tasks:  # the task is still there
        assert isinstance(tasks.get(task_id).status, AgentExecutionStatus)


def test_list_stop_and_update_from_the_cli(
    cli_env: LocalTaskServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["create", "--agent-id", "agent-123", "--title", "first one", "--json"]) == 0
    first = json.loads(capsys.readouterr().out)["id"]
    assert main(["create", "--agent-id", "agent-123", "--json"]) == 0
    second = json.loads(capsys.readouterr().out)["id"]
    assert main(["update", first, "--status", "paused", "--result", "half"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{first} paused", "half"]
    assert main(["stop", second]) == 0
    assert capsys.readouterr().out.split() == [second, "stopped"]

    assert main(["list", "agent-123"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["ID", "STATUS", "CREATED", "TITLE"]
    assert [row.split()[:2] for row in rows] == [[second, "stopped"], [first, "paused"]]
    assert rows[1].endswith("  first one")
    assert main(["list", "agent-123", "--status", "paused", "--json"]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == [first]

    with pytest.raises(SystemExit) as usage:  # --status is required
        main(["update", first])
    assert usage.value.code == 2
    capsys.readouterr()
    assert main(["stop", "../x"]) == 1
    assert "task_id" in capsys.readouterr().err
