"""Secrets stay secret: reprs, log records and error messages never carry them, and the key
never goes over plain http to another machine.

The secrets are the API key and every field openapi.yaml tags `[secret]`, as the generated
models record them (`xpander_tasks._redact.secret_fields`); `SECRET_ARGUMENTS` fills each one
a create can send. Every one holds "SECRET" and a marker of its own, and the tests search
everything a user could see or log for each of them.
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import attrs
import httpx
import pytest
import yaml
from faultserver import (
    Behaviour,
    Connection,
    FaultServer,
    Mode,
    Received,
    close_before_answer,
    reply,
    slow,
    status,
    task_body,
)
from support import SPEC_PATH

from xpander_tasks import (
    APIStatusError,
    AuthenticationError,
    ClientConfig,
    ConfigurationError,
    InvalidArgumentError,
    InvalidResponseError,
    MCPServerDetails,
    ModuleException,
    Task,
    Tasks,
)
from xpander_tasks._redact import REDACTED, request_secrets, secret_fields
from xpander_tasks._spec_params import create_task_call
from xpander_tasks_api import models
from xpander_tasks_api.models import CreateTaskRequest, TaskEvent
from xpander_tasks_api.models import Task as GeneratedTask
from xpander_tasks_api.spec_extensions import SECRET_FIELDS

API_KEY = "sk-SECRET-apikey-0a1b2c3d"
OIDC_TOKEN = "eyJ-SECRET-oidc-4e5f6a7b"
USER_TOKEN = "ghp_SECRET-usertoken-8c9d"
MCP_API_KEY = "mcp-SECRET-apikey-0e1f"
MCP_CLIENT_SECRET = "mcp-SECRET-clientsecret-2a3b"
MCP_HEADER = "Bearer mcp-SECRET-header-4c5d"
MCP_ENV = "mcp-SECRET-env-6e7f"
SECRETS = (API_KEY, OIDC_TOKEN, USER_TOKEN, MCP_API_KEY, MCP_CLIENT_SECRET, MCP_HEADER, MCP_ENV)

SECRET_ARGUMENTS: dict[str, Any] = {
    "user_oidc_token": OIDC_TOKEN,
    "user_tokens": {"github": USER_TOKEN, "nested": {"deep": [USER_TOKEN]}},
    "mcp_servers": [
        {
            "name": "crm",
            "url": "https://mcp.example.invalid/crm",
            "auth_type": "oauth2",
            "api_key": MCP_API_KEY,
            "client_id": "crm-client",
            "client_secret": MCP_CLIENT_SECRET,
            "headers": {"Authorization": MCP_HEADER},
        },
        {"name": "files", "type": "local", "command": "mcp-files", "env_vars": {"TOKEN": MCP_ENV}},
    ],
}


def assert_no_secret(*texts: str) -> None:
    for text in texts:
        for secret in SECRETS:
            assert secret not in text, f"{secret!r} leaked into {text!r}"
        assert "SECRET" not in text, f"a secret leaked into {text!r}"


def assert_error_has_no_secret(error: BaseException) -> None:
    assert_no_secret(str(error), repr(error), *(str(arg) for arg in error.args))


def echo_task() -> Behaviour:
    """A 200 that echoes the whole request, as the API does: the secrets come back in the task."""

    def behave(conn: Connection, request: Received) -> bool:
        sent = request.json() if request.body else {}
        echoed = {key: value for key, value in sent.items() if value is not None}
        return reply(200, json.dumps({**echoed, **task_body(request)}))(conn, request)

    return behave


def echo_request_in(code: int, *, as_json: bool) -> Behaviour:
    """An error answer whose description repeats the request: its key and its whole body."""

    def behave(conn: Connection, request: Received) -> bool:
        text = f"rejected key {request.headers['x-api-key']} for {request.body.decode()}"
        body = json.dumps({"detail": text}) if as_json else text
        content_type = "application/json" if as_json else "text/plain"
        return reply(code, body, content_type=content_type)(conn, request)

    return behave


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer(default=echo_task()) as server:
        yield server


@pytest.fixture
async def tasks(server: FaultServer) -> AsyncIterator[Tasks]:
    async with Tasks(API_KEY, base_url=server.url, timeout=0.25, max_retries=0) as tasks:
        yield tasks


async def create(tasks: Tasks, mode: Mode, **arguments: Any) -> Task:
    arguments = {"prompt": "hello", **SECRET_ARGUMENTS, **arguments}
    if mode == "sync":
        return tasks.create("agent-1", **arguments)
    return await tasks.acreate("agent-1", **arguments)


async def failed_create(tasks: Tasks, mode: Mode, **arguments: Any) -> ModuleException:
    with pytest.raises(ModuleException) as caught:
        await create(tasks, mode, **arguments)
    return caught.value


# Reprs.


async def test_reprs_of_the_client_its_config_and_a_task_hold_no_secret(
    mode: Mode, server: FaultServer, tasks: Tasks
) -> None:
    task = await create(tasks, mode)
    # The secrets did travel, and came back in the task: they are there to leak.
    sent = server.requests[0]
    assert sent.headers["x-api-key"] == API_KEY
    assert all(secret in sent.body.decode() for secret in SECRETS[1:])
    assert task.user_oidc_token == OIDC_TOKEN
    assert_no_secret(
        repr(tasks),
        str(tasks),
        repr(tasks.config),
        str(tasks.config),
        repr(task),
        str(task),
        repr(tasks._retry),
    )
    assert f"{tasks!r}".startswith("Tasks(")
    assert "api_key" not in repr(tasks.config)


def test_generated_models_keep_secrets_out_of_their_reprs() -> None:
    # generator-templates/model.py.jinja declares every property whose description in
    # openapi.yaml calls it a secret with repr=False: a user printing a model they built, or
    # one the generated functions returned, sees no secret.
    # Unknown fields too: a newer server may add any credential.
    body = create_task_call("agent-1", **SECRET_ARGUMENTS).body
    echoed = {**body.to_dict(), **fake_task(), "new_session_token": USER_TOKEN}
    task = GeneratedTask.from_dict(echoed)
    event = TaskEvent.from_dict({"type": "task_updated", "data": echoed})
    assert task.user_tokens is not None  # the secrets are there to leak
    assert task["new_session_token"] == USER_TOKEN
    reprs = [repr(body), repr(task), repr(event), *map(repr, body.mcp_servers + task.mcp_servers)]
    assert_no_secret(*reprs)
    assert "name='crm'" in repr(body.mcp_servers[0])  # the rest of the repr stays


# By `__all__`: a model module loads on first access, so `vars(models)` may lack some.
EVERYTHING = [getattr(models, name) for name in models.__all__]
MODELS = [model for model in EVERYTHING if isinstance(model, type) and attrs.has(model)]


def tagged_in_spec() -> dict[str, set[str]]:
    """Each schema's properties whose description in openapi.yaml ends with `[secret]`."""
    schemas = yaml.safe_load(SPEC_PATH.read_text())["components"]["schemas"]
    return {
        name: {
            key
            for key, prop in (schema.get("properties") or {}).items()
            if str(prop.get("description", "")).rstrip().endswith("[secret]")
        }
        for name, schema in schemas.items()
    }


