from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Required, Self, TypedDict, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.event_identity import EventIdentity


T = TypeVar("T", bound="TaskEvent")


@_attrs_define
class TaskEvent:
    """One Server-Sent Event of a task. For `task_created`, `task_updated` and
    `task_finished` the `data` is a `Task`. New types may come: `type` is an open string,
    with the known ones in `TaskEventType`.

    """

    type_: str = _attrs_field(alias="type")
    """ The event type; see `TaskEventType` for the known ones. """
    task_id: None | str | Unset = UNSET
    organization_id: None | str | Unset = UNSET
    """ The organization that owns the task. """
    time: datetime.datetime | None | Unset = UNSET
    data: Any | Unset = _attrs_field(
        default=UNSET, repr=False, metadata={"secret": True}
    )
    """ The event's payload; a `Task` for the task_* types, so it may hold credentials. [secret] """
    identity: EventIdentity | None | Unset = UNSET
    """ Who is speaking, when the event says so. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        time: None | str | Unset
        if isinstance(self.time, Unset):
            time = UNSET
        elif isinstance(self.time, datetime.datetime):
            time = self.time.isoformat()
        else:
            time = self.time

        identity: dict[str, Any] | None | Unset
        if isinstance(self.identity, Unset):
            identity = UNSET
        elif isinstance(self.identity, EventIdentity):
            identity = self.identity.to_dict()
        else:
            identity = self.identity

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "type": self.type_,
        }
        if self.task_id is not UNSET:
            field_dict["task_id"] = self.task_id
        if self.organization_id is not UNSET:
            field_dict["organization_id"] = self.organization_id
        if time is not UNSET:
            field_dict["time"] = time
        if self.data is not UNSET:
            field_dict["data"] = self.data
        if identity is not UNSET:
            field_dict["identity"] = identity

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        type_ = d.pop("type")

        task_id = d.pop("task_id", UNSET)

        organization_id = d.pop("organization_id", UNSET)

        time = d.pop("time", UNSET)
        if isinstance(time, str):
            try:
                time_type_0 = datetime.datetime.fromisoformat(time)

                time = time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        data = d.pop("data", UNSET)

        identity = d.pop("identity", UNSET)
        if isinstance(identity, dict):
            try:
                identity_type_0 = EventIdentity.from_dict(identity)

                identity = identity_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

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
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

    @property
    def type(self) -> str:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: str) -> None:
        self.type_ = value


from ..models.event_identity import EventIdentity

# `TaskEvent` as a dict: its JSON keys, for code that passes one instead of the model.
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
