""".ci/spec_diff.py, the breaking-change gate of `nox -s spec-diff`: each change to openapi.yaml
classified, and a breaking one passing only when the changelog names it."""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from xpander_tasks_server import spec_path

_SOURCE = Path(__file__).resolve().parents[2] / ".ci" / "spec_diff.py"
sys.path.insert(0, str(_SOURCE.parent))  # as when run: its sibling check_spec_consistency
_loader = importlib.util.spec_from_file_location("spec_diff", _SOURCE)
assert _loader is not None and _loader.loader is not None
spec_diff = importlib.util.module_from_spec(_loader)
sys.modules["spec_diff"] = spec_diff  # dataclasses look their module up
_loader.loader.exec_module(spec_diff)

SPEC: dict[str, Any] = yaml.safe_load(spec_path().read_text())
CREATE = SPEC["paths"]["/agent-execution/{agent_or_task_id}"]["post"]


def _create_body(spec: dict[str, Any]) -> dict[str, Any]:
    path = spec["paths"]["/agent-execution/{agent_or_task_id}"]["post"]
    schema = path["requestBody"]["content"]["application/json"]["schema"]
    return spec_diff.resolve(spec, schema)  # type: ignore[no-any-return]


def _task_schema(spec: dict[str, Any]) -> dict[str, Any]:
    return spec["components"]["schemas"]["Task"]  # type: ignore[no-any-return]


def _changes(edit: Any) -> list[Any]:
    new = copy.deepcopy(SPEC)
    edit(new)
    return spec_diff.diff(SPEC, new)


def test_the_same_spec_has_no_change() -> None:
    assert spec_diff.diff(SPEC, copy.deepcopy(SPEC)) == []


def test_a_removed_answer_field_is_breaking() -> None:
    changes = _changes(lambda spec: _task_schema(spec)["properties"].pop("finished_at"))
    assert any(c.breaking and c.subject == "finished_at" and c.what == "removed" for c in changes)


def test_a_renamed_required_answer_field_is_breaking() -> None:
    def rename(spec: dict[str, Any]) -> None:
        task = _task_schema(spec)
        task["properties"]["created"] = task["properties"].pop("created_at")
        task["required"] = ["created" if n == "created_at" else n for n in task["required"]]

    changes = _changes(rename)
    assert any(c.breaking and c.subject == "created_at" and c.what == "removed" for c in changes)


def test_a_new_required_request_field_is_breaking() -> None:
    def require(spec: dict[str, Any]) -> None:
        body = _create_body(spec)
        body["properties"]["priority"] = {"type": "integer"}
        body.setdefault("required", []).append("priority")

    changes = _changes(require)
    assert [c.subject for c in changes if c.breaking] == ["priority"]


def test_a_narrowed_enum_is_breaking() -> None:
    def narrow(spec: dict[str, Any]) -> None:
        status = spec["components"]["schemas"]["AgentExecutionStatus"]
        status["enum"] = status["enum"][:-1]

    changes = _changes(narrow)
    assert changes and all(c.breaking for c in changes)
    assert all("enum values removed" in c.what for c in changes)


def test_an_added_optional_field_is_not_breaking() -> None:
    changes = _changes(lambda spec: _create_body(spec)["properties"].update(priority={}))
    assert changes and not any(c.breaking for c in changes)
    assert any(c.subject == "priority" and c.what == "added, optional" for c in changes)


def test_a_removed_operation_is_breaking() -> None:
    changes = _changes(lambda spec: spec["paths"].pop("/agents/{agent_id}"))
    assert [(c.subject, c.breaking) for c in changes] == [("get_agent", True)]


def test_a_filter_made_required_or_a_status_removed_is_breaking() -> None:
    def tighten(spec: dict[str, Any]) -> None:
        spec["components"]["parameters"]["StatusFilter"]["required"] = True
        spec["paths"]["/agents/{agent_id}"]["get"]["responses"].pop("404")

    changes = _changes(tighten)
    assert {(c.subject, c.what) for c in changes if c.breaking} == {
        ("status", "now required"),
        ("404", "removed"),
    }


