from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self, TypedDict, TypeVar

from attrs import define as _attrs_define

from ..models.agent_execution_status import AgentExecutionStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="UpdateTaskRequest")


@_attrs_define
class UpdateTaskRequest:
    """The fields `Tasks.update` may set; only those sent change. Note the key
    `tool_call_payload_extension`, where a task has `payload_extension`.

    """

    tool_call_payload_extension: JsonObject | None | Unset = UNSET
    """ Extra fields merged into every tool-call payload. """
    source: None | str | Unset = UNSET
    status: AgentExecutionStatus | None | Unset = UNSET
    last_executed_node_id: None | str | Unset = UNSET
    result: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        tool_call_payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.tool_call_payload_extension, Unset):
            tool_call_payload_extension = UNSET
        elif isinstance(self.tool_call_payload_extension, JsonObject):
            tool_call_payload_extension = self.tool_call_payload_extension.to_dict()
        else:
            tool_call_payload_extension = self.tool_call_payload_extension

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AgentExecutionStatus):
            status = self.status.value
        else:
            status = self.status

        field_dict: dict[str, Any] = {}
        if tool_call_payload_extension is not UNSET:
            field_dict["tool_call_payload_extension"] = tool_call_payload_extension
        if self.source is not UNSET:
            field_dict["source"] = self.source
        if status is not UNSET:
            field_dict["status"] = status
        if self.last_executed_node_id is not UNSET:
            field_dict["last_executed_node_id"] = self.last_executed_node_id
        if self.result is not UNSET:
            field_dict["result"] = self.result

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        tool_call_payload_extension = d.pop("tool_call_payload_extension", UNSET)
        if isinstance(tool_call_payload_extension, dict):
            try:
                tool_call_payload_extension_type_0 = JsonObject.from_dict(
                    tool_call_payload_extension
                )

                tool_call_payload_extension = tool_call_payload_extension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        source = d.pop("source", UNSET)

        status = d.pop("status", UNSET)
        if isinstance(status, str):
            try:
                status_type_0 = AgentExecutionStatus(status)

                status = status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        last_executed_node_id = d.pop("last_executed_node_id", UNSET)

        result = d.pop("result", UNSET)

        update_task_request = cls(
            tool_call_payload_extension=tool_call_payload_extension,
            source=source,
            status=status,
            last_executed_node_id=last_executed_node_id,
            result=result,
        )

        return update_task_request


from ..models.json_object import JsonObject

# `UpdateTaskRequest` as a dict: its JSON keys, for code that passes one instead of the model.
UpdateTaskRequestParam = TypedDict(
    "UpdateTaskRequestParam",
    {
        "tool_call_payload_extension": JsonObject | dict[str, Any] | None,
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
