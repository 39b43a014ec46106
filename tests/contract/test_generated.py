"""The generated client on its own: models round-trip, and the create endpoint's request."""

from __future__ import annotations

import inspect
import json
import pydoc
import typing
from typing import Any, Required

import attrs
import httpx
import pytest
from support import fake_task
from wire_contract import SDK_MINIMAL_BODY

import xpander_tasks
from xpander_tasks_api import AuthenticatedClient
from xpander_tasks_api.api.tasks import create_task
from xpander_tasks_api.models import (
    AttachmentRef,
    AttachmentRefParam,
    CreateTaskRequest,
    MCPServerDetails,
    MCPServerDetailsParam,
    MCPServerType,
    Principal,
    PrincipalParam,
    Task,
    TaskEvent,
    TaskInput,
    ThinkMode,
    User,
    UserParam,
)
from xpander_tasks_api.types import UNSET, Response

TASK = fake_task(
    SDK_MINIMAL_BODY,
    status="completed",
    result="done",
    started_at="2026-11-24T12:00:01Z",
    finished_at="2026-11-24T12:00:02+00:00",
    tokens={"completion_tokens": 3, "prompt_tokens": 5},
    mcp_servers=[{"name": "docs", "url": "https://mcp.example.com", "headers": {"a": "b"}}],
    a_field_from_a_newer_server={"kept": True},
)

ROUND_TRIPS: list[tuple[type[Any], dict[str, Any]]] = [
    (Task, TASK),
    (CreateTaskRequest, SDK_MINIMAL_BODY),
    (TaskInput, {"text": "x", "files": ["u"], "attachments": [{"url": "u", "kind": "pdf"}]}),
    (User, {"email": "a@b.c", "timezone": "Europe/Berlin", "additional_attributes": {"x": 1}}),
    (Principal, {"kind": "api_key", "id": "k1", "email": None}),
    (AttachmentRef, {"url": "u", "size": 3, "expires_at": "2026-12-01T00:00:00Z"}),
    (MCPServerDetails, {"name": "n", "type": "local", "command": "run", "env_vars": {"K": "v"}}),
    (
        TaskEvent,
        {
            "type": "brand_new_type",
            "task_id": "t",
            "time": "2026-11-24T12:00:00Z",
            "data": {"x": 1},
        },
    ),
]


@pytest.mark.parametrize(
    ("model", "data"), ROUND_TRIPS, ids=lambda value: getattr(value, "__name__", "")
)
def test_models_round_trip(model: type[Any], data: dict[str, Any]) -> None:
    parsed = model.from_dict(data)
    assert model.from_dict(parsed.to_dict()) == parsed
    assert json.loads(json.dumps(parsed.to_dict())) == parsed.to_dict()


def test_task_keeps_unknown_fields() -> None:
    task = Task.from_dict(TASK)
    assert task["a_field_from_a_newer_server"] == {"kept": True}
    assert task.to_dict()["a_field_from_a_newer_server"] == {"kept": True}


def test_enums_carry_the_sdk_member_names() -> None:
    assert ThinkMode.Default is ThinkMode.DEFAULT
    assert ThinkMode("harder") is ThinkMode.Harder
    assert [member.name for member in ThinkMode] == ["Default", "Harder"]


def test_generated_create_task_request() -> None:
    sent: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json=fake_task(json.loads(request.content)))

    client = AuthenticatedClient(
        base_url="https://inbound.xpander.ai", token="k-1", prefix="", auth_header_name="x-api-key"
    )
    client.set_httpx_client(
        httpx.Client(
            base_url="https://inbound.xpander.ai",
            headers={"x-api-key": "k-1"},
            transport=httpx.MockTransport(handle),
        )
    )
    body = CreateTaskRequest.from_dict(SDK_MINIMAL_BODY)
    response = create_task.sync_detailed("agent-123", client=client, body=body, x_agent_version="7")
    (request,) = sent
    assert request.method == "POST"
    assert request.url.path == "/agent-execution/agent-123"
    assert request.headers["x-api-key"] == "k-1"
    assert request.headers["x-agent-version"] == "7"
    assert json.loads(request.content) == SDK_MINIMAL_BODY
    assert isinstance(response.parsed, Task) and response.parsed.status == "pending"


# The SDK's names: the generator renames wire names that are Python builtins (`input_`,
# `type_`); the template makes the wire name work too, as keyword and attribute.


