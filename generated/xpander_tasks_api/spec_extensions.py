"""Facts of openapi.yaml the generator's templates do not read (`nox -s generate`)."""

from typing import NamedTuple

FINAL_STATUSES: frozenset[str] = frozenset({"completed", "failed", "error", "stopped"})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""

SUCCESS_STATUS: str = 'completed'
"""The status a task that ran to its end is left in: the last of `x-lifecycle`."""

API_KEY_HEADER: str = 'x-api-key'
"""The header that carries the API key (the spec's security scheme)."""

SECRET_FIELDS: frozenset[str] = frozenset({"api_key", "client_secret", "data", "env_vars", "headers", "user_oidc_token", "user_tokens"})
"""The wire names of the properties, in any schema, whose description ends with `[secret]`:
an error body is searched at every depth for these keys."""

HEADER_PARAMETERS: frozenset[str] = frozenset({"last-event-id", "x-agent-version"})
"""The header parameters of the spec's operations, lower-case: set by the client from a
call's own parameters (`agent_version`)."""


class Operation(NamedTuple):
    """One operation of the spec, as the client sends it."""

    operation_id: str
    method: str
    path: str
    label: str
    """What errors and logs call it: its operationId, in words."""
    may_have_acted: str | None
    """What to check when it may have acted although its answer was lost
    (`x-may-have-acted`); None: safe to repeat, so it is retried."""
    streaming: bool
    """Its answer is an event stream (`text/event-stream`), checked one event at a time."""
    sdk_method: str | None
    """The public method that sends it (`x-sdk-method`; the async twin is `a` + its name)."""
    endpoint: str
    """The generated module that builds its request and reads its answer."""


OPERATIONS: dict[str, Operation] = {
    'create_task': Operation(
        operation_id='create_task',
        method='POST',
        path='/agent-execution/{agent_or_task_id}',
        label='create task',
        may_have_acted='the task may have been created: check before creating it again',
        streaming=False,
        sdk_method='Tasks.create',
        endpoint='xpander_tasks_api.api.tasks.create_task',
    ),
    'stop_task': Operation(
        operation_id='stop_task',
        method='DELETE',
        path='/agent-execution/{agent_or_task_id}',
        label='stop task',
        may_have_acted='the task may have been stopped: read it before stopping it again',
        streaming=False,
        sdk_method='Tasks.stop',
        endpoint='xpander_tasks_api.api.tasks.stop_task',
    ),
    'update_task': Operation(
        operation_id='update_task',
        method='PATCH',
        path='/agent-execution/{task_id}/update',
        label='update task',
        may_have_acted='the update may have been applied: read the task before sending it again',
        streaming=False,
        sdk_method='Tasks.update',
        endpoint='xpander_tasks_api.api.tasks.update_task',
    ),
    'report_external_task': Operation(
        operation_id='report_external_task',
        method='POST',
        path='/agent-execution/{agent_id}/report_task',
        label='report external task',
        may_have_acted="the task may have been reported: list the agent's tasks before reporting it again",
        streaming=False,
        sdk_method='Task.report_external_task',
        endpoint='xpander_tasks_api.api.tasks.report_external_task',
    ),
    'list_tasks': Operation(
        operation_id='list_tasks',
        method='GET',
        path='/agent-execution/executions/history/{agent_id}',
        label='list tasks',
        may_have_acted=None,
        streaming=False,
        sdk_method='Tasks.list',
        endpoint='xpander_tasks_api.api.tasks.list_tasks',
    ),
    'list_user_tasks': Operation(
        operation_id='list_user_tasks',
        method='GET',
        path='/agent-execution/executions/history/user/{user_id}',
        label='list user tasks',
        may_have_acted=None,
        streaming=False,
        sdk_method='Tasks.list_user_tasks',
        endpoint='xpander_tasks_api.api.tasks.list_user_tasks',
    ),
    'get_task_activity_log': Operation(
        operation_id='get_task_activity_log',
        method='GET',
        path='/activity/{agent_id}/{task_id}',
        label='get task activity log',
        may_have_acted=None,
        streaming=False,
        sdk_method='Task.get_activity_log',
        endpoint='xpander_tasks_api.api.tasks.get_task_activity_log',
    ),
    'list_agents': Operation(
        operation_id='list_agents',
        method='GET',
        path='/agents/list',
        label='list agents',
        may_have_acted=None,
        streaming=False,
        sdk_method='Agents.list',
        endpoint='xpander_tasks_api.api.agents.list_agents',
    ),
    'get_agent': Operation(
        operation_id='get_agent',
        method='GET',
        path='/agents/{agent_id}',
        label='get agent',
        may_have_acted=None,
        streaming=False,
        sdk_method='Agents.get',
        endpoint='xpander_tasks_api.api.agents.get_agent',
    ),
    'get_task': Operation(
        operation_id='get_task',
        method='GET',
        path='/agent-execution/{task_id}/status',
        label='get task',
        may_have_acted=None,
        streaming=False,
        sdk_method='Tasks.get',
        endpoint='xpander_tasks_api.api.tasks.get_task',
    ),
    'stream_task_events': Operation(
        operation_id='stream_task_events',
        method='GET',
        path='/{organization_id}/agent-execution/{task_id}/events',
        label='stream task events',
        may_have_acted=None,
        streaming=True,
        sdk_method='Task.events',
        endpoint='xpander_tasks_api.api.tasks.stream_task_events',
    ),
}
"""Every operation of the spec, by operationId."""
