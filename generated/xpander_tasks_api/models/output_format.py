from ..types import OpenStrEnum


class OutputFormat(OpenStrEnum):
    Json = "json"
    JSON = "json"
    Markdown = "markdown"
    MARKDOWN = "markdown"
    Text = "text"
    TEXT = "text"
    Voice = "voice"
    VOICE = "voice"

    def __str__(self) -> str:
        return str(self.value)