@pytest.mark.parametrize(
    ("changelog", "blocked"),
    [
        ("# Changelog\n\n## Unreleased\n\n- Breaking: `finished_at` removed\n", False),
        ("# Changelog\n\n## Unreleased\n\n- `finished_at` removed\n", True),  # not said breaking
        ("## Unreleased\n\n## 1.0\n- Breaking: `finished_at` removed\n", True),  # an old version
        ("# Changelog\n", True),
    ],
)
def test_a_breaking_change_passes_only_when_the_changelog_names_it(
    changelog: str, blocked: bool
) -> None:
    changes = _changes(lambda spec: _task_schema(spec)["properties"].pop("finished_at"))
    assert bool(spec_diff.unnamed(changes, changelog)) is blocked


def test_the_gate_compares_with_a_ref_and_passes_without_change(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert spec_diff.main(["--against", "HEAD"]) == 0
    assert "openapi.yaml against HEAD: 0 change(s)" in capsys.readouterr().out


def _repo(path: Path) -> Any:
    """A git repository at `path`, on `main`; returns a function that commits openapi.yaml."""

    def run(*args: str) -> str:
        done = subprocess.run(
            ["git", "-c", "user.name=t", "-c", "user.email=t@t", *args],
            cwd=path,
            capture_output=True,
            text=True,
            check=True,
        )
        return done.stdout.strip()

    run("init", "-q", "-b", "main")

    def commit(text: str) -> str:
        (path / "openapi.yaml").write_text(text)
        run("add", "openapi.yaml")
        run("commit", "-q", "-m", text)
        return run("rev-parse", "HEAD")

    commit.run = run  # type: ignore[attr-defined]
    return commit


def test_the_base_on_main_is_the_spec_before_its_last_change(tmp_path: Path) -> None:
    commit = _repo(tmp_path)
    first = commit("one")
    commit("two")
    assert spec_diff.base_ref(tmp_path) == first


def test_the_base_of_a_branch_is_where_it_left_main(tmp_path: Path) -> None:
    commit = _repo(tmp_path)
    fork = commit("one")
    commit.run("checkout", "-q", "-b", "feature")
    commit("two")
    assert spec_diff.base_ref(tmp_path) == fork


def test_the_base_is_the_last_tag_when_there_is_one(tmp_path: Path) -> None:
    commit = _repo(tmp_path)
    commit("one")
    commit.run("tag", "v1.0.0")
    commit("two")
    assert spec_diff.base_ref(tmp_path) == "v1.0.0"


def test_a_clone_without_history_has_no_base(tmp_path: Path) -> None:
    _repo(tmp_path)("one")
    assert spec_diff.base_ref(tmp_path) is None


def test_a_ref_wrapped_in_allof_for_a_default_is_no_change() -> None:
    def wrap(spec: dict[str, Any]) -> None:
        status = _task_schema(spec)["properties"]["status"]
        _task_schema(spec)["properties"]["status"] = {"allOf": [status], "default": "pending"}

    assert [c for c in _changes(wrap) if c.breaking] == []


def test_an_answer_shape_that_became_one_of_several_breaks_only_if_none_fits() -> None:
    def widen(spec: dict[str, Any]) -> None:
        task = _task_schema(spec)
        old = task["properties"]["finished_at"]
        task["properties"]["finished_at"] = {"anyOf": [{"type": "integer"}, old]}

    assert [c for c in _changes(widen) if c.breaking] == []

    def replace(spec: dict[str, Any]) -> None:
        task = _task_schema(spec)
        task["properties"]["finished_at"] = {"anyOf": [{"type": "integer"}, {"type": "boolean"}]}

    assert any(c.breaking and c.subject == "finished_at" for c in _changes(replace))
