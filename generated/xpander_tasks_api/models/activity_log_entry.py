from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

T = TypeVar("T", bound="ActivityLogEntry")


class ActivityLogEntry(ModelAPI):
    """One entry of an activity thread, told apart by its fields: a message (`role`,
    `content`), a tool call (`tool_name`, `payload`, `result`), a reasoning step (`type`
    `think` or `analyze`, `title`, `thought`), a sub-agent trigger, an auth request, a
    gateway decision (`action`), and kinds newer than this spec. An open object: every
    field is kept.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "agent_id",
        "created_at",
        "id",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "None | str | Unset", default=UNSET),
            model_field(
                "created_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field("agent_id", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("id", "created_at", "agent_id")
    __hash__ = None  # mutable and compared by value

    id: None | str | Unset
    created_at: datetime.datetime | None | Unset
    agent_id: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
        agent_id: None | str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.created_at = created_at
        self.agent_id = agent_id
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"created_at={self.created_at!r}, "
            f"agent_id={self.agent_id!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.created_at == other.created_at
            and self.agent_id == other.agent_id
            and self.additional_properties == other.additional_properties
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
