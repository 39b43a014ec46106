from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Required,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.event_identity import EventIdentity


T = TypeVar("T", bound="TaskEvent")


@_attrs_define
class TaskEvent(ModelAPI):
    """One Server-Sent Event of a task. For `task_created`, `task_updated` and
    `task_finished` the `data` is a `Task`. New types may come: `type` is an open string,
    with the known ones in `TaskEventType`.

    """

    type_: str = _attrs_field(
        alias="type",
    )
    """ The event type; see `TaskEventType` for the known ones. """
    task_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    """ The organization that owns the task. """
    time: datetime.datetime | None | Unset = UNSET
    data: Any | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ The event's payload; a `Task` for the task_* types, so it may hold credentials. [secret] """
    identity: EventIdentity | None | Unset = UNSET
    """ Who is speaking, when the event says so. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        task_id: None | str | Unset
        if isinstance(self.task_id, Unset):
            task_id = UNSET
        else:
            task_id = self.task_id

        organization_id: None | str | Unset
        if isinstance(self.organization_id, Unset):
            organization_id = UNSET
        else:
            organization_id = self.organization_id

        time: None | str | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        elif isinstance(self.time, datetime.datetime):
            time = self.time.isoformat()
        else:
            time = self.time

        data = self.data

        identity: dict[str, Any] | None | Unset
        if isinstance(self.identity, Unset):
            identity = UNSET
        elif isinstance(self.identity, EventIdentity):
            identity = self.identity.to_dict()
        else:
            identity = self.identity

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if task_id is not UNSET:
            field_dict["task_id"] = task_id
        if organization_id is not UNSET:
            field_dict["organization_id"] = organization_id
        if time is not UNSET:
            field_dict["time"] = time
        if data is not UNSET:
            field_dict["data"] = data
        if identity is not UNSET:
            field_dict["identity"] = identity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = d.pop("type")

        def _parse_task_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        task_id = _parse_task_id(d.pop("task_id", UNSET))

        def _parse_organization_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        organization_id = _parse_organization_id(d.pop("organization_id", UNSET))

        def _parse_time(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                time_type_0 = datetime.datetime.fromisoformat(data)

                return time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        time = _parse_time(d.pop("time", UNSET))

        data = d.pop("data", UNSET)

        def _parse_identity(data: object) -> EventIdentity | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                identity_type_0 = EventIdentity.from_dict(data)

                return identity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventIdentity | None | Unset, data)

        identity = _parse_identity(d.pop("identity", UNSET))

        task_event = cls(
            type=type_,
            task_id=task_id,
            organization_id=organization_id,
            time=time,
            data=data,
            identity=identity,
        )

        task_event.additional_properties = d
        return task_event

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
    def type(self) -> str:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: str) -> None:
        self.type_ = value


from ..models.event_identity import EventIdentity

TaskEventParam = TypedDict(
    "TaskEventParam",
    {
        "type": Required[str],
        "task_id": str | None,
        "organization_id": str | None,
        "time": str | None,
        "data": Any,
        "identity": EventIdentity | dict[str, Any] | None,
    },
    total=False,
)
