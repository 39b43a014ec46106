from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.json_object import JsonObject


T = TypeVar("T", bound="User")


class User(ModelAPI):
    """End-user context."""

    __slots__ = (
        "__weakref__",
        "additional_attributes",
        "additional_properties",
        "email",
        "first_name",
        "id",
        "last_name",
        "timezone",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("email", "str"),
            model_field("id", "None | str | Unset", default=UNSET),
            model_field("first_name", "None | str | Unset", default=UNSET),
            model_field("last_name", "None | str | Unset", default=UNSET),
            model_field("timezone", "None | str | Unset", default=UNSET),
            model_field(
                "additional_attributes", "JsonObject | None | Unset", default=UNSET
            ),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "email",
        "id",
        "first_name",
        "last_name",
        "timezone",
        "additional_attributes",
    )
    __hash__ = None  # mutable and compared by value

    email: str
    id: None | str | Unset
    first_name: None | str | Unset
    last_name: None | str | Unset
    timezone: None | str | Unset
    """ IANA time zone name, such as `Europe/Berlin`. """
    additional_attributes: JsonObject | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        email: str,
        id: None | str | Unset = UNSET,
        first_name: None | str | Unset = UNSET,
        last_name: None | str | Unset = UNSET,
        timezone: None | str | Unset = UNSET,
        additional_attributes: JsonObject | None | Unset = UNSET,
    ) -> None:
        self.email = email
        self.id = id
        self.first_name = first_name
        self.last_name = last_name
        self.timezone = timezone
        self.additional_attributes = additional_attributes
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"email={self.email!r}, "
            f"id={self.id!r}, "
            f"first_name={self.first_name!r}, "
            f"last_name={self.last_name!r}, "
            f"timezone={self.timezone!r}, "
            f"additional_attributes={self.additional_attributes!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.email == other.email
            and self.id == other.id
            and self.first_name == other.first_name
            and self.last_name == other.last_name
            and self.timezone == other.timezone
            and self.additional_attributes == other.additional_attributes
            and self.additional_properties == other.additional_properties
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
