"""Batch runs (`xpander-tasks batch`, `Tasks.abatch` / `batch`) against the local server:
every item created once and followed to its result, through crashes, rate limits and
failing tasks."""

from __future__ import annotations

import asyncio
import functools
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from batch_support import (
    AGENT,
    ASGIApp,
    answer,
    batch_through,
    forget,
    is_create,
    items_file,
    killed_while_sending,
    output_lines,
    run_args,
    server_environment,
)

from xpander_tasks import InvalidArgumentError, Tasks
from xpander_tasks import _batch as batch_module
from xpander_tasks._batch import Journal, RateGate, item_key
from xpander_tasks._cli import main
from xpander_tasks._retry import RetryPolicy
from xpander_tasks_server import LocalTaskServer


@pytest.fixture
def server(batch_server: LocalTaskServer) -> LocalTaskServer:
    return batch_server


# The whole run.


def test_500_items_complete_with_one_create_each(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 500)
    assert main(run_args(tmp_path, "--concurrency", "16")) == 0
    lines = output_lines(tmp_path / "out.jsonl")
    assert len(lines) == 500 and len({line["key"] for line in lines}) == 500
    assert {line["status"] for line in lines} == {"completed"}
    assert {line["result"] for line in lines} == {f"Completed: item {i}" for i in range(500)}
    assert server.counters.tasks_created == server.counters.create_requests == 500
    first = lines[0]
    assert set(first) == {"key", "task_id", "status", "result", "tokens", "duration", "error"}
    assert first["duration"] is not None and first["error"] is None
    err = capsys.readouterr().err
    assert "500 completed, 0 failed" in err and "created 500" in err
    # A rerun finds everything done: nothing is created or written again.
    assert main(run_args(tmp_path)) == 0
    assert len(output_lines(tmp_path / "out.jsonl")) == 500
    assert server.counters.create_requests == 500
    assert "500 done before" in capsys.readouterr().err
    assert main(["batch", "status", "--journal", str(tmp_path / "out.jsonl.journal")]) == 0
    assert "500 done" in capsys.readouterr().out


@pytest.mark.timeout(180)  # each rerun may wait out --settle for a create cut off by the kill
def test_killed_at_random_points_and_rerun_creates_each_item_once(
    server: LocalTaskServer, tmp_path: Path
) -> None:
    items = 500
    items_file(tmp_path / "in.jsonl", items)
    # The local server commits a create before it answers: a short wait for a late one.
    arguments = run_args(tmp_path, "--concurrency", "16", "--settle", "5")
    command = [sys.executable, "-m", "xpander_tasks", *arguments]
    environment = {**os.environ, **server_environment(server)}
    dice = random.Random(16)
    out = tmp_path / "out.jsonl"
    kills = 0
    for _ in range(12):  # three kills, then runs until done
        process = subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True)
        if kills < 3:
            # Kill once the run is busy: after a random share of the remaining creates.
            target = server.counters.create_requests + dice.randint(5, 120)
            deadline = time.monotonic() + 60
            while server.counters.create_requests < target and process.poll() is None:
                assert time.monotonic() < deadline, "the batch made no progress"
                time.sleep(0.002)
            process.send_signal(signal.SIGKILL)
            kills += 1
        _, err = process.communicate(timeout=120)
        if process.returncode == 0:
            break
        assert process.returncode == -signal.SIGKILL, err
    else:
        pytest.fail("the batch did not finish")
    assert kills == 3
    lines = output_lines(out)
    assert len(lines) == items and len({line["key"] for line in lines}) == items
    assert {line["status"] for line in lines} == {"completed"}
    # Exactly one task per item; a request cut off by a kill reached the route but created
    # nothing, and the reruns reconciled through the list.
    assert server.counters.tasks_created == items
    assert server.counters.requests["list_tasks"] >= 1
    assert len({line["task_id"] for line in lines}) == items


def test_rate_limited_creates_slow_the_whole_batch_and_none_fails(tmp_path: Path) -> None:
    """A server that admits 150 creates a second (a token bucket) and answers the rest 429
    with Retry-After: every item completes, none twice, and the batch slowed down."""
    rejected = 0
    tokens, refilled = 5.0, time.monotonic()

    def limited(app: ASGIApp) -> ASGIApp:
        async def serve(scope: Any, receive: Any, send: Any) -> None:
            nonlocal rejected, tokens, refilled
            if is_create(scope):
                now = time.monotonic()
                tokens, refilled = min(5.0, tokens + (now - refilled) * 150), now
                if tokens < 1:
                    rejected += 1
                    await answer(send, 429, {"retry-after": "0.2"})
                    return
                tokens -= 1
            await app(scope, receive, send)

        return serve

    items = ({"prompt": f"item {i}"} for i in range(300))
    outcomes, server = batch_through(limited, items, concurrency=32, journal=tmp_path / "journal")
    assert len(outcomes) == 300 and {o.status for o in outcomes} == {"completed"}
    assert server.counters.tasks_created == 300
    assert rejected > 0  # the limit was met ...
    assert rejected < 300  # ... and the batch slowed down rather than hammering it
    journal = Journal(tmp_path / "journal")
    assert journal.counts() == {"done": 300}
    journal.close()


