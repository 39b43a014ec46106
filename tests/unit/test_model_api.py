"""The pydantic methods every generated model has (`ModelAPI` in the generated types.py):
dumps in both modes and with every option, validation, copies, and a model inside an app's
pydantic model; no dump holds the client's key or a secret field."""

from __future__ import annotations

import datetime
import enum
import json
import subprocess
import sys
from collections.abc import Mapping
from typing import Any

import attrs
import pydantic
import pytest
from support import API_KEY, echo_handler, fake_task, mock_tasks

import xpander_tasks
from xpander_tasks import Task, Tasks
from xpander_tasks_api import models
from xpander_tasks_api.models import (
    AgentExecutionStatus,
    MCPServerDetails,
    ReportExternalTaskRequest,
    ThinkMode,
    User,
)
from xpander_tasks_api.types import UNSET, ModelAPI, ModelValidationError, Unset

UTC = datetime.UTC
CREATED = datetime.datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


class Colour(enum.Enum):
    RED = "red"


@attrs.define
class Part(ModelAPI):
    """A model as the upstream templates write it (`@attrs.define`, defaults, no UNSET)."""

    name: str
    colour: Colour = Colour.RED
    made_at: datetime.datetime | None = None
    tags: list[str] = attrs.field(factory=list)
    type_: str = attrs.field(default="plain", alias="type")
    token: str | None = attrs.field(default=None, metadata={"secret": True})
    note: str | Unset = UNSET
    inner: Part | None = None
    additional_properties: dict[str, Any] = attrs.field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return attrs.asdict(self)  # not what the dumps read

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Part:
        data = dict(src_dict)
        inner = data.pop("inner", None)
        part = cls(
            name=data.pop("name"),
            colour=Colour(data.pop("colour", "red")),
            made_at=datetime.datetime.fromisoformat(data["made_at"])
            if data.pop("made_at", None)
            else None,
            tags=data.pop("tags", []),
            type=data.pop("type", "plain"),
            token=data.pop("token", None),
            note=data.pop("note", UNSET),
            inner=cls.from_dict(inner) if inner is not None else None,
        )
        part.additional_properties = data
        return part


@attrs.define
class Plain(ModelAPI):
    """A model that keeps no unknown fields."""

    name: str

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Plain:
        return cls(name=src_dict["name"])


def a_task(client: Tasks | None = None, **fields: Any) -> Task:
    return Task.parse(fake_task({"input": {"text": "hi", "files": []}}, **fields), client)


@pytest.fixture
def tasks() -> Tasks:
    return mock_tasks(echo_handler([]))


# Python mode.


def test_python_mode_keeps_enum_members_datetimes_and_gives_nested_models_as_dicts() -> None:
    part = Part("a", made_at=CREATED, inner=Part("b"))
    dumped = part.model_dump()
    assert dumped["colour"] is Colour.RED
    assert dumped["made_at"] == CREATED
    assert dumped["inner"] == {"name": "b", "colour": Colour.RED, "made_at": None, "tags": [],
                               "type": "plain", "token": None, "inner": None}  # fmt: skip


def test_a_generated_task_dumps_under_its_wire_names_with_members_and_plain_json() -> None:
    task = a_task(output_schema={"type": "object"}, think_mode="harder")
    dumped = task.model_dump()
    assert dumped["input"]["text"] == "hi" and "input_" not in dumped  # the SDK's name
    assert dumped["status"] is AgentExecutionStatus.PENDING
    assert dumped["think_mode"] is ThinkMode.HARDER
    assert dumped["created_at"] == CREATED
    assert dumped["output_schema"] == {"type": "object"}
    assert type(dumped["output_schema"]) is dict


def test_a_field_the_data_left_out_is_not_dumped() -> None:
    assert "note" not in Part("a").model_dump()
    assert Part("a", note="n").model_dump()["note"] == "n"


def test_unknown_fields_are_dumped_after_the_known_ones() -> None:
    part = Part.from_dict({"name": "a", "extra": {"when": "now"}})
    assert list(part.model_dump())[-1] == "extra"
    assert part.model_dump(mode="json")["extra"] == {"when": "now"}
    assert "extra" not in part.model_dump(exclude={"extra"})


# JSON mode.


