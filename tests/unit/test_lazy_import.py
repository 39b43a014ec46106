"""`import xpander_tasks` loads what creating a task needs; other models and agents on first use."""

from __future__ import annotations

import ast
import subprocess
import sys

import pytest

from xpander_tasks_api import models

LATER = (
    "xpander_tasks._agents",
    "xpander_tasks_api.models.agent",
    "xpander_tasks_api.models.agent_activity_thread",
    "xpander_tasks_api.models.event_identity",
)


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=50, check=False
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.timeout(60)
def test_import_leaves_agents_and_unused_models_for_later() -> None:
    out = _run(
        "import sys, xpander_tasks\n"
        f"print(sorted(name for name in {LATER!r} if name in sys.modules))\n"
        "xpander_tasks.Agents, xpander_tasks.Agent, xpander_tasks.AgentsListItem\n"
        "xpander_tasks.ActivityLog\n"
        "from xpander_tasks_api.models import EventIdentity\n"
        f"print(sorted(name for name in {LATER!r} if name in sys.modules))\n"
    )
    assert out.splitlines() == ["[]", repr(sorted(LATER))]


@pytest.mark.timeout(60)
def test_list_items_load_on_first_use() -> None:
    out = _run(
        "import sys, xpander_tasks\n"
        "print('xpander_tasks._list_item' in sys.modules)\n"
        "from xpander_tasks import TasksListItem\n"
        "print(TasksListItem.__module__, 'xpander_tasks._list_item' in sys.modules)\n"
    )
    assert out.splitlines() == ["False", "xpander_tasks True"]


# Loaded by the first call that needs them: an app that only creates never loads them.
FIRST_USE = (
    "xpander_tasks_api.api.tasks.create_task",
    "xpander_tasks_api.api.tasks.list_tasks",
    "xpander_tasks_api.models.create_task_request",
    "xpander_tasks_api.models.update_task_request",
    "xpander_tasks_api.models.report_external_task_request",
    "xpander_tasks_api.models.tasks_list_item",
)


@pytest.mark.timeout(60)
def test_request_bodies_and_endpoints_load_with_their_first_call() -> None:
    out = _run(
        "import sys, httpx, xpander_tasks\n"
        f"loaded = lambda: sorted(name for name in {FIRST_USE!r} if name in sys.modules)\n"
        "print(loaded())\n"
        "def answer(request):\n"
        "    task = {'id': 't', 'agent_id': 'a', 'organization_id': 'o', 'status': 'pending',\n"
        "            'input': {'text': ''}, 'created_at': '2026-01-01T00:00:00Z'}\n"
        "    return httpx.Response(200, json=[] if request.method == 'GET' else task)\n"
        "http = httpx.Client(transport=httpx.MockTransport(answer))\n"
        "tasks = xpander_tasks.Tasks('k', base_url='https://api.test', http_client=http)\n"
        "tasks.create('a', prompt='hi')\n"
        "print(loaded())\n"
        "tasks.list('a'), tasks.update('t', result='r')\n"
        "print(loaded())\n"
    )
    first, created, later = (ast.literal_eval(line) for line in out.splitlines())
    assert first == []
    assert created == sorted(FIRST_USE[0:1] + FIRST_USE[2:3])
    assert set(later) == set(FIRST_USE) - {"xpander_tasks_api.models.report_external_task_request"}


def test_re_exported_models_and_their_old_names_load_on_access() -> None:
    out = _run(
        "import xpander_tasks\n"
        "from xpander_tasks import *\n"
        "from xpander_tasks_api import models\n"
        "print(xpander_tasks.ActivityLog is AgentActivityThread is models.AgentActivityThread)\n"
        "print(xpander_tasks.TaskUpdateEventType is models.TaskEventType)\n"
        "print(xpander_tasks.MCPServerSSOToken is models.MCPServerSSOTokenMode)\n"
        "print(Agents.__module__, set(xpander_tasks.__all__) <= set(dir(xpander_tasks)))\n"
    )
    assert out.splitlines() == ["True", "True", "True", "xpander_tasks True"]


def test_every_model_name_loads_and_is_listed() -> None:
    for name in models.__all__:
        assert getattr(models, name).__name__ in {name, name.removesuffix("Param")}
    assert set(models.__all__) <= set(dir(models))
    with pytest.raises(AttributeError, match="NoSuchModel"):
        models.NoSuchModel  # noqa: B018


def test_the_generated_secret_fields_are_every_models_secret_fields() -> None:
    """The table an error's redaction reads (`SECRET_FIELDS`, from the spec's `[secret]` tags)
    is what the models themselves mark, with every model loaded."""
    out = _run(
        "from xpander_tasks._fields import is_model\n"
        "from xpander_tasks._redact import secret_fields\n"
        "from xpander_tasks_api import models\n"
        "from xpander_tasks_api.spec_extensions import SECRET_FIELDS as found\n"
        "for name in models.__all__: getattr(models, name)\n"
        "every = {n for m in vars(models).values() if is_model(m) for n in secret_fields(m)}\n"
        "print(found == every and bool(every))\n"
    )
    assert out.strip() == "True"
