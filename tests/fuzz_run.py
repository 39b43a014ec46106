"""Contract-fuzz the API with schemathesis: the local server, or `--url URL` a live one.

`nox -s fuzz [-- OPTIONS]` runs this in the dev-env venv. A live run is planned and bounded:
it prints how many requests it may send and how long that takes at `--rate-limit`, a progress
line per operation as it goes, stops at `--budget` requests or after `--minutes`, and closes
with a summary. Live mode sends invalid requests only (no agent runs) unless `--allow-create`;
the key comes from XPANDER_API_KEY and is kept out of every report.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import math
import os
import secrets
import shlex
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

from xpander_tasks_server import load_spec

ROOT = Path(__file__).resolve().parents[1]
TESTS = ROOT / "tests"
SPEC = ROOT / "openapi.yaml"
CONFIG = TESTS / "schemathesis.toml"
HOOKS = TESTS / "fuzz_bound_hooks.py"
BIN = Path(sys.executable).parent
INTERRUPTED = 130  # schemathesis' exit code for a stopped run (128 + SIGINT)
LIVE_MINUTES = 5.0  # the default bound of a live run
PER_MINUTE = {"s": 60.0, "m": 1.0, "h": 1 / 60, "d": 1 / 1440}


def parse_options(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="nox -s fuzz --", description=__doc__.split("\n")[0])
    parser.add_argument("--url", help="fuzz this live API (key from XPANDER_API_KEY) instead")
    parser.add_argument(
        "--allow-create",
        action="store_true",
        help="live mode: also send valid requests, each create making a real task",
    )
    parser.add_argument("--seed", type=int, default=20261124, help="hypothesis seed (20261124)")
    parser.add_argument("--max-examples", type=int, default=50, help="per operation (50)")
    parser.add_argument("--rate-limit", default="60/m", help="live mode request rate (60/m)")
    parser.add_argument("--budget", type=_positive(int), help="stop after this many requests")
    parser.add_argument(
        "--minutes",
        type=_positive(float),
        help=f"stop after this long (live: {LIVE_MINUTES:g}, or the budget's time)",
    )
    parser.add_argument("--reports", type=Path, default=ROOT / "reports", help="report folder")
    options = parser.parse_args(argv)
    # Only a live run is rate-limited; the local server is fuzzed at full speed.
    per_minute = _per_minute(parser, options.rate_limit)
    options.per_minute = per_minute if options.url is not None else None
    if options.url is not None and options.budget is None and options.minutes is None:
        options.minutes = LIVE_MINUTES
    if options.minutes is None and options.per_minute:
        # The time the budget takes at the rate limit: schemathesis shares it out.
        options.minutes = options.budget / options.per_minute
    return options


def _positive(kind: type[float]) -> type[float]:
    def parse(text: str) -> float:
        value = kind(text)
        if value <= 0:
            raise argparse.ArgumentTypeError(f"must be above 0, not {text}")
        return value

    return parse  # type: ignore[return-value]


def _per_minute(parser: argparse.ArgumentParser, rate: str) -> float | None:
    """Requests a minute of a `--rate-limit` such as 60/m; None for `auto`."""
    if rate == "auto":
        return None
    limit, _, unit = rate.partition("/")
    if not limit.isdigit() or unit not in PER_MINUTE:
        parser.error(f"--rate-limit: expected N/s, N/m, N/h, N/d or auto, not {rate!r}")
    return int(limit) * PER_MINUTE[unit]


def plan(options: argparse.Namespace, operations: int, phases: str) -> str:
    """What the run will send and how long it takes, printed before it starts."""
    where = f"the live API at {options.url}" if options.url else "the local task server"
    lines = [f"fuzz plan: {operations} operations of {where}, phases {phases}"]
    if options.budget is None and options.minutes is None:
        return lines[0] + ", no bound"
    if options.budget is not None:
        lines.append(f"  sends at most {options.budget} requests (--budget)")
    elif options.per_minute:
        most = options.per_minute * options.minutes
        lines.append(f"  sends at most about {most:.0f} requests ({options.rate_limit})")
    if options.minutes is not None:
        lines.append(
            f"  takes {options.minutes:.1f} min at most (--minutes): schemathesis shares them"
            " among the operations and fuzzes until they are spent"
        )
    lines.append(
        "  progress: a line per operation and every 10 of its requests; a summary at the end"
    )
    return "\n".join(lines)


def summary(
    options: argparse.Namespace,
    state: dict[str, object],
    failures: dict[str, int],
    labels: list[str],
    again: str,
) -> str:
    """What was covered, what failed and how to reproduce it, and the tasks made."""
    operations: dict[str, dict[str, int]] = state["operations"]  # type: ignore[assignment]
    stopped_by = state["stopped_by"]
    if stopped_by == "ctrl-c":
        ending = "stopped by Ctrl-C"
    elif stopped_by:
        ending = f"stopped at its --{stopped_by} bound"
    elif options.minutes is not None:
        ending = f"within its {options.minutes:.1f} min bound"
    else:
        ending = "all phases finished"
    lines = [f"fuzz summary: {state['sent']} requests, {ending}"]
    lines.append(f"  covered {len(operations)} of {len(labels)} operations:")
    for label in labels:
        counts = operations.get(label)
        if counts is None:
            lines.append(f"    {label}: not reached")
            continue
        answers = ", ".join(f"{counts[key]} {key}" for key in sorted(counts) if key != "sent")
        lines.append(f"    {label}: {counts['sent']} sent ({answers})")
    if failures:
        failed = ", ".join(f"{name} ({count})" for name, count in failures.items())
        lines.append(f"  FAILED: {failed}; each failure above has a curl command")
        lines.append(f"  to reproduce: {again}")
    else:
        lines.append("  no failure")
    created = state["tasks_created"]
    if options.url:
        lines.append(f"  tasks created: {created}" if created else "  no task was created")
    refused: dict[str, int] = state["key_refused"]  # type: ignore[assignment]
    if refused:
        where = ", ".join(f"{label} ({count})" for label, count in refused.items())
        lines.append(
            f"  WARNING: the API key was sent and refused (401/403) on {where}:"
            " check XPANDER_API_KEY and the URL"
        )
    return "\n".join(lines)


def junit_failures(report: Path) -> dict[str, int]:
    """Failed checks per operation in a schemathesis JUnit report."""
    if not report.exists():
        return {}
    root = ElementTree.parse(report).getroot()
    failures: dict[str, int] = {}
    for case in root.iter("testcase"):
        count = len(case.findall("failure")) + len(case.findall("error"))
        if count:
            failures[case.get("name", "?")] = count
    return failures


@contextlib.contextmanager
def local_server(api_key: str, log_path: Path) -> Iterator[str]:
    """Run `xpander-tasks-server` on a free port; yield its URL, stop it on the way out."""
    command = [str(BIN / "xpander-tasks-server"), "--port", "0"]
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
                sys.exit(f"the task server did not start:\n{log_path.read_text()}")
            time.sleep(0.1)
        print(f"local task server on {url} (log: {log_path})", flush=True)
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


def check_redacted(api_key: str, paths: Iterator[Path]) -> None:
    """Exit, deleting the file, when a report holds the API key."""
    leaked = [path for path in paths if api_key.encode() in path.read_bytes()]
    for path in leaked:
        path.unlink()
    if leaked:
        sys.exit(f"the API key was in {', '.join(map(str, leaked))}: deleted")


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    reports: Path = options.reports
    reports.mkdir(parents=True, exist_ok=True)
    live = options.url is not None
    name = "fuzz-live" if live else "fuzz-local"
    for stale in reports.glob(f"{name}*"):
        stale.unlink()
    phases, args = "examples,coverage,fuzzing,stateful", []
    env = dict(os.environ)
    if live:
        api_key = os.environ.get("XPANDER_API_KEY") or sys.exit("set XPANDER_API_KEY")
        args += ["--rate-limit", options.rate_limit]
        # Negative mode leaves the key off some requests: their 401/403 is no auth failure, so
        # the tally warns only when the key was sent and refused.
        args += ["--warnings", _warnings_but_missing_auth()]
        if options.allow_create:
            print(f"WARNING --allow-create: every valid create makes a real task on {options.url}")
        else:
            # Invalid requests only: examples are valid creates, stateful needs created tasks,
            # and the guard drops the valid creates that negative mode still makes.
            phases = "coverage,fuzzing"
            args += ["--mode", "negative"]
            env["XPANDER_FUZZ_GUARD"] = "1"
    else:
        api_key = secrets.token_urlsafe(24)
    env["XPANDER_API_KEY"] = api_key
    state_path = reports / f"{name}-state.json"
    bounded = options.budget is not None or options.minutes is not None
    if bounded:
        env["SCHEMATHESIS_HOOKS"] = str(HOOKS)
        env["XPANDER_FUZZ_STATE"] = str(state_path)
        if options.budget is not None:
            env["XPANDER_FUZZ_BUDGET"] = str(options.budget)
    if options.minutes is not None:
        # schemathesis shares its time budget out among the phases and operations, so a bound
        # run covers every operation, and stops cleanly when the time is spent.
        args += ["--max-time", str(max(1, math.ceil(options.minutes * 60)))]
    junit = reports / f"{name}-junit.xml"
    command = [str(BIN / "schemathesis"), "--config-file", str(CONFIG), "run", str(SPEC), *args]
    command += ["--phases", phases]
    command += ["--seed", str(options.seed), "--max-examples", str(options.max_examples)]
    command += ["--generation-database", "none", "--request-timeout", "30", "--no-color"]
    command += ["--report", "junit,har", "--report-dir", str(reports)]
    command += ["--report-junit-path", str(junit)]
    command += ["--report-har-path", str(reports / f"{name}.har")]
    spec = load_spec()
    labels = [f"{operation.method} {operation.path}" for operation in spec.operations()]
    again = shlex.join(["nox", "-s", "fuzz", "--", *argv])
    again += "" if "--seed" in argv else f" --seed {options.seed}"
    with contextlib.ExitStack() as stack:
        log = reports / f"{name}-server.log"
        url = options.url or stack.enter_context(local_server(api_key, log))
        print(plan(options, len(labels), phases), flush=True)
        try:
            with _waiting_through_ctrl_c():
                code = subprocess.run([*command, "--url", url], env=env, check=False).returncode
        finally:
            check_redacted(api_key, reports.glob(f"{name}*"))
    failures = junit_failures(junit)
    if bounded and state_path.exists():
        state = json.loads(state_path.read_text())
        if code == INTERRUPTED and not state["stopped_by"]:
            state["stopped_by"] = "ctrl-c"
        print(summary(options, state, failures, labels, again), flush=True)
        if code == INTERRUPTED and state["stopped_by"] == "budget":
            code = 1 if failures else 0
    elif code:
        print(f"To reproduce: {again}; each failure above has a curl command.")
    return code


@contextlib.contextmanager
def _waiting_through_ctrl_c() -> Iterator[None]:
    """Let Ctrl-C stop schemathesis only: it reaches the whole process group, and schemathesis
    stops, reports what it found and exits; this process then prints its summary. A Python
    handler, unlike SIG_IGN, is not inherited by the child."""
    previous = signal.signal(signal.SIGINT, lambda number, frame: None)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


def _warnings_but_missing_auth() -> str:
    """schemathesis' default warnings without `missing_auth` (401/403 on every request of an
    operation), which negative mode's keyless requests raise with a correct key."""
    from schemathesis.config import SchemathesisWarning

    shown = [warning.value for warning in SchemathesisWarning if warning.value != "missing_auth"]
    return ",".join(warning for warning in shown if warning != "low_valid_rate")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
