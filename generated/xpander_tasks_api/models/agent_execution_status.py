from ..types import OpenStrEnum


class AgentExecutionStatus(OpenStrEnum):
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
