"""The generated endpoint of an operation is imported on its first call, from any thread: a
thread that comes while another is still importing it waits for the whole module."""

from __future__ import annotations

import sys
import threading
import time
import types
from pathlib import Path

import pytest

from xpander_tasks._base_client import _endpoint
from xpander_tasks_api.spec_extensions import OPERATIONS

MODULE = """
import threading
gate = threading.Event()
gate.wait(30)
request_kwargs = "ready"
"""


def test_a_second_thread_waits_for_an_endpoint_module_still_being_imported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "slow_endpoint.py").write_text(MODULE)
    monkeypatch.syspath_prepend(str(tmp_path))
    operation = OPERATIONS["get_task"]._replace(endpoint="slow_endpoint")
    got: dict[str, types.ModuleType] = {}

    def load(name: str) -> None:
        got[name] = _endpoint(operation)

    first = threading.Thread(target=load, args=("first",))
    first.start()
    deadline = time.monotonic() + 30
    while "slow_endpoint" not in sys.modules:  # the first thread is inside the import
        assert time.monotonic() < deadline
        time.sleep(0.001)
    second = threading.Thread(target=load, args=("second",))
    second.start()
    second.join(0.2)  # it must be waiting, not back with a half-made module
    assert "second" not in got
    sys.modules["slow_endpoint"].gate.set()
    first.join(30)
    second.join(30)
    assert got["first"].request_kwargs == got["second"].request_kwargs == "ready"
    monkeypatch.delitem(sys.modules, "slow_endpoint")
