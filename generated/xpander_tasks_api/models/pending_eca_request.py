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

T = TypeVar("T", bound="PendingECARequest")


class PendingECARequest(ModelAPI):
    """A connector authorisation the task waits on."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "auth_url",
        "connector_name",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("connector_name", "None | str | Unset", default=UNSET),
            model_field("auth_url", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("connector_name", "auth_url")
    __hash__ = None  # mutable and compared by value

    connector_name: None | str | Unset
    auth_url: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        connector_name: None | str | Unset = UNSET,
        auth_url: None | str | Unset = UNSET,
    ) -> None:
        self.connector_name = connector_name
        self.auth_url = auth_url
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"connector_name={self.connector_name!r}, "
            f"auth_url={self.auth_url!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.connector_name == other.connector_name
            and self.auth_url == other.auth_url
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.connector_name is not UNSET:
            field_dict["connector_name"] = self.connector_name
        if self.auth_url is not UNSET:
            field_dict["auth_url"] = self.auth_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        connector_name = d.pop("connector_name", UNSET)

        auth_url = d.pop("auth_url", UNSET)

        pending_eca_request = cls(
            connector_name=connector_name,
            auth_url=auth_url,
        )

        pending_eca_request.additional_properties = d
        return pending_eca_request

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


# `PendingECARequest` as a dict: its JSON keys, for code that passes one instead of the model.
PendingECARequestParam = TypedDict(
    "PendingECARequestParam",
    {
        "connector_name": str | None,
        "auth_url": str | None,
    },
    total=False,
)
