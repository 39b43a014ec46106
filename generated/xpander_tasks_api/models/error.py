from __future__ import annotations

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

from ..types import LazyFields, ModelAPI, model_field

if TYPE_CHECKING:
    from ..models.validation_issue import ValidationIssue


T = TypeVar("T", bound="Error")


class Error(ModelAPI):
    """An error answer. `detail` is a message, or for a 422 the list of validation
    problems.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "detail",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("detail", "list[ValidationIssue] | str"),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("detail",)
    __hash__ = None  # mutable and compared by value

    detail: list[ValidationIssue] | str
    additional_properties: dict[str, Any]

    def __init__(
        self,
        detail: list[ValidationIssue] | str,
    ) -> None:
        self.detail = detail
        self.additional_properties = {}

    def __repr__(self) -> str:
        return f"{self.__class__.__qualname__}(detail={self.detail!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.detail == other.detail
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        detail: list[dict[str, Any]] | str
        if isinstance(self.detail, list):
            detail = []
            for detail_type_1_item_data in self.detail:
                detail_type_1_item = detail_type_1_item_data.to_dict()
                detail.append(detail_type_1_item)

        else:
            detail = self.detail

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "detail": detail,
        }

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        detail = d.pop("detail")
        if isinstance(detail, list):
            try:
                detail_type_1 = []
                _detail_type_1 = detail
                for detail_type_1_item_data in _detail_type_1:
                    detail_type_1_item = ValidationIssue.from_dict(
                        detail_type_1_item_data
                    )

                    detail_type_1.append(detail_type_1_item)

                detail = detail_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        error = cls(
            detail=detail,
        )

        error.additional_properties = d
        return error

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


from ..models.validation_issue import ValidationIssue

# `Error` as a dict: its JSON keys, for code that passes one instead of the model.
ErrorParam = TypedDict(
    "ErrorParam",
    {
        "detail": Required[str | list[ValidationIssue | dict[str, Any]]],
    },
    total=False,
)
