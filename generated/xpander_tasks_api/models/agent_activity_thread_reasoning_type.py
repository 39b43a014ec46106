from ..types import OpenStrEnum


class AgentActivityThreadReasoningType(OpenStrEnum):
    Analyze = "analyze"
    ANALYZE = "analyze"
    Think = "think"
    THINK = "think"

    def __str__(self) -> str:
        return str(self.value)
