"""Write the facts openapi.yaml states as `x-` extensions (which the generator's templates
never see) into the generated package, as `xpander_tasks_api/spec_extensions.py`: the final
statuses, and the table of operations the client sends by. Run by `nox -s generate` after the
generator:

    python .ci/spec_extensions.py openapi.yaml generated/xpander_tasks_api/spec_extensions.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

_MODULE = '''"""Facts openapi.yaml states as `x-` extensions, written by `nox -s generate`."""

from typing import NamedTuple

FINAL_STATUSES: frozenset[str] = frozenset({final})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""


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


def main(spec_path: str, target: str) -> None:
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    listed = ", ".join(f'"{status}"' for status in final_statuses(spec))
    entries = "".join(_entry(fields) for fields in operations(spec).values())
    module = _MODULE.format(final="{" + listed + "}", operations="{" + entries + "\n}")
    Path(target).write_text(module, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
