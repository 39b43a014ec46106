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

from ..models.llm_reasoning_effort import LLMReasoningEffort
from ..models.output_format import OutputFormat
from ..models.think_mode import ThinkMode
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.json_object import JsonObject
    from ..models.mcp_server_details import MCPServerDetails
    from ..models.task_input import TaskInput


T = TypeVar("T", bound="CreateTaskRequest")


class CreateTaskRequest(ModelAPI):
    """The body of a create call. The published SDK sends every key: its defaults
    explicitly, every other unset field as `null`.

    """

    __slots__ = (
        "__weakref__",
        "additional_context",
        "additional_properties",
        "disable_attachment_injection",
        "events_streaming",
        "expected_output",
        "harness_cli",
        "id",
        "input_",
        "instructions_override",
        "llm_model_name",
        "llm_model_provider",
        "llm_reasoning_effort",
        "mcp_servers",
        "output_format",
        "output_schema",
        "payload_extension",
        "permission_mode",
        "return_metrics",
        "run_locally",
        "source",
        "test_run_node_id",
        "think_mode",
        "title",
        "tool_call_limit",
        "triggering_agent_id",
        "user_oidc_token",
        "user_tokens",
        "worker_id",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "None | str | Unset", default=UNSET),
            model_field("input_", "TaskInput | Unset", default=UNSET, alias="input"),
            model_field(
                "payload_extension", "JsonObject | None | Unset", default=UNSET
            ),
            model_field("source", "None | str | Unset", default=UNSET),
            model_field("worker_id", "None | str | Unset", default=UNSET),
            model_field("run_locally", "bool | Unset", default=False),
            model_field("output_format", "None | OutputFormat | Unset", default=UNSET),
            model_field("output_schema", "JsonObject | None | Unset", default=UNSET),
            model_field("events_streaming", "bool | Unset", default=False),
            model_field("additional_context", "None | str | Unset", default=UNSET),
            model_field("instructions_override", "None | str | Unset", default=UNSET),
            model_field("test_run_node_id", "None | str | Unset", default=UNSET),
            model_field(
                "user_oidc_token", "None | str | Unset", default=UNSET, secret=True
            ),
            model_field("expected_output", "None | str | Unset", default=UNSET),
            model_field("mcp_servers", "list[MCPServerDetails] | Unset", default=UNSET),
            model_field("triggering_agent_id", "None | str | Unset", default=UNSET),
            model_field("title", "None | str | Unset", default=UNSET),
            model_field("think_mode", "ThinkMode | Unset", default=ThinkMode.DEFAULT),
            model_field("disable_attachment_injection", "bool | Unset", default=False),
            model_field("return_metrics", "bool | Unset", default=False),
            model_field(
                "user_tokens", "JsonObject | None | Unset", default=UNSET, secret=True
            ),
            model_field("tool_call_limit", "int | None | Unset", default=UNSET),
            model_field("llm_model_provider", "None | str | Unset", default=UNSET),
            model_field("llm_model_name", "None | str | Unset", default=UNSET),
            model_field(
                "llm_reasoning_effort",
                "LLMReasoningEffort | None | Unset",
                default=UNSET,
            ),
            model_field("harness_cli", "None | str | Unset", default=UNSET),
            model_field("permission_mode", "None | str | Unset", default=UNSET),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "input_",
        "payload_extension",
        "source",
        "worker_id",
        "run_locally",
        "output_format",
        "output_schema",
        "events_streaming",
        "additional_context",
        "instructions_override",
        "test_run_node_id",
        "user_oidc_token",
        "expected_output",
        "mcp_servers",
        "triggering_agent_id",
        "title",
        "think_mode",
        "disable_attachment_injection",
        "return_metrics",
        "user_tokens",
        "tool_call_limit",
        "llm_model_provider",
        "llm_model_name",
        "llm_reasoning_effort",
        "harness_cli",
        "permission_mode",
    )
    __hash__ = None  # mutable and compared by value

    id: None | str | Unset
    """ Continue an existing task (the SDK's `existing_task_id`). """
    input_: TaskInput | Unset
    """ What the agent is asked to do. """
    payload_extension: JsonObject | None | Unset
    """ Extra fields merged into every tool-call payload (the SDK's `tool_call_payload_extension`). """
    source: None | str | Unset
    """ Origin tag. """
    worker_id: None | str | Unset
    """ Pin to a specific worker. """
    run_locally: bool | Unset
    """ Mark as locally executed. """
    output_format: None | OutputFormat | Unset
    """ Output format. """
    output_schema: JsonObject | None | Unset
    """ JSON schema the output must follow. """
    events_streaming: bool | Unset
    """ Enables the task's event stream. """
    additional_context: None | str | Unset
    """ Extra context appended to the system prompt. """
    instructions_override: None | str | Unset
    """ Extra instructions for this run. """
    test_run_node_id: None | str | Unset
    """ (Internal) Test workflow node. """
    user_oidc_token: None | str | Unset
    """ OIDC token for connector pre-auth. [secret] """
    expected_output: None | str | Unset
    """ Expected output description. """
    mcp_servers: list[MCPServerDetails] | Unset
    """ Per-task MCP servers. The SDK sends `[]` by default. """
    triggering_agent_id: None | str | Unset
    """ Triggering agent ID. """
    title: None | str | Unset
    """ Display title. """
    think_mode: ThinkMode | Unset
    """ How hard the agent thinks. The SDK always sends it. """
    disable_attachment_injection: bool | Unset
    """ Skip auto-injection of human-readable file content. """
    return_metrics: bool | Unset
    """ Return metrics (Workflow → Agent only). """
    user_tokens: JsonObject | None | Unset
    """ Pre-computed user tokens for MCP auth. [secret] """
    tool_call_limit: int | None | Unset
    """ The most tool calls the agent may make in this task. """
    llm_model_provider: None | str | Unset
    """ Override the agent's LLM provider for this task. """
    llm_model_name: None | str | Unset
    """ Override the agent's LLM model for this task. """
    llm_reasoning_effort: LLMReasoningEffort | None | Unset
    """ Reasoning effort for models that support it. """
    harness_cli: None | str | Unset
    """ Coding harness to run the task in, lower-case (`claude-code`, `codex`). """
    permission_mode: None | str | Unset
    """ Permission mode of the harness (`full`, `gated`). """
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: None | str | Unset = UNSET,
        input: TaskInput | Unset = UNSET,
        payload_extension: JsonObject | None | Unset = UNSET,
        source: None | str | Unset = UNSET,
        worker_id: None | str | Unset = UNSET,
        run_locally: bool | Unset = False,
        output_format: None | OutputFormat | Unset = UNSET,
        output_schema: JsonObject | None | Unset = UNSET,
        events_streaming: bool | Unset = False,
        additional_context: None | str | Unset = UNSET,
        instructions_override: None | str | Unset = UNSET,
        test_run_node_id: None | str | Unset = UNSET,
        user_oidc_token: None | str | Unset = UNSET,
        expected_output: None | str | Unset = UNSET,
        mcp_servers: list[MCPServerDetails] | Unset = UNSET,
        triggering_agent_id: None | str | Unset = UNSET,
        title: None | str | Unset = UNSET,
        think_mode: ThinkMode | Unset = ThinkMode.DEFAULT,
        disable_attachment_injection: bool | Unset = False,
        return_metrics: bool | Unset = False,
        user_tokens: JsonObject | None | Unset = UNSET,
        tool_call_limit: int | None | Unset = UNSET,
        llm_model_provider: None | str | Unset = UNSET,
        llm_model_name: None | str | Unset = UNSET,
        llm_reasoning_effort: LLMReasoningEffort | None | Unset = UNSET,
        harness_cli: None | str | Unset = UNSET,
        permission_mode: None | str | Unset = UNSET,
    ) -> None:
        self.id = id
        self.input_ = input
        self.payload_extension = payload_extension
        self.source = source
        self.worker_id = worker_id
        self.run_locally = run_locally
        self.output_format = output_format
        self.output_schema = output_schema
        self.events_streaming = events_streaming
        self.additional_context = additional_context
        self.instructions_override = instructions_override
        self.test_run_node_id = test_run_node_id
        self.user_oidc_token = user_oidc_token
        self.expected_output = expected_output
        self.mcp_servers = mcp_servers
        self.triggering_agent_id = triggering_agent_id
        self.title = title
        self.think_mode = think_mode
        self.disable_attachment_injection = disable_attachment_injection
        self.return_metrics = return_metrics
        self.user_tokens = user_tokens
        self.tool_call_limit = tool_call_limit
        self.llm_model_provider = llm_model_provider
        self.llm_model_name = llm_model_name
        self.llm_reasoning_effort = llm_reasoning_effort
        self.harness_cli = harness_cli
        self.permission_mode = permission_mode
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"input_={self.input_!r}, "
            f"payload_extension={self.payload_extension!r}, "
            f"source={self.source!r}, "
            f"worker_id={self.worker_id!r}, "
            f"run_locally={self.run_locally!r}, "
            f"output_format={self.output_format!r}, "
            f"output_schema={self.output_schema!r}, "
            f"events_streaming={self.events_streaming!r}, "
            f"additional_context={self.additional_context!r}, "
            f"instructions_override={self.instructions_override!r}, "
            f"test_run_node_id={self.test_run_node_id!r}, "
            f"expected_output={self.expected_output!r}, "
            f"mcp_servers={self.mcp_servers!r}, "
            f"triggering_agent_id={self.triggering_agent_id!r}, "
            f"title={self.title!r}, "
            f"think_mode={self.think_mode!r}, "
            f"disable_attachment_injection={self.disable_attachment_injection!r}, "
            f"return_metrics={self.return_metrics!r}, "
            f"tool_call_limit={self.tool_call_limit!r}, "
            f"llm_model_provider={self.llm_model_provider!r}, "
            f"llm_model_name={self.llm_model_name!r}, "
            f"llm_reasoning_effort={self.llm_reasoning_effort!r}, "
            f"harness_cli={self.harness_cli!r}, "
            f"permission_mode={self.permission_mode!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.input_ == other.input_
            and self.payload_extension == other.payload_extension
            and self.source == other.source
            and self.worker_id == other.worker_id
            and self.run_locally == other.run_locally
            and self.output_format == other.output_format
            and self.output_schema == other.output_schema
            and self.events_streaming == other.events_streaming
            and self.additional_context == other.additional_context
            and self.instructions_override == other.instructions_override
            and self.test_run_node_id == other.test_run_node_id
            and self.user_oidc_token == other.user_oidc_token
            and self.expected_output == other.expected_output
            and self.mcp_servers == other.mcp_servers
            and self.triggering_agent_id == other.triggering_agent_id
            and self.title == other.title
            and self.think_mode == other.think_mode
            and self.disable_attachment_injection == other.disable_attachment_injection
            and self.return_metrics == other.return_metrics
            and self.user_tokens == other.user_tokens
            and self.tool_call_limit == other.tool_call_limit
            and self.llm_model_provider == other.llm_model_provider
            and self.llm_model_name == other.llm_model_name
            and self.llm_reasoning_effort == other.llm_reasoning_effort
            and self.harness_cli == other.harness_cli
            and self.permission_mode == other.permission_mode
            and self.additional_properties == other.additional_properties
        )

    def to_dict(self) -> dict[str, Any]:
        input_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.input_, Unset):
            input_ = self.input_.to_dict()

        payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.payload_extension, Unset):
            payload_extension = UNSET
        elif isinstance(self.payload_extension, JsonObject):
            payload_extension = self.payload_extension.to_dict()
        else:
            payload_extension = self.payload_extension

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
            output_schema = self.output_schema.to_dict()
        else:
            output_schema = self.output_schema

        mcp_servers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.mcp_servers, Unset):
            mcp_servers = []
            for mcp_servers_item_data in self.mcp_servers:
                mcp_servers_item = mcp_servers_item_data.to_dict()
                mcp_servers.append(mcp_servers_item)

        think_mode: str | Unset = UNSET
        if not isinstance(self.think_mode, Unset):
            think_mode = self.think_mode.value

        user_tokens: dict[str, Any] | None | Unset
        if isinstance(self.user_tokens, Unset):
            user_tokens = UNSET
        elif isinstance(self.user_tokens, JsonObject):
            user_tokens = self.user_tokens.to_dict()
        else:
            user_tokens = self.user_tokens

        llm_reasoning_effort: None | str | Unset
        if isinstance(self.llm_reasoning_effort, Unset):
            llm_reasoning_effort = UNSET
        elif isinstance(self.llm_reasoning_effort, LLMReasoningEffort):
            llm_reasoning_effort = self.llm_reasoning_effort.value
        else:
            llm_reasoning_effort = self.llm_reasoning_effort

        field_dict: dict[str, Any] = {
            **self.additional_properties,
        }
        if self.id is not UNSET:
            field_dict["id"] = self.id
        if input_ is not UNSET:
            field_dict["input"] = input_
        if payload_extension is not UNSET:
            field_dict["payload_extension"] = payload_extension
        if self.source is not UNSET:
            field_dict["source"] = self.source
        if self.worker_id is not UNSET:
            field_dict["worker_id"] = self.worker_id
        if self.run_locally is not UNSET:
            field_dict["run_locally"] = self.run_locally
        if output_format is not UNSET:
            field_dict["output_format"] = output_format
        if output_schema is not UNSET:
            field_dict["output_schema"] = output_schema
        if self.events_streaming is not UNSET:
            field_dict["events_streaming"] = self.events_streaming
        if self.additional_context is not UNSET:
            field_dict["additional_context"] = self.additional_context
        if self.instructions_override is not UNSET:
            field_dict["instructions_override"] = self.instructions_override
        if self.test_run_node_id is not UNSET:
            field_dict["test_run_node_id"] = self.test_run_node_id
        if self.user_oidc_token is not UNSET:
            field_dict["user_oidc_token"] = self.user_oidc_token
        if self.expected_output is not UNSET:
            field_dict["expected_output"] = self.expected_output
        if mcp_servers is not UNSET:
            field_dict["mcp_servers"] = mcp_servers
        if self.triggering_agent_id is not UNSET:
            field_dict["triggering_agent_id"] = self.triggering_agent_id
        if self.title is not UNSET:
            field_dict["title"] = self.title
        if think_mode is not UNSET:
            field_dict["think_mode"] = think_mode
        if self.disable_attachment_injection is not UNSET:
            field_dict["disable_attachment_injection"] = (
                self.disable_attachment_injection
            )
        if self.return_metrics is not UNSET:
            field_dict["return_metrics"] = self.return_metrics
        if user_tokens is not UNSET:
            field_dict["user_tokens"] = user_tokens
        if self.tool_call_limit is not UNSET:
            field_dict["tool_call_limit"] = self.tool_call_limit
        if self.llm_model_provider is not UNSET:
            field_dict["llm_model_provider"] = self.llm_model_provider
        if self.llm_model_name is not UNSET:
            field_dict["llm_model_name"] = self.llm_model_name
        if llm_reasoning_effort is not UNSET:
            field_dict["llm_reasoning_effort"] = llm_reasoning_effort
        if self.harness_cli is not UNSET:
            field_dict["harness_cli"] = self.harness_cli
        if self.permission_mode is not UNSET:
            field_dict["permission_mode"] = self.permission_mode

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        _input_ = d.pop("input", UNSET)
        input_: TaskInput | Unset
        if isinstance(_input_, Unset):
            input_ = UNSET
        else:
            input_ = TaskInput.from_dict(_input_)

        payload_extension = d.pop("payload_extension", UNSET)
        if isinstance(payload_extension, dict):
            try:
                payload_extension_type_0 = JsonObject.from_dict(payload_extension)

                payload_extension = payload_extension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        source = d.pop("source", UNSET)

        worker_id = d.pop("worker_id", UNSET)

        run_locally = d.pop("run_locally", UNSET)

        output_format = d.pop("output_format", UNSET)
        if isinstance(output_format, str):
            try:
                output_format_type_0 = OutputFormat._value2member_map_.get(
                    _enum_value := output_format
                ) or OutputFormat(_enum_value)

                output_format = output_format_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        output_schema = d.pop("output_schema", UNSET)
        if isinstance(output_schema, dict):
            try:
                output_schema_type_0 = JsonObject.from_dict(output_schema)

                output_schema = output_schema_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        events_streaming = d.pop("events_streaming", UNSET)

        additional_context = d.pop("additional_context", UNSET)

        instructions_override = d.pop("instructions_override", UNSET)

        test_run_node_id = d.pop("test_run_node_id", UNSET)

        user_oidc_token = d.pop("user_oidc_token", UNSET)

        expected_output = d.pop("expected_output", UNSET)

        _mcp_servers = d.pop("mcp_servers", UNSET)
        mcp_servers: list[MCPServerDetails] | Unset = UNSET
        if _mcp_servers is not UNSET:
            mcp_servers = []
            for mcp_servers_item_data in _mcp_servers:
                mcp_servers_item = MCPServerDetails.from_dict(mcp_servers_item_data)

                mcp_servers.append(mcp_servers_item)

        triggering_agent_id = d.pop("triggering_agent_id", UNSET)

        title = d.pop("title", UNSET)

        _think_mode = d.pop("think_mode", UNSET)
        think_mode: ThinkMode | Unset
        if isinstance(_think_mode, Unset):
            think_mode = UNSET
        else:
            think_mode = ThinkMode._value2member_map_.get(
                _enum_value := _think_mode
            ) or ThinkMode(_enum_value)

        disable_attachment_injection = d.pop("disable_attachment_injection", UNSET)

        return_metrics = d.pop("return_metrics", UNSET)

        user_tokens = d.pop("user_tokens", UNSET)
        if isinstance(user_tokens, dict):
            try:
                user_tokens_type_0 = JsonObject.from_dict(user_tokens)

                user_tokens = user_tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        tool_call_limit = d.pop("tool_call_limit", UNSET)

        llm_model_provider = d.pop("llm_model_provider", UNSET)

        llm_model_name = d.pop("llm_model_name", UNSET)

        llm_reasoning_effort = d.pop("llm_reasoning_effort", UNSET)
        if isinstance(llm_reasoning_effort, str):
            try:
                llm_reasoning_effort_type_0 = LLMReasoningEffort._value2member_map_.get(
                    _enum_value := llm_reasoning_effort
                ) or LLMReasoningEffort(_enum_value)

                llm_reasoning_effort = llm_reasoning_effort_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        harness_cli = d.pop("harness_cli", UNSET)

        permission_mode = d.pop("permission_mode", UNSET)

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
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties

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

# `CreateTaskRequest` as a dict: its JSON keys, for code that passes one instead of the model.
CreateTaskRequestParam = TypedDict(
    "CreateTaskRequestParam",
    {
        "id": str | None,
        "input": TaskInput | dict[str, Any],
        "payload_extension": JsonObject | dict[str, Any] | None,
        "source": str | None,
        "worker_id": str | None,
        "run_locally": bool,
        "output_format": OutputFormat
        | Literal["json", "markdown", "text", "voice"]
        | None,
        "output_schema": JsonObject | dict[str, Any] | None,
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
        "user_tokens": JsonObject | dict[str, Any] | None,
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
