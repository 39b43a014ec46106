from ..types import OpenStrEnum


class MCPServerTransport(OpenStrEnum):
    Sse = "sse"
    SSE = "sse"
    Stdio = "stdio"
    STDIO = "stdio"
    HTTP_Transport = "streamable-http"
    StreamableHttp = "streamable-http"
    STREAMABLE_HTTP = "streamable-http"

    def __str__(self) -> str:
        return str(self.value)