def test_the_generated_models_record_exactly_the_fields_the_spec_tags_secret() -> None:
    tagged = tagged_in_spec()
    recorded = {model.__name__: set(secret_fields(model)) for model in MODELS}
    assert {name: fields for name, fields in recorded.items() if fields} == {
        name: fields for name, fields in tagged.items() if fields
    }
    assert set().union(*recorded.values()) == SECRET_FIELDS


@pytest.mark.parametrize("model", [m for m in MODELS if secret_fields(m)], ids=lambda m: m.__name__)
def test_no_repr_of_a_generated_model_shows_a_secret_field(model: type[Any]) -> None:
    # Every field set, whatever its type: the secret ones to a secret, the others to a value
    # the repr must show, so the check cannot pass on an empty repr.
    instance = object.__new__(model)
    for field in attrs.fields(model):
        secret = field.metadata.get("secret")
        object.__setattr__(instance, field.name, f"SECRET-{field.name}" if secret else "shown")
    assert_no_secret(repr(instance))
    assert "shown" in repr(instance)


def test_the_secret_arguments_fill_every_secret_field_a_create_sends() -> None:
    # So the tests below search every output for every kind of secret a request can carry.
    assert set(secret_fields(CreateTaskRequest)) <= set(SECRET_ARGUMENTS)
    sent_by_servers = {key for server in SECRET_ARGUMENTS["mcp_servers"] for key in server}
    assert set(secret_fields(MCPServerDetails)) <= sent_by_servers


