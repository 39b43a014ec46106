"""Answers other than a task: list items, activity threads, agents.

Each follows its schema in `openapi.yaml` (`TasksListItem`, `AgentActivityThread`, `Agent`);
the tests check them against it. A list item gets the fields the server does not set from
its schema (`Spec.answer_shape`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from xpander_tasks_server._lifecycle import UNKNOWN_EVENT_MARKER, Lifecycle, isoformat
from xpander_tasks_server._spec import AnswerShape
from xpander_tasks_server._store import TaskRecord

# The TasksListItem fields `list_item` sets.
OWN_LIST_ITEM_FIELDS = (
    "id",
    "agent_id",
    "organization_id",
    "status",
    "user_id",
    "parent_task_id",
    "triggering_agent_id",
    "created_at",
    "updated_at",
    "result",
    "title",
    "execution_kind",
    "conversation_kind",
)


def user_id_of(task: Mapping[str, Any]) -> str | None:
    """The end user's id of a task (`input.user.id`): whose task it is in a user's list."""
    user = (task.get("input") or {}).get("user") or {}
    user_id = user.get("id")
    return user_id if isinstance(user_id, str) else None


def list_item(
    lifecycle: Lifecycle, shape: AnswerShape, record: TaskRecord, now: float
) -> dict[str, Any]:
    """The task as a list shows it (`shape`: TasksListItem's): identity, status, outcome."""
    task = lifecycle.task_at(record, now)
    item = {
        "id": record.id,
        "agent_id": record.agent_id,
        "organization_id": record.organization_id,
        "status": task["status"],
        "user_id": user_id_of(task),
        "parent_task_id": task.get("parent_execution"),
        "triggering_agent_id": task.get("triggering_agent_id"),
        "created_at": isoformat(record.created_at),
        "updated_at": isoformat(lifecycle.updated_at(record, now)),
        "result": task.get("result"),
        "title": task.get("title"),
        "execution_kind": task.get("execution_kind"),
        "conversation_kind": task.get("conversation_kind"),
    }
    return shape.complete(item)


def newest_first(
    lifecycle: Lifecycle,
    shape: AnswerShape,
    records: Iterable[TaskRecord],
    now: float,
    filters: Mapping[str, str],
) -> list[dict[str, Any]]:
    """The list items of `records` whose fields equal every filter, newest first.

    The filters are the list operations' query parameters, each named as the list item's field
    it compares with; `internal_status` compares with the task's.
    """
    items = []
    for record in sorted(records, key=lambda record: record.created_at, reverse=True):
        item = list_item(lifecycle, shape, record, now)
        internal_status = lifecycle.task_at(record, now).get("internal_status")
        compared = {**item, "internal_status": internal_status}
        if all(compared.get(name) == value for name, value in filters.items()):
            items.append(item)
    return items


def activity_thread(lifecycle: Lifecycle, record: TaskRecord, now: float) -> dict[str, Any]:
    """The task's activity as the platform's thread shows it: the user's message, the agent's
    reasoning once it runs, its tool call and answer once it has one."""
    task = lifecycle.task_at(record, now)
    text = task["input"].get("text") or ""
    messages: list[dict[str, Any]] = [
        {
            "id": f"{record.id}-user",
            "created_at": task["created_at"],
            "role": "user",
            "content": {"text": text, "files": task["input"].get("files") or []},
            "sub_execution_result": False,
            "user": task["input"].get("user"),
        }
    ]
    if UNKNOWN_EVENT_MARKER in text:
        messages.append(
            {
                "id": f"{record.id}-mystery",
                "created_at": task["created_at"],
                "agent_id": record.agent_id,
                "action": "mystery_card",
                "note": "an entry kind no client knows",
            }
        )
    started = task.get("started_at")
    if started is not None:
        messages.append(
            {
                "id": f"{record.id}-think",
                "created_at": started,
                "type": "think",
                "title": "Reading the request",
                "confidence": 0.9,
                "thought": f"The user asks: {text}" if text else "The user asks nothing yet.",
            }
        )
    if task.get("result") is not None:
        finished = task.get("finished_at") or started or task["created_at"]
        messages += [
            {
                "id": f"{record.id}-tool",
                "created_at": finished,
                "tool_name": "compose_answer",
                "payload": {"prompt": text},
                "is_error": task["status"] in lifecycle.failed,
                "result": task["result"],
            },
            {
                "id": f"{record.id}-agent",
                "created_at": finished,
                "role": "agent",
                "content": {"text": task["result"], "files": []},
            },
        ]
    return {
        "id": record.id,
        "created_at": task["created_at"],
        "messages": messages,
        "user": task["input"].get("user"),
    }


def agent(agent_id: str, organization_id: str, version: int, created_at: float) -> dict[str, Any]:
    """A configured agent: its identifying fields and a few of the settings an agent carries."""
    return {
        "id": agent_id,
        "organization_id": organization_id,
        "name": agent_id,
        "unique_name": agent_id,
        "description": "An agent of the local task server: it answers by echoing the prompt.",
        "icon": "\N{ROCKET}",
        "version": version,
        "status": "ACTIVE",
        "framework": "agno",
        "model_provider": "openai",
        "model_name": "gpt-4o",
        "created_at": isoformat(created_at),
        "instructions": {"role": [], "goal": [], "general": ""},
        "tools": [],
    }


def agent_list_item(whole: Mapping[str, Any]) -> dict[str, Any]:
    """An agent as the list shows it (`AgentsListItem`), from the whole agent."""
    summary = {key: whole[key] for key in _LIST_ITEM_FIELDS}
    return {**summary, "access_scope": "organizational", "created_by": None, "type": "regular"}


_LIST_ITEM_FIELDS = (
    "id",
    "name",
    "icon",
    "organization_id",
    "instructions",
    "status",
    "created_at",
    "description",
)
