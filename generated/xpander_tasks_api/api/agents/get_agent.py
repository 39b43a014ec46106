from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent import Agent
from ...models.error import Error
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agent_id: str,
    *,
    x_agent_version: str | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(x_agent_version, Unset):
        headers["x-agent-version"] = x_agent_version

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/agents/{agent_id}".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Agent | Error | None:
    if response.status_code == 200:
        response_200 = Agent.from_dict(response.json())

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
) -> Response[Agent | Error]:
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
    *,
    client: AuthenticatedClient | Client,
    x_agent_version: str | Unset = UNSET,
) -> Response[Agent | Error]:
    """Read an agent.

     The agent's identifying fields; everything else about it (tools, graph, settings) is
    kept as it comes. `x-agent-version` reads a specific version.

    Args:
        agent_id (str):
        x_agent_version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agent | Error]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        x_agent_version=x_agent_version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_agent_version: str | Unset = UNSET,
) -> Agent | Error | None:
    """Read an agent.

     The agent's identifying fields; everything else about it (tools, graph, settings) is
    kept as it comes. `x-agent-version` reads a specific version.

    Args:
        agent_id (str):
        x_agent_version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agent | Error
    """

    return sync_detailed(
        agent_id=agent_id,
        client=client,
        x_agent_version=x_agent_version,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_agent_version: str | Unset = UNSET,
) -> Response[Agent | Error]:
    """Read an agent.

     The agent's identifying fields; everything else about it (tools, graph, settings) is
    kept as it comes. `x-agent-version` reads a specific version.

    Args:
        agent_id (str):
        x_agent_version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Agent | Error]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        x_agent_version=x_agent_version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    x_agent_version: str | Unset = UNSET,
) -> Agent | Error | None:
    """Read an agent.

     The agent's identifying fields; everything else about it (tools, graph, settings) is
    kept as it comes. `x-agent-version` reads a specific version.

    Args:
        agent_id (str):
        x_agent_version (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Agent | Error
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            client=client,
            x_agent_version=x_agent_version,
        )
    ).parsed
