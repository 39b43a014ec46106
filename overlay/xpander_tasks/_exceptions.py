"""Every error the client raises: one `ModuleException` hierarchy, and one mapping table.

```
ModuleException                  str(): "[status_code] description", as the published SDK
│                                (the body's text; `.detail` its gist, `.request_id`, `.hint`)
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
    └── EventsNotStreamedError   the task has no events (also a ValueError) - status 400
```
No-answer failures keep the published SDK's status 500, so code that branches on
`status_code` keeps working; their class tells them from a real 500.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, ClassVar, Final

import httpx

from ._redact import redact_text, with_echoed_secrets

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
        # The description's gist: an answer's `detail` (see `status_error`), else the same.
        self.detail = description
        self.request_id = request_id
        # Advice beyond the server's words, such as "the task may have been created".
        self.hint: str | None = None
        # As the published SDK's: one argument, the text `str()` shows.
        super().__init__(f"[{self.status_code}] {description}")

    def __str__(self) -> str:
        # An answered error reads as the published SDK prints it; the request id and the hint
        # are attributes. Where no answer came, the hint is part of what happened.
        hint = f"; {self.hint}" if self.hint and not isinstance(self, APIStatusError) else ""
        return f"[{self.status_code}] {self.description}{hint}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.status_code!r}, {self.description!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        # Rebuilt from its fields, whatever the subclass's constructor takes, so an error
        # crosses a process boundary (a ProcessPoolExecutor) as itself. The answer is left
        # behind: its request carries the API key.
        state = {**vars(self), "response": None} if "response" in vars(self) else vars(self)
        return _rebuild, (type(self), self.args, state)


def _rebuild(
    cls: type[ModuleException], args: tuple[Any, ...], state: dict[str, Any]
) -> ModuleException:
    error = cls.__new__(cls)
    error.args = args
    error.__dict__.update(state)
    return error


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


class EventsNotStreamedError(StreamError, ValueError):
    """The task was not created with `events_streaming=True`: it has no events to follow. A
    `ValueError` too, as the published SDK raises one."""


_STATUS_ERRORS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def _body_text(response: httpx.Response, secrets: Sequence[str]) -> str:
    """The error body as it came, as the published SDK's description: any of `secrets` it
    echoes blanked (before the text is cut, so none is halved)."""
    return _cut(redact_text(response.text, secrets))


def _cut(text: str) -> str:
    if len(text) > _MAX_DESCRIPTION:
        text = text[:_MAX_DESCRIPTION] + f"... ({len(text) - _MAX_DESCRIPTION} more characters)"
    return text


def _describe_body(response: httpx.Response, secrets: Sequence[str]) -> str:
    """The error body's `detail` when it is JSON, else its text; the reason phrase if empty.
    Any of `secrets` the body echoes is blanked (before the text is cut, so none is halved)."""
    text = response.text.strip()
    try:
        body: Any = json.loads(text)
    except (ValueError, RecursionError):  # not JSON, or nested past reading: the text it is
        body = None
    detail = body.get("detail") if isinstance(body, dict) else None
    if isinstance(detail, str):
        text = detail
    elif isinstance(detail, list):  # validation problems, FastAPI style
        text = "; ".join(_describe_issue(issue) for issue in detail)
    if not text:
        text = response.reason_phrase or "no description"
    return _cut(redact_text(text, secrets))


def _describe_issue(issue: object) -> str:
    if not isinstance(issue, dict):
        return str(issue)
    location = ".".join(str(part) for part in issue.get("loc", ()) if part != "body")
    message = str(issue.get("msg", ""))
    return f"{location}: {message}" if location else message


def status_error(response: httpx.Response, secrets: Sequence[str] = ()) -> APIStatusError:
    """The public exception for a non-2xx answer whose body has been read; `secrets` (see
    `request_secrets`), and what the body holds under a secret key, never show in its
    description."""
    status = response.status_code
    error_class = _STATUS_ERRORS.get(status)
    if error_class is None:
        error_class = InternalServerError if status >= 500 else APIStatusError
    request_id = next(
        (response.headers[name] for name in _REQUEST_ID_HEADERS if name in response.headers), None
    )
    secrets = with_echoed_secrets(secrets, response.text)
    error = error_class(status, _body_text(response, secrets), request_id=request_id)
    error.detail = _describe_body(response, secrets)
    error.response = response
    return error
