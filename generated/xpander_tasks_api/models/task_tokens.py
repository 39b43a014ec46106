from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TaskTokens")


@_attrs_define
class TaskTokens:
    """Token usage of a task."""

    completion_tokens: int | None | Unset = UNSET
    prompt_tokens: int | None | Unset = UNSET
    cache_read_tokens: int | None | Unset = UNSET
    cache_write_tokens: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        completion_tokens: int | None | Unset
        if isinstance(self.completion_tokens, Unset):
            completion_tokens = UNSET
        else:
            completion_tokens = self.completion_tokens

        prompt_tokens: int | None | Unset
        if isinstance(self.prompt_tokens, Unset):
            prompt_tokens = UNSET
        else:
            prompt_tokens = self.prompt_tokens

        cache_read_tokens: int | None | Unset
        if isinstance(self.cache_read_tokens, Unset):
            cache_read_tokens = UNSET
        else:
            cache_read_tokens = self.cache_read_tokens

        cache_write_tokens: int | None | Unset
        if isinstance(self.cache_write_tokens, Unset):
            cache_write_tokens = UNSET
        else:
            cache_write_tokens = self.cache_write_tokens

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if completion_tokens is not UNSET:
            field_dict["completion_tokens"] = completion_tokens
        if prompt_tokens is not UNSET:
            field_dict["prompt_tokens"] = prompt_tokens
        if cache_read_tokens is not UNSET:
            field_dict["cache_read_tokens"] = cache_read_tokens
        if cache_write_tokens is not UNSET:
            field_dict["cache_write_tokens"] = cache_write_tokens

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        completion_tokens = d.pop("completion_tokens", UNSET)

        prompt_tokens = d.pop("prompt_tokens", UNSET)

        cache_read_tokens = d.pop("cache_read_tokens", UNSET)

        cache_write_tokens = d.pop("cache_write_tokens", UNSET)

        task_tokens = cls(
            completion_tokens=completion_tokens,
            prompt_tokens=prompt_tokens,
            cache_read_tokens=cache_read_tokens,
            cache_write_tokens=cache_write_tokens,
        )

        task_tokens.additional_properties = d
        return task_tokens

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


# `TaskTokens` as a dict: its JSON keys, for code that passes one instead of the model.
TaskTokensParam = TypedDict(
    "TaskTokensParam",
    {
        "completion_tokens": int | None,
        "prompt_tokens": int | None,
        "cache_read_tokens": int | None,
        "cache_write_tokens": int | None,
    },
    total=False,
)
