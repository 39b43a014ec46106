"""Secrets out of error messages: which request fields hold one, and how text is blanked.

The list of secret fields is not kept here: `openapi.yaml` tags each one `[secret]`, and the
model template records the tag in the generated field's metadata (`{"secret": True}`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import httpx

from xpander_tasks_api.spec_extensions import SECRET_FIELDS

from ._fields import is_model, model_fields

if TYPE_CHECKING:
    from ._exceptions import ModuleException

REDACTED: Final = "[redacted]"
_SHORTEST_SECRET = 4  # blanking shorter values would garble ordinary words


def secret_fields(model: type) -> tuple[str, ...]:
    """The wire names of `model`'s fields that the spec tags `[secret]`."""
    return tuple(field.alias for field in model_fields(model) if field.metadata.get("secret"))


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _secret_values(value: object) -> Iterator[str]:
    """Every string held under a secret key of a JSON value, at any depth."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item) if key in SECRET_FIELDS else _secret_values(item)
    elif isinstance(value, list):
        for item in value:
            yield from _secret_values(item)


def request_secrets(
    api_key: str,
    request: httpx.Request | None = None,
    about: object = None,
    headers: Iterable[str] = (),
) -> list[str]:
    """The secrets a request carries: its API key and the secret fields of its JSON body,
    those of the model it is `about` (a task read again or stopped, whose error body may
    echo the tokens the task holds), and the values of the caller's extra `headers`."""
    found = [api_key, *headers]
    try:
        body: Any = json.loads(request.content) if request and request.content else None
    except (httpx.RequestNotRead, ValueError):
        body = None
    found.extend(_secret_values(body))
    if is_model(type(about)):
        found.extend(_secret_values(about.to_dict()))  # type: ignore[attr-defined]
    return _ordered(found)


def with_echoed_secrets(secrets: Sequence[str], answer: str) -> Sequence[str]:
    """`secrets` and the values under secret keys of an `answer`'s JSON: an error answer
    may echo a task whose secrets the call did not know (a read by id)."""
    try:
        echoed = list(_secret_values(json.loads(answer)))
    except (ValueError, RecursionError):
        return secrets
    return _ordered([*secrets, *echoed]) if echoed else secrets


def _ordered(found: Iterable[str]) -> list[str]:
    # As a server may echo it too: inside a JSON string, escaped (`\"`, `\u00e4`) or not.
    forms = {form for secret in found for form in _json_forms(secret)}
    # Longest first, so a secret that contains another is blanked whole.
    return sorted({form for form in forms if len(form) >= _SHORTEST_SECRET}, key=len, reverse=True)


def _json_forms(secret: str) -> set[str]:
    escaped = json.dumps(secret)[1:-1]
    # Other servers' encoders escape more: "/" (PHP), and "<", ">", "&" (Go's HTML-safe).
    html_safe = escaped.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    return {
        secret,
        escaped,
        json.dumps(secret, ensure_ascii=False)[1:-1],
        escaped.replace("/", "\\/"),
        html_safe,
        html_safe.replace("/", "\\/"),
    }


def redact_text(text: str, secrets: Sequence[str]) -> str:
    """`text` with every one of `secrets` (longest first, as `request_secrets` gives them)
    blanked."""
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def masked_json(model: Any) -> dict[str, Any]:
    """A generated model's JSON (`to_dict()`) with the value of every field the spec tags
    `[secret]`, in nested models too, shown as REDACTED: for printing a task."""
    data: dict[str, Any] = model.to_dict()
    for field in model_fields(type(model)):
        value = getattr(model, field.name)
        if field.alias not in data or value is None:
            continue
        if field.metadata.get("secret"):
            data[field.alias] = REDACTED
        elif is_model(type(value)):
            data[field.alias] = masked_json(value)
        elif isinstance(value, list):
            data[field.alias] = [
                masked_json(item) if is_model(type(item)) else _masked_raw(raw)
                for item, raw in zip(value, data[field.alias], strict=True)
            ]
    return data


def _masked_raw(value: Any) -> Any:
    """JSON kept as it came where a model was declared (an MCP server of a type this version
    does not know): its secret keys masked wherever they are."""
    if isinstance(value, dict):
        return {
            key: REDACTED if key in SECRET_FIELDS and item is not None else _masked_raw(item)
            for key, item in value.items()
        }
    if isinstance(value, list):
        return [_masked_raw(item) for item in value]
    return value


def redact(error: ModuleException, secrets: Sequence[str]) -> None:
    """Blank every secret in what `error` says: its description, request id and hint (a
    server may echo one anywhere), and the messages of the errors it was raised from, which a
    formatted traceback shows (an httpx error quoting a header, a parser quoting a value)."""
    error.description = redact_text(error.description, secrets)
    error.detail = redact_text(error.detail, secrets)
    error.args = (f"[{error.status_code}] {error.description}",)  # as ModuleException's
    if error.request_id is not None:
        error.request_id = redact_text(error.request_id, secrets)
    if error.hint is not None:
        error.hint = redact_text(error.hint, secrets)
    below = [error.__cause__, error.__context__]
    seen: set[int] = set()
    while below:
        cause = below.pop()
        if cause is None or id(cause) in seen:
            continue
        seen.add(id(cause))
        cause.args = tuple(
            redact_text(arg, secrets) if isinstance(arg, str) else arg for arg in cause.args
        )
        below += [cause.__cause__, cause.__context__]
        if isinstance(cause, BaseExceptionGroup):
            below += cause.exceptions
