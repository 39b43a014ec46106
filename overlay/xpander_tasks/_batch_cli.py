"""`xpander-tasks batch run` / `batch status`: a thin shell over `Batch`.

The output file only ever grows by whole lines: each line goes out in one write, a torn tail
(a power loss mid-write) is cut back to the last newline when the batch starts again, and an
outcome the journal recorded but the output lacks (a crash between the two) is written then.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import shlex
import signal
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Final, TypeVar

from ._batch import Batch, BatchItem, BatchOutcome, BatchStats, Journal
from ._client import Tasks
from ._config import check_count, check_seconds
from ._exceptions import InvalidArgumentError

_LIVE_EVERY: Final = 0.5  # seconds between redraws of the live line on a terminal
_LOG_EVERY: Final = 10.0  # seconds between plain progress lines otherwise
_SYNC_EVERY: Final = 1.0  # seconds between fsyncs of the output

T = TypeVar("T")


def add_batch_commands(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    parents: list[argparse.ArgumentParser],
) -> None:
    """The `batch` command group, on the main parser's subcommands."""
    batch = commands.add_parser("batch", help="run many tasks from a JSONL file", parents=parents)
    group = batch.add_subparsers(dest="batch_command", required=True)
    run = group.add_parser(
        "run",
        parents=parents,
        help="create a task per input line, follow each to its result, write one line each",
        description="Each input line is a JSON object of create parameters (prompt, file_urls, "
        "output_format, ...) and an optional `key`. Rerun the same command after a crash or "
        "Ctrl-C: it resumes, and creates no item twice.",
    )
    run.add_argument("input", type=Path, help="the items, one JSON object per line")
    run.add_argument("--agent-id", required=True, help="the agent to run each item on")
    run.add_argument("--out", required=True, type=Path, help="the results, one JSON line each")
    run.add_argument("--journal", type=Path, help="the journal (default: OUT.journal)")
    run.add_argument(
        "--concurrency", type=_positive, default=8, help="creates in flight at most (8)"
    )
    run.add_argument(
        "--max-following",
        type=_positive,
        default=100,
        help="tasks followed at once (event streams or polls), at most (100)",
    )
    run.add_argument(
        "--timeout", type=_seconds, default=600.0, help="give up waiting for a task after S s (600)"
    )
    run.add_argument(
        "--poll-interval", type=_seconds, default=1.0, help="seconds between a task's reads (1)"
    )
    run.add_argument(
        "--resend-uncertain",
        action="store_true",
        help="send again the items whose create may have reached the server unanswered",
    )
    status = group.add_parser("status", parents=parents, help="show where a batch stands")
    status.add_argument("--journal", type=Path, required=True, help="the batch's journal")


def _positive(text: str) -> int:
    return _checked(lambda: check_count("count", int(text), minimum=1))


def _seconds(text: str) -> float:
    return _checked(lambda: check_seconds("seconds", float(text)))


def _checked(check: Callable[[], T]) -> T:
    """An option's value by the client's own check, its problem said as argparse says one (a
    value that is no number at all stays argparse's "invalid ... value")."""
    try:
        return check()
    except InvalidArgumentError as error:
        raise argparse.ArgumentTypeError(error.description.partition(": ")[2]) from None


def main(arguments: argparse.Namespace, argv: Sequence[str] | None) -> int:
    """Run a `batch` command; the exit code (0: nothing left to do)."""
    if arguments.batch_command == "status":
        return _status(arguments.journal, arguments.json)
    return _run(arguments, argv)


def journal_path(out: Path, journal: Path | None) -> Path:
    return journal if journal is not None else out.with_name(out.name + ".journal")


# batch status


def _status(path: Path, as_json: bool) -> int:
    if not path.is_file():
        print(f"no journal at {path}", file=sys.stderr)
        return 1
    journal = Journal(path)
    try:
        counts = journal.counts()
        uncertain = journal.rows("uncertain")
        view = {
            "batch_id": journal.batch_id,
            "agent_id": journal.agent_id,
            "items": sum(counts.values()),
            "states": counts,
            "uncertain": [{"key": key, "line": line} for key, line, _, _ in uncertain],
        }
    finally:
        journal.close()
    if as_json:
        print(json.dumps(view, indent=2))
        return 0
    states = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
    print(f"batch {view['batch_id']} for agent {view['agent_id']}: {view['items']} items")
    print(f"  {states or 'nothing yet'}")
    for key, line, _, _ in uncertain:
        print(f"  uncertain: line {line} (key {key}): its create may have reached the server")
    return 0


