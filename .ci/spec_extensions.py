"""Write the facts openapi.yaml states that the generator's templates never read (its `x-`
extensions, the API key's header) into the generated package, as
`xpander_tasks_api/spec_extensions.py`: the final statuses, the table of operations the client
sends by, and the headers the client sets itself. Run by `nox -s generate` after the generator:

    python .ci/spec_extensions.py openapi.yaml generated/xpander_tasks_api/spec_extensions.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

_MODULE = '''"""Facts of openapi.yaml the generator's templates do not read (`nox -s generate`)."""

from typing import NamedTuple

FINAL_STATUSES: frozenset[str] = frozenset({final})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""

SUCCESS_STATUS: str = {success!r}
"""The status a task that ran to its end is left in: the last of `x-lifecycle`."""

API_KEY_HEADER: str = {api_key_header!r}
"""The header that carries the API key (the spec's security scheme)."""

SECRET_FIELDS: frozenset[str] = frozenset({secret_fields})
"""The wire names of the properties, in any schema, whose description ends with `[secret]`:
an error body is searched at every depth for these keys."""

HEADER_PARAMETERS: frozenset[str] = frozenset({header_parameters})
"""The header parameters of the spec's operations, lower-case: set by the client from a
call's own parameters (`agent_version`)."""


class Operation(NamedTuple):
    """One operation of the spec, as the client sends it."""

    operation_id: str
    method: str
    path: str
    label: str
    """What errors and logs call it: its operationId, in words."""
    may_have_acted: str | None
    """What to check when it may have acted although its answer was lost
    (`x-may-have-acted`); None: safe to repeat, so it is retried."""
    streaming: bool
    """Its answer is an event stream (`text/event-stream`), checked one event at a time."""
    sdk_method: str | None
    """The public method that sends it (`x-sdk-method`; the async twin is `a` + its name)."""
    endpoint: str
    """The generated module that builds its request and reads its answer."""


OPERATIONS: dict[str, Operation] = {operations}
"""Every operation of the spec, by operationId."""
'''
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
_PACKAGE = "xpander_tasks_api"


def final_statuses(spec: dict[str, object]) -> list[str]:
    """The `x-final-statuses` of `AgentExecutionStatus`, each one of its values."""
    schema = spec["components"]["schemas"]["AgentExecutionStatus"]  # type: ignore[index]
    final: list[str] = schema["x-final-statuses"]
    unknown = [status for status in final if status not in schema["enum"]]
    if unknown:
        raise SystemExit(f"x-final-statuses names statuses the enum lacks: {unknown}")
    return final


def success_status(spec: dict[str, Any]) -> str:
    """The last status of `AgentExecutionStatus`'s `x-lifecycle`, which must be final."""
    schema = spec["components"]["schemas"]["AgentExecutionStatus"]
    success: str = schema["x-lifecycle"][-1]
    if success not in schema["x-final-statuses"]:
        raise SystemExit(f"x-lifecycle ends in {success!r}, which x-final-statuses lacks")
    return success


def _streams(operation: dict[str, Any]) -> bool:
    success = operation.get("responses", {}).get("200", {})
    return "text/event-stream" in success.get("content", {})


def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Each operation's entry of the table, by operationId, in the spec's order."""
    table: dict[str, dict[str, Any]] = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            operation_id = operation["operationId"]
            # Where the generator writes its endpoint: under its first tag, named for its id.
            tag = operation.get("tags", ["default"])[0]
            table[operation_id] = {
                "operation_id": operation_id,
                "method": method.upper(),
                "path": path,
                "label": operation_id.replace("_", " "),
                "may_have_acted": operation.get("x-may-have-acted"),
                "streaming": _streams(operation),
                "sdk_method": operation.get("x-sdk-method"),
                "endpoint": f"{_PACKAGE}.api.{tag}.{operation_id}",
            }
    return table


def _entry(fields: dict[str, Any]) -> str:
    lines = "".join(f"\n        {name}={value!r}," for name, value in fields.items())
    return f"\n    {fields['operation_id']!r}: Operation({lines}\n    ),"


def api_key_header(spec: dict[str, Any]) -> str:
    """The header of the spec's one API key scheme, lower-case."""
    schemes = [
        scheme
        for scheme in spec["components"]["securitySchemes"].values()
        if scheme["type"] == "apiKey" and scheme["in"] == "header"
    ]
    if len(schemes) != 1:
        raise SystemExit(f"the spec has {len(schemes)} API key header schemes, not one")
    return str(schemes[0]["name"]).lower()


def header_parameters(spec: dict[str, Any]) -> list[str]:
    """The names of the header parameters the operations take, lower-case, sorted."""
    shared = spec["components"].get("parameters", {})
    names = set()
    for item in spec["paths"].values():
        for method, operation in item.items():
            if method not in _METHODS:
                continue
            for listed in operation.get("parameters", []):
                ref = listed.get("$ref")
                parameter = shared[ref.rsplit("/", 1)[1]] if ref else listed
                if parameter["in"] == "header":
                    names.add(parameter["name"].lower())
    return sorted(names)


def secret_fields(spec: dict[str, Any]) -> list[str]:
    """The property names, in any schema, the spec tags `[secret]` (as the model template
    reads the tag), sorted."""
    return sorted(
        {
            name
            for schema in spec["components"]["schemas"].values()
            for name, prop in (schema.get("properties") or {}).items()
            if str(prop.get("description", "")).rstrip().endswith("[secret]")
        }
    )


def _set(names: list[str]) -> str:
    return "{" + ", ".join(f'"{name}"' for name in names) + "}"


def main(spec_path: str, target: str) -> None:
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    listed = ", ".join(f'"{status}"' for status in final_statuses(spec))
    entries = "".join(_entry(fields) for fields in operations(spec).values())
    module = _MODULE.format(
        final="{" + listed + "}",
        success=success_status(spec),
        operations="{" + entries + "\n}",
        api_key_header=api_key_header(spec),
        secret_fields=_set(secret_fields(spec)),
        header_parameters=_set(header_parameters(spec)),
    )
    Path(target).write_text(module, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
