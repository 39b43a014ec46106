"""Client configuration, resolved once: arguments first, then the environment."""

from __future__ import annotations

import contextlib
import ipaddress
import os
import re
from typing import Any, Final, Self

import attrs
import httpx

from ._exceptions import ConfigurationError, InvalidArgumentError

DEFAULT_BASE_URL: Final = "https://inbound.xpander.ai"
# Creating a task answers at once (the agent runs afterwards), so a minute of silence means
# something is wrong; the published SDK's 1,500 s wait only hides that.
DEFAULT_TIMEOUT: Final = httpx.Timeout(60.0, connect=10.0, pool=10.0)
DEFAULT_TOTAL_TIMEOUT: Final = 120.0
DEFAULT_MAX_RETRIES: Final = 2
# Seconds between reads of a polled task in `wait()` / `await_completion()`, as the
# published SDK.
DEFAULT_POLL_INTERVAL: Final = 1.0
# Requests in flight per client and kind of pool (sync, async); more wait their turn. As
# httpx's own pool limit: raw httpx with hundreds queued fails them on its pool timeout.
DEFAULT_MAX_CONCURRENCY: Final = 100
# Requests in flight at most, and a batch's creates and followers: each holds memory (a
# slot, a connection, a task), so the ceiling is one a small machine holds.
MAX_CONCURRENCY: Final = 10_000
# A task is a few KiB; an answer far larger is not one, and is not read into memory.
MAX_RESPONSE_BYTES: Final = 10 * 1024 * 1024

ENV_API_KEY: Final = "XPANDER_API_KEY"
ENV_BASE_URL: Final = "XPANDER_BASE_URL"
ENV_ORGANIZATION_ID: Final = "XPANDER_ORGANIZATION_ID"
ENV_AGENT_ID: Final = "XPANDER_AGENT_ID"
ENV_POLL_INTERVAL: Final = "XPANDER_POLL_INTERVAL"

# The cloud's inbound hosts serve events from a separate agent-controller host.
_EVENTS_HOSTS: Final = {
    "inbound.xpander.ai": "https://agent-controller.xpander.ai",
    "inbound.stg.xpander.ai": "https://agent-controller.stg.xpander.ai",
}
_AGENT_CONTROLLER: Final = "agent-controller"
_AGENT_CONTROLLER_PORT: Final = 9016


# The longest duration taken: a socket or event loop given a far longer one overflows (a
# year is beyond any wait this API asks for; None, where allowed, means no limit).
MAX_SECONDS: Final = 365 * 24 * 3600


