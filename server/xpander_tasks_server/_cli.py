"""`xpander-tasks-server`: serve the local task API from the command line."""

from __future__ import annotations

import argparse
import os
import secrets
import shlex
import sqlite3
import sys
from collections.abc import Sequence

import uvicorn

from xpander_tasks_server._app import (
    DEFAULT_ORGANIZATION_ID,
    DEFAULT_PING_INTERVAL,
    DEFAULT_STEP_DELAY,
    create_app,
    serve_with,
)
from xpander_tasks_server._protocol import DEFAULT_REQUEST_TIMEOUT, with_request_deadline
from xpander_tasks_server._script import MAX_SECONDS, Script, check_seconds
from xpander_tasks_server._serve import bind, url_of
from xpander_tasks_server._spec import SpecError, load_spec

DEFAULT_PORT = load_spec().local_port()


def build_parser() -> argparse.ArgumentParser:
    """The command line's options, each documented for `--help`."""
    parser = argparse.ArgumentParser(
        prog="xpander-tasks-server",
        description=(
            "A local stand-in for the xpander.ai task API, driven by its OpenAPI spec. "
            "Tasks go pending, executing, then completed, one --step-delay per step."
        ),
    )
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port; 0 picks a free one ({DEFAULT_PORT})"
    )
    parser.add_argument(
        "--api-key",
        action="append",
        metavar="KEY",
        help="an accepted x-api-key, repeatable (XPANDER_API_KEY, else a printed random key)",
    )
    parser.add_argument(
        "--agent",
        action="append",
        metavar="ID",
        help="an agent id that exists, repeatable; others are a 404 (default: any id exists)",
    )
    parser.add_argument(
        "--db", default=":memory:", metavar="PATH", help="SQLite file for the tasks (:memory:)"
    )
    parser.add_argument(
        "--step-delay",
        type=_step_delay,
        default=DEFAULT_STEP_DELAY,
        metavar="SECONDS",
        help=f"seconds a task stays pending, then executing ({DEFAULT_STEP_DELAY})",
    )
    parser.add_argument(
        "--organization-id",
        default=DEFAULT_ORGANIZATION_ID,
        metavar="ID",
        help=f"the organization owning the tasks ({DEFAULT_ORGANIZATION_ID})",
    )
    parser.add_argument(
        "--script",
        metavar="FILE",
        help="a YAML or JSON file scripting agents and faults (see examples/server-script.yaml)",
    )
    parser.add_argument(
        "--spec",
        metavar="FILE",
        help="the OpenAPI file to serve: answers, defaults and statuses (the packaged one)",
    )
    parser.add_argument(
        "--request-timeout",
        type=_positive,
        default=DEFAULT_REQUEST_TIMEOUT,
        metavar="SECONDS",
        help=f"seconds a client has to send a whole request, else cut ({DEFAULT_REQUEST_TIMEOUT})",
    )
    parser.add_argument(
        "--ping-interval",
        type=_positive,
        default=DEFAULT_PING_INTERVAL,
        metavar="SECONDS",
        help=f"a waiting event stream sends a ping comment this often ({DEFAULT_PING_INTERVAL})",
    )
    parser.add_argument(
        "--log-level",
        default="info",
        choices=["critical", "error", "warning", "info", "debug"],
        help="uvicorn's log level (info)",
    )
    return parser


def _positive(text: str) -> float:
    try:
        seconds = float(text)
    except ValueError:
        seconds = float("nan")
    if not 0 < seconds <= MAX_SECONDS:
        raise argparse.ArgumentTypeError(
            f"must be a positive number of seconds, at most {MAX_SECONDS:.0f} (a year), "
            f"not {text!r}"
        )
    return seconds


def _step_delay(text: str) -> float:
    try:
        seconds = check_seconds("--step-delay", float(text))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    assert seconds is not None
    return seconds


def main(argv: Sequence[str] | None = None) -> None:
    """Parse the command line, print the URL, the agents and what to paste, serve until
    interrupted.

    What stops the start (a port in use, a database that cannot be opened) is one line on
    stderr and exit status 1; a bad --script or --spec is one line and status 2, a usage
    error.
    """
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        script = Script.load(args.script) if args.script else None
    except ValueError as exc:
        print(f"xpander-tasks-server: --script: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    api_keys: list[str] = args.api_key or []
    if not api_keys and os.environ.get("XPANDER_API_KEY"):
        api_keys = [os.environ["XPANDER_API_KEY"]]
    generated = not api_keys
    if generated:
        api_keys = [secrets.token_urlsafe(24)]
    try:
        app = create_app(
            api_keys=api_keys,
            agents=args.agent,
            db=args.db,
            step_delay=args.step_delay,
            organization_id=args.organization_id,
            ping_interval=args.ping_interval,
            script=script,
            spec=args.spec,
        )
    except SpecError as exc:
        print(f"xpander-tasks-server: --spec: {exc}", file=sys.stderr)
        raise SystemExit(2) from None
    except sqlite3.Error as exc:
        raise SystemExit(f"xpander-tasks-server: cannot open --db {args.db}: {exc}") from None
    try:
        sock = bind(args.host, args.port)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise SystemExit(
            f"xpander-tasks-server: cannot listen on {args.host} port {args.port}: {reason}"
        ) from None
    url = url_of(sock)
    print(f"Serving the task API on {url}", flush=True)
    if args.agent:
        scripted = sorted(script.agents()) if script is not None else []
        known = ", ".join(dict.fromkeys([*args.agent, *scripted]))
        print(f"Agents: {known} (add one with --agent ID)", flush=True)
    else:
        print("Agents: any id a program names (to allow only some: --agent ID)", flush=True)
    # A key the user gave is theirs to set; only a generated one is printed.
    variables = {"XPANDER_API_KEY": api_keys[0]} if generated else {}
    variables["XPANDER_BASE_URL"] = url
    assignments = " ".join(f"{name}={shlex.quote(value)}" for name, value in variables.items())
    print(f"To point a program at it: export {assignments}", flush=True)
    protocol = with_request_deadline(args.request_timeout)
    config = uvicorn.Config(
        app, http=protocol, log_level=args.log_level, timeout_graceful_shutdown=5
    )
    server = uvicorn.Server(config)
    serve_with(app, server)
    server.run(sockets=[sock])
