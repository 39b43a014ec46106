from enum import StrEnum


class MCPServerType(StrEnum):
    Local = "local"
    LOCAL = "local"
    Remote = "remote"
    REMOTE = "remote"

    def __str__(self) -> str:
        return str(self.value)
