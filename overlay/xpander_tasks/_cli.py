"""`xpander-tasks`: create and follow tasks from a shell. Errors print `[status] description`."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence

from ._client import Tasks
from ._exceptions import ModuleException
from ._task import Task


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
        help="print the whole task as JSON",
    )
    return options


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="xpander-tasks",
        description="Create and follow xpander.ai tasks. The key comes from XPANDER_API_KEY, "
        "the base URL from --base-url or XPANDER_BASE_URL, the organization from "
        "XPANDER_ORGANIZATION_ID.",
        parents=[_common_options(after_command=False)],
    )
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
        "--follow", action="store_true", help="stream the task's events until it finishes"
    )

    get = commands.add_parser("get", help="show a task", parents=per_command)
    get.add_argument("task_id")
    get.add_argument("--wait", action="store_true", help="wait until the task finishes")
    return parser


def _print_task(task: Task, as_json: bool) -> None:
    if as_json:
        print(json.dumps(task.to_dict(), indent=2, default=str))
        return
    status = getattr(task.status, "value", task.status)
    print(f"{task.id} {status}")
    if task.result:
        print(task.result)


def _follow(task: Task) -> Task:
    """Stream events with a live progress line: status and elapsed time."""
    started = time.monotonic()
    status = getattr(task.status, "value", task.status)
    # On a terminal the line is redrawn in place; in a log, each event gets its own line.
    live = sys.stderr.isatty()
    for event in task.events():
        if isinstance(event.data, Task):
            task.replace_fields(event.data)
            status = getattr(task.status, "value", task.status)
        kind = getattr(event.type, "value", event.type)
        line = f"{status:<10} {time.monotonic() - started:6.1f}s  {kind:<20}"
        print(f"\r{line}" if live else line.rstrip(), end="" if live else "\n", file=sys.stderr)
    if live:
        print(file=sys.stderr)
    return task


def main(argv: Sequence[str] | None = None) -> int:
    """Run the CLI; returns the exit code (0, 1 for API and network errors, 2 for usage)."""
    arguments = _parser().parse_args(argv)
    try:
        with Tasks(base_url=arguments.base_url) as tasks:
            if arguments.command == "create":
                task = tasks.create(
                    agent_id=arguments.agent_id,
                    prompt=arguments.prompt,
                    file_urls=arguments.file_urls,
                    title=arguments.title,
                    agent_version=arguments.agent_version,
                    think_mode=arguments.think_mode,
                    output_format=arguments.output_format,
                    events_streaming=arguments.follow,
                )
                if arguments.follow:
                    task = _follow(task)
            else:
                task = tasks.get(arguments.task_id)
                if arguments.wait:
                    task.wait()
            _print_task(task, arguments.json)
    except ModuleException as error:
        print(error, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
