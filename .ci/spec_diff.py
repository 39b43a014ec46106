"""List the changes of openapi.yaml against a base, and fail on a breaking one the changelog
does not name. Run by `nox -s spec-diff [-- --against REF]`.

Breaking, for a client built from the base: an operation, parameter, status or field removed;
a field or parameter newly required in a request; a required answer field made optional; an
enum narrowed or a type changed in a request. Other changes (an optional field, a new
operation, an answer enum widened: clients keep unknown values) are listed only.

A breaking change passes when CHANGELOG.md's "## Unreleased" section has a line saying
"breaking" that names it in backticks (its field, parameter or operation id).

The base: `--against REF`, else the last tag, else the merge base with `main` on a branch, else
(on `main` before any release) the spec before its last change. On a clone without that history
(a shallow one) the check says so and passes: it cannot compare.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from check_spec_consistency import resolve, route_of

ROOT = Path(__file__).resolve().parents[1]
SPEC = "openapi.yaml"
METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


@dataclass(frozen=True)
class Change:
    where: str  # "POST /path request body" and the like
    what: str
    subject: str  # the name the changelog must mention for a breaking change
    breaking: bool

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


def diff(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Change]:
    """Every change from spec `old` to spec `new`, breaking ones first."""
    changes = list(_operations(old, new))
    return sorted(changes, key=lambda change: not change.breaking)


def _operations(old: Mapping[str, Any], new: Mapping[str, Any]) -> Iterator[Change]:
    before, after = _by_route(old), _by_route(new)
    for route, operation in before.items():
        name = operation.get("operationId", route)
        if route not in after:
            yield Change(route, "operation removed", name, True)
            continue
        yield from _parameters(route, old, new, operation, after[route])
        yield from _request_body(route, old, new, operation, after[route])
        yield from _responses(route, old, new, operation, after[route])
    for route, operation in after.items():
        if route not in before:
            yield Change(route, "operation added", operation.get("operationId", route), False)


def _by_route(spec: Mapping[str, Any]) -> dict[str, Mapping[str, Any]]:
    """Operations by "METHOD /path", path parameters' names left out (renaming one is no change)."""
    return {
        route_of(method, path): operation
        for path, item in spec.get("paths", {}).items()
        for method, operation in item.items()
        if method in METHODS
    }


def _parameters(
    route: str, old: Mapping[str, Any], new: Mapping[str, Any], before: Any, after: Any
) -> Iterator[Change]:
    def by_key(spec: Mapping[str, Any], operation: Any) -> dict[tuple[str, str], Any]:
        found = {}
        for entry in operation.get("parameters", []):
            parameter = resolve(spec, entry)
            if parameter["in"] != "path":  # path parameters belong to the route
                found[(parameter["in"], parameter["name"])] = parameter
        return found

    old_parameters, new_parameters = by_key(old, before), by_key(new, after)
    for key, parameter in old_parameters.items():
        where = f"{route} {key[0]} parameter `{key[1]}`"
        if key not in new_parameters:
            yield Change(where, "removed", key[1], True)
            continue
        changed = new_parameters[key]
        if changed.get("required") and not parameter.get("required"):
            yield Change(where, "now required", key[1], True)
        yield from _schemas(
            where,
            parameter.get("schema", {}),
            changed.get("schema", {}),
            specs=(old, new),
            direction="request",
        )
    for key, parameter in new_parameters.items():
        if key not in old_parameters:
            required = bool(parameter.get("required"))
            what = "added, required" if required else "added, optional"
            yield Change(f"{route} {key[0]} parameter `{key[1]}`", what, key[1], required)


def _request_body(
    route: str, old: Mapping[str, Any], new: Mapping[str, Any], before: Any, after: Any
) -> Iterator[Change]:
    old_body = _json_schema(old, before.get("requestBody"))
    new_body = _json_schema(new, after.get("requestBody"))
    if old_body is not None and new_body is not None:
        yield from _schemas(
            f"{route} request body", old_body, new_body, specs=(old, new), direction="request"
        )


