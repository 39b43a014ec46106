from ..types import OpenStrEnum


class MCPServerAuthType(OpenStrEnum):
    APIKey = "api_key"
    ApiKey = "api_key"
    API_KEY = "api_key"
    CustomHeaders = "custom_headers"
    CUSTOM_HEADERS = "custom_headers"
    _None = "none"
    NONE = "none"
    OAuth2 = "oauth2"
    Oauth2 = "oauth2"
    OAUTH2 = "oauth2"
    SSOUser = "sso_user"
    SsoUser = "sso_user"
    SSO_USER = "sso_user"

    def __str__(self) -> str:
        return str(self.value)
