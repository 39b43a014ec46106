from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ActivityLogEntry")


@_attrs_define
class ActivityLogEntry:
    """One entry of an activity thread, told apart by its fields: a message (`role`,
    `content`), a tool call (`tool_name`, `payload`, `result`), a reasoning step (`type`
    `think` or `analyze`, `title`, `thought`), a sub-agent trigger, an auth request, a
    gateway decision (`action`), and kinds newer than this spec. An open object: every
    field is kept.

    """

    id: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
    agent_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        created_at: None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        else:
            created_at = self.created_at

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if self.agent_id is not UNSET:
            field_dict["agent_id"] = self.agent_id

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        created_at = d.pop("created_at", UNSET)
        if isinstance(created_at, str):
            try:
                created_at_type_0 = datetime.datetime.fromisoformat(created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        agent_id = d.pop("agent_id", UNSET)

        activity_log_entry = cls(
            id=id,
            created_at=created_at,
            agent_id=agent_id,
        )

        activity_log_entry.additional_properties = d
        return activity_log_entry

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


# `ActivityLogEntry` as a dict: its JSON keys, for code that passes one instead of the model.
ActivityLogEntryParam = TypedDict(
    "ActivityLogEntryParam",
    {
        "id": str | None,
        "created_at": str | None,
        "agent_id": str | None,
    },
    total=False,
)
