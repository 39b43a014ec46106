from ..types import OpenStrEnum


class PrincipalKind(OpenStrEnum):
    anonymous = "anonymous"
    Anonymous = "anonymous"
    ANONYMOUS = "anonymous"
    api_key = "api_key"
    ApiKey = "api_key"
    API_KEY = "api_key"
    slack = "slack"
    Slack = "slack"
    SLACK = "slack"
    system = "system"
    System = "system"
    SYSTEM = "system"
    user = "user"
    User = "user"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