def _responses(
    route: str, old: Mapping[str, Any], new: Mapping[str, Any], before: Any, after: Any
) -> Iterator[Change]:
    old_responses, new_responses = before.get("responses", {}), after.get("responses", {})
    for status, response in old_responses.items():
        where = f"{route} answer {status}"
        if status not in new_responses:
            yield Change(where, "removed", str(status), True)
            continue
        old_schema = _json_schema(old, response)
        new_schema = _json_schema(new, new_responses[status])
        if old_schema is not None and new_schema is not None:
            yield from _schemas(where, old_schema, new_schema, specs=(old, new), direction="answer")
    for status in new_responses:
        if status not in old_responses:
            yield Change(f"{route} answer {status}", "added", str(status), False)


def _json_schema(spec: Mapping[str, Any], holder: Any) -> Any:
    """The JSON schema of a request body or response, or None."""
    if holder is None:
        return None
    holder = resolve(spec, holder)
    content = holder.get("content", {})
    media = content.get("application/json") or next(iter(content.values()), None)
    return None if media is None else media.get("schema")


def _schemas(
    where: str,
    before: Any,
    after: Any,
    *,
    specs: tuple[Mapping[str, Any], Mapping[str, Any]],
    direction: str,
    seen: frozenset[int] = frozenset(),
) -> Iterator[Change]:
    """Changes between two schemas of a request ("request") or an answer ("answer")."""
    old, new = specs
    before, after = _non_null(old, before), _non_null(new, after)
    if not isinstance(before, Mapping) or not isinstance(after, Mapping) or id(before) in seen:
        return  # no schema, or a recursive one already being compared
    if (alternatives := _alternatives(after)) and not _alternatives(before):
        # One shape became one of several: the change is what the closest alternative changes.
        yield from _closest(
            [
                list(_schemas(where, before, one, specs=specs, direction=direction, seen=seen))
                for one in alternatives
            ]
        )
        return
    if (alternatives := _alternatives(before)) and not _alternatives(after):
        yield from _closest(
            [
                list(_schemas(where, one, after, specs=specs, direction=direction, seen=seen))
                for one in alternatives
            ]
        )
        return
    seen = seen | {id(before)}
    request = direction == "request"
    if _types(before) != _types(after):
        what = f"type {before.get('type')} -> {after.get('type')}"
        yield Change(where, what, _subject(where), True)
    old_enum, new_enum = before.get("enum"), after.get("enum")
    if old_enum is not None and new_enum is not None:
        subject = _subject(where)
        if dropped := [value for value in old_enum if value not in new_enum]:
            yield Change(where, f"enum values removed: {dropped}", subject, True)
        if added := [value for value in new_enum if value not in old_enum]:
            # An answer's new value is kept by the clients as it comes: not breaking.
            yield Change(where, f"enum values added: {added}", subject, False)
    old_properties = before.get("properties", {})
    new_properties = after.get("properties", {})
    old_required, new_required = set(before.get("required", [])), set(after.get("required", []))
    for name, schema in old_properties.items():
        field = f"{where} field `{name}`"
        if name not in new_properties:
            yield Change(field, "removed", name, True)
            continue
        if request and name in new_required - old_required:
            yield Change(field, "now required", name, True)
        if not request and name in old_required - new_required:
            yield Change(field, "no longer always sent", name, True)
        yield from _schemas(
            field, schema, new_properties[name], specs=specs, direction=direction, seen=seen
        )
    for name in new_properties:
        if name not in old_properties:
            required = name in new_required
            breaking = required and request
            what = "added, required" if required else "added, optional"
            yield Change(f"{where} field `{name}`", what, name, breaking)
    for key in ("allOf", "anyOf", "oneOf"):
        for index, (one, other) in enumerate(
            zip(before.get(key, []), after.get(key, []), strict=False)
        ):
            yield from _schemas(
                f"{where} {key}[{index}]", one, other, specs=specs, direction=direction, seen=seen
            )
    if "items" in before and "items" in after:
        yield from _schemas(
            f"{where}[]",
            before["items"],
            after["items"],
            specs=specs,
            direction=direction,
            seen=seen,
        )


def _alternatives(schema: Mapping[str, Any]) -> list[Any]:
    """The alternatives of an `anyOf`/`oneOf` of several shapes, else none."""
    return list(schema.get("anyOf", []) or schema.get("oneOf", []))


