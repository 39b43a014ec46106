"""The published SDK's method parameters, checked and mapped onto the generated models.

The builders of the public methods' calls are generated from the spec into `_spec_params`
(`nox -s generate`), on this module's checks and records.
Arguments are checked one way: by the generated models' type hints, each compiled once into
a coercion (`_coercion`), plus the few rules only the overlay knows (the tables below).
"""

from __future__ import annotations

import copy
import functools
import importlib
import inspect
import itertools
import json
import logging
import math
import operator
import os
import re
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from enum import Enum
from typing import TYPE_CHECKING, Any, Final, NamedTuple, ParamSpec, TypeVar

import httpx

from xpander_tasks_api import models as generated_models
from xpander_tasks_api.models import MCPServerDetails, MCPServerType, Principal
from xpander_tasks_api.spec_extensions import API_KEY_HEADER, HEADER_PARAMETERS
from xpander_tasks_api.types import UNSET, Unset

from ._config import ENV_AGENT_ID, Configuration, check_count, check_seconds, check_timeout
from ._exceptions import InvalidArgumentError, InvalidResponseError
from ._fields import is_model, model_fields, model_hints

if TYPE_CHECKING:
    from xpander_tasks_api.models import (
        CreateTaskRequest,
        ReportExternalTaskRequest,
        UpdateTaskRequest,
    )
    from xpander_tasks_api.spec_extensions import Operation

    from ._base_client import BaseClient

logger = logging.getLogger("xpander_tasks")

# Characters that could move a request to another path, or that no real id contains.
_FORBIDDEN_IN_IDS: Final = frozenset("/\\?#%") | {chr(code) for code in range(33)} | {"\x7f"}
# Ids are uuids and names; a URL has room for a few thousand characters in all.
_MAX_ID: Final = 512
# openapi.yaml's Principal.id pattern, its \s spelled out as both ECMA and Python read it.
_PRINCIPAL_ID: Final = re.compile(r"[^:\s\x00-\x1f\x7f\x85\ufeff]+")


# Records are NamedTuples: a frozen dataclass costs ~0.8 ms of import time each (#7).


class CallOptions(NamedTuple):
    """Per-call overrides of the client's settings; None keeps the client's own."""

    timeout: httpx.Timeout | None = None
    total_timeout: float | None = None
    max_retries: int | None = None
    # Query parameters the spec does not name, sent as given (a list's unknown filters).
    extra_query: Mapping[str, str | int | float | bool] | None = None
    # Headers added to the request, and body fields the spec does not have yet.
    extra_headers: Mapping[str, str] | None = None
    extra_body: Mapping[str, Any] | None = None

    def __repr__(self) -> str:  # the extras' names only: a value may be a secret
        extras = {
            name: sorted(value)
            for name, value in (
                ("extra_query", self.extra_query),
                ("extra_headers", self.extra_headers),
                ("extra_body", self.extra_body),
            )
            if value
        }
        return (
            f"CallOptions(timeout={self.timeout!r}, total_timeout={self.total_timeout!r}, "
            f"max_retries={self.max_retries!r}"
            + "".join(f", {name}=<{', '.join(keys)}>" for name, keys in extras.items())
            + ")"
        )


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

    def arguments(self) -> dict[str, Any]:
        """The generated `create_task` endpoint's arguments for this call, but its client."""
        return {
            "agent_or_task_id": self.agent_id,
            "body": self.body,
            "x_agent_version": UNSET if self.agent_version is None else self.agent_version,
        }


class GetTaskCall(NamedTuple):
    """A checked call on one task by its id (a read, a stop)."""

    task_id: str
    options: CallOptions


class GetAgentCall(NamedTuple):
    """A checked read of one agent, at a version or the current one."""

    agent_id: str | None  # None: the configuration's, else XPANDER_AGENT_ID's
    version: str | None
    options: CallOptions

    def arguments(self, client: BaseClient) -> dict[str, Any]:
        """The generated `get_agent` endpoint's arguments for this call, but its client:
        without an id, that of `client`'s configuration or of `XPANDER_AGENT_ID`."""
        agent_id = self.agent_id or client.configuration.agent_id or os.environ.get(ENV_AGENT_ID)
        return {
            "agent_id": check_id("agent_id", agent_id),
            "x_agent_version": UNSET if self.version is None else self.version,
        }


class ListTasksCall(NamedTuple):
    """A checked list: whose tasks (an agent's, or a user's) and the filters, as the
    generated endpoint's query parameters."""

    owner_id: str
    filters: dict[str, Any]
    options: CallOptions


