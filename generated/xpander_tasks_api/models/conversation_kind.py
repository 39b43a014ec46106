from ..types import OpenStrEnum


class ConversationKind(OpenStrEnum):
    Direct = "direct"
    DIRECT = "direct"
    Gateway = "gateway"
    GATEWAY = "gateway"

    def __str__(self) -> str:
        return str(self.value)
