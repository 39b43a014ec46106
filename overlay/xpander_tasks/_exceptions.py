"""Every error the client raises: one `ModuleException` hierarchy, and one mapping table.

```
ModuleException                  str(): "[status_code] description", as the published SDK
├── ConfigurationError           bad client settings, found before any request
├── APIStatusError               the server answered with a non-2xx status
│   ├── BadRequestError          400
│   │   └── InvalidArgumentError   an argument the API would reject, found before sending
│   ├── AuthenticationError      401
│   ├── PermissionDeniedError    403
│   ├── NotFoundError            404
│   ├── UnprocessableEntityError 422
│   ├── RateLimitError           429
│   └── InternalServerError      5xx
├── APIConnectionError           no answer at all (refused, reset, DNS) - status 500
│   └── APITimeoutError          no answer in time - status 500
├── InvalidResponseError         a 2xx answer that is not what the API promises - status 500
├── TaskTimeoutError             a task did not finish within the wait - status 408
└── StreamError                  an event stream failed for good - status 500
```
No-answer failures keep the published SDK's status 500, so code that branches on
`status_code` keeps working; their class tells them from a real 500.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator, Sequence
from typing import Any, ClassVar, Final

import httpx

from ._redact import redact_text

# Long error bodies (an HTML page, a stack dump) are cut so messages stay readable.
_MAX_DESCRIPTION = 1000
_REQUEST_ID_HEADERS: Final = ("x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id")


class ModuleException(Exception):
    """Any failure of the xpander task client, with the published SDK's shape."""

    default_status: ClassVar[int] = 500

    def __init__(
        self,
        status_code: int | None = None,
        description: str = "",
        *,
        request_id: str | None = None,
    ) -> None:
        self.status_code = self.default_status if status_code is None else status_code
        self.description = description
        self.request_id = request_id
        # Advice beyond the server's words, such as "the task may have been created".
        self.hint: str | None = None
        super().__init__(self.status_code, description)

    def __str__(self) -> str:
        request_id = f" (request id {self.request_id})" if self.request_id else ""
        hint = f"; {self.hint}" if self.hint else ""
        return f"[{self.status_code}] {self.description}{request_id}{hint}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status_code!r}, {self.description!r})"


# Client-side problems, raised before anything is sent.


class ConfigurationError(ModuleException, ValueError):
    """The client's settings cannot work (no API key, a malformed base URL, ...)."""

    default_status = 400

    def __init__(self, description: str) -> None:
        super().__init__(None, description)


# The server answered with an error status.


class APIStatusError(ModuleException):
    """The server answered with a non-2xx status; `response` is that answer."""

    response: httpx.Response | None = None


class BadRequestError(APIStatusError):
    default_status = 400


class InvalidArgumentError(BadRequestError, ValueError):
    """An argument the API would reject; `parameter` names it. Nothing was sent."""

    def __init__(self, parameter: str, problem: str) -> None:
        self.parameter = parameter
        super().__init__(None, f"{parameter}: {problem}")


class AuthenticationError(APIStatusError):
    default_status = 401


class PermissionDeniedError(APIStatusError):
    default_status = 403


class NotFoundError(APIStatusError):
    default_status = 404


class UnprocessableEntityError(APIStatusError):
    default_status = 422


class RateLimitError(APIStatusError):
    default_status = 429


class InternalServerError(APIStatusError):
    default_status = 500


# No usable answer.


class APIConnectionError(ModuleException):
    """No answer came; `request_sent` tells whether the server may have received the request."""

    def __init__(self, description: str, *, request_sent: bool) -> None:
        self.request_sent = request_sent
        super().__init__(None, description)


class APITimeoutError(APIConnectionError):
    """No answer came within the timeout."""


class InvalidResponseError(ModuleException):
    """A 2xx answer that is not what the API promises (not JSON, not a task, ...)."""


class TaskTimeoutError(ModuleException):
    """Waiting for a task to finish took longer than allowed."""

    default_status = 408


class StreamError(ModuleException):
    """A task's event stream broke and could not be resumed."""


_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _describe_body(response: httpx.Response, secrets: Sequence[str]) -> str:
    """The error body's `detail` when it is JSON, else its text; the reason phrase if empty.
    Any of `secrets` the body echoes is blanked (before the text is cut, so none is halved)."""
    text = response.text.strip()
    try:
        body: Any = json.loads(text)
    except ValueError:
        body = None
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        text = detail
    elif isinstance(detail, list):  # validation problems, FastAPI style
        text = "; ".join(_describe_issue(issue) for issue in detail)
    if not text:
        text = response.reason_phrase or "no description"
    text = redact_text(text, secrets)
    if len(text) > _MAX_DESCRIPTION:
        text = text[:_MAX_DESCRIPTION] + f"... ({len(text) - _MAX_DESCRIPTION} more characters)"
    return text


