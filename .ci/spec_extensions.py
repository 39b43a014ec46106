"""Write the facts openapi.yaml states as `x-` extensions (which the generator's templates
never see) into the generated package, as `xpander_tasks_api/spec_extensions.py`. Run by
`nox -s generate` after the generator:

    python .ci/spec_extensions.py openapi.yaml generated/xpander_tasks_api/spec_extensions.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

_MODULE = '''"""Facts openapi.yaml states as `x-` extensions, written by `nox -s generate`."""

FINAL_STATUSES: frozenset[str] = frozenset({final})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""
'''


def final_statuses(spec: dict[str, object]) -> list[str]:
    """The `x-final-statuses` of `AgentExecutionStatus`, each one of its values."""
    schema = spec["components"]["schemas"]["AgentExecutionStatus"]  # type: ignore[index]
    final: list[str] = schema["x-final-statuses"]
    unknown = [status for status in final if status not in schema["enum"]]
    if unknown:
        raise SystemExit(f"x-final-statuses names statuses the enum lacks: {unknown}")
    return final


def main(spec_path: str, target: str) -> None:
    spec = yaml.safe_load(Path(spec_path).read_text(encoding="utf-8"))
    listed = ", ".join(f'"{status}"' for status in final_statuses(spec))
    Path(target).write_text(_MODULE.format(final="{" + listed + "}"), encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
