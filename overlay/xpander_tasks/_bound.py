"""Generated models bound to the client that fetched them (`Task`, `TasksListItem`, `Agent`):
the binding, what a copy and a pickle keep, and equality."""

from __future__ import annotations

import copy
import functools
import inspect
import keyword
import operator
import typing
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Self, TypeVar

import attrs

from xpander_tasks_api.types import UNSET

from ._exceptions import ConfigurationError, InvalidResponseError
from ._fields import is_model, model_fields, model_hints

ClientT = TypeVar("ClientT")


@functools.cache
def _layout(
    model: type,
) -> tuple[tuple[str, ...], tuple[str, ...], Callable[[object, object], None]]:
    """A generated model's fields, those the spec tags `[secret]` (tokens it echoes), and
    their copier; made on first use, as they read attrs."""
    fields = model_fields(model)
    names = tuple(field.name for field in fields)
    secrets = tuple(field.name for field in fields if field.metadata.get("secret"))
    return names, secrets, _fields_copier(names)


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
        _layout(cls._model)[2](view, cls._model.from_dict(src_dict))  # type: ignore[attr-defined]
        view._client = None
        return view

    @classmethod
    def adopt(cls, model: object, client: ClientT | None) -> Self:
        """This class's view of a generated model, bound to the client that fetched it."""
        if not isinstance(getattr(model, "id", None), str):  # an answer with a broken id
            raise InvalidResponseError(None, f"the server's {cls.__name__} has no valid id")
        adopted = cls.__new__(cls)
        _layout(cls._model)[2](adopted, model)
        adopted._client = client
        return adopted

    def replace_fields(self, model: object) -> None:
        """Take every field of `model`, a newer view of this one."""
        _layout(self._model)[2](self, model)

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
        """What a pickle keeps: neither the client nor a secret the model echoes, at any
        depth (an MCP server's credentials too). An unpickled model is unbound: read it again
        through a client to act on it."""
        names, secrets, _ = _layout(self._model)
        declared = _declared_models(self._model)
        state = {name: _without_secrets(getattr(self, name), declared.get(name)) for name in names}
        state.update(dict.fromkeys(secrets, UNSET))
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        for name in _layout(self._model)[0]:
            setattr(self, name, state[name])
        self._client = None


def _without_secrets(value: Any, declared: type | None = None) -> Any:
    """`value` with every field the spec tags `[secret]` blanked, in nested models and lists
    of them, and in the JSON kept as it came where a `declared` model could not be read (an
    MCP server of a type this version does not know); the value itself when it holds none.
    Other JSON (an output schema, unknown fields) is the caller's data, kept whole."""
    if isinstance(value, list):
        cleaned = [_without_secrets(item, declared) for item in value]
        return value if all(map(operator.is_, cleaned, value)) else cleaned
    if isinstance(value, dict):
        return value if declared is None else _raw_without_secrets(value, declared)
    model: type = type(value)
    if not is_model(model):
        return value
    inner = _declared_models(model)
    changes = {
        field.name: UNSET
        if field.metadata.get("secret")
        else _without_secrets(getattr(value, field.name), inner.get(field.name))
        for field in model_fields(model)
    }
    if all(changes[name] is getattr(value, name) for name in changes):
        return value
    cleaned = copy.copy(value)
    for name, field_value in changes.items():
        setattr(cleaned, name, field_value)
    return cleaned


def _raw_without_secrets(raw: dict[str, Any], model: type) -> dict[str, Any]:
    """The JSON of a `model` the client could not read, without its secret keys (wire names)."""
    inner = _declared_models(model)
    kept = dict(raw)
    for field in model_fields(model):
        if field.alias not in raw:
            continue
        if field.metadata.get("secret"):
            del kept[field.alias]
        else:
            kept[field.alias] = _without_secrets(raw[field.alias], inner.get(field.name))
    unchanged = len(kept) == len(raw) and all(kept[key] is raw[key] for key in kept)
    return raw if unchanged else kept


@functools.cache
def _declared_models(model: type) -> dict[str, type]:
    """The generated model each field of `model` declares (alone, in a union or a list), by
    attribute name."""
    return {
        name: found
        for name, hint in model_hints(model).items()
        if (found := _model_in(hint)) is not None
    }


def _model_in(hint: Any) -> type | None:
    """The model `hint` names, alone, in a union or as a list's items; a map's values are
    not its own JSON."""
    if is_model(hint):
        return typing.cast(type, hint)
    if typing.get_origin(hint) is dict:
        return None
    return next(filter(None, map(_model_in, typing.get_args(hint))), None)
