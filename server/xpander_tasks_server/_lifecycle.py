"""A task's state and events at any moment, derived from its record: no background work to leak.

A run walks the spec's `x-lifecycle` (`pending`, `executing`, then `completed`), one step in
each status, ending in the last with a result derived from the prompt; a scripted run (the
record's `plan`, from a `Script`) has its own timings, final status, result, events and
metrics. A change by hand (update, save, stop) ends that progress: the task keeps the state
its run had reached, with the changed fields laid over it, and each change sends its own
events. Answers and the task data of events get the rest of the spec's `Task` shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from xpander_tasks_server._spec import Spec
from xpander_tasks_server._store import TaskRecord

UNKNOWN_EVENT_MARKER = "#mystery"
"""A prompt containing this makes the task's stream carry an event of a type no client knows."""
UNKNOWN_EVENT_TYPE = "mystery_event"
# The Task fields the server sets by itself (besides the request's fields it echoes).
OWN_TASK_FIELDS = (
    "id",
    "agent_id",
    "organization_id",
    "agent_version",
    "created_at",
    "status",
    "is_manually_stopped",
    "started_at",
    "finished_at",
    "result",
)
# The event types whose data is the task.
_TASK_EVENTS = frozenset({"task_created", "task_updated", "task_finished"})
_CHUNKS = 3


@dataclass(frozen=True)
class Event:
    """One event of a task's stream; `id` counts up across the task's runs."""

    id: int
    time: float
    type: str
    data: Any
    identity: Any = None

    def to_json(self, record: TaskRecord) -> dict[str, Any]:
        """The event as the spec's `TaskEvent`."""
        event = {
            "type": self.type,
            "task_id": record.id,
            "organization_id": record.organization_id,
            "time": isoformat(self.time),
            "data": self.data,
        }
        return event if self.identity is None else {**event, "identity": self.identity}


@dataclass(frozen=True)
class _Run:
    """When each step of a run begins, when it ends and how: the default or the record's plan."""

    steps: list[tuple[float, str]]
    """Each status before the final one, with when the run enters it."""
    end: float
    status: str
    result: str | None
    events: list[tuple[str, Any, Any]]
    """What it streams while executing (its last step): (type, data, identity)."""
    finished: dict[str, Any]
    """Fields the finished task gets besides status, result and times."""

    @property
    def start(self) -> float:
        """When the run executes: it enters its last step before the final status."""
        return self.steps[-1][0]


