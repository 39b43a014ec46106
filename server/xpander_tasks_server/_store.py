"""SQLite storage of tasks: what was asked and when, from which every later state is derived."""

from __future__ import annotations

import json
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS tasks (id TEXT PRIMARY KEY, record TEXT NOT NULL)",
    # A task's changes by hand, one row each: a change costs the same however many came before.
    "CREATE TABLE IF NOT EXISTS changes (task_id TEXT NOT NULL, run INTEGER NOT NULL, "
    "change TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS changes_of_run ON changes (task_id, run)",
)
# What the `tasks` row does not hold: the changes have their own rows.
_NOT_IN_RECORD = ("events", "unsaved")


@dataclass
class TaskRecord:
    """A stored task: the request that made it and the timestamps its status is derived from.

    Times are Unix seconds (wall clock, so a file database stays meaningful across restarts).
    A run is pending for `step_delay` seconds from `run_started_at`, executing for as long
    again, then completed. Continuing a task starts a new run,
    and `event_base` keeps its event ids after those of the runs before.

    A status set by hand (update, save, stop, report) ends that progress: `frozen_at` is when,
    `overrides` the task fields set since, laid over the state the run had reached, and
    `events` the events those changes sent in this run, as `[time, type, fields set]`: the
    changes, not copies of the task. They are stored apart, one row each, and read only when
    asked for (`TaskStore.get(..., with_events=True)`); `unsaved` are those not stored yet.

    `plan` is the run a `Script` chose for the task (see `AgentBehaviour.plan`), None for the
    default one.
    """

    id: str
    organization_id: str
    agent_id: str
    agent_version: str | None
    fields: dict[str, Any]
    created_at: float
    run_started_at: float
    step_delay: float
    event_base: int = 0
    run: int = 1
    frozen_at: float | None = None
    overrides: dict[str, Any] = field(default_factory=dict)
    events: list[list[Any]] = field(default_factory=list)
    plan: dict[str, Any] | None = None
    unsaved: list[list[Any]] = field(default_factory=list)

    def add_events(self, events: list[list[Any]]) -> None:
        """Send these change events (`[time, type, fields set]`), stored with the record."""
        self.events += events
        self.unsaved += events


class StoreBusy(Exception):
    """Another process holds the database file's lock; try again later."""


class TaskStore:
    """Tasks in one SQLite database, a file or `:memory:`; safe to share between threads."""

    def __init__(self, path: str = ":memory:") -> None:
        self._lock = threading.Lock()
        # The ASGI server calls from its own thread (or an in-process test client's): one
        # connection, serialised by the lock. No busy timeout: a lock another process holds
        # is reported at once (`StoreBusy`), not waited out on the event loop, which would
        # hold up every request meanwhile.
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=0)
        for statement in _SCHEMA:
            self._db.execute(statement)
        # Closed with the store, whoever drops it last: an app may be started and stopped (its
        # lifespan run) many times, so no single shutdown owns the connection.
        weakref.finalize(self, self._db.close)

    def get(self, task_id: str, *, with_events: bool = False) -> TaskRecord | None:
        """The task with this id, or None; its change events only `with_events`."""
        with self._access() as db:
            row = db.execute("SELECT record FROM tasks WHERE id = ?", (task_id,)).fetchone()
            if row is None:
                return None
            record = _record(row[0])
            if with_events:
                changes = db.execute(
                    "SELECT change FROM changes WHERE task_id = ? AND run = ? ORDER BY rowid",
                    (record.id, record.run),
                ).fetchall()
                record.events = [json.loads(text) for (text,) in changes]
        return record

    def records(self) -> list[TaskRecord]:
        """Every stored task with its change events, in no particular order."""
        with self._access() as db:
            rows = db.execute("SELECT record FROM tasks").fetchall()
            changes = db.execute("SELECT task_id, run, change FROM changes ORDER BY rowid")
            events: dict[tuple[str, int], list[list[Any]]] = {}
            for task_id, run, text in changes:
                events.setdefault((task_id, run), []).append(json.loads(text))
        records = [_record(text) for (text,) in rows]
        for record in records:
            record.events = events.get((record.id, record.run), [])
        return records

    def put(self, record: TaskRecord, *, replace: bool = False) -> None:
        """Store the task and its unsaved change events; `replace` forgets the changes of a
        stored task with the same id first (a new task under its id)."""
        kept = {key: value for key, value in vars(record).items() if key not in _NOT_IN_RECORD}
        text = json.dumps(kept, ensure_ascii=True, allow_nan=False)
        changes = [
            (record.id, record.run, json.dumps(event, ensure_ascii=True, allow_nan=False))
            for event in record.unsaved
        ]
        with self._access() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                if replace:
                    db.execute("DELETE FROM changes WHERE task_id = ?", (record.id,))
                else:
                    # A run's changes end with it (runs only count up): the index finds the
                    # earlier runs' rows without reading the current one's.
                    earlier = "DELETE FROM changes WHERE task_id = ? AND run < ?"
                    db.execute(earlier, (record.id, record.run))
                db.execute(
                    "INSERT OR REPLACE INTO tasks (id, record) VALUES (?, ?)", (record.id, text)
                )
                db.executemany("INSERT INTO changes VALUES (?, ?, ?)", changes)
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        record.unsaved = []

    @contextmanager
    def _access(self) -> Iterator[sqlite3.Connection]:
        """The connection, held alone; a lock of another process's is `StoreBusy`."""
        with self._lock:
            try:
                yield self._db
            except sqlite3.OperationalError as exc:
                # The primary code: extended ones (such as SQLITE_BUSY_SNAPSHOT) add high bits.
                if exc.sqlite_errorcode & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
                    raise StoreBusy(str(exc)) from None
                raise


def _record(text: str) -> TaskRecord:
    fields = json.loads(text)
    # A database of an older server held the changes in the record: they are not read back.
    for key in _NOT_IN_RECORD:
        fields.pop(key, None)
    return TaskRecord(**fields)
