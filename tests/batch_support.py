"""Helpers of the batch tests (`integration/test_batch.py`, `resilience/test_batch_reliability.py`):
input and output files, the CLI's arguments, and local servers wrapped by scripted faults."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Awaitable, Callable, Iterable, MutableMapping
from pathlib import Path
from typing import Any

from xpander_tasks import Tasks
from xpander_tasks._batch import BatchOutcome, Journal, item_digest, item_key
from xpander_tasks_server import LocalTaskServer

AGENT = "agent-123"
STEP_DELAY = 0.01
ASGIApp = Callable[..., Awaitable[None]]


def items_file(path: Path, count: int, start: int = 0) -> Path:
    path.write_text(
        "".join(json.dumps({"prompt": f"item {i}"}) + "\n" for i in range(start, count))
    )
    return path


def output_lines(path: Path) -> list[dict[str, Any]]:
    text = path.read_text()
    assert not text or text.endswith("\n")  # whole lines only
    return [json.loads(line) for line in text.splitlines()]


def run_args(tmp_path: Path, *more: str) -> list[str]:
    return [
        "batch", "run", str(tmp_path / "in.jsonl"), "--agent-id", AGENT,
        "--out", str(tmp_path / "out.jsonl"), "--poll-interval", "0.02", *more,
    ]  # fmt: skip


def server_environment(server: LocalTaskServer) -> dict[str, str]:
    return {
        "XPANDER_API_KEY": server.api_key,
        "XPANDER_BASE_URL": server.url,
        "XPANDER_ORGANIZATION_ID": server.organization_id,
    }


def serve_through(middleware: Callable[[ASGIApp], ASGIApp], **options: Any) -> LocalTaskServer:
    """A local server whose app is wrapped by `middleware` (scripted faults)."""
    server = LocalTaskServer(step_delay=STEP_DELAY, **options)
    server.app = middleware(server.app)  # type: ignore[assignment]
    return server.start()


def batch_through(
    middleware: Callable[[ASGIApp], ASGIApp], items: Iterable[dict[str, Any]], **options: Any
) -> tuple[list[BatchOutcome], LocalTaskServer]:
    """`Tasks.batch` run to its end against a local server wrapped by `middleware`; the
    stopped server too, for its counters."""
    server = serve_through(middleware)
    try:
        with Tasks(server.api_key, base_url=server.url) as tasks:
            outcomes = list(tasks.batch(items, agent_id=AGENT, poll_interval=0.02, **options))
    finally:
        server.stop()
    return outcomes, server


def is_create(scope: MutableMapping[str, Any]) -> bool:
    return bool(
        scope["type"] == "http"
        and scope["method"] == "POST"
        and scope["path"].startswith("/agent-execution/")
    )


async def answer(
    send: Callable[..., Awaitable[None]], status: int, headers: dict[str, str]
) -> None:
    body = json.dumps({"detail": "scripted"}).encode()
    raw = [
        (k.encode(), v.encode()) for k, v in {**headers, "content-type": "application/json"}.items()
    ]
    await send({"type": "http.response.start", "status": status, "headers": raw})
    await send({"type": "http.response.body", "body": body})


def killed_while_sending(journal: Path, line: int, params: dict[str, Any]) -> None:
    """The journal as a batch killed, a while ago, after committing `sending` for an item
    whose request never left."""
    state = Journal(journal, AGENT)
    assert state.register(item_key(params), line, item_digest(params)) == ("new", None)
    state.sending(item_key(params))
    state.close()
    forget(journal, item_key(params), sent_at=time.time() - 3600)  # past any late commit


def forget(journal: Path, key: str, **columns: Any) -> None:
    """Set an item's row as a crash would have left it."""
    db = sqlite3.connect(journal, isolation_level=None)
    assignments = ", ".join(f"{name} = ?" for name in columns)
    db.execute(f"UPDATE items SET {assignments} WHERE key = ?", (*columns.values(), key))
    db.close()
