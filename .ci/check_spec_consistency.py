"""What openapi-spec-validator lets through, checked by `nox -s lint`: one operation per path and
method, and examples and links that still match their schemas and operations.

- A YAML key given twice (a second `delete:` under one path) is an error: YAML keeps the last.
- Two paths that differ only in their parameters' names (`/tasks/{id}` and `/tasks/{task_id}`)
  with the same method are one route to a server: an error.
- Every example (of a schema, a parameter or a media type, `$ref`s followed) validates against
  its schema.
- Every link names an existing operation and that operation's parameters, and each
  `$response.body#/...` it reads is a property of the answer's schema.

Usage: python .ci/check_spec_consistency.py openapi.yaml; exits 1, listing every problem.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")
SPEC_URI = "urn:openapi"


class _UniqueKeyLoader(yaml.SafeLoader):
    """A YAML loader that refuses a mapping key given twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        keys = [self.construct_object(key, deep=deep) for key, _ in node.value]
        twice = sorted({str(key) for key in keys if keys.count(key) > 1})
        if twice:
            raise yaml.constructor.ConstructorError(
                None, None, f"key given twice: {', '.join(twice)}", node.start_mark
            )
        return super().construct_mapping(node, deep=deep)


def load(text: str) -> Mapping[str, Any]:
    document: Mapping[str, Any] = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506
    return document


def problems(spec: Mapping[str, Any]) -> list[str]:
    """Every problem of the document, in its order."""
    return [*_routes(spec), *_examples(spec), *_links(spec)]


def _operations(spec: Mapping[str, Any]) -> Iterator[tuple[str, str, Mapping[str, Any]]]:
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            if method in METHODS:
                yield path, method, operation


def route_of(method: str, path: str) -> str:
    """ "METHOD /path" with its parameters' names left out: what a server routes by."""
    return f"{method.upper()} {re.sub(r'{[^}]*}', '{}', path)}"


def _routes(spec: Mapping[str, Any]) -> Iterator[str]:
    seen: dict[str, str] = {}
    for path, method, _ in _operations(spec):
        route = route_of(method, path)
        if route in seen:
            yield f"{method.upper()} {path}: the same route as {method.upper()} {seen[route]}"
        seen.setdefault(route, path)


def _examples(spec: Mapping[str, Any]) -> Iterator[str]:
    registry: Registry[Any] = Registry().with_resource(
        SPEC_URI, Resource.from_contents(spec, default_specification=DRAFT202012)
    )

    def check(where: str, schema_pointer: str, example: Any) -> Iterator[str]:
        validator = Draft202012Validator(
            {"$ref": f"{SPEC_URI}#{schema_pointer}"}, registry=registry
        )
        for error in validator.iter_errors(resolve(spec, example)):
            at = "/".join(map(str, error.absolute_path)) or "(top)"
            yield f"{where}: the example does not match its schema at {at}: {error.message}"

    for pointer, node in _walk(spec, ""):
        if "schema" in node and isinstance(node["schema"], Mapping):
            schema = f"{pointer}/schema"
            if "example" in node:
                yield from check(pointer, schema, node["example"])
            for name, example in (node.get("examples") or {}).items():
                value = resolve(spec, example).get("value")
                yield from check(f"{pointer} example {name}", schema, value)
        is_schema = pointer.startswith("/components/schemas/") or pointer.endswith("/schema")
        if is_schema and not pointer.endswith("/properties"):
            if "example" in node:
                yield from check(pointer, pointer, node["example"])
            if isinstance(node.get("examples"), list) and "type" in node:
                for index, example in enumerate(node["examples"]):
                    yield from check(f"{pointer} examples[{index}]", pointer, example)


def _links(spec: Mapping[str, Any]) -> Iterator[str]:
    by_id = {operation["operationId"]: operation for _, _, operation in _operations(spec)}
    for path, method, operation in _operations(spec):
        for status, entry in operation.get("responses", {}).items():
            response = resolve(spec, entry)
            schema = _json_schema(spec, response)
            for name, link in response.get("links", {}).items():
                where = f"{method.upper()} {path} {status} link {name}"
                target = by_id.get(link.get("operationId"))
                if target is None:
                    yield f"{where}: no operation {link.get('operationId')!r}"
                    continue
                names = {
                    resolve(spec, parameter)["name"] for parameter in target.get("parameters", [])
                }
                for parameter, expression in link.get("parameters", {}).items():
                    if parameter.split(".")[-1] not in names:
                        yield f"{where}: {link['operationId']} has no parameter {parameter!r}"
                    yield from _expression(spec, where, expression, schema)
                if "requestBody" in link:
                    yield from _expression(spec, where, link["requestBody"], schema)


def _expression(spec: Mapping[str, Any], where: str, expression: Any, schema: Any) -> Iterator[str]:
    """A `$response.body#/a/b` that names no property of the answer's schema."""
    if not isinstance(expression, str) or not expression.startswith("$response.body#/"):
        return
    node = schema
    for part in expression.removeprefix("$response.body#/").split("/"):
        node = resolve(spec, node) if isinstance(node, Mapping) else None
        properties = _properties(spec, node)
        if part not in properties:
            yield f"{where}: {expression} names no property of the answer"
            return
        node = properties[part]


def _properties(spec: Mapping[str, Any], schema: Any) -> Mapping[str, Any]:
    """The properties of a schema, its `allOf`/`anyOf`/`oneOf` branches' included."""
    if not isinstance(schema, Mapping):
        return {}
    found = dict(schema.get("properties", {}))
    for key in ("allOf", "anyOf", "oneOf"):
        for branch in schema.get(key, []):
            found.update(_properties(spec, resolve(spec, branch)))
    return found


def _json_schema(spec: Mapping[str, Any], response: Mapping[str, Any]) -> Any:
    media = response.get("content", {}).get("application/json")
    return None if media is None else resolve(spec, media.get("schema"))


def resolve(spec: Mapping[str, Any], node: Any) -> Any:
    """A node with its local `$ref`s followed."""
    while isinstance(node, Mapping) and "$ref" in node:
        target: Any = spec
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part.replace("~1", "/").replace("~0", "~")]
        node = target
    return node


def _walk(node: Any, pointer: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every mapping of the document with its JSON pointer, the document's own first."""
    if isinstance(node, Mapping):
        yield pointer, node
        for key, value in node.items():
            escaped = str(key).replace("~", "~0").replace("/", "~1")
            yield from _walk(value, f"{pointer}/{escaped}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _walk(value, f"{pointer}/{index}")


def main(argv: list[str]) -> int:
    (path,) = argv
    try:
        spec = load(Path(path).read_text())
    except yaml.YAMLError as error:
        print(f"{path}: {error}")
        return 1
    found = problems(spec)
    for problem in found:
        print(f"{path}: {problem}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
