"""Write the facts openapi.yaml states as `x-` extensions (which the generator's templates
never see) into the generated package, as `xpander_tasks_api/spec_extensions.py`. Run by
`nox -s generate` after the generator:

    python .ci/spec_extensions.py openapi.yaml generated/xpander_tasks_api/spec_extensions.py
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import yaml

_MODULE = '''"""Facts openapi.yaml states as `x-` extensions, written by `nox -s generate`."""

FINAL_STATUSES: frozenset[str] = frozenset({final})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""

MAY_HAVE_ACTED: dict[str, str] = {may_have_acted}
"""By operationId, the operations not safe to repeat: what to check when one may have acted
although its answer was lost (`x-may-have-acted`). The others are retried."""
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


def main(spec_path: str, target: str) -> None:
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    listed = ", ".join(f'"{status}"' for status in final_statuses(spec))
    hints = "".join(f"\n    {key!r}: {hint!r}," for key, hint in may_have_acted(spec).items())
    module = _MODULE.format(final="{" + listed + "}", may_have_acted="{" + hints + "\n}")
    Path(target).write_text(module, encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
