from ..types import OpenStrEnum


class AgentStatus(OpenStrEnum):
    Active = "ACTIVE"
    ACTIVE = "ACTIVE"
    Draft = "DRAFT"
    DRAFT = "DRAFT"
    Inactive = "INACTIVE"
    INACTIVE = "INACTIVE"

    def __str__(self) -> str:
        return str(self.value)
