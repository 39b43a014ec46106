"""Fail when a field the wire page calls a secret is not marked as one in openapi.yaml.

The wire page says so in three ways: a create-table row typed "(a secret)" or "(secrets)", and
a sentence "`a`, `b` and `c` can hold secrets.". Every property of that name, in every schema
of the spec, must end its description with the tag `[secret]` (which the model template reads)
and, when it is a string, have `format: password`. Run by `nox -s lint`:

    python .ci/check_secret_markers.py openapi.yaml path/to/wire-contract.md

The page lives beside the repository (shared/reference/); without it there is nothing to check
against, which is said, not failed, as tests/contract/test_spec.py does.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

TAG = "[secret]"
_TABLE_ROW = re.compile(r"^\| \w+ \| `([\w.]+)` \|.*\((?:a secret|secrets)\)", re.MULTILINE)
_HOLD_SENTENCE = re.compile(r"((?:`\w+`(?:,\s*|\s+and\s+|\s+))+)can hold secrets")


def secrets_on_page(page: str) -> set[str]:
    """The field names the wire page calls secrets."""
    names = {path.rsplit(".", 1)[-1] for path in _TABLE_ROW.findall(page)}
    for names_list in _HOLD_SENTENCE.findall(page):
        names.update(re.findall(r"`(\w+)`", names_list))
    return names


def properties(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(schema name, property name, property schema) for every property of every schema."""
    for schema_name, schema in spec["components"]["schemas"].items():
        for name, prop in (schema.get("properties") or {}).items():
            yield schema_name, name, prop


def _is_string(prop: dict[str, Any]) -> bool:
    kind = prop.get("type")
    return kind == "string" or (isinstance(kind, list) and "string" in kind)


def problems(spec: dict[str, Any], secrets: set[str]) -> list[str]:
    """What is wrong with the spec's secret markers; empty when all is well."""
    found: list[str] = []
    seen: set[str] = set()
    for schema_name, name, prop in properties(spec):
        if name not in secrets:
            continue
        seen.add(name)
        where = f"{schema_name}.{name}"
        if not str(prop.get("description", "")).rstrip().endswith(TAG):
            found.append(f"{where}: the wire page calls it a secret; tag its description {TAG}")
        if _is_string(prop) and prop.get("format") != "password":
            found.append(f"{where}: a secret string needs `format: password`")
    found += [f"{name}: the wire page's secret is in no schema" for name in sorted(secrets - seen)]
    return found


def main(spec_path: Path, page_path: Path) -> int:
    if not page_path.exists():
        print(f"secret markers: not checked, the wire page is not at {page_path}")
        return 0
    secrets = secrets_on_page(page_path.read_text())
    if not secrets:
        print(f"secret markers: {page_path} names no secrets; has its wording changed?")
        return 1
    found = problems(yaml.safe_load(spec_path.read_text()), secrets)
    for problem in found:
        print(f"{spec_path.name}: {problem}")
    if not found:
        print(f"secret markers: {', '.join(sorted(secrets))} are marked wherever they occur")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