def check_seconds(parameter: str, value: object) -> float:
    """A duration in seconds: a number > 0 and at most `MAX_SECONDS` (not a bool, which
    Python counts as an int)."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 0 < value <= MAX_SECONDS:
        return value
    raise InvalidArgumentError(
        parameter, f"must be seconds > 0 and at most {MAX_SECONDS} (a year), not {value!r}"
    )


def check_timeout(parameter: str, value: object) -> httpx.Timeout:
    """A timeout for each phase of a request: seconds, or an `httpx.Timeout` (its phases
    checked alike, but None leaves a phase unbounded and 0, as httpx has it, fails at once
    where it would wait: `pool=0`)."""
    if isinstance(value, httpx.Timeout):
        for phase, seconds in value.as_dict().items():
            if seconds is not None and seconds != 0:
                check_seconds(f"{parameter}.{phase}", seconds)
        return value
    return httpx.Timeout(check_seconds(parameter, value))


def check_count(parameter: str, value: object, minimum: int = 0, maximum: int | None = None) -> int:
    """A whole number >= `minimum` and, when given, <= `maximum` (not a bool)."""
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and value >= minimum
        and (maximum is None or value <= maximum)
    ):
        return value
    bound = "" if maximum is None else f" and <= {maximum}"
    raise InvalidArgumentError(
        parameter, f"must be a whole number >= {minimum}{bound}, not {value!r}"
    )


def _poll_interval(given: float | None) -> float:
    """The client's default poll interval: the one given, else `XPANDER_POLL_INTERVAL`'s
    seconds, else `DEFAULT_POLL_INTERVAL`."""
    if given is not None:
        return check_seconds("poll_interval", given)
    text = os.environ.get(ENV_POLL_INTERVAL, "").strip()
    if not text:
        return DEFAULT_POLL_INTERVAL
    try:
        return check_seconds(ENV_POLL_INTERVAL, float(text))
    except (ValueError, InvalidArgumentError):
        raise ConfigurationError(
            f"{ENV_POLL_INTERVAL} must be seconds > 0 and at most {MAX_SECONDS} (a year), "
            f"not {text!r}"
        ) from None


def _normalise_base_url(raw: str) -> str:
    text = raw.strip()
    # Read before parsing, so that no message below, of a URL that does not parse either,
    # repeats a password.
    if "@" in re.split(r"[/?#]", text.partition("://")[2] or text, maxsplit=1)[0]:
        raise ConfigurationError(
            "base_url holds a user name or password; the API key is its credential"
        )
    if text and "://" not in text:
        # As the published SDK: https, except on this machine, where local servers run and
        # plain http cannot be overheard.
        text = f"https://{text}"
        with contextlib.suppress(httpx.InvalidURL):
            if is_loopback(httpx.URL(text).host):
                text = "http" + text.removeprefix("https")
    try:
        url = httpx.URL(text)
    except httpx.InvalidURL:
        url = httpx.URL()
    if url.scheme not in ("http", "https") or not url.host:
        raise ConfigurationError(f"base_url {raw!r} is not an http(s) URL")
    if url.query or url.fragment or text.endswith(("?", "#")):
        # Said without the URL: a query may hold a token.
        raise ConfigurationError(
            "base_url has a query or fragment; the client adds each route to its path"
        )
    return text.rstrip("/")


def is_loopback(host: str) -> bool:
    """Whether `host` names this machine, where plain http cannot be overheard."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _needs_organization_segment(url: httpx.URL) -> bool:
    first_segment = url.path.strip("/").split("/", 1)[0]
    return (
        _AGENT_CONTROLLER in url.host
        or url.port == _AGENT_CONTROLLER_PORT
        or first_segment == _AGENT_CONTROLLER
    )