# batch run


def read_items(path: Path, bad_line: Callable[[int, str], None]) -> Iterator[BatchItem]:
    """The items of a JSONL file, one by one; a line that is not a JSON object goes to
    `bad_line` with its number and is skipped (blank lines are ignored)."""
    with path.open(encoding="utf-8") as lines:
        for number, text in enumerate(lines, 1):
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as error:
                bad_line(number, f"not JSON ({error.msg})")
                continue
            if not isinstance(value, dict):
                bad_line(number, "not a JSON object")
                continue
            key = value.pop("key", None)
            yield BatchItem(value, key, number)


class Output:
    """The results file, grown by whole lines only (see the module's docstring)."""

    def __init__(self, path: Path) -> None:
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self._synced = time.monotonic()
        size = os.fstat(self._fd).st_size
        if size:
            os.lseek(self._fd, 0, os.SEEK_SET)
            data = os.read(self._fd, size)  # read once on resume; the run itself only appends
            whole = data.rfind(b"\n") + 1
            if whole < size:
                os.ftruncate(self._fd, whole)
            self.keys = {json.loads(line)["key"] for line in data[:whole].splitlines() if line}
        else:
            self.keys = set()

    def write(self, outcome: BatchOutcome) -> None:
        line = json.dumps(outcome.to_json(), ensure_ascii=False) + "\n"
        os.write(self._fd, line.encode())
        if time.monotonic() - self._synced >= _SYNC_EVERY:
            self.sync()

    def sync(self) -> None:
        os.fsync(self._fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        self.sync()
        os.close(self._fd)


class _Progress:
    """Created, running, done, failed, rate and ETA on stderr: one live line on a terminal,
    plain lines every few seconds otherwise."""

    def __init__(self, stats: BatchStats, total: int) -> None:
        self._stats = stats
        self._total = total
        self._live = sys.stderr.isatty()
        self._drawn = False

    def line(self) -> str:
        stats = self._stats
        elapsed = max(time.monotonic() - stats.started, 1e-9)
        rate = stats.finished / elapsed
        left = self._total - stats.finished - stats.skipped - stats.invalid
        eta = f"{left / rate:.0f} s" if rate > 0 and left > 0 else "-"
        return (
            f"created {stats.created}  running {stats.following}  done {stats.completed}  "
            f"failed {stats.failed}  {rate:.1f}/s  ETA {eta}"
            + (f"  throttled {stats.throttled}" if stats.throttled else "")
        )

    async def run(self) -> None:
        while True:
            await asyncio.sleep(_LIVE_EVERY if self._live else _LOG_EVERY)
            self.show()

    def show(self) -> None:
        if self._live:
            print(f"\r\x1b[K{self.line()}", end="", file=sys.stderr, flush=True)
            self._drawn = True
        else:
            self.say(self.line())

    def close(self) -> None:
        """The last counts, and the cursor on a line of its own."""
        self.show()
        if self._drawn:
            print(file=sys.stderr)
            self._drawn = False

    def say(self, text: str) -> None:
        if self._drawn:
            print("\r\x1b[K", end="", file=sys.stderr)
            self._drawn = False
        print(text, file=sys.stderr, flush=True)


def _report(outcome: BatchOutcome, progress: _Progress) -> None:
    if outcome.status == "invalid":
        assert outcome.error is not None
        progress.say(f"line {outcome.line}: {outcome.error['description']}; skipped")
    elif outcome.status == "unfinished" and outcome.error is not None:  # not for a stop
        progress.say(
            f"line {outcome.line} (key {outcome.key}): not finished: {outcome.error['description']}"
        )
    elif outcome.status == "uncertain":
        progress.say(
            f"line {outcome.line} (key {outcome.key}): its create may have reached the server "
            "and the task list cannot tell; not sent again (--resend-uncertain sends it)"
        )


async def _arun(arguments: argparse.Namespace, tasks: Tasks, output: Output, total: int) -> Batch:
    batch = Batch(
        tasks,
        agent_id=arguments.agent_id,
        journal=journal_path(arguments.out, arguments.journal),
        concurrency=arguments.concurrency,
        max_following=arguments.max_following,
        timeout=arguments.timeout,
        poll_interval=arguments.poll_interval,
        resend_uncertain=arguments.resend_uncertain,
    )
    progress = _Progress(batch.stats, total)
    loop = asyncio.get_running_loop()

    def bad_line(line: int, problem: str) -> None:
        batch.stats.invalid += 1
        progress.say(f"line {line}: {problem}; skipped")

    def interrupted() -> None:
        if batch.stopped:
            raise KeyboardInterrupt
        progress.say("stopping: no new tasks; creates in flight finish and are journaled")
        batch.stop()

    with contextlib.suppress(NotImplementedError):  # no signal handlers on this platform
        loop.add_signal_handler(signal.SIGINT, interrupted)
    ticker = asyncio.ensure_future(progress.run())
    try:
        async with tasks:
            async for outcome in batch.arun(read_items(arguments.input, bad_line)):
                if outcome.recorded:
                    output.write(outcome)
                else:
                    _report(outcome, progress)
    finally:
        ticker.cancel()
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGINT)
        progress.close()
    return batch


