"""Schemathesis hooks for `nox -s fuzz -- --url URL` without `--allow-create`.

On the live API a create that gets through runs a real agent, so live negative mode must never
make one. Two guards: the first is enough on its own, the second is belt and braces.

1. Every create_task request goes to an agent that cannot exist: `before_call` rewrites the
   `agent_id` path parameter to `NO_SUCH_AGENT` just before the request goes out, whatever phase
   or check built it (the unsupported-method probes on that path too: a DELETE there stops a
   task). This is needed because a body openapi.yaml rejects is not one the live API must
   reject: it looks like FastAPI/pydantic in lax mode, which coerces `{"run_locally": 1}`,
   `"true"`, `"5"` and the like into valid values. Such a body now gets 404 (agent not found)
   instead of a task, any other one 4xx as before; no agent runs either way.
2. Negative mode alone still makes some creates with a valid body (the seed example with an
   undocumented header added, say): `filter_case` drops every create whose body openapi.yaml
   accepts, so only bodies the API must refuse go out.

Check a run with reports/fuzz-live.har: no POST has a 2xx answer, and every POST to
`/agent-execution/...` names `NO_SUCH_AGENT`.
"""

from __future__ import annotations

from typing import Any

import schemathesis

from xpander_tasks_server import load_spec

SPEC = load_spec()

# Clearly fake, and a valid `agent_id` (so the only thing wrong with it is that it does not
# exist): no real agent id looks like this, and it names who sent the request.
NO_SUCH_AGENT = "xpander-tasks-fuzz-no-such-agent"


def _on_create_path(case: schemathesis.Case) -> bool:
    """A case of create_task, whatever its method (the unsupported-method probes change it)."""
    return bool(case.operation.definition.raw.get("operationId") == "create_task")


@schemathesis.hook
def filter_case(context: Any, case: schemathesis.Case) -> bool:
    """Drop every create whose body openapi.yaml accepts (guard 2)."""
    if not _on_create_path(case) or case.method.upper() != "POST":
        return True
    return not isinstance(case.body, dict) or bool(SPEC.body_issues("create_task", case.body))


@schemathesis.hook
def before_call(context: Any, case: schemathesis.Case, kwargs: dict[str, Any]) -> None:
    """Send every create to `NO_SUCH_AGENT` (guard 1); runs before each request is sent."""
    if _on_create_path(case):
        case.path_parameters = {**(case.path_parameters or {}), "agent_id": NO_SUCH_AGENT}
