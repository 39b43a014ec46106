from enum import StrEnum


class MCPServerAuthType(StrEnum):
    ApiKey = "api_key"
    API_KEY = "api_key"
    CustomHeaders = "custom_headers"
    CUSTOM_HEADERS = "custom_headers"
    NONE = "none"
    Oauth2 = "oauth2"
    OAUTH2 = "oauth2"
    SsoUser = "sso_user"
    SSO_USER = "sso_user"

    def __str__(self) -> str:
        return str(self.value)
