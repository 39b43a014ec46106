"""What a program written for the published SDK needs beyond the import line: its module
paths, `Configuration`, its errors' text, its list filters, saves and agents."""

from __future__ import annotations

import asyncio
import copy
import importlib
import json
import logging
import pickle
import subprocess
from typing import Any

import httpx
import pytest
from httpx_sse import ServerSentEvent
from support import TaskServerFactory, fake_task

import xpander_tasks
from xpander_tasks import (
    Agents,
    AgentsListItem,
    Configuration,
    ConfigurationError,
    EventsNotStreamedError,
    InvalidArgumentError,
    ModuleException,
    NotFoundError,
    StreamError,
    Task,
    Tasks,
)
from xpander_tasks._sdk_paths import SDK_MODULES
from xpander_tasks_api import models

KEY = "sk-migration-key-7f3a"


def _recorded(answer: Any = None, status: int = 200) -> tuple[list[httpx.Request], httpx.Client]:
    requests: list[httpx.Request] = []

    def handle(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        body = answer if answer is not None else fake_task({})
        if request.method == "PATCH" and answer is None:
            body = {**fake_task({}), **json.loads(request.content)}
        return httpx.Response(status, json=body)

    return requests, httpx.Client(transport=httpx.MockTransport(handle))


# The SDK's module paths.


@pytest.mark.parametrize("module", sorted(SDK_MODULES))
def test_every_sdk_module_path_imports_with_our_names(module: str) -> None:
    imported = importlib.import_module(f"xpander_tasks.{module}")
    for name in SDK_MODULES[module]:
        ours = getattr(imported, name)
        spec_name = {"AgentExecutionInput": "TaskInput", "MessageIdentity": "EventIdentity"}
        expected = (
            getattr(models, spec_name[name]) if name in spec_name else getattr(xpander_tasks, name)
        )
        assert ours is expected, f"{module}.{name}"
    assert sorted(imported.__all__) == sorted(SDK_MODULES[module])


def test_the_sdk_root_names_are_ours() -> None:
    for name in (
        "Agent", "AgentExecutionStatus", "Agents", "AgentsListItem", "Configuration",
        "MCPServerAuthType", "MCPServerDetails", "MCPServerSSOTokenMode", "MCPServerTransport",
        "MCPServerType", "ModuleException", "OutputFormat", "Principal", "PrincipalKind", "Task",
        "TaskUpdateEvent", "TaskUpdateEventType", "Tasks", "TasksListItem", "Tokens", "User",
    ):  # fmt: skip
        assert name in xpander_tasks.__all__ and getattr(xpander_tasks, name) is not None


def test_a_path_the_sdk_does_not_have_is_not_found() -> None:
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("xpander_tasks.modules.tasks.no_such_module")
    with pytest.raises(ImportError):
        exec("from xpander_tasks.models.shared import Backend", {})


# Configuration.


def test_configuration_is_taken_positionally_and_by_keyword(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XPANDER_API_KEY", raising=False)
    config = Configuration(api_key=KEY, base_url="localhost:8085", organization_id="org-9")
    for tasks in (Tasks(config), Tasks(configuration=config), Agents(config)):
        assert tasks.config.api_key == KEY
        assert tasks.config.base_url == "http://localhost:8085"
        assert tasks.config.organization_id == "org-9"
        assert tasks.configuration is config
    # An argument of ours wins over the configuration's.
    assert Tasks(config, api_key="other").config.api_key == "other"
    with pytest.raises(ConfigurationError, match="must be a Configuration"):
        Tasks(42)  # type: ignore[arg-type]


def test_configuration_reads_the_environment_when_made(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XPANDER_API_KEY", KEY)
    monkeypatch.setenv("XPANDER_BASE_URL", "https://api.example.com")
    monkeypatch.setenv("XPANDER_ORGANIZATION_ID", "org-env")
    config = Configuration(agent_id="agent-1")
    assert (config.api_key, config.base_url, config.organization_id, config.agent_id) == (
        KEY, "https://api.example.com", "org-env", "agent-1",
    )  # fmt: skip
    assert config.get_full_url() == "https://api.example.com"
    controller = Configuration(base_url="https://agent-controller.example.com")
    assert controller.get_full_url() == "https://agent-controller.example.com/org-env"


def test_the_key_is_in_no_repr_and_no_pickle_of_a_configuration_or_a_task() -> None:
    requests, client = _recorded()
    with Tasks(KEY, http_client=client) as tasks:
        task = tasks.get("task-1")
        config = task.configuration
        assert config is not None and config.api_key == KEY
        assert KEY not in repr(config) and KEY not in repr(task) and KEY not in repr(tasks)
        with pytest.raises(TypeError, match="not pickled"):
            pickle.dumps(config)
        revived = pickle.loads(pickle.dumps(task))
        assert revived.configuration is None  # unbound: no client, no key
        assert KEY.encode() not in pickle.dumps(task)
        assert copy.copy(task).configuration is config
    assert len(requests) == 1


def test_task_load_takes_a_configuration(task_server: Any) -> None:
    config = Configuration(api_key=task_server.api_key, base_url=task_server.url)
    with Tasks(config) as tasks:
        created = tasks.create("agent-123", None, "Hi")
    assert Task.load(created.id, config).input_.text == "Hi"
    assert asyncio.run(Task.aload(created.id, configuration=config)).id == created.id
    with Tasks(config) as tasks:
        item = tasks.list("agent-123")[0]
        assert item.load(config).id == created.id
    reported = Task.report_external_task(config, "agent-123", None, "q", None, None, False)
    assert reported.status is not None and reported.status.value == "failed"
    with pytest.raises(InvalidArgumentError, match="not both"):
        Task.load(created.id, config, client=Tasks(config))


def test_a_missing_key_is_said_at_the_first_async_request_too(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("XPANDER_API_KEY", raising=False)
    tasks = Tasks()  # an app's module-level client, made before its settings are loaded

    async def get() -> None:
        async with tasks:
            await tasks.aget("task-1")

    with pytest.raises(ConfigurationError, match="XPANDER_API_KEY"):
        asyncio.run(get())


# Errors as the SDK prints them.


def test_an_answered_error_reads_as_the_sdk_prints_it() -> None:
    body = '{"detail": "Task not found"}'
    transport = httpx.MockTransport(
        lambda request: httpx.Response(404, text=body, headers={"x-request-id": "req-1"})
    )
    client = httpx.Client(transport=transport)
    with Tasks(KEY, http_client=client) as tasks, pytest.raises(NotFoundError) as caught:
        tasks.get("task-1")
    error = caught.value
    assert (str(error), error.args, error.description) == (
        f"[404] {body}",
        (f"[404] {body}",),
        body,
    )
    assert (error.detail, error.request_id) == ("Task not found", "req-1")
    made = ModuleException(400, "bad")
    assert (str(made), made.args) == ("[400] bad", ("[400] bad",))


def test_events_of_a_task_without_streaming_are_a_value_error() -> None:
    _, client = _recorded()
    with Tasks(KEY, http_client=client) as tasks:
        task = tasks.get("task-1")
        with pytest.raises(ValueError, match="events_streaming") as caught:
            next(iter(task.events()))
    assert isinstance(caught.value, EventsNotStreamedError) and isinstance(
        caught.value, StreamError
    )


def test_events_carry_who_is_speaking() -> None:
    from xpander_tasks import _events

    data = {
        "type": "chunk", "task_id": "t-1", "organization_id": "o", "time": "2026-01-01T00:00:00Z",
        "data": "hello", "identity": {"name": "Researcher", "icon": "R"},
    }  # fmt: skip
    with Tasks(KEY) as tasks:
        event = _events._parse(ServerSentEvent(data=json.dumps(data)), tasks, Task)
        plain = _events._parse(
            ServerSentEvent(data=json.dumps({**data, "identity": None})), tasks, Task
        )
    assert event.identity is not None and (event.identity.name, event.identity.icon) == (
        "Researcher", "R",
    )  # fmt: skip
    assert plain.identity is None


# List filters.


def test_an_unknown_filter_is_sent_and_a_near_miss_is_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    requests, client = _recorded(answer=[])
    caplog.set_level(logging.WARNING, logger="xpander_tasks")
    with Tasks(KEY, http_client=client) as tasks:
        tasks.list("agent-1", {"limit": 5, "status": "paused", "offset": None})
        assert caplog.text == ""
        tasks.list_user_tasks("user-1", {"stauts": "paused"})
    assert dict(requests[0].url.params) == {"limit": "5", "status": "paused"}
    assert dict(requests[1].url.params) == {"stauts": "paused"}
    assert "did you mean 'status'" in caplog.text


# Saves, versions, agents.


def test_save_sends_the_deep_plan_only_when_asked_and_keeps_a_lost_one() -> None:
    plan = {"enabled": True, "tasks": [{"id": "1", "title": "step", "completed": False}]}
    answers = iter([fake_task({}, deep_planning=plan), fake_task({}), fake_task({})])
    sent: list[dict[str, Any]] = []

    def handle(request: httpx.Request) -> httpx.Response:
        if request.method == "PATCH":
            sent.append(json.loads(request.content))
        return httpx.Response(200, json=next(answers))

    with Tasks(KEY, http_client=httpx.Client(transport=httpx.MockTransport(handle))) as tasks:
        task = tasks.get("task-1")
        task.save()  # the answer has no plan: the task keeps its own
        assert task.deep_planning is not None
        assert task.deep_planning["tasks"] == plan["tasks"]  # type: ignore[index]
        task.save(with_deep_plan_update=True)
    assert "deep_planning" not in sent[0]
    assert sent[1]["deep_planning"]["tasks"] == plan["tasks"]
    # The whole task, every field the spec names, as the SDK's model sends it.
    assert {"sub_executions", "used_tools", "execution_attempts", "hitl_request"} <= set(sent[0])
    assert (sent[0]["execution_attempts"], sent[0]["used_tools"]) == (1, [])
    assert (sent[0]["input"]["attachments"], sent[0]["input"]["principal"]) == ([], None)


def test_an_agent_version_may_be_a_number() -> None:
    requests, client = _recorded()
    with Tasks(KEY, http_client=client) as tasks:
        tasks.create("agent-1", agent_version=3)
        with pytest.raises(InvalidArgumentError, match="agent_version"):
            tasks.create("agent-1", agent_version=True)
    assert requests[0].headers["x-agent-version"] == "3"
    assert len(requests) == 1


def test_create_takes_the_sdk_positional_order() -> None:
    requests, client = _recorded()
    with Tasks(KEY, http_client=client) as tasks:
        tasks.create("agent-1", "task-7", "a prompt", ["https://e.com/a.pdf"], None, None, "2")
    body = json.loads(requests[0].content)
    assert (body["id"], body["input"]["text"], body["input"]["files"]) == (
        "task-7", "a prompt", ["https://e.com/a.pdf"],
    )  # fmt: skip
    assert requests[0].headers["x-agent-version"] == "2"


def test_agents_get_without_an_id_reads_the_configured_one(
    task_server: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("XPANDER_AGENT_ID", raising=False)
    config = Configuration(api_key=task_server.api_key, base_url=task_server.url)
    with Agents(config) as agents, pytest.raises(InvalidArgumentError, match="agent_id"):
        agents.get()
    config.agent_id = "agent-123"
    with Agents(config) as agents:
        assert agents.get().id == "agent-123"
    monkeypatch.setenv("XPANDER_AGENT_ID", "agent-123")

    async def read() -> str:
        async with Agents(api_key=task_server.api_key, base_url=task_server.url) as agents:
            return (await agents.aget()).id

    assert asyncio.run(read()) == "agent-123"


def test_agents_are_listed_and_loaded(make_task_server: TaskServerFactory) -> None:
    server = make_task_server(agents=("agent-b", "agent-a"))
    with Agents(api_key=server.api_key, base_url=server.url) as agents:
        items = agents.list()
        assert [type(item) for item in items] == [AgentsListItem, AgentsListItem]
        assert [item.id for item in items] == ["agent-a", "agent-b"]
        assert items[0].status.value == "ACTIVE"
        assert items[0].load().id == "agent-a"
    config = Configuration(api_key=server.api_key, base_url=server.url)

    async def listed_then_loaded() -> tuple[str, str]:
        async with Agents(config) as agents:
            second = (await agents.alist())[1]
            return (await second.aload()).id, (await second.aload(config)).id

    assert asyncio.run(listed_then_loaded()) == ("agent-b", "agent-b")


def test_a_server_taking_any_agent_lists_those_its_tasks_name(
    make_task_server: TaskServerFactory,
) -> None:
    server = make_task_server(agents=None)
    with Tasks(api_key=server.api_key, base_url=server.url) as tasks:
        tasks.create("agent-z", prompt="one")
        tasks.create("agent-y", prompt="two")
    with Agents(api_key=server.api_key, base_url=server.url) as agents:
        assert [item.id for item in agents.list()] == ["agent-y", "agent-z"]


def test_the_cli_lists_the_agents(
    make_task_server: TaskServerFactory,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from xpander_tasks._cli import main

    server = make_task_server(agents=("agent-123", "agent-2"))
    monkeypatch.setenv("XPANDER_API_KEY", server.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", server.url)
    assert main(["agents"]) == 0
    header, *rows = capsys.readouterr().out.splitlines()
    assert header.split() == ["ID", "STATUS", "NAME"]
    assert [row.split() for row in rows] == [
        ["agent-123", "ACTIVE", "agent-123"],
        ["agent-2", "ACTIVE", "agent-2"],
    ]
    assert main(["agents", "--json"]) == 0
    assert [item["id"] for item in json.loads(capsys.readouterr().out)] == ["agent-123", "agent-2"]


def test_agent_load_takes_a_configuration(task_server: Any) -> None:
    config = Configuration(api_key=task_server.api_key, base_url=task_server.url)
    agent = xpander_tasks.Agent.load("agent-123", config, 2)
    assert (agent.id, agent.version) == ("agent-123", 2)
    assert agent.create_task("Hi").input_.text == "Hi"


# Where the SDK offers each of our names: read from its package tree, as the table was.
_SCAN = """
import importlib, json, pkgutil, sys, warnings
warnings.filterwarnings("ignore")
import xpander_sdk
names = set(json.loads(sys.argv[1]))
for found in pkgutil.walk_packages(xpander_sdk.__path__, "xpander_sdk."):
    try:
        importlib.import_module(found.name)
    except Exception:
        pass
scoped = ("models.", "exceptions.", "modules.tasks.", "modules.agents.")
where = {}
for module_name, module in sorted(sys.modules.items()):
    if module is None or not module_name.startswith("xpander_sdk."):
        continue
    short = module_name.removeprefix("xpander_sdk.")
    for name in names:
        value = vars(module).get(name)
        canonical = getattr(xpander_sdk, name, value)  # the root's, where it has one
        if getattr(value, "__name__", None) != name or value is not canonical:
            continue
        if value.__module__ == module_name or short.startswith(scoped):
            where.setdefault(short, []).append(name)
print(json.dumps({module: sorted(found) for module, found in where.items()}))
"""


def test_the_table_is_the_sdk_package_tree() -> None:
    from published_sdk import sdk_python

    names = sorted({name for found in SDK_MODULES.values() for name in found})
    scan = subprocess.run(
        [sdk_python(), "-c", _SCAN, json.dumps(names)],
        capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    assert json.loads(scan.stdout) == {module: sorted(n) for module, n in SDK_MODULES.items()}
