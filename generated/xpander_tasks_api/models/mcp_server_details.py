from __future__ import annotations

from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.mcp_server_auth_type import MCPServerAuthType
from ..models.mcp_server_sso_token import MCPServerSSOToken
from ..models.mcp_server_transport import MCPServerTransport
from ..models.mcp_server_type import MCPServerType
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.string_map import StringMap


T = TypeVar("T", bound="MCPServerDetails")


class MCPServerDetails(ModelAPI):
    """An MCP server the agent may use during this task. A local server needs `command`, a
    remote one (the default type) `url`; the API answers a server without it with 400.

    """

    __slots__ = (
        "__weakref__",
        "additional_properties",
        "additional_scopes",
        "allowed_tools",
        "api_key",
        "auth_type",
        "client_id",
        "client_secret",
        "command",
        "env_vars",
        "headers",
        "id",
        "name",
        "share_user_token_across_other_agents",
        "sso_audience",
        "sso_token",
        "transport",
        "type_",
        "url",
        "use_secrets_manager",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "None | str | Unset", default=UNSET),
            model_field(
                "type_",
                "MCPServerType | Unset",
                default=MCPServerType.REMOTE,
                alias="type",
            ),
            model_field("name", "None | str | Unset", default=UNSET),
            model_field("command", "None | str | Unset", default=UNSET),
            model_field("url", "None | str | Unset", default=UNSET),
            model_field(
                "transport",
                "MCPServerTransport | Unset",
                default=MCPServerTransport.STREAMABLE_HTTP,
            ),
            model_field(
                "auth_type", "MCPServerAuthType | Unset", default=MCPServerAuthType.NONE
            ),
            model_field("api_key", "None | str | Unset", default=UNSET, secret=True),
            model_field("use_secrets_manager", "bool | None | Unset", default=False),
            model_field("client_id", "None | str | Unset", default=UNSET),
            model_field(
                "client_secret", "None | str | Unset", default=UNSET, secret=True
            ),
            model_field(
                "headers", "None | StringMap | Unset", default=UNSET, secret=True
            ),
            model_field(
                "env_vars", "None | StringMap | Unset", default=UNSET, secret=True
            ),
            model_field("allowed_tools", "list[str] | Unset", default=UNSET),
            model_field("additional_scopes", "list[str] | Unset", default=UNSET),
            model_field(
                "share_user_token_across_other_agents",
                "bool | None | Unset",
                default=True,
            ),
            model_field(
                "sso_token",
                "MCPServerSSOToken | Unset",
                default=MCPServerSSOToken.ACCESS,
            ),
            model_field("sso_audience", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "type_",
        "name",
        "command",
        "url",
        "transport",
        "auth_type",
        "api_key",
        "use_secrets_manager",
        "client_id",
        "client_secret",
        "headers",
        "env_vars",
        "allowed_tools",
        "additional_scopes",
        "share_user_token_across_other_agents",
        "sso_token",
        "sso_audience",
    )
    __hash__ = None  # mutable and compared by value

    id: None | str | Unset
    type_: MCPServerType | Unset
    name: None | str | Unset
    command: None | str | Unset
    url: None | str | Unset
    transport: MCPServerTransport | Unset
    auth_type: MCPServerAuthType | Unset
    api_key: None | str | Unset
    """ The MCP server's API key. [secret] """
    use_secrets_manager: bool | None | Unset
    client_id: None | str | Unset
    client_secret: None | str | Unset
    """ The OAuth2 client secret. [secret] """
    headers: None | StringMap | Unset
    """ Extra HTTP headers; may hold credentials. [secret] """
    env_vars: None | StringMap | Unset
    """ Environment of a local server; may hold credentials. [secret] """
    allowed_tools: list[str] | Unset
    additional_scopes: list[str] | Unset
    share_user_token_across_other_agents: bool | None | Unset
    sso_token: MCPServerSSOToken | Unset
    sso_audience: None | str | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: None | str | Unset = UNSET,
        type: MCPServerType | Unset = MCPServerType.REMOTE,
        name: None | str | Unset = UNSET,
        command: None | str | Unset = UNSET,
        url: None | str | Unset = UNSET,
        transport: MCPServerTransport | Unset = MCPServerTransport.STREAMABLE_HTTP,
        auth_type: MCPServerAuthType | Unset = MCPServerAuthType.NONE,
        api_key: None | str | Unset = UNSET,
        use_secrets_manager: bool | None | Unset = False,
        client_id: None | str | Unset = UNSET,
        client_secret: None | str | Unset = UNSET,
        headers: None | StringMap | Unset = UNSET,
        env_vars: None | StringMap | Unset = UNSET,
        allowed_tools: list[str] | Unset = UNSET,
        additional_scopes: list[str] | Unset = UNSET,
        share_user_token_across_other_agents: bool | None | Unset = True,
        sso_token: MCPServerSSOToken | Unset = MCPServerSSOToken.ACCESS,
        sso_audience: None | str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.type_ = type
        self.name = name
        self.command = command
        self.url = url
        self.transport = transport
        self.auth_type = auth_type
        self.api_key = api_key
        self.use_secrets_manager = use_secrets_manager
        self.client_id = client_id
        self.client_secret = client_secret
        self.headers = headers
        self.env_vars = env_vars
        self.allowed_tools = allowed_tools
        self.additional_scopes = additional_scopes
        self.share_user_token_across_other_agents = share_user_token_across_other_agents
        self.sso_token = sso_token
        self.sso_audience = sso_audience
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"type_={self.type_!r}, "
            f"name={self.name!r}, "
            f"command={self.command!r}, "
            f"url={self.url!r}, "
            f"transport={self.transport!r}, "
            f"auth_type={self.auth_type!r}, "
            f"use_secrets_manager={self.use_secrets_manager!r}, "
            f"client_id={self.client_id!r}, "
            f"allowed_tools={self.allowed_tools!r}, "
            f"additional_scopes={self.additional_scopes!r}, "
            f"share_user_token_across_other_agents={self.share_user_token_across_other_agents!r}, "
            f"sso_token={self.sso_token!r}, "
            f"sso_audience={self.sso_audience!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.type_ == other.type_
            and self.name == other.name
            and self.command == other.command
            and self.url == other.url
            and self.transport == other.transport
            and self.auth_type == other.auth_type
            and self.api_key == other.api_key
            and self.use_secrets_manager == other.use_secrets_manager
            and self.client_id == other.client_id
            and self.client_secret == other.client_secret
            and self.headers == other.headers
            and self.env_vars == other.env_vars
            and self.allowed_tools == other.allowed_tools
            and self.additional_scopes == other.additional_scopes
            and self.share_user_token_across_other_agents
            == other.share_user_token_across_other_agents
            and self.sso_token == other.sso_token
            and self.sso_audience == other.sso_audience
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        transport: str | Unset = UNSET
        if not isinstance(self.transport, Unset):
            transport = self.transport.value

        auth_type: str | Unset = UNSET
        if not isinstance(self.auth_type, Unset):
            auth_type = self.auth_type.value

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, StringMap):
            headers = self.headers.to_dict()
        else:
            headers = self.headers

        env_vars: dict[str, Any] | None | Unset
        if isinstance(self.env_vars, Unset):
            env_vars = UNSET
        elif isinstance(self.env_vars, StringMap):
            env_vars = self.env_vars.to_dict()
        else:
            env_vars = self.env_vars

        sso_token: str | Unset = UNSET
        if not isinstance(self.sso_token, Unset):
            sso_token = self.sso_token.value

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if self.name is not UNSET:
            field_dict["name"] = self.name
        if self.command is not UNSET:
            field_dict["command"] = self.command
        if self.url is not UNSET:
            field_dict["url"] = self.url
        if transport is not UNSET:
            field_dict["transport"] = transport
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if self.api_key is not UNSET:
            field_dict["api_key"] = self.api_key
        if self.use_secrets_manager is not UNSET:
            field_dict["use_secrets_manager"] = self.use_secrets_manager
        if self.client_id is not UNSET:
            field_dict["client_id"] = self.client_id
        if self.client_secret is not UNSET:
            field_dict["client_secret"] = self.client_secret
        if headers is not UNSET:
            field_dict["headers"] = headers
        if env_vars is not UNSET:
            field_dict["env_vars"] = env_vars
        if self.allowed_tools is not UNSET:
            field_dict["allowed_tools"] = self.allowed_tools
        if self.additional_scopes is not UNSET:
            field_dict["additional_scopes"] = self.additional_scopes
        if self.share_user_token_across_other_agents is not UNSET:
            field_dict["share_user_token_across_other_agents"] = (
                self.share_user_token_across_other_agents
            )
        if sso_token is not UNSET:
            field_dict["sso_token"] = sso_token
        if self.sso_audience is not UNSET:
            field_dict["sso_audience"] = self.sso_audience

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _type_ = d.pop("type", UNSET)
        type_: MCPServerType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MCPServerType._value2member_map_.get(
                _enum_value := _type_
            ) or MCPServerType(_enum_value)

        name = d.pop("name", UNSET)

        command = d.pop("command", UNSET)

        url = d.pop("url", UNSET)

        _transport = d.pop("transport", UNSET)
        transport: MCPServerTransport | Unset
        if isinstance(_transport, Unset):
            transport = UNSET
        else:
            transport = MCPServerTransport._value2member_map_.get(
                _enum_value := _transport
            ) or MCPServerTransport(_enum_value)

        _auth_type = d.pop("auth_type", UNSET)
        auth_type: MCPServerAuthType | Unset
        if isinstance(_auth_type, Unset):
            auth_type = UNSET
        else:
            auth_type = MCPServerAuthType._value2member_map_.get(
                _enum_value := _auth_type
            ) or MCPServerAuthType(_enum_value)

        api_key = d.pop("api_key", UNSET)

        use_secrets_manager = d.pop("use_secrets_manager", UNSET)

        client_id = d.pop("client_id", UNSET)

        client_secret = d.pop("client_secret", UNSET)

        headers = d.pop("headers", UNSET)
        if isinstance(headers, dict):
            try:
                headers_type_0 = StringMap.from_dict(headers)

                headers = headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        env_vars = d.pop("env_vars", UNSET)
        if isinstance(env_vars, dict):
            try:
                env_vars_type_0 = StringMap.from_dict(env_vars)

                env_vars = env_vars_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        allowed_tools: list[str] = d.pop("allowed_tools", UNSET)

        additional_scopes: list[str] = d.pop("additional_scopes", UNSET)

        share_user_token_across_other_agents = d.pop(
            "share_user_token_across_other_agents", UNSET
        )

        _sso_token = d.pop("sso_token", UNSET)
        sso_token: MCPServerSSOToken | Unset
        if isinstance(_sso_token, Unset):
            sso_token = UNSET
        else:
            sso_token = MCPServerSSOToken._value2member_map_.get(
                _enum_value := _sso_token
            ) or MCPServerSSOToken(_enum_value)

        sso_audience = d.pop("sso_audience", UNSET)

        mcp_server_details = cls(
            id=id,
            type=type_,
            name=name,
            command=command,
            url=url,
            transport=transport,
            auth_type=auth_type,
            api_key=api_key,
            use_secrets_manager=use_secrets_manager,
            client_id=client_id,
            client_secret=client_secret,
            headers=headers,
            env_vars=env_vars,
            allowed_tools=allowed_tools,
            additional_scopes=additional_scopes,
            share_user_token_across_other_agents=share_user_token_across_other_agents,
            sso_token=sso_token,
            sso_audience=sso_audience,
        )

        mcp_server_details.additional_properties = d
        return mcp_server_details

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

    @property
    def type(self) -> MCPServerType | Unset:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: MCPServerType | Unset) -> None:
        self.type_ = value


from ..models.string_map import StringMap

# `MCPServerDetails` as a dict: its JSON keys, for code that passes one instead of the model.
MCPServerDetailsParam = TypedDict(
    "MCPServerDetailsParam",
    {
        "id": str | None,
        "type": MCPServerType | Literal["local", "remote"],
        "name": str | None,
        "command": str | None,
        "url": str | None,
        "transport": MCPServerTransport | Literal["sse", "stdio", "streamable-http"],
        "auth_type": MCPServerAuthType
        | Literal["api_key", "custom_headers", "none", "oauth2", "sso_user"],
        "api_key": str | None,
        "use_secrets_manager": bool | None,
        "client_id": str | None,
        "client_secret": str | None,
        "headers": StringMap | dict[str, Any] | None,
        "env_vars": StringMap | dict[str, Any] | None,
        "allowed_tools": list[str],
        "additional_scopes": list[str],
        "share_user_token_across_other_agents": bool | None,
        "sso_token": MCPServerSSOToken | Literal["access", "exchange", "id"],
        "sso_audience": str | None,
    },
    total=False,
)
