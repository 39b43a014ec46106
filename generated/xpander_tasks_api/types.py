"""Contains some shared types for properties"""

import logging  # xpander-tasks change: for OpenStrEnum
from collections.abc import Mapping, MutableMapping
from enum import StrEnum  # xpander-tasks change: for OpenStrEnum
from http import HTTPStatus
from typing import (
    IO,
    Any,  # xpander-tasks change: for OpenStrEnum
    BinaryIO,
    Generic,
    Literal,
    TypeVar,
)

from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class OpenStrEnum(StrEnum):
    """A value the spec does not have yet (a newer server's) reads as a pseudo-member, with
    a warning, so an older client still reads the answer; it is no member (an argument must
    be one)."""

    @classmethod
    def _missing_(cls, value: object) -> Any:
        if not isinstance(value, str):
            return None
        member = _unknown_members.get((cls, value))
        if member is None:
            member = str.__new__(cls, value)
            member._name_, member._value_ = value, value
            logging.getLogger("xpander_tasks").warning(
                "unknown %s value %r: kept as is (a newer API?)", cls.__name__, value
            )
            if (
                len(_unknown_members) < 100
            ):  # a hostile server's new values are not all kept
                _unknown_members[cls, value] = member
        return member


_unknown_members: dict[tuple[type, str], OpenStrEnum] = {}

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "OpenStrEnum",
    "RequestFiles",
    "Response",
    "Unset",
]


# xpander-tasks: `ModelAPI`, the base of every generated model (issue #23 item 3), included
# whole at the end of types.py by types.py.jinja; of that module it uses only `UNSET`.
# The published SDK's pydantic methods, read from `attrs.fields`, `to_dict`/`from_dict` and
# the type hints. Keys are the wire names (attrs' `alias`), the SDK's field names; a field
# named `_...` (a bound model's client) is not data.
import copy as _copy
import copyreg as _copyreg
import datetime as _datetime
import enum as _enum
import functools as _functools
import json as _json
import types as _types
import typing as _typing
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Self

if TYPE_CHECKING:
    from attrs import Attribute


class ModelValidationError(ValueError):
    """Data that does not make a model (a ValueError, as pydantic's `ValidationError`)."""


class _Field:
    """A data field: its attrs attribute, default and type hint, and the model it holds
    (alone, in a union or a list). Not a NamedTuple, whose class costs 0.1 ms to import."""

    __slots__ = ("attribute", "declared", "default", "hint")

    def __init__(self, attribute: "Attribute[Any]", default: Any, hint: Any) -> None:
        self.attribute, self.default, self.hint = attribute, default, hint
        self.declared = _declared(hint)


@_functools.cache
def _fields_of(cls: type) -> dict[str, _Field]:
    """The data fields of `cls` by wire name; made on first use, as they read attrs."""
    import attrs

    from . import models

    hints = _typing.get_type_hints(cls, localns=vars(models))
    fields = {}
    for field in attrs.fields(cls):
        default, hint = field.default, hints.get(field.name, Any)
        if isinstance(default, attrs.Factory) and not default.takes_self:
            default = default.factory()
        if not field.name.startswith("_"):
            fields[field.alias or field.name] = _Field(field, default, hint)
    return fields


def _declared(hint: Any) -> type | None:
    if isinstance(hint, type) and issubclass(hint, ModelAPI):
        return hint
    if _typing.get_origin(hint) is dict:  # a map's values are not its own JSON
        return None
    return next(filter(None, map(_declared, _typing.get_args(hint))), None)


def _jsonable(value: Any) -> Any:
    """What json.dumps cannot write, as JSON: a model's wire form, an enum's value, a time as
    pydantic writes it ("Z" for UTC)."""
    if isinstance(value, ModelAPI):
        return value.to_dict()
    if isinstance(value, _enum.Enum):
        return value.value
    if isinstance(value, (_datetime.date, _datetime.time)):
        text = value.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    raise TypeError(f"{type(value).__name__} is not JSON")


def _dump(
    value: Any, json: bool, declared: type | None, options: dict[str, Any]
) -> Any:
    """`value` as pydantic dumps it; JSON kept for a `declared` model that could not be read
    loses that model's secret keys."""
    if isinstance(value, ModelAPI):
        return value.model_dump(mode="json" if json else "python", **options)
    if isinstance(value, (list, tuple)):
        return [_dump(item, json, declared, options) for item in value]
    if isinstance(value, dict):
        kept = value if declared is None else _raw_without_secrets(value, declared)
        return {key: _dump(item, json, None, options) for key, item in kept.items()}
    if json and isinstance(value, (_enum.Enum, _datetime.date, _datetime.time)):
        return _jsonable(value)
    return value


