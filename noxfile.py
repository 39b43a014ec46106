"""Every workflow of the project: `nox` runs what CI needs; `nox -l` lists the rest."""

from __future__ import annotations

import argparse
import contextlib
import difflib
import filecmp
import logging
import os
import secrets
import shutil
import subprocess
import tempfile
import time
import tomllib
from collections.abc import Iterator
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

HAND_WRITTEN = ["overlay", "server", "tests", "benchmarks", "examples", "noxfile.py", ".ci"]
TYPED = ["overlay/xpander_tasks", "server/xpander_tasks_server", "server/xpander_tasks_testing"]

# Tests last: its pytest line closes the run (schemathesis prints a pytest-like line too).
nox.options.sessions = [
    "lint",
    "template-diff",
    "typecheck",
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


def _generate_into(session: nox.Session, target: Path) -> None:
    """Generate the client package into `target`, a folder that must not exist yet."""
    _run_in(
        session,
        "tools-env",
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
    "tests/test_generated.py",
    "tests/test_create_wire.py",
    "tests/test_arguments.py",
    "tests/test_tasks_module.py",
    "tests/test_security.py",
    "tests/test_e2e.py",
    "tests/test_server_api.py",
    "tests/test_testing_kit.py",
    "tests/test_templates.py",
    "tests/test_json_fields.py",
    "tests/test_answer_defaults.py",
    "tests/test_sdk_names.py",
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
    _run_in(
        session, "tools-env", "python", ".ci/check_secret_markers.py", str(SPEC), str(WIRE_PAGE)
    )


@nox.session(venv_backend="none", requires=["dev-env"])
def typecheck(session: nox.Session) -> None:
    """mypy --strict on the overlay and the server (the generated code is not ours to fix)."""
    _run_in(session, "dev-env", "mypy", *TYPED)
    # The README's examples are code people copy: they type-check too.
    examples = REPORTS / "readme_examples.py"
    REPORTS.mkdir(exist_ok=True)
    _run_in(session, "dev-env", "python", ".ci/readme_examples.py", "README.md", str(examples))
    _run_in(session, "dev-env", "mypy", str(examples))
    # The seed page's example as a user writes it: `task.status.value` must type-check.
    _run_in(session, "dev-env", "mypy", "examples/seed_example.py")


@nox.session(venv_backend="none", requires=["dev-env"])
def tests(session: nox.Session) -> None:
    """The pytest suite: unit, end-to-end over loopback, and contract tests."""
    REPORTS.mkdir(exist_ok=True)
    junit = f"--junitxml={REPORTS / 'tests-junit.xml'}"
    env = {}
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


FUZZ_CONFIG = ROOT / "tests" / "schemathesis.toml"
LIVE_GUARD = ROOT / "tests" / "fuzz_live_guard.py"


def _fuzz_options(posargs: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s fuzz --", description=fuzz.__doc__)
    parser.add_argument("--url", help="fuzz this live API (key from XPANDER_API_KEY) instead")
    parser.add_argument(
        "--allow-create",
        action="store_true",
        help="live mode: also send valid requests, each create making a real task",
    )
    parser.add_argument("--seed", type=int, default=20261124, help="hypothesis seed (20261124)")
    parser.add_argument("--max-examples", type=int, default=50, help="per operation (50)")
    parser.add_argument("--rate-limit", default="60/m", help="live mode request rate (60/m)")
    return parser.parse_args(posargs)


@contextlib.contextmanager
def _local_server(session: nox.Session, api_key: str) -> Iterator[str]:
    """Run `xpander-tasks-server` on a free port; yield its URL, stop it on the way out."""
    log_path = REPORTS / "fuzz-local-server.log"
    command = [str(_venv_bin(session, "dev-env") / "xpander-tasks-server"), "--port", "0"]
    command += ["--step-delay", "0.05", "--log-level", "warning"]
    with log_path.open("w") as log:
        server = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "XPANDER_API_KEY": api_key},
        )
    try:
        deadline = time.monotonic() + 30
        while (url := _served_url(log_path)) is None:
            if server.poll() is not None or time.monotonic() > deadline:
                session.error(f"the task server did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        session.log(f"local task server on {url} (log: {log_path.relative_to(ROOT)})")
        yield url
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _served_url(log_path: Path) -> str | None:
    for line in log_path.read_text().splitlines():
        if line.startswith("Serving the task API on "):
            return line.rsplit(" ", 1)[1]
    return None


@nox.session(venv_backend="none", requires=["dev-env"])
def fuzz(session: nox.Session) -> None:
    """Contract-fuzz the API with schemathesis: the local server, or `-- --url URL` a live one.

    Live mode sends invalid requests only (no agent runs) unless `--allow-create`, at
    `--rate-limit`; the key comes from XPANDER_API_KEY and is kept out of every report.
    """
    options = _fuzz_options(session.posargs)  # dev-env's test extra pins schemathesis
    REPORTS.mkdir(exist_ok=True)
    live = options.url is not None
    name = "fuzz-live" if live else "fuzz-local"
    for stale in REPORTS.glob(f"{name}*"):
        stale.unlink()
    phases, args = "examples,coverage,fuzzing,stateful", []
    env: dict[str, str] = {}
    if live:
        api_key = os.environ.get("XPANDER_API_KEY") or session.error("set XPANDER_API_KEY")
        args += ["--rate-limit", options.rate_limit]
        if options.allow_create:
            session.warn(f"--allow-create: every valid create makes a real task on {options.url}")
        else:
            # Invalid requests only: examples are valid creates, stateful needs created tasks,
            # and the guard drops the valid creates that negative mode still makes.
            phases = "coverage,fuzzing"
            args += ["--mode", "negative"]
            env["SCHEMATHESIS_HOOKS"] = str(LIVE_GUARD)
    else:
        api_key = secrets.token_urlsafe(24)
    env["XPANDER_API_KEY"] = api_key
    command = ["schemathesis", "--config-file", str(FUZZ_CONFIG), "run", str(SPEC), *args]
    command += ["--phases", phases]
    command += ["--seed", str(options.seed), "--max-examples", str(options.max_examples)]
    command += ["--generation-database", "none", "--request-timeout", "30", "--no-color"]
    command += ["--report", "junit,har", "--report-dir", str(REPORTS)]
    command += ["--report-junit-path", str(REPORTS / f"{name}-junit.xml")]
    command += ["--report-har-path", str(REPORTS / f"{name}.har")]
    with contextlib.ExitStack() as stack:
        url = options.url or stack.enter_context(_local_server(session, api_key))
        try:
            _run_in(session, "dev-env", *command, "--url", url, env=env)
        except CommandFailed:
            again = ["nox -s fuzz --", *session.posargs]
            again += [] if "--seed" in session.posargs else ["--seed", str(options.seed)]
            session.log(f"To reproduce: {' '.join(again)}; each failure above has a curl command.")
            raise
        finally:
            _check_redacted(session, api_key, REPORTS.glob(f"{name}*"))


def _check_redacted(session: nox.Session, api_key: str, paths: Iterator[Path]) -> None:
    """Fail, and delete the file, when a report holds the API key."""
    leaked = [path for path in paths if api_key.encode() in path.read_bytes()]
    for path in leaked:
        path.unlink()
    if leaked:
        session.error(f"the API key was in {', '.join(map(str, leaked))}: deleted")


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
