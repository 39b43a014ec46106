""".ci/check_spec_consistency.py (run by `nox -s lint`): one operation per path and method,
examples and links that match their schemas and operations."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from typing import Any

_SOURCE = Path(__file__).resolve().parents[2] / ".ci" / "check_spec_consistency.py"
_loader = importlib.util.spec_from_file_location("check_spec_consistency", _SOURCE)
assert _loader is not None and _loader.loader is not None
consistency = importlib.util.module_from_spec(_loader)
sys.modules["check_spec_consistency"] = consistency
_loader.loader.exec_module(consistency)

SPEC_TEXT = (_SOURCE.parents[1] / "openapi.yaml").read_text()
SPEC: dict[str, Any] = consistency.load(SPEC_TEXT)
CREATE_PATH = "/agent-execution/{agent_or_task_id}"


def _problems(edit: Any) -> list[str]:
    spec = copy.deepcopy(SPEC)
    edit(spec)
    return consistency.problems(spec)  # type: ignore[no-any-return]


def test_the_spec_has_no_problem() -> None:
    assert consistency.problems(SPEC) == []


def test_a_key_given_twice_is_refused() -> None:
    text = SPEC_TEXT.replace(
        "\n  /agents/{agent_id}:\n", "\n  /agents/{agent_id}:\n    get: {}\n", 1
    )
    assert text != SPEC_TEXT
    try:
        consistency.load(text)
    except Exception as error:
        assert "key given twice: get" in str(error)
    else:
        raise AssertionError("a duplicate `get:` was accepted")


def test_a_second_operation_on_a_route_is_refused() -> None:
    def add(spec: dict[str, Any]) -> None:
        delete = copy.deepcopy(spec["paths"][CREATE_PATH]["delete"])
        delete["operationId"] = "delete_task"
        spec["paths"]["/agent-execution/{id}"] = {"delete": delete}

    assert _problems(add) == [
        f"DELETE /agent-execution/{{id}}: the same route as DELETE {CREATE_PATH}"
    ]


def test_an_example_that_no_longer_matches_is_refused() -> None:
    def stale(spec: dict[str, Any]) -> None:
        spec["components"]["examples"]["PendingTask"]["value"]["status"] = "queued"

    found = _problems(stale)
    assert found
    assert all("example" in problem and "'queued'" in problem for problem in found)


def test_a_link_to_a_missing_field_or_operation_is_refused() -> None:
    def break_links(spec: dict[str, Any]) -> None:
        links = spec["paths"][CREATE_PATH]["post"]["responses"]["200"]["links"]
        links["GetCreatedTask"]["parameters"]["task_id"] = "$response.body#/task_id"
        links["StopCreatedTask"]["operationId"] = "delete_task"

    found = _problems(break_links)
    assert any("$response.body#/task_id names no property" in problem for problem in found)
    assert any("no operation 'delete_task'" in problem for problem in found)
    assert len(found) == 2
