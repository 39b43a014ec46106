from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.attachment_ref import AttachmentRef
    from ..models.principal import Principal
    from ..models.user import User


T = TypeVar("T", bound="TaskInput")


@_attrs_define
class TaskInput(ModelAPI):
    """What the agent is asked to do."""

    text: str | Unset = ""
    """ Natural-language input (the SDK's `prompt`). """
    files: list[str] | Unset = UNSET
    """ URLs of files to attach (the SDK's `file_urls`). The SDK sends `[]` by default. """
    user: None | Unset | User = UNSET
    """ End-user context (the SDK's `user_details`). """
    attachments: list[AttachmentRef] | Unset = UNSET
    """ Structured attachments; sent only when non-empty. """
    principal: None | Principal | Unset = UNSET
    """ Who the task acts for; sent only when set, `null` in a saved task. """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        files: list[str] | Unset = UNSET
        if not isinstance(self.files, Unset):
            files = self.files

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if text is not UNSET:
            field_dict["text"] = text
        if files is not UNSET:
            field_dict["files"] = files
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
        text = d.pop("text", "")

        files = cast(list[str], d.pop("files", UNSET))

        def _parse_user(data: object) -> None | Unset | User:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_type_0 = User.from_dict(data)

                return user_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | User, data)

        user = _parse_user(d.pop("user", None))

        _attachments = d.pop("attachments", UNSET)
        attachments: list[AttachmentRef] | Unset = UNSET
        if _attachments is not UNSET:
            attachments = []
            for attachments_item_data in _attachments:
                attachments_item = AttachmentRef.from_dict(attachments_item_data)

                attachments.append(attachments_item)

        def _parse_principal(data: object) -> None | Principal | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                principal_type_0 = Principal.from_dict(data)

                return principal_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Principal | Unset, data)

        principal = _parse_principal(d.pop("principal", UNSET))

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
        if key in self.additional_properties:
            return self.additional_properties[key]
        value: Any = self.to_dict()[key]
        return value

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties or key in self.to_dict()


from ..models.attachment_ref import AttachmentRef
from ..models.principal import Principal
from ..models.user import User

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
