"""Write the overlay's public method signatures from openapi.yaml (run by `nox -s generate`).

Each parameter that is a wire fact comes from the spec: a body field (its type, default,
description and checks: `minimum`, `maximum`, `enum`, `pattern`, lengths, which the generator
drops), a path or query parameter (its description). What only the overlay knows is declared
once below: the published SDK's names and positional order, the per-call settings and their
docs (SETTINGS), the parameters of the overlay's own (OWN), and which method takes what
(FLAT_BODIES, builders(), methods()). Writes the checked builders and the body checkers into
`overlay/xpander_tasks/_spec_params.py` and each method's `def` into the marked regions of
`_client.py`, `_task.py` and `_agents.py`; `--check` only compares and exits 1 when they
differ.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any, NamedTuple

import yaml

ROOT = Path(__file__).resolve().parent.parent
OVERLAY = ROOT / "overlay" / "xpander_tasks"
PARAMS_MODULE = OVERLAY / "_spec_params.py"
CLIENT_MODULE = OVERLAY / "_client.py"
TASK_MODULE = OVERLAY / "_task.py"
AGENTS_MODULE = OVERLAY / "_agents.py"
IMPORTS_BEGIN = "# BEGIN generated imports (.ci/signatures.py)\n"
IMPORTS_END = "# END generated imports\n"


def region_marks(cls: str) -> tuple[str, str]:
    """The lines around a class's generated methods."""
    return (
        f"    # BEGIN generated {cls} methods: .ci/signatures.py from openapi.yaml; "
        "run `nox -s generate`\n",
        f"    # END generated {cls} methods\n",
    )


# The published SDK's create parameters, in its positional order: SDK name -> where it goes
# ("path:", "header:" or the body field's wire path). A body field not listed here becomes a
# keyword-only parameter of its own wire name, after these.
SDK_CREATE = {
    "agent_id": "path:agent_or_task_id",
    "existing_task_id": "id",
    "prompt": "input.text",
    "file_urls": "input.files",
    "user_details": "input.user",
    "principal": "input.principal",
    "agent_version": "header:x-agent-version",
    "tool_call_payload_extension": "payload_extension",
    "source": "source",
    "worker_id": "worker_id",
    "run_locally": "run_locally",
    "output_format": "output_format",
    "output_schema": "output_schema",
    "events_streaming": "events_streaming",
    "additional_context": "additional_context",
    "instructions_override": "instructions_override",
    "test_run_node_id": "test_run_node_id",
    "user_oidc_token": "user_oidc_token",
    "expected_output": "expected_output",
    "mcp_servers": "mcp_servers",
    "triggering_agent_id": "triggering_agent_id",
    "title": "title",
    "think_mode": "think_mode",
    "disable_attachment_injection": "disable_attachment_injection",
    "return_metrics": "return_metrics",
    "user_tokens": "user_tokens",
    "llm_model_provider": "llm_model_provider",
    "llm_model_name": "llm_model_name",
    "llm_reasoning_effort": "llm_reasoning_effort",
    "harness_cli": "harness_cli",
    "tool_call_limit": "tool_call_limit",
    "attachments": "input.attachments",
    "permission_mode": "permission_mode",
}
# Types of the parameters that are not body fields (the header takes the SDK's int too).
OUTSIDE_TYPES = {"agent_id": "str", "agent_version": "int | str | None = None"}
# Keyword-only per-call settings of every method, openai-python's extras included.
SETTINGS = {
    "timeout": (
        "float | httpx.Timeout | None = None",
        "Seconds for each phase (or an `httpx.Timeout`); the client's own when None.",
    ),
    "total_timeout": (
        "float | None = None",
        "Seconds for each attempt's whole answer; the client's own when None.",
    ),
    "max_retries": ("int | None = None", "Retries of this call; the client's own when None."),
    "extra_headers": (
        "Mapping[str, str] | None = None",
        "Headers to add (not the key's, nor the transport's).",
    ),
    "extra_query": (
        "Mapping[str, str | int | float | bool] | None = None",
        "Query parameters to add.",
    ),
    "extra_body": (
        "Mapping[str, Any] | None = None",
        "Body fields the spec does not have yet (JSON); a field the call has a parameter "
        "for is refused.",
    ),
}
# The spec's keywords the overlay checks before sending (the generator drops them).
CHECKED_KEYWORDS = (
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
    "minLength", "maxLength", "pattern", "enum", "minItems", "maxItems",
)  # fmt: skip
SCALARS = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


def _schema(spec: dict[str, Any], ref: str) -> dict[str, Any]:
    return spec["components"]["schemas"][ref.rsplit("/", 1)[1]]


def _branches(field: dict[str, Any]) -> list[dict[str, Any]]:
    """The field's options: its anyOf/allOf branches, or the field itself."""
    return field.get("anyOf") or field.get("allOf") or [field]


def python_type(spec: dict[str, Any], field: dict[str, Any]) -> str:
    """What a caller may pass for a field: an enum's member or its value, a model or a dict."""
    options: list[str] = []
    for branch in _branches(field):
        types = branch.get("type", [])
        for kind in [types] if isinstance(types, str) else types:
            if kind == "null":
                continue
            if kind == "array":
                options.append(f"Sequence[{python_type(spec, branch['items'])}]")
            elif kind == "object":
                options.append("Mapping[str, Any]")
            else:
                options.append(SCALARS[kind])
        if "$ref" in branch:
            name, target = branch["$ref"].rsplit("/", 1)[1], _schema(spec, branch["$ref"])
            if "enum" in target:
                options += [name, "str"]
            elif target.get("properties"):
                options += [name, "Mapping[str, Any]"]
            else:
                options.append("Mapping[str, Any]")
    if not options:  # no type: any JSON value
        return "Any"
    return " | ".join(dict.fromkeys(options))


