"""Facts of openapi.yaml the generator's templates do not read (`nox -s generate`)."""

FINAL_STATUSES: frozenset[str] = frozenset({"completed", "failed", "error", "stopped"})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""

MAY_HAVE_ACTED: dict[str, str] = {
    'create_task': 'the task may have been created: check before creating it again',
    'stop_task': 'the task may have been stopped: read it before stopping it again',
    'update_task': 'the update may have been applied: read the task before sending it again',
    'report_external_task': "the task may have been reported: list the agent's tasks before reporting it again",
}
"""By operationId, the operations not safe to repeat: what to check when one may have acted
although its answer was lost (`x-may-have-acted`). The others are retried."""

API_KEY_HEADER: str = 'x-api-key'
"""The header that carries the API key (the spec's security scheme)."""

HEADER_PARAMETERS: frozenset[str] = frozenset({"last-event-id", "x-agent-version"})
"""The header parameters of the spec's operations, lower-case: set by the client from a
call's own parameters (`agent_version`)."""
