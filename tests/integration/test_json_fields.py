"""Free-form JSON in the spec (objects without properties, maps of strings) is a plain dict on
the models, in arguments and in answers, as the published SDK's models have it."""

from __future__ import annotations

import json
import typing
from typing import Any

from published_sdk import same_lines_under_both
from support import TaskServerFactory

from xpander_tasks import MCPServerDetails, Task, User
from xpander_tasks_api import models
from xpander_tasks_api.types import Unset

SCHEMA = {"type": "object", "properties": {"answer": {"type": "string"}}}

PROGRAM = """
import json
from xpander_sdk import Tasks, User

schema = {"type": "object", "properties": {"answer": {"type": "string"}}}
tasks = Tasks()
task = tasks.create(
    agent_id="agent-123",
    prompt="hi",
    output_schema=schema,
    tool_call_payload_extension={"k": [1, 2]},
    user_details=User(email="ada@example.com", additional_attributes={"team": "finance"}),
)
print(json.dumps(task.output_schema, sort_keys=True))
print(task.output_schema.get("type"), task.output_schema == schema)
print(dict(task.payload_extension), type(task.payload_extension).__name__)
print(task.input.user.additional_attributes == {"team": "finance"})
loaded = tasks.get(task.id)
print(type(loaded.output_schema).__name__, loaded.output_schema["properties"]["answer"])
"""


def test_free_form_json_reads_as_dicts_under_both_clients(
    make_task_server: TaskServerFactory,
) -> None:
    lines = same_lines_under_both(PROGRAM, make_task_server)
    assert lines[1] == "object True"


def test_free_form_fields_are_typed_as_dicts() -> None:
    hints = typing.get_type_hints(models.Task, localns=vars(models))
    assert hints["output_schema"] == dict[str, Any] | None | Unset
    headers = typing.get_type_hints(models.MCPServerDetails, localns=vars(models))["headers"]
    assert dict[str, str] in typing.get_args(headers)


def test_from_dict_and_to_dict_keep_the_plain_dicts() -> None:
    task = Task.from_dict(
        {"id": "t", "agent_id": "a", "organization_id": "o", "input": {"text": ""},
         "created_at": "2026-01-01T00:00:00Z", "output_schema": SCHEMA,
         "payload_extension": {"k": 1}}
    )  # fmt: skip
    assert type(task.output_schema) is dict and task.output_schema == SCHEMA
    assert json.dumps(task.payload_extension) == '{"k": 1}'
    assert task.to_dict()["output_schema"] == SCHEMA
    server = MCPServerDetails(name="docs", url="https://m.example", headers={"a": "b"})
    assert server.to_dict()["headers"] == {"a": "b"}
    user = User.from_dict({"email": "a@b.c", "additional_attributes": {"x": [1]}})
    assert user.additional_attributes == {"x": [1]}
