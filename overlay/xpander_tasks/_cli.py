"""`xpander-tasks`: create, follow, list and change tasks from a shell. Errors print
`[status] description`."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from datetime import datetime
from typing import Final

from xpander_tasks_api.models import AgentExecutionStatus
from xpander_tasks_api.spec_extensions import OPERATIONS

from ._agents import Agents, AgentsListItem
from ._client import Tasks
from ._config import check_seconds
from ._exceptions import InvalidArgumentError, ModuleException
from ._list_item import TasksListItem
from ._redact import masked_json
from ._task import Task
from ._version import __version__
from ._wait import poll


def _common_options(*, after_command: bool) -> argparse.ArgumentParser:
    """--base-url and --json: on the main parser, and again on each command, where SUPPRESS
    keeps a command from resetting what was given before it."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument(
        "--base-url",
        default=argparse.SUPPRESS if after_command else None,
        help="the API's base URL (default: XPANDER_BASE_URL)",
    )
    options.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS if after_command else False,
        help="print the whole task, or the error, as JSON",
    )
    options.add_argument(
        "--show-secrets",
        action="store_true",
        default=argparse.SUPPRESS if after_command else False,
        help="with --json: print the task's tokens and credentials instead of [redacted]",
    )
    return options


# The shortest `--poll-interval`: each read spends a request of the user's rate limit.
MIN_POLL_INTERVAL: Final = 0.1


def _seconds(text: str) -> float:
    """A duration option, by the client's own check (> 0, at most a year, a number)."""
    try:
        return check_seconds("seconds", float(text))
    except InvalidArgumentError as error:
        raise argparse.ArgumentTypeError(error.description.partition(": ")[2]) from None


def _poll_interval(text: str) -> float:
    seconds = _seconds(text)
    if seconds < MIN_POLL_INTERVAL:
        raise argparse.ArgumentTypeError(f"must be at least {MIN_POLL_INTERVAL:g} s, not {text}")
    return seconds


# What argparse calls an option's type in "invalid ... value: 'x'".
_seconds.__name__ = _poll_interval.__name__ = "seconds"


def _parser(argv: Sequence[str]) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xpander-tasks",
        description="Create and follow xpander.ai tasks. The key comes from XPANDER_API_KEY, "
        "the base URL from --base-url or XPANDER_BASE_URL, the organization from "
        "XPANDER_ORGANIZATION_ID.",
        parents=[_common_options(after_command=False)],
    )
    parser.add_argument("--version", action="version", version=f"xpander-tasks {__version__}")
    per_command = [_common_options(after_command=True)]
    commands = parser.add_subparsers(dest="command", required=True)

    create = commands.add_parser("create", help="create a task for an agent", parents=per_command)
    create.add_argument("--agent-id", required=True, help="the agent to invoke")
    create.add_argument("--prompt", default="", help="natural-language input")
    create.add_argument(
        "--file-url", action="append", default=[], dest="file_urls", help="a file to attach"
    )
    create.add_argument("--title", help="display title")
    create.add_argument("--agent-version", help="pin an agent version")
    create.add_argument("--think-mode", choices=["default", "harder"], default="default")
    create.add_argument("--output-format", choices=["text", "markdown", "json", "voice"])
    create.add_argument(
        "--follow",
        action="store_true",
        help="stream the task's events (and its text) until it finishes",
    )

    get = commands.add_parser("get", help="show a task", parents=per_command)
    get.add_argument("task_id")
    get.add_argument("--wait", action="store_true", help="wait until the task finishes")
    get.add_argument(
        "--timeout", type=_seconds, default=600.0, help="with --wait: give up after S seconds (600)"
    )
    get.add_argument(
        "--poll-interval",
        type=_poll_interval,
        default=1.0,
        help=f"with --wait: seconds between reads (1; at least {MIN_POLL_INTERVAL:g})",
    )

    listing = commands.add_parser(
        "list", help="list an agent's tasks, newest first", parents=per_command
    )
    listing.add_argument("agent_id")
    listing.add_argument("--status", choices=_STATUSES, help="only tasks with this status")
    listing.add_argument("--user-id", help="only tasks of this user")

    stop = commands.add_parser("stop", help="stop a task", parents=per_command)
    stop.add_argument("task_id")

    update = commands.add_parser(
        "update", help="set a task's status (and result)", parents=per_command
    )
    update.add_argument("task_id")
    update.add_argument("--status", choices=_STATUSES, required=True)
    update.add_argument("--result", help="the task's result text")
    commands.add_parser("agents", help="list the organization's agents", parents=per_command)
    if "batch" in argv:
        from ._batch_cli import add_batch_commands  # noqa: PLC0415  (asyncio, sqlite3: ~50 ms)

        add_batch_commands(commands, per_command)
    else:  # listed in --help; its options load with it
        commands.add_parser("batch", help="run many tasks from a JSONL file")
    return parser


