"""The local task server's Server-Sent Events: order, content, resuming and the test hooks."""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from support import TaskServerFactory, client_for, read_events

from xpander_tasks_server import (
    UNKNOWN_EVENT_MARKER,
    UNKNOWN_EVENT_TYPE,
    LocalTaskServer,
    load_spec,
)

SPEC = load_spec()
CREATE = "/agent-execution/agent-123"


def create(client: httpx.Client, **body: Any) -> str:
    response = client.post(CREATE, json={"events_streaming": True, **body})
    assert response.status_code == 200, response.text
    task_id: str = response.json()["id"]
    return task_id


def test_a_stream_follows_the_task_to_its_end(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        task_id = create(client, input={"text": "sum up the report"})
        events = read_events(task_server, client, task_id)
        final = client.get(f"/agent-execution/{task_id}/status").json()
    ids = [event_id for event_id, _ in events]
    assert ids == list(range(1, len(events) + 1))
    types = [event["type"] for _, event in events]
    chunks = types.count("chunk")
    assert chunks >= 1
    assert types == [
        "connected",
        "task_created",
        "task_updated",
        *["chunk"] * chunks,
        "task_finished",
    ]
    data = [event["data"] for _, event in events]
    assert (data[1]["status"], data[2]["status"]) == ("pending", "executing")
    assert "".join(data[3 : 3 + chunks]) == final["result"] == "Completed: sum up the report"
    assert data[-1] == final
    times = [event["time"] for _, event in events]
    assert times == sorted(times)
    assert task_server.counters.event_streams == 1


def test_last_event_id_resumes_after_it(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        task_id = create(client)
        everything = read_events(task_server, client, task_id)
        assert read_events(task_server, client, task_id, last_event_id=3) == everything[3:]
        assert read_events(task_server, client, task_id, last_event_id=len(everything)) == []


def test_the_first_stream_drops_once_after_k_events(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(drop_stream_after=2)
    with client_for(server) as client:
        task_id = create(client)
        dropped = read_events(server, client, task_id)
        assert [event["type"] for _, event in dropped] == ["connected", "task_created"]
        rest = read_events(server, client, task_id, last_event_id=dropped[-1][0])
        assert rest[0][0] == 3 and rest[-1][1]["type"] == "task_finished"
        assert read_events(server, client, task_id) == dropped + rest


def test_a_marked_prompt_brings_an_unknown_event_type(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        task_id = create(client, input={"text": f"surprise me {UNKNOWN_EVENT_MARKER}"})
        types = [event["type"] for _, event in read_events(task_server, client, task_id)]
    assert types[3] == UNKNOWN_EVENT_TYPE
    assert UNKNOWN_EVENT_TYPE not in SPEC.document["components"]["schemas"]["TaskEventType"]["enum"]


def test_a_continued_task_streams_on_with_higher_ids(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        task_id = create(client)
        first = read_events(task_server, client, task_id)
        create(client, id=task_id, input={"text": "again"})
        second = read_events(task_server, client, task_id, last_event_id=first[-1][0])
    assert second[0][0] == first[-1][0] + 1
    assert second[0][1]["type"] == "task_updated" and second[0][1]["data"]["status"] == "pending"
    assert second[-1][1]["data"]["result"] == "Completed: again"


@pytest.mark.parametrize("last_event_id", ["", "abc", "-4"])
def test_a_bad_last_event_id_means_from_the_start(
    task_server: LocalTaskServer, last_event_id: str
) -> None:
    with client_for(task_server) as client:
        task_id = create(client)
        url = f"{task_server.events_root}/agent-execution/{task_id}/events"
        response = client.get(url, headers={"Last-Event-ID": last_event_id})
    assert response.text.startswith("id: 1\n")


def test_events_need_a_streaming_task_of_the_organization(task_server: LocalTaskServer) -> None:
    with client_for(task_server) as client:
        plain = create(client, events_streaming=False)
        streaming = create(client)
        url = "/{}/agent-execution/{}/events"
        refused = client.get(url.format(task_server.organization_id, plain))
        assert refused.status_code == 400
        assert refused.json()["detail"].startswith("events_streaming")
        for org, task_id in [("other-org", streaming), (task_server.organization_id, "nope")]:
            missing = client.get(url.format(org, task_id))
            assert (missing.status_code, missing.json()) == (404, {"detail": "Task not found"})


def test_stop_ends_an_open_stream_with_task_finished(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(step_delay=30)
    with client_for(server) as client, ThreadPoolExecutor(1) as pool:
        task_id = create(client)
        reading = pool.submit(read_events, server, client, task_id)
        # The stream is open once the server counted it and sent what was due.
        deadline = time.monotonic() + 10
        while server.counters.event_streams == 0 and time.monotonic() < deadline:
            time.sleep(0.01)
        stopped = client.delete(f"/agent-execution/{task_id}").json()
        events = reading.result(timeout=10)
    assert [event["type"] for _, event in events] == ["connected", "task_created", "task_finished"]
    assert events[-1][1]["data"] == stopped
    assert (stopped["status"], stopped["is_manually_stopped"]) == ("stopped", True)


def test_updates_stream_task_updated_and_a_final_status_ends_it(
    make_task_server: TaskServerFactory,
) -> None:
    server = make_task_server(step_delay=30)
    with client_for(server) as client:
        task_id = create(client)
        update = f"/agent-execution/{task_id}/update"
        client.patch(update, json={"result": "half way"})
        done = client.patch(update, json={"status": "completed"}).json()
        events = read_events(server, client, task_id)
    types = [event["type"] for _, event in events]
    assert types == ["connected", "task_created", "task_updated", "task_updated", "task_finished"]
    assert events[2][1]["data"]["result"] == "half way"
    assert events[2][1]["data"]["status"] == "pending"
    assert events[3][1]["data"] == events[4][1]["data"] == done
    assert [event_id for event_id, _ in events] == [1, 2, 3, 4, 5]


def test_a_task_paused_after_its_stop_streams_both(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(step_delay=30)
    with client_for(server) as client:
        task_id = create(client)
        client.delete(f"/agent-execution/{task_id}")
        paused = client.patch(f"/agent-execution/{task_id}/update", json={"status": "paused"})
        events = read_events(server, client, task_id)
    assert [event["type"] for _, event in events][-2:] == ["task_finished", "task_updated"]
    assert events[-1][1]["data"] == paused.json()
    assert (paused.json()["status"], paused.json()["is_manually_stopped"]) == ("paused", True)
