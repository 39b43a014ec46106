from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.agent_execution_status import AgentExecutionStatus
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="UpdateTaskRequest")


class UpdateTaskRequest(ModelAPI):
    """The fields `Tasks.update` may set; only those sent change. Note the key
    `tool_call_payload_extension`, where a task has `payload_extension`.

    """

    __slots__ = (
        "__weakref__",
        "last_executed_node_id",
        "result",
        "source",
        "status",
        "tool_call_payload_extension",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field(
                "tool_call_payload_extension",
                "JsonObject | None | Unset",
                default=UNSET,
            ),
            model_field("source", "None | str | Unset", default=UNSET),
            model_field("status", "AgentExecutionStatus | None | Unset", default=UNSET),
            model_field("last_executed_node_id", "None | str | Unset", default=UNSET),
            model_field("result", "None | str | Unset", default=UNSET),
        )
    )
    __match_args__ = (
        "tool_call_payload_extension",
        "source",
        "status",
        "last_executed_node_id",
        "result",
    )
    __hash__ = None  # mutable and compared by value

    tool_call_payload_extension: JsonObject | None | Unset
    """ Extra fields merged into every tool-call payload. """
    source: None | str | Unset
    status: AgentExecutionStatus | None | Unset
    last_executed_node_id: None | str | Unset
    result: None | str | Unset

    def __init__(
        self,
        tool_call_payload_extension: JsonObject | None | Unset = UNSET,
        source: None | str | Unset = UNSET,
        status: AgentExecutionStatus | None | Unset = UNSET,
        last_executed_node_id: None | str | Unset = UNSET,
        result: None | str | Unset = UNSET,
    ) -> None:
        self.tool_call_payload_extension = tool_call_payload_extension
        self.source = source
        self.status = status
        self.last_executed_node_id = last_executed_node_id
        self.result = result

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"tool_call_payload_extension={self.tool_call_payload_extension!r}, "
            f"source={self.source!r}, "
            f"status={self.status!r}, "
            f"last_executed_node_id={self.last_executed_node_id!r}, "
            f"result={self.result!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.tool_call_payload_extension == other.tool_call_payload_extension
            and self.source == other.source
            and self.status == other.status
            and self.last_executed_node_id == other.last_executed_node_id
            and self.result == other.result
            and True
        )

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
                status_type_0 = AgentExecutionStatus._value2member_map_.get(
                    _enum_value := status
                ) or AgentExecutionStatus(_enum_value)

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
