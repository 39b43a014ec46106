"""Batch runs: many tasks created from items, each followed to its result, resumable.

A SQLite journal records each item's state before and after its create (`new`, `sending`,
`created`, `done`, `uncertain`), so a rerun after a crash never creates an item twice: done
items are skipped, created ones are followed by their task id, and an item left `sending` (its
create may have reached the server without an answer) is reconciled through the agent's task
list before anything is sent again.

Reconciliation matches on a marker the batch puts at the end of each task's `title`:
`[xpander-batch <batch id>/<key digest>]`. The batch id is random, made when the journal is,
and the key names one item of that journal, so a task carrying the marker was created by this
batch for this item, whatever else the agent runs. An item whose marker is listed is adopted
(followed by that task's id); one whose marker is absent from a list asked for `settle` seconds
after its create went unanswered (a late commit shows by then), and that holds every task the
journal knows it created, was not created and is sent; anything else (a list that failed or
misses tasks) is `uncertain`, never re-sent unless asked (`resend_uncertain`). One run at a
time holds a journal (an OS lock), so no two runs send one item.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import queue
import secrets
import socket
import sqlite3
import stat
import sys
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from xpander_tasks_api.models import Tokens
from xpander_tasks_api.spec_extensions import SUCCESS_STATUS

from ._config import MAX_CONCURRENCY, check_count, check_seconds
from ._exceptions import APIStatusError, InvalidArgumentError, ModuleException, NotFoundError
from ._params import check_id
from ._retry import RetryPolicy, retry_after_seconds
from ._spec_params import create_task_call
from ._task import Task

if sys.platform != "win32":
    import fcntl

if TYPE_CHECKING:
    from ._client import Tasks

logger = logging.getLogger("xpander_tasks")

# Parameters an item may not set: the batch's own (one agent per journal; creates are
# retried by the batch's gate, so each create goes out with max_retries=0).
_RESERVED: Final = frozenset({"agent_id", "max_retries", "key"})
# Statuses of a create that said the server did not act: wait (the whole batch) and resend.
_THROTTLED: Final = frozenset({429, 503})
# Throttled answers one item waits out before its create counts as failed (a server that
# only ever answers 503 must not keep a batch running for ever).
_MAX_THROTTLED: Final = 100
# Failures before the request left (refused connection): resent this many times, then final.
_UNSENT_RETRIES: Final = 3
_MARKER: Final = "xpander-batch"
# Seconds a create left unanswered (a 504, a timeout, a crash) may still commit in: "not
# created" is decided only once they have passed (gateways give up at 30 to 60 s).
DEFAULT_SETTLE: Final = 60.0


class BatchItem(NamedTuple):
    """One item of a batch: `acreate`'s parameters (but `agent_id`), a key naming it (default:
    derived from the parameters) and its line in the input, for messages."""

    params: Mapping[str, Any]
    key: str | None = None
    line: int | None = None


class BatchOutcome(NamedTuple):
    """What became of one item. `status` is the task's final status (`completed`, `failed`,
    `error`, `stopped`), `create_failed` (the create was refused, nothing was created) or
    `missing` (a task created earlier is no longer found): all recorded and written. Not
    recorded: `invalid` (bad item, skipped), `uncertain` (the create may have reached the
    server; not re-sent), `unfinished` (created, not finished in this run: a rerun follows
    it again)."""

    key: str
    line: int
    status: str
    task_id: str | None = None
    result: str | None = None
    tokens: dict[str, Any] | None = None
    duration: float | None = None
    error: dict[str, Any] | None = None

    @property
    def recorded(self) -> bool:
        """A final result: journaled as done, and one line of the output."""
        return self.status not in {"invalid", "uncertain", "unfinished"}

    def to_json(self) -> dict[str, Any]:
        """The output line's fields."""
        return {
            "key": self.key,
            "task_id": self.task_id,
            "status": self.status,
            "result": self.result,
            "tokens": self.tokens,
            "duration": self.duration,
            "error": self.error,
        }

    @classmethod
    def from_json(cls, data: object, line: int) -> BatchOutcome:
        """An outcome as `to_json` wrote it (or its JSON text); ValueError when it is not."""
        fields = json.loads(data) if isinstance(data, str) else data
        if not (
            isinstance(fields, dict)
            and fields.keys() == _OUTCOME_FIELDS
            and isinstance(fields["key"], str)
            and isinstance(fields["status"], str)
        ):
            raise ValueError("not a recorded outcome")
        return cls(line=line, **fields)


_OUTCOME_FIELDS: Final = frozenset(BatchOutcome._fields) - {"line"}


