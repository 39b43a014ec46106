from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, Required, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Agent")


@_attrs_define
class Agent:
    """An agent. Only its identifying fields are typed; every other field (tools, graph,
    instructions, settings) is kept as it comes.

    """

    id: str
    organization_id: str
    name: str
    unique_name: None | str | Unset = UNSET
    description: None | str | Unset = UNSET
    icon: None | str | Unset = UNSET
    version: int | None | Unset = UNSET
    """ The version read (`x-agent-version`), else the current one. """
    status: None | str | Unset = UNSET
    """ Such as `ACTIVE`. """
    framework: None | str | Unset = UNSET
    model_provider: None | str | Unset = UNSET
    model_name: None | str | Unset = UNSET
    created_at: datetime.datetime | None | Unset = UNSET
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
            "id": self.id,
            "organization_id": self.organization_id,
            "name": self.name,
        }
        if self.unique_name is not UNSET:
            field_dict["unique_name"] = self.unique_name
        if self.description is not UNSET:
            field_dict["description"] = self.description
        if self.icon is not UNSET:
            field_dict["icon"] = self.icon
        if self.version is not UNSET:
            field_dict["version"] = self.version
        if self.status is not UNSET:
            field_dict["status"] = self.status
        if self.framework is not UNSET:
            field_dict["framework"] = self.framework
        if self.model_provider is not UNSET:
            field_dict["model_provider"] = self.model_provider
        if self.model_name is not UNSET:
            field_dict["model_name"] = self.model_name
        if created_at is not UNSET:
            field_dict["created_at"] = created_at

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        organization_id = d.pop("organization_id")

        name = d.pop("name")

        unique_name = d.pop("unique_name", UNSET)

        description = d.pop("description", UNSET)

        icon = d.pop("icon", UNSET)

        version = d.pop("version", UNSET)

        status = d.pop("status", UNSET)

        framework = d.pop("framework", UNSET)

        model_provider = d.pop("model_provider", UNSET)

        model_name = d.pop("model_name", UNSET)

        created_at = d.pop("created_at", UNSET)
        if isinstance(created_at, str):
            try:
                created_at_type_0 = datetime.datetime.fromisoformat(created_at)

                created_at = created_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        agent = cls(
            id=id,
            organization_id=organization_id,
            name=name,
            unique_name=unique_name,
            description=description,
            icon=icon,
            version=version,
            status=status,
            framework=framework,
            model_provider=model_provider,
            model_name=model_name,
            created_at=created_at,
        )

        agent.additional_properties = d
        return agent

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


# `Agent` as a dict: its JSON keys, for code that passes one instead of the model.
AgentParam = TypedDict(
    "AgentParam",
    {
        "id": Required[str],
        "organization_id": Required[str],
        "name": Required[str],
        "unique_name": str | None,
        "description": str | None,
        "icon": str | None,
        "version": int | None,
        "status": str | None,
        "framework": str | None,
        "model_provider": str | None,
        "model_name": str | None,
        "created_at": str | None,
    },
    total=False,
)
