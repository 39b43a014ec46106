from ..types import OpenStrEnum


class AgentActivityThreadMessageRole(OpenStrEnum):
    Agent = "agent"
    AGENT = "agent"
    User = "user"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
