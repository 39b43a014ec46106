from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    Any,
    Literal,
    Required,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_status import AgentStatus
from ..types import UNSET, ModelAPI, Unset

T = TypeVar("T", bound="AgentsListItem")


@_attrs_define
class AgentsListItem(ModelAPI):
    """An agent as a list shows it; read the whole agent by its `id`."""

    id: str
    name: str
    icon: str
    organization_id: str
    instructions: dict[str, Any]
    """ The agent's instructions (`role`, `goal`, `general`, ...), as they come. """
    status: AgentStatus
    """ Whether an agent is in use. """
    created_at: datetime.datetime
    description: None | str | Unset = UNSET
    access_scope: None | str | Unset = "organizational"
    """ `personal`, `organizational` (the default) or `project`; a string, as a newer
    scope must not fail reading the list.
     """
    created_by: None | str | Unset = UNSET
    type_: None | str | Unset = _attrs_field(alias="type", default=UNSET)
    """ Such as `manager`, `regular`, `a2a`, `curl`, `orchestration`. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        icon = self.icon

        organization_id = self.organization_id

        instructions = self.instructions

        status = self.status.value

        created_at = self.created_at.isoformat()

        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        access_scope: None | str | Unset
        if isinstance(self.access_scope, Unset):
            access_scope = UNSET
        else:
            access_scope = self.access_scope

        created_by: None | str | Unset
        if isinstance(self.created_by, Unset):
            created_by = UNSET
        else:
            created_by = self.created_by

        type_: None | str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        else:
            type_ = self.type_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "icon": icon,
                "organization_id": organization_id,
                "instructions": instructions,
                "status": status,
                "created_at": created_at,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if access_scope is not UNSET:
            field_dict["access_scope"] = access_scope
        if created_by is not UNSET:
            field_dict["created_by"] = created_by
        if type_ is not UNSET:
            field_dict["type"] = type_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        icon = d.pop("icon")

        organization_id = d.pop("organization_id")

        instructions = d.pop("instructions")

        status = AgentStatus(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))

        def _parse_access_scope(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        access_scope = _parse_access_scope(d.pop("access_scope", "organizational"))

        def _parse_created_by(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        created_by = _parse_created_by(d.pop("created_by", UNSET))

        def _parse_type_(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

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

    @property
    def type(self) -> None | str | Unset:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: None | str | Unset) -> None:
        self.type_ = value


AgentsListItemParam = TypedDict(
    "AgentsListItemParam",
    {
        "id": Required[str],
        "name": Required[str],
        "icon": Required[str],
        "organization_id": Required[str],
        "instructions": Required[dict[str, Any]],
        "status": Required[AgentStatus | Literal["ACTIVE", "DRAFT", "INACTIVE"]],
        "created_at": Required[str],
        "description": str | None,
        "access_scope": str | None,
        "created_by": str | None,
        "type": str | None,
    },
    total=False,
)