def _run(arguments: argparse.Namespace, argv: Sequence[str] | None) -> int:
    if not arguments.input.is_file():
        print(f"no input file at {arguments.input}", file=sys.stderr)
        return 2
    journal = journal_path(arguments.out, arguments.journal)
    try:
        output = Output(arguments.out)
    except OSError as error:
        print(f"cannot open the output {arguments.out}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        _write_recorded(journal, arguments.agent_id, output)
        total = _count_lines(arguments.input)
        tasks = Tasks(base_url=arguments.base_url, max_concurrency=_requests_in_flight(arguments))
        batch = asyncio.run(_arun(arguments, tasks, output, total))
    except sqlite3.Error as error:
        print(f"the journal {journal} cannot be used: {error}", file=sys.stderr)
        return 2
    finally:
        output.close()
    stats = batch.stats
    elapsed = time.monotonic() - stats.started
    print(
        f"batch: {stats.completed} completed, {stats.failed} failed, {stats.skipped} done "
        f"before, {stats.invalid} bad lines, {stats.uncertain} uncertain, "
        f"{stats.unfinished} unfinished; {stats.created} created in {elapsed:.1f} s "
        f"({stats.finished / max(elapsed, 1e-9):.1f} items/s); results in {arguments.out}",
        file=sys.stderr,
    )
    resume = shlex.join(["xpander-tasks", *(sys.argv[1:] if argv is None else argv)])
    if batch.stopped:
        print(f"interrupted; resume with: {resume}", file=sys.stderr)
        return 130
    if stats.uncertain or stats.unfinished:
        status = shlex.join(["xpander-tasks", "batch", "status", "--journal", str(journal)])
        print(f"not everything is done; see `{status}`, and rerun: {resume}", file=sys.stderr)
        return 1
    if stats.invalid:
        print(f"{stats.invalid} bad lines were skipped (above)", file=sys.stderr)
        return 1
    return 0


def _requests_in_flight(arguments: argparse.Namespace) -> int:
    """The client's request slots: every create and every follower at once, so a poll
    never waits behind the creates (the batch bounds each itself)."""
    return int(arguments.concurrency + arguments.max_following)


def _write_recorded(journal: Path, agent_id: str, output: Output) -> None:
    """Outcomes the journal recorded but the output lacks (a crash between the two)."""
    if not journal.is_file():
        return
    recorded = Journal(journal, agent_id)
    try:
        for outcome in recorded.outcomes():
            if outcome.key not in output.keys:
                output.write(outcome)
    finally:
        recorded.close()
    output.keys = set()  # needed only here


def _count_lines(path: Path) -> int:
    with path.open("rb") as data:
        return sum(1 for line in data if line.strip())
