from enum import StrEnum


class PrincipalKind(StrEnum):
    Anonymous = "anonymous"
    ANONYMOUS = "anonymous"
    ApiKey = "api_key"
    API_KEY = "api_key"
    Slack = "slack"
    SLACK = "slack"
    System = "system"
    SYSTEM = "system"
    User = "user"
    USER = "user"

    def __str__(self) -> str:
        return str(self.value)
