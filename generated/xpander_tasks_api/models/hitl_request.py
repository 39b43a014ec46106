from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="HITLRequest")


@_attrs_define
class HITLRequest:
    """A human-in-the-loop request the task waits on."""

    wait_node_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
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
