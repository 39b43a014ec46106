"""The main job: the seed example against the local task server, through the overlay and the CLI.

Starts `xpander-tasks-server` in-process on a free loopback port, creates a task as the
published SDK's documentation does, follows it to `completed`, does the same through the
`xpander-tasks` command line, and stops the server.
"""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import sys

from xpander_tasks import Tasks
from xpander_tasks_server import LocalTaskServer


async def seed_example(tasks: Tasks) -> None:
    task = await tasks.acreate(
        agent_id="agent-123",
        prompt="Summarize the latest sales report",
        file_urls=["https://example.com/sales.csv"],
        events_streaming=True,
    )
    print(task.id, task.status.value)
    async for event in task.aevents():
        status = getattr(getattr(event.data, "status", None), "value", "")
        print(f"  event {event.id}: {getattr(event.type, 'value', event.type)} {status}")
    await task.areload()
    print(f"  -> {task.status.value}: {task.result}")


def main() -> int:
    with LocalTaskServer(step_delay=0.3) as server:
        print(f"local task server at {server.url}\n\n== the seed example, through the overlay")
        tasks = Tasks(server.api_key, base_url=server.url)
        asyncio.run(seed_example(tasks))
        sync_task = tasks.create(agent_id="agent-123", prompt="Hello!")
        print(sync_task.id, sync_task.status.value, "->", sync_task.wait(timeout=30).status.value)
        tasks.close()

        print("\n== the same through the CLI")
        environment = {
            **os.environ,
            "XPANDER_API_KEY": server.api_key,
            "XPANDER_BASE_URL": server.url,
        }
        command = [sys.executable, "-m", "xpander_tasks._cli", "create", "--agent-id", "agent-123"]
        command += ["--prompt", "Summarize the latest sales report", "--follow"]
        print("$ xpander-tasks " + shlex.join(command[3:]))
        # The command is this interpreter and fixed words: nothing untrusted.
        result = subprocess.run(command, env=environment, check=False, timeout=120)  # noqa: S603
        print(f"\nserver counted {server.counters.tasks_created} tasks created; stopping it")
        return result.returncode


if __name__ == "__main__":
    sys.exit(main())
