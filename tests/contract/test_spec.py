"""The contract itself: openapi.yaml describes every field of the wire-contract page."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml
from support import ROOT, SPEC_PATH
from wire_contract import AGENT_VERSION_HEADER, FIELDS, WireField

SPEC: dict[str, Any] = yaml.safe_load(SPEC_PATH.read_text())
WIRE_CONTRACT_PAGE = ROOT.parent / "shared" / "reference" / "wire-contract.md"


def resolve(schema: dict[str, Any]) -> dict[str, Any]:
    """Follow a $ref, and a one-item allOf/anyOf-with-null, to the schema that says the type."""
    while True:
        if "$ref" in schema:
            name = schema["$ref"].rsplit("/", 1)[-1]
            schema = SPEC["components"]["schemas"][name]
            continue
        options = [
            s for s in schema.get("allOf", []) + schema.get("anyOf", []) if s != {"type": "null"}
        ]
        if len(options) == 1 and "type" not in schema:
            schema = options[0]
            continue
        return schema


def json_types(schema: dict[str, Any]) -> set[str]:
    declared = resolve(schema).get("type")
    types = set(declared) if isinstance(declared, list) else {declared}
    return types - {"null"}


def field_schema(path: tuple[str, ...]) -> dict[str, Any]:
    schema = SPEC["components"]["schemas"]["CreateTaskRequest"]
    for name in path:
        schema = resolve(schema)["properties"][name]
    return schema


@pytest.mark.parametrize("field", FIELDS, ids=lambda field: field.parameter)
def test_every_create_parameter_is_in_the_spec_with_its_type(field: WireField) -> None:
    assert json_types(field_schema(field.path)) == {field.json_type}


def test_enums_hold_the_wire_values() -> None:
    expected = {
        ("output_format",): ["text", "markdown", "json", "voice"],
        ("think_mode",): ["default", "harder"],
        ("llm_reasoning_effort",): ["low", "medium", "high", "xhigh"],
    }
    for path, values in expected.items():
        assert resolve(field_schema(path))["enum"] == values
    statuses = resolve(SPEC["components"]["schemas"]["Task"]["properties"]["status"])["enum"]
    assert statuses == ["pending", "executing", "paused", "error", "failed", "completed", "stopped"]


def test_nested_objects_match_the_wire_contract() -> None:
    schemas = SPEC["components"]["schemas"]
    assert schemas["User"]["required"] == ["email"]
    assert set(schemas["User"]["properties"]) == {
        "email",
        "id",
        "first_name",
        "last_name",
        "timezone",
        "additional_attributes",
    }
    assert schemas["Principal"]["required"] == ["kind", "id"]
    assert schemas["AttachmentRef"]["required"] == ["url"]
    mcp = schemas["MCPServerDetails"]["properties"]
    assert {
        name: mcp[name].get("default") for name in ("type", "transport", "auth_type", "sso_token")
    } == {
        "type": "remote",
        "transport": "streamable-http",
        "auth_type": "none",
        "sso_token": "access",
    }
    for secret in ("api_key", "client_secret"):
        assert mcp[secret]["format"] == "password"


def test_agent_version_is_a_header_and_the_key_is_required_everywhere() -> None:
    create = SPEC["paths"]["/agent-execution/{agent_or_task_id}"]["post"]
    parameters = [
        resolve(p)
        if "$ref" not in p
        else SPEC["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]]
        for p in create["parameters"]
    ]
    header = next(p for p in parameters if p["in"] == "header")
    assert header["name"] == AGENT_VERSION_HEADER and header["required"] is False
    assert SPEC["components"]["securitySchemes"]["ApiKeyAuth"] == {
        "type": "apiKey",
        "in": "header",
        "name": "x-api-key",
        "description": SPEC["components"]["securitySchemes"]["ApiKeyAuth"]["description"],
    }
    assert SPEC["security"] == [{"ApiKeyAuth": []}]
    for path_item in SPEC["paths"].values():
        for operation in path_item.values():
            assert "security" not in operation  # none opts out of the global requirement


def test_task_and_error_responses() -> None:
    task = SPEC["components"]["schemas"]["Task"]
    # `status` too: the API always sends it, so that it is typed `AgentExecutionStatus`.
    assert task["required"] == [
        "id",
        "agent_id",
        "organization_id",
        "input",
        "created_at",
        "status",
    ]
    assert task["additionalProperties"] is True
    responses = SPEC["paths"]["/agent-execution/{agent_or_task_id}"]["post"]["responses"]
    assert set(responses) == {"200", "400", "401", "403", "404", "422", "429", "500"}
    for status, response in responses.items():
        if status != "200":
            name = response["$ref"].rsplit("/", 1)[-1]
            content = SPEC["components"]["responses"][name]["content"]["application/json"]
            assert content["schema"] == {"$ref": "#/components/schemas/Error"}


def test_create_links_to_get_task() -> None:
    ok = SPEC["paths"]["/agent-execution/{agent_or_task_id}"]["post"]["responses"]["200"]
    link = ok["links"]["GetCreatedTask"]
    assert link == {
        **link,
        "operationId": "get_task",
        "parameters": {"task_id": "$response.body#/id"},
    }
    assert SPEC["paths"]["/agent-execution/{task_id}/status"]["get"]["operationId"] == "get_task"


def test_the_table_covers_the_whole_wire_contract_page() -> None:
    """Cross-check the embedded table against the page itself (beside the repo in CI)."""
    if not WIRE_CONTRACT_PAGE.exists():
        pytest.skip("shared/reference/wire-contract.md is not beside this checkout")
    rows = re.findall(r"^\| (\w+) \| `([\w.]+)`", WIRE_CONTRACT_PAGE.read_text(), re.MULTILINE)
    on_page = {parameter: tuple(field.split(".")) for parameter, field in rows}
    in_table = {field.parameter: field.path for field in FIELDS}
    assert len(on_page) == 31  # the seed page's body parameters and the newer ones
    assert on_page == in_table


def test_the_principal_id_pattern_reads_alike_in_python_and_overlay() -> None:
    """The spec's pattern (as the server's jsonschema runs it) and the overlay's agree."""
    from xpander_tasks._params import _PRINCIPAL_ID

    pattern = re.compile(SPEC["components"]["schemas"]["Principal"]["properties"]["id"]["pattern"])
    samples = [
        "U123",
        "ümlaut",
        "a:b",
        "a b",
        "a\x1eb",
        "a\x85b",
        "a\ufeffb",
        "a\x01b",
        "a\u3000b",
        "",
    ]
    for sample in samples:
        assert bool(pattern.match(sample)) == bool(_PRINCIPAL_ID.fullmatch(sample)), repr(sample)


