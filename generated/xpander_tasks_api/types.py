"""Contains some shared types for properties"""

from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import NOTHING, Attribute, Factory, define


class Unset:
    """The value of a field the JSON left out (`to_dict` leaves it out too), unlike `None`."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class ModelFields(tuple[Attribute, ...]):
    """A model's `__attrs_attrs__`: what `attrs.fields` returns, by position and by name."""

    __slots__ = ()

    def __getattr__(self, name: str) -> Attribute:
        for field in self:
            if field.name == name:
                return field
        raise AttributeError(name)


def model_field(
    name: str,
    type_: str,
    *,
    default: object = NOTHING,
    alias: str | None = None,
    secret: bool = False,
    init: bool = True,
) -> Attribute:
    """One field of a model as `attrs.define` describes it. The model template writes each
    class out (nothing is built at import time); these keep `attrs.fields`, `attrs.evolve`
    and attrs subclasses working on it. A secret has no repr and `metadata["secret"]`; a
    field that is not in `__init__` (the unknown fields a model keeps) starts as `{}`."""
    return Attribute(
        name=name,
        default=default if init else Factory(dict),
        validator=None,
        repr=not secret and init,
        cmp=None,
        hash=None,
        init=init,
        inherited=False,
        metadata={"secret": True} if secret else None,
        type=type_,
        eq=True,
        order=True,
        alias=alias or name.lstrip("_"),
        alias_is_default=alias is None,
    )


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


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
