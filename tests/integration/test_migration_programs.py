"""Programs written for the published SDK, migrated by replacing `xpander_sdk` with
`xpander_tasks` and nothing else: each runs under both clients against the local server,
and every line the SDK prints, ours prints the same."""

from __future__ import annotations

import pytest
from published_sdk import Run, run_both
from support import TaskServerFactory

from xpander_tasks_server import LocalTaskServer

CONFIGURATION = """
import os
from xpander_sdk import Agents, Configuration, Task, Tasks

config = Configuration(
    api_key=os.environ["XPANDER_API_KEY"],
    base_url=os.environ["XPANDER_BASE_URL"],
    organization_id=os.environ["XPANDER_ORGANIZATION_ID"],
)
tasks = Tasks(config)
task = tasks.create("agent-123", None, "Hello")
print("created", task.input.text, task.status.value)
print("configuration", type(task.configuration).__name__, task.configuration.organization_id)
print("base url", task.configuration.base_url == os.environ["XPANDER_BASE_URL"])
print("load", Task.load(task.id, config).input.text)
print("load by keyword", Task.load(task.id, configuration=config).id == task.id)
print("list then load", tasks.list("agent-123")[0].load(config).id == task.id)
reported = Task.report_external_task(config, "agent-123", None, "2+2?", None, None, True, "4")
print("reported", reported.status.value, reported.result)
print("agents", [item.id for item in Agents(configuration=config).list()])
print("tasks by keyword", Tasks(configuration=config).get(task.id).id == task.id)
"""

MODULE_PATHS = """
from xpander_sdk.exceptions.module_exception import ModuleException
from xpander_sdk.models.configuration import Configuration
from xpander_sdk.models.events import TaskUpdateEventType
from xpander_sdk.models.shared import OutputFormat, ThinkMode, Tokens
from xpander_sdk.models.user import User
from xpander_sdk.modules.agents.agents_module import Agents, AgentsListItem
from xpander_sdk.modules.tasks.models.task import AgentExecutionStatus
from xpander_sdk.modules.tasks.sub_modules.task import Task, TaskUpdateEvent
from xpander_sdk.modules.tasks.tasks_module import Tasks

tasks = Tasks()
task = tasks.create(
    "agent-123", None, "Hi", [], User(email="a@example.com"),
    think_mode=ThinkMode.Harder, output_format=OutputFormat.Markdown,
)
print(type(task).__name__, isinstance(task, Task), task.think_mode.value, task.input.user.email)
print(TaskUpdateEventType.TaskFinished.value, AgentExecutionStatus.Completed.value)
print(Tokens(prompt_tokens=1).prompt_tokens, issubclass(ModuleException, Exception))
print([type(item).__name__ for item in Agents().list()])
"""

ERRORS = """
import json
import os
from xpander_sdk import Configuration, ModuleException, Tasks

tasks = Tasks()
for call in (lambda: tasks.get("no-such-task"), lambda: tasks.create("no-such-agent")):
    try:
        call()
    except ModuleException as error:
        print(error.status_code, json.loads(error.description)["detail"])
        print(str(error))
        print(error.args)
wrong = Tasks(Configuration(api_key="wrong-key", base_url=os.environ["XPANDER_BASE_URL"]))
try:
    wrong.get("no-such-task")
except ModuleException as error:
    print(error.status_code, str(error))
task = tasks.create("agent-123", prompt="no events")
try:
    next(iter(task.events()))
except ValueError:
    print("not streaming: a ValueError")
"""

AGENTS_AND_POSITIONAL = """
import asyncio
from xpander_sdk import AgentExecutionStatus, Agents, Task, Tasks

agents = Agents()
agent = agents.get()  # XPANDER_AGENT_ID
print("agent", agent.id, agent.version)
task = agent.create_task("Hello!")
print("agent task", task.input.text, task.source, task.agent_version)
pinned = agent.create_task("Pinned", agent_version=agent.version)
print("pinned", pinned.agent_version)
later = asyncio.run(agent.acreate_task("Hi"))
print("async", later.input.text, later.source)
tasks = Tasks()
created = tasks.create("agent-123", None, "a prompt", ["https://example.com/a.pdf"])
print("create", created.input.text, created.input.files)
updated = tasks.update(created.id, None, "elsewhere", AgentExecutionStatus.Paused, None, "half")
print("update", updated.status.value, updated.source, updated.result)
print("list", [item.id == created.id for item in tasks.list("agent-123", {"status": "paused"})])
print("list with an unknown filter", len(tasks.list("agent-123", {"limit": 5})))
created.save(with_deep_plan_update=False)
print("saved", created.status.value)
print("items", [(item.id, item.status.value) for item in agents.list()])
print("loaded", agents.list()[0].load().id)
"""

TO_MESSAGE = """
import sys
from xpander_sdk import Tasks

sys.modules["agno.media"] = None  # as without agno: the SDK then returns the files' URLs
tasks = Tasks()
files = [
    "https://example.com/report.pdf",
    "https://example.com/chart.png",
    "https://example.com/photo.JPG?size=2",
]
task = tasks.create("agent-123", None, "Summarize", files)
print(repr(task.to_message(with_timestamp=False)))
print(task.to_message().rsplit(chr(10), 1)[0] == task.to_message(with_timestamp=False) + chr(10))
print(task.to_message().rsplit(chr(10), 1)[1][:26])
print(task.get_files(), task.get_images())
plain = tasks.create("agent-123", prompt="just text")
print(repr(plain.to_message(with_timestamp=False)), plain.get_files(), plain.get_images())
data = tasks.create("agent-123", None, '{"rows": [1, 2]}', files)
print(repr(data.to_message()), repr(data.to_message(0, False)))
quiet = tasks.create("agent-123", None, "x", files, disable_attachment_injection=True)
print(quiet.get_files(), quiet.get_images())
"""

PROGRAMS = {
    "configuration": CONFIGURATION,
    "module-paths": MODULE_PATHS,
    "errors": ERRORS,
    "agents-and-positional": AGENTS_AND_POSITIONAL,
    "to-message": TO_MESSAGE,
}


def _quiet_server(make_task_server: TaskServerFactory) -> LocalTaskServer:
    # Tasks that do not run while the program reads them: no timing in what is printed.
    return make_task_server(step_delay=3600)


@pytest.mark.parametrize("name", list(PROGRAMS))
def test_a_migrated_program_prints_what_it_printed_under_the_sdk(
    make_task_server: TaskServerFactory, name: str
) -> None:
    theirs, ours = run_both(
        PROGRAMS[name],
        lambda: _quiet_server(make_task_server),
        env={"XPANDER_AGENT_ID": "agent-123"},
    )
    assert theirs.returncode == 0, theirs.stderr  # every step succeeds under the SDK
    assert ours.returncode == 0, ours.stderr
    assert _without_ids(ours) == _without_ids(theirs)


def _without_ids(run: Run) -> list[str]:
    """The lines, with the request ids the server puts in its error bodies (none here) and
    nothing else changed."""
    return run.lines
