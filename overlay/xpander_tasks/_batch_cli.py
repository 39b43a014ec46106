"""`xpander-tasks batch run` / `batch status`: a thin shell over `Batch`.

The output file only ever grows by whole lines: each line goes out in one write (one a full
disk cut short is taken back), a torn tail (a power loss mid-write) is cut back to the last
newline when the batch starts again, and an outcome the journal recorded but the output lacks
(a crash between the two, a failed write) is written then. Only a file this batch's journal
wrote is resumed so; an existing file is appended to or replaced only when asked.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import hashlib
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

from ._batch import (
    DEFAULT_SETTLE,
    Batch,
    BatchItem,
    BatchOutcome,
    BatchStats,
    Journal,
    JournalError,
)
from ._client import Tasks
from ._config import MAX_CONCURRENCY, check_count, check_seconds
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
        "--settle",
        type=_seconds,
        default=DEFAULT_SETTLE,
        help="seconds a create left unanswered may still commit in: the item is decided "
        f"'not created' only after them ({DEFAULT_SETTLE:g})",
    )
    run.add_argument(
        "--resend-uncertain",
        action="store_true",
        help="send again the items whose create may have reached the server unanswered",
    )
    existing = run.add_mutually_exclusive_group()
    existing.add_argument(
        "--append", action="store_true", help="add to an --out file this batch did not write"
    )
    existing.add_argument(
        "--force", action="store_true", help="replace an --out file this batch did not write"
    )
    status = group.add_parser("status", parents=parents, help="show where a batch stands")
    status.add_argument("--journal", type=Path, required=True, help="the batch's journal")


def _positive(text: str) -> int:
    return _checked(lambda: check_count("count", int(text), minimum=1, maximum=MAX_CONCURRENCY))


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
    try:
        journal = Journal(path, read_only=True)
        try:
            counts = journal.counts()
            uncertain = journal.rows("uncertain")
            meta = journal.meta
        finally:
            journal.close()
    except JournalError as error:
        print(error.problem, file=sys.stderr)
        return 2
    except sqlite3.Error as error:
        print(f"the journal {path} is corrupt or unreadable ({error})", file=sys.stderr)
        return 2
    journaled = sum(counts.values())
    # A run journals items as it reaches them, bad lines never: the input says how many.
    items = max(journaled, int(meta.get("input_items", journaled)))
    view = {
        "batch_id": meta.get("batch_id"),
        "agent_id": meta.get("agent_id"),
        "input": meta.get("input_path"),
        "items": items,
        "states": counts,
        "not_journaled": items - journaled,
        "uncertain": [{"key": key, "line": line} for key, line, _, _ in uncertain],
    }
    if as_json:
        print(json.dumps(view, indent=2))
        return 0
    states = ", ".join(f"{count} {state}" for state, count in sorted(counts.items()))
    if items > journaled:
        states += f"{', ' if states else ''}{items - journaled} not journaled"
    source = f" from {view['input']}" if view["input"] else ""
    print(f"batch {view['batch_id']} for agent {view['agent_id']}: {items} items{source}")
    print(f"  {states or 'nothing yet'}")
    for key, line, _, _ in uncertain:
        print(f"  uncertain: line {line} (key {key}): its create may have reached the server")
    return 0


# batch run


def read_items(path: Path, bad_line: Callable[[int, str], None]) -> Iterator[BatchItem]:
    """The items of a JSONL file, one by one; a line that is not UTF-8 or not a JSON object
    goes to `bad_line` with its number and is skipped (blank lines are ignored)."""
    with path.open("rb") as lines:
        for number, raw in enumerate(lines, 1):
            try:
                text = raw.decode()
            except UnicodeDecodeError as error:
                bad_line(number, f"not UTF-8 (byte {error.start + 1})")
                continue
            if not text.strip():
                continue
            try:
                value = json.loads(text)
            except json.JSONDecodeError as error:
                bad_line(number, f"not JSON ({error.msg})")
                continue
            except RecursionError:
                bad_line(number, "not JSON (nested too deeply)")
                continue
            if not isinstance(value, dict):
                bad_line(number, "not a JSON object")
                continue
            key = value.pop("key", None)
            yield BatchItem(value, key, number)


class Output:
    """The results file, grown by whole lines only (see the module's docstring).

    `resume`: the file is this batch's own (its torn tail is cut, its keys read); else an
    existing file is only appended to, after a newline if it lacks its last one."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o644)
        self._synced = time.monotonic()
        self.keys: set[str] = set()
        self._size = os.fstat(self._fd).st_size

    def prepare(self, *, resume: bool, replace: bool) -> None:
        """Made ready to append: cut (`resume`), emptied (`replace`), or left whole."""
        if replace:
            os.ftruncate(self._fd, 0)
            self._size = 0
        if not self._size:
            return
        os.lseek(self._fd, 0, os.SEEK_SET)
        data = os.read(self._fd, self._size)  # read once on start; the run only appends
        whole = data.rfind(b"\n") + 1
        if not resume:
            if whole < self._size:
                self._write(b"\n")
            return
        if whole < self._size:
            os.ftruncate(self._fd, whole)
            self._size = whole
        for line in data[:whole].splitlines():
            with contextlib.suppress(ValueError):
                written = json.loads(line)
                if isinstance(written, dict) and isinstance(written.get("key"), str):
                    self.keys.add(written["key"])

    def write(self, outcome: BatchOutcome) -> None:
        """One whole line; OSError (a full disk, ...) after taking back what went out."""
        fields = outcome.to_json()
        try:
            line = (json.dumps(fields, ensure_ascii=False) + "\n").encode()
        except UnicodeEncodeError:  # a lone surrogate from the server: escaped instead
            line = (json.dumps(fields) + "\n").encode()
        self._write(line)
        if time.monotonic() - self._synced >= _SYNC_EVERY:
            self.sync()

    def _write(self, data: bytes) -> None:
        done = 0
        try:
            while done < len(data):
                done += os.write(self._fd, data[done:])
        except OSError:
            with contextlib.suppress(OSError):  # no torn line left behind
                os.ftruncate(self._fd, self._size)
            raise
        self._size += done

    def sync(self) -> None:
        os.fsync(self._fd)
        self._synced = time.monotonic()

    def close(self) -> None:
        try:
            self.sync()
        finally:
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
        why = f" ({outcome.error['description']})" if outcome.error else ""
        progress.say(
            f"line {outcome.line} (key {outcome.key}): its create may have reached the server "
            f"and the task list cannot tell{why}; not sent again (--resend-uncertain sends it)"
        )


async def _arun(
    arguments: argparse.Namespace, tasks: Tasks, journal: Journal, output: Output, total: int
) -> tuple[Batch, OSError | None]:
    """The batch run to its end; with the error that stopped writing the output, if any."""
    batch = Batch(
        tasks,
        agent_id=arguments.agent_id,
        journal=journal,
        concurrency=arguments.concurrency,
        max_following=arguments.max_following,
        timeout=arguments.timeout,
        poll_interval=arguments.poll_interval,
        resend_uncertain=arguments.resend_uncertain,
        settle=arguments.settle,
    )
    progress = _Progress(batch.stats, total)
    loop = asyncio.get_running_loop()
    unwritten: OSError | None = None

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
                if not outcome.recorded:
                    _report(outcome, progress)
                elif unwritten is None:
                    try:
                        output.write(outcome)
                    except OSError as error:  # the journal has it: a rerun writes it
                        unwritten = error
                        progress.say(f"{_unwritable(output.path, error)}; stopping")
                        batch.stop()
    finally:
        ticker.cancel()
        with contextlib.suppress(NotImplementedError):
            loop.remove_signal_handler(signal.SIGINT)
        progress.close()
    return batch, unwritten


def _unwritable(path: Path, error: OSError) -> str:
    return (
        f"cannot write to {path}: {error.strerror or error}; the journal keeps every result, "
        "and a rerun writes those missing"
    )


def _run(arguments: argparse.Namespace, argv: Sequence[str] | None) -> int:
    source: Path = arguments.input
    out: Path = arguments.out
    if not source.is_file():
        print(f"no input file at {source}", file=sys.stderr)
        return 2
    journal_file = journal_path(out, arguments.journal)
    problem = _unsafe_paths(source, out, journal_file)
    if problem is not None:
        print(problem, file=sys.stderr)
        return 2
    existed = out.exists() and out.stat().st_size > 0
    try:
        output = Output(out)
    except OSError as error:
        print(f"cannot open the output {out}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        try:
            journal = Journal(journal_file, arguments.agent_id)
        except JournalError as error:
            print(error.problem, file=sys.stderr)
            return 2
        try:
            total = _start(arguments, journal, output, existed)
            tasks = Tasks(
                base_url=arguments.base_url, max_concurrency=_requests_in_flight(arguments)
            )
            batch, unwritten = asyncio.run(_arun(arguments, tasks, journal, output, total))
        except _CannotStart as refused:
            print(refused.problem, file=sys.stderr)
            return refused.exit_code
        finally:
            journal.close()
    except sqlite3.Error as error:
        print(f"the journal {journal_file} cannot be used: {error}", file=sys.stderr)
        return 2
    finally:
        try:
            output.close()
        except OSError as error:
            print(_unwritable(out, error), file=sys.stderr)
    return _summary(arguments, argv, batch, journal_file, unwritten)


def _summary(
    arguments: argparse.Namespace,
    argv: Sequence[str] | None,
    batch: Batch,
    journal: Path,
    unwritten: OSError | None,
) -> int:
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
    if unwritten is not None:
        print(f"{_unwritable(arguments.out, unwritten)}: {resume}", file=sys.stderr)
        return 1
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


def _unsafe_paths(source: Path, out: Path, journal: Path) -> str | None:
    """Why the output or journal would damage what the user has; None when they are safe."""

    def same(one: Path, other: Path) -> bool:
        if one.exists() and other.exists():
            return os.path.samefile(one, other)
        return one.resolve() == other.resolve()

    if out.exists() and not out.is_file():
        return f"--out {out} is not a regular file: results are written and resumed from a file"
    if same(out, source):
        return f"--out {out} is the input file; give the results a file of their own"
    if same(journal, source):
        return f"the journal {journal} is the input file; give --journal a file of its own"
    if same(journal, out):
        return f"the journal {journal} is the --out file; give --journal a file of its own"
    return None


class _CannotStart(Exception):
    """Found before anything is sent: the problem in one line, and the exit code."""

    def __init__(self, problem: str, exit_code: int = 2) -> None:
        super().__init__(problem)
        self.problem = problem
        self.exit_code = exit_code


def _start(arguments: argparse.Namespace, journal: Journal, output: Output, existed: bool) -> int:
    """The journal bound to this input and output, the output ready, lost lines written;
    the input's item count (good and bad lines)."""
    source: Path = arguments.input
    digest, total = _digest_and_count(source)
    here = str(source.resolve())
    known = journal.meta.get("input_path")
    if known not in {None, here} and journal.meta.get("input_digest") != digest:
        raise _CannotStart(
            f"the journal {journal.path} belongs to the batch of {known}; give this input "
            "another --journal (or --out)"
        )
    out_id = str(arguments.out.resolve())
    ours = journal.meta.get("out") == out_id
    if existed and not ours and not (arguments.append or arguments.force):
        raise _CannotStart(
            f"--out {arguments.out} exists and this batch did not write it: --append adds to "
            "it, --force replaces it"
        )
    if journal.meta.get("input_digest") not in {None, digest}:
        print("the input changed since the last run: items are matched by key", file=sys.stderr)
    journal.set_meta(input_path=here, input_digest=digest, input_items=str(total), out=out_id)
    for key, line in journal.reopen_unreadable():
        print(
            f"line {line} (key {key}): its recorded result is unreadable; its task is "
            "looked up again",
            file=sys.stderr,
        )
    try:
        output.prepare(resume=ours, replace=arguments.force)
        _write_recorded(journal, output)
    except OSError as error:
        raise _CannotStart(f"{_unwritable(arguments.out, error)}; nothing was sent", 1) from None
    return total


def _requests_in_flight(arguments: argparse.Namespace) -> int:
    """The client's request slots: every create and every follower at once, so a poll
    never waits behind the creates (the batch bounds each itself)."""
    return min(int(arguments.concurrency + arguments.max_following), MAX_CONCURRENCY)


def _write_recorded(journal: Journal, output: Output) -> None:
    """Outcomes the journal recorded but the output lacks (a crash between the two)."""
    for outcome in journal.outcomes():
        if outcome.key not in output.keys:
            output.write(outcome)
    output.keys = set()  # needed only here


def _digest_and_count(path: Path) -> tuple[str, int]:
    """The input's SHA-256 and its non-blank lines (its items, good and bad)."""
    digest = hashlib.sha256()
    count = 0
    with path.open("rb") as data:
        for line in data:
            digest.update(line)
            count += bool(line.strip())
    return digest.hexdigest(), count
