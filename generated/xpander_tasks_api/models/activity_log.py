from __future__ import annotations

import datetime
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
    from ..models.activity_log_entry import ActivityLogEntry
    from ..models.user import User


T = TypeVar("T", bound="ActivityLog")


class ActivityLog(ModelAPI):
    """A task's activity thread. New fields and entry kinds may come."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "created_at",
        "id",
        "messages",
        "user",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "str"),
            model_field("created_at", "datetime.datetime"),
            model_field("messages", "list[ActivityLogEntry]"),
            model_field("user", "None | Unset | User", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("id", "created_at", "messages", "user")
    __hash__ = None  # mutable and compared by value

    id: str
    created_at: datetime.datetime
    messages: list[ActivityLogEntry]
    user: None | Unset | User
    """ The end user of the thread, when known. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        created_at: datetime.datetime,
        messages: list[ActivityLogEntry],
        user: None | Unset | User = UNSET,
    ) -> None:
        self.id = id
        self.created_at = created_at
        self.messages = messages
        self.user = user
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"created_at={self.created_at!r}, "
            f"messages={self.messages!r}, "
            f"user={self.user!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.created_at == other.created_at
            and self.messages == other.messages
            and self.user == other.user
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        created_at = self.created_at.isoformat()

        messages = []
        for messages_item_data in self.messages:
            messages_item = messages_item_data.to_dict()
            messages.append(messages_item)

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "created_at": created_at,
            "messages": messages,
        }
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        messages = []
        _messages = d.pop("messages")
        for messages_item_data in _messages:
            messages_item = ActivityLogEntry.from_dict(messages_item_data)

            messages.append(messages_item)

        user = d.pop("user", UNSET)
        if isinstance(user, dict):
            try:
                user_type_0 = User.from_dict(user)

                user = user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        activity_log = cls(
            id=id,
            created_at=created_at,
            messages=messages,
            user=user,
        )

        activity_log.additional_properties = d
        return activity_log

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


from ..models.activity_log_entry import ActivityLogEntry
from ..models.user import User

# `ActivityLog` as a dict: its JSON keys, for code that passes one instead of the model.
ActivityLogParam = TypedDict(
    "ActivityLogParam",
    {
        "id": Required[str],
        "created_at": Required[str],
        "messages": Required[list[ActivityLogEntry | dict[str, Any]]],
        "user": User | dict[str, Any] | None,
    },
    total=False,
)
