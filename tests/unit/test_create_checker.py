"""The create's one checker (`CREATE_BODY`, from the spec's table): the public methods pass it
their body parameters once, as a dict; a call given by keyword (a batch item's) goes through
`create_task_call`, the parameters it leaves out at their defaults."""

from __future__ import annotations

import httpx
import pytest

from xpander_tasks import InvalidArgumentError, ThinkMode
from xpander_tasks._spec_params import CREATE_BODY, CREATE_DEFAULTS, create_task_call


def test_a_call_by_keyword_takes_the_outside_parameters_and_defaults_the_rest() -> None:
    call = create_task_call("agent-1", prompt="hi", agent_version=2, timeout=3, max_retries=0)
    assert (call.agent_id, call.agent_version) == ("agent-1", "2")
    assert call.options.timeout == httpx.Timeout(3) and call.options.max_retries == 0
    assert call.body.input_.text == "hi" and call.body.think_mode is ThinkMode.DEFAULT
    assert (
        call.body.to_dict()
        == create_task_call("agent-1", **CREATE_DEFAULTS | {"prompt": "hi"}).body.to_dict()
    )


def test_a_name_the_create_does_not_take_is_pythons_type_error() -> None:
    with pytest.raises(
        TypeError, match=r"^create_task_call\(\) got an unexpected keyword argument 'promt'$"
    ):
        create_task_call("agent-1", promt="hi")
    with pytest.raises(TypeError, match="'agent_or_task_id'"):  # a wire name is not a parameter
        create_task_call("agent-1", agent_or_task_id="x")


def test_the_keyword_path_keeps_every_check() -> None:
    with pytest.raises(InvalidArgumentError, match="tool_call_limit"):
        create_task_call("agent-1", tool_call_limit=-1)
    with pytest.raises(InvalidArgumentError, match="agent_id"):
        create_task_call("a/b")
    with pytest.raises(InvalidArgumentError, match="agent_version"):
        create_task_call("agent-1", agent_version=0)


def test_the_dict_a_method_passes_is_checked_whole() -> None:
    """The defaults are taken as prepared; every other value is checked, whatever its place."""
    arguments = dict(CREATE_DEFAULTS)
    assert CREATE_BODY(arguments).input_.files == []  # a list's None: its empty list
    arguments["think_mode"] = "s3cret"
    with pytest.raises(InvalidArgumentError) as error:
        CREATE_BODY(arguments)
    assert error.value.parameter == "think_mode" and "s3cret" not in str(error.value)