def error_fields(error: ModuleException) -> dict[str, Any]:
    """An error as an output line carries it: its class, status, the gist of its description
    (an answer's `detail`; the client redacts secrets from it), and its hint."""
    return {
        "type": type(error).__name__,
        "status_code": error.status_code,
        "description": error.detail,
        "hint": error.hint,
    }


def _canonical(params: Mapping[str, Any]) -> str:
    return json.dumps(params, sort_keys=True, separators=(",", ":"), default=str)


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def item_digest(params: Mapping[str, Any]) -> str:
    """A digest of an item's parameters: the journal tells a reused key by it."""
    return _digest(_canonical(params))


def item_key(params: Mapping[str, Any]) -> str:
    """The default key of an item: a digest of its parameters, stable across reruns."""
    return item_digest(params)[:24]


class BatchStats:
    """Counts of this run, for progress lines."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.created = 0
        self.resumed = 0
        self.following = 0
        self.completed = 0
        self.failed = 0
        self.skipped = 0
        self.invalid = 0
        self.uncertain = 0
        self.unfinished = 0
        self.throttled = 0
        self.window = 0.0

    def count(self, outcome: BatchOutcome) -> None:
        if outcome.status == SUCCESS_STATUS:
            self.completed += 1
        elif outcome.recorded:
            self.failed += 1
        else:
            setattr(self, outcome.status, getattr(self, outcome.status) + 1)

    @property
    def finished(self) -> int:
        return self.completed + self.failed


# The journal.

_SCHEMA: Final = """
CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (
    key TEXT PRIMARY KEY,
    line INTEGER NOT NULL,
    digest TEXT NOT NULL,
    state TEXT NOT NULL,
    task_id TEXT,
    sent_at REAL,
    outcome TEXT,
    updated_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS items_by_state ON items (state);
"""
_ITEM_COLUMNS: Final = frozenset(
    {"key", "line", "digest", "state", "task_id", "sent_at", "outcome", "updated_at"}
)
_SQLITE_HEADER: Final = b"SQLite format 3\x00"
_HOLDER_WAIT: Final = 10.0


class JournalError(InvalidArgumentError):
    """A journal this run cannot use (held by another run, foreign or corrupt); it was left
    as it is. `problem` says why in one line."""

    def __init__(self, problem: str) -> None:
        self.problem = problem
        super().__init__("journal", problem)


def _read_only(path: str) -> sqlite3.Connection:
    uri = Path(path).resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True, isolation_level=None)


def _journal_meta(path: str) -> dict[str, str] | None:
    """The meta of the journal at `path` (None: no journal yet, an absent or empty file),
    read without writing to it; a file that is not a batch journal is refused."""
    try:
        with open(path, "rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as error:
        raise JournalError(f"the journal {path} cannot be read: {error.strerror}") from None
    if not header:
        return None
    foreign = f"{path} is not a batch journal; it was left as it is (give --journal another path)"
    if header != _SQLITE_HEADER:
        raise JournalError(foreign)
    try:
        db = _read_only(path)
        try:
            tables = {name for (name,) in db.execute("SELECT name FROM sqlite_master")}
            if not {"meta", "items"} <= tables:
                raise JournalError(foreign)
            columns = {row[1] for row in db.execute("PRAGMA table_info(items)")}
            meta = {str(name): str(value) for name, value in db.execute("SELECT * FROM meta")}
        finally:
            db.close()
    except sqlite3.Error as error:
        raise JournalError(
            f"the journal {path} is corrupt or unreadable ({error}); it was left as it is"
        ) from None
    if not columns >= _ITEM_COLUMNS:
        raise JournalError(foreign)
    return meta


def _hold(path: str) -> int:
    """An open descriptor of `path` holding an exclusive OS lock, released when it closes
    (also when the process dies); a JournalError saying who holds it otherwise."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise JournalError(f"the journal {path} cannot be opened: {error.strerror}") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise JournalError(f"the journal {path} is not a regular file")
        # The holder records itself just after it takes the lock: wait for that (or for
        # the lock), a while at most.
        deadline = time.monotonic() + _HOLDER_WAIT
        while not _lock(fd):
            holder = _holder(path)
            if holder is not None or time.monotonic() > deadline:
                raise JournalError(
                    f"the journal {path} is in use by another batch run "
                    f"({holder or 'its process is not recorded'}); wait for it to end, or "
                    "give this run another --journal"
                )
            time.sleep(0.05)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _lock(fd: int) -> bool:
    if sys.platform == "win32":  # no advisory locks there: one run at a time is on you
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _holder(path: str) -> str | None:
    """Who holds the journal, as it recorded itself; None when it has not yet (a record
    left by a run of this host that is gone, killed, is not its holder's)."""
    with contextlib.suppress(sqlite3.Error, JournalError):
        meta = _journal_meta(path) or {}
        if meta.get("owner_host") == socket.gethostname():
            try:
                os.kill(int(meta["owner_pid"]), 0)
            except (ProcessLookupError, KeyError, ValueError):
                return None
            except PermissionError:  # another user's process: alive
                pass
        return meta.get("owner")
    return None


class Journal:
    """The batch's state in SQLite: one row per item, each change committed before the step
    it guards (a create is sent only after its `sending` row is committed).

    A run holds an OS lock on the file for its life, so two runs never share one. A file
    that is not a batch journal (or is corrupt) is refused unchanged. WAL with
    `synchronous=NORMAL`: a committed change survives the process being killed (what the
    journal guards against); only a power loss may take the last ones. `read_only` opens
    it as `batch status` does: no lock, no change.
    """

    def __init__(
        self, path: str | os.PathLike[str], agent_id: str | None = None, *, read_only: bool = False
    ) -> None:
        self.path = os.fspath(path)
        self._lock: int | None = None
        in_memory = self.path == ":memory:"
        if not in_memory and not read_only:
            self._lock = _hold(self.path)
        try:
            meta = {} if in_memory else _journal_meta(self.path)
            if read_only:
                if meta is None:
                    raise JournalError(f"no journal at {self.path}")
                self._db = _read_only(self.path)
            else:
                self._db = self._open(meta or {})
        except BaseException:
            self.close()
            raise
        self.meta = self._meta()
        if not read_only and agent_id is not None:
            self._claim(agent_id)
        self.batch_id: str | None = self.meta.get("batch_id")
        self.agent_id: str | None = self.meta.get("agent_id")

    def _open(self, meta: Mapping[str, str]) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            # A small page cache (256 KiB, not 2 MiB): rows are touched by key, once or
            # twice each, so memory stays flat however many items the journal holds.
            db.execute("PRAGMA cache_size=-256")
            if not meta:
                db.executescript(_SCHEMA)
        except BaseException:
            db.close()
            raise
        return db

    def _meta(self) -> dict[str, str]:
        return {str(k): str(v) for k, v in self._db.execute("SELECT name, value FROM meta")}

    def _claim(self, agent_id: str) -> None:
        """Bind a new journal to its agent; refuse another agent's; say who holds it."""
        known = self.meta.get("agent_id", agent_id)
        if known != agent_id:
            self.close()
            raise InvalidArgumentError(
                "agent_id",
                f"the journal {self.path!r} belongs to a batch for agent {known!r}; "
                "use another journal for another agent",
            )
        if "batch_id" not in self.meta:
            self.set_meta(batch_id=secrets.token_hex(6), agent_id=agent_id)
        if self._lock is not None:
            pid, host = os.getpid(), socket.gethostname()
            since = datetime.now(UTC).isoformat(timespec="seconds")
            owner = f"pid {pid} on {host}, since {since}"
            self.set_meta(owner=owner, owner_pid=str(pid), owner_host=host)

    def set_meta(self, **values: str) -> None:
        self._db.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", values.items())
        self.meta.update(values)

    def close(self) -> None:
        db = getattr(self, "_db", None)
        if db is not None:
            if self._lock is not None:  # no longer held
                with contextlib.suppress(sqlite3.Error):
                    db.execute("DELETE FROM meta WHERE name LIKE 'owner%'")
            db.close()
        if self._lock is not None:
            os.close(self._lock)  # releases the lock
            self._lock = None

    def register(self, key: str, line: int, digest: str) -> tuple[str, str | None]:
        """The item's state, adding it as `new`; with a problem when its key is taken."""
        row = self._db.execute("SELECT line, digest, state FROM items WHERE key = ?", (key,))
        found = row.fetchone()
        if found is None:
            self._db.execute(
                "INSERT INTO items (key, line, digest, state, updated_at) VALUES (?, ?, ?, ?, ?)",
                (key, line, digest, "new", time.time()),
            )
            return "new", None
        known_line, known_digest, state = found
        if known_digest != digest:
            return state, f"key {key!r} was used by line {known_line} with other parameters"
        if known_line != line:
            return state, f"key {key!r} is also line {known_line}'s (give each item a key)"
        return state, None

    def _set(self, key: str, state: str, **fields: Any) -> None:
        columns = "".join(f", {name} = ?" for name in fields)
        self._db.execute(
            f"UPDATE items SET state = ?, updated_at = ?{columns} WHERE key = ?",  # noqa: S608
            (state, time.time(), *fields.values(), key),
        )

    def sending(self, key: str) -> None:
        """About to send; also when a create went unanswered: a late commit is waited for
        from then (`sent_at`)."""
        self._set(key, "sending", sent_at=time.time())

    def created(self, key: str, task_id: str) -> None:
        self._set(key, "created", task_id=task_id)

    def not_created(self, key: str) -> None:
        self._set(key, "new")

    def uncertain(self, key: str) -> None:
        self._set(key, "uncertain")

    def done(self, outcome: BatchOutcome) -> None:
        self._set(
            outcome.key, "done", task_id=outcome.task_id, outcome=json.dumps(outcome.to_json())
        )

    def state(self, key: str) -> str | None:
        found = self._db.execute("SELECT state FROM items WHERE key = ?", (key,)).fetchone()
        return None if found is None else str(found[0])

    def rows(self, state: str) -> list[tuple[str, int, str | None, float | None]]:
        """Key, line, task id and send time of the items in `state`."""
        query = "SELECT key, line, task_id, sent_at FROM items WHERE state = ? ORDER BY line"
        return self._db.execute(query, (state,)).fetchall()

    def counts(self) -> dict[str, int]:
        query = "SELECT state, COUNT(*) FROM items GROUP BY state"
        return dict(self._db.execute(query).fetchall())

    def outcomes(self) -> Iterator[BatchOutcome]:
        """The recorded outcomes, in line order (`unreadable` rows left out)."""
        query = "SELECT line, outcome FROM items WHERE state = 'done' ORDER BY line"
        for line, outcome in self._db.execute(query):
            with contextlib.suppress(ValueError):
                yield BatchOutcome.from_json(outcome, line)

    def reopen_unreadable(self) -> list[tuple[str, int]]:
        """Done rows whose outcome cannot be read (a damaged file): back to `created`, to
        be followed again by their task id, or `uncertain` without one. Their keys and
        lines."""
        query = "SELECT key, line, task_id, outcome FROM items WHERE state = 'done'"
        reopened = []
        for key, line, task_id, outcome in self._db.execute(query).fetchall():
            try:
                BatchOutcome.from_json(outcome, line)
            except ValueError:
                self._set(key, "created" if task_id else "uncertain")
                reopened.append((key, line))
        return reopened

    def task_ids(self) -> set[str]:
        query = "SELECT task_id FROM items WHERE task_id IS NOT NULL"
        return {task_id for (task_id,) in self._db.execute(query)}


# Rate limits: one gate for the whole batch.


class RateGate:
    """Admits creates: at most `window` in flight, none while paused.

    A throttled answer (429, 503) pauses every create for its `Retry-After` and halves the
    window (once per pause); each create that goes through grows it by 1/window, back up to
    `limit`: additive increase, multiplicative decrease, as TCP does.
    """

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.window = float(limit)
        self._in_flight = 0
        self._resume_at = 0.0
        self._changed = asyncio.Condition()

    async def acquire(self) -> None:
        loop = asyncio.get_running_loop()
        async with self._changed:
            while True:
                paused_for = self._resume_at - loop.time()
                if paused_for > 0:
                    with contextlib.suppress(TimeoutError):
                        await asyncio.wait_for(self._changed.wait(), paused_for)
                elif self._in_flight < int(self.window):
                    self._in_flight += 1
                    return
                else:
                    await self._changed.wait()

    async def release(self, throttled_for: float | None = None) -> None:
        """A create is over; `throttled_for` is the pause a throttled answer asked for."""
        now = asyncio.get_running_loop().time()
        async with self._changed:
            self._in_flight -= 1
            if throttled_for is None:
                self.window = min(self.limit, self.window + 1 / self.window)
                # Wake as many as may go now, not every waiter (hundreds, at scale).
                self._changed.notify(max(0, int(self.window) - self._in_flight))
            else:
                if now >= self._resume_at:  # the first throttled answer of this pause
                    self.window = max(1.0, self.window / 2)
                self._resume_at = max(self._resume_at, now + throttled_for)
                self._changed.notify_all()  # to wait out the pause, each by its timeout


# The run.


class _Decision(NamedTuple):
    """Whether an item's unanswered create made a task: its id, "" (certainly not) or None
    (unknown: `uncertain`); with the error that left it unknown."""

    task_id: str | None
    error: dict[str, Any] | None = None


class _Work(NamedTuple):
    key: str
    line: int
    params: Mapping[str, Any]
    # A reconciliation the item waits for first (its create may have reached the server).
    pending: asyncio.Future[_Decision] | None = None


class _Listing(NamedTuple):
    """What one read of the agent's task list says: task ids by marker, and whether every
    task the journal knew of when it was asked for is in it."""

    started: float
    by_marker: dict[str, str]
    complete: bool
    error: dict[str, Any] | None


class _TaskList:
    """The agent's task list, read once at a time and shared by the items waiting on it.

    The list route has no marker filter and no pages (see openapi.yaml): each read is the
    whole list, so reads are shared, and one over the client's size cap leaves the items
    waiting on it `uncertain`, not the batch stopped."""

    def __init__(self, tasks: Tasks, agent_id: str, journal: Journal) -> None:
        self._tasks = tasks
        self._agent_id = agent_id
        self._journal = journal
        self._lock = asyncio.Lock()
        self._last: _Listing | None = None

    async def read(self, not_before: float) -> _Listing:
        """A read asked for at `not_before` or later (wall clock)."""
        async with self._lock:
            if self._last is None or self._last.started < not_before:
                self._last = await self._read()
            return self._last

    async def _read(self) -> _Listing:
        started = time.time()
        known = self._journal.task_ids()  # before the list is asked for: all must be in it
        try:
            listed = await self._tasks.alist(self._agent_id)
        except ModuleException as error:
            return _Listing(started, {}, False, error_fields(error))
        by_marker: dict[str, str] = {}
        for item in reversed(listed):  # oldest first: a duplicate would not replace the first
            title = item.title if isinstance(item.title, str) else ""
            by_marker.setdefault(title[title.rfind(f"[{_MARKER} ") :], item.id)
        # The list has no pages; should it ever be cut, tasks this batch knows would be missing.
        complete = known <= {item.id for item in listed}
        return _Listing(started, by_marker, complete, None)


class _Run:
    """One run's workers, at most `limit` at once (an item holds its slot from its create to
    its result: this bounds open streams and polls, and memory), and their outcomes."""

    def __init__(self, limit: int, stats: BatchStats) -> None:
        # Bounded too: a consumer that falls behind holds the workers back.
        self.outcomes: asyncio.Queue[BatchOutcome | None] = asyncio.Queue(limit)
        self.workers: set[asyncio.Task[None]] = set()
        self._slots = asyncio.Semaphore(limit)
        self._stats = stats

    async def put(self, outcome: BatchOutcome) -> None:
        self._stats.count(outcome)
        await self.outcomes.put(outcome)

    async def spawn(
        self, key: str, line: int, work: Coroutine[Any, Any, BatchOutcome | None]
    ) -> None:
        try:
            await self._slots.acquire()
        except BaseException:
            work.close()  # never started
            raise
        worker = asyncio.ensure_future(self._work(key, line, work))
        self.workers.add(worker)
        worker.add_done_callback(self.workers.discard)

    async def _work(
        self, key: str, line: int, work: Coroutine[Any, Any, BatchOutcome | None]
    ) -> None:
        try:
            try:
                outcome = await work
            except ModuleException as error:  # a list or read that failed for good
                outcome = BatchOutcome(key, line, "unfinished", error=error_fields(error))
            if outcome is not None:
                await self.put(outcome)
        finally:
            self._slots.release()

    async def finish(self) -> None:
        """Wait for every worker; a worker's bug is raised, not dropped."""
        while self.workers:
            for result in await asyncio.gather(*self.workers, return_exceptions=True):
                if isinstance(result, BaseException):
                    raise result


class Batch:
    """One batch run over a `Tasks` client: `async for outcome in batch.arun(items)`.

    `concurrency` bounds the creates in flight (the gate's window starts there);
    `max_following` the items between their create and their result (open event streams or
    polling loops), which also bounds memory; `timeout` the wait for each task;
    `poll_interval` the seconds between reads of a task that does not stream (None: the
    client's, `Tasks(poll_interval=...)`, else 1);
    `journal` is the SQLite file that makes a rerun resume (None: in memory, no resume), or
    a `Journal` opened by the caller (left open). `settle` is how long a create left
    unanswered may still commit: the item is looked up by its marker at once and, if not
    found, again once `settle` seconds have passed; only then is it "not created".
    """

    def __init__(
        self,
        tasks: Tasks,
        *,
        agent_id: str,
        journal: str | os.PathLike[str] | Journal | None = None,
        concurrency: int = 8,
        max_following: int = 100,
        timeout: float = 600.0,
        poll_interval: float | None = None,
        resend_uncertain: bool = False,
        settle: float = DEFAULT_SETTLE,
    ) -> None:
        # Checked before anything is created: a bad one found later would strand the tasks.
        self._tasks = tasks
        self._agent_id = check_id("agent_id", agent_id)
        self._journal_path = ":memory:" if journal is None else journal
        self._concurrency = check_count(
            "concurrency", concurrency, minimum=1, maximum=MAX_CONCURRENCY
        )
        self._max_following = check_count(
            "max_following", max_following, minimum=1, maximum=MAX_CONCURRENCY
        )
        self._timeout = check_seconds("timeout", timeout)
        self._poll_interval = (
            None if poll_interval is None else check_seconds("poll_interval", poll_interval)
        )
        self._resend_uncertain = resend_uncertain
        # 0: decide at once (a server known to commit before it answers).
        self._settle = 0.0 if settle == 0 else check_seconds("settle", settle)
        self._policy = RetryPolicy()
        self._stopping = False
        self._following: set[asyncio.Task[Any]] = set()
        self.stats = BatchStats()

    def stop(self) -> None:
        """Create nothing more, stop following (created items stay journaled for a rerun);
        creates in flight finish and are journaled. Call it on the batch's event loop."""
        self._stopping = True
        for follower in self._following:
            follower.cancel()

    @property
    def stopped(self) -> bool:
        return self._stopping

    async def arun(
        self, items: Iterable[Mapping[str, Any] | BatchItem]
    ) -> AsyncIterator[BatchOutcome]:
        """Each item's outcome as it finishes; invalid and uncertain items are yielded too
        (not recorded), done ones of earlier runs are not (`Journal.outcomes` has them)."""
        if isinstance(self._journal_path, Journal):
            journal, owned = self._journal_path, False
            if journal.agent_id != self._agent_id:
                raise InvalidArgumentError("journal", "it belongs to a batch for another agent")
        else:
            journal, owned = Journal(self._journal_path, self._agent_id), True
        run = _Run(self._max_following, self.stats)
        producer = asyncio.ensure_future(self._produce(journal, items, run))
        try:
            while (outcome := await run.outcomes.get()) is not None:
                yield outcome
            await producer  # its error, if any
        finally:
            producer.cancel()
            for worker in list(run.workers):
                worker.cancel()
            await asyncio.gather(producer, *run.workers, return_exceptions=True)
            if owned:
                journal.close()

    async def _produce(
        self, journal: Journal, items: Iterable[Mapping[str, Any] | BatchItem], run: _Run
    ) -> None:
        """Items to workers: those created and not finished first, then the input's. Items
        a crash left between send and answer (and uncertain ones) are looked up meanwhile;
        each waits for its answer when the input reaches it."""
        gate = RateGate(self._concurrency)
        task_list = _TaskList(self._tasks, self._agent_id, journal)
        self.stats.window = gate.window
        undecided = journal.rows("sending")
        if not self._resend_uncertain:
            undecided += journal.rows("uncertain")
        pending = {
            key: asyncio.ensure_future(self._reconcile(journal, task_list, key, sent_at or 0.0))
            for key, _, _, sent_at in undecided
        }
        try:
            for key, line, task_id, _ in journal.rows("created"):
                if self._stopping:
                    break
                assert task_id is not None  # set with the state
                self.stats.resumed += 1
                await run.spawn(key, line, self._resume(journal, key, line, task_id))
            for position, item in enumerate(items, 1):
                if self._stopping:
                    break
                work = self._register(journal, item, position, pending)
                if isinstance(work, _Work):
                    run_item = self._process(journal, work, gate, task_list)
                    await run.spawn(work.key, work.line, run_item)
                elif work.status in {"invalid", "uncertain"}:
                    await run.put(work)
            # Those the input no longer holds: followed when they were created.
            for key, decision in pending.items():
                decided = await decision
                if decided.task_id and not self._stopping:
                    line = next(row[1] for row in undecided if row[0] == key)
                    await run.spawn(key, line, self._resume(journal, key, line, decided.task_id))
            await run.finish()
        finally:
            for decision in pending.values():
                decision.cancel()
            await asyncio.gather(*pending.values(), return_exceptions=True)
            await run.outcomes.put(None)

    def run(self, items: Iterable[Mapping[str, Any] | BatchItem]) -> Iterator[BatchOutcome]:
        """`arun` for synchronous code: the batch runs on an event loop in a thread of its
        own; leaving the loop early stops it as `stop()` does."""
        handoff: queue.Queue[BatchOutcome | BaseException | None] = queue.Queue()
        loops: list[asyncio.AbstractEventLoop] = []

        async def main() -> None:
            loops.append(asyncio.get_running_loop())
            try:
                async for outcome in self.arun(items):
                    handoff.put(outcome)
            finally:
                await self._tasks.aclose_own_async_pool()  # it dies with this loop

        def work() -> None:
            try:
                asyncio.run(main())
                handoff.put(None)
            except BaseException as error:  # raised again in the caller's thread
                handoff.put(error)

        thread = threading.Thread(target=work, name="xpander-tasks-batch", daemon=True)
        thread.start()
        try:
            while (got := handoff.get()) is not None:
                if isinstance(got, BaseException):
                    raise got
                yield got
        finally:
            if thread.is_alive() and loops:
                with contextlib.suppress(RuntimeError):  # the loop just ended
                    loops[0].call_soon_threadsafe(self.stop)
            thread.join()

    def _register(
        self,
        journal: Journal,
        item: Mapping[str, Any] | BatchItem,
        position: int,
        pending: dict[str, asyncio.Task[_Decision]],
    ) -> _Work | BatchOutcome:
        """The item checked and journaled, ready to create; or why it is not created."""
        if not isinstance(item, BatchItem):
            params = dict(item)
            item = BatchItem({k: v for k, v in params.items() if k != "key"}, params.get("key"))
        line = item.line if item.line is not None else position
        digest = item_digest(item.params)
        key = item.key if item.key is not None else digest[:24]

        def invalid(problem: str) -> BatchOutcome:
            error = {"type": "InvalidItem", "status_code": 400, "description": problem}
            return BatchOutcome(str(key), line, "invalid", error=error)

        if not isinstance(key, str) or not key:
            return invalid(f"key must be a non-empty string, not {key!r}")
        try:
            key.encode()
        except UnicodeEncodeError:
            return invalid(f"key must be text (UTF-8), not {key!r}")
        reserved = sorted(_RESERVED & set(item.params))
        if reserved:
            return invalid(f"{', '.join(reserved)}: set by the batch, not by an item")
        try:
            create_task_call(self._agent_id, **item.params)
        except InvalidArgumentError as error:
            return invalid(error.description)
        except TypeError as error:  # an unknown parameter
            return invalid(str(error).replace("create_task_call()", "create"))
        state, problem = journal.register(key, line, digest)
        if problem is not None:
            return invalid(problem)
        if key in pending:
            return _Work(key, line, item.params, pending.pop(key))
        if state == "new" or (state == "uncertain" and self._resend_uncertain):
            return _Work(key, line, item.params)
        if state == "done":
            self.stats.skipped += 1
        return BatchOutcome(key, line, state)

    def _title(self, journal: Journal, key: str, title: object) -> str:
        return f"{title or key} {self._marker(journal, key)}"

    @staticmethod
    def _marker(journal: Journal, key: str) -> str:
        return f"[{_MARKER} {journal.batch_id}/{_digest(key)[:16]}]"

    async def _process(
        self, journal: Journal, work: _Work, gate: RateGate, task_list: _TaskList
    ) -> BatchOutcome | None:
        if work.pending is not None:  # the answer to a create sent by an earlier run
            decided = await work.pending
            outcome = await self._decided(journal, work, decided)
            if outcome is not None or self._stopping:
                return outcome
        created = await self._create(journal, work, gate, task_list)
        if isinstance(created, Task):
            return await self._follow(journal, work.key, work.line, created)
        return created

    async def _decided(
        self, journal: Journal, work: _Work, decided: _Decision
    ) -> BatchOutcome | None:
        """The item after its reconciliation: followed, uncertain, or None (to be sent)."""
        if decided.task_id:
            return await self._resume(journal, work.key, work.line, decided.task_id)
        if decided.task_id is None:
            status = "uncertain" if journal.state(work.key) == "uncertain" else "unfinished"
            return BatchOutcome(work.key, work.line, status, error=decided.error)
        return None

    async def _create(
        self, journal: Journal, work: _Work, gate: RateGate, task_list: _TaskList
    ) -> Task | BatchOutcome | None:
        """The item's task, created once: a throttled create waits at the gate and goes
        again (the server did not act); one that may have reached the server is reconciled
        before anything is sent again. None when the batch stopped first."""
        params = {**work.params, "title": self._title(journal, work.key, work.params.get("title"))}
        unsent = throttled = 0
        while not self._stopping:
            await gate.acquire()
            throttled_for: float | None = None
            try:
                if self._stopping:  # while waiting at the gate
                    break
                journal.sending(work.key)
                task = await self._tasks.acreate(self._agent_id, **params, max_retries=0)
            except ModuleException as error:
                failure = error
                if error.status_code in _THROTTLED and throttled < _MAX_THROTTLED:
                    throttled += 1
                    self.stats.throttled += 1
                    throttled_for = self._pause(error)
            else:
                journal.created(work.key, task.id)
                self.stats.created += 1
                return task
            finally:
                await gate.release(throttled_for)
                self.stats.window = gate.window
            if throttled_for is not None:
                continue  # the server did not act; the gate holds every create back
            if failure.hint is not None:  # it may have been created, now or later
                journal.sending(work.key)  # the wait for a late commit starts now
                decided = await self._reconcile(journal, task_list, work.key, time.time())
                if decided.task_id is None and decided.error is None:
                    decided = decided._replace(error=error_fields(failure))
                outcome = await self._decided(journal, work, decided)
                if outcome is not None or self._stopping:
                    return outcome
                continue  # certainly not created: send it again
            delay = self._policy.delay_before_retry(
                failure, unsent, idempotent=False, max_retries=_UNSENT_RETRIES
            )
            if delay is None:  # refused for good: nothing was created
                outcome = BatchOutcome(
                    work.key, work.line, "create_failed", error=error_fields(failure)
                )
                journal.done(outcome)
                return outcome
            unsent += 1
            await asyncio.sleep(delay)
        return None

    def _pause(self, error: ModuleException) -> float:
        """The whole batch's pause after a throttled create: its Retry-After up to the
        client's cap (60 s; the gate then lets one create through to ask again), else a short
        jittered wait."""
        retry_after = retry_after_seconds(error) if isinstance(error, APIStatusError) else None
        if retry_after is None:
            return self._policy.initial_delay * (0.5 + self._policy.jitter())
        return min(retry_after, self._policy.max_retry_after)

    async def _reconcile(
        self, journal: Journal, task_list: _TaskList, key: str, unanswered_at: float
    ) -> _Decision:
        """Decide an item whose create may have reached the server, by its marker in the
        agent's task list: looked for at once, and, when absent, again in a list asked for
        `settle` seconds after the create went unanswered (a late commit shows by then).
        Absent from that list, when it holds every task the journal knows, it was not
        created; a failed or cut list leaves it uncertain. The journal takes the decision
        (created, new, uncertain); a stop leaves it `sending`, for a rerun."""
        marker = self._marker(journal, key)
        deadline = unanswered_at + self._settle
        listing = await task_list.read(not_before=unanswered_at)
        while marker not in listing.by_marker and listing.started < deadline:
            if not await self._sleep_unless_stopped(deadline - time.time()):
                return _Decision(None)
            listing = await task_list.read(not_before=deadline)
        task_id = listing.by_marker.get(marker)
        if task_id is not None:
            journal.created(key, task_id)
            return _Decision(task_id)
        if listing.complete:
            journal.not_created(key)
            return _Decision("")
        journal.uncertain(key)
        missing = {"type": "Uncertain", "status_code": None, "description": _UNLISTED}
        return _Decision(None, listing.error or missing)

    async def _sleep_unless_stopped(self, seconds: float) -> bool:
        """Sleep up to `seconds`; False when the batch was stopped first."""
        this = asyncio.current_task()
        assert this is not None
        if self._stopping:
            return False
        self._following.add(this)  # stop() cancels it
        try:
            await asyncio.sleep(max(0.0, seconds))
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            this.uncancel()
        finally:
            self._following.discard(this)
        return not self._stopping

    async def _resume(
        self, journal: Journal, key: str, line: int, task_id: str
    ) -> BatchOutcome | None:
        """Follow a task created earlier, by its id."""
        try:
            task = await self._tasks.aget(task_id)
        except NotFoundError as error:
            outcome = BatchOutcome(key, line, "missing", task_id, error=error_fields(error))
            journal.done(outcome)
            return outcome
        except ModuleException as error:
            return BatchOutcome(key, line, "unfinished", task_id, error=error_fields(error))
        return await self._follow(journal, key, line, task)

    async def _follow(self, journal: Journal, key: str, line: int, task: Task) -> BatchOutcome:
        """Wait for the task's final status (events when it streams, else polls) and
        record it; a wait that fails or is stopped leaves it `created` for a rerun."""
        this = asyncio.current_task()
        assert this is not None
        if self._stopping:
            return BatchOutcome(key, line, "unfinished", task.id)
        self._following.add(this)
        self.stats.following += 1
        try:
            await task.await_completion(timeout=self._timeout, poll_interval=self._poll_interval)
        except ModuleException as error:
            return BatchOutcome(key, line, "unfinished", task.id, error=error_fields(error))
        except asyncio.CancelledError:
            if not self._stopping:
                raise
            this.uncancel()
            return BatchOutcome(key, line, "unfinished", task.id)
        finally:
            self._following.discard(this)
            self.stats.following -= 1
        outcome = outcome_of(key, line, task)
        journal.done(outcome)
        return outcome


_UNLISTED: Final = (
    "the agent's task list misses tasks this batch created, so it cannot tell whether this one was"
)


def outcome_of(key: str, line: int, task: Task) -> BatchOutcome:
    """A finished task as an output line."""
    status = str(getattr(task.status, "value", task.status))
    tokens = task.tokens.to_dict() if isinstance(task.tokens, Tokens) else None
    duration = task.duration if isinstance(task.duration, int | float) else None
    if duration is None and isinstance(task.finished_at, datetime):  # the server's own clock
        duration = (task.finished_at - task.created_at).total_seconds()
    error = None
    if status != SUCCESS_STATUS:
        error = {
            "type": "TaskEnded",
            "status_code": None,
            "description": f"the task ended {status}",
        }
    result = task.result if isinstance(task.result, str) else None
    return BatchOutcome(key, line, status, task.id, result, tokens, duration, error)
