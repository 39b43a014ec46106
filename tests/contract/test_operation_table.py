"""One table of operations, generated from openapi.yaml (`spec_extensions.OPERATIONS`): what
the client sends by (method, path, label, may-have-acted hint, streaming), which public
method sends each, and what adding an operation takes: its spec entry, a method pair, the
server's handler."""

from __future__ import annotations

import copy
import importlib
import importlib.util
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml
from support import DELETE_TASK_HINT, DELETE_TASK_PATH, delete_task_operation

import xpander_tasks
from xpander_tasks_api import spec_extensions
from xpander_tasks_server import load_spec, spec_path

_ROOT = Path(__file__).resolve().parents[2]
_SOURCE = _ROOT / ".ci" / "spec_extensions.py"
SPEC: dict[str, Any] = yaml.safe_load(spec_path().read_text())
OPERATIONS = spec_extensions.OPERATIONS


def _generated(spec: dict[str, Any], tmp_path: Path) -> ModuleType:
    """`.ci/spec_extensions.py` run on `spec` into `tmp_path`, its output imported."""
    spec_file, target = tmp_path / "openapi.yaml", tmp_path / "spec_extensions.py"
    spec_file.write_text(yaml.safe_dump(spec))
    subprocess.run(
        [sys.executable, str(_SOURCE), str(spec_file), str(target)], check=True, timeout=50
    )
    loader = importlib.util.spec_from_file_location("fresh_spec_extensions", target)
    assert loader is not None and loader.loader is not None
    module = importlib.util.module_from_spec(loader)
    loader.loader.exec_module(module)
    return module


def test_a_new_operation_in_the_spec_gets_its_entry(tmp_path: Path) -> None:
    spec = copy.deepcopy(SPEC)
    spec["paths"][DELETE_TASK_PATH] = {"delete": delete_task_operation()}
    fresh = _generated(spec, tmp_path)
    assert fresh.OPERATIONS["delete_task"] == fresh.Operation(
        operation_id="delete_task",
        method="DELETE",
        path=DELETE_TASK_PATH,
        label="delete task",
        may_have_acted=DELETE_TASK_HINT,
        streaming=False,
        sdk_method="Tasks.delete",
        endpoint="xpander_tasks_api.api.tasks.delete_task",
    )
    # The others are as committed: the new one changes nothing else.
    assert {
        key: tuple(entry) for key, entry in fresh.OPERATIONS.items() if key != "delete_task"
    } == {key: tuple(entry) for key, entry in OPERATIONS.items()}


def test_the_table_is_the_specs() -> None:
    served = {(op.operation_id, op.method, op.path) for op in load_spec().operations()}
    assert served == {(key, op.method, op.path) for key, op in OPERATIONS.items()}
    assert all(key == op.operation_id for key, op in OPERATIONS.items())
    # Only the events answer is a stream; only the changes are unsafe to repeat.
    assert [key for key, op in OPERATIONS.items() if op.streaming] == ["stream_task_events"]
    assert {key for key, op in OPERATIONS.items() if op.may_have_acted} == {
        "create_task",
        "stop_task",
        "update_task",
        "report_external_task",
    }


def test_each_entry_names_its_generated_endpoint() -> None:
    for operation in OPERATIONS.values():
        endpoint = importlib.import_module(operation.endpoint)
        parts = endpoint.request_kwargs.__name__, endpoint.parse_response.__name__
        assert parts == ("_get_kwargs", "_parse_response"), operation.operation_id


def test_each_named_method_is_a_sync_and_async_pair() -> None:
    for operation in OPERATIONS.values():
        assert operation.sdk_method, f"{operation.operation_id} has no x-sdk-method"
        owner, method = operation.sdk_method.split(".")
        cls = getattr(xpander_tasks, owner)
        assert callable(getattr(cls, method)), operation.sdk_method
        assert callable(getattr(cls, f"a{method}")), operation.sdk_method


def test_the_overlay_names_only_operations_of_the_table() -> None:
    named = set()
    for source in (_ROOT / "overlay" / "xpander_tasks").glob("*.py"):
        named |= set(re.findall(r"OPERATIONS\[[\"'](\w+)[\"']\]", source.read_text()))
    assert named and named <= set(OPERATIONS)
    # Every operation has a caller: an unused entry would be a route nothing sends.
    assert named == set(OPERATIONS)
