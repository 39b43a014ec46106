"""The overlay's shape: dependencies point one way, and polling never loads streaming code."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import xpander_tasks

PACKAGE = Path(xpander_tasks.__file__).parent


def _is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"


def _runtime_imports(module: Path) -> set[str]:
    """The package modules `module` imports when it runs, at its top or inside a function:
    everything but `if TYPE_CHECKING:` blocks."""
    found: set[str] = set()
    pending: list[ast.AST] = [ast.parse(module.read_text())]
    while pending:
        node = pending.pop()
        if _is_type_checking_block(node):
            continue
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module)
            else:
                found.update(alias.name for alias in node.names)
        pending.extend(ast.iter_child_nodes(node))
    return found


def test_no_module_imports_one_that_imports_it_back() -> None:
    graph = {path.stem: _runtime_imports(path) for path in PACKAGE.glob("*.py")}
    assert graph["_client"] >= {"_base_client", "_task"}  # the walk sees real imports

    def reaches(start: str, target: str, seen: set[str]) -> bool:
        for name in graph.get(start, ()):
            if name == target or (name not in seen and reaches(name, target, seen | {name})):
                return True
        return False

    cycles = sorted(module for module in graph if reaches(module, module, set()))
    assert cycles == []


def test_a_polling_wait_loads_no_streaming_code() -> None:
    # A fresh process: this one has loaded everything. The wait polls a mock transport.
    probe = """
import sys, httpx, xpander_tasks
task = {"id": "t-1", "agent_id": "a", "organization_id": "o", "input": {"text": ""},
        "created_at": "2026-01-01T00:00:00Z", "status": "completed"}
transport = httpx.MockTransport(lambda request: httpx.Response(200, json=task))
with xpander_tasks.Tasks("key", http_client=httpx.Client(transport=transport)) as tasks:
    tasks.get("t-1").wait(timeout=5)
print(sorted(m for m in ("httpx_sse", "xpander_tasks._events") if m in sys.modules))
"""
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["[]"]


def test_no_test_module_imports_another() -> None:
    """Shared helpers live in `tests/support.py`, `tests/batch_support.py` and `conftest.py`:
    a test file run alone, from any folder, finds them without a path set up for it."""
    tests = Path(__file__).resolve().parents[1]
    offenders = []
    for path in sorted(tests.rglob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.relative_to(tests)}: {name}"
                for name in names
                if name.split(".")[0].startswith("test_")
            ]
    assert offenders == []