class UpdateTaskCall(NamedTuple):
    """A checked partial update: the task and only the fields given."""

    task_id: str
    body: UpdateTaskRequest
    options: CallOptions


class ReportTaskCall(NamedTuple):
    """A checked report of a task that ran elsewhere, and what to send it with (see
    `client_for`)."""

    configuration: Configuration | BaseClient | None
    client: BaseClient | None
    agent_id: str
    body: ReportExternalTaskRequest
    options: CallOptions


def check_id(parameter: str, value: object) -> str:
    """An id that goes into a URL path: non-empty text that cannot change the path."""
    if not isinstance(value, str) or not value:
        raise InvalidArgumentError(parameter, f"must be a non-empty string, not {value!r}")
    if len(value) > _MAX_ID:
        raise InvalidArgumentError(parameter, f"is {len(value)} characters long: not an id")
    if value in (".", "..") or not _FORBIDDEN_IN_IDS.isdisjoint(value):
        raise InvalidArgumentError(
            parameter, f"{value!r} is not an id (no '/', '?', '#', '%', '\\', spaces or '..')"
        )
    return value


def answer_id(field: str, value: object) -> str:
    """An id the server gave (`task.id`), checked as a caller's before it goes into a path:
    an answer must not steer a request carrying the key to another route."""
    try:
        return check_id(field, value)
    except InvalidArgumentError as error:
        raise InvalidResponseError(
            None, f"{error.description} (in the server's answer); nothing was sent"
        ) from None


def check_header_value(parameter: str, value: object) -> str:
    """Text that can travel in an HTTP header: non-empty, printable ASCII, one line, without
    surrounding spaces (which HTTP does not carry)."""
    if not isinstance(value, str) or not value or not value.isascii() or not value.isprintable():
        raise InvalidArgumentError(parameter, f"must be non-empty printable ASCII, not {value!r}")
    if value != value.strip():
        raise InvalidArgumentError(parameter, f"must not start or end with a space: {value!r}")
    return value


def check_version(parameter: str, value: object) -> str:
    """An agent version for the `x-agent-version` header: a number >= 1 (the SDK's
    `agent.version` is an int), or its text."""
    if isinstance(value, int):  # a bool too, which check_count refuses
        return str(check_count(parameter, value, minimum=1))
    return check_header_value(parameter, value)


_NO_OPTIONS: Final = CallOptions()


def call_options(
    *,
    timeout: float | httpx.Timeout | None = None,
    total_timeout: float | None = None,
    max_retries: int | None = None,
    extra_headers: Mapping[str, str] | None = None,
    extra_query: Mapping[str, str | int | float | bool] | None = None,
    extra_body: Mapping[str, Any] | None = None,
) -> CallOptions:
    """Checked per-call settings, by the checks of the client's own (`_config`), and the
    extras (openai-python's `extra_headers`, `extra_query`, `extra_body`)."""
    if (
        timeout is None
        and total_timeout is None
        and max_retries is None
        and extra_headers is None
        and extra_query is None
        and extra_body is None
    ):
        return _NO_OPTIONS
    return CallOptions(
        timeout=None if timeout is None else check_timeout("timeout", timeout),
        total_timeout=None
        if total_timeout is None
        else check_seconds("total_timeout", total_timeout),
        max_retries=None if max_retries is None else check_count("max_retries", max_retries),
        extra_headers=None if extra_headers is None else _extra_headers(extra_headers),
        extra_query=None if extra_query is None else _extra_query(extra_query),
        extra_body=None if extra_body is None else _extra_body(extra_body),
    )


# HTTP's framing of a request, which the transport sets, and credentials' headers.
_TRANSPORT_HEADERS: Final = frozenset({
    "authorization", "cookie", "host", "content-length", "content-type", "content-encoding",
    "transfer-encoding", "connection",
})  # fmt: skip
# Headers the client sets itself (the key, the spec's header parameters such as the agent
# version, the transport's): an extra header may not replace one.
_OWN_HEADERS: Final = _TRANSPORT_HEADERS | {API_KEY_HEADER} | HEADER_PARAMETERS
# RFC 9110's token: what a header name may be made of.
_HEADER_NAME: Final = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")


def _extra_mapping(parameter: str, value: object) -> Mapping[Any, Any]:
    if not isinstance(value, Mapping):
        raise InvalidArgumentError(parameter, f"must be a dict, not {type(value).__name__}")
    for key in value:
        if not isinstance(key, str) or not key:
            raise InvalidArgumentError(parameter, f"its names must be non-empty text, not {key!r}")
    return value


