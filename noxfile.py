"""Every workflow of the project: `nox` runs what CI needs; `nox -l` lists the rest."""

from __future__ import annotations

import difflib
import filecmp
import shutil
import tempfile
from pathlib import Path

import nox

ROOT = Path(__file__).parent
SPEC = ROOT / "openapi.yaml"
GENERATED = ROOT / "generated" / "xpander_tasks_api"

# Generation is reproducible only with the exact generator and the ruff it formats with.
GENERATOR = "openapi-python-client==0.29.1"
RUFF = "ruff==0.17.6"
MYPY = "mypy==2.4.1"
SPEC_VALIDATOR = "openapi-spec-validator==0.9.0"

HAND_WRITTEN = ["overlay", "server", "tests", "benchmarks", "noxfile.py"]
TYPED = ["overlay/xpander_tasks", "server/xpander_tasks_server"]

nox.options.sessions = ["lint", "typecheck", "generate-check", "tests"]
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True


def _generate_into(session: nox.Session, target: Path) -> None:
    """Generate the client package into `target`, a folder that must not exist yet."""
    session.run(
        "openapi-python-client",
        "generate",
        "--path",
        str(SPEC),
        "--config",
        str(ROOT / "generator-config.yaml"),
        "--custom-template-path",
        str(ROOT / "generator-templates"),
        "--meta",
        "none",
        "--output-path",
        str(target),
        "--fail-on-warning",
        silent=True,
        # The generator's ruff post-hooks would leave a .ruff_cache inside the package.
        env={"RUFF_NO_CACHE": "true"},
    )


def _tree_diff(committed: Path, fresh: Path) -> list[str]:
    """A unified diff of two trees, empty when they are the same."""
    lines: list[str] = []
    comparison = filecmp.dircmp(committed, fresh, ignore=["__pycache__"])
    pending = [(comparison, Path())]
    while pending:
        cmp, rel = pending.pop()
        lines += [f"only in committed generated/: {rel / name}" for name in cmp.left_only]
        lines += [f"missing from generated/: {rel / name}" for name in cmp.right_only]
        for name in cmp.diff_files:
            old = (Path(cmp.left) / name).read_text().splitlines(keepends=True)
            new = (Path(cmp.right) / name).read_text().splitlines(keepends=True)
            lines += difflib.unified_diff(
                old, new, f"generated/{rel / name}", f"fresh/{rel / name}"
            )
        pending += [(sub, rel / name) for name, sub in cmp.subdirs.items()]
    return lines


def _regenerate(session: nox.Session, *, check: bool) -> None:
    session.install(GENERATOR, RUFF)
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "xpander_tasks_api"
        _generate_into(session, fresh)
        (fresh / "py.typed").write_text("# Marker file for PEP 561\n")
        if check:
            diff = _tree_diff(GENERATED, fresh)
            if diff:
                session.error(
                    "generated/ is stale or was edited by hand; run `nox -s generate`.\n"
                    + "".join(line if line.endswith("\n") else line + "\n" for line in diff)
                )
            session.log("generated/ matches a fresh generation from openapi.yaml")
            return
        # The generator's --overwrite keeps stray files: replace the whole package instead.
        shutil.rmtree(GENERATED, ignore_errors=True)
        shutil.copytree(fresh, GENERATED)
        session.log(f"regenerated {GENERATED.relative_to(ROOT)}")


@nox.session
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi.yaml; with `-- --check`, only compare."""
    _regenerate(session, check="--check" in session.posargs)


@nox.session(name="generate-check")
def generate_check(session: nox.Session) -> None:
    """Fail with a diff when generated/ differs from a fresh generation."""
    _regenerate(session, check=True)


@nox.session
def lint(session: nox.Session) -> None:
    """Ruff on the hand-written code, and the spec through openapi-spec-validator."""
    session.install(RUFF, SPEC_VALIDATOR)
    session.run("ruff", "check", *HAND_WRITTEN)
    session.run("ruff", "format", "--check", *HAND_WRITTEN)
    session.run("openapi-spec-validator", str(SPEC))


@nox.session
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlay and the server (the generated code is not ours to fix)."""
    session.install(MYPY, "-e", ".[server,test]")
    session.run("mypy", *TYPED)


@nox.session
def tests(session: nox.Session) -> None:
    """The pytest suite: unit, end-to-end over loopback, and contract tests."""
    session.install("-e", ".[server,test]")
    session.run("pytest", *session.posargs)