def test_json_mode_gives_enum_values_and_datetimes_as_pydantic_writes_them() -> None:
    offset = datetime.timezone(datetime.timedelta(hours=2))
    cases = {
        CREATED: "2026-11-24T12:00:00Z",
        CREATED.replace(microsecond=5): "2026-11-24T12:00:00.000005Z",
        CREATED.replace(tzinfo=offset): "2026-11-24T12:00:00+02:00",
        CREATED.replace(tzinfo=None): "2026-11-24T12:00:00",
    }
    as_pydantic = pydantic.TypeAdapter(datetime.datetime)
    for value, expected in cases.items():
        dumped = Part("a", made_at=value).model_dump(mode="json")
        assert dumped["made_at"] == expected == as_pydantic.dump_python(value, mode="json")
        assert dumped["colour"] == "red"


def test_json_mode_of_a_task_is_plain_json() -> None:
    dumped = a_task().model_dump(mode="json")
    assert dumped["status"] == "pending"
    assert dumped["created_at"] == "2026-11-24T12:00:00Z"
    assert json.loads(json.dumps(dumped)) == dumped


def test_model_dump_json_is_compact_or_indented_and_keeps_non_ascii() -> None:
    part = Part("café", tags=["x"])
    assert part.model_dump_json() == (
        '{"name":"café","colour":"red","made_at":null,"tags":["x"],"type":"plain","token":null,'
        '"inner":null}'
    )
    indented = part.model_dump_json(indent=2, include={"name", "tags"})
    assert indented == '{\n  "name": "café",\n  "tags": [\n    "x"\n  ]\n}'


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="mode must be 'python' or 'json'"):
        Part("a").model_dump(mode="yaml")


# Options.


def test_include_and_exclude_take_wire_or_attribute_names() -> None:
    part = Part("a")
    assert part.model_dump(include={"name", "type"}) == {"name": "a", "type": "plain"}
    assert part.model_dump(include={"type_"}) == {"type": "plain"}
    kept = part.model_dump(exclude={"type", "made_at", "token", "inner"})
    assert set(kept) == {"name", "colour", "tags"}
    task = a_task()
    assert list(task.model_dump(include={"input"})) == ["input"]
    assert part.model_dump(include={"name": True}) == {"name": "a"}  # pydantic's dict form


def test_a_nested_include_or_exclude_is_refused_not_read_as_the_whole_field() -> None:
    with pytest.raises(ValueError, match="not nested ones"):
        a_task().model_dump(exclude={"input": {"user"}})
    with pytest.raises(ValueError, match="not nested ones"):
        Part("a").model_dump_json(include={"inner": {"name": True}})


def test_exclude_none_drops_none_at_every_depth() -> None:
    dumped = Part("a", inner=Part("b")).model_dump(exclude_none=True)
    inner = {"name": "b", "colour": Colour.RED, "tags": [], "type": "plain"}
    assert dumped == {
        "name": "a",
        "colour": Colour.RED,
        "tags": [],
        "type": "plain",
        "inner": inner,
    }


def test_exclude_defaults_and_exclude_unset_drop_fields_at_their_default() -> None:
    part = Part("a", tags=["t"], inner=Part("b", type="fancy"))
    expected = {"name": "a", "tags": ["t"], "inner": {"name": "b", "type": "fancy"}}
    assert part.model_dump(exclude_defaults=True) == expected
    # A model cannot tell a default given from one left out: both are dropped.
    assert part.model_dump(exclude_unset=True) == expected


def test_by_alias_changes_nothing_as_the_wire_names_are_the_sdks_field_names() -> None:
    part = Part("a")
    assert part.model_dump(by_alias=True) == part.model_dump(by_alias=False) == part.model_dump()
    assert "type" in part.model_dump(by_alias=False)


def test_model_fields_names_the_fields_by_wire_name() -> None:
    assert list(Part.model_fields) == [
        "name", "colour", "made_at", "tags", "type", "token", "note", "inner"
    ]  # fmt: skip
    assert Part.model_fields["type"].name == "type_"
    assert "input" in Task.model_fields and "client" not in Task.model_fields
    assert set(User.model_fields) >= {"email", "first_name", "additional_attributes"}


# Secrets.


def test_a_secret_dumps_as_none_in_every_form() -> None:
    part = Part("a", token="TOKEN-SECRET-1", inner=Part("b", token="TOKEN-SECRET-2"))
    assert part.model_dump()["token"] is None
    assert part.model_dump()["inner"]["token"] is None
    assert "SECRET" not in part.model_dump_json()
    assert part.token == "TOKEN-SECRET-1"  # the model itself keeps it