def _extra_headers(headers: object) -> dict[str, str]:
    checked = {}
    for name, value in _extra_mapping("extra_headers", headers).items():
        if not _HEADER_NAME.fullmatch(name):
            raise InvalidArgumentError("extra_headers", f"{name!r} is not a header name")
        if name.lower() in _OWN_HEADERS:
            raise InvalidArgumentError(
                "extra_headers", f"{name!r} is set by the client and cannot be replaced"
            )
        if not isinstance(value, str) or not value.isascii() or not value.isprintable():
            # The value is not repeated: a header may carry a token.
            raise InvalidArgumentError(
                f"extra_headers[{name!r}]", "must be printable ASCII text on one line"
            )
        checked[name] = value.strip()
    return checked


def _extra_query(query: object) -> dict[str, str | int | float | bool]:
    return _extra_filters(_extra_mapping("extra_query", query), {}, parameter="extra_query")


def _extra_body(body: object) -> dict[str, Any]:
    checked = dict(_extra_mapping("extra_body", body))
    _json_object("extra_body", checked)
    return checked


def _json_object(parameter: str, value: Any) -> None:
    """`value` is JSON with text for every name (`json` would turn a number into text)."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, Mapping):
            if not all(isinstance(key, str) for key in item):
                raise InvalidArgumentError(parameter, "must have text for every name in it")
            stack.extend(item.values())
        elif isinstance(item, list | tuple):
            stack.extend(item)
    _json_value(parameter, value)


def merge_extra_body(body: Any, extra: Mapping[str, Any]) -> None:
    """Add `extra` to a generated body model's fields, as its additional properties; a field
    the model has is refused: its parameter says it."""
    fields = model_fields(getattr(body, "_model", type(body)))  # a bound task: its model's
    known = {field.alias for field in fields} | {field.name.rstrip("_") for field in fields}
    taken = sorted(known.intersection(extra))
    if taken:
        raise InvalidArgumentError(
            "extra_body", f"{', '.join(map(repr, taken))}: pass the call's parameter instead"
        )
    # A new dict: a copied task's body shares the task's own.
    body.additional_properties = {**body.additional_properties, **copy.deepcopy(dict(extra))}


# Coercions compiled from the generated type hints.

Coerce = Callable[[str, Any], Any]
"""`(parameter, value)`: the value as the generated model holds it. A problem inside the
value raises `InvalidArgumentError` naming its own part (`mcp_servers[0].url`)."""

# What an option of a union answers for a value of another type.
_REJECTED: Final = object()


def _options(hint: Any) -> tuple[Any, ...]:
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        return typing.get_args(hint)
    return (hint,)


@functools.cache
def _as_is(hint: Any) -> tuple[type, ...]:
    """The classes of `hint` whose instances are taken as they are, by one isinstance():
    not generics, models (whose fields are checked), JSON numbers (to which a bool is not
    one, as it is to Python) or `Any` (a class since Python 3.11). Most fields are
    `None | str | Unset`: these alone."""
    return tuple(
        option
        for option in _options(hint)
        if isinstance(option, type) and option not in (int, float, Any) and not is_model(option)
    )


def _is_enum(hint: Any) -> bool:
    return isinstance(hint, type) and issubclass(hint, Enum)


def _describe(hint: Any) -> str:
    """What a value of `hint` is, in a message's words (never the value itself)."""
    if hint is type(None):
        return "None"
    if _is_enum(hint):
        return "one of " + ", ".join(repr(member.value) for member in hint)
    if is_model(hint):
        return f"a {hint.__name__} or a dict"
    origin = typing.get_origin(hint) or hint
    words = {str: "a string", bool: "True or False", int: "a whole number", float: "a number"}
    return words.get(origin) or {list: "a list", dict: "a dict"}.get(origin, "anything")


@functools.cache
def _coercion(hint: Any) -> Coerce:
    """The coercion of one generated type hint, built once: the hint's structure is read
    here, not on every call. A value of none of the hint's types raises, naming the types."""
    as_is = _as_is(hint)
    others = tuple(
        _accept_option(option)
        for option in _options(hint)
        if option not in as_is or _is_enum(option)  # an enum takes its values too
    )
    expected = _describe_all(hint)
    # A string an enum does not list is not repeated: it may be a secret in the wrong field.
    other_text = "another value" if any(_is_enum(o) for o in _options(hint)) else "str"

    def coerce(parameter: str, value: Any) -> Any:
        if isinstance(value, as_is):
            return value
        for other in others:
            result = other(parameter, value)
            if result is not _REJECTED:
                return result
        actual = (
            other_text
            if isinstance(value, str)
            else "None"
            if value is None
            else type(value).__name__
        )
        raise InvalidArgumentError(parameter, f"must be {expected}, not {actual}")

    return coerce


