import ssl
from typing import Any, ClassVar, Self

import httpx

from .types import LazyFields, model_field


class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    __slots__ = (
        "__weakref__",
        "_async_client",
        "_base_url",
        "_client",
        "_cookies",
        "_follow_redirects",
        "_headers",
        "_httpx_args",
        "_timeout",
        "_verify_ssl",
        "raise_on_unexpected_status",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field(
                "raise_on_unexpected_status", "bool", default=False, kw_only=True
            ),
            model_field("_base_url", "str", alias="base_url"),
            model_field(
                "_cookies",
                "dict[str, str]",
                factory=dict,
                kw_only=True,
                alias="cookies",
            ),
            model_field(
                "_headers",
                "dict[str, str]",
                factory=dict,
                kw_only=True,
                alias="headers",
            ),
            model_field(
                "_timeout",
                "httpx.Timeout | None",
                default=None,
                kw_only=True,
                alias="timeout",
            ),
            model_field(
                "_verify_ssl",
                "str | bool | ssl.SSLContext",
                default=True,
                kw_only=True,
                alias="verify_ssl",
            ),
            model_field(
                "_follow_redirects",
                "bool",
                default=False,
                kw_only=True,
                alias="follow_redirects",
            ),
            model_field(
                "_httpx_args",
                "dict[str, Any]",
                factory=dict,
                kw_only=True,
                alias="httpx_args",
            ),
            model_field("_client", "httpx.Client | None", default=None, init=False),
            model_field(
                "_async_client", "httpx.AsyncClient | None", default=None, init=False
            ),
        )
    )
    __match_args__ = ("_base_url",)
    __hash__ = None  # mutable and compared by value

    raise_on_unexpected_status: bool
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""

    def __init__(
        self,
        base_url: str,
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._base_url = base_url
        self._cookies = {} if cookies is None else cookies
        self._headers = {} if headers is None else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = {} if httpx_args is None else httpx_args
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None

    def _settings(self) -> tuple[Any, ...]:
        return (
            self.raise_on_unexpected_status,
            self._base_url,
            self._cookies,
            self._headers,
            self._timeout,
            self._verify_ssl,
            self._follow_redirects,
            self._httpx_args,
            self._client,
            self._async_client,
        )

    def _evolve(self, **changes: Any) -> Self:
        """A new client with this one's settings and `changes`, without its httpx clients
        (as `attrs.evolve`)."""
        settings: dict[str, Any] = {
            "base_url": self._base_url,
            "raise_on_unexpected_status": self.raise_on_unexpected_status,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify_ssl": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "httpx_args": self._httpx_args,
        }
        return type(self)(**{**settings, **changes})

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"raise_on_unexpected_status={self.raise_on_unexpected_status!r}, "
            f"_base_url={self._base_url!r}, _cookies={self._cookies!r}, "
            f"_headers={self._headers!r}, _timeout={self._timeout!r}, "
            f"_verify_ssl={self._verify_ssl!r}, _follow_redirects={self._follow_redirects!r}, "
            f"_httpx_args={self._httpx_args!r}, _client={self._client!r}, "
            f"_async_client={self._async_client!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._settings() == other._settings()

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._evolve(headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._evolve(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._evolve(timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: object, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: object, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    __slots__ = (
        "__weakref__",
        "_async_client",
        "_base_url",
        "_client",
        "_cookies",
        "_follow_redirects",
        "_headers",
        "_httpx_args",
        "_timeout",
        "_verify_ssl",
        "auth_header_name",
        "prefix",
        "raise_on_unexpected_status",
        "token",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field(
                "raise_on_unexpected_status", "bool", default=False, kw_only=True
            ),
            model_field("_base_url", "str", alias="base_url"),
            model_field(
                "_cookies",
                "dict[str, str]",
                factory=dict,
                kw_only=True,
                alias="cookies",
            ),
            model_field(
                "_headers",
                "dict[str, str]",
                factory=dict,
                kw_only=True,
                alias="headers",
            ),
            model_field(
                "_timeout",
                "httpx.Timeout | None",
                default=None,
                kw_only=True,
                alias="timeout",
            ),
            model_field(
                "_verify_ssl",
                "str | bool | ssl.SSLContext",
                default=True,
                kw_only=True,
                alias="verify_ssl",
            ),
            model_field(
                "_follow_redirects",
                "bool",
                default=False,
                kw_only=True,
                alias="follow_redirects",
            ),
            model_field(
                "_httpx_args",
                "dict[str, Any]",
                factory=dict,
                kw_only=True,
                alias="httpx_args",
            ),
            model_field("_client", "httpx.Client | None", default=None, init=False),
            model_field(
                "_async_client", "httpx.AsyncClient | None", default=None, init=False
            ),
            model_field("token", "str", secret=True),
            model_field("prefix", "str", default="Bearer"),
            model_field("auth_header_name", "str", default="Authorization"),
        )
    )
    __match_args__ = ("_base_url", "token", "prefix", "auth_header_name")
    __hash__ = None  # mutable and compared by value

    raise_on_unexpected_status: bool
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    token: str
    """The token to use for authentication"""
    prefix: str
    """The prefix to use for the Authorization header"""
    auth_header_name: str
    """The name of the Authorization header"""

    def __init__(
        self,
        base_url: str,
        token: str,
        prefix: str = "Bearer",
        auth_header_name: str = "Authorization",
        *,
        raise_on_unexpected_status: bool = False,
        cookies: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        timeout: httpx.Timeout | None = None,
        verify_ssl: str | bool | ssl.SSLContext = True,
        follow_redirects: bool = False,
        httpx_args: dict[str, Any] | None = None,
    ) -> None:
        self.raise_on_unexpected_status = raise_on_unexpected_status
        self._base_url = base_url
        self._cookies = {} if cookies is None else cookies
        self._headers = {} if headers is None else headers
        self._timeout = timeout
        self._verify_ssl = verify_ssl
        self._follow_redirects = follow_redirects
        self._httpx_args = {} if httpx_args is None else httpx_args
        self._client: httpx.Client | None = None
        self._async_client: httpx.AsyncClient | None = None
        self.token = token
        self.prefix = prefix
        self.auth_header_name = auth_header_name

    def _settings(self) -> tuple[Any, ...]:
        return (
            self.raise_on_unexpected_status,
            self._base_url,
            self._cookies,
            self._headers,
            self._timeout,
            self._verify_ssl,
            self._follow_redirects,
            self._httpx_args,
            self._client,
            self._async_client,
            self.token,
            self.prefix,
            self.auth_header_name,
        )

    def _evolve(self, **changes: Any) -> Self:
        """A new client with this one's settings and `changes`, without its httpx clients
        (as `attrs.evolve`)."""
        settings: dict[str, Any] = {
            "base_url": self._base_url,
            "token": self.token,
            "prefix": self.prefix,
            "auth_header_name": self.auth_header_name,
            "raise_on_unexpected_status": self.raise_on_unexpected_status,
            "cookies": self._cookies,
            "headers": self._headers,
            "timeout": self._timeout,
            "verify_ssl": self._verify_ssl,
            "follow_redirects": self._follow_redirects,
            "httpx_args": self._httpx_args,
        }
        return type(self)(**{**settings, **changes})

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"raise_on_unexpected_status={self.raise_on_unexpected_status!r}, "
            f"_base_url={self._base_url!r}, _cookies={self._cookies!r}, "
            f"_headers={self._headers!r}, _timeout={self._timeout!r}, "
            f"_verify_ssl={self._verify_ssl!r}, _follow_redirects={self._follow_redirects!r}, "
            f"_httpx_args={self._httpx_args!r}, _client={self._client!r}, "
            f"_async_client={self._async_client!r}, "
            f"prefix={self.prefix!r}, auth_header_name={self.auth_header_name!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._settings() == other._settings()

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return self._evolve(headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return self._evolve(cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return self._evolve(timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: object, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._headers[self.auth_header_name] = (
                f"{self.prefix} {self.token}" if self.prefix else self.token
            )
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: object, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)
