"""Every workflow of the project: `nox` runs what CI needs; `nox -l` lists the rest."""

from __future__ import annotations

import contextlib
import difflib
import logging
import os
import shutil
import tomllib
from pathlib import Path
from typing import Any

import nox
from nox.command import CommandFailed
from packaging.requirements import Requirement

ROOT = Path(__file__).parent
SPEC = ROOT / "openapi.yaml"
# The wire facts the spec follows, kept beside the repository.
WIRE_PAGE = ROOT.parent / "shared" / "reference" / "wire-contract.md"
GENERATED = ROOT / "generated" / "xpander_tasks_api"
REPORTS = ROOT / "reports"  # JUnit, HAR and benchmark results; not committed

# Generation is reproducible only with the exact generator and the ruff it formats with.
GENERATOR = "openapi-python-client==0.29.1"
RUFF = "ruff==0.17.6"
MYPY = "mypy==2.4.1"
SPEC_VALIDATOR = "openapi-spec-validator==0.9.0"
# The benchmarks' optional anchors, installed by `nox -s bench` only (never a dependency).
PUBLISHED_SDK = ["xpander-sdk==2.0.537", "agno==2.5.14"]
BENCH_ANCHORS = ["openai", *PUBLISHED_SDK]
# The documentation site's builder, in the docs session's own venv.
DOCS_TOOLS = [
    "mkdocs==1.6.1",
    "mkdocs-material==9.8.1",
    "mkdocstrings==1.0.8",
    "mkdocstrings-python==2.0.11",
]

HAND_WRITTEN = ["overlay", "server", "tests", "benchmarks", "examples", "noxfile.py", ".ci"]
TYPED = ["overlay/xpander_tasks", "server/xpander_tasks_server", "server/xpander_tasks_testing"]

# Tests last: its pytest line closes the run (schemathesis prints a pytest-like line too).
nox.options.sessions = [
    "lint",
    "template-diff",
    "spec-diff",
    "typecheck",
    "docs",
    "generate-check",
    "fuzz",
    "lowest",
    "tests",
]
nox.options.reuse_venv = "yes"
nox.options.error_on_missing_interpreters = True
# uv makes the venvs when it is on PATH (several times faster), virtualenv otherwise.
nox.options.default_venv_backend = "uv|virtualenv"


class _QuietUvLookup(logging.Filter):
    """nox says "uv binary not found." on every run without uv: expected, uv is optional.
    Each venv session logs which backend made its venv instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.getMessage() != "uv binary not found."


logging.getLogger("nox").addFilter(_QuietUvLookup())

# Two venvs serve the default sessions, each made once by a session the others require:
# `dev-env` (the project with its server and test extras, and mypy: typecheck, fuzz, tests)
# and `tools-env` (ruff, the spec validator and the generator: lint, generate, generate-check).
# They stay apart because openapi-spec-validator 0.9 conflicts with the test extra's
# openapi-core. The sessions that use them run no venv of their own (venv_backend="none").
_VENV_BINS: dict[str, Path] = {}


def _made_venv(session: nox.Session, *packages: str) -> None:
    session.install(*packages)
    _VENV_BINS[session.name] = Path(session.bin)
    session.log(f"venv by {session.venv_backend} (uv is used when it is on PATH)")


@nox.session(name="dev-env", default=False)
def dev_env(session: nox.Session) -> None:
    """The venv typecheck, fuzz and tests share: the project, its server and test extras, mypy."""
    _made_venv(session, MYPY, "-e", ".[server,test]")


@nox.session(name="tools-env", default=False)
def tools_env(session: nox.Session) -> None:
    """The venv lint and generation share: ruff, the spec validator and the generator."""
    _made_venv(session, RUFF, SPEC_VALIDATOR, GENERATOR)


def _venv_bin(session: nox.Session, venv: str) -> Path:
    """The bin folder of a shared venv, made earlier in this run by the session it names."""
    if venv not in _VENV_BINS:
        session.error(f"the {venv} session did not run first (was --no-deps given?)")
    return _VENV_BINS[venv]


def _run_in(
    session: nox.Session, venv: str, *args: str, env: dict[str, str] | None = None, **kw: Any
) -> Any:
    """Run a command of a shared venv, with that venv first on PATH for what it starts."""
    bin_dir = _venv_bin(session, venv)
    env = {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}",
        "VIRTUAL_ENV": str(bin_dir.parent),
        **(env or {}),
    }
    return session.run(str(bin_dir / args[0]), *args[1:], env=env, external=True, **kw)


def _regenerate(session: nox.Session, *, check: bool) -> None:
    # The steps are the script's, so that the suite's scripted spec changes run the same.
    _run_in(
        session, "tools-env", "python", str(ROOT / ".ci" / "generate.py"),
        *(["--check"] if check else []),
    )  # fmt: skip


@nox.session(venv_backend="none", requires=["tools-env"])
def generate(session: nox.Session) -> None:
    """Regenerate generated/ from openapi.yaml; with `-- --check`, only compare."""
    _regenerate(session, check="--check" in session.posargs)


@nox.session(name="generate-check", venv_backend="none", requires=["tools-env"])
def generate_check(session: nox.Session) -> None:
    """Fail with a diff when generated/ differs from a fresh generation."""
    _regenerate(session, check=True)


TEMPLATES = ROOT / "generator-templates"
# Changed lines (added plus removed) across all overrides of the generator's templates: a
# generator upgrade re-applies them by hand, so they stay few.
TEMPLATE_DIFF_BUDGET = 300


@nox.session(name="template-diff", venv_backend="none", requires=["tools-env"])
def template_diff(session: nox.Session) -> None:
    """Each override in generator-templates/ as a diff against the pinned generator's own
    template; fails when they change more than TEMPLATE_DIFF_BUDGET lines in all."""
    python = str(_venv_bin(session, "tools-env") / "python")
    upstream = Path(
        session.run(
            python, "-c", "import openapi_python_client as g, pathlib; "
            "print(pathlib.Path(g.__file__).parent / 'templates')",
            external=True, silent=True,
        ).strip()
    )  # fmt: skip
    total = 0
    for override in sorted(TEMPLATES.rglob("*.jinja")):
        name = override.relative_to(TEMPLATES)
        original = upstream / name
        old = original.read_text().splitlines(keepends=True) if original.exists() else []
        diff = list(
            difflib.unified_diff(
                old,
                override.read_text().splitlines(keepends=True),
                f"upstream/{name}",
                f"generator-templates/{name}",
            )
        )
        changed = sum(1 for line in diff[2:] if line[:1] in "+-")
        total += changed
        print(f"=== {name}: {changed} changed lines")
        print("".join(line if line.endswith("\n") else line + "\n" for line in diff))
    session.log(f"{total} changed lines in all overrides (budget {TEMPLATE_DIFF_BUDGET})")
    if total > TEMPLATE_DIFF_BUDGET:
        session.error(
            f"the overrides change {total} lines, over the budget of {TEMPLATE_DIFF_BUDGET}"
        )


def _lowest_pins() -> list[str]:
    """`name==lowest` for every runtime dependency and the server extra's, from the lower
    bounds in pyproject.toml."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pins = []
    for line in [*project["dependencies"], *project["optional-dependencies"]["server"]]:
        requirement = Requirement(line)
        lowest = [spec.version for spec in requirement.specifier if spec.operator == ">="]
        if len(lowest) != 1:
            raise ValueError(f"{line!r} in pyproject.toml has no single >= lower bound")
        pins.append(f"{requirement.name}=={lowest[0]}")
    return pins


