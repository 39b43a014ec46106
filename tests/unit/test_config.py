"""Configuration: arguments, then environment; the organization segment; connection reuse."""

from __future__ import annotations

import asyncio
import gc
import subprocess
import sys

import httpx
import pytest
from support import API_KEY, echo_handler, fake_task, mock_tasks, tasks_for

import xpander_tasks
from xpander_tasks import ConfigurationError, InvalidArgumentError, ModuleException, Task, Tasks
from xpander_tasks_server import LocalTaskServer


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("XPANDER_API_KEY", "XPANDER_BASE_URL", "XPANDER_ORGANIZATION_ID"):
        monkeypatch.delenv(name, raising=False)


def test_missing_key_is_a_clear_error_before_any_request() -> None:
    sent: list[httpx.Request] = []
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    # As the published SDK: a client without a key is made (a module-level `Tasks()` imports
    # before the app has its settings); its first request is refused.
    tasks = Tasks(http_client=httpx.Client(transport=transport))
    with pytest.raises(ConfigurationError) as error:
        tasks.get("task-1")
    assert isinstance(error.value, ModuleException)
    assert "XPANDER_API_KEY" in str(error.value)
    assert sent == []


def test_environment_fills_what_arguments_leave_open(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XPANDER_API_KEY", "env-key")
    monkeypatch.setenv("XPANDER_BASE_URL", "inbound.stg.xpander.ai/")
    monkeypatch.setenv("XPANDER_ORGANIZATION_ID", "org-env")
    config = Tasks().config
    assert (config.api_key, config.base_url, config.organization_id) == (
        "env-key",
        "https://inbound.stg.xpander.ai",
        "org-env",
    )
    assert config.api_root == "https://inbound.stg.xpander.ai"
    argument_config = Tasks(
        "arg-key", base_url="https://api.example.com", organization_id="org-arg"
    ).config
    assert (argument_config.api_key, argument_config.api_root, argument_config.organization_id) == (
        "arg-key",
        "https://api.example.com",
        "org-arg",
    )


def test_default_base_url() -> None:
    assert Tasks(API_KEY).config.api_root == "https://inbound.xpander.ai"


@pytest.mark.parametrize(
    "base_url",
    [
        "https://agent-controller.internal",
        "http://localhost:9016",
        "https://gw.example.com/agent-controller",
    ],
)
def test_agent_controller_urls_get_the_organization_segment(base_url: str) -> None:
    config = Tasks(API_KEY, base_url=base_url, organization_id="org-7").config
    assert config.api_root == f"{base_url}/org-7"
    with pytest.raises(ConfigurationError, match="XPANDER_ORGANIZATION_ID"):
        Tasks(API_KEY, base_url=base_url)


def test_requests_go_under_the_organization_segment() -> None:
    requests: list[httpx.Request] = []
    tasks = Tasks(
        API_KEY,
        base_url="https://agent-controller.internal",
        organization_id="org-7",
        http_client=httpx.Client(transport=httpx.MockTransport(echo_handler(requests))),
    )
    tasks.create(agent_id="agent-123")
    assert requests[0].url == "https://agent-controller.internal/org-7/agent-execution/agent-123"


@pytest.mark.parametrize(
    ("base_url", "events_root"),
    [
        ("https://inbound.xpander.ai", "https://agent-controller.xpander.ai/org-1"),
        ("https://inbound.stg.xpander.ai", "https://agent-controller.stg.xpander.ai/org-1"),
        ("http://127.0.0.1:8085", "http://127.0.0.1:8085/org-1"),
    ],
)
def test_events_root(base_url: str, events_root: str) -> None:
    """The events path is the generated endpoint's, under the events host."""
    requests: list[httpx.Request] = []

    def refuse(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(404, json={"detail": "Task not found"})

    own = httpx.Client(transport=httpx.MockTransport(refuse))
    tasks = Tasks(API_KEY, base_url=base_url, http_client=own)
    task = Task.parse(fake_task({}, id="t-1", events_streaming=True), tasks)
    with pytest.raises(ModuleException, match="404"):
        next(task.events())
    assert str(requests[0].url) == f"{events_root}/agent-execution/t-1/events"


@pytest.mark.parametrize("base_url", ["ftp://example.com", "https://", "   "])
def test_malformed_base_url(base_url: str) -> None:
    with pytest.raises(ConfigurationError):
        Tasks(API_KEY, base_url=base_url)


@pytest.mark.parametrize(
    ("arguments", "said"),
    [
        ({"api_key": 123}, "api_key must be a string, not int"),
        ({"api_key": b"a-key-as-bytes"}, "api_key must be a string, not bytes"),
        ({"api_key": API_KEY, "organization_id": 5}, "organization_id must be a string"),
        ({"api_key": API_KEY, "base_url": 5}, "base_url must be a string, not int"),
        ({"api_key": API_KEY, "base_url": "https://h.example/v1?x=1"}, "query or fragment"),
        ({"api_key": API_KEY, "base_url": "https://h.example/#top"}, "query or fragment"),
    ],
    ids=["int-key", "bytes-key", "int-org", "int-url", "query", "fragment"],
)
def test_settings_of_the_wrong_kind_are_named(arguments: dict[str, object], said: str) -> None:
    with pytest.raises(ConfigurationError, match=said) as caught:
        Tasks(**arguments)  # type: ignore[arg-type]
    assert "a-key-as-bytes" not in str(caught.value)


@pytest.mark.parametrize(
    "base_url",
    [
        "https://user:hunter2-secret@h.example",
        "https://user:hunter2-secret@h.example:port",  # does not parse either
        "user:hunter2-secret@h.example",
    ],
)
def test_credentials_in_the_base_url_are_refused_without_repeating_them(base_url: str) -> None:
    with pytest.raises(ConfigurationError, match="user name or password") as caught:
        Tasks(API_KEY, base_url=base_url)
    assert "hunter2" not in str(caught.value)


def test_a_query_in_the_base_url_is_refused_without_repeating_it() -> None:
    with pytest.raises(ConfigurationError, match="query or fragment") as caught:
        Tasks(API_KEY, base_url="https://h.example/v1?sig=token-in-query")
    assert "token-in-query" not in str(caught.value)


@pytest.mark.parametrize("given", ["http_client", "async_http_client"])
def test_an_httpx_client_of_the_wrong_kind_is_refused(given: str) -> None:
    wrong = httpx.AsyncClient() if given == "http_client" else httpx.Client()
    with pytest.raises(ConfigurationError, match=f"{given} must be an httpx"):
        Tasks(API_KEY, **{given: wrong})  # type: ignore[arg-type]
    if isinstance(wrong, httpx.AsyncClient):
        asyncio.run(wrong.aclose())
    else:
        wrong.close()


@pytest.mark.parametrize("seconds", [1e10, 1e300, float("inf")], ids=str)
def test_durations_past_a_year_are_refused_not_overflowed(seconds: float) -> None:
    phases = httpx.Timeout(5.0, read=seconds)
    for timeout in (seconds, phases):
        with pytest.raises(InvalidArgumentError, match="at most 31536000"):
            Tasks(API_KEY, timeout=timeout)
    requests: list[httpx.Request] = []
    with mock_tasks(echo_handler(requests)) as tasks:
        task = tasks.create("agent-1", events_streaming=True)
        for call in (
            lambda: tasks.get("task-1", timeout=seconds),
            lambda: tasks.get("task-1", timeout=phases),
            lambda: tasks.get("task-1", total_timeout=seconds),
            lambda: task.wait(timeout=seconds),
            lambda: next(task.events(read_timeout=seconds)),
        ):
            with pytest.raises(InvalidArgumentError, match="at most 31536000"):
                call()
    assert len(requests) == 1  # the create: nothing more was sent


def test_a_phase_of_none_or_zero_is_httpxs_own_and_taken() -> None:
    timeout = httpx.Timeout(5.0, connect=None, pool=0)
    assert Tasks(API_KEY, timeout=timeout).config.timeout is timeout


def test_plain_http_only_to_this_machine_unless_allowed() -> None:
    for loopback in ("http://127.0.0.1:8085", "http://localhost:1", "http://[::1]:8085"):
        Tasks(API_KEY, base_url=loopback)
    with pytest.raises(ConfigurationError, match="plain http"):
        Tasks(API_KEY, base_url="http://tasks.example.com")
    Tasks(API_KEY, base_url="http://tasks.example.com", allow_insecure_http=True)


async def test_one_pool_reused_and_safe_under_concurrency() -> None:
    requests: list[httpx.Request] = []
    async with mock_tasks(echo_handler(requests)) as tasks:
        first_client = tasks.async_http_client()
        tasks_created = await asyncio.gather(
            *(tasks.acreate(agent_id="agent-123", prompt=str(n)) for n in range(50))
        )
        assert tasks.async_http_client() is first_client
    assert sorted(task.input_.text for task in tasks_created) == sorted(str(n) for n in range(50))
    assert len(requests) == 50


def test_own_pools_are_created_lazily_and_closed() -> None:
    with Tasks(API_KEY) as tasks:
        assert tasks._http is None
        client = tasks.http_client()
        assert not client.is_closed
    assert client.is_closed


def test_per_client_and_per_call_timeouts_reach_the_request() -> None:
    seen: list[dict[str, float | None]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json=fake_task({}))

    tasks = Tasks(
        API_KEY,
        timeout=3.0,
        http_client=httpx.Client(transport=httpx.MockTransport(handle), timeout=3.0),
    )
    tasks.create(agent_id="agent-123")
    tasks.create(agent_id="agent-123", timeout=0.25)
    tasks.get("t1", timeout=httpx.Timeout(1.0, connect=0.1))
    assert seen[0]["read"] == 3.0
    assert seen[1] == {"connect": 0.25, "read": 0.25, "write": 0.25, "pool": 0.25}
    assert seen[2]["connect"] == 0.1 and seen[2]["read"] == 1.0


def test_one_httpx_client_serves_one_tasks_only() -> None:
    shared = httpx.Client(transport=httpx.MockTransport(echo_handler([])))
    Tasks("key-of-tenant-a", base_url="https://a.example.com", http_client=shared)
    with pytest.raises(ConfigurationError, match="already serves another Tasks") as error:
        Tasks("key-of-tenant-b", base_url="https://b.example.com", http_client=shared)
    assert "key-of-tenant" not in str(error.value)
    shared.close()


def test_a_key_read_with_its_newline_is_stripped_and_a_broken_one_refused() -> None:
    requests: list[httpx.Request] = []
    tasks = Tasks(
        "sk-from-a-file\n",
        http_client=httpx.Client(transport=httpx.MockTransport(echo_handler(requests))),
    )
    tasks.create(agent_id="agent-123")
    assert requests[0].headers["x-api-key"] == "sk-from-a-file"
    for broken in ("sk-in\nside", "sk-\x00", "sk-ünïcode"):
        with pytest.raises(ConfigurationError) as error:
            Tasks(broken)
        assert broken.strip() not in str(error.value)


def test_an_own_client_gets_the_configured_timeouts() -> None:
    seen: list[dict[str, float | None]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"])
        return httpx.Response(200, json=fake_task({}))

    own = httpx.Client(transport=httpx.MockTransport(handle))  # httpx's default: 5 s
    Tasks(API_KEY, timeout=0.3, http_client=own).create(agent_id="agent-123")
    assert seen == [{"connect": 0.3, "read": 0.3, "write": 0.3, "pool": 0.3}]


def test_a_closed_pool_reopens_but_a_closed_own_client_is_an_error() -> None:
    requests: list[httpx.Request] = []
    tasks = Tasks(API_KEY, base_url="http://127.0.0.1:1")
    tasks.http_client()
    tasks.close()
    assert tasks.http_client().is_closed is False
    tasks.close()
    own = httpx.Client(transport=httpx.MockTransport(echo_handler(requests)))
    with Tasks(API_KEY, http_client=own) as tasks:
        tasks.create(agent_id="agent-123")
    with pytest.raises(ConfigurationError, match="is closed"):
        tasks.create(agent_id="agent-123")
    assert len(requests) == 1


# The first loop's connections can only be reclaimed by the garbage collector, with a
# ResourceWarning that Python hides by default; the test collects them itself.
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
@pytest.mark.filterwarnings("ignore::ResourceWarning")
def test_one_tasks_serves_several_asyncio_runs(task_server: LocalTaskServer) -> None:
    tasks = tasks_for(task_server)
    first = asyncio.run(tasks.acreate(agent_id="agent-123"))
    second = asyncio.run(tasks.acreate(agent_id="agent-123"))
    assert first.id != second.id
    asyncio.run(tasks.aclose())
    del tasks, first, second
    gc.collect()


async def test_an_own_async_client_stays_in_its_event_loop() -> None:
    own = httpx.AsyncClient(transport=httpx.MockTransport(echo_handler([])))
    tasks = Tasks(API_KEY, async_http_client=own)
    await tasks.acreate(agent_id="agent-123")

    def in_another_loop() -> None:
        asyncio.run(tasks.acreate(agent_id="agent-123"))

    with pytest.raises(ConfigurationError, match="another event loop"):
        await asyncio.to_thread(in_another_loop)
    await own.aclose()


def test_import_loads_only_what_creating_tasks_needs() -> None:
    # Import time is part of the product (#7): asyncio, event streaming (httpx-sse) and the CLI
    # load on first use. A fresh process, since this one has loaded everything.
    probe = (
        "import sys, xpander_tasks\n"
        "print(sorted(m for m in ('asyncio', 'httpx_sse', 'xpander_tasks._events',"
        " 'xpander_tasks._cli') if m in sys.modules))\n"
        "print(xpander_tasks.TaskUpdateEvent.__name__, 'httpx_sse' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["[]", "TaskUpdateEvent True"]
    with pytest.raises(AttributeError, match="no attribute 'TaskEvents'"):
        xpander_tasks.TaskEvents  # noqa: B018
