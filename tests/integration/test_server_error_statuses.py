"""The statuses the local server names by itself come from the spec it serves: which final
statuses the activity log calls an error (`x-error-statuses`) and where a scripted run ends
when its script names no status (the last of `x-lifecycle`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import SPEC_DATA as SPEC
from support import TaskServerFactory, client_for, write_spec
from support import spec_schema as _schema

from xpander_tasks_server import Script, SpecError, create_app

CREATE = "/agent-execution/agent-123"


def _with_final_status(spec: dict[str, Any], name: str) -> dict[str, Any]:
    """`AgentExecutionStatus` of `spec` with a new final status `name`."""
    status = _schema(spec, "AgentExecutionStatus")
    status["enum"].append(name)
    status["x-final-statuses"].append(name)
    return status


def _is_error(client: Any, task_id: str) -> bool:
    """Whether the activity log marks the task's tool call as an error."""
    thread = client.get(f"/activity/agent-123/{task_id}").json()
    (tool,) = [message for message in thread["messages"] if "tool_name" in message]
    return bool(tool["is_error"])


def test_the_project_spec_states_the_error_statuses() -> None:
    status = _schema(SPEC, "AgentExecutionStatus")
    assert status["x-error-statuses"] == ["error", "failed"]
    assert set(status["x-error-statuses"]) <= set(status["x-final-statuses"])


def test_the_activity_logs_errors_follow_the_spec(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _with_final_status(spec, "cancelled")["x-error-statuses"] = ["cancelled"]

    server = make_task_server(spec=write_spec(tmp_path, edit), step_delay=30)
    with client_for(server) as client:
        ended = {}
        for status in ("cancelled", "failed"):
            task_id = client.post(CREATE, json={"input": {"text": status}}).json()["id"]
            changed = {"status": status, "result": "over"}
            assert client.patch(f"/agent-execution/{task_id}/update", json=changed).is_success
            ended[status] = _is_error(client, task_id)
    assert ended == {"cancelled": True, "failed": False}


def test_the_project_specs_error_statuses_mark_the_log(
    make_task_server: TaskServerFactory,
) -> None:
    script = Script()
    for status in ("failed", "error", "completed"):
        script.agent(prompt=f"^{status}$", status=status, result="over", pending=0, executing=0)
    server = make_task_server(script=script)
    with client_for(server) as client:
        ended = {}
        for status in ("failed", "error", "completed"):
            task_id = client.post(CREATE, json={"input": {"text": status}}).json()["id"]
            ended[status] = _is_error(client, task_id)
    assert ended == {"failed": True, "error": True, "completed": False}


def test_a_scripted_run_without_a_status_ends_where_the_specs_lifecycle_does(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        _with_final_status(spec, "done")["x-lifecycle"] = ["pending", "executing", "done"]

    script = Script()
    script.agent("agent-123", result="over", pending=0, executing=0)
    server = make_task_server(spec=write_spec(tmp_path, edit), script=script)
    with client_for(server) as client:
        task = client.post(CREATE, json={"input": {"text": "go"}}).json()
        read = client.get(f"/agent-execution/{task['id']}/status").json()
    assert (read["status"], read["result"]) == ("done", "over")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda status: status.pop("x-error-statuses"),
            r"x-error-statuses must be a list of statuses",
        ),
        (
            lambda status: status.update({"x-error-statuses": ["failed", "paused"]}),
            r"x-error-statuses names statuses not in x-final-statuses: \['paused'\]",
        ),
    ],
    ids=["missing", "not final"],
)
def test_error_statuses_the_server_cannot_follow_stop_the_start(
    tmp_path: Path, edit: Any, problem: str
) -> None:
    path = write_spec(tmp_path, lambda spec: edit(_schema(spec, "AgentExecutionStatus")))
    with pytest.raises(SpecError, match=problem):
        create_app(api_keys=["k"], spec=path)
