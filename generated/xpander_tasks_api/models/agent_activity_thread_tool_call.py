from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="AgentActivityThreadToolCall")


@_attrs_define
class AgentActivityThreadToolCall(ModelAPI):
    """A tool the agent called, with what it sent and what came back."""

    id: str
    created_at: datetime.datetime
    tool_name: str
    payload: Any
    """ What the agent sent the tool (any JSON). """
    is_error: bool | None | Unset = False
    reasoning: dict[str, Any] | None | Unset = UNSET
    """ Why the agent called it, when it says. """
    result: Any | Unset = UNSET
    """ What the tool answered (any JSON). """
    plan_task_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        tool_name = self.tool_name

        payload = self.payload

        is_error: bool | None | Unset
        if isinstance(self.is_error, Unset):
            is_error = UNSET
        else:
            is_error = self.is_error

        reasoning: dict[str, Any] | None | Unset
        if isinstance(self.reasoning, Unset):
            reasoning = UNSET
        elif isinstance(self.reasoning, JsonObject):
            reasoning = self.reasoning
        else:
            reasoning = self.reasoning

        result = self.result

        plan_task_id: None | str | Unset
        if isinstance(self.plan_task_id, Unset):
            plan_task_id = UNSET
        else:
            plan_task_id = self.plan_task_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "tool_name": tool_name,
                "payload": payload,
            }
        )
        if is_error is not UNSET:
            field_dict["is_error"] = is_error
        if reasoning is not UNSET:
            field_dict["reasoning"] = reasoning
        if result is not UNSET:
            field_dict["result"] = result
        if plan_task_id is not UNSET:
            field_dict["plan_task_id"] = plan_task_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        tool_name = d.pop("tool_name")

        payload = d.pop("payload")

        def _parse_is_error(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_error = _parse_is_error(d.pop("is_error", False))

        def _parse_reasoning(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reasoning_type_0 = data

                return reasoning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        reasoning = _parse_reasoning(d.pop("reasoning", None))

        result = d.pop("result", None)

        def _parse_plan_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_task_id = _parse_plan_task_id(d.pop("plan_task_id", None))

        agent_activity_thread_tool_call = cls(
            id=id,
            created_at=created_at,
            tool_name=tool_name,
            payload=payload,
            is_error=is_error,
            reasoning=reasoning,
            result=result,
            plan_task_id=plan_task_id,
        )

        agent_activity_thread_tool_call.additional_properties = d
        return agent_activity_thread_tool_call

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

AgentActivityThreadToolCallParam = TypedDict(
    "AgentActivityThreadToolCallParam",
    {
        "id": Required[str],
        "created_at": Required[str],
        "tool_name": Required[str],
        "payload": Required[Any],
        "is_error": bool | None,
        "reasoning": dict[str, Any] | None,
        "result": Any,
        "plan_task_id": str | None,
    },
    total=False,
)