def isoformat(timestamp: float) -> str:
    """A Unix time as an RFC 3339 date-time in UTC."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat().replace("+00:00", "Z")


def result_of(record: TaskRecord) -> str:
    """The deterministic answer of a completed run, derived from its prompt."""
    text = (record.fields.get("input") or {}).get("text") or ""
    answer = f"Completed: {text}" if text else "Completed."
    if record.fields.get("output_format") == "json":
        return json.dumps({"result": answer})
    return answer


class Lifecycle:
    """The spec's statuses applied to task records: the state at any moment, changes by hand,
    the events, and the Task answer's shape."""

    def __init__(self, spec: Spec) -> None:
        self.final = frozenset(spec.final_statuses())
        """Statuses after which a task does nothing more: a change to one ends its stream."""
        self.path = spec.lifecycle()
        """The statuses a run walks through; a new task has the first."""
        self.succeeded = self.path[-1]
        """Where a successful run ends (`completed`)."""
        self.failed = frozenset(spec.error_statuses())
        """The final statuses of a task that did not succeed (`x-error-statuses`)."""
        self.stopped = spec.set_status("stop_task")
        """The status a stop leaves (`x-sets-status`)."""
        self._stamps = spec.status_stamps()
        # A task echoes the create request's fields.
        echoed = spec.defaults("CreateTaskRequest")
        self.task_shape = spec.answer_shape("Task", own=OWN_TASK_FIELDS, echoed=echoed)

    def answer(self, record: TaskRecord, now: float) -> dict[str, Any]:
        """The task at `now` as the spec's `Task` answer."""
        return self.task_shape.complete(self.task_at(record, now))

    def task_at(self, record: TaskRecord, now: float) -> dict[str, Any]:
        """The task as it stands at `now`: every request field plus the derived state."""
        if record.frozen_at is not None and now >= record.frozen_at:
            return {**self._run_state(record, record.frozen_at), **record.overrides}
        return self._run_state(record, now)

    def change(self, record: TaskRecord, now: float, fields: dict[str, Any]) -> None:
        """Set task fields by hand at `now`: the run stops progressing, streams get the change.

        A new status brings its own time stamps; `task_finished` follows `task_updated` when
        the status is final.
        """
        status = fields.get("status")
        before = self.task_at(record, now)
        stamped = self._stamps.get(status) if isinstance(status, str) else None
        if stamped is not None and stamped not in fields:
            fields = {**fields, stamped: isoformat(now)}
        if status in self.final and before["finished_at"] is None and "finished_at" not in fields:
            fields = {**fields, "finished_at": isoformat(now)}
        _freeze(record, now, fields)
        events = [[now, "task_updated", fields]]
        if status in self.final:
            events.append([now, "task_finished", {}])
        record.add_events(events)

    def stop(self, record: TaskRecord, now: float) -> None:
        """Stop the task at `now` until changed by hand again; its streams get `task_finished`."""
        fields: dict[str, Any] = {"status": self.stopped, "is_manually_stopped": True}
        if self.task_at(record, now)["finished_at"] is None:
            fields["finished_at"] = isoformat(now)
        _freeze(record, now, fields)
        record.add_events([[now, "task_finished", fields]])

    def _run(self, record: TaskRecord) -> _Run:
        plan = record.plan or {}
        steps: list[tuple[float, str]] = []
        entered = record.run_started_at
        for status in self.path[:-1]:
            steps.append((entered, status))
            # A script times the statuses it names (`pending`, `executing`); others last a step.
            seconds = plan.get(status)
            entered += seconds if isinstance(seconds, int | float) else record.step_delay
        status = plan.get("status", self.succeeded)
        if "result" in plan:
            result = plan["result"]
        else:
            result = result_of(record) if status == self.succeeded else None
        if "events" in plan:
            events = [(e["type"], e.get("data"), e.get("identity")) for e in plan["events"]]
        else:
            events = [("chunk", piece, None) for piece in _split(result or "", _CHUNKS)]
        finished: dict[str, Any] = {
            key: plan[key] for key in ("tokens", "duration", "used_tools") if key in plan
        }
        if status == self.stopped:
            finished["is_manually_stopped"] = True
        return _Run(steps, entered, status, result, events, finished)

    def _run_state(self, record: TaskRecord, now: float) -> dict[str, Any]:
        """The task as its run makes it at `now`, before any change by hand."""
        run = self._run(record)
        state: dict[str, Any] = {"started_at": None, "finished_at": None, "result": None}
        if now >= run.end:
            status = run.status
            state.update(started_at=isoformat(run.start), finished_at=isoformat(run.end))
            state.update(result=run.result, **run.finished)
        else:
            status = [status for entered, status in run.steps if entered <= now][-1]
            if now >= run.start:
                state["started_at"] = isoformat(run.start)
        return {
            "id": record.id,
            "agent_id": record.agent_id,
            "organization_id": record.organization_id,
            **record.fields,
            "agent_version": record.agent_version,
            "created_at": isoformat(record.created_at),
            "status": status,
            "is_manually_stopped": False,
            **state,
        }

    def timeline(self, record: TaskRecord) -> list[Event]:
        """Every event of the current run, sent or still to come, in order of time (the record
        must hold its events: `TaskStore.get(..., with_events=True)`)."""
        t0, run = record.run_started_at, self._run(record)
        planned: list[tuple[float, str, Any, Any]] = []
        if record.run == 1:
            planned += [(t0, "connected", None, None), (t0, "task_created", None, None)]
        else:
            planned.append((t0, "task_updated", None, None))
        # Each status the run enters is an update (task data is filled in below).
        planned += [(entered, "task_updated", None, None) for entered, _ in run.steps[1:]]
        prompt = (record.fields.get("input") or {}).get("text") or ""
        if UNKNOWN_EVENT_MARKER in prompt:
            note = {"note": "an event type no client knows"}
            planned.append((run.start, UNKNOWN_EVENT_TYPE, note, None))
        # The run's own events, spread evenly over its execution.
        step = (run.end - run.start) / (len(run.events) + 1)
        planned += [
            (run.start + step * (index + 1), kind, data, identity)
            for index, (kind, data, identity) in enumerate(run.events)
        ]
        planned.append((run.end, "task_finished", None, None))
        planned = [
            (time, kind, self.task_at(record, time) if kind in _TASK_EVENTS else data, identity)
            for time, kind, data, identity in planned
        ]
        if record.frozen_at is not None:
            # What the run would have done after a change by hand never happens.
            planned = [event for event in planned if event[0] < record.frozen_at]
            # Each change is stored as the fields it set: the task it showed is replayed.
            task = self._run_state(record, record.frozen_at)
            for time, kind, fields in record.events:
                task = {**task, **fields}
                planned.append((time, kind, task, None))
        return [
            Event(
                record.event_base + index,
                time,
                kind,
                self.task_shape.complete(data) if kind in _TASK_EVENTS else data,
                identity,
            )
            for index, (time, kind, data, identity) in enumerate(planned, start=1)
        ]

    def sent_by(self, record: TaskRecord, now: float) -> list[Event]:
        """The events of the current run that are due at `now`."""
        return [event for event in self.timeline(record) if event.time <= now]

    def restart(self, record: TaskRecord, now: float) -> None:
        """Start a new run of the task at `now`; its event ids follow those already sent (the
        record must hold its events)."""
        record.event_base += len(self.sent_by(record, now))
        record.run += 1
        record.run_started_at = now
        record.frozen_at = None
        record.overrides = {}
        record.events, record.unsaved = [], []

    def updated_at(self, record: TaskRecord, now: float) -> float:
        """When the task last changed, as of `now`: its latest event so far, else its creation."""
        return max([record.created_at, *(event.time for event in self.sent_by(record, now))])


def _freeze(record: TaskRecord, now: float, fields: dict[str, Any]) -> None:
    if record.frozen_at is None:
        record.frozen_at = now
    record.overrides.update(fields)


def _split(text: str, parts: int) -> list[str]:
    size = max(1, -(-len(text) // parts))
    return [text[i : i + size] for i in range(0, len(text), size)]
