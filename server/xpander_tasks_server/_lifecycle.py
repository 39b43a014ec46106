"""A task's state and events at any moment, derived from its record: no background work to leak.

A run is `pending` for one step, `executing` for one more, then `completed` with a result
derived from the prompt.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from xpander_tasks_server._store import TaskRecord

UNKNOWN_EVENT_MARKER = "#mystery"
"""A prompt containing this makes the task's stream carry an event of a type no client knows."""
UNKNOWN_EVENT_TYPE = "mystery_event"
_CHUNKS = 3


@dataclass(frozen=True)
class Event:
    """One event of a task's stream; `id` counts up across the task's runs."""

    id: int
    time: float
    type: str
    data: Any

    def to_json(self, record: TaskRecord) -> dict[str, Any]:
        """The event as the spec's `TaskEvent`."""
        return {
            "type": self.type,
            "task_id": record.id,
            "organization_id": record.organization_id,
            "time": isoformat(self.time),
            "data": self.data,
        }


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


def task_at(record: TaskRecord, now: float) -> dict[str, Any]:
    """The spec's `Task` as it stands at `now`: every request field plus the derived state."""
    start = record.run_started_at + record.step_delay
    end = start + record.step_delay
    state: dict[str, Any] = {"started_at": None, "finished_at": None, "result": None}
    if now >= end:
        status = "completed"
        state.update(started_at=isoformat(start), finished_at=isoformat(end))
        state["result"] = result_of(record)
    elif now >= start:
        status = "executing"
        state["started_at"] = isoformat(start)
    else:
        status = "pending"
    return {
        "id": record.id,
        "agent_id": record.agent_id,
        "organization_id": record.organization_id,
        **record.fields,
        "agent_version": record.agent_version,
        "created_at": isoformat(record.created_at),
        "status": status,
        **state,
        "is_manually_stopped": False,
    }


def timeline(record: TaskRecord) -> list[Event]:
    """Every event of the current run, sent or still to come, in order of time."""
    t0, step = record.run_started_at, record.step_delay
    end = t0 + 2 * step
    planned: list[tuple[float, str, Any]] = []
    if record.run == 1:
        planned += [(t0, "connected", None), (t0, "task_created", task_at(record, t0))]
    else:
        planned.append((t0, "task_updated", task_at(record, t0)))
    planned.append((t0 + step, "task_updated", task_at(record, t0 + step)))
    prompt = (record.fields.get("input") or {}).get("text") or ""
    if UNKNOWN_EVENT_MARKER in prompt:
        planned.append((t0 + step, UNKNOWN_EVENT_TYPE, {"note": "an event type no client knows"}))
    pieces = _split(result_of(record), _CHUNKS)
    planned += [
        (t0 + step + step * (index + 1) / (len(pieces) + 1), "chunk", piece)
        for index, piece in enumerate(pieces)
    ]
    planned.append((end, "task_finished", task_at(record, end)))
    return [
        Event(record.event_base + index, time, kind, data)
        for index, (time, kind, data) in enumerate(planned, start=1)
    ]


def sent_by(record: TaskRecord, now: float) -> list[Event]:
    """The events of the current run that are due at `now`."""
    return [event for event in timeline(record) if event.time <= now]


def _split(text: str, parts: int) -> list[str]:
    size = max(1, -(-len(text) // parts))
    return [text[i : i + size] for i in range(0, len(text), size)]
