"""The published xpander SDK as a second client: programs run under both, against one server.

The SDK is never a dependency. `nox -s tests` installs it into a scratch venv of its own
(`.nox/published-sdk`, pins in noxfile.py) and names that venv's Python in XPANDER_SDK_PYTHON;
where it is not set (a plain `pytest`, or an install that failed), the tests that need it skip
and say why.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from xpander_tasks_server import LocalTaskServer

SDK_PYTHON_VARIABLE = "XPANDER_SDK_PYTHON"


@dataclass(frozen=True)
class Run:
    """What one program printed, and how it ended."""

    returncode: int
    stdout: str
    stderr: str

    @property
    def lines(self) -> list[str]:
        return self.stdout.splitlines()


def sdk_python() -> str:
    """The Python of the scratch venv that has the published SDK, or skip the test."""
    python = os.environ.get(SDK_PYTHON_VARIABLE, "")
    if not python or not Path(python).exists():
        pytest.skip(
            f"the published SDK is not installed: {SDK_PYTHON_VARIABLE} names no Python "
            "(`nox -s tests` installs xpander-sdk into .nox/published-sdk when it can)"
        )
    return python


def as_ours(program: str) -> str:
    """The program with `xpander_sdk` replaced by `xpander_tasks`, as a user migrates."""
    assert "xpander_sdk" in program, "a program written for the published SDK"
    return program.replace("xpander_sdk", "xpander_tasks")


def run_program(
    python: str,
    program: str,
    server: LocalTaskServer,
    *,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> Run:
    """Run `program` with `python`, configured for `server` through the SDK's variables."""
    environment = {
        key: value for key, value in os.environ.items() if not key.startswith("XPANDER_")
    }
    environment |= {
        "XPANDER_API_KEY": server.api_key,
        "XPANDER_BASE_URL": server.url,
        "XPANDER_ORGANIZATION_ID": server.organization_id,
        "PYTHONUNBUFFERED": "1",
        **(env or {}),
    }
    done = subprocess.run(
        [python, "-c", program],
        capture_output=True,
        text=True,
        env=environment,
        timeout=timeout,
        check=False,
    )
    return Run(done.returncode, done.stdout, done.stderr)


def run_both(
    program: str,
    make_server: Callable[[], LocalTaskServer],
    *,
    env: dict[str, str] | None = None,
) -> tuple[Run, Run]:
    """Run a program written for the published SDK under it, then under ours (the import
    changed), each against a fresh server from `make_server` (the `make_task_server`
    fixture): (theirs, ours). Skips when the SDK is not installed."""
    theirs = run_program(sdk_python(), program, make_server(), env=env)
    ours = run_program(sys.executable, as_ours(program), make_server(), env=env)
    return theirs, ours


def same_lines_under_both(program: str, make_server: Callable[[], LocalTaskServer]) -> list[str]:
    """`run_both`, checking that both clients ran the program through and printed the same
    lines; those lines."""
    theirs, ours = run_both(program, make_server)
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    assert ours.lines == theirs.lines
    return ours.lines
