"""Write the facts openapi.yaml states that the generator's templates never read (its `x-`
extensions, the API key's header) into the generated package, as
`xpander_tasks_api/spec_extensions.py`. Run by
`nox -s generate` after the generator:

    python .ci/spec_extensions.py openapi.yaml generated/xpander_tasks_api/spec_extensions.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

_MODULE = '''"""Facts of openapi.yaml the generator's templates do not read (`nox -s generate`)."""

FINAL_STATUSES: frozenset[str] = frozenset({final})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""

MAY_HAVE_ACTED: dict[str, str] = {may_have_acted}
"""By operationId, the operations not safe to repeat: what to check when one may have acted
although its answer was lost (`x-may-have-acted`). The others are retried."""

API_KEY_HEADER: str = {api_key_header!r}
"""The header that carries the API key (the spec's security scheme)."""

HEADER_PARAMETERS: frozenset[str] = frozenset({header_parameters})
"""The header parameters of the spec's operations, lower-case: set by the client from a
call's own parameters (`agent_version`)."""
'''
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def final_statuses(spec: dict[str, object]) -> list[str]:
    """The `x-final-statuses` of `AgentExecutionStatus`, each one of its values."""
    schema = spec["components"]["schemas"]["AgentExecutionStatus"]  # type: ignore[index]
    final: list[str] = schema["x-final-statuses"]
    unknown = [status for status in final if status not in schema["enum"]]
    if unknown:
        raise SystemExit(f"x-final-statuses names statuses the enum lacks: {unknown}")
    return final


def may_have_acted(spec: dict[str, Any]) -> dict[str, str]:
    """Each operation's `x-may-have-acted` hint, by operationId."""
    return {
        operation["operationId"]: operation["x-may-have-acted"]
        for item in spec["paths"].values()
        for method, operation in item.items()
        if method in _METHODS and "x-may-have-acted" in operation
    }


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


def main(spec_path: str, target: str) -> None:
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    listed = ", ".join(f'"{status}"' for status in final_statuses(spec))
    hints = "".join(f"\n    {key!r}: {hint!r}," for key, hint in may_have_acted(spec).items())
    module = _MODULE.format(
        final="{" + listed + "}",
        may_have_acted="{" + hints + "\n}",
        api_key_header=api_key_header(spec),
        header_parameters="{" + ", ".join(f'"{name}"' for name in header_parameters(spec)) + "}",
    )
    Path(target).write_text(module, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
