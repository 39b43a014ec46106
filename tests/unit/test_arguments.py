"""Arguments the API would reject fail before anything is sent, naming the parameter."""

from __future__ import annotations

import json
import typing
from enum import Enum
from typing import Any

import attrs
import httpx
import pytest
from support import echo_handler, mock_tasks

from xpander_tasks import (
    AttachmentRef,
    BadRequestError,
    ClientConfig,
    InvalidArgumentError,
    MCPServerDetails,
    ModuleException,
    Principal,
    User,
)
from xpander_tasks._params import _coercion, _options, with_parameter_hints
from xpander_tasks._spec_params import create_task_call
from xpander_tasks_api import models as generated_models
from xpander_tasks_api.types import Unset

BAD_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("agent_id", {"agent_id": ""}),
    ("agent_id", {"agent_id": None}),
    ("agent_id", {"agent_id": "../admin"}),
    ("agent_id", {"agent_id": ".."}),
    ("agent_id", {"agent_id": "a?b=1"}),
    ("agent_id", {"agent_id": "a#b"}),
    ("agent_id", {"agent_id": "a b"}),
    ("agent_id", {"agent_id": "a%2Fb"}),
    ("existing_task_id", {"existing_task_id": "x/y"}),
    ("prompt", {"prompt": 42}),
    ("file_urls", {"file_urls": "https://e.com/a.csv"}),
    ("file_urls[1]", {"file_urls": ["https://e.com/a", ""]}),
    ("output_schema", {"output_schema": "not-an-object"}),
    ("output_schema", {"output_schema": ["list"]}),
    ("tool_call_payload_extension", {"tool_call_payload_extension": 3}),
    ("user_tokens", {"user_tokens": "token"}),
    ("mcp_servers", {"mcp_servers": {"name": "x"}}),
    ("mcp_servers[0]", {"mcp_servers": ["docs"]}),
    ("mcp_servers[0]", {"mcp_servers": [{"name": "x"}]}),
    ("mcp_servers[0]", {"mcp_servers": [{"name": "x", "type": "local"}]}),
    ("mcp_servers[0]", {"mcp_servers": [{"name": "x", "url": "u", "transport": "pigeon"}]}),
    ("principal", {"principal": {"id": "u1"}}),
    ("principal", {"principal": {"kind": "robot", "id": "u1"}}),
    ("principal.id", {"principal": {"kind": "user", "id": "slack:U1"}}),
    ("principal.id", {"principal": {"kind": "user", "id": "two words"}}),
    ("principal.id", {"principal": {"kind": "user", "id": ""}}),
    ("principal.id", {"principal": {"kind": "user", "id": "record\x1eseparator"}}),
    ("principal.id", {"principal": {"kind": "user", "id": "bom\ufeff"}}),
    ("user_details", {"user_details": {"first_name": "no email"}}),
    ("user_details", {"user_details": "ada@example.com"}),
    ("attachments[0]", {"attachments": [{"name": "no url"}]}),
    ("tool_call_limit", {"tool_call_limit": -1}),
    ("tool_call_limit", {"tool_call_limit": 2.5}),
    ("tool_call_limit", {"tool_call_limit": True}),
    ("think_mode", {"think_mode": "hardest"}),
    ("think_mode", {"think_mode": None}),
    ("output_format", {"output_format": "pdf"}),
    ("llm_reasoning_effort", {"llm_reasoning_effort": "max"}),
    ("run_locally", {"run_locally": "yes"}),
    ("events_streaming", {"events_streaming": 1}),
    ("title", {"title": 5}),
    ("agent_version", {"agent_version": "v1\r\nx-evil: 1"}),
    ("agent_version", {"agent_version": ""}),
    ("timeout", {"timeout": -1}),
    ("max_retries", {"max_retries": -2}),
]


@pytest.mark.parametrize(
    ("parameter", "call"), BAD_CALLS, ids=[f"{p}-{i}" for i, (p, _) in enumerate(BAD_CALLS)]
)
async def test_bad_argument_is_a_400_naming_it_and_nothing_is_sent(
    parameter: str, call: dict[str, Any]
) -> None:
    requests: list[httpx.Request] = []
    async with mock_tasks(echo_handler(requests)) as tasks:
        arguments = {"agent_id": "agent-123", **call}
        with pytest.raises(InvalidArgumentError) as sync_error:
            tasks.create(**arguments)
        with pytest.raises(InvalidArgumentError) as async_error:
            await tasks.acreate(**arguments)
    for error in (sync_error.value, async_error.value):
        assert error.parameter == parameter
        assert error.status_code == 400
        assert str(error).startswith(f"[400] {parameter}: ")
        # All three, as the published SDK's callers catch it (`A | B` would take any one).
        for base in (BadRequestError, ModuleException, ValueError):
            assert isinstance(error, base)
    assert requests == []


