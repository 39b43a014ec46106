from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Required,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.activity_log_entry import ActivityLogEntry
    from ..models.agent_activity_thread_message import AgentActivityThreadMessage
    from ..models.agent_activity_thread_reasoning import AgentActivityThreadReasoning
    from ..models.agent_activity_thread_tool_call import AgentActivityThreadToolCall
    from ..models.user import User


T = TypeVar("T", bound="AgentActivityThread")


@_attrs_define
class AgentActivityThread(ModelAPI):
    """A task's activity thread (the published SDK's name; `ActivityLog` is an alias). New
    fields and entry kinds may come.

    """

    id: str
    created_at: datetime.datetime
    messages: list[
        ActivityLogEntry
        | AgentActivityThreadMessage
        | AgentActivityThreadReasoning
        | AgentActivityThreadToolCall
    ]
    """ Its entries, each read as the first kind it fits: a message, a tool call, a
    reasoning step, else the open `ActivityLogEntry` (sub-agent triggers, auth
    requests, gateway decisions, kinds newer than this spec).
     """
    user: None | Unset | User = UNSET
    """ The end user of the thread, when known. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        messages = []
        for messages_item_data in self.messages:
            messages_item: dict[str, Any]
            if (
                isinstance(messages_item_data, AgentActivityThreadMessage)
                or isinstance(messages_item_data, AgentActivityThreadToolCall)
                or isinstance(messages_item_data, AgentActivityThreadReasoning)
            ):
                messages_item = messages_item_data.to_dict()
            else:
                messages_item = messages_item_data.to_dict()

            messages.append(messages_item)

        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "messages": messages,
            }
        )
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

            def _parse_messages_item(
                data: object,
            ) -> (
                ActivityLogEntry
                | AgentActivityThreadMessage
                | AgentActivityThreadReasoning
                | AgentActivityThreadToolCall
            ):
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_0 = AgentActivityThreadMessage.from_dict(data)

                    return messages_item_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_1 = AgentActivityThreadToolCall.from_dict(data)

                    return messages_item_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    messages_item_type_2 = AgentActivityThreadReasoning.from_dict(data)

                    return messages_item_type_2
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                messages_item_type_3 = ActivityLogEntry.from_dict(data)

                return messages_item_type_3

            messages_item = _parse_messages_item(messages_item_data)

            messages.append(messages_item)

        def _parse_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = User.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user = _parse_user(d.pop("user", UNSET))

        agent_activity_thread = cls(
            id=id,
            created_at=created_at,
            messages=messages,
            user=user,
        )

        agent_activity_thread.additional_properties = d
        return agent_activity_thread

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


from ..models.activity_log_entry import ActivityLogEntry
from ..models.agent_activity_thread_message import AgentActivityThreadMessage
from ..models.agent_activity_thread_reasoning import AgentActivityThreadReasoning
from ..models.agent_activity_thread_tool_call import AgentActivityThreadToolCall
from ..models.user import User

AgentActivityThreadParam = TypedDict(
    "AgentActivityThreadParam",
    {
        "id": Required[str],
        "created_at": Required[str],
        "messages": Required[
            list[
                AgentActivityThreadMessage
                | dict[str, Any]
                | AgentActivityThreadToolCall
                | AgentActivityThreadReasoning
                | ActivityLogEntry
            ]
        ],
        "user": User | dict[str, Any] | None,
    },
    total=False,
)