# The client's and the kit's tests that `lowest` runs: models, arguments, the wire, the local
# server end to end.
LOWEST_TESTS = [
    "tests/contract/test_generated.py",
    "tests/unit/test_create_wire.py",
    "tests/unit/test_arguments.py",
    "tests/integration/test_tasks_module.py",
    "tests/resilience/test_security.py",
    "tests/integration/test_e2e.py",
    "tests/integration/test_server_api.py",
    "tests/integration/test_testing_kit.py",
    "tests/contract/test_templates.py",
    "tests/integration/test_json_fields.py",
    "tests/integration/test_answer_defaults.py",
    "tests/integration/test_sdk_names.py",
]


@nox.session
def lowest(session: nox.Session) -> None:
    """The client's and the kit's tests on the lowest version pyproject.toml allows of every
    runtime dependency and of the server's: the declared ranges are true."""
    pins = _lowest_pins()
    constraints = Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join(pins) + "\n")
    session.install("-c", str(constraints), "-e", ".[server,test]")
    session.run("python", "-m", "pip", "freeze", "--quiet", silent=False)
    session.run("pytest", "-p", "no:cacheprovider", "-q", *LOWEST_TESTS, *session.posargs)


@nox.session(venv_backend="none", requires=["tools-env"])
def lint(session: nox.Session) -> None:
    """Ruff on the hand-written code; the spec through openapi-spec-validator, and its secret
    markers against the wire page."""
    _run_in(session, "tools-env", "ruff", "check", *HAND_WRITTEN)
    _run_in(session, "tools-env", "ruff", "format", "--check", *HAND_WRITTEN)
    _run_in(session, "tools-env", "openapi-spec-validator", str(SPEC))
    # What the validator lets through: a route twice, stale examples and links.
    _run_in(session, "tools-env", "python", ".ci/check_spec_consistency.py", str(SPEC))
    _run_in(
        session, "tools-env", "python", ".ci/check_secret_markers.py", str(SPEC), str(WIRE_PAGE)
    )


@nox.session(name="spec-diff", venv_backend="none", requires=["tools-env"])
def spec_diff(session: nox.Session) -> None:
    """openapi.yaml against the last release (`-- --against REF` another): lists the changes,
    fails on a breaking one CHANGELOG.md does not name under Unreleased."""
    _run_in(session, "tools-env", "python", ".ci/spec_diff.py", *session.posargs)