def _accept_option(hint: Any) -> Coerce:
    origin, arguments = typing.get_origin(hint), typing.get_args(hint)
    if hint is Any:
        return lambda parameter, value: value
    if hint in (int, float):  # JSON numbers: not a bool (an int to Python), NaN or infinity
        kinds = int if hint is int else int | float
        return lambda parameter, value: (
            value
            if isinstance(value, kinds) and not isinstance(value, bool) and math.isfinite(value)
            else _REJECTED
        )
    if _is_enum(hint):
        members = hint._value2member_map_  # a member is its own value: StrEnum
        return lambda parameter, value: (
            members.get(value, _REJECTED) if isinstance(value, str) else _REJECTED
        )
    if origin is list:
        return _accept_list(arguments[0])
    if origin is dict:
        return _accept_dict(arguments[1])
    if is_model(hint):
        return _accept_model(hint)
    raise TypeError(f"no coercion for the generated type hint {hint!r}")


def _accept_list(item_hint: Any) -> Coerce:
    """Any sequence but text, whose letters would each become an item; items are named by
    their index."""

    as_is, item = _as_is(item_hint), _coercion(item_hint)

    def accept(parameter: str, value: Any) -> Any:
        if type(value) not in (list, tuple) and (
            isinstance(value, str | bytes | bytearray) or not isinstance(value, Sequence)
        ):
            return _REJECTED
        if all(map(isinstance, value, itertools.repeat(as_is))):
            return list(value)
        return [
            entry if isinstance(entry, as_is) else item(f"{parameter}[{index}]", entry)
            for index, entry in enumerate(value)
        ]

    return accept


def _accept_dict(value_hint: Any) -> Coerce:
    """A JSON object: text keys. Entries are not named in messages: their keys (header and
    variable names) may say more than a message should."""
    expected = _describe(value_hint)
    as_is, entry = _as_is(value_hint), _coercion(value_hint)

    def accept(parameter: str, value: Any) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            return _REJECTED
        if not all(map(isinstance, value, itertools.repeat(str))):
            raise InvalidArgumentError(parameter, "each of its keys must be a string")
        if value_hint is Any:  # free JSON (a schema, a payload): JSON it must be
            return _json_value(parameter, value)
        if all(map(isinstance, value.values(), itertools.repeat(as_is))):
            return value
        try:
            return {key: entry(parameter, item) for key, item in value.items()}
        except InvalidArgumentError:
            raise InvalidArgumentError(
                parameter, f"each of its values must be {expected}"
            ) from None

    return accept


def _accept_model(model: type) -> Coerce:
    """The model itself, or a dict turned into one (the model's defaults for what it leaves
    out, as the published SDK's models fill them); its fields coerced, its rules checked."""
    fields, rule = _fields(model), _MODEL_RULES.get(model)
    by_key, required = _wire_fields(model)
    generated: Any = model

    def accept(parameter: str, value: Any) -> Any:
        if isinstance(value, model):
            parsed = _with_fields_coerced(parameter, value, fields)
        elif type(value) is dict or isinstance(value, Mapping):
            parsed = _parsed(parameter, generated, value, by_key, required)
        else:
            return _REJECTED
        if rule is not None:
            rule(parameter, parsed)
        return parsed

    return accept


def _with_fields_coerced(
    parameter: str, model: object, fields: tuple[tuple[str, tuple[type, ...], Coerce], ...]
) -> object:
    """A caller's model with its fields coerced; a copy if any changes, not the caller's."""
    coerced_model = model
    for name, as_is, coerce in fields:
        current = getattr(model, name)
        if isinstance(current, as_is):
            continue
        # A map model's entries are the model: they keep its name.
        part = parameter if name == "additional_properties" else f"{parameter}.{name}"
        coerced = coerce(part, current)
        if coerced is not current:
            if coerced_model is model:
                coerced_model = copy.copy(model)
            setattr(coerced_model, name, coerced)
    return coerced_model


