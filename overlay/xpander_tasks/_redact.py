"""Secrets out of error messages: which request fields hold one, and how text is blanked.

The list of secret fields is not kept here: `openapi.yaml` tags each one `[secret]`, and the
model template records the tag in the generated field's metadata (`{"secret": True}`).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Final

import attrs
import httpx

from xpander_tasks_api import models

if TYPE_CHECKING:
    from ._exceptions import ModuleException

REDACTED: Final = "[redacted]"
_SHORTEST_SECRET = 4  # blanking shorter values would garble ordinary words


def secret_fields(model: type[attrs.AttrsInstance]) -> tuple[str, ...]:
    """The wire names of `model`'s fields that the spec tags `[secret]`."""
    return tuple(field.alias for field in attrs.fields(model) if field.metadata.get("secret"))


# Every generated model's secret fields, nested ones (an MCP server's credentials inside
# `mcp_servers`) included: a body is searched at every depth for these keys. A key that is a
# secret in one model is blanked wherever it appears, as over-blanking an error message costs
# nothing and missing a secret would leak it.
SECRET_FIELDS: Final = frozenset(
    name
    for model in vars(models).values()
    if isinstance(model, type) and attrs.has(model)
    for name in secret_fields(model)
)


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


def request_secrets(api_key: str, request: httpx.Request) -> list[str]:
    """The secrets a request carries: its API key and the secret fields of its JSON body."""
    found = [api_key]
    try:
        body: Any = json.loads(request.content) if request.content else None
    except (httpx.RequestNotRead, ValueError):
        body = None
    found.extend(_secret_values(body))
    # Longest first, so a secret that contains another is blanked whole.
    return sorted(
        {secret for secret in found if len(secret) >= _SHORTEST_SECRET}, key=len, reverse=True
    )


def redact_text(text: str, secrets: Sequence[str]) -> str:
    """`text` with every one of `secrets` (longest first, as `request_secrets` gives them)
    blanked."""
    for secret in secrets:
        text = text.replace(secret, REDACTED)
    return text


def redact(error: ModuleException, secrets: Sequence[str]) -> None:
    """Blank every secret in `error`'s description (a server's answer may echo one)."""
    description = redact_text(error.description, secrets)
    if description != error.description:
        error.description = description
        error.args = (error.status_code, description)