def test_a_request_carries_exactly_the_secrets_of_its_secret_fields() -> None:
    body = create_task_call("agent-1", prompt="hello prompt", **SECRET_ARGUMENTS).body
    request = httpx.Request("POST", "https://x.invalid", json=body.to_dict())
    found = request_secrets(API_KEY, request)
    assert set(found) == set(SECRETS)
    assert found == sorted(found, key=len, reverse=True)  # longest first
    assert "crm-client" in request.content.decode()  # a client id is not a secret


def test_a_config_made_directly_hides_its_key() -> None:
    config = ClientConfig.resolve(
        api_key=API_KEY,
        base_url=None,
        organization_id=None,
        timeout=httpx.Timeout(1.0),
        total_timeout=None,
        max_retries=0,
        allow_insecure_http=False,
    )
    assert config.api_key == API_KEY
    assert_no_secret(repr(config), str(config))
    # Frozen and compared by value, as attrs.frozen made it; attrs' view still works.
    with pytest.raises(AttributeError):
        config.api_key = "other"  # type: ignore[misc]
    changed = attrs.evolve(config, max_retries=3)
    assert (changed.max_retries, changed.api_key) == (3, API_KEY) and changed != config
    assert not attrs.fields(ClientConfig).api_key.repr


# Error messages.


@pytest.mark.parametrize("as_json", [True, False], ids=["json-detail", "plain-text"])
@pytest.mark.parametrize("code", [400, 401, 500])
async def test_an_error_body_that_echoes_the_secrets_is_redacted(
    mode: Mode, server: FaultServer, tasks: Tasks, code: int, as_json: bool
) -> None:
    server.script(echo_request_in(code, as_json=as_json))
    error = await failed_create(tasks, mode)
    assert isinstance(error, APIStatusError)
    assert error.status_code == code
    assert_error_has_no_secret(error)
    assert "rejected key" in error.description
    assert REDACTED in error.description


async def test_a_long_echo_cut_at_the_limit_leaks_no_piece_of_a_secret(
    mode: Mode, server: FaultServer, tasks: Tasks
) -> None:
    # The description is cut at 1,000 characters: a secret straddling the cut must not
    # survive in part. Pad so the key starts just before the cut.
    def behave(conn: Connection, request: Received) -> bool:
        text = "x" * 995 + API_KEY + " and more"
        return reply(401, json.dumps({"detail": text}))(conn, request)

    server.script(behave)
    error = await failed_create(tasks, mode)
    assert isinstance(error, AuthenticationError)
    assert_error_has_no_secret(error)
    assert "sk-S" not in error.description


@pytest.mark.parametrize(
    "behaviour",
    [
        close_before_answer(),
        slow(5),
        status(503),
        reply(200, "{not json"),
        reply(200, "<html></html>", content_type="text/html"),
    ],
    ids=["closed", "timeout", "503", "invalid-json", "html"],
)
async def test_other_failures_hold_no_secret(
    mode: Mode, server: FaultServer, tasks: Tasks, behaviour: Behaviour
) -> None:
    server.script(behaviour)
    assert_error_has_no_secret(await failed_create(tasks, mode))


