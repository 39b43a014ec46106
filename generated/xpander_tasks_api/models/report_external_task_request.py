from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.tokens import Tokens


T = TypeVar("T", bound="ReportExternalTaskRequest")


@_attrs_define
class ReportExternalTaskRequest(ModelAPI):
    """A task that ran outside xpander, as `Task.report_external_task` sends it."""

    id: None | str | Unset = UNSET
    """ The id to store the task under; a new one when null. """
    input_: None | str | Unset = _attrs_field(alias="input", default=UNSET)
    """ The task's input text. """
    llm_response: Any | Unset = UNSET
    """ The model's raw answer, any JSON. """
    tokens: None | Tokens | Unset = UNSET
    is_success: bool | Unset = True
    """ False stores the task as `failed`. """
    result: None | str | Unset = UNSET
    """ The task's result text. """
    duration: float | None | Unset = 0.0
    """ Seconds the task ran. """
    used_tools: list[str] | None | Unset = UNSET
    """ The names of the tools the task used. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        input_: None | str | Unset
        if isinstance(self.input_, Unset):
            input_ = UNSET
        else:
            input_ = self.input_

        llm_response = self.llm_response

        tokens: dict[str, Any] | None | Unset
        if isinstance(self.tokens, Unset):
            tokens = UNSET
        elif isinstance(self.tokens, Tokens):
            tokens = self.tokens.to_dict()
        else:
            tokens = self.tokens

        is_success = self.is_success

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        used_tools: list[str] | None | Unset
        if isinstance(self.used_tools, Unset):
            used_tools = UNSET
        elif isinstance(self.used_tools, list):
            used_tools = self.used_tools

        else:
            used_tools = self.used_tools

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if llm_response is not UNSET:
            field_dict["llm_response"] = llm_response
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if is_success is not UNSET:
            field_dict["is_success"] = is_success
        if result is not UNSET:
            field_dict["result"] = result
        if duration is not UNSET:
            field_dict["duration"] = duration
        if used_tools is not UNSET:
            field_dict["used_tools"] = used_tools

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        def _parse_input_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        input_ = _parse_input_(d.pop("input", UNSET))

        llm_response = d.pop("llm_response", UNSET)

        def _parse_tokens(data: object) -> None | Tokens | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tokens_type_0 = Tokens.from_dict(data)

                return tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tokens | Unset, data)

        tokens = _parse_tokens(d.pop("tokens", UNSET))

        is_success = d.pop("is_success", True)

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", UNSET))

        def _parse_duration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration = _parse_duration(d.pop("duration", 0))

        def _parse_used_tools(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                used_tools_type_0 = cast(list[str], data)

                return used_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        used_tools = _parse_used_tools(d.pop("used_tools", UNSET))

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
    def input(self) -> None | str | Unset:
        """`input_` by its wire name, as the published SDK spells it."""
        return self.input_

    @input.setter
    def input(self, value: None | str | Unset) -> None:
        self.input_ = value


from ..models.tokens import Tokens

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