def _parsed(
    parameter: str,
    model: Any,
    value: Mapping[str, Any],
    by_key: Mapping[str, tuple[str, tuple[type, ...], Coerce, str | None]],
    required: tuple[str, ...],
) -> Any:
    """A model from a dict, in one pass over what the dict holds (rather than the generated
    `from_dict`, which reads every field and builds a parser for each on every call): its
    other keys kept as the model's additional properties, as `from_dict` keeps them."""
    for key in required:
        if key not in value:
            raise InvalidArgumentError(parameter, f"missing required field {key!r}")
    fields: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for key, raw in value.items():
        known = by_key.get(key)
        if known is None:
            extra[key] = raw
            continue
        name, as_is, coerce, enum = known
        if isinstance(raw, as_is):
            fields[name] = raw
        elif enum is None:
            fields[name] = coerce(f"{parameter}.{key}", raw)
        else:  # said of the item, without the value: it may be a secret in the wrong field
            try:
                fields[name] = coerce(key, raw)
            except InvalidArgumentError:
                raise InvalidArgumentError(parameter, f"{key} must be {enum}") from None
    parsed = model(**fields)
    if extra:
        parsed.additional_properties = extra
    return parsed


@functools.cache
def _fields(model: type) -> tuple[tuple[str, tuple[type, ...], Coerce], ...]:
    """A generated model's fields with what their type hints take as is and their
    coercions, built once."""
    hints = model_hints(model)
    return tuple(
        (field.name, _as_is(hints[field.name]), _coercion(hints[field.name]))
        for field in model_fields(model)
    )


def _wire_fields(
    model: type,
) -> tuple[dict[str, tuple[str, tuple[type, ...], Coerce, str | None]], tuple[str, ...]]:
    """A generated model's fields by their names on the wire (the `__init__` keywords: the
    model template gives a field Python reserves, `type_`, its wire name as alias), each with
    what its type hint takes as is, its coercion and, for an enum, what it lists; and the
    names it requires."""
    from attrs import NOTHING  # noqa: PLC0415

    hints = model_hints(model)
    by_key = {
        field.alias: (
            field.alias,
            _as_is(hints[field.name]),
            _coercion(hints[field.name]),
            _describe_all(hints[field.name])
            if any(_is_enum(option) for option in _options(hints[field.name]))
            else None,
        )
        for field in model_fields(model)
        if field.init
    }
    required = tuple(
        field.alias for field in model_fields(model) if field.init and field.default is NOTHING
    )
    return by_key, required


def _describe_all(hint: Any) -> str:
    options = sorted(_options(_without_unset(hint)), key=lambda option: option is type(None))
    return " or ".join(_describe(option) for option in options)


def _without_unset(hint: Any) -> Any:
    """`Unset` is how a model marks a field left out; a caller never passes it."""
    return functools.reduce(operator.or_, (o for o in _options(hint) if o is not Unset))


# What only the overlay knows: rules the generated models cannot express.


def _principal_id(parameter: str, principal: Principal) -> None:
    if not _PRINCIPAL_ID.fullmatch(principal.id):
        raise InvalidArgumentError(
            f"{parameter}.id",
            f"{principal.id!r} must be non-empty, with no ':', white space or control characters",
        )


def _mcp_server_reachable(parameter: str, server: MCPServerDetails) -> None:
    # The spec says this as if/then, which the generated models cannot.
    if server.type_ == MCPServerType.Remote and not server.url:
        raise InvalidArgumentError(parameter, "a remote MCP server needs a url")
    if server.type_ == MCPServerType.Local and not server.command:
        raise InvalidArgumentError(parameter, "a local MCP server needs a command")


# Rules of a model wherever it occurs, after its fields' coercions.
_MODEL_RULES: Final[dict[type, Callable[[str, Any], None]]] = {
    Principal: _principal_id,
    MCPServerDetails: _mcp_server_reachable,
}


def _optional_id(parameter: str, value: str | None) -> str | None:
    return None if value is None else check_id(parameter, value)


def _urls(parameter: str, urls: list[str]) -> list[str]:
    if not all(urls):
        raise InvalidArgumentError(f"{parameter}[{urls.index('')}]", "must be a URL, not ''")
    return urls


def _harness_name(parameter: str, value: str | None) -> str | None:
    return value.strip().lower() if value else value


# Made once: `json.dumps` with an option builds an encoder on every call.
_JSON_CHECK: Final = json.JSONEncoder(allow_nan=False)


def _json_value(parameter: str, value: Any) -> Any:
    try:
        _JSON_CHECK.encode(value)
    except (TypeError, ValueError, RecursionError):
        raise InvalidArgumentError(
            parameter, "must be JSON: dicts, lists, strings, numbers, True, False or None"
        ) from None
    return value


