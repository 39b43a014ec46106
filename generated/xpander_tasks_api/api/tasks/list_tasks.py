from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.agent_execution_status import AgentExecutionStatus
from ...models.error import Error
from ...models.tasks_list_item import TasksListItem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    agent_id: str,
    *,
    user_id: str | Unset = UNSET,
    parent_task_id: str | Unset = UNSET,
    triggering_agent_id: str | Unset = UNSET,
    status: AgentExecutionStatus | Unset = UNSET,
    internal_status: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["user_id"] = user_id

    params["parent_task_id"] = parent_task_id

    params["triggering_agent_id"] = triggering_agent_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["internal_status"] = internal_status

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/agent-execution/executions/history/{agent_id}".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[TasksListItem] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = TasksListItem.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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
) -> Response[Error | list[TasksListItem]]:
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
    user_id: str | Unset = UNSET,
    parent_task_id: str | Unset = UNSET,
    triggering_agent_id: str | Unset = UNSET,
    status: AgentExecutionStatus | Unset = UNSET,
    internal_status: str | Unset = UNSET,
) -> Response[Error | list[TasksListItem]]:
    """List an agent's tasks, newest first.

     Every task of the agent that matches all the filters given; no pagination.

    Args:
        agent_id (str):
        user_id (str | Unset):
        parent_task_id (str | Unset):
        triggering_agent_id (str | Unset):
        status (AgentExecutionStatus | Unset): Where a task is in its lifecycle. A new task is
            `pending`.
        internal_status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TasksListItem]]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        user_id=user_id,
        parent_task_id=parent_task_id,
        triggering_agent_id=triggering_agent_id,
        status=status,
        internal_status=internal_status,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: str | Unset = UNSET,
    parent_task_id: str | Unset = UNSET,
    triggering_agent_id: str | Unset = UNSET,
    status: AgentExecutionStatus | Unset = UNSET,
    internal_status: str | Unset = UNSET,
) -> Error | list[TasksListItem] | None:
    """List an agent's tasks, newest first.

     Every task of the agent that matches all the filters given; no pagination.

    Args:
        agent_id (str):
        user_id (str | Unset):
        parent_task_id (str | Unset):
        triggering_agent_id (str | Unset):
        status (AgentExecutionStatus | Unset): Where a task is in its lifecycle. A new task is
            `pending`.
        internal_status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TasksListItem]
    """

    return sync_detailed(
        agent_id=agent_id,
        client=client,
        user_id=user_id,
        parent_task_id=parent_task_id,
        triggering_agent_id=triggering_agent_id,
        status=status,
        internal_status=internal_status,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: str | Unset = UNSET,
    parent_task_id: str | Unset = UNSET,
    triggering_agent_id: str | Unset = UNSET,
    status: AgentExecutionStatus | Unset = UNSET,
    internal_status: str | Unset = UNSET,
) -> Response[Error | list[TasksListItem]]:
    """List an agent's tasks, newest first.

     Every task of the agent that matches all the filters given; no pagination.

    Args:
        agent_id (str):
        user_id (str | Unset):
        parent_task_id (str | Unset):
        triggering_agent_id (str | Unset):
        status (AgentExecutionStatus | Unset): Where a task is in its lifecycle. A new task is
            `pending`.
        internal_status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[TasksListItem]]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        user_id=user_id,
        parent_task_id=parent_task_id,
        triggering_agent_id=triggering_agent_id,
        status=status,
        internal_status=internal_status,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    user_id: str | Unset = UNSET,
    parent_task_id: str | Unset = UNSET,
    triggering_agent_id: str | Unset = UNSET,
    status: AgentExecutionStatus | Unset = UNSET,
    internal_status: str | Unset = UNSET,
) -> Error | list[TasksListItem] | None:
    """List an agent's tasks, newest first.

     Every task of the agent that matches all the filters given; no pagination.

    Args:
        agent_id (str):
        user_id (str | Unset):
        parent_task_id (str | Unset):
        triggering_agent_id (str | Unset):
        status (AgentExecutionStatus | Unset): Where a task is in its lifecycle. A new task is
            `pending`.
        internal_status (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[TasksListItem]
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            client=client,
            user_id=user_id,
            parent_task_id=parent_task_id,
            triggering_agent_id=triggering_agent_id,
            status=status,
            internal_status=internal_status,
        )
    ).parsed