def _describe_issue(issue: object) -> str:
    if not isinstance(issue, dict):
        return str(issue)
    location = ".".join(str(part) for part in issue.get("loc", ()) if part != "body")
    message = str(issue.get("msg", ""))
    return f"{location}: {message}" if location else message


def status_error(response: httpx.Response, secrets: Sequence[str] = ()) -> APIStatusError:
    """The public exception for a non-2xx answer whose body has been read; `secrets` (see
    `request_secrets`) never show in its description."""
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status)
    if error_class is None:
        error_class = InternalServerError if status >= 500 else APIStatusError
    request_id = next(
        (response.headers[name] for name in _REQUEST_ID_HEADERS if name in response.headers), None
    )
    error = error_class(status, _describe_body(response, secrets), request_id=request_id)
    error.response = response
    return error


def _host(exc: httpx.RequestError) -> str:
    try:
        url = exc.request.url
    except RuntimeError:  # raised outside a request: nothing to name
        return "the server"
    return f"{url.host}:{url.port}" if url.port else url.host


# How lower-layer errors become public ones, in one place. The order matters: the first match
# wins. `request_sent` is False only where the request certainly never left this machine.
_TRANSPORT_ERRORS: Final[
    tuple[tuple[type[httpx.TransportError], type[APIConnectionError], str, bool, bool], ...]
] = (
    # (httpx error, public error, message, request may have arrived, quote httpx's reason)
    (httpx.ConnectTimeout, APITimeoutError, "timed out connecting to {host}", False, True),
    (
        httpx.PoolTimeout,
        APITimeoutError,
        "timed out waiting for a connection to {host}",
        False,
        True,
    ),
    (httpx.ReadTimeout, APITimeoutError, "timed out waiting for {host} to answer", True, True),
    (httpx.WriteTimeout, APITimeoutError, "timed out sending the request to {host}", True, True),
    (httpx.ConnectError, APIConnectionError, "could not connect to {host}", False, True),
    # Refused here, before sending; httpx's reason quotes the offending header value, which
    # may be a secret.
    (
        httpx.LocalProtocolError,
        APIConnectionError,
        "the request to {host} was not sent: a header value is not valid HTTP",
        False,
        False,
    ),
    (
        httpx.RemoteProtocolError,
        APIConnectionError,
        "{host} closed the connection without a complete answer",
        True,
        True,
    ),
    (
        httpx.ReadError,
        APIConnectionError,
        "the connection to {host} broke while reading",
        True,
        True,
    ),
    (
        httpx.WriteError,
        APIConnectionError,
        "the connection to {host} broke while sending",
        True,
        True,
    ),
    (httpx.TransportError, APIConnectionError, "the request to {host} failed", True, True),
)
# What the generated parsers raise on a 2xx body that is not the promised JSON.
_PARSE_ERRORS: Final = (ValueError, KeyError, TypeError, AttributeError)


def _reason(exc: BaseException) -> str:
    """What the OS said, from the bottom of the cause chain: the async stack puts its own
    "All connection attempts failed" over the "Connection refused" that tells what happened."""
    root = exc
    for _ in range(10):
        below = root.__cause__ or root.__context__
        if below is None:
            break
        root = below
    if isinstance(root, BaseExceptionGroup):
        return "; ".join(dict.fromkeys(_reason(inner) for inner in root.exceptions))
    if isinstance(root, OSError):
        if root.errno is not None and root.errno > 0:
            return f"[Errno {root.errno}] {os.strerror(root.errno)}"
        if root.strerror:
            return str(root.strerror)
    return str(root) or str(exc)


def connection_error(exc: httpx.TransportError) -> APIConnectionError:
    """The public exception for an httpx transport failure."""
    for source, target, message, request_sent, quote_reason in _TRANSPORT_ERRORS:
        if isinstance(exc, source):
            reason = _reason(exc) if quote_reason else ""
            detail = f" ({reason})" if reason else ""
            return target(message.format(host=_host(exc)) + detail, request_sent=request_sent)
    raise AssertionError("httpx.TransportError is the table's last row")  # pragma: no cover


@contextlib.contextmanager
def map_exceptions(operation: str) -> Iterator[None]:
    """Turn what httpx and the generated parsers raise inside the block into public errors."""
    try:
        yield
    except ModuleException:
        raise
    except httpx.TransportError as exc:
        raise connection_error(exc) from exc
    except json.JSONDecodeError as exc:
        raise InvalidResponseError(
            None, f"{operation}: the server's answer is not JSON ({exc})"
        ) from exc
    except KeyError as exc:
        raise InvalidResponseError(
            None,
            f"{operation}: the server's answer is not a valid task "
            f"(required field {exc.args[0]!r} is missing)",
        ) from exc
    except _PARSE_ERRORS as exc:
        raise InvalidResponseError(
            None,
            f"{operation}: the server's answer is not a valid task ({type(exc).__name__}: {exc})",
        ) from exc
