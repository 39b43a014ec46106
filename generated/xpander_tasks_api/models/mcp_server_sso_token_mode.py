from ..types import OpenStrEnum


class MCPServerSSOTokenMode(OpenStrEnum):
    Access = "access"
    ACCESS = "access"
    Exchange = "exchange"
    EXCHANGE = "exchange"
    Id = "id"
    ID = "id"

    def __str__(self) -> str:
        return str(self.value)
