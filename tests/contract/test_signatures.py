"""The public signatures come from openapi.yaml (`.ci/signatures.py`): each body field is a
parameter and each parameter a field or a declared setting; a new field is a typed, checked,
documented keyword; every public method's parameters are in its own `def`, each documented."""

from __future__ import annotations

import copy
import importlib.util
import inspect
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from xpander_tasks import (
    Agent,
    Agents,
    AgentsListItem,
    InvalidArgumentError,
    Task,
    Tasks,
    TasksListItem,
)
from xpander_tasks._params import _Body
from xpander_tasks._spec_params import (
    CREATE_CHECKS,
    CREATE_DEFAULTS,
    CREATE_FIELDS,
    REPORT_DEFAULTS,
    UPDATE_DEFAULTS,
    create_task_call,
    get_agent_call,
    get_task_call,
    list_tasks_call,
    list_user_tasks_call,
)

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("signatures", ROOT / ".ci" / "signatures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("signatures", module)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _body_fields(spec: dict[str, Any]) -> set[str]:
    schemas = spec["components"]["schemas"]
    fields = set(schemas["CreateTaskRequest"]["properties"]) - {"input"}
    return fields | {f"input.{name}" for name in schemas["TaskInput"]["properties"]}


def test_each_create_field_is_a_parameter_and_each_parameter_a_field_or_setting() -> None:
    parameters = inspect.signature(Tasks.create).parameters.keys() - {"self"}
    wire = {CREATE_FIELDS.get(name, name) for name in parameters}
    outside = set(SCRIPT.OUTSIDE_TYPES) | set(SCRIPT.SETTINGS)
    assert _body_fields(SPEC) == wire - outside
    assert outside <= set(parameters)


@pytest.mark.parametrize("method", [Tasks.create, Tasks.acreate, Agent.create_task])
def test_the_checkers_defaults_are_the_signatures_in_its_order(method: Any) -> None:
    """The methods pass their body parameters once, as a dict in `CREATE_DEFAULTS`' order;
    a default passed on is the very object the checker takes as prepared."""
    parameters = inspect.signature(method).parameters
    body = [name for name in parameters if name in CREATE_DEFAULTS]
    assert set(body) == set(CREATE_DEFAULTS) and len(CREATE_DEFAULTS) == 31
    if method is not Agent.create_task:  # the SDK's order there: `prompt` first
        assert body == list(CREATE_DEFAULTS)
    for name, default in CREATE_DEFAULTS.items():
        if (method, name) != (Agent.create_task, "source"):  # the SDK's "sdk" there
            assert parameters[name].default is default, name


@pytest.mark.parametrize("method", [Tasks.create, Tasks.acreate])
def test_the_methods_own_def_has_the_generated_parameters_and_the_spec_descriptions(
    method: Any,
) -> None:
    assert list(inspect.signature(method).parameters)[1:] == [
        *(parameter["name"] for parameter in SCRIPT.create_parameters(SPEC)),
        *SCRIPT.SETTINGS,
    ]
    doc = inspect.getdoc(method) or ""
    description = SPEC["components"]["schemas"]["CreateTaskRequest"]["properties"]
    assert f"worker_id: {description['worker_id']['description']}" in doc
    assert "prompt: Natural-language input" in doc


def test_a_spec_check_the_generator_drops_is_made_before_sending() -> None:
    assert CREATE_CHECKS["tool_call_limit"] == {"minimum": 0}
    with pytest.raises(InvalidArgumentError, match="tool_call_limit"):
        create_task_call("agent-1", tool_call_limit=-1)
    assert create_task_call("agent-1", tool_call_limit=0).body.tool_call_limit == 0


def _with_priority() -> dict[str, Any]:
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["CreateTaskRequest"]["properties"]["priority"] = {
        "type": ["integer", "null"],
        "minimum": 0,
        "maximum": 10,
        "description": "How soon the task runs, 0 to 10.",
    }
    return spec


def test_a_new_optional_field_in_a_copy_of_the_spec_becomes_a_typed_checked_keyword() -> None:
    """The derivation run on a temporary copy of the spec with `priority` added (the whole
    generation is `nox -s generate`'s; this checks what it writes for the field)."""
    spec = _with_priority()
    parameters = SCRIPT.create_parameters(spec)
    priority = next(p for p in parameters if p["name"] == "priority")
    assert priority["annotation"] == "int | None = None"
    assert not priority["positional"]  # the SDK's positional order is unchanged
    assert priority["checks"] == {"minimum": 0, "maximum": 10}
    module = SCRIPT.params_module(parameters, spec)
    assert '"priority": None,' in module  # the checker's table
    assert "'priority': {'minimum': 0, 'maximum': 10}" in module
    region = SCRIPT.client_region(parameters)
    create = region[: region.index("async def acreate(")]
    assert "        priority: int | None = None,\n" in create.split("*,")[1]
    assert "priority: How soon the task runs, 0 to 10." in create
    assert region.count('"priority": priority,') == 2  # create and acreate send it


def test_the_spec_checks_refuse_what_the_server_would_refuse() -> None:
    """The checks a new field gets, on a body built from a small synthetic signature."""

    body = _Body(
        "CreateTaskRequest", {"tool_call_limit": None, "title": None}, fields={},
        checks={"tool_call_limit": {"minimum": 0, "maximum": 10},
                "title": {"maxLength": 3, "pattern": "^[a-z]+$"}},
    )  # fmt: skip
    built = body({"tool_call_limit": 10, "title": "abc"})
    assert (built.tool_call_limit, built.title) == (10, "abc")
    assert body({"tool_call_limit": None, "title": None}).title is None
    for arguments, words in (
        ({"tool_call_limit": 11, "title": None}, "tool_call_limit.*<= 10"),
        ({"tool_call_limit": None, "title": "abcd"}, "title.*at most 3 characters"),
        ({"tool_call_limit": None, "title": "AB"}, "title.*must match the pattern"),
    ):
        with pytest.raises(InvalidArgumentError, match=words):
            body(arguments)


def _query_parameters(operation_id: str) -> set[str]:
    """The query parameters of an operation, its `$ref`s resolved."""
    for path in SPEC["paths"].values():
        for operation in path.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                listed = [
                    SPEC["components"]["parameters"][p["$ref"].rsplit("/", 1)[1]]
                    if "$ref" in p
                    else p
                    for p in operation.get("parameters", [])
                ]
                return {p["name"] for p in listed if p["in"] == "query"}
    raise AssertionError(f"no operation {operation_id}")


SETTINGS = set(SCRIPT.SETTINGS)  # the per-call settings, extras included


UPDATE_AND_REPORT = [
    (Tasks.update, "UpdateTaskRequest", UPDATE_DEFAULTS, {"self", "task_id"}),
    (Tasks.aupdate, "UpdateTaskRequest", UPDATE_DEFAULTS, {"self", "task_id"}),
    (Task.report_external_task, "ReportExternalTaskRequest", REPORT_DEFAULTS,
     {"configuration", "agent_id", "client"}),
    (Task.areport_external_task, "ReportExternalTaskRequest", REPORT_DEFAULTS,
     {"configuration", "agent_id", "client"}),
]  # fmt: skip


@pytest.mark.parametrize(("method", "schema", "defaults", "outside"), UPDATE_AND_REPORT)
def test_each_update_and_report_field_is_a_parameter_and_the_reverse(
    method: Any, schema: str, defaults: dict[str, Any], outside: set[str]
) -> None:
    parameters = set(inspect.signature(method).parameters) - SETTINGS - outside
    assert parameters == set(SPEC["components"]["schemas"][schema]["properties"])
    assert set(defaults) == parameters


@pytest.mark.parametrize(("method", "schema", "defaults", "outside"), UPDATE_AND_REPORT)
def test_the_update_and_report_checkers_defaults_are_the_signatures_in_its_order(
    method: Any, schema: str, defaults: dict[str, Any], outside: set[str]
) -> None:
    """As create's: the methods pass their body parameters once, as a dict in the checker's
    order, each default the very object the checker takes as prepared."""
    parameters = inspect.signature(method).parameters
    assert [name for name in parameters if name in defaults] == list(defaults)
    for name, default in defaults.items():
        assert parameters[name].default is default, name


@pytest.mark.parametrize(
    ("build", "operation_id", "owner"),
    [
        (list_tasks_call, "list_tasks", "agent_id"),
        (list_user_tasks_call, "list_user_tasks", "user_id"),
    ],
)
def test_each_list_filter_is_a_keyword_and_the_reverse(
    build: Any, operation_id: str, owner: str
) -> None:
    parameters = set(inspect.signature(build).parameters) - SETTINGS - {owner, "filters"}
    assert parameters == _query_parameters(operation_id)


@pytest.mark.parametrize(
    ("method", "build"),
    [
        (Tasks.list, list_tasks_call),
        (Tasks.alist, list_tasks_call),
        (Tasks.list_user_tasks, list_user_tasks_call),
        (Tasks.alist_user_tasks, list_user_tasks_call),
        (Tasks.get, get_task_call),
        (Tasks.astop, get_task_call),
        (Agents.aget, get_agent_call),
    ],
)
def test_the_methods_take_their_builders_parameters(method: Any, build: Any) -> None:
    shown = [p for p in inspect.signature(method).parameters if p not in {"self", "cls"}]
    assert shown == list(inspect.signature(build).parameters)


def test_a_new_update_field_in_a_copy_of_the_spec_becomes_a_checked_parameter() -> None:
    spec = copy.deepcopy(SPEC)
    spec["components"]["schemas"]["UpdateTaskRequest"]["properties"]["note"] = {
        "type": ["string", "null"],
        "maxLength": 200,
        "description": "A note kept with the task.",
    }
    module = SCRIPT.params_module(SCRIPT.create_parameters(spec), spec)
    checker = module[module.index("UPDATE_DEFAULTS: Final") : module.index("REPORT_DEFAULTS")]
    assert '"note": None,' in checker
    assert "'note': {'maxLength': 200}" in checker
    region = SCRIPT.client_region(SCRIPT.create_parameters(spec), spec)
    update = region[region.index("    def update(") : region.index("    async def aupdate(")]
    assert "        note: str | None = None,\n" in update.split("*,")[0]
    assert "note: A note kept with the task." in update
    assert '"note": note,' in update  # passed once, to UPDATE_BODY


def test_a_new_list_filter_in_a_copy_of_the_spec_becomes_a_documented_keyword() -> None:
    spec = copy.deepcopy(SPEC)
    spec["paths"]["/agent-execution/executions/history/{agent_id}"]["get"]["parameters"].append(
        {"name": "source", "in": "query", "required": False,
         "description": "Only the tasks of this origin.", "schema": {"type": "string"}}
    )  # fmt: skip
    module = SCRIPT.params_module(SCRIPT.create_parameters(spec), spec)
    listed = module[
        module.index("def list_tasks_call(") : module.index("def list_user_tasks_call(")
    ]
    assert "    source: str | None = None,\n" in listed.split("*,")[1]
    assert "source: Only the tasks of this origin." in listed
    assert '"source": source' in listed
    region = SCRIPT.client_region(SCRIPT.create_parameters(spec), spec)
    assert region.count("source=source,") >= 2  # list and alist pass it by name


# Every public method of the resources and bound models, defined in the overlay's modules.
RESOURCE_MODULES = {
    "xpander_tasks._client",
    "xpander_tasks._task",
    "xpander_tasks._list_item",
    "xpander_tasks._agents",
}


def _public_methods() -> list[tuple[str, Any]]:
    found = []
    for cls in (Tasks, Agents, Task, TasksListItem, Agent, AgentsListItem):
        for name, value in vars(cls).items():
            function = getattr(value, "__func__", value)
            if name.startswith("_") or not inspect.isfunction(function):
                continue
            if function.__module__ in RESOURCE_MODULES:
                found.append((f"{cls.__name__}.{name}", getattr(cls, name)))
    return found


PUBLIC_METHODS = _public_methods()


def _documented(method: Any) -> dict[str, str]:
    """The `Args:` section of a method's docstring: parameter -> its text, one line."""
    lines = (inspect.getdoc(method) or "").splitlines()
    if "Args:" not in lines:
        return {}
    documented: dict[str, str] = {}
    name = ""
    for line in lines[lines.index("Args:") + 1 :]:
        if not line.strip():
            break
        if not line.startswith("        "):  # a new parameter (four spaces in)
            name, _, text = line.strip().partition(":")
            name = name.lstrip("*")
            documented[name] = text.strip()
        else:
            documented[name] += " " + line.strip()
    return documented


def test_the_public_methods_are_found() -> None:
    names = {name for name, _ in PUBLIC_METHODS}
    assert {"Tasks.get", "Task.asave", "Agent.create_task", "Agents.alist", "Task.wait"} <= names


@pytest.mark.parametrize(("name", "method"), PUBLIC_METHODS, ids=[n for n, _ in PUBLIC_METHODS])
def test_every_parameter_of_a_public_method_is_documented_in_its_args(
    name: str, method: Any
) -> None:
    parameters = [p for p in inspect.signature(method).parameters if p not in {"self", "cls"}]
    documented = _documented(method)
    assert list(documented) == parameters, f"{name}: its Args are not its parameters"
    assert all(documented.values()), f"{name}: a parameter without a description"


@pytest.mark.parametrize(("name", "method"), PUBLIC_METHODS, ids=[n for n, _ in PUBLIC_METHODS])
def test_a_public_methods_signature_is_its_own_def(name: str, method: Any) -> None:
    """No decorator rewrites a signature: what `help()` and IDEs show is the `def` itself,
    whose code names the same parameters."""
    function = inspect.unwrap(getattr(method, "__func__", method))
    assert "__signature__" not in vars(function)
    assert function.__qualname__ == name
    code = function.__code__
    count = code.co_argcount + code.co_kwonlyargcount
    count += bool(code.co_flags & inspect.CO_VARARGS) + bool(code.co_flags & inspect.CO_VARKEYWORDS)
    own = list(inspect.signature(function).parameters)
    assert list(code.co_varnames[:count]) == own
    shown = list(inspect.signature(method).parameters)
    assert shown == [p for p in own if not (p in {"self", "cls"} and inspect.ismethod(method))]


def test_the_per_call_settings_docs_have_one_source() -> None:
    """Each setting a public method takes is documented by SETTINGS' words, and those words
    are written nowhere else by hand (the generated regions and `_spec_params` are written
    from SETTINGS)."""
    taken = 0
    for name, method in PUBLIC_METHODS:
        parameters = inspect.signature(method).parameters
        for setting, text in _documented(method).items():
            # A keyword-only setting (`Task.wait`'s positional `timeout` is its own).
            if (
                setting in SCRIPT.SETTINGS
                and parameters[setting].kind is parameters[setting].KEYWORD_ONLY
            ):
                taken += 1
                assert text == " ".join(SCRIPT.SETTINGS[setting][1].split()), (name, setting)
    assert taken > 50
    for path in sorted((ROOT / "overlay" / "xpander_tasks").glob("*.py")):
        if path.name == "_spec_params.py":
            continue
        text = path.read_text()
        for cls in ("Tasks", "Task", "Agent", "Agents"):
            begin, end = SCRIPT.region_marks(cls)
            if begin in text:
                text = text[: text.index(begin)] + text[text.index(end) :]
        for setting, (_, doc) in SCRIPT.SETTINGS.items():
            assert doc[:40] not in text, f"{path.name} restates the doc of {setting}"


def test_the_settings_table_documents_each_setting_the_checker_takes() -> None:
    from xpander_tasks._params import call_options

    assert list(SCRIPT.SETTINGS) == list(inspect.signature(call_options).parameters)
    assert all(doc for _, doc in SCRIPT.SETTINGS.values())