def test_a_task_dump_holds_neither_the_clients_key_nor_the_secrets_it_echoes(
    tasks: Tasks,
) -> None:
    mcp = MCPServerDetails(name="m", url="https://mcp.example", api_key="MCP-SECRET-1")
    task = tasks.create(
        agent_id="agent-123",
        prompt="hi",
        user_oidc_token="OIDC-SECRET-2",
        user_tokens={"gh": "USER-SECRET-3"},
        mcp_servers=[mcp],
    )
    assert task.user_oidc_token == "OIDC-SECRET-2"
    dumps = (task.model_dump(), task.model_dump_json(), task.model_copy().model_dump())
    for text in map(str, dumps):
        assert API_KEY not in text and "SECRET" not in text
    dumped = task.model_dump()
    assert "client" not in dumped and "_client" not in dumped
    assert dumped["user_oidc_token"] is None and dumped["user_tokens"] is None
    assert dumped["mcp_servers"][0]["api_key"] is None
    assert dumped["mcp_servers"][0]["url"] == "https://mcp.example"


def test_json_kept_for_a_model_this_version_cannot_read_loses_that_models_secrets() -> None:
    # An unknown enum value is read (test_new_values.py): a `type` no version has is not.
    server = {"type": {"future": "kind"}, "url": "https://mcp.example", "api_key": "MCP-SECRET-1",
              "headers": {"A": "HDR-SECRET-2"}, "options": {"api_key": "mine"}}  # fmt: skip
    task = a_task(mcp_servers=[server], payload_extension={"api_key": "user data"})
    assert task.mcp_servers == [server]  # kept as sent
    dumped = task.model_dump(mode="json")
    assert dumped["mcp_servers"] == [
        {"type": {"future": "kind"}, "url": "https://mcp.example", "options": {"api_key": "mine"}}
    ]
    assert dumped["payload_extension"] == {"api_key": "user data"}  # the app's JSON, whole


# Validation.


def test_model_validate_reads_the_json_form_and_returns_a_model_as_it_is() -> None:
    task = Task.model_validate(a_task().model_dump(mode="json"))
    assert task == a_task() and task._client is None
    assert Task.model_validate(task) is task
    assert Task.model_validate_json(a_task().model_dump_json()) == a_task()
    assert Task.model_validate(a_task().model_dump()) == a_task()  # members, datetimes
    part = Part("a", inner=Part("b"))
    assert Part.model_validate(part.model_dump()) == part


def test_a_field_of_any_type_takes_any_json() -> None:
    for response in ({"x": [1]}, "text", 3, None):
        report = ReportExternalTaskRequest.model_validate({"llm_response": response})
        assert report.model_dump(mode="json")["llm_response"] == response


def test_every_generated_model_reads_its_hints_and_round_trips_its_defaults() -> None:
    optional_only = 0
    for model in (getattr(models, name) for name in models.__all__):  # each loads on access
        if isinstance(model, type) and issubclass(model, ModelAPI):
            fields = model.model_fields  # every type hint resolves
            if all(field.default is not attrs.NOTHING for field in fields.values()):
                empty = model.model_validate({})
                assert model.model_validate_json(empty.model_dump_json()) == empty, model
                optional_only += 1
    assert optional_only >= 5


def test_model_validate_takes_models_inside_the_data_as_they_are() -> None:
    mcp = MCPServerDetails(name="m", url="https://mcp.example", api_key="MCP-KEY-1")
    task = Task.model_validate({**fake_task({}), "mcp_servers": [mcp]})
    assert task.mcp_servers == [mcp]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([1, 2], "Task is made from a mapping, not list"),
        ({"id": "t"}, "Task: missing field 'agent_id'"),
        ({**fake_task({}), "id": 7}, "Task.id: int is not str"),
        ({**fake_task({}), "input": {"text": 5}}, "Task.input.text: int is not str"),
        ({**fake_task({}), "think_mode": 5}, "Task.think_mode: int is not"),
        ({**fake_task({}), "created_at": "soon"}, "Task: Invalid isoformat string"),
        ({**fake_task({}), "user_oidc_token": 12345678}, "Task.user_oidc_token: int is not"),
        ({**fake_task({}), "payload_extension": {"a": {1, 2}}}, "Task: set is not JSON"),
    ],
    ids=["not-a-mapping", "missing", "type", "nested-type", "enum", "date", "secret", "not-json"],
)
def test_bad_data_is_a_clear_value_error_naming_the_field(data: Any, message: str) -> None:
    with pytest.raises(xpander_tasks.ModelValidationError) as raised:
        Task.model_validate(data)
    assert isinstance(raised.value, ValueError)
    assert str(raised.value).startswith(message)
    assert "12345678" not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__context__ is None or raised.value.__suppress_context__