async def test_task_ids_cannot_change_the_path() -> None:
    requests: list[httpx.Request] = []
    async with mock_tasks(echo_handler(requests)) as tasks:
        for bad in ("", "../x", "a/b", "x?y"):
            with pytest.raises(InvalidArgumentError):
                await tasks.aget(bad)
            with pytest.raises(InvalidArgumentError):
                tasks.get(bad)
    assert requests == []


def test_odd_but_valid_ids_are_quoted_into_one_segment() -> None:
    requests: list[httpx.Request] = []
    with mock_tasks(echo_handler(requests), check_responses=False) as tasks:
        tasks.create(agent_id="agent:123@eu.v2")
    assert requests[0].url.raw_path == b"/agent-execution/agent%3A123%40eu.v2"


NESTED_TYPE_ERRORS: list[tuple[str, dict[str, Any]]] = [
    (
        "mcp_servers[0].headers",
        {"mcp_servers": [{"name": "x", "url": "u", "headers": "Bearer s3cret"}]},
    ),
    ("mcp_servers[0].headers", {"mcp_servers": [{"name": "x", "url": "u", "headers": {"a": 1}}]}),
    (
        "mcp_servers[0].env_vars",
        {"mcp_servers": [{"name": "x", "type": "local", "command": "c", "env_vars": ["s3cret"]}]},
    ),
    (
        "mcp_servers[0].allowed_tools",
        {"mcp_servers": [{"name": "x", "url": "u", "allowed_tools": "search"}]},
    ),
    ("mcp_servers[0].api_key", {"mcp_servers": [{"name": "x", "url": "u", "api_key": 12345}]}),
    (
        "user_details.additional_attributes",
        {"user_details": {"email": "e", "additional_attributes": "s3cret"}},
    ),
    ("attachments[0].size", {"attachments": [{"url": "u", "size": "big"}]}),
    ("principal.email", {"principal": {"kind": "user", "id": "u", "email": ["s3cret"]}}),
]


@pytest.mark.parametrize(
    ("parameter", "call"), NESTED_TYPE_ERRORS, ids=[p for p, _ in NESTED_TYPE_ERRORS]
)
def test_nested_fields_of_the_wrong_type_are_rejected_without_echoing_them(
    parameter: str, call: dict[str, Any]
) -> None:
    requests: list[httpx.Request] = []
    with mock_tasks(echo_handler(requests)) as tasks, pytest.raises(InvalidArgumentError) as error:
        tasks.create(agent_id="agent-123", **call)
    assert error.value.parameter == parameter
    assert "s3cret" not in str(error.value) and "12345" not in str(error.value)
    assert requests == []


@pytest.mark.parametrize("value", [0, -1, "5", True])
def test_timeouts_must_be_positive_seconds(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="total_timeout"):
        mock_tasks(echo_handler([])).create(agent_id="agent-123", total_timeout=value)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgumentError, match="total_timeout"):
        mock_tasks(echo_handler([]), total_timeout=value)


def test_a_checked_call_keeps_its_secrets_out_of_its_repr() -> None:
    call = create_task_call(
        "agent-123",
        user_oidc_token="oidc-s3cret",
        user_tokens={"github": "gho-s3cret"},
        mcp_servers=[{"name": "x", "url": "u", "api_key": "mcp-s3cret"}],
    )
    assert "s3cret" not in repr(call)


MISFITS: list[tuple[str, tuple[Any, ...], dict[str, Any], str]] = [
    (
        "create",
        (),
        {"agent_id": "agent-123", "promt": "Hello!"},
        "Tasks.create() got an unexpected keyword argument 'promt'; did you mean 'prompt'?",
    ),
    (
        "acreate",
        (),
        {"agent_id": "agent-123", "think_mod": "harder"},
        "Tasks.acreate() got an unexpected keyword argument 'think_mod'; "
        "did you mean 'think_mode'?",
    ),
    (
        "get",
        ("task-1",),
        {"timout": 3},
        "Tasks.get() got an unexpected keyword argument 'timout'; did you mean 'timeout'?",
    ),
    (
        "aget",
        ("task-1",),
        {"max_retry": 1},
        "Tasks.aget() got an unexpected keyword argument 'max_retry'; did you mean 'max_retries'?",
    ),
    (
        "create",
        (),
        {"agent_id": "a", "zzz": 1},
        "Tasks.create() got an unexpected keyword argument 'zzz'",
    ),
    ("create", (), {}, "Tasks.create() missing 1 required positional argument: 'agent_id'"),
    # Python's own words for a method (`self` counted), as the published SDK's `aget` gets.
    ("aget", ("t1", "t2"), {}, "Tasks.aget() takes 2 positional arguments but 3 were given"),
]


