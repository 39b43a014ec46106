"""The example of the seed page (shared/seed/tasks-create.md) as written, but for the import
line; `nox -s typecheck` runs `mypy --strict` on it (`task.status.value` included)."""

import asyncio

from xpander_tasks import Tasks


async def main() -> None:
    tasks = Tasks()
    task = await tasks.acreate(
        agent_id="agent-123",
        prompt="Summarize the latest sales report",
        file_urls=["https://example.com/sales.csv"],
    )
    print(task.id, task.status.value)
    task = tasks.create(agent_id="agent-123", prompt="Hello!")
    print(task.id, task.status.value)


if __name__ == "__main__":
    asyncio.run(main())
