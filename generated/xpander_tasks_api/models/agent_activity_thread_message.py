from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_activity_thread_message_role import AgentActivityThreadMessageRole
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.agent_activity_thread_message_content import (
        AgentActivityThreadMessageContent,
    )
    from ..models.user import User


T = TypeVar("T", bound="AgentActivityThreadMessage")


@_attrs_define
class AgentActivityThreadMessage(ModelAPI):
    """A message of the thread, from the user or from the agent."""

    id: str
    created_at: datetime.datetime
    role: AgentActivityThreadMessageRole
    content: AgentActivityThreadMessageContent
    sub_execution_result: bool | None | Unset = False
    user: None | Unset | User = UNSET
    """ The user who wrote a user message, when known. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        role = self.role.value

        content = self.content.to_dict()

        sub_execution_result: bool | None | Unset
        if isinstance(self.sub_execution_result, Unset):
            sub_execution_result = UNSET
        else:
            sub_execution_result = self.sub_execution_result

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
                "role": role,
                "content": content,
            }
        )
        if sub_execution_result is not UNSET:
            field_dict["sub_execution_result"] = sub_execution_result
        if user is not UNSET:
            field_dict["user"] = user

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        role = AgentActivityThreadMessageRole(d.pop("role"))

        content = AgentActivityThreadMessageContent.from_dict(d.pop("content"))

        def _parse_sub_execution_result(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        sub_execution_result = _parse_sub_execution_result(
            d.pop("sub_execution_result", False)
        )

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

        user = _parse_user(d.pop("user", None))

        agent_activity_thread_message = cls(
            id=id,
            created_at=created_at,
            role=role,
            content=content,
            sub_execution_result=sub_execution_result,
            user=user,
        )

        agent_activity_thread_message.additional_properties = d
        return agent_activity_thread_message

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


from ..models.agent_activity_thread_message_content import (
    AgentActivityThreadMessageContent,
)
from ..models.user import User

AgentActivityThreadMessageParam = TypedDict(
    "AgentActivityThreadMessageParam",
    {
        "id": Required[str],
        "created_at": Required[str],
        "role": Required[AgentActivityThreadMessageRole | Literal["agent", "user"]],
        "content": Required[AgentActivityThreadMessageContent | dict[str, Any]],
        "sub_execution_result": bool | None,
        "user": User | dict[str, Any] | None,
    },
    total=False,
)
