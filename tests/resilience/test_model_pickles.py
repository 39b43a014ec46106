"""A generated model the app builds itself pickles without its secret fields, at any depth;
a copy in memory keeps them (the app may send it)."""

from __future__ import annotations

import copy
import pickle

import pytest
from support import fake_task

from xpander_tasks import MCPServerDetails, Task
from xpander_tasks_api.models import CreateTaskRequest

SECRET = "sk-live-0123456789abcdef"


def _details() -> MCPServerDetails:
    return MCPServerDetails(
        name="search", api_key=SECRET, client_secret=SECRET, headers={"Authorization": SECRET}
    )


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_a_plain_model_pickles_without_its_secrets(protocol: int) -> None:
    details = _details()
    data = pickle.dumps(details, protocol=protocol)
    assert SECRET.encode() not in data
    restored = pickle.loads(data)
    assert type(restored) is MCPServerDetails and restored.name == "search"
    dumped = restored.model_dump()
    assert dumped["name"] == "search" and "api_key" not in dumped and "headers" not in dumped


def test_a_nested_model_and_json_kept_for_a_model_lose_their_secrets_in_a_pickle() -> None:
    body = CreateTaskRequest.from_dict(
        {"input": {"text": "hi"}, "mcp_servers": [_details().to_dict()], "user_oidc_token": SECRET}
    )
    assert SECRET.encode() not in pickle.dumps(body)
    restored = pickle.loads(pickle.dumps(body))
    assert restored.mcp_servers[0].name == "search"


def test_copies_in_memory_keep_the_secrets() -> None:
    details = _details()
    for clone in (copy.copy(details), copy.deepcopy(details), details.model_copy(deep=True)):
        assert clone == details and clone is not details
        assert clone.api_key == SECRET and clone.headers == {"Authorization": SECRET}
    deep = copy.deepcopy(details)
    assert deep.headers is not details.headers


def test_a_task_built_by_the_app_pickles_without_the_tokens_it_echoes() -> None:
    task = Task.from_dict(
        fake_task({"user_oidc_token": SECRET, "mcp_servers": [_details().to_dict()]}, id="t1")
    )
    data = pickle.dumps(task)
    assert SECRET.encode() not in data
    assert pickle.loads(data).id == "t1"
