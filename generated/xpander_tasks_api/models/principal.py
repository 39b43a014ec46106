from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.principal_kind import PrincipalKind
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

T = TypeVar("T", bound="Principal")


class Principal(ModelAPI):
    """Who the task acts for."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "display_name",
        "email",
        "id",
        "kind",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("kind", "PrincipalKind"),
            model_field("id", "str"),
            model_field("email", "None | str | Unset", default=UNSET),
            model_field("display_name", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("kind", "id", "email", "display_name")
    __hash__ = None  # mutable and compared by value

    kind: PrincipalKind
    id: str
    """ Non-empty, with no `:`, no white space and no control characters. """
    email: None | str | Unset
    display_name: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        kind: PrincipalKind,
        id: str,
        email: None | str | Unset = UNSET,
        display_name: None | str | Unset = UNSET,
    ) -> None:
        self.kind = kind
        self.id = id
        self.email = email
        self.display_name = display_name
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"kind={self.kind!r}, "
            f"id={self.id!r}, "
            f"email={self.email!r}, "
            f"display_name={self.display_name!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.kind == other.kind
            and self.id == other.id
            and self.email == other.email
            and self.display_name == other.display_name
            and self.additional_properties == other.additional_properties
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
        kind = PrincipalKind._value2member_map_.get(
            _enum_value := d.pop("kind")
        ) or PrincipalKind(_enum_value)

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
