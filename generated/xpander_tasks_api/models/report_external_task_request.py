from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypedDict, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.tokens import Tokens


T = TypeVar("T", bound="ReportExternalTaskRequest")


@_attrs_define
class ReportExternalTaskRequest:
    """A task that ran outside xpander, as `Task.report_external_task` sends it."""

    id: None | str | Unset = UNSET
    """ The id to store the task under; a new one when null. """
    input_: None | str | Unset = _attrs_field(default=UNSET, alias="input")
    """ The task's input text. """
    llm_response: Any | Unset = UNSET
    """ The model's raw answer, any JSON. """
    tokens: None | Tokens | Unset = UNSET
    is_success: bool | Unset = True
    """ False stores the task as `failed`. """
    result: None | str | Unset = UNSET
    duration: float | None | Unset = 0.0
    """ Seconds the task ran. """
    used_tools: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        tokens: dict[str, Any] | None | Unset
        if isinstance(self.tokens, Unset):
            tokens = UNSET
        elif isinstance(self.tokens, Tokens):
            tokens = self.tokens.to_dict()
        else:
            tokens = self.tokens

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.input_ is not UNSET:
            field_dict["input"] = self.input_
        if self.llm_response is not UNSET:
            field_dict["llm_response"] = self.llm_response
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if self.is_success is not UNSET:
            field_dict["is_success"] = self.is_success
        if self.result is not UNSET:
            field_dict["result"] = self.result
        if self.duration is not UNSET:
            field_dict["duration"] = self.duration
        if self.used_tools is not UNSET:
            field_dict["used_tools"] = self.used_tools

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        input_ = d.pop("input", UNSET)

        llm_response = d.pop("llm_response", UNSET)

        tokens = d.pop("tokens", UNSET)
        if isinstance(tokens, dict):
            try:
                tokens_type_0 = Tokens.from_dict(tokens)

                tokens = tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        is_success = d.pop("is_success", UNSET)

        result = d.pop("result", UNSET)

        duration = d.pop("duration", UNSET)

        used_tools = d.pop("used_tools", UNSET)
        if isinstance(used_tools, list):
            try:
                used_tools_type_0 = cast(list[str], used_tools)

                used_tools = used_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        report_external_task_request = cls(
            id=id,
            input=input_,
            llm_response=llm_response,
            tokens=tokens,
            is_success=is_success,
            result=result,
            duration=duration,
            used_tools=used_tools,
        )

        report_external_task_request.additional_properties = d
        return report_external_task_request

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

    @property
    def input(self) -> None | str | Unset:
        """`input_` by its wire name, as the published SDK spells it."""
        return self.input_

    @input.setter
    def input(self, value: None | str | Unset) -> None:
        self.input_ = value


from ..models.tokens import Tokens

# `ReportExternalTaskRequest` as a dict: its JSON keys, for code that passes one instead of the model.
ReportExternalTaskRequestParam = TypedDict(
    "ReportExternalTaskRequestParam",
    {
        "id": str | None,
        "input": str | None,
        "llm_response": Any,
        "tokens": Tokens | dict[str, Any] | None,
        "is_success": bool,
        "result": str | None,
        "duration": float | None,
        "used_tools": list[str] | None,
    },
    total=False,
)
