from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    Any,
    Literal,
    Required,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_activity_thread_reasoning_type import (
    AgentActivityThreadReasoningType,
)
from ..types import UNSET, ModelAPI, Unset

T = TypeVar("T", bound="AgentActivityThreadReasoning")


@_attrs_define
class AgentActivityThreadReasoning(ModelAPI):
    """A reasoning step of the agent."""

    id: str
    created_at: datetime.datetime
    type_: AgentActivityThreadReasoningType = _attrs_field(
        alias="type",
    )
    title: str
    confidence: float
    thought: None | str | Unset = UNSET
    action: None | str | Unset = UNSET
    result: None | str | Unset = UNSET
    analysis: None | str | Unset = UNSET
    plan_task_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        type_ = self.type_.value

        title = self.title

        confidence = self.confidence

        thought: None | str | Unset
        if isinstance(self.thought, Unset):
            thought = UNSET
        else:
            thought = self.thought

        action: None | str | Unset
        if isinstance(self.action, Unset):
            action = UNSET
        else:
            action = self.action

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        analysis: None | str | Unset
        if isinstance(self.analysis, Unset):
            analysis = UNSET
        else:
            analysis = self.analysis

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
                "type": type_,
                "title": title,
                "confidence": confidence,
            }
        )
        if thought is not UNSET:
            field_dict["thought"] = thought
        if action is not UNSET:
            field_dict["action"] = action
        if result is not UNSET:
            field_dict["result"] = result
        if analysis is not UNSET:
            field_dict["analysis"] = analysis
        if plan_task_id is not UNSET:
            field_dict["plan_task_id"] = plan_task_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        type_ = AgentActivityThreadReasoningType(d.pop("type"))

        title = d.pop("title")

        confidence = d.pop("confidence")

        def _parse_thought(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        thought = _parse_thought(d.pop("thought", None))

        def _parse_action(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        action = _parse_action(d.pop("action", None))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", None))

        def _parse_analysis(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        analysis = _parse_analysis(d.pop("analysis", None))

        def _parse_plan_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        plan_task_id = _parse_plan_task_id(d.pop("plan_task_id", None))

        agent_activity_thread_reasoning = cls(
            id=id,
            created_at=created_at,
            type=type_,
            title=title,
            confidence=confidence,
            thought=thought,
            action=action,
            result=result,
            analysis=analysis,
            plan_task_id=plan_task_id,
        )

        agent_activity_thread_reasoning.additional_properties = d
        return agent_activity_thread_reasoning

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

    @property
    def type(self) -> AgentActivityThreadReasoningType:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: AgentActivityThreadReasoningType) -> None:
        self.type_ = value


AgentActivityThreadReasoningParam = TypedDict(
    "AgentActivityThreadReasoningParam",
    {
        "id": Required[str],
        "created_at": Required[str],
        "type": Required[
            AgentActivityThreadReasoningType | Literal["analyze", "think"]
        ],
        "title": Required[str],
        "confidence": Required[float],
        "thought": str | None,
        "action": str | None,
        "result": str | None,
        "analysis": str | None,
        "plan_task_id": str | None,
    },
    total=False,
)
