from __future__ import annotations

from collections.abc import Mapping
from typing import (
    Any,
    ClassVar,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.attachment_kind import AttachmentKind
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

T = TypeVar("T", bound="AttachmentRef")


class AttachmentRef(ModelAPI):
    """A file attached to the task."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "expires_at",
        "kind",
        "mime",
        "name",
        "sha256",
        "size",
        "source",
        "transcript",
        "url",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("url", "str"),
            model_field("name", "None | str | Unset", default=UNSET),
            model_field("mime", "None | str | Unset", default=UNSET),
            model_field("size", "int | None | Unset", default=UNSET),
            model_field("kind", "AttachmentKind | None | Unset", default=UNSET),
            model_field("sha256", "None | str | Unset", default=UNSET),
            model_field("expires_at", "None | str | Unset", default=UNSET),
            model_field("source", "None | str | Unset", default=UNSET),
            model_field("transcript", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "url",
        "name",
        "mime",
        "size",
        "kind",
        "sha256",
        "expires_at",
        "source",
        "transcript",
    )
    __hash__ = None  # mutable and compared by value

    url: str
    name: None | str | Unset
    mime: None | str | Unset
    size: int | None | Unset
    kind: AttachmentKind | None | Unset
    sha256: None | str | Unset
    expires_at: None | str | Unset
    """ ISO-8601 date-time after which `url` stops working. """
    source: None | str | Unset
    transcript: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        url: str,
        name: None | str | Unset = UNSET,
        mime: None | str | Unset = UNSET,
        size: int | None | Unset = UNSET,
        kind: AttachmentKind | None | Unset = UNSET,
        sha256: None | str | Unset = UNSET,
        expires_at: None | str | Unset = UNSET,
        source: None | str | Unset = UNSET,
        transcript: None | str | Unset = UNSET,
    ) -> None:
        self.url = url
        self.name = name
        self.mime = mime
        self.size = size
        self.kind = kind
        self.sha256 = sha256
        self.expires_at = expires_at
        self.source = source
        self.transcript = transcript
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"url={self.url!r}, "
            f"name={self.name!r}, "
            f"mime={self.mime!r}, "
            f"size={self.size!r}, "
            f"kind={self.kind!r}, "
            f"sha256={self.sha256!r}, "
            f"expires_at={self.expires_at!r}, "
            f"source={self.source!r}, "
            f"transcript={self.transcript!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.url == other.url
            and self.name == other.name
            and self.mime == other.mime
            and self.size == other.size
            and self.kind == other.kind
            and self.sha256 == other.sha256
            and self.expires_at == other.expires_at
            and self.source == other.source
            and self.transcript == other.transcript
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        kind: None | str | Unset
        if isinstance(self.kind, Unset):
            kind = UNSET
        elif isinstance(self.kind, AttachmentKind):
            kind = self.kind.value
        else:
            kind = self.kind

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "url": self.url,
        }
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.mime is not UNSET:
            field_dict["mime"] = self.mime
        if self.size is not UNSET:
            field_dict["size"] = self.size
        if kind is not UNSET:
            field_dict["kind"] = kind
        if self.sha256 is not UNSET:
            field_dict["sha256"] = self.sha256
        if self.expires_at is not UNSET:
            field_dict["expires_at"] = self.expires_at
        if self.source is not UNSET:
            field_dict["source"] = self.source
        if self.transcript is not UNSET:
            field_dict["transcript"] = self.transcript

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        url = d.pop("url")

        name = d.pop("name", UNSET)

        mime = d.pop("mime", UNSET)

        size = d.pop("size", UNSET)

        kind = d.pop("kind", UNSET)
        if isinstance(kind, str):
            try:
                kind_type_0 = AttachmentKind._value2member_map_.get(
                    _enum_value := kind
                ) or AttachmentKind(_enum_value)

                kind = kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        sha256 = d.pop("sha256", UNSET)

        expires_at = d.pop("expires_at", UNSET)

        source = d.pop("source", UNSET)

        transcript = d.pop("transcript", UNSET)

        attachment_ref = cls(
            url=url,
            name=name,
            mime=mime,
            size=size,
            kind=kind,
            sha256=sha256,
            expires_at=expires_at,
            source=source,
            transcript=transcript,
        )

        attachment_ref.additional_properties = d
        return attachment_ref

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


# `AttachmentRef` as a dict: its JSON keys, for code that passes one instead of the model.
AttachmentRefParam = TypedDict(
    "AttachmentRefParam",
    {
        "url": Required[str],
        "name": str | None,
        "mime": str | None,
        "size": int | None,
        "kind": AttachmentKind
        | Literal[
            "archive", "audio", "document", "image", "pdf", "text", "unknown", "video"
        ]
        | None,
        "sha256": str | None,
        "expires_at": str | None,
        "source": str | None,
        "transcript": str | None,
    },
    total=False,
)
