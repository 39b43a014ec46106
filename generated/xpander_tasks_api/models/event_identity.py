from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="EventIdentity")


@_attrs_define
class EventIdentity:
    """Who an event speaks for."""

    name: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
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
