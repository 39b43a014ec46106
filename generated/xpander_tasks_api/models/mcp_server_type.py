from ..types import OpenStrEnum


class MCPServerType(OpenStrEnum):
    Local = "local"
    LOCAL = "local"
    Remote = "remote"
    REMOTE = "remote"

    def __str__(self) -> str:
        return str(self.value)