def _description(spec: dict[str, Any], field: dict[str, Any]) -> str:
    """The field's description, else that of the schema it refers to."""
    if field.get("description"):
        return str(field["description"])
    for branch in _branches(field):
        if "$ref" in branch:
            return str(_schema(spec, branch["$ref"]).get("description", ""))
    return ""


def _nullable(field: dict[str, Any]) -> bool:
    for branch in _branches(field):
        types = branch.get("type", [])
        if types == "null" or (isinstance(types, list) and "null" in types):
            return True
    return False


def default_text(spec: dict[str, Any], field: dict[str, Any], annotation: str) -> str:
    """The parameter's default: the spec's, else None (a list's None is its empty list)."""
    if "default" not in field or field["default"] is None:
        return f"{annotation} | None = None" if "None" not in annotation else f"{annotation} = None"
    default = field["default"]
    for branch in _branches(field):
        if "$ref" in branch and "enum" in _schema(spec, branch["$ref"]):
            member = re.sub(r"\W", "_", str(default)).upper()  # the generator's member name
            return f"{annotation} = {branch['$ref'].rsplit('/', 1)[1]}.{member}"
    return f"{annotation} = {default!r}"


def checks(spec: dict[str, Any], field: dict[str, Any]) -> dict[str, Any]:
    """The spec's value checks of a field, from it and its inline branches."""
    found = {key: field[key] for key in CHECKED_KEYWORDS if key in field}
    for branch in _branches(field):
        found |= {key: branch[key] for key in CHECKED_KEYWORDS if key in branch}
    return found


def create_parameters(spec: dict[str, Any]) -> list[dict[str, Any]]:
    """The create parameters: name, annotation with default, description, wire path, checks,
    and whether positional (the SDK's) or keyword-only (a field the SDK never had)."""
    body = spec["components"]["schemas"]["CreateTaskRequest"]
    fields: dict[str, dict[str, Any]] = {}
    for name, field in body["properties"].items():
        if name == "input":
            for part_name, part in _schema(spec, field["$ref"])["properties"].items():
                fields[f"input.{part_name}"] = part
        else:
            fields[name] = field
    outside = {f"{p['in']}:{p['name']}": p for p in _operation_parameters(spec, "create_task")}
    parameters = []
    wire_paths = set(SDK_CREATE.values())
    named = [(sdk, wire, True) for sdk, wire in SDK_CREATE.items()]
    named += [(wire, wire, False) for wire in fields if wire not in wire_paths]
    for sdk, wire, positional in named:
        if wire in outside:
            annotation, description, found = OUTSIDE_TYPES[sdk], outside[wire]["description"], {}
        elif wire in fields:
            field = fields[wire]
            annotation = default_text(spec, field, python_type(spec, field))
            description, found = _description(spec, field), checks(spec, field)
        else:
            raise SystemExit(f"SDK_CREATE names {wire!r}, which the spec's create does not have")
        parameters.append({
            "name": sdk, "annotation": annotation, "wire": wire, "positional": positional,
            "description": " ".join(description.replace("[secret]", "(a secret)").split()),
            "checks": found, "nullable": wire in fields and _nullable(fields[wire]),
        })  # fmt: skip
    return parameters


def flat_parameters(spec: dict[str, Any], schema: str) -> list[dict[str, Any]]:
    """The parameters of a flat body (update, report): its fields, in the spec's order (the
    published SDK's), each named as on the wire."""
    parameters = []
    for name, field in spec["components"]["schemas"][schema]["properties"].items():
        kind = python_type(spec, field)
        annotation = "Any = None" if kind == "Any" else default_text(spec, field, kind)
        parameters.append({
            "name": name, "annotation": annotation, "wire": name, "positional": True,
            "description": " ".join(_description(spec, field).split()),
            "checks": checks(spec, field),
        })  # fmt: skip
    return parameters


class FlatBody(NamedTuple):
    """The checker of a flat body in `_spec_params` (`{prefix}_BODY`, its defaults
    `{prefix}_DEFAULTS`), and the record its methods build around it: the parameters before
    the body's and the keyword-only ones before the settings (name, annotation, doc), the
    record's other arguments, and whether a None is left out of the body."""

    prefix: str
    schema: str
    record: str
    leading: list[tuple[str, str, str]]
    keywords: list[tuple[str, str, str]]
    others: str
    omit_none: bool = False


FLAT_BODIES = (
    FlatBody(
        "UPDATE", "UpdateTaskRequest", "UpdateTaskCall",
        [("task_id", "str", "The task to update.")], [],
        'task_id=check_id("task_id", task_id)',
        omit_none=True,  # the published SDK's partial update: only what is given
    ),
    FlatBody(
        "REPORT", "ReportExternalTaskRequest", "ReportTaskCall",
        [
            ("configuration", "Configuration | BaseClient | None = None",
             "The SDK's `Configuration`, or a `Tasks`, to send the report with."),
            ("agent_id", "str | None = None", "The agent the task ran for."),
        ],
        [("client", "BaseClient | None = None", "The client to send the report with.")],
        'configuration=configuration, client=client, agent_id=check_id("agent_id", agent_id)',
    ),
)  # fmt: skip
FLAT_BY_CHECKER = {f"{flat.prefix}_BODY": flat for flat in FLAT_BODIES}


