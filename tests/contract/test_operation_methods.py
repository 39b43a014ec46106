"""A `Tasks` method pair made from its operation alone (`.ci/signatures.py`): an operation on
a task's ids that answers a task needs no table entry; any other shape is refused, named."""

from __future__ import annotations

import copy
import inspect
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from support import DELETE_TASK_PATH, delete_task_operation

from xpander_tasks import Tasks

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / ".ci"))
import signatures  # noqa: E402  (the generation's own script)

SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _delete_task(**changes: Any) -> dict[str, Any]:
    spec = copy.deepcopy(SPEC)
    spec["paths"][DELETE_TASK_PATH] = {"delete": delete_task_operation(**changes)}
    return spec


def test_a_new_task_operation_gets_a_documented_checked_pair() -> None:
    spec = _delete_task()
    region = signatures.client_region(signatures.create_parameters(spec), spec)
    sync = region[region.index("    def delete(") : region.index("async def adelete(")]
    assert '"""Delete a task (sync).' in sync and "task_id: The task's id." in sync
    assert 'OPERATIONS["delete_task"]' in sync and 'task_id=check_id("task_id", task_id)' in sync
    assert "return await self._atask_operation(" in region[region.index("async def adelete(") :]


def test_tasks_get_is_made_so() -> None:
    shown = list(inspect.signature(Tasks.get).parameters)
    assert shown[:2] == ["self", "task_id"] and "extra_body" not in shown
    assert (
        inspect.getdoc(Tasks.aget).splitlines()[0]
        == SPEC["paths"]["/agent-execution/{task_id}/status"]["get"]["summary"]
    )


@pytest.mark.parametrize(
    "changes",
    [
        {"x-sdk-method": "Task.delete"},  # not a `Tasks` method
        {"requestBody": {"content": {}}},  # a body
        {"parameters": [{"name": "hard", "in": "query", "schema": {"type": "boolean"}}]},
        {"responses": {"204": {"description": "Gone."}}},  # no task answered
    ],
)
def test_another_shape_is_refused_naming_the_method(changes: dict[str, Any]) -> None:
    spec = _delete_task(**changes)
    with pytest.raises(SystemExit, match=r"\.delete: only a `Tasks` method .* methods\(\)"):
        signatures.regions(spec, signatures.create_parameters(spec))
