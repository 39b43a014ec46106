"""SQLite storage of tasks: what was asked and when, from which every later state is derived."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

_SCHEMA = """CREATE TABLE IF NOT EXISTS tasks (id TEXT PRIMARY KEY, record TEXT NOT NULL)"""


@dataclass
class TaskRecord:
    """A stored task: the request that made it and the timestamps its status is derived from.

    Times are Unix seconds (wall clock, so a file database stays meaningful across restarts).
    A run is pending for `step_delay` seconds from `run_started_at`, executing for as long
    again, then completed. Continuing a task starts a new run,
    and `event_base` keeps its event ids after those of the runs before.

    A status set by hand (update, save, stop, report) ends that progress: `frozen_at` is when,
    `overrides` the task fields set since, laid over the state the run had reached, and
    `events` the events those changes sent, as `[time, type, fields set]`: the changes, not
    copies of the task, so that a task changed often stays small.

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
        self._db.execute(_SCHEMA)
        # Closed with the store, whoever drops it last: an app may be started and stopped (its
        # lifespan run) many times, so no single shutdown owns the connection.
        weakref.finalize(self, self._db.close)

    def get(self, task_id: str) -> TaskRecord | None:
        """The task with this id, or None."""
        with self._access() as db:
            row = db.execute("SELECT record FROM tasks WHERE id = ?", (task_id,)).fetchone()
        return None if row is None else TaskRecord(**json.loads(row[0]))

    def records(self) -> Iterator[TaskRecord]:
        """Every stored task, in no particular order."""
        with self._access() as db:
            rows = db.execute("SELECT record FROM tasks").fetchall()
        for (text,) in rows:
            yield TaskRecord(**json.loads(text))

    def put(self, record: TaskRecord) -> None:
        """Insert the task, or replace the stored one with the same id."""
        text = json.dumps(dataclasses.asdict(record), ensure_ascii=True, allow_nan=False)
        with self._access() as db:
            db.execute("INSERT OR REPLACE INTO tasks (id, record) VALUES (?, ?)", (record.id, text))

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