# Checks after the field's type hint's, on a value of that type.
_CHECKS: Final[dict[str, Coerce]] = {
    "existing_task_id": _optional_id,
    "file_urls": _urls,
    "harness_cli": _harness_name,
    "llm_response": _json_value,
}
# Left out of the body when empty, as the published SDK does.
_OMIT_WHEN_EMPTY: Final = frozenset({"attachments", "principal"})


def _parameter_coercion(
    name: str, hint: Any, spec_checks: Mapping[str, Any] | None = None
) -> Coerce:
    """A parameter's coercion: its field's type hint, the spec's checks, the overlay's rules."""
    coerce = _coercion(_without_unset(hint))
    if spec_checks:
        coerce = _spec_checked(coerce, spec_checks)
    check = _CHECKS.get(name)
    if check is not None:
        by_hint = coerce

        def coerce(parameter: str, value: Any) -> Any:
            return check(parameter, by_hint(parameter, value))

    if name in _OMIT_WHEN_EMPTY:
        present = coerce

        def coerce(parameter: str, value: Any) -> Any:
            return present(parameter, value) if value else UNSET

    return coerce


def _spec_checked(coerce: Coerce, checks: Mapping[str, Any]) -> Coerce:
    """`coerce`, then the spec's checks of the value (None passes: the type hint allows it)."""
    pattern = re.compile(checks["pattern"]) if "pattern" in checks else None

    def checked(parameter: str, value: Any) -> Any:
        value = coerce(parameter, value)
        if value is not None and value is not UNSET:
            problem = _spec_problem(checks, pattern, value)
            if problem:
                raise InvalidArgumentError(parameter, problem)
        return value

    return checked


def _spec_problem(checks: Mapping[str, Any], pattern: re.Pattern[str] | None, value: Any) -> str:
    """What the spec's checks find wrong with a value, or ''. Values are not repeated: one
    may be a secret in the wrong field."""
    if "enum" in checks and value not in checks["enum"]:
        return "must be one of " + ", ".join(map(repr, checks["enum"]))
    if isinstance(value, int | float):
        bounds = (
            ("minimum", operator.lt, ">="),
            ("exclusiveMinimum", operator.le, ">"),
            ("maximum", operator.gt, "<="),
            ("exclusiveMaximum", operator.ge, "<"),
        )
        for key, fails, word in bounds:
            if key in checks and fails(value, checks[key]):
                return f"must be {word} {checks[key]}"
    sized = (("minLength", "maxLength", "characters"), ("minItems", "maxItems", "items"))
    for low, high, unit in sized:
        if isinstance(value, str) != (unit == "characters") or not hasattr(value, "__len__"):
            continue
        if low in checks and len(value) < checks[low]:
            return f"must have at least {checks[low]} {unit}"
        if high in checks and len(value) > checks[high]:
            return f"must have at most {checks[high]} {unit}"
    if pattern is not None and isinstance(value, str) and not pattern.search(value):
        return f"must match the pattern {pattern.pattern!r}"
    return ""


def _omitted_when_none(coerce: Coerce) -> Coerce:
    def omitted(parameter: str, value: Any) -> Any:
        return UNSET if value is None else coerce(parameter, value)

    return omitted


class _Plan(NamedTuple):
    """A body's parameters compiled, and what their defaults send."""

    # Each parameter's name; the part of the body holding its field (`input`; None: the
    # body itself) and the field; what is sent as it is (a value no overlay rule reads);
    # its coercion; its default, known good and never checked. Plain tuples: unpacking a
    # NamedTuple (a tuple subclass) takes Python's slow path, on every call.
    parameters: tuple[tuple[str, str | None, str, tuple[type, ...], Coerce, object], ...]
    sent: dict[str | None, dict[str, Any]]  # field -> value, by part
    fresh: tuple[tuple[str | None, str], ...]  # mutable defaults (`[]`), made anew each time
    parts: dict[str, type]
    model: type  # the body's


