from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define

from ..models.agent_execution_status import AgentExecutionStatus
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="UpdateTaskRequest")


@_attrs_define
class UpdateTaskRequest(ModelAPI):
    """The fields `Tasks.update` may set; only those sent change. Note the key
    `tool_call_payload_extension`, where a task has `payload_extension`.

    """

    tool_call_payload_extension: dict[str, Any] | None | Unset = UNSET
    """ Extra fields merged into every tool-call payload. """
    source: None | str | Unset = UNSET
    """ Origin tag. """
    status: AgentExecutionStatus | None | Unset = UNSET
    """ The task's new status; it overrides the task's own progress. """
    last_executed_node_id: None | str | Unset = UNSET
    """ The workflow node the task ran last. """
    result: None | str | Unset = UNSET
    """ The task's result text. """

    def to_dict(self) -> dict[str, Any]:
        tool_call_payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.tool_call_payload_extension, Unset):
            tool_call_payload_extension = UNSET
        elif isinstance(self.tool_call_payload_extension, JsonObject):
            tool_call_payload_extension = self.tool_call_payload_extension
        else:
            tool_call_payload_extension = self.tool_call_payload_extension

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AgentExecutionStatus):
            status = self.status.value
        else:
            status = self.status

        last_executed_node_id: None | str | Unset
        if isinstance(self.last_executed_node_id, Unset):
            last_executed_node_id = UNSET
        else:
            last_executed_node_id = self.last_executed_node_id

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if tool_call_payload_extension is not UNSET:
            field_dict["tool_call_payload_extension"] = tool_call_payload_extension
        if source is not UNSET:
            field_dict["source"] = source
        if status is not UNSET:
            field_dict["status"] = status
        if last_executed_node_id is not UNSET:
            field_dict["last_executed_node_id"] = last_executed_node_id
        if result is not UNSET:
            field_dict["result"] = result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_tool_call_payload_extension(
            data: object,
        ) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tool_call_payload_extension_type_0 = data

                return tool_call_payload_extension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        tool_call_payload_extension = _parse_tool_call_payload_extension(
            d.pop("tool_call_payload_extension", UNSET)
        )

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_status(data: object) -> AgentExecutionStatus | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                status_type_0 = AgentExecutionStatus(data)

                return status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AgentExecutionStatus | None | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        def _parse_last_executed_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_executed_node_id = _parse_last_executed_node_id(
            d.pop("last_executed_node_id", UNSET)
        )

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        update_task_request = cls(
            tool_call_payload_extension=tool_call_payload_extension,
            source=source,
            status=status,
            last_executed_node_id=last_executed_node_id,
            result=result,
        )

        return update_task_request


from ..models.json_object import JsonObject

UpdateTaskRequestParam = TypedDict(
    "UpdateTaskRequestParam",
    {
        "tool_call_payload_extension": dict[str, Any] | None,
        "source": str | None,
        "status": AgentExecutionStatus
        | Literal[
            "completed", "error", "executing", "failed", "paused", "pending", "stopped"
        ]
        | None,
        "last_executed_node_id": str | None,
        "result": str | None,
    },
    total=False,
)