@pytest.mark.parametrize(
    ("method", "args", "kwargs", "message"), MISFITS, ids=[m[3][:40] for m in MISFITS]
)
async def test_a_call_that_does_not_fit_names_the_method_and_suggests_the_closest_parameter(
    method: str, args: tuple[Any, ...], kwargs: dict[str, Any], message: str
) -> None:
    requests: list[httpx.Request] = []
    async with mock_tasks(echo_handler(requests)) as tasks:
        with pytest.raises(TypeError) as error:
            result = getattr(tasks, method)(*args, **kwargs)
            if method.startswith("a"):
                await result
    assert str(error.value) == message  # the whole message: no "did you mean" for 'zzz'
    assert error.value.__cause__ is None and error.value.__suppress_context__
    assert requests == []


def test_a_type_error_raised_inside_a_method_is_not_taken_for_a_misfit() -> None:
    class Resource:  # any class: the decorator does not need `Tasks`
        @with_parameter_hints
        def method(self, count: int) -> int:
            raise TypeError("raised inside the method")

    with pytest.raises(TypeError, match=r"^raised inside the method$"):
        Resource().method(1)
    with pytest.raises(
        TypeError, match=r"Resource\.method\(\) got an unexpected .*'cont'; did you mean 'count'\?$"
    ):
        Resource().method(cont=1)  # type: ignore[call-arg]


def test_sequences_and_models_are_taken_in_their_plain_forms() -> None:
    user = User(email="ada@example.com", additional_attributes={"team": "finance"})
    call = create_task_call(
        "agent-123",
        file_urls=("https://e.com/a.csv",),
        user_details=user,
        mcp_servers=(MCPServerDetails(name="docs", url="https://m.example.com"),),
    )
    assert call.body.input_.files == ["https://e.com/a.csv"]
    sent_user = call.body.input_.user
    assert sent_user.additional_attributes == {"team": "finance"}  # free-form JSON: a dict
    assert user.additional_attributes == {"team": "finance"}  # the caller's model is unchanged
    assert call.body.mcp_servers[0].type_ == "remote"


@pytest.mark.parametrize(
    ("parameter", "call"),
    [
        ("think_mode", {"think_mode": "s3cret"}),
        ("mcp_servers[0]", {"mcp_servers": [{"name": "x", "url": "u", "sso_token": "s3cret"}]}),
        (
            "mcp_servers[0].sso_token",
            {"mcp_servers": [MCPServerDetails(name="x", url="u", sso_token="s3cret")]},
        ),  # type: ignore[arg-type]
        ("principal", {"principal": {"kind": "s3cret", "id": "u1"}}),
    ],
)
def test_a_value_no_enum_lists_is_not_repeated(parameter: str, call: dict[str, Any]) -> None:
    with pytest.raises(InvalidArgumentError) as error:
        create_task_call("agent-123", **call)
    assert error.value.parameter == parameter
    assert "one of" in str(error.value) and "s3cret" not in str(error.value)


@pytest.mark.parametrize(
    ("option", "value"), [("timeout", 0), ("total_timeout", -1.0), ("max_retries", True)]
)
def test_client_options_are_checked_with_the_configuration(option: str, value: object) -> None:
    options: dict[str, Any] = {
        "timeout": 5.0,
        "total_timeout": None,
        "max_retries": 2,
        option: value,
    }
    with pytest.raises(InvalidArgumentError) as error:
        ClientConfig.resolve(
            api_key="key", base_url=None, organization_id=None, allow_insecure_http=False, **options
        )
    assert error.value.parameter == option


def _sample(hint: Any) -> Any:
    """A valid wire value of a generated field's type hint."""
    option = next(o for o in _options(hint) if o not in (type(None), Unset))
    if isinstance(option, type) and issubclass(option, Enum):
        return next(iter(option)).value
    if typing.get_origin(option) is list:
        return [_sample(typing.get_args(option)[0])]
    if typing.get_origin(option) is dict:  # free-form JSON, a map of strings
        return {"key": "value"}
    return {str: "text", bool: True, int: 1}[option]


@pytest.mark.parametrize("model", [User, Principal, MCPServerDetails, AttachmentRef])
def test_a_dict_becomes_the_model_the_generated_parser_makes(model: type[Any]) -> None:
    """Dicts are parsed by their keys, not by the generated `from_dict`: every field's name on
    the wire is the one the generated parser reads, and the wire body is the same."""
    hints = typing.get_type_hints(model, localns=vars(generated_models))
    given = {
        field.name.removesuffix("_"): _sample(hints[field.name])
        for field in attrs.fields(model)
        if field.init
    }
    given["not_in_the_spec"] = 1
    generated = model.from_dict(given)
    assert generated.additional_properties == {"not_in_the_spec": 1}  # every other key read
    parsed = _coercion(model)("item", given)
    assert parsed == generated
    assert json.dumps(parsed.to_dict()) == json.dumps(generated.to_dict())
