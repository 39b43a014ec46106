from enum import StrEnum


class AgentExecutionStatus(StrEnum):
    Completed = "completed"
    COMPLETED = "completed"
    Error = "error"
    ERROR = "error"
    Executing = "executing"
    EXECUTING = "executing"
    Failed = "failed"
    FAILED = "failed"
    Paused = "paused"
    PAUSED = "paused"
    Pending = "pending"
    PENDING = "pending"
    Stopped = "stopped"
    STOPPED = "stopped"

    def __str__(self) -> str:
        return str(self.value)
