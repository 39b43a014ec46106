"""Every failure a call can meet becomes the right ModuleException, with the SDK's str()."""

from __future__ import annotations

import json

import httpx
import pytest
from support import MAY_HAVE_RUN, mock_tasks

from xpander_tasks import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    InternalServerError,
    InvalidResponseError,
    ModuleException,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    Tasks,
    UnprocessableEntityError,
)

STATUSES = [
    (
        400,
        BadRequestError,
        {"detail": "output_schema: must be a JSON object"},
        "output_schema: must be a JSON object",
    ),
    (401, AuthenticationError, {"detail": "Missing API key"}, "Missing API key"),
    (403, PermissionDeniedError, {"detail": "Invalid API key"}, "Invalid API key"),
    (404, NotFoundError, {"detail": "Agent not found"}, "Agent not found"),
    (
        422,
        UnprocessableEntityError,
        {
            "detail": [
                {
                    "loc": ["body", "think_mode"],
                    "msg": "Input should be 'default' or 'harder'",
                    "type": "enum",
                }
            ]
        },
        "think_mode: Input should be 'default' or 'harder'",
    ),
    (429, RateLimitError, {"detail": "Rate limit exceeded"}, "Rate limit exceeded"),
    (500, InternalServerError, {"detail": "Internal server error"}, "Internal server error"),
    (503, InternalServerError, {"detail": "busy", "extra": 1}, "busy"),
    (418, APIStatusError, {"message": "teapot"}, '{"message":"teapot"}'),
]


def answering(response: httpx.Response) -> Tasks:
    """A client whose every call gets a fresh copy of `response`, and no retries."""
    return mock_tasks(
        lambda request: httpx.Response(
            response.status_code, headers=response.headers, content=response.content
        ),
        check_responses=False,
        max_retries=0,
    )


async def raised_both_ways(
    tasks: Tasks, error_class: type[ModuleException]
) -> list[ModuleException]:
    """The errors a create raises through the sync and the async client, in that order."""
    with pytest.raises(error_class) as sync_error:
        tasks.create(agent_id="agent-123")
    with pytest.raises(error_class) as async_error:
        await tasks.acreate(agent_id="agent-123")
    await tasks.aclose()
    return [sync_error.value, async_error.value]


@pytest.mark.parametrize(
    ("status", "error_class", "body", "description"), STATUSES, ids=[str(s[0]) for s in STATUSES]
)
async def test_error_status_maps_to_its_class(
    status: int, error_class: type[APIStatusError], body: object, description: str
) -> None:
    tasks = answering(httpx.Response(status, json=body, headers={"x-request-id": "req-42"}))
    for error in await raised_both_ways(tasks, error_class):
        assert type(error) is error_class  # exactly it: a ModuleException, as every class here
        assert error.response is not None and error.response.status_code == status
        # As the published SDK: the body's text, and str() of nothing more; ours adds the
        # gist, the request id and the hint as attributes.
        assert (error.status_code, error.description) == (status, error.response.text)
        assert str(error) == f"[{status}] {error.response.text}"
        assert error.args == (str(error),)
        assert (error.detail, error.request_id) == (description, "req-42")
        # Only an answer that may follow a created task carries the hint (503: not acted on).
        assert (MAY_HAVE_RUN in (error.hint or "")) == (status == 500)


def test_str_matches_the_published_sdk_without_request_id() -> None:
    tasks = answering(httpx.Response(404, content=b'{"detail": "Agent not found"}'))
    with pytest.raises(NotFoundError) as error:
        tasks.create(agent_id="nope")
    assert str(error.value) == '[404] {"detail": "Agent not found"}'
    assert json.loads(error.value.description)["detail"] == error.value.detail == "Agent not found"