def _raw_without_secrets(value: Any, declared: type) -> Any:
    """`value` where it is the JSON of a `declared` model (or a list of it), without that
    model's secret keys, at any depth; models and other values as they are."""
    if isinstance(value, list):
        return [_raw_without_secrets(item, declared) for item in value]
    if not isinstance(value, dict):
        return value
    fields = _fields_of(declared)
    return {
        key: item
        if field is None or field.declared is None
        else _raw_without_secrets(item, field.declared)
        for key, item in value.items()
        if not ((field := fields.get(key)) and field.attribute.metadata.get("secret"))
    }


def _problem(model: "ModelAPI") -> str | None:
    """The first field of `model`, nested ones too, whose value is not of its type."""
    for key, field in _fields_of(type(model)).items():
        value = getattr(model, field.attribute.name)
        if isinstance(value, ModelAPI) and (inner := _problem(value)):
            return f"{key}.{inner}"
        if not _fits(value, field.hint):
            return f"{key}: {type(value).__name__} is not {field.attribute.type}"
    return None


def _fits(value: Any, hint: Any) -> bool:
    """Whether `value` is a `hint`, as far as JSON tells; a model's or an enum's place also
    takes the JSON the generated code keeps when it cannot read it (a newer server's)."""
    origin, args = _typing.get_origin(hint), _typing.get_args(hint)
    if hint is Any:
        return True
    if origin in (_typing.Union, _types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if origin in (list, dict):
        items = value if origin is list else ()
        return isinstance(value, origin) and all(
            _fits(item, (*args, Any)[0]) for item in items
        )
    if hint is float:
        return isinstance(value, (int, float))
    if isinstance(hint, type) and issubclass(hint, (ModelAPI, _enum.Enum)):
        return isinstance(value, (hint, dict if issubclass(hint, ModelAPI) else str))
    return not isinstance(hint, type) or isinstance(value, hint)


def _names(spec: Any) -> frozenset[str] | None:
    """The field names of an `include`/`exclude`; pydantic's nested form is refused, not
    read as the whole field."""
    if isinstance(spec, Mapping) and any(
        v is not True and v is not ... for v in spec.values()
    ):
        raise ValueError("include/exclude take field names here, not nested ones")
    return None if spec is None else frozenset(spec)


def _wanted(names: tuple[str, str], include: Any, exclude: Any) -> bool:
    return (include is None or not include.isdisjoint(names)) and (
        exclude is None or exclude.isdisjoint(names)
    )


class _ModelFields:
    """`Model.model_fields`: the attrs fields by wire name (pydantic's: by field name)."""

    def __get__(self, instance: object, owner: type) -> dict[str, "Attribute[Any]"]:
        fields = (
            _fields_of(owner).items() if owner is not ModelAPI else ()
        )  # help() reads it
        return {
            k: f.attribute
            for k, f in fields
            if f.attribute.name != "additional_properties"
        }


class ModelAPI:
    """The published SDK's pydantic methods on a generated model; no dump holds a secret."""

    __slots__ = ()
    model_fields: _typing.ClassVar[_ModelFields] = _ModelFields()

    if TYPE_CHECKING:

        @classmethod
        def from_dict(cls, src_dict: Mapping[str, Any]) -> Self: ...

        def to_dict(self) -> dict[str, Any]: ...

    def model_dump(
        self,
        *,
        mode: Literal["python", "json"] | str = "python",
        include: _typing.AbstractSet[str] | Mapping[str, Any] | None = None,
        exclude: _typing.AbstractSet[str] | Mapping[str, Any] | None = None,
        by_alias: bool | None = None,
        exclude_unset: bool = False,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
    ) -> dict[str, Any]:
        """The fields under their wire names (the SDK's names: `by_alias` changes nothing),
        `include`/`exclude` by wire or attribute name, top-level only. A field the data left
        out (`UNSET`) is not dumped; `exclude_unset` drops defaults too (a model cannot tell
        them from values given); a secret dumps as None."""
        if mode not in ("python", "json"):
            raise ValueError(f"mode must be 'python' or 'json', not {mode!r}")
        include, exclude = (_names(spec) for spec in (include, exclude))
        options = {"exclude_unset": exclude_unset, "exclude_defaults": exclude_defaults,
                   "exclude_none": exclude_none}  # fmt: skip
        dumped: dict[str, Any] = {}
        extra: dict[str, Any] = {}
        for key, field in _fields_of(type(self)).items():
            name, value = field.attribute.name, getattr(self, field.attribute.name)
            if name == "additional_properties":
                extra = value
            elif value is not UNSET and _wanted((key, name), include, exclude):
                value = None if field.attribute.metadata.get("secret") else value
                if not (exclude_none and value is None) and not (
                    (exclude_defaults or exclude_unset) and value == field.default
                ):
                    dumped[key] = _dump(value, mode == "json", field.declared, options)
        for key, value in extra.items():
            if key not in dumped and _wanted((key, key), include, exclude):
                if not (exclude_none and value is None):
                    dumped[key] = _dump(value, mode == "json", None, options)
        return dumped

    def model_dump_json(self, *, indent: int | None = None, **options: Any) -> str:
        """`model_dump(mode="json")` as JSON text, compact unless `indent` is given."""
        data = self.model_dump(mode="json", **options)
        separators = (",", ":") if indent is None else None
        return _json.dumps(
            data, indent=indent, ensure_ascii=False, separators=separators
        )

    @classmethod
    def model_validate(cls, obj: Any) -> Self:
        """A model from its JSON form or a dump (a mapping); a model of this class as it is."""
        if isinstance(obj, cls):
            return obj
        if not isinstance(obj, Mapping):
            kind = type(obj).__name__
            raise ModelValidationError(
                f"{cls.__name__} is made from a mapping, not {kind}"
            )
        try:
            model = cls.from_dict(_json.loads(_json.dumps(obj, default=_jsonable)))
        except KeyError as error:
            raise ModelValidationError(
                f"{cls.__name__}: missing field {error}"
            ) from None
        except (TypeError, ValueError, AttributeError) as error:
            raise ModelValidationError(f"{cls.__name__}: {error}") from None
        if problem := _problem(model):
            raise ModelValidationError(f"{cls.__name__}.{problem}")
        return model

    @classmethod
    def model_validate_json(cls, json_data: str | bytes | bytearray) -> Self:
        """A model from JSON text."""
        try:
            data = _json.loads(json_data)
        except (TypeError, ValueError) as error:
            raise ModelValidationError(f"{cls.__name__}: not JSON ({error})") from None
        return cls.model_validate(data)

    def model_copy(
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Self:
        """A copy (`deep`: of every field too) with the fields in `update`, by wire or
        attribute name, replaced; other names go to `additional_properties` if it has them."""
        copied = _copy.deepcopy(self) if deep else _copy.copy(self)
        fields = _fields_of(type(self)).items()
        names = {
            n: f.attribute.name for key, f in fields for n in (key, f.attribute.name)
        }
        extra = names.pop("additional_properties", None)
        if extra and not deep:  # as pydantic's: the copy's unknown fields are its own
            copied.additional_properties = dict(self.additional_properties)  # type: ignore[attr-defined]
        for key, value in (update or {}).items():
            if key in names:
                setattr(copied, names[key], value)
            elif extra:
                copied.additional_properties[key] = value  # type: ignore[attr-defined]
            else:
                raise ValueError(f"{type(self).__name__} has no field {key!r}")
        return copied

    # Pickling and copying. attrs' own `__getstate__`/`__setstate__` carry the fields (a dict
    # by attribute name); a pickle leaves the secrets out, a copy in memory keeps them.

    def __reduce_ex__(self, protocol: _typing.SupportsIndex) -> tuple[Any, ...]:
        """A pickle holds no secret field: each nested model pickles itself so, and JSON
        kept for a model that could not be read loses that model's secret keys."""
        state = self.__getstate__()  # type: ignore[attr-defined]
        for field in _fields_of(type(self)).values():
            name = field.attribute.name
            if name in state and state[name] is not UNSET:
                if field.attribute.metadata.get("secret"):
                    state[name] = UNSET
                elif field.declared is not None:
                    state[name] = _raw_without_secrets(state[name], field.declared)
        return (_copyreg.__newobj__, (type(self),), state)

    def __copy__(self) -> Self:
        clone = object.__new__(type(self))
        clone.__setstate__(self.__getstate__())  # type: ignore[attr-defined]
        return clone

    def __deepcopy__(self, memo: dict[int, Any]) -> Self:
        clone = memo[id(self)] = object.__new__(type(self))
        clone.__setstate__(_copy.deepcopy(self.__getstate__(), memo))  # type: ignore[attr-defined]
        return clone

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: Any) -> Any:
        """A pydantic model holds this one through `model_validate` and `model_dump`; only
        pydantic calls this, so only its users import pydantic_core."""
        from pydantic_core import core_schema

        def serialize(model: ModelAPI, info: Any) -> dict[str, Any]:
            mode = "json" if info.mode_is_json() else "python"
            options = ("exclude_unset", "exclude_defaults", "exclude_none")
            return model.model_dump(
                mode=mode, **{name: getattr(info, name) for name in options}
            )

        return core_schema.no_info_plain_validator_function(
            cls.model_validate,
            serialization=core_schema.plain_serializer_function_ser_schema(
                serialize, info_arg=True
            ),
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: Any, handler: Any) -> dict[str, Any]:
        return {"type": "object", "title": cls.__name__}
