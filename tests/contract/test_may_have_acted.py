"""Whether an operation is safe to repeat, and what to check when it may have acted
unanswered, is stated once, as `x-may-have-acted` in openapi.yaml: the client's retries read
it through the generated `spec_extensions`."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
import yaml
from support import fake_task, mock_tasks

from xpander_tasks import APIStatusError
from xpander_tasks_api import spec_extensions
from xpander_tasks_server import spec_path

SPEC = yaml.safe_load(spec_path().read_text())


def test_the_table_is_the_specs() -> None:
    stated = {
        operation["operationId"]: operation["x-may-have-acted"]
        for item in SPEC["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "x-may-have-acted" in operation
    }
    table = spec_extensions.OPERATIONS
    assert stated == {key: op.may_have_acted for key, op in table.items() if op.may_have_acted}
    assert set(stated) == {"create_task", "stop_task", "update_task", "report_external_task"}


def _failing_reads() -> tuple[list[httpx.Request], Callable[[httpx.Request], httpx.Response]]:
    """A handler whose first answer is a 502, the next ones a task."""
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if len(requests) == 1:
            return httpx.Response(502, json={"detail": "bad gateway"})
        return httpx.Response(200, json=fake_task({}))

    return requests, handle


def test_an_operation_the_spec_marks_is_not_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    hint = "the read may have acted: look first"
    marked = spec_extensions.OPERATIONS["get_task"]._replace(may_have_acted=hint)
    monkeypatch.setitem(spec_extensions.OPERATIONS, "get_task", marked)
    requests, handle = _failing_reads()
    tasks = mock_tasks(handle, check_responses=False, max_retries=2)
    with tasks, pytest.raises(APIStatusError) as caught:
        tasks.get("t-1")
    assert len(requests) == 1 and caught.value.hint == hint


def test_an_operation_the_spec_leaves_unmarked_is_retried() -> None:
    requests, handle = _failing_reads()
    with mock_tasks(handle, check_responses=False, max_retries=2) as tasks:
        assert tasks.get("t-1").id
    assert len(requests) == 2
