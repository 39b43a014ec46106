from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.agent_status import AgentStatus
from ..types import UNSET, LazyFields, Unset, model_field

if TYPE_CHECKING:
    from ..models.agents_list_item_instructions import AgentsListItemInstructions


T = TypeVar("T", bound="AgentsListItem")


class AgentsListItem:
    """An agent as a list shows it; read the whole agent by its `id`."""

    __slots__ = (
        "__weakref__",
        "access_scope",
        "additional_properties",
        "created_at",
        "created_by",
        "description",
        "icon",
        "id",
        "instructions",
        "name",
        "organization_id",
        "status",
        "type_",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "str"),
            model_field("name", "str"),
            model_field("icon", "str"),
            model_field("organization_id", "str"),
            model_field("instructions", "AgentsListItemInstructions"),
            model_field("status", "AgentStatus"),
            model_field("created_at", "datetime.datetime"),
            model_field("description", "None | str | Unset", default=UNSET),
            model_field("access_scope", "None | str | Unset", default="organizational"),
            model_field("created_by", "None | str | Unset", default=UNSET),
            model_field("type_", "None | str | Unset", default=UNSET, alias="type"),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "name",
        "icon",
        "organization_id",
        "instructions",
        "status",
        "created_at",
        "description",
        "access_scope",
        "created_by",
        "type_",
    )
    __hash__ = None  # mutable and compared by value

    id: str
    name: str
    icon: str
    organization_id: str
    instructions: AgentsListItemInstructions
    """ The agent's instructions (`role`, `goal`, `general`, ...), as they come. """
    status: AgentStatus
    """ Whether an agent is in use. """
    created_at: datetime.datetime
    description: None | str | Unset
    access_scope: None | str | Unset
    """ `personal`, `organizational` (the default) or `project`; a string, as a newer
    scope must not fail reading the list.
     """
    created_by: None | str | Unset
    type_: None | str | Unset
    """ Such as `manager`, `regular`, `a2a`, `curl`, `orchestration`. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        name: str,
        icon: str,
        organization_id: str,
        instructions: AgentsListItemInstructions,
        status: AgentStatus,
        created_at: datetime.datetime,
        description: None | str | Unset = UNSET,
        access_scope: None | str | Unset = "organizational",
        created_by: None | str | Unset = UNSET,
        type: None | str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.name = name
        self.icon = icon
        self.organization_id = organization_id
        self.instructions = instructions
        self.status = status
        self.created_at = created_at
        self.description = description
        self.access_scope = access_scope
        self.created_by = created_by
        self.type_ = type
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"name={self.name!r}, "
            f"icon={self.icon!r}, "
            f"organization_id={self.organization_id!r}, "
            f"instructions={self.instructions!r}, "
            f"status={self.status!r}, "
            f"created_at={self.created_at!r}, "
            f"description={self.description!r}, "
            f"access_scope={self.access_scope!r}, "
            f"created_by={self.created_by!r}, "
            f"type_={self.type_!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.name == other.name
            and self.icon == other.icon
            and self.organization_id == other.organization_id
            and self.instructions == other.instructions
            and self.status == other.status
            and self.created_at == other.created_at
            and self.description == other.description
            and self.access_scope == other.access_scope
            and self.created_by == other.created_by
            and self.type_ == other.type_
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        instructions = self.instructions.to_dict()

        status = self.status.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "name": self.name,
            "icon": self.icon,
            "organization_id": self.organization_id,
            "instructions": instructions,
            "status": status,
            "created_at": created_at,
        }
        if self.description is not UNSET:
            field_dict["description"] = self.description
        if self.access_scope is not UNSET:
            field_dict["access_scope"] = self.access_scope
        if self.created_by is not UNSET:
            field_dict["created_by"] = self.created_by
        if self.type_ is not UNSET:
            field_dict["type"] = self.type_

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        icon = d.pop("icon")

        organization_id = d.pop("organization_id")

        instructions = AgentsListItemInstructions.from_dict(d.pop("instructions"))

        status = AgentStatus._value2member_map_.get(
            _enum_value := d.pop("status")
        ) or AgentStatus(_enum_value)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        description = d.pop("description", UNSET)

        access_scope = d.pop("access_scope", UNSET)

        created_by = d.pop("created_by", UNSET)

        type_ = d.pop("type", UNSET)

        agents_list_item = cls(
            id=id,
            name=name,
            icon=icon,
            organization_id=organization_id,
            instructions=instructions,
            status=status,
            created_at=created_at,
            description=description,
            access_scope=access_scope,
            created_by=created_by,
            type=type_,
        )

        agents_list_item.additional_properties = d
        return agents_list_item

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
    def type(self) -> None | str | Unset:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: None | str | Unset) -> None:
        self.type_ = value


from ..models.agents_list_item_instructions import AgentsListItemInstructions

# `AgentsListItem` as a dict: its JSON keys, for code that passes one instead of the model.
AgentsListItemParam = TypedDict(
    "AgentsListItemParam",
    {
        "id": Required[str],
        "name": Required[str],
        "icon": Required[str],
        "organization_id": Required[str],
        "instructions": Required[AgentsListItemInstructions | dict[str, Any]],
        "status": Required[AgentStatus | Literal["ACTIVE", "DRAFT", "INACTIVE"]],
        "created_at": Required[str],
        "description": str | None,
        "access_scope": str | None,
        "created_by": str | None,
        "type": str | None,
    },
    total=False,
)
