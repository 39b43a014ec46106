from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.agent_execution_status import AgentExecutionStatus
from ..models.conversation_kind import ConversationKind
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="TasksListItem")


class TasksListItem(ModelAPI):
    """A task as a list shows it (no `input`); read the whole task by its `id`."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "agent_id",
        "conversation_kind",
        "created_at",
        "execution_kind",
        "id",
        "organization_id",
        "parent_task_id",
        "process",
        "result",
        "source_node_type",
        "status",
        "title",
        "triggering_agent_id",
        "updated_at",
        "user_id",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "str"),
            model_field("agent_id", "str"),
            model_field("organization_id", "str"),
            model_field("status", "AgentExecutionStatus"),
            model_field("user_id", "None | str | Unset", default=UNSET),
            model_field("parent_task_id", "None | str | Unset", default=UNSET),
            model_field("triggering_agent_id", "None | str | Unset", default=UNSET),
            model_field(
                "created_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field(
                "updated_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field("source_node_type", "None | str | Unset", default=UNSET),
            model_field("result", "None | str | Unset", default=UNSET),
            model_field("title", "None | str | Unset", default=UNSET),
            model_field("execution_kind", "None | str | Unset", default=UNSET),
            model_field("process", "JsonObject | None | Unset", default=UNSET),
            model_field(
                "conversation_kind", "ConversationKind | None | Unset", default=UNSET
            ),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "agent_id",
        "organization_id",
        "status",
        "user_id",
        "parent_task_id",
        "triggering_agent_id",
        "created_at",
        "updated_at",
        "source_node_type",
        "result",
        "title",
        "execution_kind",
        "process",
        "conversation_kind",
    )
    __hash__ = None  # mutable and compared by value

    id: str
    agent_id: str
    organization_id: str
    status: AgentExecutionStatus
    """ Where a task is in its lifecycle. A new task is `pending`. """
    user_id: None | str | Unset
    parent_task_id: None | str | Unset
    triggering_agent_id: None | str | Unset
    created_at: datetime.datetime | None | Unset
    updated_at: datetime.datetime | None | Unset
    source_node_type: None | str | Unset
    result: None | str | Unset
    title: None | str | Unset
    execution_kind: None | str | Unset
    process: JsonObject | None | Unset
    conversation_kind: ConversationKind | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        agent_id: str,
        organization_id: str,
        status: AgentExecutionStatus,
        user_id: None | str | Unset = UNSET,
        parent_task_id: None | str | Unset = UNSET,
        triggering_agent_id: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
        updated_at: datetime.datetime | None | Unset = UNSET,
        source_node_type: None | str | Unset = UNSET,
        result: None | str | Unset = UNSET,
        title: None | str | Unset = UNSET,
        execution_kind: None | str | Unset = UNSET,
        process: JsonObject | None | Unset = UNSET,
        conversation_kind: ConversationKind | None | Unset = UNSET,
    ) -> None:
        self.id = id
        self.agent_id = agent_id
        self.organization_id = organization_id
        self.status = status
        self.user_id = user_id
        self.parent_task_id = parent_task_id
        self.triggering_agent_id = triggering_agent_id
        self.created_at = created_at
        self.updated_at = updated_at
        self.source_node_type = source_node_type
        self.result = result
        self.title = title
        self.execution_kind = execution_kind
        self.process = process
        self.conversation_kind = conversation_kind
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"agent_id={self.agent_id!r}, "
            f"organization_id={self.organization_id!r}, "
            f"status={self.status!r}, "
            f"user_id={self.user_id!r}, "
            f"parent_task_id={self.parent_task_id!r}, "
            f"triggering_agent_id={self.triggering_agent_id!r}, "
            f"created_at={self.created_at!r}, "
            f"updated_at={self.updated_at!r}, "
            f"source_node_type={self.source_node_type!r}, "
            f"result={self.result!r}, "
            f"title={self.title!r}, "
            f"execution_kind={self.execution_kind!r}, "
            f"process={self.process!r}, "
            f"conversation_kind={self.conversation_kind!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.agent_id == other.agent_id
            and self.organization_id == other.organization_id
            and self.status == other.status
            and self.user_id == other.user_id
            and self.parent_task_id == other.parent_task_id
            and self.triggering_agent_id == other.triggering_agent_id
            and self.created_at == other.created_at
            and self.updated_at == other.updated_at
            and self.source_node_type == other.source_node_type
            and self.result == other.result
            and self.title == other.title
            and self.execution_kind == other.execution_kind
            and self.process == other.process
            and self.conversation_kind == other.conversation_kind
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        updated_at: None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        else:
            updated_at = self.updated_at

        process: dict[str, Any] | None | Unset
        if isinstance(self.process, Unset):
            process = UNSET
        elif isinstance(self.process, JsonObject):
            process = self.process.to_dict()
        else:
            process = self.process

        conversation_kind: None | str | Unset
        if isinstance(self.conversation_kind, Unset):
            conversation_kind = UNSET
        elif isinstance(self.conversation_kind, ConversationKind):
            conversation_kind = self.conversation_kind.value
        else:
            conversation_kind = self.conversation_kind

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "agent_id": self.agent_id,
            "organization_id": self.organization_id,
            "status": status,
        }
        if self.user_id is not UNSET:
            field_dict["user_id"] = self.user_id
        if self.parent_task_id is not UNSET:
            field_dict["parent_task_id"] = self.parent_task_id
        if self.triggering_agent_id is not UNSET:
            field_dict["triggering_agent_id"] = self.triggering_agent_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if self.source_node_type is not UNSET:
            field_dict["source_node_type"] = self.source_node_type
        if self.result is not UNSET:
            field_dict["result"] = self.result
        if self.title is not UNSET:
            field_dict["title"] = self.title
        if self.execution_kind is not UNSET:
            field_dict["execution_kind"] = self.execution_kind
        if process is not UNSET:
            field_dict["process"] = process
        if conversation_kind is not UNSET:
            field_dict["conversation_kind"] = conversation_kind

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        organization_id = d.pop("organization_id")

        status = AgentExecutionStatus._value2member_map_.get(
            _enum_value := d.pop("status")
        ) or AgentExecutionStatus(_enum_value)

        user_id = d.pop("user_id", UNSET)

        parent_task_id = d.pop("parent_task_id", UNSET)

        triggering_agent_id = d.pop("triggering_agent_id", UNSET)

        created_at = d.pop("created_at", UNSET)
        if isinstance(created_at, str):
            try:
                created_at_type_0 = datetime.datetime.fromisoformat(created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        updated_at = d.pop("updated_at", UNSET)
        if isinstance(updated_at, str):
            try:
                updated_at_type_0 = datetime.datetime.fromisoformat(updated_at)

                updated_at = updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        source_node_type = d.pop("source_node_type", UNSET)

        result = d.pop("result", UNSET)

        title = d.pop("title", UNSET)

        execution_kind = d.pop("execution_kind", UNSET)

        process = d.pop("process", UNSET)
        if isinstance(process, dict):
            try:
                process_type_0 = JsonObject.from_dict(process)

                process = process_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        conversation_kind = d.pop("conversation_kind", UNSET)
        if isinstance(conversation_kind, str):
            try:
                conversation_kind_type_0 = ConversationKind._value2member_map_.get(
                    _enum_value := conversation_kind
                ) or ConversationKind(_enum_value)

                conversation_kind = conversation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        tasks_list_item = cls(
            id=id,
            agent_id=agent_id,
            organization_id=organization_id,
            status=status,
            user_id=user_id,
            parent_task_id=parent_task_id,
            triggering_agent_id=triggering_agent_id,
            created_at=created_at,
            updated_at=updated_at,
            source_node_type=source_node_type,
            result=result,
            title=title,
            execution_kind=execution_kind,
            process=process,
            conversation_kind=conversation_kind,
        )

        tasks_list_item.additional_properties = d
        return tasks_list_item

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.json_object import JsonObject

# `TasksListItem` as a dict: its JSON keys, for code that passes one instead of the model.
TasksListItemParam = TypedDict(
    "TasksListItemParam",
    {
        "id": Required[str],
        "agent_id": Required[str],
        "organization_id": Required[str],
        "status": Required[
            AgentExecutionStatus
            | Literal[
                "completed",
                "error",
                "executing",
                "failed",
                "paused",
                "pending",
                "stopped",
            ]
        ],
        "user_id": str | None,
        "parent_task_id": str | None,
        "triggering_agent_id": str | None,
        "created_at": str | None,
        "updated_at": str | None,
        "source_node_type": str | None,
        "result": str | None,
        "title": str | None,
        "execution_kind": str | None,
        "process": JsonObject | dict[str, Any] | None,
        "conversation_kind": ConversationKind | Literal["direct", "gateway"] | None,
    },
    total=False,
)