def flat_method_parameters(spec: dict[str, Any], flat: FlatBody) -> list[dict[str, Any]]:
    """The parameters of a flat body's methods but their settings, in the SDK's order."""
    return (
        [own(n, a, d) for n, a, d in flat.leading]
        + flat_parameters(spec, flat.schema)
        + [own(n, a, d, positional=False) for n, a, d in flat.keywords]
    )


def _flat_checker(spec: dict[str, Any], flat: FlatBody) -> tuple[str, set[str]]:
    """A flat body's defaults table and checker, and the model names its fields use."""
    fields = flat_parameters(spec, flat.schema)
    defaults = f"{flat.prefix}_DEFAULTS"
    omit_none = f"omit_none=frozenset({defaults}), " if flat.omit_none else ""
    left_out = " (a None left out: the SDK's partial body)" if flat.omit_none else ""
    comment = (
        f"The checker of the {flat.schema} fields, which the public methods pass once, as "
        f"one dict in `{defaults}`' order, each with its signature's default{left_out}."
    )
    code = (
        "".join(f"# {line}\n" for line in textwrap.wrap(comment, 86))
        + f"{defaults}: Final[dict[str, Any]] = {_defaults(fields)}\n"
        f'{flat.prefix}_BODY: Final = _Body("{flat.schema}", {defaults}, fields={{}}, '
        + omit_none
        + f"checks={ {f['name']: f['checks'] for f in fields if f['checks']}!r})\n\n\n"
    )
    return code, set(_model_names(fields))


def _defaults(body: list[dict[str, Any]]) -> str:
    """The body parameters by name, each with the default its signature shows (in order)."""
    pairs = [f'"{p["name"]}": {p["annotation"].partition(" = ")[2]},' for p in body]
    return "{" + "".join(pairs) + "}"


def settings_for(spec: dict[str, Any], schema: str) -> dict[str, tuple[str, str]]:
    """The per-call settings of a call with body `schema`: no `extra_body` where the spec
    closes the body (`additionalProperties: false`), as the generated model has no room."""
    closed = spec["components"]["schemas"][schema].get("additionalProperties") is False
    return {name: kind for name, kind in SETTINGS.items() if not closed or name != "extra_body"}


def _doc(
    parameters: list[dict[str, Any]],
    indent: str,
    summary: str,
    settings: dict[str, tuple[str, str]] = SETTINGS,
) -> str:
    lines = [f'{indent}"""{summary}', "", f"{indent}Args:"]
    for parameter in parameters:
        text = f"{parameter['name']}: {parameter['description']}".rstrip()
        lines += textwrap.wrap(
            text, 96, initial_indent=indent + "    ", subsequent_indent=indent + "        "
        )
    for name, (_, description) in settings.items():
        lines += textwrap.wrap(
            f"{name}: {description}", 96, initial_indent=indent + "    ",
            subsequent_indent=indent + "        ",
        )  # fmt: skip
    return "\n".join(lines) + f'\n{indent}"""\n'


def _signature(
    parameters: list[dict[str, Any]],
    indent: str,
    self: bool | str,
    settings: dict[str, tuple[str, str]] = SETTINGS,
) -> str:
    """The parameter lines: `self` (or the first parameter named), the parameters (a `*`
    before the first keyword-only one), the settings, keyword-only."""
    first = "self" if self is True else self
    lines = [f"{indent}{first},"] if first else []
    keyword_only = False
    for parameter in parameters:
        if not parameter["positional"] and not keyword_only:
            lines.append(f"{indent}*,")
            keyword_only = True
        lines.append(f"{indent}{parameter['name']}: {parameter['annotation']},")
    if settings and not keyword_only:
        lines.append(f"{indent}*,")
    lines += [f"{indent}{name}: {annotation}," for name, (annotation, _) in settings.items()]
    return "\n".join(lines) + "\n"


def _summary(text: str, indent: str) -> str:
    """A docstring's summary, wrapped to the line length after its indent and quotes."""
    return f"\n{indent}".join(textwrap.wrap(text, 96 - len(indent)))


