from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, Required, Self, TypedDict, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_execution_status import AgentExecutionStatus
from ..models.conversation_kind import ConversationKind
from ..models.llm_reasoning_effort import LLMReasoningEffort
from ..models.output_format import OutputFormat
from ..models.think_mode import ThinkMode
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.hitl_request import HITLRequest
    from ..models.json_object import JsonObject
    from ..models.mcp_server_details import MCPServerDetails
    from ..models.pending_eca_request import PendingECARequest
    from ..models.task_input import TaskInput
    from ..models.tokens import Tokens


T = TypeVar("T", bound="Task")


@_attrs_define
class Task:
    """A task (an agent execution). Servers add fields over time: unknown fields are kept,
    never an error.

    """

    id: str
    agent_id: str
    organization_id: str
    input_: TaskInput = _attrs_field(alias="input")
    """ What the agent is asked to do. """
    created_at: datetime.datetime
    status: AgentExecutionStatus | None | Unset = UNSET
    internal_status: None | str | Unset = UNSET
    last_executed_node_id: None | str | Unset = UNSET
    agent_version: None | str | Unset = UNSET
    started_at: datetime.datetime | None | Unset = UNSET
    paused_at: datetime.datetime | None | Unset = UNSET
    finished_at: datetime.datetime | None | Unset = UNSET
    result: None | str | Unset = UNSET
    parent_execution: None | str | Unset = UNSET
    conversation_id: None | str | Unset = UNSET
    conversation_kind: ConversationKind | None | Unset = UNSET
    sub_executions: list[str] | None | Unset = UNSET
    is_manually_stopped: bool | None | Unset = UNSET
    payload_extension: JsonObject | None | Unset = UNSET
    execution_kind: None | str | Unset = UNSET
    hitl_request: HITLRequest | None | Unset = UNSET
    pending_eca_request: None | PendingECARequest | Unset = UNSET
    source: None | str | Unset = UNSET
    voice_id: None | str | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    run_locally: bool | None | Unset = UNSET
    output_format: None | OutputFormat | Unset = UNSET
    output_schema: JsonObject | None | Unset = UNSET
    events_streaming: bool | None | Unset = UNSET
    additional_context: None | str | Unset = UNSET
    instructions_override: None | str | Unset = UNSET
    test_run_node_id: None | str | Unset = UNSET
    user_oidc_token: None | str | Unset = _attrs_field(
        default=UNSET, repr=False, metadata={"secret": True}
    )
    """ OIDC token for connector pre-auth, echoed back. [secret] """
    expected_output: None | str | Unset = UNSET
    mcp_servers: list[MCPServerDetails] | None | Unset = UNSET
    triggering_agent_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    think_mode: None | ThinkMode | Unset = UNSET
    disable_attachment_injection: bool | None | Unset = UNSET
    return_metrics: bool | None | Unset = UNSET
    user_tokens: JsonObject | None | Unset = _attrs_field(
        default=UNSET, repr=False, metadata={"secret": True}
    )
    """ Pre-computed user tokens for MCP auth, echoed back. [secret] """
    tool_call_limit: int | None | Unset = UNSET
    llm_model_provider: None | str | Unset = UNSET
    llm_model_name: None | str | Unset = UNSET
    llm_reasoning_effort: LLMReasoningEffort | None | Unset = UNSET
    harness_cli: None | str | Unset = UNSET
    permission_mode: None | str | Unset = UNSET
    tokens: None | Tokens | Unset = UNSET
    used_tools: list[str] | None | Unset = UNSET
    duration: float | None | Unset = UNSET
    execution_attempts: int | None | Unset = UNSET
    deep_planning: JsonObject | None | Unset = UNSET
    should_update_parent: bool | None | Unset = False
    is_orchestration: bool | None | Unset = False
    is_gateway: bool | None | Unset = False
    is_app: bool | None | Unset = False
    background_auth_eligible: bool | None | Unset = False
    must_deep_plan: bool | None | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(
        init=False, factory=dict, repr=False
    )

    def to_dict(self) -> dict[str, Any]:
        input_ = self.input_.to_dict()

        created_at = self.created_at.isoformat()

        status: None | str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, AgentExecutionStatus):
            status = self.status.value
        else:
            status = self.status

        started_at: None | str | Unset
        if isinstance(self.started_at, Unset):
            started_at = UNSET
        elif isinstance(self.started_at, datetime.datetime):
            started_at = self.started_at.isoformat()
        else:
            started_at = self.started_at

        paused_at: None | str | Unset
        if isinstance(self.paused_at, Unset):
            paused_at = UNSET
        elif isinstance(self.paused_at, datetime.datetime):
            paused_at = self.paused_at.isoformat()
        else:
            paused_at = self.paused_at

        finished_at: None | str | Unset
        if isinstance(self.finished_at, Unset):
            finished_at = UNSET
        elif isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        conversation_kind: None | str | Unset
        if isinstance(self.conversation_kind, Unset):
            conversation_kind = UNSET
        elif isinstance(self.conversation_kind, ConversationKind):
            conversation_kind = self.conversation_kind.value
        else:
            conversation_kind = self.conversation_kind

        payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.payload_extension, Unset):
            payload_extension = UNSET
        elif isinstance(self.payload_extension, JsonObject):
            payload_extension = self.payload_extension.to_dict()
        else:
            payload_extension = self.payload_extension

        hitl_request: dict[str, Any] | None | Unset
        if isinstance(self.hitl_request, Unset):
            hitl_request = UNSET
        elif isinstance(self.hitl_request, HITLRequest):
            hitl_request = self.hitl_request.to_dict()
        else:
            hitl_request = self.hitl_request

        pending_eca_request: dict[str, Any] | None | Unset
        if isinstance(self.pending_eca_request, Unset):
            pending_eca_request = UNSET
        elif isinstance(self.pending_eca_request, PendingECARequest):
            pending_eca_request = self.pending_eca_request.to_dict()
        else:
            pending_eca_request = self.pending_eca_request

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

        mcp_servers: list[dict[str, Any]] | None | Unset
        if isinstance(self.mcp_servers, Unset):
            mcp_servers = UNSET
        elif isinstance(self.mcp_servers, list):
            mcp_servers = []
            for mcp_servers_type_0_item_data in self.mcp_servers:
                mcp_servers_type_0_item = mcp_servers_type_0_item_data.to_dict()
                mcp_servers.append(mcp_servers_type_0_item)

        else:
            mcp_servers = self.mcp_servers

        think_mode: None | str | Unset
        if isinstance(self.think_mode, Unset):
            think_mode = UNSET
        elif isinstance(self.think_mode, ThinkMode):
            think_mode = self.think_mode.value
        else:
            think_mode = self.think_mode

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

        tokens: dict[str, Any] | None | Unset
        if isinstance(self.tokens, Unset):
            tokens = UNSET
        elif isinstance(self.tokens, Tokens):
            tokens = self.tokens.to_dict()
        else:
            tokens = self.tokens

        deep_planning: dict[str, Any] | None | Unset
        if isinstance(self.deep_planning, Unset):
            deep_planning = UNSET
        elif isinstance(self.deep_planning, JsonObject):
            deep_planning = self.deep_planning.to_dict()
        else:
            deep_planning = self.deep_planning

        field_dict: dict[str, Any] = {
            **self.additional_properties,
            "id": self.id,
            "agent_id": self.agent_id,
            "organization_id": self.organization_id,
            "input": input_,
            "created_at": created_at,
        }
        if status is not UNSET:
            field_dict["status"] = status
        if self.internal_status is not UNSET:
            field_dict["internal_status"] = self.internal_status
        if self.last_executed_node_id is not UNSET:
            field_dict["last_executed_node_id"] = self.last_executed_node_id
        if self.agent_version is not UNSET:
            field_dict["agent_version"] = self.agent_version
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if paused_at is not UNSET:
            field_dict["paused_at"] = paused_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if self.result is not UNSET:
            field_dict["result"] = self.result
        if self.parent_execution is not UNSET:
            field_dict["parent_execution"] = self.parent_execution
        if self.conversation_id is not UNSET:
            field_dict["conversation_id"] = self.conversation_id
        if conversation_kind is not UNSET:
            field_dict["conversation_kind"] = conversation_kind
        if self.sub_executions is not UNSET:
            field_dict["sub_executions"] = self.sub_executions
        if self.is_manually_stopped is not UNSET:
            field_dict["is_manually_stopped"] = self.is_manually_stopped
        if payload_extension is not UNSET:
            field_dict["payload_extension"] = payload_extension
        if self.execution_kind is not UNSET:
            field_dict["execution_kind"] = self.execution_kind
        if hitl_request is not UNSET:
            field_dict["hitl_request"] = hitl_request
        if pending_eca_request is not UNSET:
            field_dict["pending_eca_request"] = pending_eca_request
        if self.source is not UNSET:
            field_dict["source"] = self.source
        if self.voice_id is not UNSET:
            field_dict["voice_id"] = self.voice_id
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
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if self.used_tools is not UNSET:
            field_dict["used_tools"] = self.used_tools
        if self.duration is not UNSET:
            field_dict["duration"] = self.duration
        if self.execution_attempts is not UNSET:
            field_dict["execution_attempts"] = self.execution_attempts
        if deep_planning is not UNSET:
            field_dict["deep_planning"] = deep_planning
        if self.should_update_parent is not UNSET:
            field_dict["should_update_parent"] = self.should_update_parent
        if self.is_orchestration is not UNSET:
            field_dict["is_orchestration"] = self.is_orchestration
        if self.is_gateway is not UNSET:
            field_dict["is_gateway"] = self.is_gateway
        if self.is_app is not UNSET:
            field_dict["is_app"] = self.is_app
        if self.background_auth_eligible is not UNSET:
            field_dict["background_auth_eligible"] = self.background_auth_eligible
        if self.must_deep_plan is not UNSET:
            field_dict["must_deep_plan"] = self.must_deep_plan

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        organization_id = d.pop("organization_id")

        input_ = TaskInput.from_dict(d.pop("input"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        status = d.pop("status", UNSET)
        if isinstance(status, str):
            try:
                status_type_0 = AgentExecutionStatus(status)

                status = status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        internal_status = d.pop("internal_status", UNSET)

        last_executed_node_id = d.pop("last_executed_node_id", UNSET)

        agent_version = d.pop("agent_version", UNSET)

        started_at = d.pop("started_at", UNSET)
        if isinstance(started_at, str):
            try:
                started_at_type_0 = datetime.datetime.fromisoformat(started_at)

                started_at = started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        paused_at = d.pop("paused_at", UNSET)
        if isinstance(paused_at, str):
            try:
                paused_at_type_0 = datetime.datetime.fromisoformat(paused_at)

                paused_at = paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        finished_at = d.pop("finished_at", UNSET)
        if isinstance(finished_at, str):
            try:
                finished_at_type_0 = datetime.datetime.fromisoformat(finished_at)

                finished_at = finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        result = d.pop("result", UNSET)

        parent_execution = d.pop("parent_execution", UNSET)

        conversation_id = d.pop("conversation_id", UNSET)

        conversation_kind = d.pop("conversation_kind", UNSET)
        if isinstance(conversation_kind, str):
            try:
                conversation_kind_type_0 = ConversationKind(conversation_kind)

                conversation_kind = conversation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        sub_executions = d.pop("sub_executions", UNSET)
        if isinstance(sub_executions, list):
            try:
                sub_executions_type_0 = cast(list[str], sub_executions)

                sub_executions = sub_executions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        is_manually_stopped = d.pop("is_manually_stopped", UNSET)

        payload_extension = d.pop("payload_extension", UNSET)
        if isinstance(payload_extension, dict):
            try:
                payload_extension_type_0 = JsonObject.from_dict(payload_extension)

                payload_extension = payload_extension_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        execution_kind = d.pop("execution_kind", UNSET)

        hitl_request = d.pop("hitl_request", UNSET)
        if isinstance(hitl_request, dict):
            try:
                hitl_request_type_0 = HITLRequest.from_dict(hitl_request)

                hitl_request = hitl_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        pending_eca_request = d.pop("pending_eca_request", UNSET)
        if isinstance(pending_eca_request, dict):
            try:
                pending_eca_request_type_0 = PendingECARequest.from_dict(
                    pending_eca_request
                )

                pending_eca_request = pending_eca_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        source = d.pop("source", UNSET)

        voice_id = d.pop("voice_id", UNSET)

        worker_id = d.pop("worker_id", UNSET)

        run_locally = d.pop("run_locally", UNSET)

        output_format = d.pop("output_format", UNSET)
        if isinstance(output_format, str):
            try:
                output_format_type_0 = OutputFormat(output_format)

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

        mcp_servers = d.pop("mcp_servers", UNSET)
        if isinstance(mcp_servers, list):
            try:
                mcp_servers_type_0 = []
                _mcp_servers_type_0 = mcp_servers
                for mcp_servers_type_0_item_data in _mcp_servers_type_0:
                    mcp_servers_type_0_item = MCPServerDetails.from_dict(
                        mcp_servers_type_0_item_data
                    )

                    mcp_servers_type_0.append(mcp_servers_type_0_item)

                mcp_servers = mcp_servers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        triggering_agent_id = d.pop("triggering_agent_id", UNSET)

        title = d.pop("title", UNSET)

        think_mode = d.pop("think_mode", UNSET)
        if isinstance(think_mode, str):
            try:
                think_mode_type_0 = ThinkMode(think_mode)

                think_mode = think_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

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
                llm_reasoning_effort_type_0 = LLMReasoningEffort(llm_reasoning_effort)

                llm_reasoning_effort = llm_reasoning_effort_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        harness_cli = d.pop("harness_cli", UNSET)

        permission_mode = d.pop("permission_mode", UNSET)

        tokens = d.pop("tokens", UNSET)
        if isinstance(tokens, dict):
            try:
                tokens_type_0 = Tokens.from_dict(tokens)

                tokens = tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        used_tools = d.pop("used_tools", UNSET)
        if isinstance(used_tools, list):
            try:
                used_tools_type_0 = cast(list[str], used_tools)

                used_tools = used_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        duration = d.pop("duration", UNSET)

        execution_attempts = d.pop("execution_attempts", UNSET)

        deep_planning = d.pop("deep_planning", UNSET)
        if isinstance(deep_planning, dict):
            try:
                deep_planning_type_0 = JsonObject.from_dict(deep_planning)

                deep_planning = deep_planning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        should_update_parent = d.pop("should_update_parent", UNSET)

        is_orchestration = d.pop("is_orchestration", UNSET)

        is_gateway = d.pop("is_gateway", UNSET)

        is_app = d.pop("is_app", UNSET)

        background_auth_eligible = d.pop("background_auth_eligible", UNSET)

        must_deep_plan = d.pop("must_deep_plan", UNSET)

        task = cls(
            id=id,
            agent_id=agent_id,
            organization_id=organization_id,
            input=input_,
            created_at=created_at,
            status=status,
            internal_status=internal_status,
            last_executed_node_id=last_executed_node_id,
            agent_version=agent_version,
            started_at=started_at,
            paused_at=paused_at,
            finished_at=finished_at,
            result=result,
            parent_execution=parent_execution,
            conversation_id=conversation_id,
            conversation_kind=conversation_kind,
            sub_executions=sub_executions,
            is_manually_stopped=is_manually_stopped,
            payload_extension=payload_extension,
            execution_kind=execution_kind,
            hitl_request=hitl_request,
            pending_eca_request=pending_eca_request,
            source=source,
            voice_id=voice_id,
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
            tokens=tokens,
            used_tools=used_tools,
            duration=duration,
            execution_attempts=execution_attempts,
            deep_planning=deep_planning,
            should_update_parent=should_update_parent,
            is_orchestration=is_orchestration,
            is_gateway=is_gateway,
            is_app=is_app,
            background_auth_eligible=background_auth_eligible,
            must_deep_plan=must_deep_plan,
        )

        task.additional_properties = d
        return task

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
    def input(self) -> TaskInput:
        """`input_` by its wire name, as the published SDK spells it."""
        return self.input_

    @input.setter
    def input(self, value: TaskInput) -> None:
        self.input_ = value


from ..models.hitl_request import HITLRequest
from ..models.json_object import JsonObject
from ..models.mcp_server_details import MCPServerDetails
from ..models.pending_eca_request import PendingECARequest
from ..models.task_input import TaskInput
from ..models.tokens import Tokens

# `Task` as a dict: its JSON keys, for code that passes one instead of the model.
TaskParam = TypedDict(
    "TaskParam",
    {
        "id": Required[str],
        "agent_id": Required[str],
        "organization_id": Required[str],
        "input": Required[TaskInput | dict[str, Any]],
        "created_at": Required[str],
        "status": AgentExecutionStatus
        | Literal[
            "completed", "error", "executing", "failed", "paused", "pending", "stopped"
        ]
        | None,
        "internal_status": str | None,
        "last_executed_node_id": str | None,
        "agent_version": str | None,
        "started_at": str | None,
        "paused_at": str | None,
        "finished_at": str | None,
        "result": str | None,
        "parent_execution": str | None,
        "conversation_id": str | None,
        "conversation_kind": ConversationKind | Literal["direct", "gateway"] | None,
        "sub_executions": list[str] | None,
        "is_manually_stopped": bool | None,
        "payload_extension": JsonObject | dict[str, Any] | None,
        "execution_kind": str | None,
        "hitl_request": HITLRequest | dict[str, Any] | None,
        "pending_eca_request": PendingECARequest | dict[str, Any] | None,
        "source": str | None,
        "voice_id": str | None,
        "worker_id": str | None,
        "run_locally": bool | None,
        "output_format": OutputFormat
        | Literal["json", "markdown", "text", "voice"]
        | None,
        "output_schema": JsonObject | dict[str, Any] | None,
        "events_streaming": bool | None,
        "additional_context": str | None,
        "instructions_override": str | None,
        "test_run_node_id": str | None,
        "user_oidc_token": str | None,
        "expected_output": str | None,
        "mcp_servers": list[MCPServerDetails | dict[str, Any]] | None,
        "triggering_agent_id": str | None,
        "title": str | None,
        "think_mode": ThinkMode | Literal["default", "harder"] | None,
        "disable_attachment_injection": bool | None,
        "return_metrics": bool | None,
        "user_tokens": JsonObject | dict[str, Any] | None,
        "tool_call_limit": int | None,
        "llm_model_provider": str | None,
        "llm_model_name": str | None,
        "llm_reasoning_effort": LLMReasoningEffort
        | Literal["high", "low", "medium", "xhigh"]
        | None,
        "harness_cli": str | None,
        "permission_mode": str | None,
        "tokens": Tokens | dict[str, Any] | None,
        "used_tools": list[str] | None,
        "duration": float | None,
        "execution_attempts": int | None,
        "deep_planning": JsonObject | dict[str, Any] | None,
        "should_update_parent": bool | None,
        "is_orchestration": bool | None,
        "is_gateway": bool | None,
        "is_app": bool | None,
        "background_auth_eligible": bool | None,
        "must_deep_plan": bool | None,
    },
    total=False,
)
