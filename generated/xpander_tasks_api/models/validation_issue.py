from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import LazyFields, ModelAPI, model_field

T = TypeVar("T", bound="ValidationIssue")


class ValidationIssue(ModelAPI):
    """One problem with the request, located by `loc`."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "loc",
        "msg",
        "type_",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("loc", "list[int | str]"),
            model_field("msg", "str"),
            model_field("type_", "str", alias="type"),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("loc", "msg", "type_")
    __hash__ = None  # mutable and compared by value

    loc: list[int | str]
    msg: str
    type_: str
    additional_properties: dict[str, Any]

    def __init__(
        self,
        loc: list[int | str],
        msg: str,
        type: str,
    ) -> None:
        self.loc = loc
        self.msg = msg
        self.type_ = type
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"loc={self.loc!r}, "
            f"msg={self.msg!r}, "
            f"type_={self.type_!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.loc == other.loc
            and self.msg == other.msg
            and self.type_ == other.type_
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "loc": self.loc,
            "msg": self.msg,
            "type": self.type_,
        }

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        loc = []
        _loc = d.pop("loc")
        for loc_item_data in _loc:
            loc_item = loc_item_data

            loc.append(loc_item)

        msg = d.pop("msg")

        type_ = d.pop("type")

        validation_issue = cls(
            loc=loc,
            msg=msg,
            type=type_,
        )

        validation_issue.additional_properties = d
        return validation_issue

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

    @property
    def type(self) -> str:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: str) -> None:
        self.type_ = value


# `ValidationIssue` as a dict: its JSON keys, for code that passes one instead of the model.
ValidationIssueParam = TypedDict(
    "ValidationIssueParam",
    {
        "loc": Required[list[str | int]],
        "msg": Required[str],
        "type": Required[str],
    },
    total=False,
)