class _Body:
    """Builds a request body from a method's arguments, passed as one dict: each argument
    coerced by its field's type hint and the overlay's rules; a default, known good, taken
    as prepared."""

    def __init__(
        self,
        model: str,
        defaults: Mapping[str, Any],
        *,
        fields: Mapping[str, str],
        omit_none: frozenset[str] = frozenset(),
        checks: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> None:
        """`model`: the generated body model's name, loaded on the first call (an update's
        is not needed by an app that only creates); `defaults`: the body's parameters, each
        with its default (the methods' own);
        `fields`: parameter -> the field it fills, where the names differ; `omit_none`:
        parameters left out of the body when None (the published SDK's partial bodies);
        `checks`: the spec's value checks of each parameter (`minimum`, `pattern`...)."""
        self._model, self._defaults = model, defaults
        self._fields, self._omit_none, self._checks = fields, omit_none, checks or {}

    @functools.cached_property
    def _plan(self) -> _Plan:
        """Compiled on the first call rather than at import: it reads every type hint."""
        model: type = getattr(generated_models, self._model)
        hints = _wire_hints(model)
        parts: dict[str, type] = {}
        parameters = []
        sent: dict[str | None, dict[str, Any]] = {None: {}}
        for name, default in self._defaults.items():
            part, _, field = self._fields.get(name, name).rpartition(".")
            if part:
                parts[part] = next(o for o in _options(hints[part]) if is_model(o))
                hint = _wire_hints(parts[part])[field]
            else:
                hint = hints[field]
            coerce = _parameter_coercion(name, hint, self._checks.get(name))
            if name in self._omit_none:
                coerce = _omitted_when_none(coerce)
            ruled = (
                name in _CHECKS
                or name in _OMIT_WHEN_EMPTY
                or name in self._omit_none
                or name in self._checks
            )
            as_is = () if ruled else _as_is(hint)
            parameters.append((name, part or None, field, as_is, coerce, default))
            # A list parameter's None is its empty list.
            is_list = any(typing.get_origin(option) is list for option in _options(hint))
            sent.setdefault(part or None, {})[field] = (
                []
                if default is None and is_list and name not in _OMIT_WHEN_EMPTY
                else coerce(name, default)
            )
        return _Plan(
            parameters=tuple(parameters),
            sent=sent,
            fresh=tuple(
                (part, field)
                for part, fields in sent.items()
                for field, value in fields.items()
                if isinstance(value, list)
            ),
            parts=parts,
            model=model,
        )

    def __call__(self, arguments: Mapping[str, Any]) -> Any:
        plan = self._plan
        values = {part: fields.copy() for part, fields in plan.sent.items()}
        for part, field in plan.fresh:
            values[part][field] = []
        for name, part, field, as_is, coerce, default in plan.parameters:
            value = arguments[name]
            # Only what the caller passed: the defaults are known good, and sent as prepared.
            if value is not default:
                values[part][field] = value if isinstance(value, as_is) else coerce(name, value)
        body = values.pop(None)
        for part, model in plan.parts.items():
            body[part] = model(**values[part])
        return plan.model(**body)

    def given(self, arguments: Mapping[str, Any], call: str) -> Any:
        """The body from the arguments `call` was given by name, the others at their
        defaults; a name that is not a parameter is Python's `TypeError`."""
        for name in arguments:
            if name not in self._defaults:
                raise TypeError(f"{call}() got an unexpected keyword argument {name!r}")
        return self({**self._defaults, **arguments})


@functools.cache
def _wire_hints(model: type) -> dict[str, Any]:
    """A generated model's type hints by wire name, its `__init__` keywords (`input`)."""
    hints = model_hints(model)
    return {field.alias: hints[field.name] for field in model_fields(model)}


def _query(
    endpoint: Callable[..., Any],
    filters: object,
    given: Mapping[str, Any],
) -> tuple[dict[str, Any], dict[str, str | int | float | bool]]:
    """A list's filters, from the SDK's `filters` dict and the keyword arguments alike,
    checked by the generated endpoint's type hints (a status goes out as its value); and
    the filters the spec does not name, sent as they are, as the published SDK sends them."""
    if filters is None:
        filters = {}
    if not isinstance(filters, Mapping):
        raise InvalidArgumentError("filters", f"must be a dict, not {type(filters).__name__}")
    unknown = {key: value for key, value in filters.items() if key not in given}
    filters = {key: value for key, value in filters.items() if key in given}
    chosen = {key: value for key, value in filters.items() if value is not None}
    for name, value in given.items():
        if value is None:
            continue
        if chosen.get(name, value) != value:
            raise InvalidArgumentError(name, "differs from the same filter in `filters`")
        chosen[name] = value
    hints = _endpoint_hints(endpoint)
    typed = {
        name: _coercion(_without_unset(hints[name]))(name, value) for name, value in chosen.items()
    }
    return typed, _extra_filters(unknown, given)


def _extra_filters(
    unknown: Mapping[Any, Any], known: Mapping[str, Any], parameter: str = "filters"
) -> dict[str, str | int | float | bool]:
    """Filters the spec does not name, as query parameters (None left out); a near miss of
    a known one is sent too, and logged with the name it likely meant."""
    extra: dict[str, str | int | float | bool] = {}
    for key, value in unknown.items():
        if not isinstance(key, str) or not key:
            raise InvalidArgumentError(parameter, f"a filter's name must be text, not {key!r}")
        if value is None:
            continue
        if not isinstance(value, str | int | float | bool):
            raise InvalidArgumentError(
                f"{parameter}[{key!r}]",
                f"must be text, a number or a bool, not {type(value).__name__}",
            )
        import difflib  # noqa: PLC0415  (a rare path: not loaded with the package)

        close = difflib.get_close_matches(key, list(known), n=1)
        if close:
            logger.warning(
                "filter %r is not one the API documents; did you mean %r? It is sent as given",
                key,
                close[0],
            )
        extra[key] = value
    return extra


def _with_filters(
    options: CallOptions, filters: dict[str, str | int | float | bool], given: Mapping[str, Any]
) -> CallOptions:
    """`options` with the filters the spec does not name added to its `extra_query`, which
    may not hold a filter the call has a parameter for."""
    extra_query = options.extra_query
    if extra_query:
        taken = sorted(given.keys() & extra_query.keys())
        if taken:
            raise InvalidArgumentError(
                "extra_query", f"{', '.join(map(repr, taken))}: pass the call's parameter instead"
            )
        filters = {**extra_query, **filters}
    return options._replace(extra_query=filters) if filters else options


@functools.cache
def _endpoint_hints(endpoint: Callable[..., Any]) -> dict[str, Any]:
    return typing.get_type_hints(endpoint, localns=vars(generated_models))


def list_call(
    operation: Operation,
    owner: str,
    owner_id: str,
    filters: object,
    *,
    given: Mapping[str, Any],
    options: CallOptions,
) -> ListTasksCall:
    """Check a list of `owner`'s tasks (an agent's, a user's): the published SDK's `filters`
    dict, or the same filters as keyword arguments (`given`); a filter the spec does not name
    is sent as given, as the SDK sends it (a near miss of a known one logged with a "did you
    mean"); the operation's generated endpoint is imported on the first list."""
    endpoint = importlib.import_module(operation.endpoint).sync_detailed
    typed, extra = _query(endpoint, filters, given)
    return ListTasksCall(
        owner_id=check_id(owner, owner_id),
        filters=typed,
        options=_with_filters(options, extra, given),
    )


P = ParamSpec("P")
R = TypeVar("R")


def with_parameter_hints(method: Callable[P, R]) -> Callable[P, R]:
    """`method` as it is, but a call that does not fit its signature is a `TypeError` that
    suggests the closest parameter (`promt`: did you mean `prompt`?). One frame: the method
    is the create hot path. The signature is read on a misfit only, not at import."""
    public = method.__qualname__
    if inspect.iscoroutinefunction(method):

        async def async_checked(*args: P.args, **kwargs: P.kwargs) -> Any:
            try:  # a coroutine function's TypeError here is its arguments': the body waits
                coroutine: Any = method(*args, **kwargs)
            except TypeError as error:
                signature = inspect.signature(method)
                raise TypeError(_misfit(public, method, signature, kwargs, error)) from None
            return await coroutine

        return functools.wraps(method)(async_checked)  # type: ignore[return-value]

    def checked(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(*args, **kwargs)
        except TypeError as error:
            signature = inspect.signature(method)
            try:
                signature.bind(*args, **kwargs)
            except TypeError:
                raise TypeError(_misfit(public, method, signature, kwargs, error)) from None
            raise  # raised inside the method, not by the call

    return functools.wraps(method)(checked)


def _misfit(
    public: str,
    build: Callable[..., Any],
    signature: inspect.Signature,
    kwargs: Mapping[str, Any],
    error: TypeError,
) -> str:
    unknown = [name for name in kwargs if name not in signature.parameters]
    if not unknown:  # a missing or extra positional argument: Python's words, our name
        return str(error).replace(f"{build.__qualname__}()", f"{public}()", 1)
    message = f"{public}() got an unexpected keyword argument {unknown[0]!r}"
    import difflib  # noqa: PLC0415  (a mistake's path: not loaded with the package)

    close = difflib.get_close_matches(unknown[0], list(signature.parameters), n=1)
    return f"{message}; did you mean {close[0]!r}?" if close else message
