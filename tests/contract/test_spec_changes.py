"""Scripted changes to openapi.yaml, each checked end to end on a copy of the project.

Each change is applied to a copy of what consumes the spec (the generator's inputs, `.ci/`,
the overlay and the server), the copy is generated as `nox -s generate` does, and a program
runs against the copy's client and local server. A new create field, a new answer field and
a new status need no edit but the spec's; a new operation needs its spec entry and the
server's handler (its method pair is generated); a breaking change is flagged by
`.ci/spec_diff.py` and reaches an old client as `InvalidResponseError`, not `KeyError`.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import DELETE_TASK_HINT, DELETE_TASK_PATH, delete_task_operation

from xpander_tasks import InvalidResponseError, Tasks
from xpander_tasks_server import LocalTaskServer, spec_path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".ci"))
import spec_diff  # noqa: E402  (the gate's own script)

SPEC: dict[str, Any] = yaml.safe_load(spec_path().read_text())
# What consumes the spec: the generator's inputs, the scripts `nox -s generate` runs, the
# overlay (its create signature is written from the spec) and the server; pyproject.toml for
# the ruff settings the signature is formatted with.
CONSUMERS = (
    "openapi.yaml",
    "generator-config.yaml",
    "generator-templates",
    ".ci",
    "overlay",
    "server",
    "pyproject.toml",
)
TOOLS_VARIABLE = "XPANDER_TOOLS_BIN"
# Generating and starting a server in a child process, on a machine that may be busy.
GENERATION_TIMEOUT = 300

Edit = Callable[[dict[str, Any]], None]
FileEdit = Callable[[Path], None]
pytestmark = pytest.mark.timeout(GENERATION_TIMEOUT)


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def tools_bin() -> Path:
    """The bin folder of the venv with the generator (`nox -s tools-env`), or skip the test."""
    named = os.environ.get(TOOLS_VARIABLE)
    tools = Path(named) if named else ROOT / ".nox" / "tools-env" / "bin"
    if not (tools / "openapi-python-client").exists():
        pytest.skip(
            f"the generator is not installed: {TOOLS_VARIABLE} names no tools venv and "
            f"{tools} has none (`nox -s tools-env` makes it; `nox -s tests` sets the variable)"
        )
    return tools


def _run(argv: list[str | Path], *, cwd: Path, env: dict[str, str]) -> None:
    done = subprocess.run(
        [str(arg) for arg in argv],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=GENERATION_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, f"{argv[:2]} failed:\n{done.stdout}\n{done.stderr}"


def generated_copy(base: Path, edit: Edit, edit_files: FileEdit | None = None) -> Path:
    """A copy of the project's spec consumers with `edit` applied to its spec (and
    `edit_files` to the copy's folder, before generating), generated."""
    tools = tools_bin()
    project = base / "project"
    for name in CONSUMERS:
        source = ROOT / name
        if source.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(source, project / name, ignore=ignore)
        else:
            project.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, project / name)
    spec = copy.deepcopy(SPEC)
    edit(spec)
    (project / "openapi.yaml").write_text(yaml.safe_dump(spec, sort_keys=False, allow_unicode=True))
    if edit_files is not None:
        edit_files(project)
    # `nox -s generate`'s own script, run in the copy with the tools venv first on PATH.
    env = {
        **os.environ,
        "PATH": f"{tools}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(tools.parent),
    }
    _run([tools / "python", project / ".ci" / "generate.py"], cwd=project, env=env)
    return project


# Every program first checks that it runs the copy's packages and spec, not the project's.
_PRELUDE = """
import json, sys
from pathlib import Path
import xpander_tasks, xpander_tasks_api, xpander_tasks_server
from xpander_tasks import Tasks
from xpander_tasks_server import LocalTaskServer
root = Path(sys.argv[1])
for module in (xpander_tasks, xpander_tasks_api, xpander_tasks_server):
    assert Path(module.__file__).is_relative_to(root), module.__file__
assert xpander_tasks_server.spec_path() == root / "openapi.yaml"
"""


def run_program(project: Path, program: str) -> dict[str, Any]:
    """Run `program` on the copy's client and server; what it printed last, as JSON."""
    paths = [project / "generated", project / "overlay", project / "server"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("XPANDER_")}
    env["PYTHONPATH"] = os.pathsep.join(map(str, paths))
    done = subprocess.run(
        [sys.executable, "-c", _PRELUDE + program, str(project)],
        env=env,
        capture_output=True,
        text=True,
        timeout=GENERATION_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout.splitlines()[-1])
    return result


# 1. A new optional create field, `priority` (an integer 0-10).


def add_priority(spec: dict[str, Any]) -> None:
    _schemas(spec)["CreateTaskRequest"]["properties"]["priority"] = {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 10,
        "description": "How urgent the task is, 0 to 10.",
    }