def _body_parameters(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The parameters that fill body fields (not a path, a header or the overlay's own)."""
    return [p for p in parameters if "wire" in p and not p["wire"].startswith(("path:", "header:"))]


def _built_call(
    record: str,
    others: str,
    checker: str,
    body: list[dict[str, Any]],
    settings: dict[str, tuple[str, str]],
) -> str:
    """The checked call from the parameters, passed once: the record's `others`, each body
    one by its name to the spec's `checker`, the settings (ruff formats it)."""
    return (
        f"{record}({others}, body={checker}({{"
        + "".join(f'"{p["name"]}": {p["name"]},' for p in body)
        + "}), options="
        + _options(settings)
        + ")"
    )


def _create_call(body: list[dict[str, Any]], agent_id: str = "agent_id") -> str:
    """The checked create call: the agent's id, its version header, `CREATE_BODY`'s body."""
    return _built_call(
        "CreateTaskCall",
        f'agent_id=check_id("agent_id", {agent_id}), agent_version=None if agent_version is '
        'None else check_version("agent_version", agent_version)',
        "CREATE_BODY", body, SETTINGS,
    )  # fmt: skip


def _options(settings: dict[str, tuple[str, str]] | tuple[str, ...]) -> str:
    """The checked per-call settings from the parameters of the same names."""
    return "call_options(" + ", ".join(f"{name}={name}" for name in settings) + ")"


# Names in annotations that are not the spec's models.
NOT_MODELS = {"Sequence", "Mapping", "Any", "None", "Configuration", "BaseClient"}


def _model_names(parameters: list[dict[str, Any]]) -> list[str]:
    """The generated models and enums the annotations name."""
    names: set[str] = set()
    for parameter in parameters:
        names |= set(re.findall(r"\b[A-Z]\w*", parameter["annotation"].split(" = ")[0]))
    return sorted(names - NOT_MODELS)


def _formatted(path: Path, text: str) -> str:
    """`text` as `ruff format` writes it (ruff from the venv running this script)."""
    ruff = Path(sys.executable).parent / "ruff"
    return subprocess.run(  # noqa: S603 - the venv's own ruff, on our text
        [str(ruff), "format", "--stdin-filename", str(path), "-"],
        input=text, capture_output=True, text=True, check=True, cwd=ROOT,
    ).stdout  # fmt: skip


# Where the spec states a parameter: path, query and header parameters of its operations.


def _operation(spec: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in spec["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                return operation
    raise SystemExit(f"the spec has no operation {operation_id!r}")


def _operation_parameters(spec: dict[str, Any], operation_id: str) -> list[dict[str, Any]]:
    return [
        spec["components"]["parameters"][listed["$ref"].rsplit("/", 1)[1]]
        if "$ref" in listed
        else listed
        for listed in _operation(spec, operation_id).get("parameters", [])
    ]


def wire_parameter(
    spec: dict[str, Any],
    operation_id: str,
    wire: str,
    *,
    name: str | None = None,
    annotation: str = "str",
) -> dict[str, Any]:
    """An operation's path or header parameter `wire`, as the method's parameter `name`,
    positional, documented by the spec's description."""
    for parameter in _operation_parameters(spec, operation_id):
        if parameter["name"] == wire and parameter["in"] in {"path", "header"}:
            return {
                "name": name or wire, "annotation": annotation, "positional": True,
                "description": " ".join(parameter["description"].split()),
            }  # fmt: skip
    raise SystemExit(f"{operation_id} has no path or header parameter {wire!r}")


def query_parameters(spec: dict[str, Any], operation_id: str) -> list[dict[str, Any]]:
    """An operation's query parameters (a list's filters), keyword-only, None by default."""
    return [
        {
            "name": parameter["name"],
            "annotation": default_text(spec, {}, python_type(spec, parameter["schema"])),
            "positional": False,
            "description": " ".join(parameter["description"].split()),
        }
        for parameter in _operation_parameters(spec, operation_id)
        if parameter["in"] == "query"
    ]


def own(name: str, annotation: str, description: str, positional: bool = True) -> dict[str, Any]:
    """A parameter only the overlay knows: not a wire field."""
    return {
        "name": name, "annotation": annotation, "positional": positional,
        "description": description,
    }  # fmt: skip


def field(spec: dict[str, Any], schema: str, name: str, annotation: str) -> dict[str, Any]:
    """A body field of `schema` as a positional parameter with its own annotation."""
    described = spec["components"]["schemas"][schema]["properties"][name]
    return own(name, annotation, " ".join(_description(spec, described).split()))


def pick(*names: str) -> dict[str, tuple[str, str]]:
    """The per-call settings `names`, with their annotations and docs."""
    return {name: SETTINGS[name] for name in names}


NO_BODY = pick(*(name for name in SETTINGS if name != "extra_body"))
EXTRAS = pick("extra_headers", "extra_query")
EXTRAS_AND_BODY = pick("extra_headers", "extra_query", "extra_body")

FILTERS = own(
    "filters",
    "Mapping[str, Any] | None = None",
    "The published SDK's filters as one dict (the same names as the keywords); a filter the "
    "API does not document is sent as given.",
)


class Builder(NamedTuple):
    """A checked builder in `_spec_params`: its parameters, the record it returns (`returned`
    with `{options}` for the checked settings) and its summary."""

    name: str
    record: str
    parameters: list[dict[str, Any]]
    settings: dict[str, tuple[str, str]]
    summary: str
    returned: str


def builders(spec: dict[str, Any]) -> list[Builder]:
    """The builders of the reads and lists (the bodies' checkers are above)."""
    lists = []
    for name, operation, owner, endpoint in (
        ("list_tasks_call", "list_tasks", "agent_id", "list_tasks"),
        ("list_user_tasks_call", "list_user_tasks", "user_id", "list_user_tasks"),
    ):
        filters = query_parameters(spec, operation)
        # Doubled braces: `returned` is formatted once more, with the options.
        given = "{{" + ", ".join(f'"{f["name"]}": {f["name"]}' for f in filters) + "}}"
        lists.append(
            Builder(
                name, "ListTasksCall",
                [wire_parameter(spec, operation, owner), FILTERS, *filters], NO_BODY,
                "Check a list: the owner's id, the published SDK's `filters` dict or the same "
                "filters as keyword arguments (a status as the member or its value); a filter "
                "the spec does not name is sent as given (a near miss logged with a \"did you "
                "mean\").",
                f'list_call(OPERATIONS["{endpoint}"], "{owner}", {owner}, filters, given={given}, '
                "options={options})",
            )
        )  # fmt: skip
    return [
        Builder(
            "get_task_call", "GetTaskCall", [wire_parameter(spec, "get_task", "task_id")],
            NO_BODY,
            "Check a call on one task by its id (a read, a stop): an id that cannot change "
            "the path.",
            'GetTaskCall(task_id=check_id("task_id", task_id), options={options})',
        ),
        *lists,
        Builder(
            "get_agent_call", "GetAgentCall",
            [
                wire_parameter(
                    spec, "get_agent", "agent_id", annotation="str | None = None"
                ) | {"description": "The agent's id; without one, the configuration's "
                     "`agent_id`, else `XPANDER_AGENT_ID`'s."},
                wire_parameter(
                    spec, "get_agent", "x-agent-version", name="version",
                    annotation=OUTSIDE_TYPES["agent_version"],
                ),
            ],
            NO_BODY,
            "Check an agent read: an id that cannot change the path, a version (a number "
            ">= 1, or its text) for the `x-agent-version` header.",
            'GetAgentCall(agent_id=check_id("agent_id", agent_id) if agent_id else None, '
            'version=None if version is None else check_version("version", version), '
            "options={options})",
        ),
    ]  # fmt: skip


def _noqa(parameters: list[dict[str, Any]]) -> str:
    """Ruff's pardon for more than five positional parameters: the published SDK's."""
    many = sum(p["positional"] for p in parameters) > 5
    return "  # noqa: PLR0917 - the published SDK's parameters" if many else ""


def _builder_code(builder: Builder) -> str:
    return (
        f"def {builder.name}({_noqa(builder.parameters)}\n"
        + _signature(builder.parameters, "    ", self=False, settings=builder.settings)
        + f") -> {builder.record}:\n"
        + _doc(builder.parameters, "    ", _summary(builder.summary, "    "), builder.settings)
        + "    return "
        + builder.returned.format(options=_options(builder.settings))
        + "\n\n\n"
    )


def params_module(parameters: list[dict[str, Any]], spec: dict[str, Any]) -> str:
    body = _body_parameters(parameters)
    flat = [_flat_checker(spec, flat) for flat in FLAT_BODIES]
    reads = builders(spec)
    models = sorted(
        set(_model_names(parameters)).union(
            *(names for _, names in flat),
            *(_model_names(b.parameters) for b in reads),
        )
    )
    renamed = {p["name"]: p["wire"] for p in body if p["name"] != p["wire"]}
    constraints = {p["name"]: p["checks"] for p in body if p["checks"]}
    names = ["create_task_call", *(b.name for b in reads)]
    checkers = sorted(["CREATE_BODY", *FLAT_BY_CHECKER])
    # Mapping for the settings; Sequence if a read's or a list's parameter takes one.
    annotations = " ".join(p["annotation"] for b in reads for p in b.parameters)
    abc = ["Mapping", *(["Sequence"] if "Sequence[" in annotations else [])]
    return (
        '"""The checked builders of the public methods\' calls and the checkers of their bodies,\n'
        "generated from openapi.yaml by `.ci/signatures.py` (`nox -s generate`); do not edit.\n"
        "The order and names of the published SDK are that script's tables; the rest is the\n"
        'spec\'s."""\n\n'
        "from __future__ import annotations\n\n"
        f"from collections.abc import {', '.join(abc)}\n"
        "from typing import Any, Final\n\n"
        "import httpx\n\n"
        "from xpander_tasks_api.models import " + ", ".join(models) + "\n"
        "from xpander_tasks_api.spec_extensions import OPERATIONS\n\n"
        "from ._params import CreateTaskCall, GetAgentCall, GetTaskCall, ListTasksCall, "
        "_Body, call_options, check_id, check_version, list_call\n\n"
        "# What the generated methods' annotations and bodies name.\n"
        f"__all__ = {[*checkers, *models, *sorted(names)]!r}\n\n"
        "# SDK parameter -> the body field it fills (wire names), where they differ.\n"
        f"CREATE_FIELDS: Final = {renamed!r}\n"
        "# The spec's checks of each body parameter's value, made before sending.\n"
        f"CREATE_CHECKS: Final[dict[str, dict[str, Any]]] = {constraints!r}\n"
        "# Each body parameter with the default the public methods' signatures give it, in\n"
        "# their order: a default is known good, and sent as prepared.\n"
        f"CREATE_DEFAULTS: Final[dict[str, Any]] = {_defaults(body)}\n\n"
        "# The checker of a create's body parameters, which the public methods pass once, as one\n"
        "# dict in `CREATE_DEFAULTS`' order.\n"
        'CREATE_BODY: Final = _Body(\n    "CreateTaskRequest",\n    CREATE_DEFAULTS,\n'
        "    fields=CREATE_FIELDS,\n    checks=CREATE_CHECKS,\n)\n\n\n"
        "def create_task_call(agent_id: str, **arguments: Any) -> CreateTaskCall:\n"
        '    """Check a create given by keyword, as a batch item gives it: `Tasks.create`\'s\n'
        "    parameters, each one left out at its default; a name it does not take is a\n"
        '    `TypeError`."""\n'
        f"    settings = {{name: arguments.pop(name) for name in {tuple(SETTINGS)!r} "
        "if name in arguments}\n"
        '    agent_version = arguments.pop("agent_version", None)\n'
        "    return CreateTaskCall(\n"
        '        agent_id=check_id("agent_id", agent_id),\n'
        "        agent_version=None if agent_version is None else check_version(\n"
        '            "agent_version", agent_version\n        ),\n'
        '        body=CREATE_BODY.given(arguments, "create_task_call"),\n'
        "        options=call_options(**settings),\n    )\n\n\n"
        + "".join(code for code, _ in flat)
        + "".join(_builder_code(builder) for builder in reads)
    ).rstrip("\n") + "\n"


class Method(NamedTuple):
    """A public method and its async twin (`a` + name): its parameters, passed by name to
    `builder` (`call_options`: the settings alone; a body's checker, `CREATE_BODY` or one of
    FLAT_BODIES': the call built inline, as `Tasks.create`'s), whose record goes to the
    private method that sends (`_list`; the twin's `_alist`), after the arguments named in
    `direct`."""

    cls: str
    name: str
    summaries: tuple[str, str]
    returns: str
    parameters: list[dict[str, Any]]
    settings: dict[str, tuple[str, str]]
    builder: str
    private: str
    direct: tuple[str, ...] = ()
    fixed: tuple[tuple[str, str], ...] = ()  # builder arguments that are not parameters
    first: str = "self"  # "cls": a classmethod


def _builder_parameters(spec: dict[str, Any], name: str) -> list[dict[str, Any]]:
    """A generated builder's (or a flat body checker's methods') parameters but the settings."""
    for builder in builders(spec):
        if builder.name == name:
            return builder.parameters
    if name in FLAT_BY_CHECKER:
        return flat_method_parameters(spec, FLAT_BY_CHECKER[name])
    raise SystemExit(f"no builder {name!r}")


def agent_task_parameters(parameters: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """`create`'s parameters as the published SDK's `Agent.create_task` takes them: `prompt`
    first (the agent's own id is not one), and `source` "sdk" by default."""
    by_name = {p["name"]: p for p in parameters if p["name"] != "agent_id"}
    first = [by_name.pop("prompt"), by_name.pop("existing_task_id")]
    source = by_name["source"]
    by_name["source"] = source | {"annotation": source["annotation"].replace("= None", '= "sdk"')}
    return [*first, *by_name.values()]


def methods(spec: dict[str, Any], create: list[dict[str, Any]]) -> list[Method]:
    """The public methods that need more than their operation says (the others are
    `operation_methods`'), but `Tasks.create` (whose body builds its call inline)."""
    update = _builder_parameters(spec, "UPDATE_BODY")
    return [
        Method(
            "Tasks", "list",
            ("An agent's tasks, newest first (sync); see `alist`.",
             "An agent's tasks, newest first, as summaries (no input); each item's `aload()` "
             "reads the whole task."),
            "builtins.list[TasksListItem]", _builder_parameters(spec, "list_tasks_call"),
            NO_BODY, "list_tasks_call", "_list",
        ),
        Method(
            "Tasks", "list_user_tasks",
            ("A user's tasks across agents, newest first (sync).",
             "A user's tasks across agents, newest first, as summaries."),
            "builtins.list[TasksListItem]", _builder_parameters(spec, "list_user_tasks_call"),
            NO_BODY, "list_user_tasks_call", "_list_user_tasks",
        ),
        Method(
            "Tasks", "update",
            ("Update some of a task's fields (sync); see `aupdate`.",
             "Update some of a task's fields, the published SDK's five; only those given "
             "(not None) are sent, none sends `{}`."),
            "Task", update, settings_for(spec, "UpdateTaskRequest"), "UPDATE_BODY", "_update",
        ),
        Method(
            "Tasks", "stop",
            ("Stop a task (sync); it becomes `stopped`.",
             "Stop a task; it becomes `stopped` (`is_manually_stopped`) and stays so."),
            "Task", _builder_parameters(spec, "get_task_call"), NO_BODY, "get_task_call",
            "_stop",
        ),
        Method(
            "Task", "load",
            ("Read a task by its id (sync); see `aload`.",
             "Read a task by its id, as the published SDK's classmethod: with `configuration` "
             "or `client`; without either, with the environment's settings."),
            "Self",
            [wire_parameter(spec, "get_task", "task_id"),
             own("configuration", "Configuration | BaseClient | None = None",
                 "The published SDK's `Configuration`, or a `Tasks`, to read with."),
             own("client", "BaseClient | None = None",
                 "The client to read with, instead of `configuration`.", positional=False)],
            {}, "get_task_call", "_load", direct=("configuration", "client"), first="cls",
        ),
        Method(
            "Task", "report_external_task",
            ("Report a task that ran outside xpander (sync); see `areport_external_task`.",
             "Report a task that ran outside xpander: stored `completed`, or `failed` when "
             "`is_success` is false. Not sent twice on a lost answer: the error says it may "
             "have been stored."),
            "Self", _builder_parameters(spec, "REPORT_BODY"),
            settings_for(spec, "ReportExternalTaskRequest"), "REPORT_BODY", "_report",
            first="cls",
        ),
        Method(
            "Task", "reload",
            ("Refresh this task in place from the status endpoint (sync).",
             "Refresh this task in place from the status endpoint."),
            "Self", [], NO_BODY, "call_options", "_reload",
        ),
        Method(
            "Task", "save",
            ("Send this whole task (sync), as the published SDK's `save`; see `asave`.",
             "Send this whole task, its changed fields with it, and take the task the server "
             "stored in place. A status set here overrides the task's own progress; a deep "
             "plan or additional context the answer lost is kept."),
            "Self",
            [own("with_deep_plan_update", "bool = False",
                 "Send the task's deep plan too; without it, the plan is left out (the "
                 "published SDK's).")],
            EXTRAS_AND_BODY, "call_options", "_save", direct=("with_deep_plan_update",),
        ),
        Method(
            "Task", "set_status",
            ("Set the status and the result (even to None), then `save` (sync).",
             "Set the status and the result (even to None), then `asave`, as the SDK does."),
            "Self",
            [field(spec, "UpdateTaskRequest", "status", "AgentExecutionStatus | str"),
             field(spec, "UpdateTaskRequest", "result", "str | None = None")],
            EXTRAS_AND_BODY, "call_options", "_set_status", direct=("status", "result"),
        ),
        Method(
            "Task", "stop",
            ("Stop this task (sync); it becomes `stopped`, in place.",
             "Stop this task; it becomes `stopped` (`is_manually_stopped`), in place."),
            "Self", [], EXTRAS, "call_options", "_stop",
        ),
        Method(
            "Task", "get_activity_log",
            ("This task's activity thread (sync); see `aget_activity_log`.",
             "This task's activity thread: its messages, entry kinds this client does not "
             "know kept as they came."),
            "AgentActivityThread", [], EXTRAS, "call_options", "_get_activity_log",
        ),
        Method(
            "Agent", "create_task",
            ("Create a task for this agent (sync); see `acreate_task`.",
             "Create a task for this agent: `Tasks.acreate`'s parameters but `agent_id`, in "
             "the published SDK's order (`prompt` first) and with its `source=\"sdk\"`."),
            "Task", agent_task_parameters(create), SETTINGS, "CREATE_BODY", "_create_task",
            fixed=(("agent_id", "_agent_id(self)"),),
        ),
        Method(
            "Agent", "load",
            ("Read an agent (sync); see `aload`.",
             "Read an agent, as the published SDK's classmethod: with `configuration`, else "
             "with the environment's settings."),
            "Agent",
            [wire_parameter(spec, "get_agent", "agent_id"),
             own("configuration", "Configuration | None = None",
                 "The published SDK's `Configuration` to read with."),
             wire_parameter(spec, "get_agent", "x-agent-version", name="version",
                            annotation=OUTSIDE_TYPES["agent_version"])],
            {}, "get_agent_call", "_load", direct=("configuration",), first="cls",
        ),
        Method(
            "Agents", "get",
            ("The agent (sync); see `aget`.",
             "The agent, at `version` or its current one."),
            "Agent", _builder_parameters(spec, "get_agent_call"), NO_BODY, "get_agent_call",
            "_get",
        ),
        Method(
            "Agents", "list",
            ("The organization's agents (sync); see `alist`.",
             "The organization's agents, as summaries; each item's `aload()` reads the agent."),
            "builtins.list[AgentsListItem]", [], EXTRAS, "call_options", "_list",
        ),
    ]  # fmt: skip


# Public methods written by hand, not from their operation: the event stream's.
BY_HAND = frozenset({"Task.events"})
TASK_ANSWER = {"$ref": "#/components/schemas/Task"}


class OperationMethod(NamedTuple):
    """A `Tasks` method pair made from its operation alone: the path's ids its parameters,
    the operation's summary its docstring, a `Task` its answer."""

    operation_id: str
    name: str
    summary: str
    parameters: list[dict[str, Any]]


def operation_methods(spec: dict[str, Any], tabled: set[str]) -> list[OperationMethod]:
    """The methods the spec's `x-sdk-method` names that `methods()` does not (nor BY_HAND),
    in the spec's order; an operation whose shape needs more is refused, named."""
    found = []
    for item in spec["paths"].values():
        for operation in item.values():
            sdk_method = isinstance(operation, dict) and operation.get("x-sdk-method")
            if not sdk_method or sdk_method in tabled | BY_HAND | {"Tasks.create"}:
                continue
            cls, _, name = sdk_method.partition(".")
            listed = _operation_parameters(spec, operation["operationId"])
            answer = operation["responses"].get("200", {}).get("content", {})
            if (
                cls != "Tasks"
                or "requestBody" in operation
                or any(p["in"] != "path" for p in listed)
                or answer.get("application/json", {}).get("schema") != TASK_ANSWER
            ):
                raise SystemExit(
                    f"{sdk_method}: only a `Tasks` method whose operation takes ids in its path "
                    "and answers a Task is made from the spec alone; add it to methods() in "
                    ".ci/signatures.py"
                )
            parameters = [wire_parameter(spec, operation["operationId"], p["name"]) for p in listed]
            found.append(
                OperationMethod(operation["operationId"], name, operation["summary"], parameters)
            )
    return found


def _operation_method_code(method: OperationMethod, asynchronous: bool) -> str:
    summary = method.summary.rstrip(".")
    summary = f"{summary}." if asynchronous else f"{summary} (sync)."
    ids = ", ".join(f'{p["name"]}=check_id("{p["name"]}", {p["name"]})' for p in method.parameters)
    return (
        "    @with_parameter_hints\n"
        f"    {'async def a' if asynchronous else 'def '}{method.name}(\n"
        + _signature(method.parameters, "        ", self=True, settings=NO_BODY)
        + "    ) -> Task:\n"
        + _doc(method.parameters, "        ", _summary(summary, "        "), NO_BODY)
        + f"        return {'await self._a' if asynchronous else 'self._'}task_operation("
        + f'OPERATIONS["{method.operation_id}"], {_options(NO_BODY)}, {ids})\n'
    )


def _method_code(method: Method, asynchronous: bool) -> str:
    name = f"a{method.name}" if asynchronous else method.name
    private = f"_a{method.private.removeprefix('_')}" if asynchronous else method.private
    passed = [p["name"] for p in method.parameters if p["name"] not in method.direct]
    arguments = [f"{n}={e}" for n, e in method.fixed] + [f"{n}={n}" for n in passed]
    if method.builder == "call_options":
        call = _options(method.settings)
    elif method.builder == "CREATE_BODY":
        body = _body_parameters(method.parameters)
        call = _create_call(body, agent_id=dict(method.fixed)["agent_id"])
    elif method.builder in FLAT_BY_CHECKER:
        flat = FLAT_BY_CHECKER[method.builder]
        call = _built_call(
            flat.record, flat.others, method.builder, _body_parameters(method.parameters),
            method.settings,
        )  # fmt: skip
    else:
        call = (
            f"{method.builder}({', '.join([*arguments, *(f'{n}={n}' for n in method.settings)])})"
        )
    summary = _summary(method.summaries[asynchronous], "        ")
    return (
        ("    @classmethod\n" if method.first == "cls" else "")
        + "    @with_parameter_hints\n"
        + f"    {'async def' if asynchronous else 'def'} {name}({_noqa(method.parameters)}\n"
        + _signature(method.parameters, "        ", self=method.first, settings=method.settings)
        + f"    ) -> {method.returns}:\n"
        + _doc(method.parameters, "        ", summary, method.settings)
        + f"        return {'await ' if asynchronous else ''}{method.first}.{private}("
        + ", ".join([*method.direct, call])
        + ")\n"
    )


def create_methods(parameters: list[dict[str, Any]]) -> list[str]:
    """`Tasks.create` and `acreate`: the checked call built inline (the hot path)."""
    body = _body_parameters(parameters)
    code = []
    for name, summary, call in (
        ("create", "Create a task for an agent (sync); it starts `pending`.", "self._create"),
        ("acreate", "Create a task for an agent; it starts `pending`.", "await self._acreate"),
    ):
        keyword = "async def" if name == "acreate" else "def"
        code.append(
            "    @with_parameter_hints\n"
            f"    {keyword} {name}(  # noqa: PLR0917 - the published SDK's parameters\n"
            + _signature(parameters, "        ", self=True)
            + "    ) -> Task:\n"
            + _doc(parameters, "        ", summary)
            + f"        return {call}({_create_call(body)})\n"
        )
    return code


def regions(spec: dict[str, Any], parameters: list[dict[str, Any]]) -> dict[str, str]:
    """Each class's generated methods, by class."""
    code: dict[str, list[str]] = {"Tasks": create_methods(parameters)}
    tabled = methods(spec, parameters)
    for method in tabled:
        code.setdefault(method.cls, [])
        code[method.cls] += [_method_code(method, False), _method_code(method, True)]
    for made in operation_methods(spec, {f"{m.cls}.{m.name}" for m in tabled}):
        code["Tasks"] += [_operation_method_code(made, False), _operation_method_code(made, True)]
    return {cls: "\n".join(parts) for cls, parts in code.items()}


def client_region(parameters: list[dict[str, Any]], spec: dict[str, Any] | None = None) -> str:
    """The `Tasks` methods, between their marks."""
    spec = spec or yaml.safe_load((ROOT / "openapi.yaml").read_text())
    begin, end = region_marks("Tasks")
    return begin + regions(spec, parameters)["Tasks"] + end


# The classes each module holds generated methods of, and what else it takes from
# `_spec_params` (one import statement for both).
MODULES = {
    CLIENT_MODULE: (("Tasks",), ["CREATE_BODY"]),
    TASK_MODULE: (("Task",), ["UPDATE_BODY", "get_task_call"]),
    AGENTS_MODULE: (("Agent", "Agents"), []),
}


def _imports(
    spec: dict[str, Any],
    parameters: list[dict[str, Any]],
    classes: tuple[str, ...],
    extra: list[str],
) -> str:
    """A module's import of the models its generated annotations name and the builders."""
    used = [m for m in methods(spec, parameters) if m.cls in classes]
    names = set(extra) | {m.builder for m in used if m.builder != "call_options"}
    for method in used:
        names |= set(_model_names(method.parameters))
    if "Tasks" in classes:
        names |= set(_model_names(parameters))
    # isort's order: constants, classes, functions; a blank line closes the block.
    ordered = sorted(names, key=lambda n: (not n.isupper(), not n[0].isupper(), n))
    return IMPORTS_BEGIN + f"from ._spec_params import {', '.join(ordered)}\n\n" + IMPORTS_END


def _replaced(text: str, begin: str, end: str, region: str) -> str:
    """`text` with its region from `begin` to `end` (both included) replaced by `region`."""
    start, stop = text.index(begin), text.index(end) + len(end)
    return text[:start] + region + text[stop:]


def main() -> int:
    spec = yaml.safe_load((ROOT / "openapi.yaml").read_text())
    parameters = create_parameters(spec)
    code = regions(spec, parameters)
    wanted = {PARAMS_MODULE: params_module(parameters, spec)}
    for path, (classes, extra) in MODULES.items():
        text = path.read_text()
        for cls in classes:
            begin, end = region_marks(cls)
            text = _replaced(text, begin, end, begin + code[cls] + end)
        imports = _imports(spec, parameters, classes, extra)
        wanted[path] = _replaced(text, IMPORTS_BEGIN, IMPORTS_END, imports)
    wanted = {path: _formatted(path, text) for path, text in wanted.items()}
    stale = [path for path, text in wanted.items() if not path.exists() or path.read_text() != text]
    if "--check" in sys.argv:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is stale: run `nox -s generate`", file=sys.stderr)
        return 1 if stale else 0
    for path in stale:
        path.write_text(wanted[path])
    return 0


if __name__ == "__main__":
    sys.exit(main())
