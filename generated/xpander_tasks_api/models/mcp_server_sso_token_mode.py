from enum import StrEnum


class MCPServerSSOTokenMode(StrEnum):
    Access = "access"
    ACCESS = "access"
    Exchange = "exchange"
    EXCHANGE = "exchange"
    Id = "id"
    ID = "id"

    def __str__(self) -> str:
        return str(self.value)
