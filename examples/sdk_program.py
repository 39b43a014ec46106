"""A program written for the published xpander SDK's Tasks module (xpander-sdk 2.0.537).

It runs unchanged on xpander-tasks with its import line changed to
`from xpander_tasks import ...` (tests/test_tasks_module.py does exactly that against the local
server). Configuration comes from XPANDER_API_KEY and XPANDER_BASE_URL, as in the SDK.
"""

from xpander_sdk import AgentExecutionStatus, Task, Tasks, TaskUpdateEventType, Tokens, User

AGENT_ID = "agent-123"

tasks = Tasks()

# Create, read the input back, follow the events to the end.
task = tasks.create(
    agent_id=AGENT_ID,
    prompt="Summarize the latest sales report",
    events_streaming=True,
    user_details=User(email="ada@example.com", id="user-ada"),
)
print("created", task.id, task.status.value, repr(task.input.text))
for event in task.events():
    print("event", event.type.value if event.type else event.type)
    if event.type == TaskUpdateEventType.TaskFinished:
        break
task.reload()
print("finished", task.status.value, task.result)

# List the agent's tasks and the user's, load one whole.
listed = tasks.list(agent_id=AGENT_ID, filters={"status": "completed"})
print("listed", len(listed), listed[0].load().input.text)
print("user tasks", len(tasks.list_user_tasks(user_id="user-ada")))

# Change tasks: update, stop, save, set_status.
other = tasks.create(agent_id=AGENT_ID, prompt="a second task")
updated = tasks.update(other.id, source="my-app", status=AgentExecutionStatus.Paused, result="half")
print("updated", updated.status.value, updated.result)
stopped = tasks.stop(other.id)
print("stopped", stopped.status.value, stopped.is_manually_stopped)
task.title = "renamed"
task.save()
task.set_status(AgentExecutionStatus.Completed, result="set by hand")
print("saved", task.title, task.status.value, task.result)

# Report a task that ran elsewhere, and read it back.
reported = Task.report_external_task(
    agent_id=AGENT_ID,
    id="external-task-1",
    input="What is 2 + 2?",
    result="4",
    tokens=Tokens(prompt_tokens=7, completion_tokens=1),
    duration=0.5,
)
print("reported", reported.status.value, Task.load(task_id="external-task-1").result)
print("activity entries", len(task.get_activity_log().messages))
print("all calls done")