@pytest.fixture(scope="module")
def with_priority(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_copy(tmp_path_factory.mktemp("priority"), add_priority)


def test_a_new_create_field_is_sent_and_checked(with_priority: Path) -> None:
    result = run_program(
        with_priority,
        """
from xpander_tasks import InvalidArgumentError
with LocalTaskServer(step_delay=0.05) as server:
    with Tasks(server.api_key, base_url=server.url) as tasks:
        tasks.create("agent-123", prompt="urgent", priority=3)
        try:
            tasks.create("agent-123", prompt="too urgent", priority=11)
            refused = None
        except InvalidArgumentError as error:
            refused = str(error)
    (received,) = server.script.creates()
    print(json.dumps({"sent": received.body["priority"], "status": received.status_code,
                      "refused": refused, "creates": server.counters.create_requests}))
""",
    )
    assert result["sent"] == 3 and result["status"] == 200
    assert result["refused"] is not None and "priority" in result["refused"]
    assert result["creates"] == 1  # the refused one never left the client


# 2. A new answer field, `cost_usd`, with a default or an example.


@pytest.fixture(
    scope="module",
    params=[({"default": 0.0}, 0.0), ({"examples": [0.42]}, 0.42)],
    ids=["default", "example"],
)
def with_cost(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> tuple[Path, float]:
    """A copy whose tasks have `cost_usd`, and the value its server should answer."""
    given, expected = request.param

    def add_cost(spec: dict[str, Any]) -> None:
        _schemas(spec)["Task"]["properties"]["cost_usd"] = {
            "type": ["number", "null"],
            "description": "What the task cost, in US dollars.",
            **given,
        }

    return generated_copy(tmp_path_factory.mktemp("cost"), add_cost), expected


def test_a_new_answer_field_is_served_and_typed(with_cost: tuple[Path, float]) -> None:
    project, expected = with_cost
    result = run_program(
        project,
        """
import httpx
with LocalTaskServer(step_delay=0.05) as server:
    with Tasks(server.api_key, base_url=server.url) as tasks:
        task = tasks.create("agent-123", prompt="how much")
        read = tasks.get(task.id)
    raw = httpx.get(f"{server.url}/agent-execution/{task.id}/status",
                    headers={"x-api-key": server.api_key}).json()
    fields = xpander_tasks_api.models.Task.__attrs_attrs__
print(json.dumps({"raw": raw.get("cost_usd", "missing"), "typed": [task.cost_usd, read.cost_usd],
                  "declared": "cost_usd" in [field.name for field in fields]}))
""",
    )
    assert "cost_usd" not in _schemas(SPEC)["Task"]["properties"]  # the test's change only
    assert result["raw"] == expected
    assert result["typed"] == [expected, expected] and result["declared"]


# 3. A new status, `queued`, in the spec's lifecycle.


def add_queued(spec: dict[str, Any]) -> None:
    status = _schemas(spec)["AgentExecutionStatus"]
    status["enum"].append("queued")
    status["x-lifecycle"] = ["pending", "queued", "executing", "completed"]


@pytest.fixture(scope="module")
def with_queued(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_copy(tmp_path_factory.mktemp("queued"), add_queued)


def test_a_new_status_is_walked_and_waited_through(with_queued: Path) -> None:
    result = run_program(
        with_queued,
        """
from xpander_tasks import AgentExecutionStatus
with LocalTaskServer(step_delay=0.1) as server:
    with Tasks(server.api_key, base_url=server.url) as tasks:
        task = tasks.create("agent-123", prompt="line up", events_streaming=True)
        streamed = [(str(event.type), event.data.status) for event in task.events()
                    if str(event.type).startswith("task_")]
        done = tasks.create("agent-123", prompt="wait for it").wait(timeout=60, poll_interval=0.02)
print(json.dumps({"streamed": [str(status) for _, status in streamed],
                  "typed": all(isinstance(status, AgentExecutionStatus) for _, status in streamed),
                  "waited": str(done.status)}))
""",
    )
    assert result["streamed"] == ["pending", "queued", "executing", "completed"]
    assert result["typed"] and result["waited"] == "completed"


# 4. A new operation, `delete_task`: the spec's entry and the server's handler. The client's
# method pair (`Tasks.delete`, `adelete`) is generated from its `x-sdk-method`.


def add_delete_task(spec: dict[str, Any]) -> None:
    not_found = {"404": {"$ref": "#/components/responses/TaskNotFound"}}
    operation = delete_task_operation()
    operation["responses"] |= not_found
    spec["paths"][DELETE_TASK_PATH] = {"delete": operation}


# The copy's server gets the handler: a text edit of its `Service`, in two places.
_HANDLED = '            "stop_task": self.stop_task,\n'
_HANDLER = '''    async def delete_task(self, call: Call) -> Response:
        """The task, marked as this handler's answer (the scripted change stores nothing)."""
        record = self._task(call.path["task_id"])
        return _JSON({**self.lifecycle.answer(record, time.time()), "result": "deleted"})

'''


def add_delete_handler(project: Path) -> None:
    service = project / "server" / "xpander_tasks_server" / "_service.py"
    text = service.read_text()
    anchor = "    async def stop_task("
    assert text.count(_HANDLED) == 1 and text.count(anchor) == 1, "the Service changed shape"
    text = text.replace(_HANDLED, _HANDLED + '            "delete_task": self.delete_task,\n')
    service.write_text(text.replace(anchor, _HANDLER + anchor))


@pytest.fixture(scope="module")
def with_delete(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generated_copy(tmp_path_factory.mktemp("delete"), add_delete_task, add_delete_handler)


def test_a_new_operation_needs_its_spec_entry_and_its_handler_only(with_delete: Path) -> None:
    # The copy's overlay got no hand edit: `nox -s generate` wrote the pair into its region.
    client = (with_delete / "overlay" / "xpander_tasks" / "_client.py").read_text()
    assert client.count('OPERATIONS["delete_task"]') == 2
    result = run_program(
        with_delete,
        """
import asyncio, inspect
from xpander_tasks import APIConnectionError, Task
with LocalTaskServer(step_delay=0.05) as server:
    with Tasks(server.api_key, base_url=server.url) as tasks:
        created = tasks.create("agent-123", prompt="to delete")
        deleted = tasks.delete(created.id)
        adeleted = asyncio.run(tasks.adelete(created.id))
        server.script.reset_connection(operation="delete_task", acted=True)
        try:
            tasks.delete(created.id, max_retries=3)
            hint = None
        except APIConnectionError as error:
            hint = error.hint
    counted = server.counters.requests["delete_task"]
print(json.dumps({
    "typed": [isinstance(task, Task) for task in (deleted, adeleted)],
    "results": [deleted.result, adeleted.result], "id": deleted.id == created.id,
    "hint": hint, "requests": counted,
    "parameters": list(inspect.signature(Tasks.delete).parameters)[:3],
    "doc": inspect.getdoc(Tasks.adelete).splitlines()[0],
}))
""",
    )
    assert result["typed"] == [True, True] and result["id"]
    assert result["results"] == ["deleted", "deleted"]  # the new handler answered
    # An attempt whose answer was lost is not sent again: the hint says what to check.
    assert result["hint"] == DELETE_TASK_HINT and result["requests"] == 3
    assert result["parameters"] == ["self", "task_id", "timeout"]
    assert result["doc"] == "Delete a task."


# 5. A required answer field renamed and a create field removed: breaking.


def rename_and_remove(spec: dict[str, Any]) -> None:
    task = _schemas(spec)["Task"]
    task["properties"].pop("created_at")
    # The new server fills what it cannot know from the example.
    created = {"type": "string", "format": "date-time", "example": "2026-12-01T00:00:00Z"}
    task["properties"]["created"] = created
    task["required"] = ["created" if name == "created_at" else name for name in task["required"]]
    _schemas(spec)["CreateTaskRequest"]["properties"].pop("expected_output")


def test_spec_diff_flags_a_rename_and_a_removal_unless_the_changelog_names_them() -> None:
    new = copy.deepcopy(SPEC)
    rename_and_remove(new)
    changes = spec_diff.diff(SPEC, new)
    breaking = {(change.subject, change.what) for change in changes if change.breaking}
    assert ("created_at", "removed") in breaking and ("expected_output", "removed") in breaking
    unnamed = spec_diff.unnamed(changes, "# Changelog\n\n## Unreleased\n\n- Faster.\n")
    # `created` too: a saved whole task (the update's body) now needs it.
    assert {change.subject for change in unnamed} == {"created_at", "created", "expected_output"}
    changelog = (
        "## Unreleased\n\n- Breaking: `created_at` is now `created`, which a saved task must "
        "carry; `expected_output` is no longer taken.\n"
    )
    assert spec_diff.unnamed(changes, changelog) == []


def test_an_old_client_meets_a_renamed_field_as_an_invalid_response(tmp_path: Path) -> None:
    new = copy.deepcopy(SPEC)
    rename_and_remove(new)
    (tmp_path / "openapi.yaml").write_text(yaml.safe_dump(new, sort_keys=False))
    # This project's client is the old one; the server follows the new spec.
    with (
        LocalTaskServer(spec=tmp_path / "openapi.yaml", step_delay=0.05) as server,
        Tasks(server.api_key, base_url=server.url, max_retries=0) as tasks,
    ):
        with pytest.raises(InvalidResponseError) as created:
            tasks.create("agent-123", prompt="hi", expected_output="a greeting")
        (received,) = server.script.creates()
        with pytest.raises(InvalidResponseError) as read:
            tasks.get(received.task_id or "")
    for error in (created.value, read.value):
        assert "required field 'created_at' is missing" in str(error)
    # The removed create field still reaches the new server, which ignores it.
    assert received.status_code == 200 and received.body["expected_output"] == "a greeting"