@pytest.mark.parametrize(
    ("response", "detail"),
    [
        (httpx.Response(500, text="upstream exploded"), "upstream exploded"),
        (
            httpx.Response(502, html="<html><body>Bad gateway</body></html>"),
            "<html><body>Bad gateway</body></html>",
        ),
        (httpx.Response(503), "Service Unavailable"),
        (httpx.Response(500, text="x" * 5000), "x" * 1000 + "... (4000 more characters)"),
        (httpx.Response(302, headers={"location": "https://elsewhere.example"}), "Found"),
    ],
    ids=["plain-text", "html", "empty", "huge", "redirect"],
)
def test_non_json_error_bodies_are_described_by_their_text(
    response: httpx.Response, detail: str
) -> None:
    with pytest.raises(APIStatusError) as error:
        answering(response).create(agent_id="agent-123")
    assert error.value.detail == detail
    # The description is the body as it came (cut past 1000 characters), as the SDK's.
    text = response.content.decode()
    assert error.value.description == (detail if len(text) > 1000 else text)
    assert error.value.status_code == response.status_code


@pytest.mark.parametrize(
    ("raised", "error_class", "message"),
    [
        (
            httpx.ConnectError("All connection attempts failed"),
            APIConnectionError,
            "could not connect to inbound.xpander.ai",
        ),
        (
            httpx.ConnectTimeout("timed out"),
            APITimeoutError,
            "timed out connecting to inbound.xpander.ai",
        ),
        (
            httpx.ReadTimeout("timed out"),
            APITimeoutError,
            "timed out waiting for inbound.xpander.ai to answer",
        ),
        (
            httpx.RemoteProtocolError("Server disconnected"),
            APIConnectionError,
            "inbound.xpander.ai closed the connection",
        ),
        (
            httpx.ReadError("reset by peer"),
            APIConnectionError,
            "the connection to inbound.xpander.ai broke while reading",
        ),
    ],
    ids=["refused", "connect-timeout", "read-timeout", "closed", "reset"],
)
async def test_no_response_failures_say_what_happened_and_where(
    raised: httpx.TransportError, error_class: type[APIConnectionError], message: str
) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise raised

    tasks = mock_tasks(fail, max_retries=0)
    for error in await raised_both_ways(tasks, error_class):
        assert type(error) is error_class
        assert error.status_code == 500
        assert message in error.description
        assert str(error).startswith("[500] ")
        assert isinstance(error.__cause__, httpx.TransportError)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(200, text="{not json"),
        httpx.Response(200, json={"id": "t1", "status": "pending"}),
        httpx.Response(200, json=["a", "list"]),
        httpx.Response(
            200,
            json={
                "id": "t",
                "agent_id": "a",
                "organization_id": "o",
                "input": {},
                "created_at": "yesterday",
            },
        ),
        httpx.Response(201, json={}),
    ],
    ids=["invalid-json", "missing-fields", "not-an-object", "bad-date", "undocumented-2xx"],
)
async def test_a_2xx_that_is_not_a_task_is_an_invalid_response(response: httpx.Response) -> None:
    tasks = answering(response)
    for error in await raised_both_ways(tasks, InvalidResponseError):
        assert error.status_code == 500
        assert "create task" in error.description


async def test_create_errors_that_may_hide_a_created_task_say_so() -> None:
    tasks = answering(httpx.Response(502, text="bad gateway"))
    with pytest.raises(InternalServerError) as error:
        await tasks.acreate(agent_id="agent-123")
    assert MAY_HAVE_RUN in (error.value.hint or "")
    with pytest.raises(NotFoundError) as not_found:
        await answering(httpx.Response(404, json={"detail": "Agent not found"})).acreate(
            agent_id="x"
        )
    assert "may have been created" not in str(not_found.value)


async def test_a_request_refused_before_sending_quotes_nothing_and_hints_nothing() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.LocalProtocolError("Illegal header value b'sk-secret-value'")

    for error in await raised_both_ways(mock_tasks(refuse, max_retries=0), APIConnectionError):
        assert type(error) is APIConnectionError and error.request_sent is False
        assert "was not sent" in str(error) and "sk-secret-value" not in str(error)
        assert "may have been created" not in str(error)