def _closest(candidates: list[list[Change]]) -> list[Change]:
    """The changes to the alternative that breaks least (then changes least)."""
    return min(candidates, key=lambda changes: (sum(c.breaking for c in changes), len(changes)))


def _non_null(spec: Mapping[str, Any], schema: Any) -> Any:
    """A schema with its `anyOf`/`oneOf` null alternative taken off (nullability is no shape),
    and a lone `allOf` wrapper (a `$ref` given a default or a description) unwrapped."""
    schema = resolve(spec, schema)
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema, Mapping) and key in schema:
            kept = [one for one in schema[key] if resolve(spec, one) != {"type": "null"}]
            if len(kept) == 1:
                return _non_null(spec, kept[0])
    return schema


def _types(schema: Mapping[str, Any]) -> set[str]:
    kind = schema.get("type", [])
    return {kind} - {"null"} if isinstance(kind, str) else set(kind) - {"null"}


def _subject(where: str) -> str:
    """The last name in backticks of a place, else the place."""
    names = re.findall(r"`([^`]*)`", where)
    return names[-1] if names else where


def unnamed(changes: list[Change], changelog: str) -> list[Change]:
    """The breaking changes the changelog's Unreleased section does not name."""
    match = re.search(r"^## Unreleased\s*$(.*?)(?=^## |\Z)", changelog, re.M | re.S)
    lines = match.group(1).splitlines() if match else []
    named = [line for line in lines if "breaking" in line.lower()]
    return [
        change
        for change in changes
        if change.breaking and not any(f"`{change.subject}`" in line for line in named)
    ]


def _git(*args: str, root: Path = ROOT) -> subprocess.CompletedProcess[str]:
    # git from PATH, with arguments of this script's making; no git is a failed command.
    try:
        return subprocess.run(  # noqa: S603
            ["git", *args],  # noqa: S607
            cwd=root,
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError as error:
        return subprocess.CompletedProcess(args, 127, "", str(error))


def git(*args: str, root: Path = ROOT) -> str | None:
    """A git command's output, None when it fails or says nothing."""
    done = _git(*args, root=root)
    return (done.stdout.strip() or None) if done.returncode == 0 else None


def base_ref(root: Path = ROOT) -> str | None:
    """The spec's last release: a tag, else the merge base with main, else the spec before its
    last change (on main itself); None when the clone has no such history."""
    if tag := git("describe", "--tags", "--abbrev=0", "HEAD", root=root):
        return tag
    head = git("rev-parse", "HEAD", root=root)
    # A CI checkout of a branch may know main only as origin/main.
    main = next(
        (
            name
            for name in ("main", "origin/main")
            if git("rev-parse", "-q", "--verify", name, root=root)
        ),
        None,
    )
    if main and git("rev-parse", main, root=root) != head:
        return git("merge-base", "HEAD", main, root=root)
    last = git("log", "-n1", "--format=%H", "--", SPEC, root=root)
    return git("rev-parse", "-q", "--verify", f"{last}^", root=root) if last else None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="nox -s spec-diff --", description=__doc__.split("\n")[0])
    parser.add_argument("--against", help="a git ref (default: the last release, see above)")
    options = parser.parse_args(argv)
    ref = options.against or base_ref()
    if ref is None:
        print("spec-diff: no tag, main or earlier spec in this clone: nothing to compare with")
        return 0
    shown = _git("show", f"{ref}:{SPEC}")
    if shown.returncode != 0:
        print(f"spec-diff: {ref} has no {SPEC}: {shown.stderr.strip()}")
        return 0 if options.against is None else 2
    changes = diff(yaml.safe_load(shown.stdout), yaml.safe_load((ROOT / SPEC).read_text()))
    print(f"spec-diff: {SPEC} against {ref}: {len(changes)} change(s)")
    for change in changes:
        print(f"  {'BREAKING ' if change.breaking else ''}{change}")
    missing = unnamed(changes, (ROOT / "CHANGELOG.md").read_text())
    if missing:
        print(
            "spec-diff: breaking change(s) not named in CHANGELOG.md under '## Unreleased'"
            " (a line saying 'Breaking' with the name in backticks):"
        )
        for change in missing:
            print(f"  `{change.subject}`: {change}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
