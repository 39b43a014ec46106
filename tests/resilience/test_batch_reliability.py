"""Batch runs that never create twice, whatever the operator or the backend does: one run per
journal, late commits, lists past the size cap, bad input bytes, unsafe outputs, foreign or
damaged journals, and counts past what memory holds."""

from __future__ import annotations

import asyncio
import errno
import hashlib
import json
import os
import sqlite3
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
    serve_through,
    server_environment,
)

from xpander_tasks import InvalidArgumentError, Tasks
from xpander_tasks._batch_cli import Output
from xpander_tasks._cli import main
from xpander_tasks._config import MAX_CONCURRENCY
from xpander_tasks_server import LocalTaskServer


@pytest.fixture
def server(batch_server: LocalTaskServer) -> LocalTaskServer:
    return batch_server


def _is_list(scope: Any) -> bool:
    return bool(scope["type"] == "http" and "/executions/history/" in scope["path"])


async def _request_body(receive: Any) -> bytes:
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            return body


def _replay(body: bytes) -> Any:
    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    return receive


async def _swallow(message: Any) -> None:
    pass


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# One run per journal.


@pytest.mark.timeout(180)
def test_two_runs_on_one_journal_create_each_item_once_and_the_second_is_refused(
    tmp_path: Path,
) -> None:
    """Both started at once: one holds the journal (its creates are held past the fifth, so
    it is still running whatever the load); the other says who holds it and exits 2."""
    release = threading.Event()
    creates = 0

    def holds_creates(app: ASGIApp) -> ASGIApp:
        async def serve(scope: Any, receive: Any, send: Any) -> None:
            nonlocal creates
            if is_create(scope):
                creates += 1
                while creates > 5 and not release.is_set():  # noqa: ASYNC110  (a thread's)
                    await asyncio.sleep(0.01)
            await app(scope, receive, send)

        return serve

    items = 40
    items_file(tmp_path / "in.jsonl", items)
    server = serve_through(holds_creates)
    try:
        command = [sys.executable, "-m", "xpander_tasks", *run_args(tmp_path)]
        environment = {**os.environ, **server_environment(server)}
        runs = [
            subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        deadline = time.monotonic() + 120
        while all(run.poll() is None for run in runs):
            assert time.monotonic() < deadline, "neither run was refused"
            time.sleep(0.02)
        refused = next(run for run in runs if run.poll() is not None)
        holder = next(run for run in runs if run is not refused)
        _, err = refused.communicate(timeout=60)
        assert refused.returncode == 2, err
        assert "is in use by another batch run (pid" in err
        assert holder.poll() is None  # still running: it held the journal all along
        journal = str(tmp_path / "out.jsonl.journal")
        assert main(["batch", "status", "--journal", journal]) == 0  # reads, takes no lock
        release.set()
        _, err = holder.communicate(timeout=120)
        assert holder.returncode == 0, err
    finally:
        release.set()
        server.stop()
    lines = output_lines(tmp_path / "out.jsonl")
    assert len(lines) == items and len({line["key"] for line in lines}) == items
    assert server.counters.tasks_created == server.counters.create_requests == items


# Late commits and lists the client cannot read.


@pytest.mark.timeout(120)
def test_a_gateway_504_whose_backend_commits_late_is_adopted_not_resent() -> None:
    """A gateway holds each create 9 s and answers 504; its backend commits the task 5 s
    later. The batch waits `settle` (12 s) from the 504 before deciding: the task is found."""

    def late_gateway(app: ASGIApp) -> ASGIApp:
        async def serve(scope: Any, receive: Any, send: Any) -> None:
            if not is_create(scope):
                await app(scope, receive, send)
                return
            body = await _request_body(receive)
            await asyncio.sleep(9)
            await answer(send, 504, {})

            async def commit() -> None:
                await asyncio.sleep(5)
                await app(scope, _replay(body), _swallow)

            commits.append(asyncio.ensure_future(commit()))

        return serve

    commits: list[asyncio.Future[None]] = []
    items = [{"prompt": f"item {i}"} for i in range(3)]
    outcomes, server = batch_through(late_gateway, items, settle=12)
    assert len(commits) == 3
    assert [o.status for o in outcomes] == ["completed"] * 3
    assert server.counters.tasks_created == server.counters.create_requests == 3


def _list_too_large(app: ASGIApp) -> ASGIApp:
    async def serve(scope: Any, receive: Any, send: Any) -> None:
        if not _is_list(scope):
            await app(scope, receive, send)
            return
        body = json.dumps([{"id": "t", "title": "x" * (11 << 20)}]).encode()
        headers = [(b"content-type", b"application/json")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": body})

    return serve


def test_a_list_past_the_size_cap_leaves_the_item_uncertain_and_the_rest_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A crash left an item between send and answer; the agent's list is past the client's
    10 MiB cap. The item stays uncertain (said why), every other item runs, nothing twice."""
    server = serve_through(_list_too_large)
    try:
        for name, value in server_environment(server).items():
            monkeypatch.setenv(name, value)
        items_file(tmp_path / "in.jsonl", 5)
        journal = tmp_path / "out.jsonl.journal"
        killed_while_sending(journal, 1, {"prompt": "item 0"})
        assert main(run_args(tmp_path, "--settle", "1")) == 1
        err = capsys.readouterr().err
        assert "line 1 (key" in err and "too large" in err and "1 uncertain" in err
        lines = output_lines(tmp_path / "out.jsonl")
        assert len(lines) == 4 and {line["status"] for line in lines} == {"completed"}
        # A rerun is not blocked either: the item is still uncertain, nothing is sent.
        assert main(run_args(tmp_path, "--settle", "1")) == 1
        assert "1 uncertain" in capsys.readouterr().err
    finally:
        server.stop()
    assert server.counters.create_requests == 4


def test_an_item_still_unlisted_after_the_settle_wait_is_sent_once(
    server: LocalTaskServer, tmp_path: Path
) -> None:
    """A create cut off before it reached the server: absent from a complete list asked for
    after the wait, it was not created, and is sent (once)."""
    items_file(tmp_path / "in.jsonl", 2)
    killed_while_sending(tmp_path / "out.jsonl.journal", 1, {"prompt": "item 0"})
    forget(tmp_path / "out.jsonl.journal", _key(0), sent_at=time.time())  # just now
    started = time.monotonic()
    assert main(run_args(tmp_path, "--settle", "1.5")) == 0
    assert time.monotonic() - started >= 1.5  # it waited for a late commit first
    assert server.counters.tasks_created == server.counters.create_requests == 2


def _key(index: int) -> str:
    from xpander_tasks._batch import item_key

    return item_key({"prompt": f"item {index}"})


# Input.


def test_a_line_that_is_not_utf8_is_reported_and_the_rest_run(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps({"prompt": f"item {i}"}).encode() for i in range(6)]
    lines[2] = b'{"prompt": "caf\xe9"}'
    (tmp_path / "in.jsonl").write_bytes(b"\n".join(lines) + b"\n")
    assert main(run_args(tmp_path)) == 1
    err = capsys.readouterr().err
    assert "line 3: not UTF-8 (byte 16); skipped" in err and "Traceback" not in err
    assert len(output_lines(tmp_path / "out.jsonl")) == 5
    assert main(run_args(tmp_path)) == 1  # a rerun goes past it again
    assert server.counters.create_requests == 5


# The output.


def test_unsafe_outputs_are_refused_at_start_and_left_unchanged(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = items_file(tmp_path / "in.jsonl", 3)
    before = _digest(source)
    arguments = run_args(tmp_path)
    out = arguments.index("--out") + 1

    def run(target: str, *more: str) -> int:
        return main([*arguments[:out], target, *arguments[out + 1 :], *more])

    assert run(str(source)) == 2
    assert "is the input file" in capsys.readouterr().err
    assert run(str(tmp_path / "results"), "--journal", str(source)) == 2
    assert "is the input file" in capsys.readouterr().err
    assert run("/dev/full") == 2
    assert "/dev/full is not a regular file" in capsys.readouterr().err
    mine = tmp_path / "mine.txt"
    mine.write_text("my notes\nlast line, no newline")
    assert run(str(mine)) == 2
    assert "exists and this batch did not write it" in capsys.readouterr().err
    assert mine.read_text() == "my notes\nlast line, no newline"
    assert _digest(source) == before
    assert server.counters.create_requests == 0
    # --append adds whole lines after what is there; --force replaces it.
    assert run(str(mine), "--append") == 0
    text = mine.read_text()
    assert text.startswith("my notes\nlast line, no newline\n{")
    assert len(text.splitlines()) == 5
    other = tmp_path / "other.txt"
    other.write_text("old\n")
    assert run(str(other), "--force", "--journal", f"{mine}.journal") == 0
    assert len(output_lines(other)) == 3  # rebuilt from the journal: nothing created again
    assert server.counters.create_requests == 3


def test_a_full_disk_is_reported_and_leaves_whole_lines_for_the_rerun(
    server: LocalTaskServer,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The disk fills in the middle of a line: the part written is taken back, the batch
    stops with one line, and the rerun writes what the journal recorded."""
    items_file(tmp_path / "in.jsonl", 6)
    real_write = os.write
    room = [400]

    def filling_write(fd: int, data: bytes) -> int:
        if fd <= 2:
            return real_write(fd, data)
        if room[0] <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        written = real_write(fd, data[: room[0]])
        room[0] -= written
        return written

    monkeypatch.setattr(os, "write", filling_write)
    assert main(run_args(tmp_path)) == 1
    monkeypatch.setattr(os, "write", real_write)
    err = capsys.readouterr().err
    assert "cannot write to" in err and "No space left on device" in err
    assert "Traceback" not in err
    written = output_lines(tmp_path / "out.jsonl")  # whole lines only
    assert 0 < len(written) < 6
    assert main(run_args(tmp_path)) == 0
    assert len(output_lines(tmp_path / "out.jsonl")) == 6
    assert server.counters.tasks_created == server.counters.create_requests == 6


def test_an_output_line_is_written_even_with_a_lone_surrogate(tmp_path: Path) -> None:
    from xpander_tasks._batch import BatchOutcome

    output = Output(tmp_path / "out.jsonl")
    output.prepare(resume=False, replace=False)
    output.write(BatchOutcome("k", 1, "completed", "t", "\ud800"))
    output.close()
    assert output_lines(tmp_path / "out.jsonl")[0]["result"] == "\ud800"


# Journals.


def test_another_apps_database_and_a_corrupt_file_are_refused_unchanged(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 2)
    foreign = tmp_path / "app.db"
    db = sqlite3.connect(foreign)
    db.execute("CREATE TABLE people (name TEXT)")
    db.execute("INSERT INTO people VALUES ('ada')")
    db.commit()
    db.close()
    corrupt = tmp_path / "corrupt.journal"
    corrupt.write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    for path in (foreign, corrupt):
        before = _digest(path)
        assert main(run_args(tmp_path, "--journal", str(path))) == 2
        err = capsys.readouterr().err
        assert "it was left as it is" in err and len(err.strip().splitlines()) == 1
        assert main(["batch", "status", "--journal", str(path)]) == 2
        err = capsys.readouterr().err
        assert "left as it is" in err and "Traceback" not in err
        assert _digest(path) == before
        assert not Path(f"{path}-wal").exists()
    db = sqlite3.connect(foreign)
    assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)
    assert [name for (name,) in db.execute("SELECT name FROM sqlite_master")] == ["people"]
    db.close()
    assert server.counters.create_requests == 0


def test_an_unreadable_done_row_is_followed_again_not_created_again(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 3)
    assert main(run_args(tmp_path)) == 0
    out = tmp_path / "out.jsonl"
    lines = output_lines(out)
    out.write_text("".join(json.dumps(line) + "\n" for line in lines[1:]))
    forget(tmp_path / "out.jsonl.journal", lines[0]["key"], outcome='{"broken')
    capsys.readouterr()
    assert main(run_args(tmp_path)) == 0
    assert "its recorded result is unreadable" in capsys.readouterr().err
    again = {line["key"]: line for line in output_lines(out)}
    assert again[lines[0]["key"]]["task_id"] == lines[0]["task_id"]
    assert server.counters.tasks_created == server.counters.create_requests == 3


def test_a_journal_knows_its_input_another_file_is_refused_an_edit_goes_on(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 2)
    assert main(run_args(tmp_path)) == 0
    other = items_file(tmp_path / "other.jsonl", 3, start=5)
    arguments = run_args(tmp_path)
    arguments[arguments.index(str(tmp_path / "in.jsonl"))] = str(other)
    capsys.readouterr()
    assert main(arguments) == 2
    assert "belongs to the batch of" in capsys.readouterr().err
    items_file(tmp_path / "in.jsonl", 3)  # the same input, a line added
    assert main(run_args(tmp_path)) == 0
    assert "the input changed since the last run" in capsys.readouterr().err
    assert main(run_args(tmp_path, "--journal", str(tmp_path / "out.jsonl"))) == 2
    assert "is the --out file" in capsys.readouterr().err
    assert len(output_lines(tmp_path / "out.jsonl")) == 3
    assert server.counters.create_requests == 3


def test_status_counts_the_lines_of_the_input_not_only_those_journaled(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [json.dumps({"prompt": f"item {i}"}) for i in range(13)] + ["{bad"] * 7
    (tmp_path / "in.jsonl").write_text("\n".join(lines) + "\n")
    assert main(run_args(tmp_path)) == 1
    capsys.readouterr()
    journal = str(tmp_path / "out.jsonl.journal")
    assert main(["batch", "status", "--journal", journal]) == 0
    text = capsys.readouterr().out
    assert ": 20 items from" in text and "13 done, 7 not journaled" in text
    assert main(["--json", "batch", "status", "--journal", journal]) == 0
    view = json.loads(capsys.readouterr().out)
    assert view["items"] == 20 and view["not_journaled"] == 7


# Counts.


def test_counts_past_what_memory_holds_are_refused(
    server: LocalTaskServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    items_file(tmp_path / "in.jsonl", 1)
    for option in ("--concurrency", "--max-following"):
        with pytest.raises(SystemExit) as exited:
            main(run_args(tmp_path, option, "1000000000000"))
        assert exited.value.code == 2
        expected = f"argument {option}: must be a whole number >= 1 and <= {MAX_CONCURRENCY}"
        assert expected in capsys.readouterr().err
    with pytest.raises(InvalidArgumentError):
        Tasks(server.api_key, base_url=server.url, max_concurrency=10**12)
    with Tasks(server.api_key, base_url=server.url) as tasks:
        for options in ({"concurrency": 10**12}, {"max_following": 10**12}, {"settle": -1}):
            with pytest.raises(InvalidArgumentError):
                tasks.batch([{"prompt": "x"}], agent_id=AGENT, **options)
    assert server.counters.create_requests == 0
