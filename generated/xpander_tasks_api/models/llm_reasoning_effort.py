from enum import StrEnum


class LLMReasoningEffort(StrEnum):
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