@pytest.mark.parametrize("text", ["{not json", b"\xff", 12], ids=["syntax", "bytes", "type"])
def test_model_validate_json_refuses_what_is_not_json(text: Any) -> None:
    with pytest.raises(ModelValidationError, match=r"^Task: not JSON"):
        Task.model_validate_json(text)


# Copies.


def test_model_copy_is_shallow_or_deep_and_takes_updates_by_either_name() -> None:
    part = Part("a", tags=["t"], type="x")
    shallow = part.model_copy(update={"name": "b", "type": "y"})
    assert (shallow.name, shallow.type_, part.name, part.type_) == ("b", "y", "a", "x")
    assert shallow.tags is part.tags
    deep = part.model_copy(deep=True, update={"type_": "z"})
    assert deep.tags == part.tags and deep.tags is not part.tags and deep.type_ == "z"


def test_model_copy_puts_unknown_names_in_the_unknown_fields_of_the_copy_only() -> None:
    part = Part.from_dict({"name": "a", "extra": 1})
    copied = part.model_copy(update={"more": 2})
    assert copied.additional_properties == {"extra": 1, "more": 2}
    assert part.additional_properties == {"extra": 1}
    with pytest.raises(ValueError, match="Plain has no field 'bogus'"):
        Plain("a").model_copy(update={"bogus": 1})


def test_a_bound_task_copies_with_its_client(tasks: Tasks) -> None:
    task = tasks.create(agent_id="agent-123", prompt="hi")
    copied = task.model_copy(update={"title": "new"})
    assert copied._client is task._client and isinstance(copied, Task)
    assert copied.title == "new" and task.title != "new"
    assert task.model_copy(deep=True)._client is task._client


# Inside an app's pydantic model.


class Job(pydantic.BaseModel):
    task: Task
    part: Part | None = None
    label: str = "job"


def test_a_task_is_a_field_of_an_apps_pydantic_model(tasks: Tasks) -> None:
    task = tasks.create(agent_id="agent-123", prompt="hi", user_oidc_token="OIDC-SECRET-1")
    job = Job(task=task)
    assert job.task is task
    dumped = job.model_dump()
    assert dumped["task"] == task.model_dump()
    assert dumped["task"]["status"] is AgentExecutionStatus.PENDING
    text = job.model_dump_json()
    assert json.loads(text)["task"] == task.model_dump(mode="json")
    assert API_KEY not in text and "SECRET" not in text
    again = Job.model_validate_json(text)
    assert isinstance(again.task, Task) and again.task.id == task.id
    assert Job.model_validate({"task": task.model_dump()}).task.input.text == "hi"


def test_the_apps_dump_options_reach_the_model() -> None:
    job = Job(task=a_task(), part=Part("a"))
    dumped = job.model_dump(mode="json", exclude_none=True, exclude_defaults=True)
    assert dumped["part"] == {"name": "a"}
    assert all(value is not None for value in dumped["task"].values())


def test_an_apps_model_holding_a_task_has_a_json_schema() -> None:
    schema = Job.model_json_schema()
    assert schema["properties"]["task"] == {"type": "object", "title": "Task"}


def test_bad_data_in_an_apps_model_is_pydantics_validation_error() -> None:
    with pytest.raises(pydantic.ValidationError, match="Task: missing field 'agent_id'"):
        Job.model_validate({"task": {"id": "t"}})
    with pytest.raises(pydantic.ValidationError, match="Task is made from a mapping"):
        Job(task="t")  # type: ignore[arg-type]


def test_the_methods_import_no_pydantic() -> None:
    program = (
        "import sys\n"
        "from xpander_tasks import Task\n"
        "data = {'id': 't', 'agent_id': 'a', 'organization_id': 'o', 'input': {'text': 'x'},"
        " 'created_at': '2026-11-24T12:00:00Z'}\n"
        "task = Task.model_validate_json(Task.model_validate(data).model_dump_json())\n"
        "task.model_copy(deep=True).model_dump()\n"
        "print(sorted(name for name in sys.modules if name.startswith('pydantic')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, timeout=50, check=True
    )
    assert done.stdout.strip() == "[]"
