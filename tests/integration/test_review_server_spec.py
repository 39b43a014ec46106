"""Hostile review: a spec given to the local server that it cannot follow is refused at
start, in one line under `--spec`, never served until the first request breaks on it."""

from __future__ import annotations

import copy
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from support import FAST, write_spec
from support import SpecEdit as Edit

from xpander_tasks_server import SpecError, create_app, spec_path


def _schemas(spec: dict[str, Any]) -> dict[str, Any]:
    schemas: dict[str, Any] = spec["components"]["schemas"]
    return schemas


def _operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    return next(
        operation
        for item in spec["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and operation.get("operationId") == operation_id
    )


def _task_field(**schema: Any) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        _schemas(spec)["Task"]["properties"]["cost_usd"] = schema

    return edit


def _request_default(name: str, value: object) -> Edit:
    def edit(spec: dict[str, Any]) -> None:
        _schemas(spec)["CreateTaskRequest"]["properties"][name]["default"] = value

    return edit


def _ref_loop(spec: dict[str, Any]) -> None:
    _schemas(spec)["Loop"] = {"allOf": [{"$ref": "#/components/schemas/Knot"}]}
    _schemas(spec)["Knot"] = {"$ref": "#/components/schemas/Loop"}
    _schemas(spec)["CreateTaskRequest"]["properties"]["loop"] = {
        "$ref": "#/components/schemas/Loop"
    }


def _ref_nowhere(spec: dict[str, Any]) -> None:
    _operation(spec, "get_task")["parameters"].append({"$ref": "#/components/parameters/Nope"})


def _bad_pattern(spec: dict[str, Any]) -> None:
    _schemas(spec)["CreateTaskRequest"]["properties"]["title"]["pattern"] = "(["


def _no_operation_id(spec: dict[str, Any]) -> None:
    del _operation(spec, "get_task")["operationId"]


def _operation_id_twice(spec: dict[str, Any]) -> None:
    spec["paths"]["/agent-execution/again"] = {"get": copy.deepcopy(_operation(spec, "get_task"))}


def _no_security(spec: dict[str, Any]) -> None:
    del spec["security"]


def _properties_a_list(spec: dict[str, Any]) -> None:
    _schemas(spec)["Task"]["properties"]["title"] = "string"


HOSTILE: dict[str, tuple[Edit, str]] = {
    "default of the wrong type": (_task_field(type="number", default="cheap"), "Task.cost_usd"),
    "example that does not match": (_task_field(type="number", example="a lot"), "Task.cost_usd"),
    "request default of the wrong type": (
        _request_default("think_mode", "hardest"),
        "CreateTaskRequest.think_mode",
    ),
    "$ref loop": (_ref_loop, "$ref loop"),
    "$ref to nowhere": (_ref_nowhere, "#/components/parameters/Nope"),
    "invalid schema": (_bad_pattern, "components/schemas/CreateTaskRequest"),
    "operation without operationId": (_no_operation_id, "operationId"),
    "operationId twice": (_operation_id_twice, "get_task"),
    "no security scheme": (_no_security, "security"),
    "property not a schema": (_properties_a_list, "components/schemas/Task"),
}


@pytest.mark.parametrize("case", HOSTILE)
def test_a_spec_the_server_cannot_follow_is_refused_at_start(tmp_path: Path, case: str) -> None:
    edit, named = HOSTILE[case]
    with pytest.raises(SpecError) as caught:
        create_app(api_keys=["k"], spec=write_spec(tmp_path, edit))
    assert named in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize("case", ["$ref to nowhere", "no security scheme", "invalid schema"])
def test_the_command_line_refuses_it_in_one_line(tmp_path: Path, case: str) -> None:
    path = write_spec(tmp_path, HOSTILE[case][0])
    argv = [sys.executable, "-m", "xpander_tasks_server", "--spec", str(path), "--port", "0"]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and done.stdout == "", done.stderr
    (line,) = done.stderr.splitlines()
    assert line.startswith("xpander-tasks-server: --spec: ")


def test_the_packaged_spec_passes_the_checks() -> None:
    create_app(api_keys=["k"], spec=spec_path())


def _self_containing(spec: dict[str, Any]) -> None:
    loop: dict[str, Any] = {"type": "object"}
    loop["allOf"] = [loop]  # YAML writes it as an alias inside its own anchor
    _schemas(spec)["Loop"] = loop


def _alias_bomb(spec: dict[str, Any]) -> None:
    level: list[Any] = ["lol"] * 9
    for _ in range(9):  # 9**10 strings once expanded, a few lines of YAML
        level = [level] * 9
    spec["x-lols"] = level


YAML_HOSTILE: dict[str, tuple[Edit, str, str]] = {
    "an alias inside itself": (_self_containing, "", "contains itself"),
    "an alias bomb": (_alias_bomb, "", "too large"),
    "nested too deeply": (lambda spec: None, "x-deep: " + "[" * 5000 + "]" * 5000, "deeply"),
}


@pytest.mark.parametrize("case", YAML_HOSTILE)
def test_a_yaml_document_no_walk_can_finish_is_refused(tmp_path: Path, case: str) -> None:
    """YAML aliases can make a document contain itself, or grow past any size once expanded:
    refused at once, not a RecursionError or minutes of work."""
    edit, tail, problem = YAML_HOSTILE[case]
    path = write_spec(tmp_path, edit)
    path.write_text(path.read_text() + tail + "\n")
    started = time.monotonic()
    with pytest.raises(SpecError, match=problem):
        create_app(api_keys=["k"], spec=path)
    assert time.monotonic() - started < FAST
