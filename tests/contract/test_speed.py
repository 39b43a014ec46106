"""What keeps a call cheap in the generated code (issue #23 item 7); the numbers are
`nox -s bench`'s, these are the shapes behind them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import xpander_tasks_api.models

MODELS = Path(xpander_tasks_api.models.__file__).parent
MODEL_FILES = sorted(path for path in MODELS.glob("*.py") if path.name != "__init__.py")


@pytest.mark.parametrize("path", MODEL_FILES, ids=lambda path: path.stem)
def test_to_dict_and_from_dict_import_nothing(path: Path) -> None:
    """An import inside a function runs on every call (about 8k instructions each, nine
    for a created task's answer); the module imports those names once, at its end."""
    tree = ast.parse(path.read_text())
    for function in ast.walk(tree):
        if isinstance(function, ast.FunctionDef) and function.name in {"to_dict", "from_dict"}:
            imports = [
                node for node in ast.walk(function) if isinstance(node, ast.Import | ast.ImportFrom)
            ]
            assert not imports, f"{path.name}: {function.name} imports on every call"
