"""Regenerate everything that comes from openapi.yaml, in the project this script is part of:
the overlay's generated signatures (`signatures.py`), the client package `generated/` (the
generator, with our templates) and its `spec_extensions.py`. `nox -s generate` runs it with
the generator's venv first on PATH, as does the suite's scripted spec changes on a copy:

    python .ci/generate.py [--check]

`--check` only compares, and fails with a diff when anything is stale or was edited by hand.
"""

from __future__ import annotations

import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "openapi.yaml"
GENERATED = ROOT / "generated" / "xpander_tasks_api"


def _run(*command: str | Path) -> None:
    # The generator's ruff post-hooks would leave a .ruff_cache inside the package.
    env = {**os.environ, "RUFF_NO_CACHE": "true"}
    command_line = [str(part) for part in command]
    done = subprocess.run(  # noqa: S603  (our own scripts and the pinned generator)
        command_line, check=False, cwd=ROOT, env=env, capture_output=True, text=True
    )
    if done.returncode:
        sys.exit(f"{' '.join(command_line)} failed:\n{done.stdout}{done.stderr}")


def generate_into(target: Path) -> None:
    """The client package from the spec into `target`, a folder that must not exist yet."""
    _run(
        Path(sys.executable).parent / "openapi-python-client", "generate",
        "--path", SPEC,
        "--config", ROOT / "generator-config.yaml",
        "--custom-template-path", ROOT / "generator-templates",
        "--meta", "none",
        "--output-path", target,
        "--fail-on-warning",
    )  # fmt: skip
    # What the templates cannot read: the spec's `x-` extensions.
    _run(sys.executable, ROOT / ".ci" / "spec_extensions.py", SPEC, target / "spec_extensions.py")
    (target / "py.typed").write_text("# Marker file for PEP 561\n")


def tree_diff(committed: Path, fresh: Path) -> list[str]:
    """A unified diff of two trees, empty when they are the same."""
    lines: list[str] = []
    pending = [(filecmp.dircmp(committed, fresh, ignore=["__pycache__"]), Path())]
    while pending:
        cmp, rel = pending.pop()
        lines += [f"only in committed generated/: {rel / name}\n" for name in cmp.left_only]
        lines += [f"missing from generated/: {rel / name}\n" for name in cmp.right_only]
        for name in cmp.diff_files:
            old = (Path(cmp.left) / name).read_text().splitlines(keepends=True)
            new = (Path(cmp.right) / name).read_text().splitlines(keepends=True)
            lines += difflib.unified_diff(
                old, new, f"generated/{rel / name}", f"fresh/{rel / name}"
            )
        pending += [(sub, rel / name) for name, sub in cmp.subdirs.items()]
    return lines


def main(check: bool) -> int:
    signatures = [sys.executable, ROOT / ".ci" / "signatures.py", *(["--check"] if check else [])]
    _run(*signatures)
    # Outside the project, so that none of its settings apply to the fresh package.
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "xpander_tasks_api"
        generate_into(fresh)
        if check:
            diff = tree_diff(GENERATED, fresh)
            if diff:
                print("generated/ is stale or was edited by hand; run `nox -s generate`.")
                print("".join(line if line.endswith("\n") else line + "\n" for line in diff))
                return 1
            print("generated/ matches a fresh generation from openapi.yaml")
            return 0
        # The generator's --overwrite keeps stray files: replace the whole package instead.
        shutil.rmtree(GENERATED, ignore_errors=True)
        shutil.copytree(fresh, GENERATED)
        print(f"regenerated {GENERATED.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main("--check" in sys.argv[1:]))
