from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

T = TypeVar("T", bound="Tokens")


class Tokens(ModelAPI):
    """Token usage of a task. The SDK computes `total_tokens` as prompt plus completion
    tokens and always sends it.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "cache_read_tokens",
        "cache_write_tokens",
        "completion_tokens",
        "prompt_tokens",
        "total_tokens",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("completion_tokens", "int | None | Unset", default=0),
            model_field("prompt_tokens", "int | None | Unset", default=0),
            model_field("cache_read_tokens", "int | None | Unset", default=0),
            model_field("cache_write_tokens", "int | None | Unset", default=0),
            model_field("total_tokens", "int | None | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "completion_tokens",
        "prompt_tokens",
        "cache_read_tokens",
        "cache_write_tokens",
        "total_tokens",
    )
    __hash__ = None  # mutable and compared by value

    completion_tokens: int | None | Unset
    prompt_tokens: int | None | Unset
    cache_read_tokens: int | None | Unset
    cache_write_tokens: int | None | Unset
    total_tokens: int | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        completion_tokens: int | None | Unset = 0,
        prompt_tokens: int | None | Unset = 0,
        cache_read_tokens: int | None | Unset = 0,
        cache_write_tokens: int | None | Unset = 0,
        total_tokens: int | None | Unset = UNSET,
    ) -> None:
        self.completion_tokens = completion_tokens
        self.prompt_tokens = prompt_tokens
        self.cache_read_tokens = cache_read_tokens
        self.cache_write_tokens = cache_write_tokens
        self.total_tokens = total_tokens
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"completion_tokens={self.completion_tokens!r}, "
            f"prompt_tokens={self.prompt_tokens!r}, "
            f"cache_read_tokens={self.cache_read_tokens!r}, "
            f"cache_write_tokens={self.cache_write_tokens!r}, "
            f"total_tokens={self.total_tokens!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.completion_tokens == other.completion_tokens
            and self.prompt_tokens == other.prompt_tokens
            and self.cache_read_tokens == other.cache_read_tokens
            and self.cache_write_tokens == other.cache_write_tokens
            and self.total_tokens == other.total_tokens
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.completion_tokens is not UNSET:
            field_dict["completion_tokens"] = self.completion_tokens
        if self.prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = self.prompt_tokens
        if self.cache_read_tokens is not UNSET:
            field_dict["cache_read_tokens"] = self.cache_read_tokens
        if self.cache_write_tokens is not UNSET:
            field_dict["cache_write_tokens"] = self.cache_write_tokens
        if self.total_tokens is not UNSET:
            field_dict["total_tokens"] = self.total_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        completion_tokens = d.pop("completion_tokens", UNSET)

        prompt_tokens = d.pop("prompt_tokens", UNSET)

        cache_read_tokens = d.pop("cache_read_tokens", UNSET)

        cache_write_tokens = d.pop("cache_write_tokens", UNSET)

        total_tokens = d.pop("total_tokens", UNSET)

        tokens = cls(
            completion_tokens=completion_tokens,
            prompt_tokens=prompt_tokens,
            cache_read_tokens=cache_read_tokens,
            cache_write_tokens=cache_write_tokens,
            total_tokens=total_tokens,
        )

        tokens.additional_properties = d
        return tokens

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


# `Tokens` as a dict: its JSON keys, for code that passes one instead of the model.
TokensParam = TypedDict(
    "TokensParam",
    {
        "completion_tokens": int | None,
        "prompt_tokens": int | None,
        "cache_read_tokens": int | None,
        "cache_write_tokens": int | None,
        "total_tokens": int | None,
    },
    total=False,
)
