"""Schemathesis hooks for `nox -s fuzz -- --url URL` without `--allow-create`.

On the live API a request that gets through can run a real agent (create), stop or change a
real task (stop, update) or record one (report), so live negative mode must never make one. Two
guards: the first is enough on its own, the second is belt and braces.

1. Every request that could change something, that is every one whose method or operation is
   not a GET, names resources that cannot exist: `before_call` rewrites each of its path
   parameters (agent, task, organization) to `NO_SUCH_ID` just before the request goes out,
   whatever phase or check built it (the unsupported-method probes too: a DELETE on the create
   path stops a task). This is needed because a body openapi.yaml rejects is not one the live
   API must reject: it looks like FastAPI/pydantic in lax mode, which coerces
   `{"run_locally": 1}`, `"true"`, `"5"` and the like into valid values. Such a request now gets
   404 (no such agent or task) instead of acting, any other one 4xx as before.
2. Negative mode alone still makes some requests with a valid body (the seed example with an
   undocumented header added, say): `filter_case` drops every case of a changing operation
   whose body openapi.yaml accepts, so only bodies the API must refuse go out.

Check a run with reports/fuzz-live.har: no request other than a GET has a 2xx answer, and every
such request names `NO_SUCH_ID` in its path.
"""

from __future__ import annotations

from typing import Any

import schemathesis

from xpander_tasks_server import load_spec

SPEC = load_spec()

# Clearly fake, and a valid id (so the only thing wrong with it is that it does not exist): no
# real agent or task id looks like this, and it names who sent the request.
NO_SUCH_ID = "xpander-tasks-fuzz-no-such-id"
_READING = ("GET", "HEAD")


def _may_change(case: schemathesis.Case) -> bool:
    """Whether the case's operation, or the method it is sent with, is not a read."""
    operation_method = str(case.operation.method).upper()
    return operation_method not in _READING or case.method.upper() not in _READING


@schemathesis.hook
def filter_case(context: Any, case: schemathesis.Case) -> bool:
    """Drop every changing case whose body openapi.yaml accepts (guard 2)."""
    operation_id = case.operation.definition.raw.get("operationId")
    if not _may_change(case) or "requestBody" not in case.operation.definition.raw:
        return True
    return not isinstance(case.body, dict) or bool(SPEC.body_issues(operation_id, case.body))


@schemathesis.hook
def before_call(context: Any, case: schemathesis.Case, kwargs: dict[str, Any]) -> None:
    """Point every changing request at `NO_SUCH_ID` (guard 1); runs before each request."""
    if _may_change(case):
        names = [parameter.name for parameter in case.operation.path_parameters]
        case.path_parameters = {**(case.path_parameters or {}), **dict.fromkeys(names, NO_SUCH_ID)}