@attrs.frozen
class ClientConfig:
    """Where requests go and how they behave; the API key never shows in its repr."""

    api_key: str = attrs.field(repr=False, metadata={"secret": True})
    base_url: str
    organization_id: str | None
    api_root: str
    timeout: httpx.Timeout
    total_timeout: float | None
    max_retries: int
    max_concurrency: int = DEFAULT_MAX_CONCURRENCY
    poll_interval: float = DEFAULT_POLL_INTERVAL

    def __reduce__(self) -> tuple[type[ClientConfig], tuple[object, ...]]:
        # Its one use is a client's settings, and a pickle would carry the key in clear.
        raise TypeError("a ClientConfig holds the API key: it is not pickled")

    def __copy__(self) -> Self:
        return self  # frozen: a copy is the same settings

    def __deepcopy__(self, memo: dict[int, object]) -> Self:
        return self

    @property
    def uses_tls(self) -> bool:
        """Whether any request goes over https (events share the base URL's scheme)."""
        return httpx.URL(self.base_url).scheme == "https"

    @classmethod
    def resolve(
        cls,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        organization_id: str | None = None,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        total_timeout: float | None = DEFAULT_TOTAL_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        allow_insecure_http: bool = False,
        max_concurrency: int = DEFAULT_MAX_CONCURRENCY,
        poll_interval: float | None = None,
    ) -> ClientConfig:
        """Fill what the arguments leave open from the environment, and check it all once.

        A bad `timeout`, `total_timeout`, `max_retries` or `poll_interval` raises
        `InvalidArgumentError` naming it, as the same per-call settings do; a bad
        `XPANDER_POLL_INTERVAL`, `ConfigurationError`.
        """
        phase_timeout = check_timeout("timeout", timeout)
        interval = _poll_interval(poll_interval)
        total = None if total_timeout is None else check_seconds("total_timeout", total_timeout)
        retries = check_count("max_retries", max_retries)
        given = {"api_key": api_key, "base_url": base_url, "organization_id": organization_id}
        for name, value in given.items():
            if value is not None and not isinstance(value, str):
                # The type only: the value may be the key itself, as bytes.
                raise ConfigurationError(f"{name} must be a string, not {type(value).__name__}")
        # A missing key is said at the first request (`require_key`), as the published SDK
        # fails then: a module-level `Tasks()` imports before the app has its settings.
        key = (api_key if api_key is not None else os.environ.get(ENV_API_KEY, "")).strip()
        if not (key.isascii() and key.isprintable()):
            # Said without the key: it must not reach a message. (Surrounding white space,
            # such as the newline of a key read from a file, is stripped above.)
            raise ConfigurationError(
                "the API key has characters an HTTP header cannot carry; check how it was read"
            )
        base = _normalise_base_url(base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL)
        org = organization_id or os.environ.get(ENV_ORGANIZATION_ID) or None
        url = httpx.URL(base)
        if url.scheme == "http" and not is_loopback(url.host) and not allow_insecure_http:
            raise ConfigurationError(
                f"refusing to send the API key over plain http to {url.host}; use https, "
                "or pass allow_insecure_http=True if this network is trusted"
            )
        api_root = base
        if _needs_organization_segment(url):
            if org is None:
                raise ConfigurationError(
                    f"{url.host} is an agent-controller URL, which needs an organization: "
                    f"pass organization_id= or set {ENV_ORGANIZATION_ID}"
                )
            api_root = f"{base}/{org}"
        return cls(
            api_key=key,
            base_url=base,
            organization_id=org,
            api_root=api_root,
            timeout=phase_timeout,
            total_timeout=total,
            max_retries=retries,
            max_concurrency=check_count(
                "max_concurrency", max_concurrency, minimum=1, maximum=MAX_CONCURRENCY
            ),
            poll_interval=interval,
        )

    def require_key(self) -> str:
        """The API key; `ConfigurationError` when there is none, before any request."""
        if not self.api_key:
            raise ConfigurationError(f"no API key: pass api_key= or set {ENV_API_KEY}")
        return self.api_key

    @property
    def events_base(self) -> str:
        """The base the event streams' path (organization segment first) goes under: the
        agent-controller host for the cloud's, else the base URL (see the wire contract)."""
        return _EVENTS_HOSTS.get(httpx.URL(self.base_url).host) or self.base_url


class Configuration:
    """The published SDK's settings object, taken wherever it takes one (`Tasks(config)`,
    `Task.load(task_id, config)`, ...): what is not given comes from `XPANDER_API_KEY`,
    `XPANDER_BASE_URL` and `XPANDER_ORGANIZATION_ID` when it is made. `agent_id` is the agent
    `Agents().get()` reads when given none; `poll_interval` the client's default for
    `wait()` (None: `XPANDER_POLL_INTERVAL`, else 1 s, read by the client). The key shows in
    no repr and is never pickled."""

    __slots__ = ("agent_id", "api_key", "base_url", "organization_id", "poll_interval")

    def __init__(
        self,
        *,
        api_key: str | None = None,
        base_url: str | None = None,
        agent_id: str | None = None,
        organization_id: str | None = None,
        poll_interval: float | None = None,
    ) -> None:
        self.api_key = api_key if api_key is not None else os.environ.get(ENV_API_KEY)
        self.base_url = _normalise_base_url(
            base_url or os.environ.get(ENV_BASE_URL) or DEFAULT_BASE_URL
        )
        self.agent_id = agent_id
        self.organization_id = (
            organization_id if organization_id is not None else os.environ.get(ENV_ORGANIZATION_ID)
        )
        self.poll_interval = poll_interval

    def get_full_url(self) -> str:
        """Where requests go: the base URL, and the organization after an agent-controller's."""
        if _needs_organization_segment(httpx.URL(self.base_url)):
            return f"{self.base_url}/{self.organization_id}"
        return self.base_url

    def __repr__(self) -> str:
        return (
            f"Configuration(base_url={self.base_url!r}, agent_id={self.agent_id!r}, "
            f"organization_id={self.organization_id!r})"
        )

    def __reduce__(self) -> tuple[Any, ...]:
        raise TypeError("a Configuration holds the API key: it is not pickled")
