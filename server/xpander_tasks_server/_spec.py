"""The OpenAPI document the server follows, and request validation against its schemas.

Schemas are never copied into Python: every check reads `openapi.yaml`, so the server and the
generated client cannot drift apart.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Self, TypedDict, cast

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError, ValidationError, best_match
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

SPEC_URI = "urn:xpander-tasks:openapi.yaml"
_SPEC_NAME = "openapi.yaml"
_MAX_MESSAGE = 300
# Formats are assertions here, as for the fuzzer: a `date-time` that is no date-time is a 422.
_FORMATS = Draft202012Validator.FORMAT_CHECKER
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords under which a schema names properties rather than applying a subschema.
_NAMING_KEYWORDS = ("properties", "patternProperties", "$defs", "dependentSchemas")
# Keywords whose subschemas apply to the same value as the schema: a `$ref` cycle through
# these alone never ends (one through `properties` or `items` descends into the value).
_IN_PLACE_ONE = ("not", "if", "then", "else")
_IN_PLACE_MANY = ("allOf", "anyOf", "oneOf")
# Nodes of a spec with its YAML aliases expanded: the project's has about 2,400.
_MAX_NODES = 1_000_000


class SpecError(ValueError):
    """The spec cannot drive the server: unreadable, or missing what the server needs."""


class Issue(TypedDict):
    """One validation problem, shaped like a FastAPI 422 entry (the spec's `ValidationIssue`)."""

    loc: list[str | int]
    msg: str
    type: str


@dataclass(frozen=True)
class Operation:
    """One operation of the spec: where it is served and with which method."""

    operation_id: str
    path: str
    """The path template, such as `/agent-execution/{task_id}/status`."""
    method: str
    """Upper case, such as `GET`."""
    has_body: bool
    query: frozenset[str]
    """The names of its query parameters."""


@dataclass(frozen=True)
class BodyCheck:
    """A request body's problems: schema violations (422) and broken `if`/`then` rules (400).

    The API answers a violated rule (such as "a remote MCP server needs `url`") with 400 and a
    message, as it does for checks no schema expresses; `rules` holds those messages.
    """

    issues: list[Issue]
    rules: list[str]


@dataclass(frozen=True)
class AnswerShape:
    """How the server completes an answer of one schema from the spec.

    `filler` holds what a property the server leaves unset gets: its `default`, else its
    `example` (or first of `examples`). `own` are the fields the server sets by itself;
    those the schema does not declare are left out (echoed request fields are always kept).
    """

    filler: Mapping[str, Any]
    own: frozenset[str]
    declared: frozenset[str]

    def complete(self, answer: Mapping[str, Any]) -> dict[str, Any]:
        """`answer` with the filler under it, in the schema's order, less undeclared own fields."""
        kept = {k: v for k, v in answer.items() if k in self.declared or k not in self.own}
        return {**self.filler, **kept}


def spec_path() -> Path:
    """The spec shipped inside the wheel, else the repo-root one of a checkout."""
    packaged = Path(__file__).with_name(_SPEC_NAME)
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / _SPEC_NAME


class Spec:
    """A loaded OpenAPI document with validators for its operations' bodies and parameters."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        if not isinstance(document, Mapping) or not isinstance(document.get("paths"), Mapping):
            raise SpecError("not an OpenAPI document: no `paths` mapping")
        self.document = document
        resource = Resource.from_contents(document, default_specification=DRAFT202012)
        self._registry: Registry[Any] = Registry().with_resource(SPEC_URI, resource)
        # operationId -> JSON pointer of the operation object in the document.
        self._operations: dict[str, str] = {}
        for path, item in document["paths"].items():
            if not isinstance(item, Mapping):
                raise SpecError(f"paths/{path} is not a mapping of operations")
            for method, operation in item.items():
                if method not in _METHODS:
                    continue
                if not isinstance(operation, Mapping) or not isinstance(
                    operation.get("operationId"), str
                ):
                    raise SpecError(f"paths/{path}/{method} has no operationId")
                if operation["operationId"] in self._operations:
                    raise SpecError(f"operationId {operation['operationId']!r} is used twice")
                self._operations[operation["operationId"]] = f"/paths/{_escape(path)}/{method}"
        self._validators: dict[str, Draft202012Validator] = {}

    def check(self) -> Self:
        """This spec, once checked as a whole: every `$ref` leads somewhere and loops on no
        value, each component schema is valid JSON Schema, and each property's `default`
        and examples are valid values of it; a SpecError naming the first problem. (The
        packaged spec is checked by `nox -s lint`: this is for a spec given to the server.)"""
        try:
            _check_size(self.document)
            self._check_refs()
            self._check_schemas()
            self._check_filler()
        except RecursionError:
            raise SpecError("the document is nested too deeply to follow") from None
        return self

    def _check_refs(self) -> None:
        """Every `$ref` of the document leads somewhere, and no chain of them comes back to
        where it started on the same value (validation would never end)."""
        done: set[str] = set()

        def visit(pointer: str, node: Any, trail: tuple[str, ...]) -> None:
            if not isinstance(node, Mapping) or pointer in done:
                return
            if pointer in trail:
                raise SpecError(f"a $ref loop: {' -> '.join(trail[trail.index(pointer) :])}")
            trail += (pointer,)
            ref = node.get("$ref")
            if isinstance(ref, str):
                try:
                    target = self._lookup(ref.removeprefix("#"))
                except Unresolvable:
                    raise SpecError(f"{pointer}: $ref {ref!r} leads nowhere") from None
                visit(ref.removeprefix("#"), target, trail)
            for keyword in _IN_PLACE_ONE:
                visit(f"{pointer}/{keyword}", node.get(keyword), trail)
            for keyword in _IN_PLACE_MANY:
                branches = node.get(keyword)
                for index, branch in enumerate(branches if isinstance(branches, list) else ()):
                    visit(f"{pointer}/{keyword}/{index}", branch, trail)
            done.add(pointer)

        for pointer, node in _mappings(self.document, ""):
            visit(pointer, node, ())

    def _check_schemas(self) -> None:
        """Each component schema is a valid JSON Schema."""
        schemas = self.document.get("components", {}).get("schemas", {})
        for name, schema in schemas.items() if isinstance(schemas, Mapping) else ():
            try:
                Draft202012Validator.check_schema(schema)
            except SchemaError as exc:
                where = "/".join(str(step) for step in exc.absolute_path)
                problem = shorten(" ".join(exc.message.split()))
                raise SpecError(f"components/schemas/{name}/{where}: {problem}") from None

    def _check_filler(self) -> None:
        """The server answers with a property's default or example: each must be valid."""
        for name, schema in self.document.get("components", {}).get("schemas", {}).items():
            properties = schema.get("properties", {}) if isinstance(schema, Mapping) else {}
            for key, prop in properties.items():
                if not isinstance(prop, Mapping):  # `true`: nothing to check
                    continue
                given = [("default", prop["default"])] if "default" in prop else []
                given += [("example", prop["example"])] if "example" in prop else []
                given += [("example", value) for value in prop.get("examples", [])]
                for kind, value in given:
                    self._check_value(name, key, prop, kind, value)

    def _check_value(
        self, schema: str, key: str, prop: Mapping[str, Any], kind: str, value: Any
    ) -> None:
        pointer = f"/components/schemas/{_escape(schema)}/properties/{_escape(key)}"
        issue = next(_relevant_errors(self._validator(pointer), _as_typed(prop, value)), None)
        if issue is not None:
            problem = shorten(" ".join(issue.message.split()))
            raise SpecError(f"{schema}.{key}: its {kind} {value!r} is not valid: {problem}")

    @classmethod
    def from_file(cls, path: str | os.PathLike[str]) -> Spec:
        """The OpenAPI document in the YAML (or JSON) file at `path`."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise SpecError(f"cannot read {os.fspath(path)}: {exc}") from None
        try:
            document = yaml.safe_load(text)
        except RecursionError:
            raise SpecError(f"{os.fspath(path)} is nested too deeply to read") from None
        except yaml.YAMLError as exc:
            problem = shorten(" ".join(str(exc).split()))
            raise SpecError(f"{os.fspath(path)} is not valid YAML: {problem}") from None
        return cls(document)

    def operations(self) -> list[Operation]:
        """Every operation of the document, in its order."""
        return [
            Operation(
                operation_id=operation["operationId"],
                path=path,
                method=method.upper(),
                has_body="requestBody" in operation,
                query=frozenset(
                    parameter["name"]
                    for _, parameter in self._parameters(operation["operationId"])
                    if parameter["in"] == "query"
                ),
            )
            for path, item in self.document["paths"].items()
            for method, operation in item.items()
            if method in _METHODS
        ]

    def api_key_header(self) -> str:
        """The header that carries the API key: the document's one security scheme."""
        try:
            (requirement,) = self.document["security"]
            (name,) = requirement
            scheme = self.document["components"]["securitySchemes"][name]
            if scheme["type"] == "apiKey" and scheme["in"] == "header":
                return str(scheme["name"])
        except (KeyError, TypeError, ValueError):
            pass
        raise SpecError(
            "security must name one scheme of components/securitySchemes, an apiKey in a header"
        )

    def local_port(self) -> int:
        """The local task server's default port: the `port` variable of the spec's servers."""
        for server in self.document["servers"]:
            port = server.get("variables", {}).get("port")
            if port is not None:
                return int(port["default"])
        raise ValueError("no server of the spec has a `port` variable")

    def final_statuses(self) -> tuple[str, ...]:
        """The task statuses after which nothing more happens: `x-final-statuses`."""
        return self._statuses("x-final-statuses")

    def lifecycle(self) -> tuple[str, ...]:
        """The statuses a task walks through when nothing interferes: `x-lifecycle`.

        A new task has the first; the last non-final one is the run itself; the last, a final
        status, is where a successful run ends.
        """
        path = self._statuses("x-lifecycle")
        final = set(self.final_statuses())
        if len(path) < 2 or path[-1] not in final or final.intersection(path[:-1]):
            raise SpecError(
                "AgentExecutionStatus: x-lifecycle must be statuses that are not final, then "
                f"one of x-final-statuses; it is {list(path)}"
            )
        return path

    def error_statuses(self) -> tuple[str, ...]:
        """The final statuses of a task that did not succeed: `x-error-statuses`."""
        errors = self._statuses("x-error-statuses")
        not_final = [status for status in errors if status not in self.final_statuses()]
        if not_final:
            raise SpecError(
                f"AgentExecutionStatus: x-error-statuses names statuses not in x-final-statuses: "
                f"{not_final}"
            )
        return errors

    def set_status(self, operation_id: str, extension: str = "x-sets-status") -> str:
        """The status an operation leaves its task in: its `x-sets-status` (a failed
        report's: `x-sets-status-on-failure`), one of `AgentExecutionStatus`'s values."""
        status = self._lookup(self._operations[operation_id]).get(extension)
        if status not in self._schema("AgentExecutionStatus").get("enum", []):
            raise SpecError(
                f"{operation_id}: {extension} must be a value of AgentExecutionStatus, "
                f"not {status!r}"
            )
        return str(status)

    def status_stamps(self) -> dict[str, str]:
        """Each status whose time a change stamps, and the `Task` field stamped: the
        properties with `x-set-on-status`."""
        enum = self._schema("AgentExecutionStatus").get("enum", [])
        stamps = {}
        for name, field in self._schema("Task").get("properties", {}).items():
            status = field.get("x-set-on-status")
            if status is None:
                continue
            if status not in enum:
                raise SpecError(
                    f"Task: {name}'s x-set-on-status must be a value of AgentExecutionStatus, "
                    f"not {status!r}"
                )
            stamps[status] = name
        return stamps

    def _statuses(self, extension: str) -> tuple[str, ...]:
        """The statuses an extension of `AgentExecutionStatus` lists, each one of its values."""
        schema = self._schema("AgentExecutionStatus")
        listed = schema.get(extension)
        if not isinstance(listed, list) or not listed:
            raise SpecError(f"AgentExecutionStatus: {extension} must be a list of statuses")
        unknown = [status for status in listed if status not in schema.get("enum", [])]
        if unknown:
            raise SpecError(
                f"AgentExecutionStatus: {extension} names statuses not in its enum: {unknown}"
            )
        return tuple(listed)

    def answer_shape(
        self, schema_name: str, *, own: Collection[str], echoed: Collection[str] = ()
    ) -> AnswerShape:
        """How to complete answers of component schema `schema_name` (see `AnswerShape`).

        `own` are the fields the server sets by itself, `echoed` those it copies from the
        request. A required property that is neither, and has no default or example, is a
        `SpecError` naming it: the server could not answer in the schema's shape.
        """
        schema = self._schema(schema_name)
        properties: Mapping[str, Any] = schema.get("properties", {})
        filler: dict[str, Any] = {}
        for name, prop in properties.items():
            if not isinstance(prop, Mapping):  # `true`: any value, nothing to fill
                continue
            if "default" in prop:
                filler[name] = _as_typed(prop, prop["default"])
            elif "example" in prop:
                filler[name] = _as_typed(prop, prop["example"])
            elif prop.get("examples"):
                filler[name] = _as_typed(prop, prop["examples"][0])
        set_by_server = set(own).intersection(properties) | set(echoed)
        unfilled = [
            name
            for name in schema.get("required", [])
            if name not in filler and name not in set_by_server
        ]
        if unfilled:
            raise SpecError(
                f"{schema_name}: required field {', '.join(map(repr, unfilled))} has no default "
                "or example, and the server does not set it"
            )
        return AnswerShape(filler, frozenset(own), frozenset(properties))

    def defaults(self, schema_name: str) -> dict[str, Any]:
        """Every top-level property of component schema `schema_name`, with its default or None."""
        properties = self._schema(schema_name).get("properties", {})
        return {
            key: prop.get("default") if isinstance(prop, Mapping) else None
            for key, prop in properties.items()
        }

    def _schema(self, schema_name: str) -> Mapping[str, Any]:
        schema = self.document.get("components", {}).get("schemas", {}).get(schema_name)
        if not isinstance(schema, Mapping):
            raise SpecError(f"the spec has no schema {schema_name!r} (components/schemas)")
        return schema

    def schema_issues(self, schema_name: str, instance: Any) -> list[Issue]:
        """Problems of `instance` against component schema `schema_name` (e.g. `Task`)."""
        return _issues(self._validator(f"/components/schemas/{schema_name}"), instance, [])

    def check_body(self, operation_id: str, body: Any) -> BodyCheck:
        """A JSON request body against the operation's schema; issues are located under body."""
        issues: list[Issue] = []
        rules: list[str] = []
        for error in self._body_validator(operation_id).iter_errors(body):
            broken = _broken_rules(error)
            if broken is not None:
                rules += [_rule_message(rule) for rule in broken]
            else:
                issues += _issues_of(
                    best_match([error]) if error.context else error, ["body"], issues
                )
        return BodyCheck(issues, rules)

    def body_issues(self, operation_id: str, body: Any) -> list[Issue]:
        """Every problem of a JSON request body, broken rules included, located under body."""
        return _issues(self._body_validator(operation_id), body, ["body"])

    def _body_validator(self, operation_id: str) -> Draft202012Validator:
        pointer = f"{self._operations[operation_id]}/requestBody/content/application~1json/schema"
        return self._validator(pointer)

    def parameter_issues(
        self,
        operation_id: str,
        *,
        path: Mapping[str, str],
        headers: Mapping[str, str],
        query: Mapping[str, str] | None = None,
    ) -> list[Issue]:
        """Problems of the path, query and header parameters (header names case-insensitive)."""
        values = {
            "path": path,
            "query": query or {},
            "header": {k.lower(): v for k, v in headers.items()},
        }
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
            self._validators[pointer] = Draft202012Validator(
                root, registry=self._registry, format_checker=_FORMATS
            )
        return self._validators[pointer]


def _as_typed(prop: Mapping[str, Any], value: Any) -> Any:
    """A whole number given for a `number` property as the float the API sends (`0.0`, not `0`):
    clients that convert (the published SDK's pydantic) and clients that do not then agree."""
    kinds = prop.get("type", [])
    kinds = [kinds] if isinstance(kinds, str) else kinds
    whole = isinstance(value, int) and not isinstance(value, bool)
    return float(value) if whole and "number" in kinds and "integer" not in kinds else value


def _check_size(document: Any) -> None:
    """A document every walk can finish: no YAML alias inside its own anchor, and not too
    large with its aliases expanded (a few lines of them can stand for billions of nodes)."""
    sizes: dict[int, int] = {}
    walking: set[int] = set()

    def size(node: Any) -> int:
        if not isinstance(node, Mapping | list):
            return 1
        if id(node) in sizes:
            return sizes[id(node)]
        if id(node) in walking:
            raise SpecError("a YAML alias of the document contains itself")
        walking.add(id(node))
        total = 1 + sum(map(size, node.values() if isinstance(node, Mapping) else node))
        walking.discard(id(node))
        if total > _MAX_NODES:
            raise SpecError(f"the document is too large: over {_MAX_NODES} values once expanded")
        sizes[id(node)] = total
        return total

    size(document)


def _mappings(document: Any, pointer: str) -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every mapping of a JSON document with a JSON pointer to it, each once."""
    seen: set[int] = set()
    stack: list[tuple[str, Any]] = [(pointer, document)]
    while stack:
        pointer, node = stack.pop()
        if not isinstance(node, Mapping | list) or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Mapping):
            yield pointer, node
            stack += [(f"{pointer}/{_escape(str(key))}", value) for key, value in node.items()]
        else:
            stack += [(f"{pointer}/{index}", value) for index, value in enumerate(node)]


def _escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


@functools.cache
def load_spec() -> Spec:
    """The packaged spec (`spec_path()`), parsed once per process."""
    return Spec.from_file(spec_path())


def _issues(validator: Draft202012Validator, instance: Any, prefix: list[str | int]) -> list[Issue]:
    issues: list[Issue] = []
    for error in _relevant_errors(validator, instance):
        issues += _issues_of(error, prefix, issues)
    return issues


def _relevant_errors(validator: Draft202012Validator, instance: Any) -> Iterator[ValidationError]:
    for error in validator.iter_errors(instance):
        # For anyOf/oneOf, the most relevant branch says more than "not valid under any schema".
        yield best_match([error]) if error.context else error


def _issues_of(error: ValidationError, prefix: list[str | int], seen: list[Issue]) -> list[Issue]:
    """The issues one error makes, FastAPI-shaped; none already in `seen`."""
    loc: list[str | int] = [*prefix, *error.absolute_path]
    if error.validator != "required":
        return [{"loc": loc, "msg": shorten(error.message), "type": str(error.validator)}]
    # jsonschema reports each missing key with the object's location; FastAPI names the key.
    issues: list[Issue] = []
    for key in _missing(error):
        issue: Issue = {"loc": [*loc, key], "msg": "Field required", "type": "missing"}
        if issue not in seen and issue not in issues:
            issues.append(issue)
    return issues


def _missing(error: ValidationError) -> list[str]:
    """The keys a `required` error found missing."""
    required = cast(list[str], error.validator_value)
    instance = cast(Mapping[str, Any], error.instance)
    return [key for key in required if key not in instance]


def _broken_rules(error: ValidationError) -> list[ValidationError] | None:
    """The rule errors `error` amounts to, or None when it is a schema violation.

    For `anyOf`/`oneOf`, a branch that fails on rules alone makes the instance a rule
    violation; otherwise the error is a plain schema violation, even if some branch also
    broke a rule.
    """
    if not error.context:
        return [error] if _under_a_rule(error) else None
    branches: dict[Any, list[ValidationError]] = {}
    for inner in error.context:
        branches.setdefault(inner.relative_schema_path[0], []).append(inner)
    for errors in branches.values():
        if all(not inner.context and _under_a_rule(inner) for inner in errors):
            return errors
    return None


def _under_a_rule(error: ValidationError) -> bool:
    """Whether the error comes from the `then` or `else` of an `if` (not a property so named)."""
    path = list(error.absolute_schema_path)
    return any(
        step in ("then", "else") and (index == 0 or path[index - 1] not in _NAMING_KEYWORDS)
        for index, step in enumerate(path)
    )


def _rule_message(error: ValidationError) -> str:
    """`field: what the rule says of it`, from the description of the property the rule names.

    For a missing key the rule's own schema lists it; for a bad value the error's schema is
    the property's.
    """
    where: list[str | int] = list(error.absolute_path)
    schema = error.schema if isinstance(error.schema, Mapping) else {}
    if error.validator == "required":
        key = _missing(error)[0]
        where.append(key)
        schema = schema.get("properties", {}).get(key, {})
    said = schema.get("description", error.message)
    return f"{_dotted(where)}: {shorten(said)}"


def _dotted(where: list[str | int]) -> str:
    """A location as a Python-like path: `mcp_servers[0].url`."""
    text = ""
    for step in where:
        text += f"[{step}]" if isinstance(step, int) else f".{step}"
    return text.lstrip(".") or "body"


def shorten(text: str) -> str:
    """`text` cut to a length fit for an error message, so a huge value does not echo back."""
    return text if len(text) <= _MAX_MESSAGE else text[: _MAX_MESSAGE - 3] + "..."
