"""`xpander-tasks-server`: its options, and real starts in a child process."""

from __future__ import annotations

import os
import shlex
import socket
import subprocess
import sys
from importlib.metadata import entry_points
from pathlib import Path

import httpx
import pytest
from support import started, status_of

from xpander_tasks_server._cli import build_parser, main


def test_the_script_is_registered() -> None:
    (script,) = entry_points(group="console_scripts", name="xpander-tasks-server")
    assert script.value == "xpander_tasks_server._launch:main"


def test_help_documents_every_option(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    text = capsys.readouterr().out
    for option in build_parser()._actions:
        assert option.help, option.dest
        assert all(flag in text for flag in option.option_strings)
    assert "(127.0.0.1)" in text and "(8765)" in text and "(default: any id exists)" in text


def test_without_a_key_it_prints_a_generated_one_to_paste() -> None:
    with started() as (lines, url):
        assert url.startswith("http://127.0.0.1:")
        prefix, _, assignments = lines[2].partition("export ")
        assert prefix == "To point a program at it: "
        variables = dict(pair.split("=", 1) for pair in shlex.split(assignments))
        assert set(variables) == {"XPANDER_API_KEY", "XPANDER_BASE_URL"}
        key = variables["XPANDER_API_KEY"]
        assert len(key) >= 20 and variables["XPANDER_BASE_URL"] == url
        assert status_of(url, key) == 404
        assert status_of(url, key + "x") == 403


def test_xpander_api_key_is_used_and_not_printed() -> None:
    with started(env_key="from-env-key") as (lines, url):
        assert lines[2] == f"To point a program at it: export XPANDER_BASE_URL={url}"
        assert "from-env-key" not in "\n".join(lines)
        assert status_of(url, "from-env-key") == 404


def test_by_default_any_agent_a_program_names_exists() -> None:
    with started(env_key="k") as (lines, url):
        assert lines[1] == "Agents: any id a program names (to allow only some: --agent ID)"
        headers = {"x-api-key": "k"}
        create = httpx.post(url + "/agent-execution/agent-1", json={}, headers=headers, timeout=30)
        assert create.status_code == 200
        assert status_of(url, "k", "/agents/my-own-agent") == 200


def test_repeatable_keys_and_agents() -> None:
    args = ["--api-key", "k1", "--api-key", "k2", "--agent", "a1", "--agent", "a2"]
    with started(*args, env_key="ignored") as (lines, url):
        assert lines[1] == "Agents: a1, a2 (add one with --agent ID)"
        assert lines[2] == f"To point a program at it: export XPANDER_BASE_URL={url}"
        assert status_of(url, "k1") == status_of(url, "k2") == 404
        assert status_of(url, "ignored") == 403
        create = httpx.post(
            url + "/agent-execution/a2", json={}, headers={"x-api-key": "k1"}, timeout=30
        )
        assert create.status_code == 200
        missing = httpx.post(
            url + "/agent-execution/agent-123", json={}, headers={"x-api-key": "k1"}, timeout=30
        )
        assert missing.status_code == 404


# Makes the module named by XPANDER_TEST_UNINSTALLED (and its submodules) unimportable, as if
# the [server] extra that brings it were not installed.
UNINSTALL = """
import os, sys

class Uninstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] == os.environ["XPANDER_TEST_UNINSTALLED"]:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Uninstalled())
"""
SCRIPT = Path(sys.executable).with_name("xpander-tasks-server")


def one_line_failure(argv: list[str], env: dict[str, str] | None = None) -> str:
    """Run the command to its end; it must fail with one line on stderr and status 1."""
    environment = {**os.environ, **(env or {})}
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=60, env=environment, check=False
    )
    assert done.returncode == 1, done
    assert done.stdout == "" and "Traceback" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 1, done.stderr
    return lines[0]


@pytest.mark.parametrize("module", ["starlette", "uvicorn", "jsonschema", "yaml", "re2"])
@pytest.mark.parametrize("command", ["script", "-m"])
def test_without_the_server_extra_it_says_what_to_install(
    tmp_path: Path, module: str, command: str
) -> None:
    (tmp_path / "sitecustomize.py").write_text(UNINSTALL)
    env = {"PYTHONPATH": str(tmp_path), "XPANDER_TEST_UNINSTALLED": module}
    argv = [str(SCRIPT)] if command == "script" else [sys.executable, "-m", "xpander_tasks_server"]
    line = one_line_failure([*argv, "--port", "0"], env)
    assert line == (
        f"xpander-tasks-server needs the [server] extra ({module} is not installed): "
        "pip install 'xpander-tasks[server]'"
    )


def test_a_port_in_use_is_one_line() -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        line = one_line_failure([str(SCRIPT), "--port", str(port), "--api-key", "k"])
    assert line.startswith(f"xpander-tasks-server: cannot listen on 127.0.0.1 port {port}: ")
    assert "in use" in line


def test_a_database_that_cannot_be_opened_is_one_line(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "tasks.db"
    line = one_line_failure([str(SCRIPT), "--db", str(missing), "--api-key", "k"])
    assert line == f"xpander-tasks-server: cannot open --db {missing}: unable to open database file"
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"not a database, not at all" * 100)
    line = one_line_failure([str(SCRIPT), "--db", str(garbage), "--api-key", "k"])
    assert line == f"xpander-tasks-server: cannot open --db {garbage}: file is not a database"
