from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    Any,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

T = TypeVar("T", bound="PendingECARequest")


@_attrs_define
class PendingECARequest(ModelAPI):
    """A connector authorisation the task waits on."""

    connector_name: None | str | Unset = UNSET
    auth_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        connector_name: None | str | Unset
        if isinstance(self.connector_name, Unset):
            connector_name = UNSET
        else:
            connector_name = self.connector_name

        auth_url: None | str | Unset
        if isinstance(self.auth_url, Unset):
            auth_url = UNSET
        else:
            auth_url = self.auth_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if connector_name is not UNSET:
            field_dict["connector_name"] = connector_name
        if auth_url is not UNSET:
            field_dict["auth_url"] = auth_url

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_connector_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        connector_name = _parse_connector_name(d.pop("connector_name", UNSET))

        def _parse_auth_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        auth_url = _parse_auth_url(d.pop("auth_url", UNSET))

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
        if key in self.additional_properties:
            return self.additional_properties[key]
        value: Any = self.to_dict()[key]
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties or key in self.to_dict()


PendingECARequestParam = TypedDict(
    "PendingECARequestParam",
    {
        "connector_name": str | None,
        "auth_url": str | None,
    },
    total=False,
)