async def test_an_invalid_task_echoing_the_secrets_is_redacted(
    mode: Mode, server: FaultServer, tasks: Tasks
) -> None:
    # A 200 whose task is broken in a field that holds a secret: the parser's message
    # quotes the value it could not read.
    def behave(conn: Connection, request: Received) -> bool:
        task = {**task_body(request), "created_at": OIDC_TOKEN}
        return reply(200, json.dumps(task))(conn, request)

    server.script(behave)
    error = await failed_create(tasks, mode)
    assert isinstance(error, InvalidResponseError)
    assert "not a valid task" in str(error)
    assert_error_has_no_secret(error)


@pytest.mark.parametrize(
    "arguments",
    [
        {"user_oidc_token": 12345},
        {"user_tokens": "github=" + USER_TOKEN},
        {"mcp_servers": [{"name": "x", "api_key": MCP_API_KEY}]},  # remote without url
        {"mcp_servers": [{"url": "u", "transport": "pigeon", "client_secret": MCP_CLIENT_SECRET}]},
        {"mcp_servers": MCP_API_KEY},
    ],
    ids=["oidc-not-text", "tokens-not-dict", "no-url", "bad-enum", "not-a-list"],
)
async def test_argument_errors_hold_no_secret(
    mode: Mode, server: FaultServer, tasks: Tasks, arguments: dict[str, Any]
) -> None:
    error = await failed_create(tasks, mode, **arguments)
    assert isinstance(error, InvalidArgumentError)  # a BadRequestError naming the parameter
    assert_error_has_no_secret(error)
    assert server.requests == []  # refused before sending


