"""Schemathesis hooks for `nox -s fuzz -- --url URL` without `--allow-create`.

Negative mode alone still sends some creates with a valid body (the seed example with an
undocumented header added, say), and on the live API a valid create runs a real agent. This
hook drops every create whose body openapi.yaml accepts, so only bodies the API must refuse
go out.
"""

from __future__ import annotations

from typing import Any

import schemathesis

from xpander_tasks_server import load_spec

SPEC = load_spec()


@schemathesis.hook
def filter_case(context: Any, case: schemathesis.Case) -> bool:
    if case.method.upper() != "POST":
        return True
    return not isinstance(case.body, dict) or bool(SPEC.body_issues("create_task", case.body))
