from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.report_external_task_request import ReportExternalTaskRequest
from ...models.task import Task
from ...types import Response


def _get_kwargs(
    agent_id: str,
    *,
    body: ReportExternalTaskRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/agent-execution/{agent_id}/report_task".format(
            agent_id=quote(str(agent_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | Task | None:
    if response.status_code == 200:
        response_200 = Task.from_dict(response.json())

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
) -> Response[Error | Task]:
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
    body: ReportExternalTaskRequest,
) -> Response[Error | Task]:
    """Record a task that ran outside xpander.

     Stores a finished task for the agent: `completed`, or `failed` when `is_success` is
    false. With `id` set, the task gets that id (replacing a task stored with it).

    Args:
        agent_id (str):
        body (ReportExternalTaskRequest): A task that ran outside xpander, as
            `Task.report_external_task` sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Task]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportExternalTaskRequest,
) -> Error | Task | None:
    """Record a task that ran outside xpander.

     Stores a finished task for the agent: `completed`, or `failed` when `is_success` is
    false. With `id` set, the task gets that id (replacing a task stored with it).

    Args:
        agent_id (str):
        body (ReportExternalTaskRequest): A task that ran outside xpander, as
            `Task.report_external_task` sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Task
    """

    return sync_detailed(
        agent_id=agent_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportExternalTaskRequest,
) -> Response[Error | Task]:
    """Record a task that ran outside xpander.

     Stores a finished task for the agent: `completed`, or `failed` when `is_success` is
    false. With `id` set, the task gets that id (replacing a task stored with it).

    Args:
        agent_id (str):
        body (ReportExternalTaskRequest): A task that ran outside xpander, as
            `Task.report_external_task` sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Task]
    """

    kwargs = _get_kwargs(
        agent_id=agent_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    agent_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ReportExternalTaskRequest,
) -> Error | Task | None:
    """Record a task that ran outside xpander.

     Stores a finished task for the agent: `completed`, or `failed` when `is_success` is
    false. With `id` set, the task gets that id (replacing a task stored with it).

    Args:
        agent_id (str):
        body (ReportExternalTaskRequest): A task that ran outside xpander, as
            `Task.report_external_task` sends it.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Task
    """

    return (
        await asyncio_detailed(
            agent_id=agent_id,
            client=client,
            body=body,
        )
    ).parsed