def operation(operation_id: str) -> tuple[str, str, dict[str, Any]]:
    """The path, method and operation object of `operation_id`."""
    for path, item in SPEC["paths"].items():
        for method, candidate in item.items():
            if isinstance(candidate, dict) and candidate.get("operationId") == operation_id:
                return path, method, candidate
    raise AssertionError(f"no operation {operation_id}")


def parameter_names(candidate: dict[str, Any], location: str) -> list[str]:
    parameters = [
        SPEC["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
        for p in candidate.get("parameters", [])
    ]
    return [p["name"] for p in parameters if p["in"] == location]


def test_the_tasks_module_operations_are_where_the_wire_page_says() -> None:
    expected = {
        "list_tasks": ("/agent-execution/executions/history/{agent_id}", "get"),
        "list_user_tasks": ("/agent-execution/executions/history/user/{user_id}", "get"),
        "update_task": ("/agent-execution/{task_id}/update", "patch"),
        "stop_task": ("/agent-execution/{agent_or_task_id}", "delete"),
        "create_task": ("/agent-execution/{agent_or_task_id}", "post"),
        "report_external_task": ("/agent-execution/{agent_id}/report_task", "post"),
        "get_task_activity_log": ("/activity/{agent_id}/{task_id}", "get"),
        "get_agent": ("/agents/{agent_id}", "get"),
    }
    for operation_id, (path, method) in expected.items():
        assert operation(operation_id)[:2] == (path, method)
    filters = ["user_id", "parent_task_id", "triggering_agent_id", "status", "internal_status"]
    assert parameter_names(operation("list_tasks")[2], "query") == filters
    assert parameter_names(operation("list_user_tasks")[2], "query") == filters[1:]
    assert parameter_names(operation("get_agent")[2], "header") == [AGENT_VERSION_HEADER]


def test_every_operation_answers_errors_in_the_error_shape() -> None:
    for path_item in SPEC["paths"].values():
        for candidate in path_item.values():
            for status, response in candidate["responses"].items():
                if status.startswith(("4", "5")):
                    assert response["$ref"].startswith("#/components/responses/"), status
            assert {"401", "403", "429", "500"} <= set(candidate["responses"])


def test_the_models_of_the_tasks_module() -> None:
    schemas = SPEC["components"]["schemas"]
    item = schemas["TasksListItem"]
    assert item["required"] == ["id", "agent_id", "organization_id", "status"]
    assert "input" not in item["properties"]
    assert "total_tokens" in schemas["Tokens"]["properties"]
    booleans = [
        "should_update_parent",
        "is_orchestration",
        "is_gateway",
        "is_app",
        "background_auth_eligible",
        "must_deep_plan",
    ]
    for name in booleans:
        assert schemas["Task"]["properties"][name] == {
            "type": ["boolean", "null"],
            "default": False,
        }
    principal = schemas["TaskInput"]["properties"]["principal"]["anyOf"]
    assert {"type": "null"} in principal
    update = schemas["UpdateTaskRequest"]["properties"]
    assert set(update) == {
        "tool_call_payload_extension",
        "source",
        "status",
        "last_executed_node_id",
        "result",
    }
    assert set(schemas["TaskEvent"]["properties"]) >= {"organization_id", "identity"}
    assert schemas["TaskEvent"]["properties"]["type"] == {
        **schemas["TaskEvent"]["properties"]["type"],
        "type": "string",  # open: an unknown type is still an event
    }


def test_all_event_types_of_the_wire_page_are_known() -> None:
    if not WIRE_CONTRACT_PAGE.exists():
        pytest.skip("shared/reference/wire-contract.md is not beside this checkout")
    page = WIRE_CONTRACT_PAGE.read_text()
    listed = page[page.index("The 28 types the SDK knows:") : page.index("more may come")]
    on_page = re.findall(r"`(\w+)`", re.sub(r"\([^)]*\)", "", listed))  # not "(their `data`..)"
    assert len(on_page) == 28
    assert SPEC["components"]["schemas"]["TaskEventType"]["enum"] == on_page


def test_links_walk_create_update_stop_status_and_create_list() -> None:
    def links(operation_id: str) -> dict[str, str]:
        ok = operation(operation_id)[2]["responses"]["200"]
        return {name: link["operationId"] for name, link in ok.get("links", {}).items()}

    assert {"update_task", "stop_task", "list_tasks", "get_task"} <= set(
        links("create_task").values()
    )
    assert "stop_task" in links("update_task").values()
    assert "get_task" in links("stop_task").values()
