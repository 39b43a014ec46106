from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Self,
    TypeVar,
)

from ..types import LazyFields, ModelAPI, model_field

T = TypeVar("T", bound="StringMap")


class StringMap(ModelAPI):
    """A map of strings to strings."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field(
                "additional_properties", "dict[str, str]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ()
    __hash__ = None  # mutable and compared by value

    additional_properties: dict[str, str]

    def __init__(
        self,
    ) -> None:
        self.additional_properties = {}

    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}()"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self.additional_properties == other.additional_properties

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        string_map = cls()

        string_map.additional_properties = d
        return string_map

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
