"""The published SDK's `Tasks.create` signature, checked and mapped onto the generated models.

`create_task_call` holds the one copy of the signature; `Tasks.create` and `Tasks.acreate`
take its parameters through `with_arguments_of`, so the two can never drift apart.
"""

from __future__ import annotations

import functools
import inspect
import re
import types
import typing
from collections.abc import Awaitable, Callable, Mapping, Sequence
from enum import StrEnum
from typing import TYPE_CHECKING, Any, Concatenate, Final, NamedTuple, ParamSpec, TypeVar

import attrs
import httpx

from xpander_tasks_api import Client as GeneratedClient
from xpander_tasks_api import models as generated_models
from xpander_tasks_api.models import (
    AttachmentRef,
    CreateTaskRequest,
    JsonObject,
    LLMReasoningEffort,
    MCPServerDetails,
    MCPServerType,
    OutputFormat,
    Principal,
    PrincipalKind,
    TaskInput,
    ThinkMode,
    User,
)
from xpander_tasks_api.types import UNSET, Unset

from ._exceptions import InvalidArgumentError

if TYPE_CHECKING:
    from ._client import Tasks

ModelT = TypeVar("ModelT", User, Principal, MCPServerDetails, AttachmentRef)
EnumT = TypeVar("EnumT", bound=StrEnum)

# Characters that could move a request to another path, or that no real id contains.
_FORBIDDEN_IN_IDS: Final = frozenset("/\\?#%") | {chr(code) for code in range(33)} | {"\x7f"}
# openapi.yaml's Principal.id pattern, its \s spelled out as both ECMA and Python read it.
_PRINCIPAL_ID: Final = re.compile(r"[^:\s\x00-\x1f\x7f\x85\ufeff]+")
# A nested model sent "whole" carries its own defaults, as the published SDK's models do.
_MCP_SERVER_DEFAULTS: Final = MCPServerDetails().to_dict()


# Records are NamedTuples: a frozen dataclass costs ~0.8 ms of import time each (#7).


class CallOptions(NamedTuple):
    """Per-call overrides of the client's settings; None keeps the client's own."""

    timeout: httpx.Timeout | None = None
    total_timeout: float | None = None
    max_retries: int | None = None


class CreateTaskCall(NamedTuple):
    """A checked create call: the path, the header and the body, ready to send."""

    agent_id: str
    agent_version: str | None
    body: CreateTaskRequest
    options: CallOptions = CallOptions()

    def __repr__(self) -> str:  # without the body: it holds the request's secrets
        return (
            f"CreateTaskCall(agent_id={self.agent_id!r}, agent_version={self.agent_version!r}, "
            f"options={self.options!r})"
        )

    def arguments(self, client: GeneratedClient) -> dict[str, Any]:
        """The generated `create_task` endpoint's arguments for this call."""
        return {
            "agent_or_task_id": self.agent_id,
            "client": client,
            "body": self.body,
            "x_agent_version": UNSET if self.agent_version is None else self.agent_version,
        }


def check_id(parameter: str, value: object) -> str:
    """An id that goes into a URL path: non-empty text that cannot change the path."""
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(parameter, f"must be a non-empty string, not {value!r}")
    if value in (".", "..") or not _FORBIDDEN_IN_IDS.isdisjoint(value):
        raise InvalidArgumentError(
            parameter, f"{value!r} is not an id (no '/', '?', '#', '%', '\\', spaces or '..')"
        )
    return value


def _optional_text(parameter: str, value: object) -> str | None:
    if value is None or isinstance(value, str):
        return value
    raise InvalidArgumentError(parameter, f"must be a string or None, not {type(value).__name__}")


def _flag(parameter: str, value: object) -> bool:
    if isinstance(value, bool):
        return value
    raise InvalidArgumentError(parameter, f"must be True or False, not {value!r}")


def _enum(parameter: str, enum: type[EnumT], value: object) -> EnumT:
    if isinstance(value, str) and value in enum._value2member_map_:
        return enum(value)
    allowed = ", ".join(repr(member.value) for member in enum)
    raise InvalidArgumentError(parameter, f"must be one of {allowed}, not {value!r}")


def _optional_enum(parameter: str, enum: type[EnumT], value: object) -> EnumT | None:
    return None if value is None else _enum(parameter, enum, value)


def _json_object(parameter: str, value: object) -> JsonObject | None:
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"must be a dict, not {type(value).__name__}")
    return JsonObject.from_dict(value)


def _items(parameter: str, value: object) -> Sequence[Any]:
    """A list argument: any sequence but a string, whose letters would each become an item."""
    if value is None:
        return ()
    if isinstance(value, str | bytes) or not isinstance(value, Sequence):
        raise InvalidArgumentError(parameter, f"must be a list, not {type(value).__name__}")
    return value


