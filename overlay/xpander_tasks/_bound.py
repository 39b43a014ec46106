"""Generated models bound to the client that fetched them (`Task`, `TasksListItem`, `Agent`):
the binding, what a copy and a pickle keep, and equality."""

from __future__ import annotations

import copy
import functools
import inspect
import keyword
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

import attrs

from ._exceptions import ConfigurationError, InvalidResponseError
from ._fields import model_fields

ClientT = TypeVar("ClientT")


@functools.cache
def _layout(model: type) -> tuple[tuple[str, ...], Callable[[object, object], None]]:
    """A generated model's field names and their copier; made on first use, as they read
    attrs."""
    names = tuple(field.name for field in model_fields(model))
    return names, _fields_copier(names)


def _fields_copier(fields: tuple[str, ...]) -> Callable[[object, object], None]:
    """A function that copies `fields` from one object to another, compiled once as straight
    code, as attrs compiles `__init__`: a loop of `setattr(getattr(...))` costs three times
    as much, on every answer a client reads."""
    if not all(name.isidentifier() and not keyword.iskeyword(name) for name in fields):
        raise TypeError(f"not attribute names: {fields!r}")
    lines = [f"    target.{name} = source.{name}" for name in fields] or ["    pass"]
    namespace: dict[str, Any] = {}
    exec("def copy_fields(target, source):\n" + "\n".join(lines), namespace)  # noqa: S102
    copier: Callable[[object, object], None] = namespace["copy_fields"]
    return copier


class _Signature:
    """A bound model's `inspect.signature` (`help()`): its generated model's `__init__` and
    `client=None`, as attrs wrote it; worked out when asked for, not at import."""

    def __get__(self, instance: object, owner: type[BoundModel[Any]]) -> inspect.Signature:
        model = inspect.signature(owner._model)
        client = inspect.Parameter("client", inspect.Parameter.KEYWORD_ONLY, default=None)
        return model.replace(parameters=[*model.parameters.values(), client])


BoundT = TypeVar("BoundT", bound=type)


def bound_model(cls: BoundT) -> BoundT:
    """A `BoundModel` subclass as an attrs class: its model's fields plus `_client`
    (keyword `client`, not in the repr); its own `__init__`, `__eq__`, `__repr__` and pickling
    are kept."""
    return attrs.define(
        these={"_client": attrs.field(default=None, kw_only=True, alias="client", repr=False)},
        init=False,
        eq=False,
        repr=False,
        getstate_setstate=False,
    )(cls)


class BoundModel(Generic[ClientT]):
    """A generated model plus the client that fetched it, so that it can act on itself.

    A copy keeps the client (a client is shared, never copied); a pickle keeps neither the
    client (its key, its connections) nor a secret field. Subclasses list this class first,
    set `_model` to the generated model and are decorated with `bound_model`, which adds
    the `_client` field (keyword `client`), so `attrs.fields` and `attrs.evolve` see the
    binding.
    """

    if not TYPE_CHECKING:  # the `_client` slot is the subclass's
        __slots__ = ()
    _model: ClassVar[type]
    _client: ClientT | None
    id: str

    __signature__ = _Signature()

    def __init__(self, *args: Any, client: ClientT | None = None, **kwargs: Any) -> None:
        """The generated model's `__init__`, bound to `client` (by default, unbound)."""
        super().__init__(*args, **kwargs)
        self._client = client

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        """The generated model's `from_dict`, unbound. Read into the generated model and
        copied: the model's `__init__` through this class's (its keywords passed on) costs
        half as much again, on every task an event carries."""
        view = cls.__new__(cls)
        _layout(cls._model)[1](view, cls._model.from_dict(src_dict))  # type: ignore[attr-defined]
        view._client = None
        return view

    @classmethod
    def adopt(cls, model: object, client: ClientT | None) -> Self:
        """This class's view of a generated model, bound to the client that fetched it."""
        if not isinstance(getattr(model, "id", None), str):  # an answer with a broken id
            raise InvalidResponseError(None, f"the server's {cls.__name__} has no valid id")
        adopted = cls.__new__(cls)
        _layout(cls._model)[1](adopted, model)
        adopted._client = client
        return adopted

    def replace_fields(self, model: object) -> None:
        """Take every field of `model`, a newer view of this one."""
        _layout(self._model)[1](self, model)

    def _bound_client(self) -> ClientT:
        if self._client is None:
            raise ConfigurationError(
                f"{type(self).__name__} {self.id} is not bound to a client: "
                "read it through a client to act on it"
            )
        return self._client

    def __eq__(self, other: object) -> bool:
        """Equal to any view of the same model with the same fields, whatever its binding."""
        if not isinstance(other, self._model):
            return NotImplemented
        return all(getattr(self, name) == getattr(other, name) for name in _layout(self._model)[0])

    __hash__ = None  # type: ignore[assignment]  # mutable, like the generated models

    def __copy__(self) -> Self:
        """A copy bound to the same client."""
        return self.adopt(self, self._client)

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        """A deep copy of the fields, bound to the same client (a client is not copied)."""
        clone = self.adopt(self, self._client)
        for name in _layout(self._model)[0]:
            setattr(clone, name, copy.deepcopy(getattr(self, name), memo))
        return clone

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle keeps: the fields, not the client (its key, its connections); the
        model's pickling (`ModelAPI`) leaves out the secrets. An unpickled model is unbound:
        read it again through a client to act on it."""
        return {name: getattr(self, name) for name in _layout(self._model)[0]}

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _layout(self._model)[0]:
            setattr(self, name, state[name])
        self._client = None
