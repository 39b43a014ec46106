"""When a failed request is tried again, and after how long.

A create that reaches the server twice runs an agent twice, so a create is retried only when
the request certainly never arrived (no connection) or the server said it did not act on it
(429, 503). Reads are safe to repeat and also retry other 5xx answers and lost answers.
"""

from __future__ import annotations

import email.utils
import random
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from typing import NamedTuple

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    InvalidResponseError,
    ModuleException,
)

# Statuses that say the server did not act on the request.
_NOT_ACTED_ON = frozenset({429, 503})


def retry_after_seconds(error: APIStatusError) -> float | None:
    """The answer's Retry-After, in seconds or as an HTTP date, if it has a usable one."""
    if error.response is None:
        return None
    value = error.response.headers.get("retry-after", "").strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        return max(0.0, (when - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError, OverflowError):  # not a date, or one past datetime's range
        return None


async def _asyncio_sleep(seconds: float) -> None:
    import asyncio  # noqa: PLC0415  (15 ms to import; sync users never need it)

    await asyncio.sleep(seconds)


class RetryPolicy(NamedTuple):
    """Exponential backoff with full jitter, capped; `Retry-After` honoured up to a cap.

    Tests swap the clock and the dice with `policy._replace(sleep=..., jitter=...)`.
    """

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0
    sleep: Callable[[float], None] = time.sleep
    asleep: Callable[[float], Awaitable[None]] = _asyncio_sleep
    jitter: Callable[[], float] = random.random

    def delay_before_retry(
        self, error: ModuleException, retries_done: int, *, idempotent: bool, max_retries: int
    ) -> float | None:
        """Seconds to wait before trying again, or None when the error is final."""
        if retries_done >= max_retries or not is_retryable(error, idempotent=idempotent):
            return None
        if isinstance(error, APIStatusError):
            retry_after = retry_after_seconds(error)
            if retry_after is not None:
                return retry_after if retry_after <= self.max_retry_after else None
        backoff = min(self.max_delay, self.initial_delay * 2**retries_done)
        return float(backoff * self.jitter())


def is_retryable(error: ModuleException, *, idempotent: bool) -> bool:
    """Whether trying again is safe and may succeed: the request never left, the server said
    it did not act (429, 503), or (a read) any server error or lost answer."""
    if isinstance(error, APIConnectionError):
        return idempotent or not error.request_sent
    if isinstance(error, APIStatusError):
        return error.status_code in _NOT_ACTED_ON or (idempotent and error.status_code >= 500)
    return False


def note_if_may_have_acted(error: ModuleException, hint: str) -> None:
    """Say in the message of a failed call that is not safe to repeat (a create, an update)
    when the server may have acted on it despite the error: `hint` says what to check."""
    may_have_acted = (
        (isinstance(error, APIConnectionError) and error.request_sent)
        or (
            isinstance(error, APIStatusError)
            and error.status_code >= 500
            and error.status_code not in _NOT_ACTED_ON
        )
        # A 2xx whose body is not a task (not JSON, too large, ...): the server did act.
        or isinstance(error, InvalidResponseError)
    )
    if may_have_acted:
        error.hint = hint
