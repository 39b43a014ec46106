from ..types import OpenStrEnum


class LLMReasoningEffort(OpenStrEnum):
    High = "high"
    HIGH = "high"
    Low = "low"
    LOW = "low"
    Medium = "medium"
    MEDIUM = "medium"
    XHigh = "xhigh"
    Xhigh = "xhigh"
    XHIGH = "xhigh"

    def __str__(self) -> str:
        return str(self.value)