def test_sdk_names_work_as_keywords_and_attributes_beside_the_generated_ones() -> None:
    server = MCPServerDetails(type=MCPServerType.Local, command="run")
    assert server.type is server.type_ is MCPServerType.Local
    server.type = MCPServerType.Remote
    assert server.type_ is MCPServerType.Remote
    assert server.to_dict()["type"] == "remote"

    request = CreateTaskRequest(input=TaskInput(text="hi"))
    assert request.input.text == request.input_.text == "hi"
    request.input_ = TaskInput(text="again")
    assert request.input.text == "again"

    task = Task.from_dict(TASK)
    assert task.input is task.input_
    assert attrs.evolve(task, input=TaskInput(text="other")).input.text == "other"
    assert TaskEvent(type="chunk").type == "chunk"


@pytest.mark.parametrize(
    ("model", "data"), ROUND_TRIPS, ids=lambda value: getattr(value, "__name__", "")
)
def test_every_wire_name_is_a_keyword_and_an_attribute(
    model: type[Any], data: dict[str, Any]
) -> None:
    parsed = model.from_dict(data)
    keywords = inspect.signature(model).parameters
    by_wire_name = {field.alias: field.name for field in attrs.fields(model)}
    wire = {key: value for key, value in parsed.to_dict().items() if key in by_wire_name}
    assert wire  # the data sets known fields
    for key in wire:
        assert key in keywords
        assert getattr(parsed, key) is getattr(parsed, by_wire_name[key])


# The dict forms (`<Model>Param`), generated beside each model.

PARAMS = [(User, UserParam), (Principal, PrincipalParam), (MCPServerDetails, MCPServerDetailsParam)]
PARAMS.append((AttachmentRef, AttachmentRefParam))


@pytest.mark.parametrize(("model", "param"), PARAMS, ids=lambda value: value.__name__)
def test_a_dict_form_has_the_models_wire_keys_and_requires_its_required_ones(
    model: type[Any], param: Any
) -> None:
    fields = attrs.fields(model)
    assert param.__required_keys__ | param.__optional_keys__ == {f.alias for f in fields} - {
        "additional_properties"
    }
    required = {field.alias for field in fields if field.default is attrs.NOTHING}
    assert param.__required_keys__ == required
    assert getattr(xpander_tasks, param.__name__) is param  # exported for the overlay's users


def test_a_dict_form_types_enums_as_member_or_value() -> None:
    hints = typing.get_type_hints(MCPServerDetailsParam)
    member, values = typing.get_args(hints["type"])
    assert member is MCPServerType
    assert set(typing.get_args(values)) == {member.value for member in MCPServerType}
    assert typing.get_type_hints(UserParam, include_extras=True)["email"] == Required[str]


def test_absent_fields_read_unset_in_reprs_and_help() -> None:
    # Not `<xpander_tasks_api.types.Unset object at 0x7f...>`, fifty times in help(Task).
    assert repr(UNSET) == "UNSET"
    assert " object at 0x" not in pydoc.render_doc(Task) + repr(TaskInput(text="x"))


# The generated attrs classes and the bound models keep attrs' API and behaviour.


def test_generated_clients_keep_their_api_and_attrs_view() -> None:
    client = AuthenticatedClient(base_url="https://x", token="TOKEN-123", headers={"a": "1"})
    assert "TOKEN-123" not in repr(client)
    changed = (
        client.with_headers({"b": "2"}).with_cookies({"c": "3"}).with_timeout(httpx.Timeout(5.0))
    )
    assert (changed.token, changed._headers, changed._cookies) == (
        "TOKEN-123", {"a": "1", "b": "2"}, {"c": "3"},
    )  # fmt: skip
    assert changed._timeout == httpx.Timeout(5.0) and client._timeout is None
    assert attrs.evolve(client, prefix="") == AuthenticatedClient(
        "https://x", "TOKEN-123", "", headers={"a": "1"}
    )
    assert [field.alias for field in attrs.fields(AuthenticatedClient)][:2] == [
        "raise_on_unexpected_status", "base_url",
    ]  # fmt: skip
    response = Response(status_code=200, content=b"{}", headers={}, parsed=None)
    assert attrs.asdict(response)["content"] == b"{}" and response == attrs.evolve(response)


def test_a_bound_model_keeps_the_client_keyword_signature_and_attrs_view() -> None:
    task = xpander_tasks.Task.from_dict(TASK)
    assert task._client is None  # built through the generated __init__: unbound
    bound = attrs.evolve(task, client="the client")
    assert bound._client == "the client" and bound.id == task.id
    assert attrs.evolve(bound, result="done")._client == "the client"
    assert attrs.fields(xpander_tasks.Task)[-1].alias == "client"
    parameters = inspect.signature(xpander_tasks.Task).parameters
    assert list(parameters)[:2] == ["id", "agent_id"] and parameters["client"].default is None
