from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, Required, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.principal_kind import PrincipalKind
from ..types import UNSET, Unset

T = TypeVar("T", bound="Principal")


@_attrs_define
class Principal:
    """Who the task acts for."""

    kind: PrincipalKind
    id: str
    """ Non-empty, with no `:`, no white space and no control characters. """
    email: None | str | Unset = UNSET
    display_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "kind": kind,
            "id": self.id,
        }
        if self.email is not UNSET:
            field_dict["email"] = self.email
        if self.display_name is not UNSET:
            field_dict["display_name"] = self.display_name

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        kind = PrincipalKind(d.pop("kind"))

        id = d.pop("id")

        email = d.pop("email", UNSET)

        display_name = d.pop("display_name", UNSET)

        principal = cls(
            kind=kind,
            id=id,
            email=email,
            display_name=display_name,
        )

        principal.additional_properties = d
        return principal

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


# `Principal` as a dict: its JSON keys, for code that passes one instead of the model.
PrincipalParam = TypedDict(
    "PrincipalParam",
    {
        "kind": Required[
            PrincipalKind | Literal["anonymous", "api_key", "slack", "system", "user"]
        ],
        "id": Required[str],
        "email": str | None,
        "display_name": str | None,
    },
    total=False,
)
