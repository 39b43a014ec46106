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
(followed by that task's id); one whose marker is absent from a list that holds every task the
journal knows it created was not created and is sent; anything else is `uncertain`, never
re-sent unless asked (`resend_uncertain`).
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
import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Coroutine, Iterable, Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from xpander_tasks_api.models import Tokens

from ._config import check_count, check_seconds
from ._exceptions import APIStatusError, InvalidArgumentError, ModuleException, NotFoundError
from ._params import check_id, create_task_call
from ._retry import RetryPolicy, retry_after_seconds
from ._task import Task

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
_DEFAULT_SETTLE: Final = 2.0


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
    def from_json(cls, data: Mapping[str, Any], line: int) -> BatchOutcome:
        return cls(line=line, **data)


def error_fields(error: ModuleException) -> dict[str, Any]:
    """An error as an output line carries it: its class, status and description (the client
    redacts secrets from descriptions), and its hint."""
    return {
        "type": type(error).__name__,
        "status_code": error.status_code,
        "description": error.description,
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
        if outcome.status == "completed":
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


class Journal:
    """The batch's state in SQLite: one row per item, each change committed before the step
    it guards (a create is sent only after its `sending` row is committed).

    WAL with `synchronous=NORMAL`: a committed change survives the process being killed
    (what the journal guards against); only a power loss may take the last ones.
    """

    def __init__(self, path: str | os.PathLike[str], agent_id: str | None = None) -> None:
        self._db = sqlite3.connect(os.fspath(path), isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        # A small page cache (256 KiB, not 2 MiB): rows are touched by key, once or twice
        # each, so memory stays flat however many items the journal holds.
        self._db.execute("PRAGMA cache_size=-256")
        self._db.executescript(_SCHEMA)
        meta = dict(self._db.execute("SELECT name, value FROM meta").fetchall())
        if agent_id is not None:
            if meta.get("agent_id", agent_id) != agent_id:
                self._db.close()
                raise InvalidArgumentError(
                    "agent_id",
                    f"the journal {os.fspath(path)!r} belongs to a batch for agent "
                    f"{meta['agent_id']!r}; use another journal for another agent",
                )
            if not meta:
                meta = {"batch_id": secrets.token_hex(6), "agent_id": agent_id}
                self._db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        self.batch_id: str | None = meta.get("batch_id")
        self.agent_id: str | None = meta.get("agent_id")

    def close(self) -> None:
        self._db.close()

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

    def rows(self, state: str) -> list[tuple[str, int, str | None, float | None]]:
        """Key, line, task id and send time of the items in `state`."""
        query = "SELECT key, line, task_id, sent_at FROM items WHERE state = ? ORDER BY line"
        return self._db.execute(query, (state,)).fetchall()

    def counts(self) -> dict[str, int]:
        query = "SELECT state, COUNT(*) FROM items GROUP BY state"
        return dict(self._db.execute(query).fetchall())

    def outcomes(self) -> Iterator[BatchOutcome]:
        """The recorded outcomes, in line order."""
        query = "SELECT line, outcome FROM items WHERE state = 'done' ORDER BY line"
        for line, outcome in self._db.execute(query):
            yield BatchOutcome.from_json(json.loads(outcome), line)

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


class _Work(NamedTuple):
    key: str
    line: int
    params: Mapping[str, Any]


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
    `journal` is the SQLite file that makes a rerun resume (None: in memory, no resume).
    """

    def __init__(
        self,
        tasks: Tasks,
        *,
        agent_id: str,
        journal: str | os.PathLike[str] | None = None,
        concurrency: int = 8,
        max_following: int = 100,
        timeout: float = 600.0,
        poll_interval: float = 1.0,
        resend_uncertain: bool = False,
        settle: float = _DEFAULT_SETTLE,
    ) -> None:
        # Checked before anything is created: a bad one found later would strand the tasks.
        self._tasks = tasks
        self._agent_id = check_id("agent_id", agent_id)
        self._journal_path = ":memory:" if journal is None else journal
        self._concurrency = check_count("concurrency", concurrency, minimum=1)
        self._max_following = check_count("max_following", max_following, minimum=1)
        self._timeout = check_seconds("timeout", timeout)
        self._poll_interval = check_seconds("poll_interval", poll_interval)
        self._resend_uncertain = resend_uncertain
        self._settle = settle
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
        journal = Journal(self._journal_path, self._agent_id)
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
            journal.close()

    async def _produce(
        self, journal: Journal, items: Iterable[Mapping[str, Any] | BatchItem], run: _Run
    ) -> None:
        """Items to workers: first those a crash left between send and answer (reconciled),
        then those created and not finished, then the input's new ones."""
        gate = RateGate(self._concurrency)
        self.stats.window = gate.window
        try:
            await self._reconcile(journal, [key for key, *_ in journal.rows("sending")])
            for key, line, task_id, _ in journal.rows("created"):
                if self._stopping:
                    break
                assert task_id is not None  # set with the state
                self.stats.resumed += 1
                await run.spawn(key, line, self._resume(journal, key, line, task_id))
            for position, item in enumerate(items, 1):
                if self._stopping:
                    break
                work = self._register(journal, item, position)
                if isinstance(work, _Work):
                    await run.spawn(work.key, work.line, self._process(journal, work, gate))
                elif work.status in {"invalid", "uncertain"}:
                    await run.put(work)
            await run.finish()
        finally:
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
        self, journal: Journal, item: Mapping[str, Any] | BatchItem, position: int
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

    async def _process(self, journal: Journal, work: _Work, gate: RateGate) -> BatchOutcome | None:
        created = await self._create(journal, work, gate)
        if isinstance(created, Task):
            return await self._follow(journal, work.key, work.line, created)
        return created

    async def _create(
        self, journal: Journal, work: _Work, gate: RateGate
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
            if failure.hint is not None:  # it may have been created
                decided = (await self._reconcile(journal, [work.key]))[work.key]
                if decided is None:
                    return BatchOutcome(
                        work.key, work.line, "uncertain", error=error_fields(failure)
                    )
                if decided:
                    return await self._resume(journal, work.key, work.line, decided)
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

    async def _reconcile(self, journal: Journal, keys: list[str]) -> dict[str, str | None]:
        """Decide items whose create may have reached the server, from the agent's task list:
        a task id when it was created, "" when it certainly was not, None when unknown. The
        journal takes each decision (created, new, uncertain)."""
        if not keys:
            return {}
        rows = {key: sent_at for key, _, _, sent_at in journal.rows("sending") if key in keys}
        latest = max((sent_at or 0.0 for sent_at in rows.values()), default=0.0)
        # A request the server is still reading when the list is read would be missed.
        await asyncio.sleep(max(0.0, latest + self._settle - time.time()))
        known = journal.task_ids()  # created before the list is asked for: all must be there
        listed = await self._tasks.alist(self._agent_id)
        by_marker: dict[str, str] = {}
        for item in reversed(listed):  # oldest first: a duplicate would not replace the first
            title = item.title if isinstance(item.title, str) else ""
            by_marker.setdefault(title[title.rfind(f"[{_MARKER} ") :], item.id)
        # The list has no pages; should it ever be cut, tasks this batch knows would be missing.
        complete = known <= {item.id for item in listed}
        decided: dict[str, str | None] = {}
        for key in keys:
            task_id = by_marker.get(self._marker(journal, key))
            if task_id is not None:
                journal.created(key, task_id)
            elif complete:
                journal.not_created(key)
                task_id = ""
            else:
                journal.uncertain(key)
            decided[key] = task_id
        return decided

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


def outcome_of(key: str, line: int, task: Task) -> BatchOutcome:
    """A finished task as an output line."""
    status = str(getattr(task.status, "value", task.status))
    tokens = task.tokens.to_dict() if isinstance(task.tokens, Tokens) else None
    duration = task.duration if isinstance(task.duration, int | float) else None
    if duration is None and isinstance(task.finished_at, datetime):  # the server's own clock
        duration = (task.finished_at - task.created_at).total_seconds()
    error = None
    if status != "completed":
        error = {
            "type": "TaskEnded",
            "status_code": None,
            "description": f"the task ended {status}",
        }
    result = task.result if isinstance(task.result, str) else None
    return BatchOutcome(key, line, status, task.id, result, tokens, duration, error)
