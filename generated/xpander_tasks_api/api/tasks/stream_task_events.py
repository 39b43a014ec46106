from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    organization_id: str,
    task_id: str,
    *,
    last_event_id: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(last_event_id, Unset):
        headers["Last-Event-ID"] = last_event_id

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/{organization_id}/agent-execution/{task_id}/events".format(
            organization_id=quote(str(organization_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | str | None:
    if response.status_code == 200:
        response_200 = response.text
        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


request_kwargs = _get_kwargs
parse_response = _parse_response


def sync_detailed(
    organization_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Response[Error | str]:
    """Follow a task's events as Server-Sent Events.

     Only for a task created with `events_streaming: true`. For the cloud and staging the
    stream is on the agent-controller host (this operation's `servers`); for any other
    base URL it is under that base, this path's organization segment included. Each SSE
    message's `data` is a `TaskEvent` as JSON; messages carry ids, and a client that
    reconnects with `Last-Event-ID` receives only what it missed. The stream ends after
    `task_finished`.

    Args:
        organization_id (str):
        task_id (str):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        task_id=task_id,
        last_event_id=last_event_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    organization_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Error | str | None:
    """Follow a task's events as Server-Sent Events.

     Only for a task created with `events_streaming: true`. For the cloud and staging the
    stream is on the agent-controller host (this operation's `servers`); for any other
    base URL it is under that base, this path's organization segment included. Each SSE
    message's `data` is a `TaskEvent` as JSON; messages carry ids, and a client that
    reconnects with `Last-Event-ID` receives only what it missed. The stream ends after
    `task_finished`.

    Args:
        organization_id (str):
        task_id (str):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return sync_detailed(
        organization_id=organization_id,
        task_id=task_id,
        client=client,
        last_event_id=last_event_id,
    ).parsed


async def asyncio_detailed(
    organization_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Response[Error | str]:
    """Follow a task's events as Server-Sent Events.

     Only for a task created with `events_streaming: true`. For the cloud and staging the
    stream is on the agent-controller host (this operation's `servers`); for any other
    base URL it is under that base, this path's organization segment included. Each SSE
    message's `data` is a `TaskEvent` as JSON; messages carry ids, and a client that
    reconnects with `Last-Event-ID` receives only what it missed. The stream ends after
    `task_finished`.

    Args:
        organization_id (str):
        task_id (str):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | str]
    """

    kwargs = _get_kwargs(
        organization_id=organization_id,
        task_id=task_id,
        last_event_id=last_event_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    organization_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
    last_event_id: str | Unset = UNSET,
) -> Error | str | None:
    """Follow a task's events as Server-Sent Events.

     Only for a task created with `events_streaming: true`. For the cloud and staging the
    stream is on the agent-controller host (this operation's `servers`); for any other
    base URL it is under that base, this path's organization segment included. Each SSE
    message's `data` is a `TaskEvent` as JSON; messages carry ids, and a client that
    reconnects with `Last-Event-ID` receives only what it missed. The stream ends after
    `task_finished`.

    Args:
        organization_id (str):
        task_id (str):
        last_event_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | str
    """

    return (
        await asyncio_detailed(
            organization_id=organization_id,
            task_id=task_id,
            client=client,
            last_event_id=last_event_id,
        )
    ).parsed
