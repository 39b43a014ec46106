"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, TYPE_CHECKING, Any, BinaryIO, ClassVar, Generic, Literal, TypeVar

if TYPE_CHECKING:
    from attrs import Attribute


class Unset:
    """The value of a field the JSON left out (`to_dict` leaves it out too), unlike `None`."""

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"

    def __reduce__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()


class ModelFields(tuple["Attribute[Any]", ...]):
    """A class's `__attrs_attrs__`: what `attrs.fields` returns, by position and by name."""

    __slots__ = ()

    def __getattr__(self, name: str) -> "Attribute[Any]":
        for field in self:
            if field.name == name:
                return field
        raise AttributeError(name)


class LazyFields:
    """A class's `__attrs_attrs__`, made by `build` (its `model_field`s) on first read, so
    that importing the class imports no attrs; `attrs.fields`, `attrs.has`, `attrs.evolve`
    and attrs subclasses read it as an attribute, as ever."""

    __slots__ = ("_build", "_fields")

    def __init__(self, build: Callable[[], tuple["Attribute[Any]", ...]]) -> None:
        self._build = build
        self._fields: ModelFields | None = None

    def __get__(self, instance: object, owner: type | None = None) -> ModelFields:
        if self._fields is None:
            self._fields = ModelFields(self._build())
        return self._fields


_REQUIRED: Any = (
    object()
)  # `attrs.NOTHING`, which is not imported before a field is made


def model_field(
    name: str,
    type_: str,
    *,
    default: object = _REQUIRED,
    alias: str | None = None,
    secret: bool = False,
    init: bool = True,
    kw_only: bool = False,
    factory: Callable[[], object] | None = None,
) -> "Attribute[Any]":
    """One field of a class as `attrs.define` describes it (the templates write each class
    out). A secret has no repr and `metadata["secret"]`; a field that is not in `__init__`
    has no repr either (the unknown fields a model keeps start as `{}`: `factory=dict`)."""
    from attrs import NOTHING, Attribute, Factory  # on first read of `__attrs_attrs__`

    return Attribute(
        name=name,
        default=Factory(factory)
        if factory
        else NOTHING
        if default is _REQUIRED
        else default,
        validator=None,
        repr=not secret and init,
        cmp=None,
        hash=None,
        init=init,
        inherited=False,
        metadata={"secret": True} if secret else None,
        type=type_,
        kw_only=kw_only,
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


class File:
    """Contains information for file uploads"""

    __slots__ = ("__weakref__", "file_name", "mime_type", "payload")
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("payload", "BinaryIO"),
            model_field("file_name", "str | None", default=None),
            model_field("mime_type", "str | None", default=None),
        )
    )
    __match_args__ = ("payload", "file_name", "mime_type")
    __hash__ = None  # mutable and compared by value

    def __init__(
        self,
        payload: BinaryIO,
        file_name: str | None = None,
        mime_type: str | None = None,
    ) -> None:
        self.payload = payload
        self.file_name = file_name
        self.mime_type = mime_type

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}(payload={self.payload!r}, "
            f"file_name={self.file_name!r}, mime_type={self.mime_type!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.payload, self.file_name, self.mime_type) == (
            other.payload,
            other.file_name,
            other.mime_type,
        )

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


class Response(Generic[T]):
    """A response from an endpoint"""

    __slots__ = ("__weakref__", "content", "headers", "parsed", "status_code")
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("status_code", "HTTPStatus"),
            model_field("content", "bytes"),
            model_field("headers", "MutableMapping[str, str]"),
            model_field("parsed", "T | None"),
        )
    )
    __match_args__ = ("status_code", "content", "headers", "parsed")
    __hash__ = None  # mutable and compared by value

    def __init__(
        self,
        status_code: HTTPStatus,
        content: bytes,
        headers: MutableMapping[str, str],
        parsed: T | None,
    ) -> None:
        self.status_code = status_code
        self.content = content
        self.headers = headers
        self.parsed = parsed

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}(status_code={self.status_code!r}, "
            f"content={self.content!r}, headers={self.headers!r}, parsed={self.parsed!r})"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (self.status_code, self.content, self.headers, self.parsed) == (
            other.status_code,
            other.content,
            other.headers,
            other.parsed,
        )


__all__ = ["UNSET", "File", "FileTypes", "RequestFiles", "Response", "Unset"]
