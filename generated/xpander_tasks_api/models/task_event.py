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
    from ..models.event_identity import EventIdentity


T = TypeVar("T", bound="TaskEvent")


class TaskEvent(ModelAPI):
    """One Server-Sent Event of a task. For `task_created`, `task_updated` and
    `task_finished` the `data` is a `Task`. New types may come: `type` is an open string,
    with the known ones in `TaskEventType`.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "data",
        "identity",
        "organization_id",
        "task_id",
        "time",
        "type_",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("type_", "str", alias="type"),
            model_field("task_id", "None | str | Unset", default=UNSET),
            model_field("organization_id", "None | str | Unset", default=UNSET),
            model_field("time", "datetime.datetime | None | Unset", default=UNSET),
            model_field("data", "Any | Unset", default=UNSET, secret=True),
            model_field("identity", "EventIdentity | None | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("type_", "task_id", "organization_id", "time", "data", "identity")
    __hash__ = None  # mutable and compared by value

    type_: str
    """ The event type; see `TaskEventType` for the known ones. """
    task_id: None | str | Unset
    organization_id: None | str | Unset
    """ The organization that owns the task. """
    time: datetime.datetime | None | Unset
    data: Any | Unset
    """ The event's payload; a `Task` for the task_* types, so it may hold credentials. [secret] """
    identity: EventIdentity | None | Unset
    """ Who is speaking, when the event says so. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        type: str,
        task_id: None | str | Unset = UNSET,
        organization_id: None | str | Unset = UNSET,
        time: datetime.datetime | None | Unset = UNSET,
        data: Any | Unset = UNSET,
        identity: EventIdentity | None | Unset = UNSET,
    ) -> None:
        self.type_ = type
        self.task_id = task_id
        self.organization_id = organization_id
        self.time = time
        self.data = data
        self.identity = identity
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"type_={self.type_!r}, "
            f"task_id={self.task_id!r}, "
            f"organization_id={self.organization_id!r}, "
            f"time={self.time!r}, "
            f"identity={self.identity!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.type_ == other.type_
            and self.task_id == other.task_id
            and self.organization_id == other.organization_id
            and self.time == other.time
            and self.data == other.data
            and self.identity == other.identity
            and self.additional_properties == other.additional_properties
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
