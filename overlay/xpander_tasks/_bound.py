"""Generated models bound to the client that fetched them (`Task`, `Agent`): what a copy and
a pickle keep."""

from __future__ import annotations

import copy
from typing import Any, ClassVar, Generic, Self, TypeVar

import attrs

from xpander_tasks_api.types import UNSET

ClientT = TypeVar("ClientT")


def field_names(model: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A generated model's fields, and those the spec tags `[secret]` (tokens it echoes)."""
    fields = attrs.fields(model)
    return (
        tuple(field.name for field in fields),
        tuple(field.name for field in fields if field.metadata.get("secret")),
    )


class BoundModel(Generic[ClientT]):
    """A generated model plus the client that fetched it, so that it can act on itself.

    A copy keeps the client (a client is shared, never copied); a pickle keeps neither the
    client (its key, its connections) nor a secret field. Subclasses set `_fields` and
    `_secret_fields` (`field_names`) and are `attrs.define(getstate_setstate=False)`, so
    that attrs does not replace the pickling below.
    """

    __slots__ = ()  # the `_client` slot is the subclass's: an attrs field
    _fields: ClassVar[tuple[str, ...]]
    _secret_fields: ClassVar[tuple[str, ...]]
    _client: ClientT | None

    @classmethod
    def adopt(cls, model: object, client: ClientT | None) -> Self:
        """This class's view of a generated model, bound to the client that fetched it."""
        adopted = cls.__new__(cls)
        adopted.replace_fields(model)
        adopted._client = client  # type: ignore[misc]  # the subclass's slot
        return adopted

    def replace_fields(self, model: object) -> None:
        """Take every field of `model`, a newer view of this one."""
        for name in self._fields:
            setattr(self, name, getattr(model, name))

    def __copy__(self) -> Self:
        """A copy bound to the same client."""
        return self.adopt(self, self._client)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """A deep copy of the fields, bound to the same client (a client is not copied)."""
        clone = self.adopt(self, self._client)
        for name in self._fields:
            setattr(clone, name, copy.deepcopy(getattr(self, name), memo))
        return clone

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: neither the client nor a secret the model echoes. An
        unpickled model is unbound: read it again through a client to act on it."""
        state = {name: getattr(self, name) for name in self._fields}
        state.update(dict.fromkeys(self._secret_fields, UNSET))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in self._fields:
            setattr(self, name, state[name])
        self._client = None  # type: ignore[misc]  # the subclass's slot
