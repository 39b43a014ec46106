from enum import StrEnum


class AgentActivityThreadMessageRole(StrEnum):
    Agent = "agent"
    AGENT = "agent"
    User = "user"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
