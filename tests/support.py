"""Shared test helpers: a transport that holds every request to openapi.yaml, and fake tasks."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

import httpx
from openapi_core import OpenAPI
from openapi_core.datatypes import RequestParameters
from werkzeug.datastructures import Headers, ImmutableMultiDict

from xpander_tasks import Tasks

ROOT = Path(__file__).resolve().parents[1]
SPEC_PATH = ROOT / "openapi.yaml"
OPENAPI = OpenAPI.from_file_path(str(SPEC_PATH))
API_KEY = "test-key-5f2b9c"

Handler = Callable[[httpx.Request], httpx.Response]


class _OpenAPIRequest:
    """An httpx request as openapi-core reads one."""

    def __init__(self, request: httpx.Request) -> None:
        self.request = request
        self.parameters = RequestParameters(
            query=ImmutableMultiDict(parse_qs(request.url.query.decode())),
            header=Headers(dict(request.headers)),
            cookie=ImmutableMultiDict(),
        )
        self.host_url = f"{request.url.scheme}://{request.url.netloc.decode()}"
        self.path = request.url.path
        self.method = request.method.lower()
        self.body = request.content or None
        self.content_type = request.headers.get("content-type", "")


class _OpenAPIResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(dict(response.headers))
        self.data = response.content


def spec_checked(handler: Handler, *, check_responses: bool = True) -> httpx.MockTransport:
    """A mock transport that fails any request (and answer) the spec does not allow."""

    def checked(request: httpx.Request) -> httpx.Response:
        openapi_request = _OpenAPIRequest(request)
        OPENAPI.validate_request(openapi_request)
        response = handler(request)
        if check_responses:
            response.read()
            OPENAPI.validate_response(openapi_request, _OpenAPIResponse(response))
        return response

    return httpx.MockTransport(checked)


def fake_task(body: dict[str, Any], **fields: Any) -> dict[str, Any]:
    """What the API answers to a create with `body`: a new pending task echoing the request."""
    task: dict[str, Any] = {
        key: value for key, value in body.items() if key != "id" and value is not None
    }
    task.update(
        id=body.get("id") or "7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b",
        agent_id="agent-123",
        organization_id="org-1",
        input=body.get("input", {"text": "", "files": []}),
        status="pending",
        created_at="2026-11-24T12:00:00Z",
    )
    task.update(fields)
    return task


def echo_handler(requests: list[httpx.Request]) -> Handler:
    """Answers every create with a pending task, every other call with a stored one."""

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        body = json.loads(request.content) if request.content else {}
        return httpx.Response(200, json=fake_task(body))

    return handle


def mock_tasks(handler: Handler, *, check_responses: bool = True, **options: Any) -> Tasks:
    """A `Tasks` whose sync and async calls both go through `handler`, checked against the spec."""
    transport = spec_checked(handler, check_responses=check_responses)
    return Tasks(
        api_key=API_KEY,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
        **options,
    )
