from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.tokens import Tokens


T = TypeVar("T", bound="ReportExternalTaskRequest")


class ReportExternalTaskRequest(ModelAPI):
    """A task that ran outside xpander, as `Task.report_external_task` sends it."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "duration",
        "id",
        "input_",
        "is_success",
        "llm_response",
        "result",
        "tokens",
        "used_tools",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "None | str | Unset", default=UNSET),
            model_field("input_", "None | str | Unset", default=UNSET, alias="input"),
            model_field("llm_response", "Any | Unset", default=UNSET),
            model_field("tokens", "None | Tokens | Unset", default=UNSET),
            model_field("is_success", "bool | Unset", default=True),
            model_field("result", "None | str | Unset", default=UNSET),
            model_field("duration", "float | None | Unset", default=0.0),
            model_field("used_tools", "list[str] | None | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "input_",
        "llm_response",
        "tokens",
        "is_success",
        "result",
        "duration",
        "used_tools",
    )
    __hash__ = None  # mutable and compared by value

    id: None | str | Unset
    """ The id to store the task under; a new one when null. """
    input_: None | str | Unset
    """ The task's input text. """
    llm_response: Any | Unset
    """ The model's raw answer, any JSON. """
    tokens: None | Tokens | Unset
    is_success: bool | Unset
    """ False stores the task as `failed`. """
    result: None | str | Unset
    duration: float | None | Unset
    """ Seconds the task ran. """
    used_tools: list[str] | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: None | str | Unset = UNSET,
        input: None | str | Unset = UNSET,
        llm_response: Any | Unset = UNSET,
        tokens: None | Tokens | Unset = UNSET,
        is_success: bool | Unset = True,
        result: None | str | Unset = UNSET,
        duration: float | None | Unset = 0.0,
        used_tools: list[str] | None | Unset = UNSET,
    ) -> None:
        self.id = id
        self.input_ = input
        self.llm_response = llm_response
        self.tokens = tokens
        self.is_success = is_success
        self.result = result
        self.duration = duration
        self.used_tools = used_tools
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"input_={self.input_!r}, "
            f"llm_response={self.llm_response!r}, "
            f"tokens={self.tokens!r}, "
            f"is_success={self.is_success!r}, "
            f"result={self.result!r}, "
            f"duration={self.duration!r}, "
            f"used_tools={self.used_tools!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.input_ == other.input_
            and self.llm_response == other.llm_response
            and self.tokens == other.tokens
            and self.is_success == other.is_success
            and self.result == other.result
            and self.duration == other.duration
            and self.used_tools == other.used_tools
            and self.additional_properties == other.additional_properties
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
                used_tools_type_0: list[str] = used_tools

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
