from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Required, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="User")


@_attrs_define
class User:
    """End-user context."""

    email: str
    id: None | str | Unset = UNSET
    first_name: None | str | Unset = UNSET
    last_name: None | str | Unset = UNSET
    timezone: None | str | Unset = UNSET
    """ IANA time zone name, such as `Europe/Berlin`. """
    additional_attributes: JsonObject | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        additional_attributes: dict[str, Any] | None | Unset
        if isinstance(self.additional_attributes, Unset):
            additional_attributes = UNSET
        elif isinstance(self.additional_attributes, JsonObject):
            additional_attributes = self.additional_attributes.to_dict()
        else:
            additional_attributes = self.additional_attributes

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "email": self.email,
        }
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if self.first_name is not UNSET:
            field_dict["first_name"] = self.first_name
        if self.last_name is not UNSET:
            field_dict["last_name"] = self.last_name
        if self.timezone is not UNSET:
            field_dict["timezone"] = self.timezone
        if additional_attributes is not UNSET:
            field_dict["additional_attributes"] = additional_attributes

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        email = d.pop("email")

        id = d.pop("id", UNSET)

        first_name = d.pop("first_name", UNSET)

        last_name = d.pop("last_name", UNSET)

        timezone = d.pop("timezone", UNSET)

        additional_attributes = d.pop("additional_attributes", UNSET)
        if isinstance(additional_attributes, dict):
            try:
                additional_attributes_type_0 = JsonObject.from_dict(
                    additional_attributes
                )

                additional_attributes = additional_attributes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        user = cls(
            email=email,
            id=id,
            first_name=first_name,
            last_name=last_name,
            timezone=timezone,
            additional_attributes=additional_attributes,
        )

        user.additional_properties = d
        return user

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


from ..models.json_object import JsonObject

# `User` as a dict: its JSON keys, for code that passes one instead of the model.
UserParam = TypedDict(
    "UserParam",
    {
        "email": Required[str],
        "id": str | None,
        "first_name": str | None,
        "last_name": str | None,
        "timezone": str | None,
        "additional_attributes": JsonObject | dict[str, Any] | None,
    },
    total=False,
)