def _model(parameter: str, model: type[ModelT], value: object) -> ModelT:
    """A generated model, or a plain dict turned into one with the model's own defaults."""
    if isinstance(value, model):
        parsed = value
    elif isinstance(value, Mapping):
        data = {**_MCP_SERVER_DEFAULTS, **value} if model is MCPServerDetails else value
        try:
            parsed = model.from_dict(data)
        except KeyError as exc:
            raise InvalidArgumentError(
                parameter, f"missing required field {exc.args[0]!r}"
            ) from None
        except (ValueError, TypeError, AttributeError) as exc:
            raise InvalidArgumentError(
                parameter, f"is not a valid {model.__name__}: {exc}"
            ) from None
    else:
        raise InvalidArgumentError(
            parameter, f"must be a {model.__name__} or a dict, not {type(value).__name__}"
        )
    _check_fields(parameter, parsed)
    return parsed


Check = Callable[[object], bool]


def _is_plain(hint: Any) -> bool:
    """A class that isinstance() alone checks: not generic, not a model, not a JSON number,
    not `Any` (a class since Python 3.11)."""
    return isinstance(hint, type) and hint not in (int, float, Any) and not attrs.has(hint)


@functools.cache
def _checker(hint: Any) -> Check:
    """A predicate for one generated type hint, built once: the hint's structure is read here,
    not on every call. Nested models are checked field by field."""
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if origin in (types.UnionType, typing.Union):
        # Most fields are `None | str | Unset`: one isinstance() with a tuple checks those.
        plain = tuple(argument for argument in arguments if _is_plain(argument))
        others = tuple(_checker(argument) for argument in arguments if not _is_plain(argument))
        if not others:
            return lambda value: isinstance(value, plain)
        return lambda value: isinstance(value, plain) or any(check(value) for check in others)
    if hint is Any:
        return lambda value: True
    if hint is None or hint is type(None):
        return lambda value: value is None
    if origin is list:
        item = _checker(arguments[0])
        return lambda value: isinstance(value, list) and all(item(entry) for entry in value)
    if origin is dict:
        item = _checker(arguments[1])
        return lambda value: (
            isinstance(value, dict)
            and all(isinstance(key, str) and item(entry) for key, entry in value.items())
        )
    if hint in (int, float):  # JSON numbers; bool is an int to Python, not to JSON
        kinds = int if hint is int else int | float
        return lambda value: isinstance(value, kinds) and not isinstance(value, bool)
    if attrs.has(hint):
        fields = _field_checks(hint)
        return lambda value: (
            isinstance(value, hint)
            and all(check(getattr(value, name)) for name, _, check in fields)
        )
    return lambda value: isinstance(value, hint)


_FIELD_CHECKS: dict[type, tuple[tuple[str, Any, Check], ...]] = {}


def _field_checks(model: type) -> tuple[tuple[str, Any, Check], ...]:
    """A generated model's fields, with their resolved type hints and checks, built once."""
    if model not in _FIELD_CHECKS:
        hints = typing.get_type_hints(model, localns=vars(generated_models))
        _FIELD_CHECKS[model] = tuple(
            (field.name, hints[field.name], _checker(hints[field.name]))
            for field in attrs.fields(model)
        )
    return _FIELD_CHECKS[model]


def _describe_hint(hint: Any) -> str:
    options = typing.get_args(hint) if typing.get_origin(hint) is types.UnionType else (hint,)
    names = [
        "None"
        if option is type(None)
        else option.__name__
        if isinstance(option, type)
        else str(option)
        for option in options
        if option is not Unset
    ]
    return " or ".join(names)


def _check_fields(parameter: str, model: object) -> None:
    """The generated parsers keep a value that fits no branch of a union; reject it here.

    The message names the field and the types only: the value may be a secret.
    """
    for name, hint, check in _field_checks(type(model)):
        value = getattr(model, name)
        if not check(value):
            expected = _describe_hint(hint)
            nested = isinstance(value, list | dict) or attrs.has(type(value))
            problem = "; some of its contents have the wrong type" if nested else ""
            actual = "" if nested else f", not {type(value).__name__}"
            raise InvalidArgumentError(
                f"{parameter}.{name}", f"must be {expected}{actual}{problem}"
            )


def _mcp_server(parameter: str, value: object) -> MCPServerDetails:
    server = _model(parameter, MCPServerDetails, value)
    if server.type_ == MCPServerType.Remote and not server.url:
        raise InvalidArgumentError(parameter, "a remote MCP server needs a url")
    if server.type_ == MCPServerType.Local and not server.command:
        raise InvalidArgumentError(parameter, "a local MCP server needs a command")
    return server


