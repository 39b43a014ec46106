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

T = TypeVar("T", bound="EventIdentity")


class EventIdentity(ModelAPI):
    """Who an event speaks for."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "icon",
        "name",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("name", "None | str | Unset", default=UNSET),
            model_field("icon", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("name", "icon")
    __hash__ = None  # mutable and compared by value

    name: None | str | Unset
    icon: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        name: None | str | Unset = UNSET,
        icon: None | str | Unset = UNSET,
    ) -> None:
        self.name = name
        self.icon = icon
        self.additional_properties = {}

    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}(name={self.name!r}, icon={self.icon!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.name == other.name
            and self.icon == other.icon
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.icon is not UNSET:
            field_dict["icon"] = self.icon

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        icon = d.pop("icon", UNSET)

        event_identity = cls(
            name=name,
            icon=icon,
        )

        event_identity.additional_properties = d
        return event_identity

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


# `EventIdentity` as a dict: its JSON keys, for code that passes one instead of the model.
EventIdentityParam = TypedDict(
    "EventIdentityParam",
    {
        "name": str | None,
        "icon": str | None,
    },
    total=False,
)
