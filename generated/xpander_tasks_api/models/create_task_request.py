from __future__ import annotations

from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.llm_reasoning_effort import LLMReasoningEffort
from ..models.output_format import OutputFormat
from ..models.think_mode import ThinkMode
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.json_object import JsonObject
    from ..models.mcp_server_details import MCPServerDetails
    from ..models.task_input import TaskInput


T = TypeVar("T", bound="CreateTaskRequest")


@_attrs_define
class CreateTaskRequest(ModelAPI):
    """The body of a create call. The published SDK sends every key: its defaults
    explicitly, every other unset field as `null`.

    """

    id: None | str | Unset = UNSET
    """ Continue an existing task (the SDK's `existing_task_id`). """
    input_: TaskInput | Unset = _attrs_field(alias="input", default=UNSET)
    """ What the agent is asked to do. """
    payload_extension: dict[str, Any] | None | Unset = UNSET
    """ Extra fields merged into every tool-call payload (the SDK's `tool_call_payload_extension`). """
    source: None | str | Unset = UNSET
    """ Origin tag. """
    worker_id: None | str | Unset = UNSET
    """ Pin to a specific worker. """
    run_locally: bool | Unset = False
    """ Mark as locally executed. """
    output_format: None | OutputFormat | Unset = UNSET
    """ Output format. """
    output_schema: dict[str, Any] | None | Unset = UNSET
    """ JSON schema the output must follow. """
    events_streaming: bool | Unset = False
    """ Enables the task's event stream. """
    additional_context: None | str | Unset = UNSET
    """ Extra context appended to the system prompt. """
    instructions_override: None | str | Unset = UNSET
    """ Extra instructions for this run. """
    test_run_node_id: None | str | Unset = UNSET
    """ (Internal) Test workflow node. """
    user_oidc_token: None | str | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ OIDC token for connector pre-auth. [secret] """
    expected_output: None | str | Unset = UNSET
    """ Expected output description. """
    mcp_servers: list[MCPServerDetails] | Unset = UNSET
    """ Per-task MCP servers. The SDK sends `[]` by default. """
    triggering_agent_id: None | str | Unset = UNSET
    """ Triggering agent ID. """
    title: None | str | Unset = UNSET
    """ Display title. """
    think_mode: ThinkMode | Unset = ThinkMode.DEFAULT
    """ How hard the agent thinks. The SDK always sends it. """
    disable_attachment_injection: bool | Unset = False
    """ Skip auto-injection of human-readable file content. """
    return_metrics: bool | Unset = False
    """ Return metrics (Workflow → Agent only). """
    user_tokens: dict[str, Any] | None | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ Pre-computed user tokens for MCP auth. [secret] """
    tool_call_limit: int | None | Unset = UNSET
    """ The most tool calls the agent may make in this task. """
    llm_model_provider: None | str | Unset = UNSET
    """ Override the agent's LLM provider for this task. """
    llm_model_name: None | str | Unset = UNSET
    """ Override the agent's LLM model for this task. """
    llm_reasoning_effort: LLMReasoningEffort | None | Unset = UNSET
    """ Reasoning effort for models that support it. """
    harness_cli: None | str | Unset = UNSET
    """ Coding harness to run the task in, lower-case (`claude-code`, `codex`). """
    permission_mode: None | str | Unset = UNSET
    """ Permission mode of the harness (`full`, `gated`). """
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.payload_extension, Unset):
            payload_extension = UNSET
        elif isinstance(self.payload_extension, JsonObject):
            payload_extension = self.payload_extension
        else:
            payload_extension = self.payload_extension

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        run_locally = self.run_locally

        output_format: None | str | Unset
        if isinstance(self.output_format, Unset):
            output_format = UNSET
        elif isinstance(self.output_format, OutputFormat):
            output_format = self.output_format.value
        else:
            output_format = self.output_format

        output_schema: dict[str, Any] | None | Unset
        if isinstance(self.output_schema, Unset):
            output_schema = UNSET
        elif isinstance(self.output_schema, JsonObject):
            output_schema = self.output_schema
        else:
            output_schema = self.output_schema

        events_streaming = self.events_streaming

        additional_context: None | str | Unset
        if isinstance(self.additional_context, Unset):
            additional_context = UNSET
        else:
            additional_context = self.additional_context

        instructions_override: None | str | Unset
        if isinstance(self.instructions_override, Unset):
            instructions_override = UNSET
        else:
            instructions_override = self.instructions_override

        test_run_node_id: None | str | Unset
        if isinstance(self.test_run_node_id, Unset):
            test_run_node_id = UNSET
        else:
            test_run_node_id = self.test_run_node_id

        user_oidc_token: None | str | Unset
        if isinstance(self.user_oidc_token, Unset):
            user_oidc_token = UNSET
        else:
            user_oidc_token = self.user_oidc_token

        expected_output: None | str | Unset
        if isinstance(self.expected_output, Unset):
            expected_output = UNSET
        else:
            expected_output = self.expected_output

        mcp_servers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mcp_servers, Unset):
            mcp_servers = []
            for mcp_servers_item_data in self.mcp_servers:
                mcp_servers_item = mcp_servers_item_data.to_dict()
                mcp_servers.append(mcp_servers_item)

        triggering_agent_id: None | str | Unset
        if isinstance(self.triggering_agent_id, Unset):
            triggering_agent_id = UNSET
        else:
            triggering_agent_id = self.triggering_agent_id

        title: None | str | Unset
        if isinstance(self.title, Unset):
            title = UNSET
        else:
            title = self.title

        think_mode: str | Unset = UNSET
        if not isinstance(self.think_mode, Unset):
            think_mode = self.think_mode.value

        disable_attachment_injection = self.disable_attachment_injection

        return_metrics = self.return_metrics

        user_tokens: dict[str, Any] | None | Unset
        if isinstance(self.user_tokens, Unset):
            user_tokens = UNSET
        elif isinstance(self.user_tokens, JsonObject):
            user_tokens = self.user_tokens
        else:
            user_tokens = self.user_tokens

        tool_call_limit: int | None | Unset
        if isinstance(self.tool_call_limit, Unset):
            tool_call_limit = UNSET
        else:
            tool_call_limit = self.tool_call_limit

        llm_model_provider: None | str | Unset
        if isinstance(self.llm_model_provider, Unset):
            llm_model_provider = UNSET
        else:
            llm_model_provider = self.llm_model_provider

        llm_model_name: None | str | Unset
        if isinstance(self.llm_model_name, Unset):
            llm_model_name = UNSET
        else:
            llm_model_name = self.llm_model_name

        llm_reasoning_effort: None | str | Unset
        if isinstance(self.llm_reasoning_effort, Unset):
            llm_reasoning_effort = UNSET
        elif isinstance(self.llm_reasoning_effort, LLMReasoningEffort):
            llm_reasoning_effort = self.llm_reasoning_effort.value
        else:
            llm_reasoning_effort = self.llm_reasoning_effort

        harness_cli: None | str | Unset
        if isinstance(self.harness_cli, Unset):
            harness_cli = UNSET
        else:
            harness_cli = self.harness_cli

        permission_mode: None | str | Unset
        if isinstance(self.permission_mode, Unset):
            permission_mode = UNSET
        else:
            permission_mode = self.permission_mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if payload_extension is not UNSET:
            field_dict["payload_extension"] = payload_extension
        if source is not UNSET:
            field_dict["source"] = source
        if worker_id is not UNSET:
            field_dict["worker_id"] = worker_id
        if run_locally is not UNSET:
            field_dict["run_locally"] = run_locally
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema
        if events_streaming is not UNSET:
            field_dict["events_streaming"] = events_streaming
        if additional_context is not UNSET:
            field_dict["additional_context"] = additional_context
        if instructions_override is not UNSET:
            field_dict["instructions_override"] = instructions_override
        if test_run_node_id is not UNSET:
            field_dict["test_run_node_id"] = test_run_node_id
        if user_oidc_token is not UNSET:
            field_dict["user_oidc_token"] = user_oidc_token
        if expected_output is not UNSET:
            field_dict["expected_output"] = expected_output
        if mcp_servers is not UNSET:
            field_dict["mcp_servers"] = mcp_servers
        if triggering_agent_id is not UNSET:
            field_dict["triggering_agent_id"] = triggering_agent_id
        if title is not UNSET:
            field_dict["title"] = title
        if think_mode is not UNSET:
            field_dict["think_mode"] = think_mode
        if disable_attachment_injection is not UNSET:
            field_dict["disable_attachment_injection"] = disable_attachment_injection
        if return_metrics is not UNSET:
            field_dict["return_metrics"] = return_metrics
        if user_tokens is not UNSET:
            field_dict["user_tokens"] = user_tokens
        if tool_call_limit is not UNSET:
            field_dict["tool_call_limit"] = tool_call_limit
        if llm_model_provider is not UNSET:
            field_dict["llm_model_provider"] = llm_model_provider
        if llm_model_name is not UNSET:
            field_dict["llm_model_name"] = llm_model_name
        if llm_reasoning_effort is not UNSET:
            field_dict["llm_reasoning_effort"] = llm_reasoning_effort
        if harness_cli is not UNSET:
            field_dict["harness_cli"] = harness_cli
        if permission_mode is not UNSET:
            field_dict["permission_mode"] = permission_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)

        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))

        _input_ = d.pop("input", UNSET)
        input_: TaskInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = TaskInput.from_dict(_input_)

        def _parse_payload_extension(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                payload_extension_type_0 = data

                return payload_extension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        payload_extension = _parse_payload_extension(d.pop("payload_extension", UNSET))

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", UNSET))

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("worker_id", UNSET))

        run_locally = d.pop("run_locally", False)

        def _parse_output_format(data: object) -> None | OutputFormat | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                output_format_type_0 = OutputFormat(data)

                return output_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | OutputFormat | Unset, data)

        output_format = _parse_output_format(d.pop("output_format", UNSET))

        def _parse_output_schema(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                output_schema_type_0 = data

                return output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        output_schema = _parse_output_schema(d.pop("output_schema", UNSET))

        events_streaming = d.pop("events_streaming", False)

        def _parse_additional_context(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        additional_context = _parse_additional_context(
            d.pop("additional_context", UNSET)
        )

        def _parse_instructions_override(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions_override = _parse_instructions_override(
            d.pop("instructions_override", UNSET)
        )

        def _parse_test_run_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_run_node_id = _parse_test_run_node_id(d.pop("test_run_node_id", UNSET))

        def _parse_user_oidc_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_oidc_token = _parse_user_oidc_token(d.pop("user_oidc_token", UNSET))

        def _parse_expected_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_output = _parse_expected_output(d.pop("expected_output", UNSET))

        _mcp_servers = d.pop("mcp_servers", UNSET)
        mcp_servers: list[MCPServerDetails] | Unset = UNSET
        if _mcp_servers is not UNSET:
            mcp_servers = []
            for mcp_servers_item_data in _mcp_servers:
                mcp_servers_item = MCPServerDetails.from_dict(mcp_servers_item_data)

                mcp_servers.append(mcp_servers_item)

        def _parse_triggering_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        triggering_agent_id = _parse_triggering_agent_id(
            d.pop("triggering_agent_id", UNSET)
        )

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", UNSET))

        _think_mode = d.pop("think_mode", "default")
        think_mode: ThinkMode | Unset
        if isinstance(_think_mode, Unset):
            think_mode = UNSET
        else:
            think_mode = ThinkMode(_think_mode)

        disable_attachment_injection = d.pop("disable_attachment_injection", False)

        return_metrics = d.pop("return_metrics", False)

        def _parse_user_tokens(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                user_tokens_type_0 = data

                return user_tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        user_tokens = _parse_user_tokens(d.pop("user_tokens", UNSET))

        def _parse_tool_call_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tool_call_limit = _parse_tool_call_limit(d.pop("tool_call_limit", UNSET))

        def _parse_llm_model_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        llm_model_provider = _parse_llm_model_provider(
            d.pop("llm_model_provider", UNSET)
        )

        def _parse_llm_model_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        llm_model_name = _parse_llm_model_name(d.pop("llm_model_name", UNSET))

        def _parse_llm_reasoning_effort(
            data: object,
        ) -> LLMReasoningEffort | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                llm_reasoning_effort_type_0 = LLMReasoningEffort(data)

                return llm_reasoning_effort_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(LLMReasoningEffort | None | Unset, data)

        llm_reasoning_effort = _parse_llm_reasoning_effort(
            d.pop("llm_reasoning_effort", UNSET)
        )

        def _parse_harness_cli(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        harness_cli = _parse_harness_cli(d.pop("harness_cli", UNSET))

        def _parse_permission_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        permission_mode = _parse_permission_mode(d.pop("permission_mode", UNSET))

        create_task_request = cls(
            id=id,
            input=input_,
            payload_extension=payload_extension,
            source=source,
            worker_id=worker_id,
            run_locally=run_locally,
            output_format=output_format,
            output_schema=output_schema,
            events_streaming=events_streaming,
            additional_context=additional_context,
            instructions_override=instructions_override,
            test_run_node_id=test_run_node_id,
            user_oidc_token=user_oidc_token,
            expected_output=expected_output,
            mcp_servers=mcp_servers,
            triggering_agent_id=triggering_agent_id,
            title=title,
            think_mode=think_mode,
            disable_attachment_injection=disable_attachment_injection,
            return_metrics=return_metrics,
            user_tokens=user_tokens,
            tool_call_limit=tool_call_limit,
            llm_model_provider=llm_model_provider,
            llm_model_name=llm_model_name,
            llm_reasoning_effort=llm_reasoning_effort,
            harness_cli=harness_cli,
            permission_mode=permission_mode,
        )

        create_task_request.additional_properties = d
        return create_task_request

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
    def input(self) -> TaskInput | Unset:
        """`input_` by its wire name, as the published SDK spells it."""
        return self.input_

    @input.setter
    def input(self, value: TaskInput | Unset) -> None:
        self.input_ = value


from ..models.json_object import JsonObject
from ..models.mcp_server_details import MCPServerDetails
from ..models.task_input import TaskInput

CreateTaskRequestParam = TypedDict(
    "CreateTaskRequestParam",
    {
        "id": str | None,
        "input": TaskInput | dict[str, Any],
        "payload_extension": dict[str, Any] | None,
        "source": str | None,
        "worker_id": str | None,
        "run_locally": bool,
        "output_format": OutputFormat
        | Literal["json", "markdown", "text", "voice"]
        | None,
        "output_schema": dict[str, Any] | None,
        "events_streaming": bool,
        "additional_context": str | None,
        "instructions_override": str | None,
        "test_run_node_id": str | None,
        "user_oidc_token": str | None,
        "expected_output": str | None,
        "mcp_servers": list[MCPServerDetails | dict[str, Any]],
        "triggering_agent_id": str | None,
        "title": str | None,
        "think_mode": ThinkMode | Literal["default", "harder"],
        "disable_attachment_injection": bool,
        "return_metrics": bool,
        "user_tokens": dict[str, Any] | None,
        "tool_call_limit": int | None,
        "llm_model_provider": str | None,
        "llm_model_name": str | None,
        "llm_reasoning_effort": LLMReasoningEffort
        | Literal["high", "low", "medium", "xhigh"]
        | None,
        "harness_cli": str | None,
        "permission_mode": str | None,
    },
    total=False,
)
