from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mcp_server_auth_type import MCPServerAuthType
from ..models.mcp_server_sso_token_mode import MCPServerSSOTokenMode
from ..models.mcp_server_transport import MCPServerTransport
from ..models.mcp_server_type import MCPServerType
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.string_map import StringMap


T = TypeVar("T", bound="MCPServerDetails")


@_attrs_define
class MCPServerDetails(ModelAPI):
    """An MCP server the agent may use during this task. A local server needs `command`, a
    remote one (the default type) `url`; the API answers a server without it with 400.

    """

    id: None | str | Unset = UNSET
    type_: MCPServerType | Unset = _attrs_field(
        alias="type", default=MCPServerType.REMOTE
    )
    name: None | str | Unset = UNSET
    command: None | str | Unset = UNSET
    url: None | str | Unset = UNSET
    transport: MCPServerTransport | Unset = MCPServerTransport.STREAMABLE_HTTP
    """ How to reach an MCP server. [sdk-names: STDIO SSE HTTP_Transport] """
    auth_type: MCPServerAuthType | Unset = MCPServerAuthType.NONE
    """ How an MCP server authenticates. [sdk-names: APIKey OAuth2 CustomHeaders SSOUser _None]
     """
    api_key: None | str | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ The MCP server's API key. [secret] """
    use_secrets_manager: bool | None | Unset = False
    client_id: None | str | Unset = UNSET
    client_secret: None | str | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ The OAuth2 client secret. [secret] """
    headers: dict[str, str] | None | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ Extra HTTP headers; may hold credentials. [secret] """
    env_vars: dict[str, str] | None | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ Environment of a local server; may hold credentials. [secret] """
    allowed_tools: list[str] | Unset = UNSET
    additional_scopes: list[str] | Unset = UNSET
    share_user_token_across_other_agents: bool | None | Unset = True
    sso_token: MCPServerSSOTokenMode | Unset = MCPServerSSOTokenMode.ACCESS
    """ Which SSO token an MCP server gets (the published SDK's name; `MCPServerSSOToken` is an
    alias). [sdk-names: Access ID Exchange]
     """
    sso_audience: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        type_: str | Unset = UNSET
        if not isinstance(self.type_, Unset):
            type_ = self.type_.value

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        command: None | str | Unset
        if isinstance(self.command, Unset):
            command = UNSET
        else:
            command = self.command

        url: None | str | Unset
        if isinstance(self.url, Unset):
            url = UNSET
        else:
            url = self.url

        transport: str | Unset = UNSET
        if not isinstance(self.transport, Unset):
            transport = self.transport.value

        auth_type: str | Unset = UNSET
        if not isinstance(self.auth_type, Unset):
            auth_type = self.auth_type.value

        api_key: None | str | Unset
        if isinstance(self.api_key, Unset):
            api_key = UNSET
        else:
            api_key = self.api_key

        use_secrets_manager: bool | None | Unset
        if isinstance(self.use_secrets_manager, Unset):
            use_secrets_manager = UNSET
        else:
            use_secrets_manager = self.use_secrets_manager

        client_id: None | str | Unset
        if isinstance(self.client_id, Unset):
            client_id = UNSET
        else:
            client_id = self.client_id

        client_secret: None | str | Unset
        if isinstance(self.client_secret, Unset):
            client_secret = UNSET
        else:
            client_secret = self.client_secret

        headers: dict[str, Any] | None | Unset
        if isinstance(self.headers, Unset):
            headers = UNSET
        elif isinstance(self.headers, StringMap):
            headers = self.headers
        else:
            headers = self.headers

        env_vars: dict[str, Any] | None | Unset
        if isinstance(self.env_vars, Unset):
            env_vars = UNSET
        elif isinstance(self.env_vars, StringMap):
            env_vars = self.env_vars
        else:
            env_vars = self.env_vars

        allowed_tools: list[str] | Unset = UNSET
        if not isinstance(self.allowed_tools, Unset):
            allowed_tools = self.allowed_tools

        additional_scopes: list[str] | Unset = UNSET
        if not isinstance(self.additional_scopes, Unset):
            additional_scopes = self.additional_scopes

        share_user_token_across_other_agents: bool | None | Unset
        if isinstance(self.share_user_token_across_other_agents, Unset):
            share_user_token_across_other_agents = UNSET
        else:
            share_user_token_across_other_agents = (
                self.share_user_token_across_other_agents
            )

        sso_token: str | Unset = UNSET
        if not isinstance(self.sso_token, Unset):
            sso_token = self.sso_token.value

        sso_audience: None | str | Unset
        if isinstance(self.sso_audience, Unset):
            sso_audience = UNSET
        else:
            sso_audience = self.sso_audience

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if command is not UNSET:
            field_dict["command"] = command
        if url is not UNSET:
            field_dict["url"] = url
        if transport is not UNSET:
            field_dict["transport"] = transport
        if auth_type is not UNSET:
            field_dict["auth_type"] = auth_type
        if api_key is not UNSET:
            field_dict["api_key"] = api_key
        if use_secrets_manager is not UNSET:
            field_dict["use_secrets_manager"] = use_secrets_manager
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_secret is not UNSET:
            field_dict["client_secret"] = client_secret
        if headers is not UNSET:
            field_dict["headers"] = headers
        if env_vars is not UNSET:
            field_dict["env_vars"] = env_vars
        if allowed_tools is not UNSET:
            field_dict["allowed_tools"] = allowed_tools
        if additional_scopes is not UNSET:
            field_dict["additional_scopes"] = additional_scopes
        if share_user_token_across_other_agents is not UNSET:
            field_dict["share_user_token_across_other_agents"] = (
                share_user_token_across_other_agents
            )
        if sso_token is not UNSET:
            field_dict["sso_token"] = sso_token
        if sso_audience is not UNSET:
            field_dict["sso_audience"] = sso_audience

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _type_ = d.pop("type", "remote")
        type_: MCPServerType | Unset
        if isinstance(_type_, Unset):
            type_ = UNSET
        else:
            type_ = MCPServerType(_type_)

        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))

        def _parse_command(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        command = _parse_command(d.pop("command", UNSET))

        def _parse_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        url = _parse_url(d.pop("url", UNSET))

        _transport = d.pop("transport", "streamable-http")
        transport: MCPServerTransport | Unset
        if isinstance(_transport, Unset):
            transport = UNSET
        else:
            transport = MCPServerTransport(_transport)

        _auth_type = d.pop("auth_type", "none")
        auth_type: MCPServerAuthType | Unset
        if isinstance(_auth_type, Unset):
            auth_type = UNSET
        else:
            auth_type = MCPServerAuthType(_auth_type)

        def _parse_api_key(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        api_key = _parse_api_key(d.pop("api_key", UNSET))

        def _parse_use_secrets_manager(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        use_secrets_manager = _parse_use_secrets_manager(
            d.pop("use_secrets_manager", False)
        )

        def _parse_client_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_id = _parse_client_id(d.pop("client_id", UNSET))

        def _parse_client_secret(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        client_secret = _parse_client_secret(d.pop("client_secret", UNSET))

        def _parse_headers(data: object) -> None | StringMap | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                headers_type_0 = data

                return headers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StringMap | Unset, data)

        headers = _parse_headers(d.pop("headers", UNSET))

        def _parse_env_vars(data: object) -> None | StringMap | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                env_vars_type_0 = data

                return env_vars_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | StringMap | Unset, data)

        env_vars = _parse_env_vars(d.pop("env_vars", UNSET))

        allowed_tools = cast(list[str], d.pop("allowed_tools", UNSET))

        additional_scopes = cast(list[str], d.pop("additional_scopes", UNSET))

        def _parse_share_user_token_across_other_agents(
            data: object,
        ) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        share_user_token_across_other_agents = (
            _parse_share_user_token_across_other_agents(
                d.pop("share_user_token_across_other_agents", True)
            )
        )

        _sso_token = d.pop("sso_token", "access")
        sso_token: MCPServerSSOTokenMode | Unset
        if isinstance(_sso_token, Unset):
            sso_token = UNSET
        else:
            sso_token = MCPServerSSOTokenMode(_sso_token)

        def _parse_sso_audience(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        sso_audience = _parse_sso_audience(d.pop("sso_audience", UNSET))

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

    @property
    def type(self) -> MCPServerType | Unset:
        """`type_` by its wire name, as the published SDK spells it."""
        return self.type_

    @type.setter
    def type(self, value: MCPServerType | Unset) -> None:
        self.type_ = value


from ..models.string_map import StringMap

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
        "headers": dict[str, str] | None,
        "env_vars": dict[str, str] | None,
        "allowed_tools": list[str],
        "additional_scopes": list[str],
        "share_user_token_across_other_agents": bool | None,
        "sso_token": MCPServerSSOTokenMode | Literal["access", "exchange", "id"],
        "sso_audience": str | None,
    },
    total=False,
)