_STATUSES = [status.value for status in AgentExecutionStatus]

# Characters a terminal acts on rather than shows (escape sequences, carriage returns, C1
# controls, bidi overrides), spelled out as `\x1b` when the server's text is printed: a
# task's result must not retitle, clear or write the clipboard of the user's terminal.
_CONTROLS: Final = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in [*range(0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
}
_CONTROLS_BUT_LINES: Final = {
    code: text for code, text in _CONTROLS.items() if chr(code) not in "\n\t"
}


def _shown(text: object, *, lines: bool = False) -> str:
    """The server's `text` as a terminal may print it: control characters escaped (line
    breaks and tabs kept with `lines`, for a result or streamed text)."""
    return str(text).translate(_CONTROLS_BUT_LINES if lines else _CONTROLS)


def _status(task: Task | TasksListItem | AgentsListItem) -> str:
    return _shown(getattr(task.status, "value", task.status))


def _print_task(task: Task, as_json: bool, show_secrets: bool = False) -> None:
    if as_json:
        fields = task.to_dict() if show_secrets else masked_json(task)
        print(json.dumps(fields, indent=2, default=str))
        return
    print(f"{_shown(task.id)} {_status(task)}")
    if task.result:
        print(_shown(task.result, lines=True))


def _print_error(error: ModuleException, as_json: bool) -> None:
    if as_json:
        fields = {"error": type(error).__name__, "status_code": error.status_code}
        fields |= {"description": error.detail, "request_id": error.request_id}
        print(json.dumps({**fields, "hint": error.hint}), file=sys.stderr)
    else:
        # The answer's gist, not its JSON (str(error) is the body, as the published SDK's).
        request_id = f" (request id {error.request_id})" if error.request_id else ""
        hint = f"; {error.hint}" if error.hint else ""
        print(_shown(f"[{error.status_code}] {error.detail}{request_id}{hint}"), file=sys.stderr)


class _Progress:
    """A progress line on stderr: status, elapsed time and the last event. On a terminal it
    is redrawn in place; in a log, each update gets a line of its own."""

    def __init__(self) -> None:
        self._started = time.monotonic()
        self._live = sys.stderr.isatty()
        self._drawn = False
        self._in_text = False  # streamed text left its line open

    def start(self, task: Task) -> None:
        """The id first: a follow that is interrupted must not lose the task."""
        self._say(
            f"following task {_shown(task.id)} (Ctrl-C stops following; the task keeps running)"
        )

    def show(self, task: Task, event: str = "") -> None:
        self._end_text()
        elapsed = time.monotonic() - self._started
        line = f"{_status(task):<10} {elapsed:6.1f}s  {_shown(event)}".rstrip()
        if self._live:
            print(f"\r\x1b[K{line}", end="", file=sys.stderr, flush=True)
            self._drawn = True
        else:
            self._say(line)

    def text(self, text: str) -> None:
        """Streamed text (a `chunk` event's) as it flows: chunks run on, their own line
        breaks kept; the progress line waits below until the text pauses for an event."""
        self._clear()
        print(_shown(text, lines=True), end="", file=sys.stderr, flush=True)
        if text:
            self._in_text = not text.endswith("\n")

    def _say(self, line: str) -> None:
        self._end_text()
        self._clear()
        print(line, file=sys.stderr, flush=True)

    def _clear(self) -> None:
        if self._drawn:
            print("\r\x1b[K", end="", file=sys.stderr)
            self._drawn = False

    def _end_text(self) -> None:
        if self._in_text:
            print(file=sys.stderr)
            self._in_text = False

    def close(self) -> None:
        self._end_text()
        if self._drawn:
            print(file=sys.stderr)
            self._drawn = False


def _follow(task: Task, progress: _Progress) -> None:
    """Follow the task's events in place until it finishes, showing its chunks' text."""
    # Closed here, whatever ends the loop (Ctrl-C), not left to the collector.
    with contextlib.closing(task.events()) as events:
        for event in events:
            task.update_from(event)
            kind = str(getattr(event.type, "value", event.type))
            if kind == "chunk" and isinstance(event.data, str):
                progress.text(event.data)
            else:
                progress.show(task, kind)


def _poll(task: Task, progress: _Progress, timeout: float, interval: float) -> None:
    """Read the task every `interval` seconds until it finishes, or `timeout` passes (the
    reads too, as `Task.wait`'s)."""
    progress.show(task)
    poll(task, timeout, interval, time.monotonic() + timeout, progress.show)


def _print_list(items: list[TasksListItem], as_json: bool) -> None:
    if as_json:
        print(json.dumps([item.to_dict() for item in items], indent=2, default=str))
        return
    rows = [("ID", "STATUS", "CREATED", "TITLE")]
    rows += [
        (_shown(item.id), _status(item), _when(item.created_at), _shown(item.title or ""))
        for item in items
    ]
    widths = [max(len(row[column]) for row in rows) for column in range(3)]
    for *cells, title in rows:
        padded = (cell.ljust(width) for cell, width in zip(cells, widths, strict=True))
        print(f"{'  '.join(padded)}  {title}".rstrip())


def _print_agents(items: list[AgentsListItem], as_json: bool) -> None:
    if as_json:
        print(json.dumps([item.to_dict() for item in items], indent=2, default=str))
        return
    rows = [("ID", "STATUS", "NAME")]
    rows += [(_shown(item.id), _status(item), _shown(item.name)) for item in items]
    widths = [max(len(row[column]) for row in rows) for column in range(2)]
    for identifier, status, name in rows:
        print(f"{identifier.ljust(widths[0])}  {status.ljust(widths[1])}  {name}".rstrip())


def _when(moment: object) -> str:
    return moment.isoformat(timespec="seconds") if isinstance(moment, datetime) else "-"


def _run(tasks: Tasks, arguments: argparse.Namespace) -> None:
    """Run a command on tasks and print what it gives."""
    if arguments.command == "list":
        found = tasks.list(arguments.agent_id, status=arguments.status, user_id=arguments.user_id)
        _print_list(found, arguments.json)
        return
    if arguments.command == "stop":
        task = tasks.stop(arguments.task_id)
    elif arguments.command == "update":
        task = tasks.update(arguments.task_id, status=arguments.status, result=arguments.result)
    elif arguments.command == "create":
        task = _create(tasks, arguments)
    else:
        task = tasks.get(arguments.task_id)
    following = getattr(arguments, "follow", False) or getattr(arguments, "wait", False)
    progress = _Progress()
    try:
        if following:
            progress.start(task)
            if arguments.command == "create":
                _follow(task, progress)
            else:
                _poll(task, progress, arguments.timeout, arguments.poll_interval)
            progress.close()
        _print_task(task, arguments.json, arguments.show_secrets)
    except KeyboardInterrupt:
        if following or arguments.command == "create":  # a task that must not be lost
            progress.close()
            what = "stopped following; " if following else "interrupted; "
            print(
                f"{what}task {_shown(task.id)} keeps running. "
                f"Follow it again with: xpander-tasks get {_shown(task.id)} --wait",
                file=sys.stderr,
            )
        raise


def _create(tasks: Tasks, arguments: argparse.Namespace) -> Task:
    try:
        return tasks.create(
            agent_id=arguments.agent_id,
            prompt=arguments.prompt,
            file_urls=arguments.file_urls,
            title=arguments.title,
            agent_version=arguments.agent_version,
            think_mode=arguments.think_mode,
            output_format=arguments.output_format,
            events_streaming=arguments.follow,
        )
    except KeyboardInterrupt:
        # The spec's hint for a create that may have acted, and where to check here.
        print(
            f"interrupted while creating: {OPERATIONS['create_task'].may_have_acted} "
            f"(`xpander-tasks list {_shown(arguments.agent_id)}`)",
            file=sys.stderr,
        )
        raise


class _Interrupted(KeyboardInterrupt):
    """Ctrl-C, as this CLI's handler raises it. Not a bare KeyboardInterrupt: CPython
    remembers one that passes through an `exec` of a string (attrs' and the models' field
    code, on first use) and then ends `python -m` by SIGINT (-2), whatever `main` returned."""


@contextlib.contextmanager
def _one_interrupt() -> Iterator[None]:
    """Ctrl-C raises `_Interrupted` once; later ones are ignored, so that none can cut short
    what the first one prints, nor end the process by SIGINT. The handler is put back unless
    it fired (a process that was interrupted is on its way out)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread handles signals
        return
    fired = False

    def interrupted(signum: int, frame: object) -> None:
        nonlocal fired
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        fired = True
        raise _Interrupted

    previous = signal.signal(signal.SIGINT, interrupted)
    try:
        yield
    finally:
        if not fired:
            signal.signal(signal.SIGINT, previous)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0, 1 for API and network errors, 2 for usage,
    130 when interrupted)."""
    arguments = _parser(sys.argv[1:] if argv is None else argv).parse_args(argv)
    try:
        if arguments.command == "batch":
            from ._batch_cli import main as batch_main  # noqa: PLC0415  (see _parser)

            return batch_main(arguments, argv)
        if arguments.command == "agents":
            with _one_interrupt(), Agents(base_url=arguments.base_url) as agents:
                _print_agents(agents.list(), arguments.json)
            return 0
        with _one_interrupt(), Tasks(base_url=arguments.base_url) as tasks:
            _run(tasks, arguments)
    except ModuleException as error:
        _print_error(error, arguments.json)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
