"""Schemathesis hooks for a bounded fuzz run (tests/fuzz_run.py): the bound, progress, a tally.

Set by the runner in the environment: XPANDER_FUZZ_STATE (the JSON file the tally is written
to after each request), XPANDER_FUZZ_BUDGET (requests), XPANDER_FUZZ_GUARD ("1": load
tests/fuzz_live_guard.py too, as a run takes one hooks file).

A request past the bound is not sent: `before_call` raises KeyboardInterrupt, which
schemathesis handles as a Ctrl-C, stopping every phase and printing its summary.
"""

from __future__ import annotations

import json
import os
import runpy
import time
from collections import Counter
from pathlib import Path
from typing import Any

import schemathesis

from xpander_tasks_server import load_spec

if os.environ.get("XPANDER_FUZZ_GUARD") == "1":
    runpy.run_path(str(Path(__file__).with_name("fuzz_live_guard.py")))

STATE = Path(os.environ["XPANDER_FUZZ_STATE"])
BUDGET = int(os.environ["XPANDER_FUZZ_BUDGET"]) if "XPANDER_FUZZ_BUDGET" in os.environ else None
KEY_HEADER = load_spec().api_key_header().lower()
PROGRESS_EVERY = 10  # requests between progress lines of one operation

_started = time.time()
_state: dict[str, Any] = {
    "sent": 0,
    "stopped_by": None,
    # "METHOD /path" -> {"sent": n, "2xx": n, "4xx": n, ...}
    "operations": {},
    "tasks_created": 0,
    # Requests that carried the key and got 401/403, by operation: a refused key.
    "key_refused": {},
}
# The operation of the last progress line: a new one gets a line of its own.
_last_label: list[str] = [""]


def _label(case: schemathesis.Case) -> str:
    return f"{str(case.operation.method).upper()} {case.operation.path}"


def _save() -> None:
    STATE.write_text(json.dumps(_state))


@schemathesis.hook
def before_call(context: Any, case: schemathesis.Case, kwargs: dict[str, Any]) -> None:
    """Stop the run, sending nothing more, once the budget is spent."""
    if BUDGET is not None and _state["sent"] >= BUDGET:
        _state["stopped_by"] = "budget"
    if _state["stopped_by"]:
        _save()
        raise KeyboardInterrupt
    _state["sent"] += 1


@schemathesis.hook
def after_call(context: Any, case: schemathesis.Case, response: Any) -> None:
    """Count the answer; print a progress line when the operation changes, and every few."""
    label = _label(case)
    counts = Counter(_state["operations"].get(label, {}))
    status = response.status_code
    counts["sent"] += 1
    counts[f"{status // 100}xx"] += 1
    _state["operations"][label] = dict(counts)
    method_is_the_operations = case.method.upper() == str(case.operation.method).upper()
    if (
        case.operation.definition.raw.get("operationId") == "create_task"
        and method_is_the_operations
        and 200 <= status < 300
    ):
        _state["tasks_created"] += 1
    sent_key = KEY_HEADER in {name.lower() for name in response.request.headers}
    if sent_key and status in (401, 403):
        _state["key_refused"][label] = _state["key_refused"].get(label, 0) + 1
    _save()
    if label != _last_label[0] or counts["sent"] % PROGRESS_EVERY == 0:
        _last_label[0] = label
        of_budget = f"/{BUDGET}" if BUDGET is not None else ""
        minutes, seconds = divmod(int(time.time() - _started), 60)
        print(
            f"fuzz progress: {_state['sent']}{of_budget} requests, {minutes}:{seconds:02d}"
            f" | {label}: {counts['sent']} sent",
            flush=True,
        )