def test_a_retry_after_past_the_cap_pauses_the_batch_for_the_cap_only(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A create answered 429 with Retry-After: 3600 pauses the batch for the client's cap
    (60 s; 0.3 s here), not an hour; then the item is sent again and created once."""
    monkeypatch.setattr(
        batch_module, "RetryPolicy", functools.partial(RetryPolicy, max_retry_after=0.3)
    )
    creates = 0

    def limited(app: ASGIApp) -> ASGIApp:
        async def serve(scope: Any, receive: Any, send: Any) -> None:
            nonlocal creates
            if is_create(scope):
                creates += 1
                if creates == 1:
                    await answer(send, 429, {"retry-after": "3600"})
                    return
            await app(scope, receive, send)

        return serve

    started = time.monotonic()
    outcomes, server = batch_through(
        limited, [{"prompt": "first"}, {"prompt": "second"}], concurrency=1
    )
    assert time.monotonic() - started >= 0.3  # the pause was held (the test's timeout bounds it)
    assert [outcome.status for outcome in outcomes] == ["completed", "completed"]
    assert creates == 3 and server.counters.tasks_created == 2


def test_failing_tasks_carry_their_failure() -> None:
    """Tasks titled "fail" are set `failed` by a helper as soon as they appear."""
    stop = threading.Event()

    def fail_them() -> None:
        with Tasks(server.api_key, base_url=server.url) as admin:
            while not stop.is_set():
                for item in admin.list(AGENT):
                    running = item.status.value in {"pending", "executing"}
                    if running and item.title and item.title.startswith("fail"):
                        admin.update(item.id, status="failed", result="the agent gave up")
                time.sleep(0.02)

    server = LocalTaskServer(step_delay=1.0).start()  # 2 s for the helper to fail a task
    helper = threading.Thread(target=fail_them, daemon=True)
    helper.start()
    try:
        items = [{"prompt": f"p{i}", "title": "fail" if i % 4 == 0 else "ok"} for i in range(12)]

        async def run() -> list[Any]:
            async with Tasks(server.api_key, base_url=server.url) as tasks:
                return [
                    outcome
                    async for outcome in tasks.abatch(items, agent_id=AGENT, poll_interval=0.05)
                ]

        outcomes = asyncio.run(asyncio.wait_for(run(), 60))
    finally:
        stop.set()
        helper.join(10)
        server.stop()
    by_line = {outcome.line: outcome for outcome in outcomes}
    assert len(by_line) == 12
    for line, outcome in by_line.items():
        if (line - 1) % 4 == 0:
            assert outcome.status == "failed" and outcome.result == "the agent gave up"
            assert outcome.error["description"] == "the task ended failed"
        else:
            assert outcome.status == "completed" and outcome.error is None
    assert server.counters.tasks_created == 12


async def test_streaming_items_are_followed_by_their_events(server: LocalTaskServer) -> None:
    items = [{"prompt": f"s{i}", "events_streaming": True} for i in range(10)]
    async with asyncio.timeout(60), Tasks(server.api_key, base_url=server.url) as tasks:
        outcomes = [o async for o in tasks.abatch(items, agent_id=AGENT, max_following=4)]
    assert sorted(o.result or "" for o in outcomes) == sorted(f"Completed: s{i}" for i in range(10))
    assert server.counters.event_streams == 10
    assert server.counters.tasks_created == 10


# Reconciliation: creates that may have reached the server without an answer.


def test_a_create_answered_500_after_acting_is_adopted_not_resent(tmp_path: Path) -> None:
    """The server creates the task, then the answer is lost (500): the batch finds the task
    in the agent's list by its title marker and follows it; nothing is sent twice."""
    lost = 0

    def loses_answers(app: ASGIApp) -> ASGIApp:
        async def serve(scope: Any, receive: Any, send: Any) -> None:
            nonlocal lost
            if is_create(scope) and lost < 3:
                lost += 1

                async def swallow(message: Any) -> None:
                    pass

                await app(scope, receive, swallow)  # acted on ...
                await answer(send, 500, {})  # ... but the answer says otherwise
                return
            await app(scope, receive, send)

        return serve

    items = [{"prompt": f"item {i}"} for i in range(10)]
    outcomes, server = batch_through(loses_answers, items, settle=0)
    assert lost == 3
    assert {o.status for o in outcomes} == {"completed"} and len(outcomes) == 10
    assert server.counters.tasks_created == server.counters.create_requests == 10


def test_a_crash_between_send_and_answer_is_reconciled(
    server: LocalTaskServer, tmp_path: Path
) -> None:
    """Items the journal left `sending`: one was created (adopted by its title marker, its
    lost output line written again), one never left (sent now); nothing is created twice."""
    items_file(tmp_path / "in.jsonl", 3)
    assert main(run_args(tmp_path)) == 0
    out, journal = tmp_path / "out.jsonl", tmp_path / "out.jsonl.journal"
    lines = output_lines(out)
    created = lines[0]
    forget(journal, created["key"], state="sending", task_id=None, outcome=None)
    out.write_text("".join(json.dumps(line) + "\n" for line in lines[1:]))
    killed_while_sending(journal, 4, {"prompt": "item 3"})
    items_file(tmp_path / "in.jsonl", 4)
    assert main(run_args(tmp_path)) == 0
    again = {line["key"]: line for line in output_lines(out)}
    assert len(again) == 4
    assert again[created["key"]]["task_id"] == created["task_id"]  # adopted, not re-sent
    assert again[item_key({"prompt": "item 3"})]["status"] == "completed"  # sent now
    assert server.counters.tasks_created == server.counters.create_requests == 4


def test_undecidable_items_are_uncertain_until_resent_on_request(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """When the list misses a task the journal knows (so it may be cut short), an item with
    no answer is not re-sent; `--resend-uncertain` sends it."""
    items_file(tmp_path / "in.jsonl", 2)
    assert main(run_args(tmp_path)) == 0
    journal = tmp_path / "out.jsonl.journal"
    forget(journal, output_lines(tmp_path / "out.jsonl")[0]["key"], task_id="not-listed")
    killed_while_sending(journal, 3, {"prompt": "item 2"})
    items_file(tmp_path / "in.jsonl", 3)
    capsys.readouterr()
    assert main(run_args(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "line 3 (key" in err and "--resend-uncertain" in err and "1 uncertain" in err
    assert server.counters.create_requests == 2
    assert main(["--json", "batch", "status", "--journal", str(journal)]) == 0
    status = json.loads(capsys.readouterr().out)
    assert status["states"] == {"done": 2, "uncertain": 1}
    assert status["uncertain"] == [{"key": item_key({"prompt": "item 2"}), "line": 3}]
    assert main(run_args(tmp_path)) == 1  # still not re-sent without asking
    assert main(run_args(tmp_path, "--resend-uncertain")) == 0
    assert server.counters.create_requests == 3
    assert len(output_lines(tmp_path / "out.jsonl")) == 3


# Input, output and usage.


def test_bad_lines_are_reported_by_number_and_skipped(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "in.jsonl").write_text(
        "\n".join([
            json.dumps({"prompt": "good", "key": "a"}),
            "{not json",
            "[1, 2]",
            json.dumps({"prompt": 7}),
            json.dumps({"promt": "typo"}),
            json.dumps({"prompt": "x", "agent_id": "other"}),
            json.dumps({"prompt": "again", "key": "a"}),
            "",
            json.dumps({"prompt": "good too"}),
        ]) + "\n"
    )  # fmt: skip
    assert main(run_args(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "line 2: not JSON" in err and "line 3: not a JSON object" in err
    assert "line 4: prompt: must be a string" in err
    assert "line 5: create got an unexpected keyword argument 'promt'" in err
    assert "line 6: agent_id: set by the batch" in err
    assert "line 7: key 'a' was used by line 1 with other parameters" in err
    assert "6 bad lines" in err
    assert len(output_lines(tmp_path / "out.jsonl")) == 2
    assert server.counters.create_requests == 2


def test_a_torn_output_line_is_cut_and_recorded_lines_are_written_again(
    server: LocalTaskServer, tmp_path: Path
) -> None:
    items_file(tmp_path / "in.jsonl", 5)
    assert main(run_args(tmp_path)) == 0
    out = tmp_path / "out.jsonl"
    whole = out.read_text().splitlines(keepends=True)
    out.write_text("".join(whole[:2]) + whole[2][:20])  # a crash mid-line, lines lost
    assert main(run_args(tmp_path)) == 0
    assert sorted(output_lines(out), key=str) == sorted(map(json.loads, whole), key=str)
    assert server.counters.create_requests == 5


@pytest.mark.parametrize(
    "options",
    [
        {"timeout": -1.0},
        {"timeout": 1e300},
        {"poll_interval": float("nan")},
        {"concurrency": "4"},
        {"max_following": 0},
    ],
    ids=["negative-timeout", "huge-timeout", "nan-poll", "text-concurrency", "no-following"],
)
def test_bad_batch_options_are_refused_before_anything_is_created(
    server: LocalTaskServer, options: dict[str, Any]
) -> None:
    with Tasks(server.api_key, base_url=server.url) as tasks:
        for start in (tasks.batch, tasks.abatch):
            with pytest.raises(InvalidArgumentError) as caught:
                start([{"prompt": "x"}], agent_id=AGENT, **options)
            assert caught.value.parameter == next(iter(options))
    assert server.counters.tasks_created == 0


def test_usage_errors_are_clear(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 1)
    assert main(run_args(tmp_path)) == 0
    arguments = run_args(tmp_path)
    arguments[arguments.index(AGENT)] = "agent-other"
    assert main(arguments) == 1  # a journal belongs to one agent
    assert "belongs to a batch for agent 'agent-123'" in capsys.readouterr().err
    assert main(["batch", "status", "--journal", str(tmp_path / "missing")]) == 1
    assert f"no journal at {tmp_path / 'missing'}" in capsys.readouterr().err
    missing = ["batch", "run", str(tmp_path / "none.jsonl"), "--agent-id", AGENT, "--out", "o"]
    assert main(missing) == 2
    assert "no input file at" in capsys.readouterr().err
    assert main(run_args(tmp_path, "--journal", str(tmp_path / "in.jsonl"))) == 2
    assert "the journal" in capsys.readouterr().err  # not a database
    nowhere = run_args(tmp_path)
    nowhere[nowhere.index("--out") + 1] = str(tmp_path / "no" / "out.jsonl")
    assert main(nowhere) == 2
    assert "cannot open the output" in capsys.readouterr().err
    seconds = "must be seconds > 0 and at most 31536000 (a year), not"
    refused = {
        ("--concurrency", "0"): "must be a whole number >= 1 and <= 10000, not 0",
        ("--timeout", "-1"): f"{seconds} -1.0",
        ("--timeout", "1e10"): f"{seconds} 10000000000.0",
        ("--poll-interval", "nan"): f"{seconds} nan",
    }
    for (option, value), problem in refused.items():
        with pytest.raises(SystemExit) as exited:
            main(run_args(tmp_path, option, value))
        assert exited.value.code == 2
        assert f"argument {option}: {problem}" in capsys.readouterr().err
    assert server.counters.create_requests == 1


def test_ctrl_c_stops_creating_and_says_how_to_resume(
    server: LocalTaskServer, tmp_path: Path
) -> None:
    items_file(tmp_path / "in.jsonl", 150)
    command = [sys.executable, "-m", "xpander_tasks", *run_args(tmp_path, "--concurrency", "4")]
    environment = {**os.environ, **server_environment(server)}
    process = subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while server.counters.create_requests < 20:
        assert time.monotonic() < deadline and process.poll() is None
        time.sleep(0.005)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert (
        "stopping: no new tasks" in err
        and "interrupted; resume with: xpander-tasks batch run" in err
    )
    assert server.counters.create_requests < 150
    journal = Journal(tmp_path / "out.jsonl.journal")
    assert "sending" not in journal.counts()  # creates in flight finished and were journaled
    journal.close()
    assert main(run_args(tmp_path)) == 0
    assert len(output_lines(tmp_path / "out.jsonl")) == 150
    assert server.counters.tasks_created == server.counters.create_requests == 150


# The gate.


async def test_the_gate_halves_on_throttling_pauses_everyone_and_grows_back() -> None:
    gate = RateGate(8)
    await gate.acquire()
    await gate.acquire()
    await gate.release(throttled_for=0.2)
    assert gate.window == 4
    await gate.release(throttled_for=0.2)  # throttled in the same pause: not halved again
    assert gate.window == 4
    started = time.monotonic()
    await gate.acquire()  # waits out the pause
    assert time.monotonic() - started >= 0.15
    await gate.release()
    assert 4 < gate.window < 5
    for _ in range(200):
        await gate.acquire()
        await gate.release()
    assert gate.window == 8
    holders = [asyncio.ensure_future(gate.acquire()) for _ in range(9)]
    await asyncio.sleep(0.05)
    assert sum(h.done() for h in holders) == 8  # the window bounds creates in flight
    await gate.release()
    await asyncio.wait_for(asyncio.gather(*holders), 5)
