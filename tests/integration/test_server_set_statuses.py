"""The statuses the local server sets by itself come from the spec it serves: a stop's and a
report's (`x-sets-status`, `x-sets-status-on-failure` on the operation) and the time a
change to a status stamps (`x-set-on-status` on a `Task` property)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from support import SPEC_DATA as SPEC
from support import TaskServerFactory, client_for, write_spec
from support import spec_schema as _schema

from xpander_tasks_server import SpecError, create_app

CREATE = "/agent-execution/agent-123"


def _operation(spec: dict[str, Any], path: str, method: str) -> dict[str, Any]:
    operation: dict[str, Any] = spec["paths"][path][method]
    return operation


STOP = ("/agent-execution/{agent_or_task_id}", "delete")
REPORT = ("/agent-execution/{agent_id}/report_task", "post")


def test_the_project_spec_states_what_the_server_did_by_hand() -> None:
    assert _operation(SPEC, *STOP)["x-sets-status"] == "stopped"
    assert _operation(SPEC, *REPORT)["x-sets-status"] == "completed"
    assert _operation(SPEC, *REPORT)["x-sets-status-on-failure"] == "failed"
    assert _schema(SPEC, "Task")["properties"]["paused_at"]["x-set-on-status"] == "paused"


def test_the_set_statuses_follow_the_spec(
    tmp_path: Path, make_task_server: TaskServerFactory
) -> None:
    def edit(spec: dict[str, Any]) -> None:
        status = _schema(spec, "AgentExecutionStatus")
        status["enum"].append("cancelled")
        status["x-final-statuses"].append("cancelled")
        _operation(spec, *STOP)["x-sets-status"] = "cancelled"
        _operation(spec, *REPORT)["x-sets-status-on-failure"] = "error"
        task = _schema(spec, "Task")["properties"]
        del task["paused_at"]["x-set-on-status"]
        task["held_at"] = {"type": ["string", "null"], "format": "date-time", "default": None}
        task["held_at"]["x-set-on-status"] = "paused"

    server = make_task_server(spec=write_spec(tmp_path, edit), step_delay=30)
    with client_for(server) as client:
        first = client.post(CREATE, json={"input": {"text": "a"}}).json()["id"]
        stopped = client.delete(f"/agent-execution/{first}").json()
        second = client.post(CREATE, json={"input": {"text": "b"}}).json()["id"]
        paused = client.patch(f"/agent-execution/{second}/update", json={"status": "paused"})
        report = "/agent-execution/agent-123/report_task"
        failed = client.post(report, json={"is_success": False}).json()
        succeeded = client.post(report, json={"is_success": True}).json()
    assert (stopped["status"], stopped["is_manually_stopped"]) == ("cancelled", True)
    assert stopped["finished_at"] is not None  # a final status: the spec's
    assert paused.json()["held_at"] is not None and paused.json()["paused_at"] is None
    assert (failed["status"], succeeded["status"]) == ("error", "completed")


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (
            lambda spec: _operation(spec, *STOP).pop("x-sets-status"),
            r"stop_task: x-sets-status must be a value of AgentExecutionStatus, not None",
        ),
        (
            lambda spec: _operation(spec, *REPORT).update({"x-sets-status-on-failure": "oops"}),
            r"report_external_task: x-sets-status-on-failure must be .* not 'oops'",
        ),
        (
            lambda spec: _schema(spec, "Task")["properties"]["paused_at"].update(
                {"x-set-on-status": "asleep"}
            ),
            r"Task: paused_at's x-set-on-status must be .* not 'asleep'",
        ),
    ],
    ids=["stop without", "report unknown", "stamp unknown"],
)
def test_a_status_the_server_cannot_set_stops_the_start(
    tmp_path: Path, edit: Any, problem: str
) -> None:
    with pytest.raises(SpecError, match=problem):
        create_app(api_keys=["k"], spec=write_spec(tmp_path, edit))
