from enum import StrEnum


class ConversationKind(StrEnum):
    Direct = "direct"
    DIRECT = "direct"
    Gateway = "gateway"
    GATEWAY = "gateway"

    def __str__(self) -> str:
        return str(self.value)
