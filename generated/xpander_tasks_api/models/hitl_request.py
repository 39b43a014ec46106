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

T = TypeVar("T", bound="HITLRequest")


class HITLRequest(ModelAPI):
    """A human-in-the-loop request the task waits on."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "wait_node_id",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("wait_node_id", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("wait_node_id",)
    __hash__ = None  # mutable and compared by value

    wait_node_id: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        wait_node_id: None | str | Unset = UNSET,
    ) -> None:
        self.wait_node_id = wait_node_id
        self.additional_properties = {}

    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}(wait_node_id={self.wait_node_id!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.wait_node_id == other.wait_node_id
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.wait_node_id is not UNSET:
            field_dict["wait_node_id"] = self.wait_node_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        wait_node_id = d.pop("wait_node_id", UNSET)

        hitl_request = cls(
            wait_node_id=wait_node_id,
        )

        hitl_request.additional_properties = d
        return hitl_request

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


# `HITLRequest` as a dict: its JSON keys, for code that passes one instead of the model.
HITLRequestParam = TypedDict(
    "HITLRequestParam",
    {
        "wait_node_id": str | None,
    },
    total=False,
)
