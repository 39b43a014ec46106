"""Reading a request body as JSON, and the checks on it that the spec's schemas cannot express."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, NoReturn

from jsonschema import Draft202012Validator, FormatChecker
from jsonschema.exceptions import SchemaError
from jsonschema.validators import validator_for
from referencing.jsonschema import UnknownDialect, specification_with
from starlette.requests import Request

from xpander_tasks_server._spec import shorten

MAX_BODY_BYTES = 1_000_000
# Deeper JSON is refused before anything recursive (validation, storage, echo) meets it.
MAX_DEPTH = 64
# Checking an `output_schema` costs about a millisecond per subschema (object), compiling its
# patterns time in their length: the bounds keep one create's check under a second. Patterns
# are compiled, never matched, so no regex can backtrack here.
MAX_OUTPUT_SCHEMA_BYTES = 32_768
MAX_OUTPUT_SCHEMA_OBJECTS = 500
# What a format check raises for a value it cannot handle, besides the errors it declares:
# `re.compile` raises OverflowError for `a{4294967296}`, RecursionError for deep groups.
_UNCHECKABLE: tuple[type[Exception], ...] = (ValueError, OverflowError, RecursionError, re.error)


class ApiError(Exception):
    """An answer other than 2xx, with the spec's `Error` body."""

    def __init__(self, status_code: int, detail: str | list[Any]) -> None:
        super().__init__(status_code, detail)
        self.status_code = status_code
        self.detail = detail


async def read_json_object(request: Request) -> dict[str, Any]:
    """The body as a JSON object; anything else (not JSON, too big, not an object) is a 400."""
    content_type = request.headers.get("content-type")
    if content_type is not None and not _is_json(content_type):
        raise ApiError(400, f"Content-Type must be application/json, not {shorten(content_type)}")
    raw = bytearray()
    async for chunk in request.stream():
        raw += chunk
        if len(raw) > MAX_BODY_BYTES:
            raise ApiError(400, f"Request body is larger than {MAX_BODY_BYTES} bytes")
    if not raw.strip():
        raise ApiError(400, "Request body is required: a JSON object")
    try:
        body = json.loads(raw, parse_constant=_reject_constant, parse_float=_finite_float)
    except (ValueError, RecursionError) as exc:
        raise ApiError(400, f"Request body is not valid JSON: {shorten(str(exc))}") from None
    if not isinstance(body, dict):
        raise ApiError(400, f"Request body must be a JSON object, not {_json_type(body)}")
    if _depth(body) > MAX_DEPTH:
        raise ApiError(400, f"Request body is nested deeper than {MAX_DEPTH} levels")
    try:
        json.dumps(body, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        # "\ud800" parses, but a lone surrogate is no Unicode text: it cannot be stored or echoed.
        raise ApiError(400, "Request body is not valid Unicode: a lone surrogate") from None
    return body


def semantic_problem(body: Mapping[str, Any]) -> str | None:
    """What no schema can say is wrong with a create body, naming the field; None when nothing.

    An `output_schema` must itself be a JSON Schema; the spec's own rules (such as the MCP
    server one) are checked with its schemas instead.
    """
    output_schema = body.get("output_schema")
    if output_schema is not None:
        problem = _json_schema_problem(output_schema)
        if problem is not None:
            return f"output_schema: {problem}"
    return None


def _json_schema_problem(schema: dict[str, Any]) -> str | None:
    size = len(json.dumps(schema, ensure_ascii=False).encode("utf-8"))
    if size > MAX_OUTPUT_SCHEMA_BYTES:
        return f"larger than {MAX_OUTPUT_SCHEMA_BYTES} bytes as JSON ({size})"
    objects = sum(isinstance(item, dict) for item, _ in _containers(schema))
    if objects > MAX_OUTPUT_SCHEMA_OBJECTS:
        return f"more than {MAX_OUTPUT_SCHEMA_OBJECTS} objects ({objects})"
    dialect = schema.get("$schema")
    if dialect is not None:
        if not isinstance(dialect, str):
            return "$schema must be a string"
        try:
            specification_with(dialect)
        except UnknownDialect:
            return f"unknown $schema {shorten(repr(dialect))}"
    validator = validator_for(schema, default=Draft202012Validator)
    checker = _total(validator.FORMAT_CHECKER)
    try:
        # The stubs' protocol lacks `format_checker`, which jsonschema 4.21+ takes.
        validator.check_schema(schema, format_checker=checker)  # type: ignore[call-arg]
    except SchemaError as exc:
        return f"not a valid JSON Schema at {exc.json_path}: {shorten(exc.message)}"
    except RecursionError:
        return "not a valid JSON Schema: nested too deeply"
    return None


def _total(checker: FormatChecker) -> FormatChecker:
    """The checker's formats, where a value a check fails on does not have the format."""
    total = FormatChecker(())
    for name, (check, raises) in checker.checkers.items():
        declared = raises if isinstance(raises, tuple) else (raises,)
        total.checkers[name] = (check, (*declared, *_UNCHECKABLE))
    return total


def _depth(value: Any) -> int:
    """How deeply arrays and objects nest in `value`."""
    return max((depth for _, depth in _containers(value)), default=0)


def _containers(value: Any) -> Iterator[tuple[dict[str, Any] | list[Any], int]]:
    """Every array and object in `value`, with how deeply it nests, found without recursion."""
    pending = [(value, 1)]
    while pending:
        item, depth = pending.pop()
        children = list(item.values()) if isinstance(item, dict) else item
        if isinstance(children, list):
            yield item, depth
            pending += [(child, depth + 1) for child in children]


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    kinds = {bool: "boolean", int: "number", float: "number", str: "string", list: "array"}
    return kinds[type(value)]


def _is_json(content_type: str) -> bool:
    media_type = content_type.partition(";")[0].strip().lower()
    return media_type == "application/json" or media_type.endswith("+json")


def _reject_constant(name: str) -> NoReturn:
    raise ValueError(f"{name} is not a JSON number")


def _finite_float(text: str) -> float:
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(f"number out of range: {shorten(text)}")
    return value
