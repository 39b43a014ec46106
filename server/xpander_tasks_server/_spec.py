"""The OpenAPI document the server follows, and request validation against its schemas.

Schemas are never copied into Python: every check reads `openapi.yaml`, so the server and the
generated client cannot drift apart.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypedDict

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:xpander-tasks:openapi.yaml"
_SPEC_NAME = "openapi.yaml"
_MAX_MESSAGE = 300


class Issue(TypedDict):
    """One validation problem, shaped like a FastAPI 422 entry (the spec's `ValidationIssue`)."""

    loc: list[str | int]
    msg: str
    type: str


def spec_path() -> Path:
    """The spec shipped inside the wheel, else the repo-root one of a checkout."""
    packaged = Path(__file__).with_name(_SPEC_NAME)
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / _SPEC_NAME


class Spec:
    """A loaded OpenAPI document with validators for its operations' bodies and parameters."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        # operationId -> JSON pointer of the operation object in the document.
        self._operations: dict[str, str] = {
            operation["operationId"]: f"/paths/{_escape(path)}/{method}"
            for path, item in document["paths"].items()
            for method, operation in item.items()
            if isinstance(operation, Mapping) and "operationId" in operation
        }
        self._validators: dict[str, Draft202012Validator] = {}

    def defaults(self, schema_name: str) -> dict[str, Any]:
        """Every top-level property of component schema `schema_name`, with its default or None."""
        properties = self._lookup(f"/components/schemas/{schema_name}")["properties"]
        return {key: prop.get("default") for key, prop in properties.items()}

    def schema_issues(self, schema_name: str, instance: Any) -> list[Issue]:
        """Problems of `instance` against component schema `schema_name` (e.g. `Task`)."""
        return _issues(self._validator(f"/components/schemas/{schema_name}"), instance, [])

    def body_issues(self, operation_id: str, body: Any) -> list[Issue]:
        """Problems of a JSON request body against the operation's schema, located under body."""
        pointer = f"{self._operations[operation_id]}/requestBody/content/application~1json/schema"
        return _issues(self._validator(pointer), body, ["body"])

    def parameter_issues(
        self, operation_id: str, *, path: Mapping[str, str], headers: Mapping[str, str]
    ) -> list[Issue]:
        """Problems of the path and header parameters (header names compare case-insensitively)."""
        values = {"path": path, "header": {k.lower(): v for k, v in headers.items()}}
        issues: list[Issue] = []
        for pointer, parameter in self._parameters(operation_id):
            location, name = parameter["in"], parameter["name"]
            if location not in values:
                continue
            key = name.lower() if location == "header" else name
            if key not in values[location]:
                if parameter.get("required", False):
                    issues.append(
                        {"loc": [location, name], "msg": "Field required", "type": "missing"}
                    )
                continue
            issues += _issues(self._validator(pointer), values[location][key], [location, name])
        return issues

    def _parameters(self, operation_id: str) -> Iterable[tuple[str, Mapping[str, Any]]]:
        """Each parameter of the operation with the pointer of its schema, `$ref`s followed."""
        base = self._operations[operation_id]
        for index, parameter in enumerate(self._lookup(base).get("parameters", [])):
            if "$ref" in parameter:
                pointer = parameter["$ref"].removeprefix("#")
                yield f"{pointer}/schema", self._lookup(pointer)
            else:
                yield f"{base}/parameters/{index}/schema", parameter

    def _lookup(self, pointer: str) -> Mapping[str, Any]:
        contents: Mapping[str, Any] = (
            self._registry.resolver(SPEC_URI).lookup(f"#{pointer}").contents
        )
        return contents

    def _validator(self, pointer: str) -> Draft202012Validator:
        """A validator for the schema at `pointer`, its `#/components/...` refs resolved."""
        if pointer not in self._validators:
            root = {"$ref": f"{SPEC_URI}#{pointer}"}
            self._validators[pointer] = Draft202012Validator(root, registry=self._registry)
        return self._validators[pointer]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@functools.cache
def load_spec() -> Spec:
    """The server's spec, parsed once per process."""
    return Spec(yaml.safe_load(spec_path().read_text(encoding="utf-8")))


def _issues(validator: Draft202012Validator, instance: Any, prefix: list[str | int]) -> list[Issue]:
    issues: list[Issue] = []
    for error in validator.iter_errors(instance):
        # For anyOf/oneOf, the most relevant branch says more than "not valid under any schema".
        detail = best_match([error]) if error.context else error
        loc: list[str | int] = [*prefix, *detail.absolute_path]
        if detail.validator == "required":
            # jsonschema reports each missing key with the object's location; FastAPI names the key.
            for key in detail.validator_value:
                issue: Issue = {"loc": [*loc, key], "msg": "Field required", "type": "missing"}
                if key not in detail.instance and issue not in issues:
                    issues.append(issue)
            continue
        issues.append({"loc": loc, "msg": shorten(detail.message), "type": str(detail.validator)})
    return issues


def shorten(text: str) -> str:
    """`text` cut to a length fit for an error message, so a huge value does not echo back."""
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."
