"""Facts openapi.yaml states as `x-` extensions, written by `nox -s generate`."""

FINAL_STATUSES: frozenset[str] = frozenset({"completed", "failed", "error", "stopped"})
"""`AgentExecutionStatus` values after which a task does nothing more (`x-final-statuses`)."""
