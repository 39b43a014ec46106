from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_activity_thread import AgentActivityThread
from ...models.error import Error
from ...types import Response


def _get_kwargs(
    agent_id: str,
    task_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/activity/{agent_id}/{task_id}".format(
            agent_id=quote(str(agent_id), safe=""),
            task_id=quote(str(task_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> AgentActivityThread | Error | None:
    if response.status_code == 200:
        response_200 = AgentActivityThread.from_dict(response.json())

        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 422:
        response_422 = Error.from_dict(response.json())

        return response_422

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
) -> Response[AgentActivityThread | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


request_kwargs = _get_kwargs
parse_response = _parse_response


def sync_detailed(
    agent_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AgentActivityThread | Error]:
    """A task's activity thread.

     The messages of the task's run: the user's input, the agent's reasoning, tool calls
    and answers. Entries come in several kinds, told apart by their fields, and new kinds
    may come: each entry is an open object, kept whole.

    Args:
        agent_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentActivityThread | Error]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        task_id=task_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AgentActivityThread | Error | None:
    """A task's activity thread.

     The messages of the task's run: the user's input, the agent's reasoning, tool calls
    and answers. Entries come in several kinds, told apart by their fields, and new kinds
    may come: each entry is an open object, kept whole.

    Args:
        agent_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentActivityThread | Error
    """

    return sync_detailed(
        agent_id=agent_id,
        task_id=task_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[AgentActivityThread | Error]:
    """A task's activity thread.

     The messages of the task's run: the user's input, the agent's reasoning, tool calls
    and answers. Entries come in several kinds, told apart by their fields, and new kinds
    may come: each entry is an open object, kept whole.

    Args:
        agent_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AgentActivityThread | Error]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        task_id=task_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    task_id: str,
    *,
    client: AuthenticatedClient | Client,
) -> AgentActivityThread | Error | None:
    """A task's activity thread.

     The messages of the task's run: the user's input, the agent's reasoning, tool calls
    and answers. Entries come in several kinds, told apart by their fields, and new kinds
    may come: each entry is an open object, kept whole.

    Args:
        agent_id (str):
        task_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AgentActivityThread | Error
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            task_id=task_id,
            client=client,
        )
    ).parsed