def _principal(value: object) -> Principal:
    principal = _model("principal", Principal, value)
    if not isinstance(principal.id, str) or not _PRINCIPAL_ID.fullmatch(principal.id):
        raise InvalidArgumentError(
            "principal.id",
            f"{principal.id!r} must be non-empty, with no ':', white space or control characters",
        )
    _enum("principal.kind", PrincipalKind, principal.kind)
    return principal


def call_options(
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
) -> CallOptions:
    """Checked per-call settings."""
    if not (timeout is None or isinstance(timeout, httpx.Timeout)):
        timeout = httpx.Timeout(_seconds("timeout", timeout))
    return CallOptions(
        timeout=timeout,
        total_timeout=None if total_timeout is None else _seconds("total_timeout", total_timeout),
        max_retries=_whole_number("max_retries", max_retries),
    )


def _seconds(parameter: str, value: object) -> float:
    if isinstance(value, int | float) and not isinstance(value, bool) and value > 0:
        return value
    raise InvalidArgumentError(parameter, f"must be seconds > 0, not {value!r}")


def _whole_number(parameter: str, value: object) -> int | None:
    if value is None or (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
        return value
    raise InvalidArgumentError(parameter, f"must be a whole number >= 0, not {value!r}")


def create_task_call(
    agent_id: str,
    *,
    existing_task_id: str | None = None,
    prompt: str = "",
    file_urls: Sequence[str] | None = None,
    user_details: User | Mapping[str, Any] | None = None,
    agent_version: str | None = None,
    tool_call_payload_extension: Mapping[str, Any] | None = None,
    source: str | None = None,
    worker_id: str | None = None,
    run_locally: bool = False,
    output_format: OutputFormat | str | None = None,
    output_schema: Mapping[str, Any] | None = None,
    events_streaming: bool = False,
    additional_context: str | None = None,
    instructions_override: str | None = None,
    test_run_node_id: str | None = None,
    user_oidc_token: str | None = None,
    expected_output: str | None = None,
    mcp_servers: Sequence[MCPServerDetails | Mapping[str, Any]] | None = None,
    triggering_agent_id: str | None = None,
    title: str | None = None,
    think_mode: ThinkMode | str = ThinkMode.Default,
    disable_attachment_injection: bool = False,
    return_metrics: bool = False,
    user_tokens: Mapping[str, Any] | None = None,
    principal: Principal | Mapping[str, Any] | None = None,
    attachments: Sequence[AttachmentRef | Mapping[str, Any]] | None = None,
    tool_call_limit: int | None = None,
    llm_model_provider: str | None = None,
    llm_model_name: str | None = None,
    llm_reasoning_effort: LLMReasoningEffort | str | None = None,
    harness_cli: str | None = None,
    permission_mode: str | None = None,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
) -> CreateTaskCall:
    """Check the arguments of a create call and build its request.

    The parameters are the published SDK's, with the same names, defaults and meanings, plus
    its six newer ones (`principal` to `permission_mode`) and three per-call settings:
    `timeout` (each phase: seconds, or an `httpx.Timeout`), `total_timeout` (seconds for
    the whole answer) and `max_retries`. Enums take the member or
    its value (`"harder"`); `user_details`, `mcp_servers`, `principal` and `attachments`
    take the model or a plain dict. An argument the API would reject raises
    `InvalidArgumentError` (a 400 `ModuleException`) naming it, before anything is sent.
    """
    options = call_options(timeout=timeout, total_timeout=total_timeout, max_retries=max_retries)
    if not isinstance(prompt, str):
        raise InvalidArgumentError("prompt", f"must be a string, not {type(prompt).__name__}")
    if harness_cli is not None:
        harness_cli = _optional_text("harness_cli", harness_cli)
        harness_cli = harness_cli.strip().lower() if harness_cli else harness_cli
    files = _items("file_urls", file_urls)
    for index, url in enumerate(files):
        if not isinstance(url, str) or not url:
            raise InvalidArgumentError(f"file_urls[{index}]", f"must be a URL string, not {url!r}")
    attachment_refs = [
        _model(f"attachments[{index}]", AttachmentRef, item)
        for index, item in enumerate(_items("attachments", attachments))
    ]
    task_input = TaskInput(
        text=prompt,
        files=list(files),
        user=None if user_details is None else _model("user_details", User, user_details),
        attachments=attachment_refs or UNSET,
        principal=UNSET if principal is None else _principal(principal),
    )
    body = CreateTaskRequest(
        id=None if existing_task_id is None else check_id("existing_task_id", existing_task_id),
        input=task_input,
        payload_extension=_json_object("tool_call_payload_extension", tool_call_payload_extension),
        source=_optional_text("source", source),
        worker_id=_optional_text("worker_id", worker_id),
        run_locally=_flag("run_locally", run_locally),
        output_format=_optional_enum("output_format", OutputFormat, output_format),
        output_schema=_json_object("output_schema", output_schema),
        events_streaming=_flag("events_streaming", events_streaming),
        additional_context=_optional_text("additional_context", additional_context),
        instructions_override=_optional_text("instructions_override", instructions_override),
        test_run_node_id=_optional_text("test_run_node_id", test_run_node_id),
        user_oidc_token=_optional_text("user_oidc_token", user_oidc_token),
        expected_output=_optional_text("expected_output", expected_output),
        mcp_servers=[
            _mcp_server(f"mcp_servers[{index}]", item)
            for index, item in enumerate(_items("mcp_servers", mcp_servers))
        ],
        triggering_agent_id=_optional_text("triggering_agent_id", triggering_agent_id),
        title=_optional_text("title", title),
        think_mode=_enum("think_mode", ThinkMode, think_mode),
        disable_attachment_injection=_flag(
            "disable_attachment_injection", disable_attachment_injection
        ),
        return_metrics=_flag("return_metrics", return_metrics),
        user_tokens=_json_object("user_tokens", user_tokens),
        tool_call_limit=_whole_number("tool_call_limit", tool_call_limit),
        llm_model_provider=_optional_text("llm_model_provider", llm_model_provider),
        llm_model_name=_optional_text("llm_model_name", llm_model_name),
        llm_reasoning_effort=_optional_enum(
            "llm_reasoning_effort", LLMReasoningEffort, llm_reasoning_effort
        ),
        harness_cli=harness_cli,
        permission_mode=_optional_text("permission_mode", permission_mode),
    )
    return CreateTaskCall(
        agent_id=check_id("agent_id", agent_id),
        agent_version=None
        if agent_version is None
        else check_header_value("agent_version", agent_version),
        body=body,
        options=options,
    )


def check_header_value(parameter: str, value: object) -> str:
    """Text that can travel in an HTTP header: non-empty, printable ASCII, one line."""
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise InvalidArgumentError(parameter, f"must be non-empty printable ASCII, not {value!r}")
    return value


class GetTaskCall(NamedTuple):
    """A checked read of one task."""

    task_id: str
    options: CallOptions


def get_task_call(
    task_id: str,
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
) -> GetTaskCall:
    """Check the arguments of a read: a task id that cannot change the path, per-call
    settings as `create_task_call`'s."""
    return GetTaskCall(
        task_id=check_id("task_id", task_id),
        options=call_options(timeout=timeout, total_timeout=total_timeout, max_retries=max_retries),
    )


P = ParamSpec("P")
R = TypeVar("R")
CallT = TypeVar("CallT", CreateTaskCall, GetTaskCall)


def with_arguments_of(
    build: Callable[P, CallT],
) -> Callable[[Callable[[Tasks, CallT], R]], Callable[Concatenate[Tasks, P], R]]:
    """Give a `Tasks` method `build`'s parameters; the method receives what `build` returns.

    The arguments are checked when the method is called (for a coroutine, when awaited).
    """

    def decorate(method: Callable[[Tasks, CallT], R]) -> Callable[Concatenate[Tasks, P], R]:
        if inspect.iscoroutinefunction(method):

            async def async_wrapper(self: Tasks, /, *args: P.args, **kwargs: P.kwargs) -> Any:
                coroutine: Awaitable[Any] = method(self, build(*args, **kwargs))
                return await coroutine

            wrapper: Callable[Concatenate[Tasks, P], Any] = async_wrapper
        else:

            def sync_wrapper(self: Tasks, /, *args: P.args, **kwargs: P.kwargs) -> R:
                return method(self, build(*args, **kwargs))

            wrapper = sync_wrapper
        functools.update_wrapper(wrapper, method)
        del wrapper.__wrapped__  # type: ignore[attr-defined]
        # help(), IDEs and inspect.signature show the real parameters, `self` first.
        signature: inspect.Signature = inspect.signature(build)
        wrapper.__signature__ = signature.replace(  # type: ignore[attr-defined]
            parameters=[
                inspect.Parameter("self", inspect.Parameter.POSITIONAL_ONLY),
                *signature.parameters.values(),
            ],
            return_annotation=inspect.signature(method).return_annotation,
        )
        return wrapper

    return decorate
