from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_execution_status import AgentExecutionStatus
from ..models.conversation_kind import ConversationKind
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="TasksListItem")


@_attrs_define
class TasksListItem(ModelAPI):
    """A task as a list shows it (no `input`); read the whole task by its `id`."""

    id: str
    agent_id: str
    organization_id: str
    status: AgentExecutionStatus
    """ Where a task is in its lifecycle. A new task is `pending`. """
    user_id: None | str | Unset = UNSET
    parent_task_id: None | str | Unset = UNSET
    triggering_agent_id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    updated_at: datetime.datetime | None | Unset = UNSET
    source_node_type: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    execution_kind: None | str | Unset = UNSET
    process: dict[str, Any] | None | Unset = UNSET
    conversation_kind: ConversationKind | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        agent_id = self.agent_id

        organization_id = self.organization_id

        status = self.status.value

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id

        parent_task_id: None | str | Unset
        if isinstance(self.parent_task_id, Unset):
            parent_task_id = UNSET
        else:
            parent_task_id = self.parent_task_id

        triggering_agent_id: None | str | Unset
        if isinstance(self.triggering_agent_id, Unset):
            triggering_agent_id = UNSET
        else:
            triggering_agent_id = self.triggering_agent_id

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

        source_node_type: None | str | Unset
        if isinstance(self.source_node_type, Unset):
            source_node_type = UNSET
        else:
            source_node_type = self.source_node_type

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        execution_kind: None | str | Unset
        if isinstance(self.execution_kind, Unset):
            execution_kind = UNSET
        else:
            execution_kind = self.execution_kind

        process: dict[str, Any] | None | Unset
        if isinstance(self.process, Unset):
            process = UNSET
        elif isinstance(self.process, JsonObject):
            process = self.process
        else:
            process = self.process

        conversation_kind: None | str | Unset
        if isinstance(self.conversation_kind, Unset):
            conversation_kind = UNSET
        elif isinstance(self.conversation_kind, ConversationKind):
            conversation_kind = self.conversation_kind.value
        else:
            conversation_kind = self.conversation_kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "organization_id": organization_id,
                "status": status,
            }
        )
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if parent_task_id is not UNSET:
            field_dict["parent_task_id"] = parent_task_id
        if triggering_agent_id is not UNSET:
            field_dict["triggering_agent_id"] = triggering_agent_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if source_node_type is not UNSET:
            field_dict["source_node_type"] = source_node_type
        if result is not UNSET:
            field_dict["result"] = result
        if title is not UNSET:
            field_dict["title"] = title
        if execution_kind is not UNSET:
            field_dict["execution_kind"] = execution_kind
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

        status = AgentExecutionStatus(d.pop("status"))

        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", None))

        def _parse_parent_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_task_id = _parse_parent_task_id(d.pop("parent_task_id", None))

        def _parse_triggering_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        triggering_agent_id = _parse_triggering_agent_id(
            d.pop("triggering_agent_id", None)
        )

        def _parse_created_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                created_at_type_0 = datetime.datetime.fromisoformat(data)

                return created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        created_at = _parse_created_at(d.pop("created_at", None))

        def _parse_updated_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                updated_at_type_0 = datetime.datetime.fromisoformat(data)

                return updated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        updated_at = _parse_updated_at(d.pop("updated_at", None))

        def _parse_source_node_type(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source_node_type = _parse_source_node_type(d.pop("source_node_type", None))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", None))

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", None))

        def _parse_execution_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_kind = _parse_execution_kind(d.pop("execution_kind", None))

        def _parse_process(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                process_type_0 = data

                return process_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        process = _parse_process(d.pop("process", None))

        def _parse_conversation_kind(data: object) -> ConversationKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conversation_kind_type_0 = ConversationKind(data)

                return conversation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationKind | None | Unset, data)

        conversation_kind = _parse_conversation_kind(d.pop("conversation_kind", None))

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
        if key in self.additional_properties:
            return self.additional_properties[key]
        value: Any = self.to_dict()[key]
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties or key in self.to_dict()


from ..models.json_object import JsonObject

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
        "process": dict[str, Any] | None,
        "conversation_kind": ConversationKind | Literal["direct", "gateway"] | None,
    },
    total=False,
)
