"""Which statuses are final is stated once, as `x-final-statuses` in openapi.yaml: the client's
waits (through the generated `spec_extensions`) and the local server read it from there."""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import httpx
import pytest
import yaml
from support import fake_task, mock_tasks

from xpander_tasks import AgentExecutionStatus
from xpander_tasks_api import spec_extensions
from xpander_tasks_server import Spec, _script, load_spec, spec_path
from xpander_tasks_server._lifecycle import Lifecycle

_SOURCE = Path(__file__).resolve().parents[2] / ".ci" / "spec_extensions.py"
SPEC: dict[str, Any] = yaml.safe_load(spec_path().read_text())
LISTED = SPEC["components"]["schemas"]["AgentExecutionStatus"]["x-final-statuses"]


def _with_queued_final() -> dict[str, Any]:
    """The spec with a new status `queued`, listed as final."""
    spec = copy.deepcopy(SPEC)
    status = spec["components"]["schemas"]["AgentExecutionStatus"]
    status["enum"].append("queued")
    status["x-final-statuses"].append("queued")
    return spec


def test_the_client_and_the_server_read_the_specs_list() -> None:
    assert set(LISTED) == {"completed", "failed", "error", "stopped"}
    assert frozenset(LISTED) == spec_extensions.FINAL_STATUSES
    assert frozenset(LISTED) == Lifecycle(load_spec()).final
    assert tuple(LISTED) == _script.FINAL_STATUSES


def test_a_status_added_to_the_list_reaches_the_generated_module(tmp_path: Path) -> None:
    spec_file, target = tmp_path / "openapi.yaml", tmp_path / "spec_extensions.py"
    spec_file.write_text(yaml.safe_dump(_with_queued_final()))
    subprocess.run(
        [sys.executable, str(_SOURCE), str(spec_file), str(target)], check=True, timeout=50
    )
    loader = importlib.util.spec_from_file_location("fresh_spec_extensions", target)
    assert loader is not None and loader.loader is not None
    fresh = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(fresh)
    assert frozenset([*LISTED, "queued"]) == fresh.FINAL_STATUSES
    assert Spec(_with_queued_final()).final_statuses() == (*LISTED, "queued")


def test_a_final_status_the_enum_lacks_fails_generation(tmp_path: Path) -> None:
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["AgentExecutionStatus"]["x-final-statuses"].append("gone")
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(yaml.safe_dump(spec))
    run = subprocess.run(
        [sys.executable, str(_SOURCE), str(spec_file), str(tmp_path / "out.py")],
        check=False,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert run.returncode != 0 and "'gone'" in run.stderr


def test_wait_ends_on_a_status_the_list_names(monkeypatch: pytest.MonkeyPatch) -> None:
    from xpander_tasks import _wait

    monkeypatch.setattr(_wait, "FINAL_STATUSES", frozenset([*LISTED, "queued"]))

    def handle(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=fake_task({}, status="queued"))

    with mock_tasks(handle, check_responses=False) as tasks:
        # Unlisted, `queued` would be polled until the timeout (test_new_values.py).
        task = tasks.get("t-1").wait(timeout=5, poll_interval=0.01)
    assert task.status == "queued" and isinstance(task.status, AgentExecutionStatus)


def test_the_success_status_is_where_the_specs_lifecycle_ends(tmp_path: Path) -> None:
    """What a batch counts as completed is the last of `x-lifecycle`, which must be final."""
    lifecycle = SPEC["components"]["schemas"]["AgentExecutionStatus"]["x-lifecycle"]
    assert spec_extensions.SUCCESS_STATUS == lifecycle[-1] == "completed"
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["AgentExecutionStatus"]["x-lifecycle"] = ["pending", "paused"]
    spec_file = tmp_path / "openapi.yaml"
    spec_file.write_text(yaml.safe_dump(spec))
    run = subprocess.run(
        [sys.executable, str(_SOURCE), str(spec_file), str(tmp_path / "out.py")],
        check=False,
        capture_output=True,
        text=True,
        timeout=50,
    )
    assert run.returncode != 0 and "'paused'" in run.stderr
