"""A tiny app under test: it asks an xpander agent to summarize a document and says what came
of it. The tests beside it run it against the `xpander_server` fixture's local task server.

It builds its own `Tasks()` from the XPANDER_* environment variables, as a deployed app would.
"""

from __future__ import annotations

from dataclasses import dataclass

from xpander_tasks import ModuleException, RateLimitError, Task, Tasks, TaskTimeoutError

AGENT_ID = "summarizer"


@dataclass(frozen=True)
class Summary:
    """What the user is told: the summary when `ok`, else why not."""

    ok: bool
    text: str
    task_id: str | None = None


def summarize(document: str, *, timeout: float = 30.0) -> Summary:
    """Ask for a summary and wait for it (sync)."""
    with Tasks() as tasks:
        try:
            task = tasks.create(
                agent_id=AGENT_ID, prompt=f"Summarize: {document}", events_streaming=True
            )
        except ModuleException as error:
            return _not_created(error)
        try:
            task.wait(timeout=timeout)
        except TaskTimeoutError:
            task.stop()  # nobody waits for it any more: do not let the agent run on
            return Summary(False, "The summary took too long.", task.id)
        return _finished(task)


async def asummarize(document: str, *, timeout: float = 30.0) -> Summary:
    """Ask for a summary and wait for it (async)."""
    async with Tasks() as tasks:
        try:
            task = await tasks.acreate(
                agent_id=AGENT_ID, prompt=f"Summarize: {document}", events_streaming=True
            )
        except ModuleException as error:
            return _not_created(error)
        try:
            await task.await_completion(timeout=timeout)
        except TaskTimeoutError:
            await task.astop()
            return Summary(False, "The summary took too long.", task.id)
        return _finished(task)


def _not_created(error: ModuleException) -> Summary:
    if isinstance(error, RateLimitError):  # still limited after the client's own retries
        return Summary(False, "The summarizer is busy; try again in a minute.")
    if error.hint is not None:  # the server may have made the task: asking again runs it twice
        return Summary(False, "Your summary may still come; we will not ask twice.")
    return Summary(False, f"Could not ask for a summary: {error.detail}")


def _finished(task: Task) -> Summary:
    status = task.status.value if task.status else None
    if status == "completed":
        return Summary(True, task.result or "", task.id)
    if status == "stopped":
        return Summary(False, "The summary was stopped.", task.id)
    return Summary(False, f"The summarizer failed: {task.result or 'no reason given'}", task.id)
