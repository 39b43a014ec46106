from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

T = TypeVar("T", bound="Agent")


class Agent(ModelAPI):
    """An agent. Only its identifying fields are typed; every other field (tools, graph,
    instructions, settings) is kept as it comes.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "created_at",
        "description",
        "framework",
        "icon",
        "id",
        "model_name",
        "model_provider",
        "name",
        "organization_id",
        "status",
        "unique_name",
        "version",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "str"),
            model_field("organization_id", "str"),
            model_field("name", "str"),
            model_field("unique_name", "None | str | Unset", default=UNSET),
            model_field("description", "None | str | Unset", default=UNSET),
            model_field("icon", "None | str | Unset", default=UNSET),
            model_field("version", "int | None | Unset", default=UNSET),
            model_field("status", "None | str | Unset", default=UNSET),
            model_field("framework", "None | str | Unset", default=UNSET),
            model_field("model_provider", "None | str | Unset", default=UNSET),
            model_field("model_name", "None | str | Unset", default=UNSET),
            model_field(
                "created_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "organization_id",
        "name",
        "unique_name",
        "description",
        "icon",
        "version",
        "status",
        "framework",
        "model_provider",
        "model_name",
        "created_at",
    )
    __hash__ = None  # mutable and compared by value

    id: str
    organization_id: str
    name: str
    unique_name: None | str | Unset
    description: None | str | Unset
    icon: None | str | Unset
    version: int | None | Unset
    """ The version read (`x-agent-version`), else the current one. """
    status: None | str | Unset
    """ Such as `ACTIVE`. """
    framework: None | str | Unset
    model_provider: None | str | Unset
    model_name: None | str | Unset
    created_at: datetime.datetime | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        organization_id: str,
        name: str,
        unique_name: None | str | Unset = UNSET,
        description: None | str | Unset = UNSET,
        icon: None | str | Unset = UNSET,
        version: int | None | Unset = UNSET,
        status: None | str | Unset = UNSET,
        framework: None | str | Unset = UNSET,
        model_provider: None | str | Unset = UNSET,
        model_name: None | str | Unset = UNSET,
        created_at: datetime.datetime | None | Unset = UNSET,
    ) -> None:
        self.id = id
        self.organization_id = organization_id
        self.name = name
        self.unique_name = unique_name
        self.description = description
        self.icon = icon
        self.version = version
        self.status = status
        self.framework = framework
        self.model_provider = model_provider
        self.model_name = model_name
        self.created_at = created_at
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"organization_id={self.organization_id!r}, "
            f"name={self.name!r}, "
            f"unique_name={self.unique_name!r}, "
            f"description={self.description!r}, "
            f"icon={self.icon!r}, "
            f"version={self.version!r}, "
            f"status={self.status!r}, "
            f"framework={self.framework!r}, "
            f"model_provider={self.model_provider!r}, "
            f"model_name={self.model_name!r}, "
            f"created_at={self.created_at!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.organization_id == other.organization_id
            and self.name == other.name
            and self.unique_name == other.unique_name
            and self.description == other.description
            and self.icon == other.icon
            and self.version == other.version
            and self.status == other.status
            and self.framework == other.framework
            and self.model_provider == other.model_provider
            and self.model_name == other.model_name
            and self.created_at == other.created_at
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