def test_configuration_errors_hold_no_secret(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XPANDER_API_KEY", API_KEY)
    for base_url in (
        "http://api.example.com",
        "ftp://api.example.com",
        "https://agent-controller.example.com",  # needs an organization
    ):
        with pytest.raises(ConfigurationError) as caught:
            Tasks(base_url=base_url)
        assert_error_has_no_secret(caught.value)


# Logs.


async def test_debug_logs_each_request_and_answer_without_secrets(
    mode: Mode, server: FaultServer, tasks: Tasks, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # every logger: ours, httpx's, httpcore's
    caplog.set_level(logging.DEBUG, logger="xpander_tasks")
    server.script(status(503), echo_request_in(401, as_json=True))
    with pytest.raises(AuthenticationError):
        await create(tasks, mode, max_retries=1)
    task = await create(tasks, mode)
    if mode == "sync":
        tasks.get(task.id)
    else:
        await tasks.aget(task.id)

    ours = [record for record in caplog.records if record.name == "xpander_tasks"]
    messages = [record.getMessage() for record in ours]
    create_url = f"{server.url}/agent-execution/agent-1"
    assert messages.count(f"request: POST {create_url}") == 3
    assert f"response: POST {create_url} -> 503 Service Unavailable" in messages
    assert f"response: POST {create_url} -> 401 Unauthorized" in messages
    assert f"response: POST {create_url} -> 200 OK" in messages
    assert f"request: GET {server.url}/agent-execution/{task.id}/status" in messages
    assert any(message.startswith("create task: retrying in") for message in messages)
    assert {record.levelno for record in ours} == {logging.DEBUG, logging.INFO}

    assert caplog.records
    for record in caplog.records:
        assert_no_secret(record.getMessage(), str(record.args), record.exc_text or "")
    assert_no_secret(caplog.text)


# Plain http.


@pytest.mark.parametrize(
    "base_url",
    [
        "http://example.com",
        "http://example.com:8080/api",
        "HTTP://EXAMPLE.COM",
        "http://10.0.0.5",
        "http://127.0.0.1.example.com",
        "http://localhost.example.com",
    ],
)
def test_plain_http_to_another_machine_is_refused(base_url: str) -> None:
    with pytest.raises(ConfigurationError, match="plain http") as caught:
        Tasks(API_KEY, base_url=base_url)
    assert_error_has_no_secret(caught.value)


def test_plain_http_from_the_environment_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XPANDER_API_KEY", API_KEY)
    monkeypatch.setenv("XPANDER_BASE_URL", "http://example.com")
    with pytest.raises(ConfigurationError, match="plain http"):
        Tasks()


@pytest.mark.parametrize(
    "base_url",
    ["http://127.0.0.1:8080", "http://localhost:9000", "http://[::1]:8080", "https://example.com"],
)
def test_https_and_this_machine_are_allowed(base_url: str) -> None:
    with Tasks(API_KEY, base_url=base_url) as tasks:
        assert tasks.config.api_root == base_url


def recording_transport(seen: list[httpx.Request], **answer: Any) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(**(answer or {"status_code": 200, "json": fake_task()}))

    return httpx.MockTransport(handle)


def fake_task() -> dict[str, Any]:
    return {
        "id": "t-1",
        "agent_id": "agent-1",
        "organization_id": "o",
        "input": {"text": "", "files": []},
        "created_at": "2026-01-01T00:00:00Z",
    }


async def test_allow_insecure_http_opts_in(mode: Mode) -> None:
    seen: list[httpx.Request] = []
    transport = recording_transport(seen)
    tasks = Tasks(
        API_KEY,
        base_url="http://example.com",
        allow_insecure_http=True,
        http_client=httpx.Client(transport=transport),
        async_http_client=httpx.AsyncClient(transport=transport),
    )
    async with tasks:
        if mode == "sync":
            tasks.create("agent-1")
        else:
            await tasks.acreate("agent-1")
    [request] = seen
    assert request.url == "http://example.com/agent-execution/agent-1"
    assert request.headers["x-api-key"] == API_KEY


async def test_a_client_of_your_own_cannot_move_the_key_elsewhere(mode: Mode) -> None:
    # Its own base URL is replaced by the configured one.
    seen: list[httpx.Request] = []
    transport = recording_transport(seen)
    tasks = Tasks(
        API_KEY,
        http_client=httpx.Client(base_url="http://example.com", transport=transport),
        async_http_client=httpx.AsyncClient(base_url="http://example.com", transport=transport),
    )
    async with tasks:
        if mode == "sync":
            tasks.get("t-1")
        else:
            await tasks.aget("t-1")
    assert [str(request.url) for request in seen] == [
        "https://inbound.xpander.ai/agent-execution/t-1/status"
    ]


async def test_a_redirect_to_plain_http_is_not_followed(mode: Mode) -> None:
    seen: list[httpx.Request] = []
    transport = recording_transport(
        seen, status_code=307, headers={"location": "http://example.com/steal"}
    )
    tasks = Tasks(
        API_KEY,
        http_client=httpx.Client(transport=transport, follow_redirects=True),
        async_http_client=httpx.AsyncClient(transport=transport, follow_redirects=True),
    )
    async with tasks:
        with pytest.raises(APIStatusError) as caught:
            if mode == "sync":
                tasks.create("agent-1")
            else:
                await tasks.acreate("agent-1")
    assert caught.value.status_code == 307
    assert [request.url.host for request in seen] == ["inbound.xpander.ai"]


def test_answers_are_asked_for_uncompressed_so_the_size_cap_bounds_what_is_parsed() -> None:
    seen: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=fake_task())

    client = httpx.Client(transport=httpx.MockTransport(handle))  # httpx asks for gzip by default
    with Tasks("sk-test", http_client=client) as tasks:
        tasks.create(agent_id="agent-123")
    assert seen[0].headers["accept-encoding"] == "identity"


async def test_no_cookie_is_kept_between_calls(server: FaultServer, mode: Mode) -> None:
    # The key authenticates every call: a cookie set by one answer (a load balancer's, or an
    # attacker's on a shared host) is not sent with the next, nor with another user's call.
    def set_cookie(conn: Connection, request: Received) -> bool:
        answer = reply(200, json.dumps(task_body(request)), headers={"set-cookie": "lb=SECRET"})
        return answer(conn, request)

    server.script(set_cookie)
    async with Tasks(API_KEY, base_url=server.url, max_retries=0) as tasks:
        for _ in range(2):
            if mode == "sync":
                tasks.create("agent-1")
            else:
                await tasks.acreate("agent-1")
    assert len(server.requests) == 2
    assert "cookie" not in server.requests[1].headers