@nox.session(venv_backend="none", requires=["dev-env"])
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlay, the server and the README and docs/ examples (the generated
    code is not ours to fix)."""
    _run_in(session, "dev-env", "mypy", *TYPED)
    # The README's examples are code people copy: they type-check too.
    examples = REPORTS / "readme_examples.py"
    REPORTS.mkdir(exist_ok=True)
    _run_in(session, "dev-env", "python", ".ci/readme_examples.py", "README.md", str(examples))
    _run_in(session, "dev-env", "mypy", str(examples), *_docs_examples(session))
    # The seed page's example as a user writes it: `task.status.value` must type-check.
    _run_in(session, "dev-env", "mypy", "examples/seed_example.py")


def _docs_examples(session: nox.Session) -> list[str]:
    """The Python examples of each docs/ page that has some, written out as the README's are."""
    written = []
    for page in sorted((ROOT / "docs").glob("*.md")):
        if "```python" in page.read_text(encoding="utf-8"):
            out = REPORTS / f"docs_examples_{page.stem.replace('-', '_')}.py"
            _run_in(session, "dev-env", "python", ".ci/readme_examples.py", str(page), str(out))
            written.append(str(out))
    return written


@nox.session
def docs(session: nox.Session) -> None:
    """Build docs/ (MkDocs, with an API reference from the docstrings) into reports/site; a
    warning fails the build."""
    session.install(*DOCS_TOOLS, "-e", ".")
    # NO_MKDOCS_2_WARNING: mkdocs-material's notice about its successor, not about these pages.
    session.run(
        "mkdocs",
        "build",
        "--strict",
        "--site-dir",
        str(REPORTS / "site"),
        env={"NO_MKDOCS_2_WARNING": "1"},
    )


@nox.session(venv_backend="none", requires=["dev-env", "tools-env"])
def tests(session: nox.Session) -> None:
    """The pytest suite: unit, end-to-end over loopback, and contract tests."""
    REPORTS.mkdir(exist_ok=True)
    junit = f"--junitxml={REPORTS / 'tests-junit.xml'}"
    # The generator, for the tests that generate a changed copy of the spec.
    env = {"XPANDER_TOOLS_BIN": str(_venv_bin(session, "tools-env"))}
    if sdk_python := _published_sdk_python(session):
        env["XPANDER_SDK_PYTHON"] = sdk_python
    _run_in(session, "dev-env", "pytest", junit, *session.posargs, env=env)


def _published_sdk_python(session: nox.Session) -> str | None:
    """The published SDK in a scratch venv of its own, for the tests that run a program under
    both clients; None (those tests skip, saying why) when it cannot be installed."""
    venv = ROOT / ".nox" / "published-sdk"
    python = venv / "bin" / "python"
    marker = venv / "installed.txt"
    if marker.exists() and marker.read_text() == " ".join(PUBLISHED_SDK):
        return str(python)
    try:
        session.run("python3", "-m", "venv", "--clear", str(venv), external=True, silent=True)
        session.run(
            str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
            *PUBLISHED_SDK, external=True, silent=True,
        )  # fmt: skip
    except CommandFailed:
        session.warn("the published SDK did not install: the tests comparing with it skip")
        return None
    marker.write_text(" ".join(PUBLISHED_SDK))
    return str(python)


@nox.session
def demo(session: nox.Session) -> None:
    """The main job: the seed example against the local task server, via overlay and CLI."""
    session.install("-e", ".[server]")
    session.run("python", "examples/demo.py")


@nox.session(venv_backend="none", requires=["dev-env"])
def fuzz(session: nox.Session) -> None:
    """Contract-fuzz the API with schemathesis: the local server, or `-- --url URL` a live one.

    A live run prints its plan, its progress and a summary, and is bounded (`--budget N`
    requests, `--minutes M`, 5 min by default); `-- --help` lists the options.
    """
    _run_in(session, "dev-env", "python", "tests/fuzz_run.py", *session.posargs)


@nox.session
def bench(session: nox.Session) -> None:
    """Benchmarks of ours against raw httpx, to reports/bench.json; `-- --quick` for seconds."""
    session.install("-e", ".[server]")
    _install_valgrind(session)
    # Optional anchor rows: a failed install skips the row (the run says so), not the run.
    for anchor in (BENCH_ANCHORS[:1], BENCH_ANCHORS[1:]):
        with contextlib.suppress(CommandFailed):
            session.install(*anchor)
    # Imports are timed where only the runtime dependencies are installed, as in an app: the
    # server extra's click would make `import httpx` load httpx's CLI too.
    runtime = Path(session.create_tmp()) / "runtime"
    session.run("python", "-m", "venv", "--clear", str(runtime), silent=True)
    runtime_python = str(runtime / "bin" / "python")
    session.run(runtime_python, "-m", "pip", "install", "--quiet", ".", external=True, silent=True)
    session.run("python", "benchmarks/run.py", "--import-python", runtime_python, *session.posargs)


def _install_valgrind(session: nox.Session) -> None:
    """valgrind for the instruction counts, from apt when missing and running as root; the
    benchmarks skip those rows (and say so) when it cannot be had."""
    if shutil.which("valgrind") or os.geteuid() != 0 or not shutil.which("apt-get"):
        return
    with contextlib.suppress(CommandFailed):
        session.run("apt-get", "install", "-y", "-q", "valgrind", external=True, silent=True)
