from enum import StrEnum


class AgentActivityThreadReasoningType(StrEnum):
    Analyze = "analyze"
    ANALYZE = "analyze"
    Think = "think"
    THINK = "think"

    def __str__(self) -> str:
        return str(self.value)
