from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Self,
    TypedDict,
    TypeVar,
)

from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.attachment_ref import AttachmentRef
    from ..models.principal import Principal
    from ..models.user import User


T = TypeVar("T", bound="TaskInput")


class TaskInput(ModelAPI):
    """What the agent is asked to do."""

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "attachments",
        "files",
        "principal",
        "text",
        "user",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("text", "str | Unset", default=""),
            model_field("files", "list[str] | Unset", default=UNSET),
            model_field("user", "None | Unset | User", default=UNSET),
            model_field("attachments", "list[AttachmentRef] | Unset", default=UNSET),
            model_field("principal", "None | Principal | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = ("text", "files", "user", "attachments", "principal")
    __hash__ = None  # mutable and compared by value

    text: str | Unset
    """ Natural-language input (the SDK's `prompt`). """
    files: list[str] | Unset
    """ URLs of files to attach (the SDK's `file_urls`). The SDK sends `[]` by default. """
    user: None | Unset | User
    """ End-user context (the SDK's `user_details`). """
    attachments: list[AttachmentRef] | Unset
    """ Structured attachments; sent only when non-empty. """
    principal: None | Principal | Unset
    """ Who the task acts for; sent only when set, `null` in a saved task. """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        text: str | Unset = "",
        files: list[str] | Unset = UNSET,
        user: None | Unset | User = UNSET,
        attachments: list[AttachmentRef] | Unset = UNSET,
        principal: None | Principal | Unset = UNSET,
    ) -> None:
        self.text = text
        self.files = files
        self.user = user
        self.attachments = attachments
        self.principal = principal
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"text={self.text!r}, "
            f"files={self.files!r}, "
            f"user={self.user!r}, "
            f"attachments={self.attachments!r}, "
            f"principal={self.principal!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.text == other.text
            and self.files == other.files
            and self.user == other.user
            and self.attachments == other.attachments
            and self.principal == other.principal
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        user: dict[str, Any] | None | Unset
        if isinstance(self.user, Unset):
            user = UNSET
        elif isinstance(self.user, User):
            user = self.user.to_dict()
        else:
            user = self.user

        attachments: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.attachments, Unset):
            attachments = []
            for attachments_item_data in self.attachments:
                attachments_item = attachments_item_data.to_dict()
                attachments.append(attachments_item)

        principal: dict[str, Any] | None | Unset
        if isinstance(self.principal, Unset):
            principal = UNSET
        elif isinstance(self.principal, Principal):
            principal = self.principal.to_dict()
        else:
            principal = self.principal

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.text is not UNSET:
            field_dict["text"] = self.text
        if self.files is not UNSET:
            field_dict["files"] = self.files
        if user is not UNSET:
            field_dict["user"] = user
        if attachments is not UNSET:
            field_dict["attachments"] = attachments
        if principal is not UNSET:
            field_dict["principal"] = principal

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        text = d.pop("text", UNSET)

        files: list[str] = d.pop("files", UNSET)

        user = d.pop("user", UNSET)
        if isinstance(user, dict):
            try:
                user_type_0 = User.from_dict(user)

                user = user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        _attachments = d.pop("attachments", UNSET)
        attachments: list[AttachmentRef] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = AttachmentRef.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        principal = d.pop("principal", UNSET)
        if isinstance(principal, dict):
            try:
                principal_type_0 = Principal.from_dict(principal)

                principal = principal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        task_input = cls(
            text=text,
            files=files,
            user=user,
            attachments=attachments,
            principal=principal,
        )

        task_input.additional_properties = d
        return task_input

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


from ..models.attachment_ref import AttachmentRef
from ..models.principal import Principal
from ..models.user import User

# `TaskInput` as a dict: its JSON keys, for code that passes one instead of the model.
TaskInputParam = TypedDict(
    "TaskInputParam",
    {
        "text": str,
        "files": list[str],
        "user": User | dict[str, Any] | None,
        "attachments": list[AttachmentRef | dict[str, Any]],
        "principal": Principal | dict[str, Any] | None,
    },
    total=False,
)
