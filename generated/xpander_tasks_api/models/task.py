from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (  # xpander-tasks change 3
    TYPE_CHECKING,
    Any,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
    cast,
)

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_execution_status import AgentExecutionStatus
from ..models.conversation_kind import ConversationKind
from ..models.llm_reasoning_effort import LLMReasoningEffort
from ..models.output_format import OutputFormat
from ..models.think_mode import ThinkMode
from ..types import UNSET, ModelAPI, Unset

if TYPE_CHECKING:
    from ..models.hitl_request import HITLRequest
    from ..models.json_object import JsonObject
    from ..models.mcp_server_details import MCPServerDetails
    from ..models.pending_eca_request import PendingECARequest
    from ..models.task_input import TaskInput
    from ..models.tokens import Tokens


T = TypeVar("T", bound="Task")


@_attrs_define
class Task(ModelAPI):
    """A task (an agent execution). Servers add fields over time: unknown fields are kept,
    never an error.

    """

    id: str
    agent_id: str
    organization_id: str
    input_: TaskInput = _attrs_field(
        alias="input",
    )
    """ What the agent is asked to do. """
    created_at: datetime.datetime
    status: AgentExecutionStatus = AgentExecutionStatus.PENDING
    """ Where a task is in its lifecycle. A new task is `pending`. """
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
    is_manually_stopped: bool | None | Unset = False
    payload_extension: dict[str, Any] | None | Unset = UNSET
    execution_kind: None | str | Unset = UNSET
    hitl_request: HITLRequest | None | Unset = UNSET
    pending_eca_request: None | PendingECARequest | Unset = UNSET
    source: None | str | Unset = UNSET
    voice_id: None | str | Unset = UNSET
    worker_id: None | str | Unset = UNSET
    run_locally: bool | None | Unset = UNSET
    output_format: None | OutputFormat | Unset = UNSET
    output_schema: dict[str, Any] | None | Unset = UNSET
    events_streaming: bool | None | Unset = False
    additional_context: None | str | Unset = UNSET
    instructions_override: None | str | Unset = UNSET
    test_run_node_id: None | str | Unset = UNSET
    user_oidc_token: None | str | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
    )
    """ OIDC token for connector pre-auth, echoed back. [secret] """
    expected_output: None | str | Unset = UNSET
    mcp_servers: list[MCPServerDetails] | None | Unset = UNSET
    triggering_agent_id: None | str | Unset = UNSET
    title: None | str | Unset = UNSET
    think_mode: None | ThinkMode | Unset = ThinkMode.DEFAULT
    disable_attachment_injection: bool | None | Unset = False
    return_metrics: bool | None | Unset = False
    user_tokens: dict[str, Any] | None | Unset = _attrs_field(
        repr=False, metadata={"secret": True}, default=UNSET
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
    duration: float | None | Unset = 0.0
    execution_attempts: int | None | Unset = 1
    deep_planning: dict[str, Any] | None | Unset = UNSET
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
        id = self.id

        agent_id = self.agent_id

        organization_id = self.organization_id

        input_ = self.input_.to_dict()

        created_at = self.created_at.isoformat()

        status = self.status.value

        internal_status: None | str | Unset
        if isinstance(self.internal_status, Unset):
            internal_status = UNSET
        else:
            internal_status = self.internal_status

        last_executed_node_id: None | str | Unset
        if isinstance(self.last_executed_node_id, Unset):
            last_executed_node_id = UNSET
        else:
            last_executed_node_id = self.last_executed_node_id

        agent_version: None | str | Unset
        if isinstance(self.agent_version, Unset):
            agent_version = UNSET
        else:
            agent_version = self.agent_version

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

        result: None | str | Unset
        if isinstance(self.result, Unset):
            result = UNSET
        else:
            result = self.result

        parent_execution: None | str | Unset
        if isinstance(self.parent_execution, Unset):
            parent_execution = UNSET
        else:
            parent_execution = self.parent_execution

        conversation_id: None | str | Unset
        if isinstance(self.conversation_id, Unset):
            conversation_id = UNSET
        else:
            conversation_id = self.conversation_id

        conversation_kind: None | str | Unset
        if isinstance(self.conversation_kind, Unset):
            conversation_kind = UNSET
        elif isinstance(self.conversation_kind, ConversationKind):
            conversation_kind = self.conversation_kind.value
        else:
            conversation_kind = self.conversation_kind

        sub_executions: list[str] | None | Unset
        if isinstance(self.sub_executions, Unset):
            sub_executions = UNSET
        elif isinstance(self.sub_executions, list):
            sub_executions = self.sub_executions

        else:
            sub_executions = self.sub_executions

        is_manually_stopped: bool | None | Unset
        if isinstance(self.is_manually_stopped, Unset):
            is_manually_stopped = UNSET
        else:
            is_manually_stopped = self.is_manually_stopped

        payload_extension: dict[str, Any] | None | Unset
        if isinstance(self.payload_extension, Unset):
            payload_extension = UNSET
        elif isinstance(self.payload_extension, JsonObject):
            payload_extension = self.payload_extension
        else:
            payload_extension = self.payload_extension

        execution_kind: None | str | Unset
        if isinstance(self.execution_kind, Unset):
            execution_kind = UNSET
        else:
            execution_kind = self.execution_kind

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

        source: None | str | Unset
        if isinstance(self.source, Unset):
            source = UNSET
        else:
            source = self.source

        voice_id: None | str | Unset
        if isinstance(self.voice_id, Unset):
            voice_id = UNSET
        else:
            voice_id = self.voice_id

        worker_id: None | str | Unset
        if isinstance(self.worker_id, Unset):
            worker_id = UNSET
        else:
            worker_id = self.worker_id

        run_locally: bool | None | Unset
        if isinstance(self.run_locally, Unset):
            run_locally = UNSET
        else:
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

        events_streaming: bool | None | Unset
        if isinstance(self.events_streaming, Unset):
            events_streaming = UNSET
        else:
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

        think_mode: None | str | Unset
        if isinstance(self.think_mode, Unset):
            think_mode = UNSET
        elif isinstance(self.think_mode, ThinkMode):
            think_mode = self.think_mode.value
        else:
            think_mode = self.think_mode

        disable_attachment_injection: bool | None | Unset
        if isinstance(self.disable_attachment_injection, Unset):
            disable_attachment_injection = UNSET
        else:
            disable_attachment_injection = self.disable_attachment_injection

        return_metrics: bool | None | Unset
        if isinstance(self.return_metrics, Unset):
            return_metrics = UNSET
        else:
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

        tokens: dict[str, Any] | None | Unset
        if isinstance(self.tokens, Unset):
            tokens = UNSET
        elif isinstance(self.tokens, Tokens):
            tokens = self.tokens.to_dict()
        else:
            tokens = self.tokens

        used_tools: list[str] | None | Unset
        if isinstance(self.used_tools, Unset):
            used_tools = UNSET
        elif isinstance(self.used_tools, list):
            used_tools = self.used_tools

        else:
            used_tools = self.used_tools

        duration: float | None | Unset
        if isinstance(self.duration, Unset):
            duration = UNSET
        else:
            duration = self.duration

        execution_attempts: int | None | Unset
        if isinstance(self.execution_attempts, Unset):
            execution_attempts = UNSET
        else:
            execution_attempts = self.execution_attempts

        deep_planning: dict[str, Any] | None | Unset
        if isinstance(self.deep_planning, Unset):
            deep_planning = UNSET
        elif isinstance(self.deep_planning, JsonObject):
            deep_planning = self.deep_planning
        else:
            deep_planning = self.deep_planning

        should_update_parent: bool | None | Unset
        if isinstance(self.should_update_parent, Unset):
            should_update_parent = UNSET
        else:
            should_update_parent = self.should_update_parent

        is_orchestration: bool | None | Unset
        if isinstance(self.is_orchestration, Unset):
            is_orchestration = UNSET
        else:
            is_orchestration = self.is_orchestration

        is_gateway: bool | None | Unset
        if isinstance(self.is_gateway, Unset):
            is_gateway = UNSET
        else:
            is_gateway = self.is_gateway

        is_app: bool | None | Unset
        if isinstance(self.is_app, Unset):
            is_app = UNSET
        else:
            is_app = self.is_app

        background_auth_eligible: bool | None | Unset
        if isinstance(self.background_auth_eligible, Unset):
            background_auth_eligible = UNSET
        else:
            background_auth_eligible = self.background_auth_eligible

        must_deep_plan: bool | None | Unset
        if isinstance(self.must_deep_plan, Unset):
            must_deep_plan = UNSET
        else:
            must_deep_plan = self.must_deep_plan

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "agent_id": agent_id,
                "organization_id": organization_id,
                "input": input_,
                "created_at": created_at,
                "status": status,
            }
        )
        if internal_status is not UNSET:
            field_dict["internal_status"] = internal_status
        if last_executed_node_id is not UNSET:
            field_dict["last_executed_node_id"] = last_executed_node_id
        if agent_version is not UNSET:
            field_dict["agent_version"] = agent_version
        if started_at is not UNSET:
            field_dict["started_at"] = started_at
        if paused_at is not UNSET:
            field_dict["paused_at"] = paused_at
        if finished_at is not UNSET:
            field_dict["finished_at"] = finished_at
        if result is not UNSET:
            field_dict["result"] = result
        if parent_execution is not UNSET:
            field_dict["parent_execution"] = parent_execution
        if conversation_id is not UNSET:
            field_dict["conversation_id"] = conversation_id
        if conversation_kind is not UNSET:
            field_dict["conversation_kind"] = conversation_kind
        if sub_executions is not UNSET:
            field_dict["sub_executions"] = sub_executions
        if is_manually_stopped is not UNSET:
            field_dict["is_manually_stopped"] = is_manually_stopped
        if payload_extension is not UNSET:
            field_dict["payload_extension"] = payload_extension
        if execution_kind is not UNSET:
            field_dict["execution_kind"] = execution_kind
        if hitl_request is not UNSET:
            field_dict["hitl_request"] = hitl_request
        if pending_eca_request is not UNSET:
            field_dict["pending_eca_request"] = pending_eca_request
        if source is not UNSET:
            field_dict["source"] = source
        if voice_id is not UNSET:
            field_dict["voice_id"] = voice_id
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
        if tokens is not UNSET:
            field_dict["tokens"] = tokens
        if used_tools is not UNSET:
            field_dict["used_tools"] = used_tools
        if duration is not UNSET:
            field_dict["duration"] = duration
        if execution_attempts is not UNSET:
            field_dict["execution_attempts"] = execution_attempts
        if deep_planning is not UNSET:
            field_dict["deep_planning"] = deep_planning
        if should_update_parent is not UNSET:
            field_dict["should_update_parent"] = should_update_parent
        if is_orchestration is not UNSET:
            field_dict["is_orchestration"] = is_orchestration
        if is_gateway is not UNSET:
            field_dict["is_gateway"] = is_gateway
        if is_app is not UNSET:
            field_dict["is_app"] = is_app
        if background_auth_eligible is not UNSET:
            field_dict["background_auth_eligible"] = background_auth_eligible
        if must_deep_plan is not UNSET:
            field_dict["must_deep_plan"] = must_deep_plan

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        d = dict(src_dict)
        id = d.pop("id")

        agent_id = d.pop("agent_id")

        organization_id = d.pop("organization_id")

        input_ = TaskInput.from_dict(d.pop("input"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        status = AgentExecutionStatus(
            _status if (_status := d.pop("status", None)) is not None else "pending"
        )

        def _parse_internal_status(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        internal_status = _parse_internal_status(d.pop("internal_status", None))

        def _parse_last_executed_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_executed_node_id = _parse_last_executed_node_id(
            d.pop("last_executed_node_id", None)
        )

        def _parse_agent_version(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        agent_version = _parse_agent_version(d.pop("agent_version", None))

        def _parse_started_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                started_at_type_0 = datetime.datetime.fromisoformat(data)

                return started_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        started_at = _parse_started_at(d.pop("started_at", None))

        def _parse_paused_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                paused_at_type_0 = datetime.datetime.fromisoformat(data)

                return paused_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        paused_at = _parse_paused_at(d.pop("paused_at", None))

        def _parse_finished_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        finished_at = _parse_finished_at(d.pop("finished_at", None))

        def _parse_result(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        result = _parse_result(d.pop("result", None))

        def _parse_parent_execution(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        parent_execution = _parse_parent_execution(d.pop("parent_execution", None))

        def _parse_conversation_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        conversation_id = _parse_conversation_id(d.pop("conversation_id", None))

        def _parse_conversation_kind(data: object) -> ConversationKind | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                conversation_kind_type_0 = ConversationKind(data)

                return conversation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ConversationKind | None | Unset, data)

        conversation_kind = _parse_conversation_kind(d.pop("conversation_kind", None))

        def _parse_sub_executions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                sub_executions_type_0 = cast(list[str], data)

                return sub_executions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        sub_executions = _parse_sub_executions(d.pop("sub_executions", []))

        def _parse_is_manually_stopped(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_manually_stopped = _parse_is_manually_stopped(
            d.pop("is_manually_stopped", False)
        )

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

        payload_extension = _parse_payload_extension(d.pop("payload_extension", None))

        def _parse_execution_kind(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        execution_kind = _parse_execution_kind(d.pop("execution_kind", None))

        def _parse_hitl_request(data: object) -> HITLRequest | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                hitl_request_type_0 = HITLRequest.from_dict(data)

                return hitl_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(HITLRequest | None | Unset, data)

        hitl_request = _parse_hitl_request(d.pop("hitl_request", None))

        def _parse_pending_eca_request(
            data: object,
        ) -> None | PendingECARequest | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_eca_request_type_0 = PendingECARequest.from_dict(data)

                return pending_eca_request_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PendingECARequest | Unset, data)

        pending_eca_request = _parse_pending_eca_request(
            d.pop("pending_eca_request", None)
        )

        def _parse_source(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        source = _parse_source(d.pop("source", None))

        def _parse_voice_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        voice_id = _parse_voice_id(d.pop("voice_id", None))

        def _parse_worker_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        worker_id = _parse_worker_id(d.pop("worker_id", None))

        def _parse_run_locally(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        run_locally = _parse_run_locally(d.pop("run_locally", None))

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

        output_format = _parse_output_format(d.pop("output_format", None))

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

        output_schema = _parse_output_schema(d.pop("output_schema", None))

        def _parse_events_streaming(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        events_streaming = _parse_events_streaming(d.pop("events_streaming", False))

        def _parse_additional_context(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        additional_context = _parse_additional_context(
            d.pop("additional_context", None)
        )

        def _parse_instructions_override(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        instructions_override = _parse_instructions_override(
            d.pop("instructions_override", None)
        )

        def _parse_test_run_node_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        test_run_node_id = _parse_test_run_node_id(d.pop("test_run_node_id", None))

        def _parse_user_oidc_token(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_oidc_token = _parse_user_oidc_token(d.pop("user_oidc_token", None))

        def _parse_expected_output(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        expected_output = _parse_expected_output(d.pop("expected_output", None))

        def _parse_mcp_servers(data: object) -> list[MCPServerDetails] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                mcp_servers_type_0 = []
                _mcp_servers_type_0 = data
                for mcp_servers_type_0_item_data in _mcp_servers_type_0:
                    mcp_servers_type_0_item = MCPServerDetails.from_dict(
                        mcp_servers_type_0_item_data
                    )

                    mcp_servers_type_0.append(mcp_servers_type_0_item)

                return mcp_servers_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[MCPServerDetails] | None | Unset, data)

        mcp_servers = _parse_mcp_servers(d.pop("mcp_servers", []))

        def _parse_triggering_agent_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        triggering_agent_id = _parse_triggering_agent_id(
            d.pop("triggering_agent_id", None)
        )

        def _parse_title(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        title = _parse_title(d.pop("title", None))

        def _parse_think_mode(data: object) -> None | ThinkMode | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                think_mode_type_0 = ThinkMode(data)

                return think_mode_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ThinkMode | Unset, data)

        think_mode = _parse_think_mode(d.pop("think_mode", "default"))

        def _parse_disable_attachment_injection(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        disable_attachment_injection = _parse_disable_attachment_injection(
            d.pop("disable_attachment_injection", False)
        )

        def _parse_return_metrics(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        return_metrics = _parse_return_metrics(d.pop("return_metrics", False))

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

        user_tokens = _parse_user_tokens(d.pop("user_tokens", None))

        def _parse_tool_call_limit(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        tool_call_limit = _parse_tool_call_limit(d.pop("tool_call_limit", None))

        def _parse_llm_model_provider(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        llm_model_provider = _parse_llm_model_provider(
            d.pop("llm_model_provider", None)
        )

        def _parse_llm_model_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        llm_model_name = _parse_llm_model_name(d.pop("llm_model_name", None))

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
            d.pop("llm_reasoning_effort", None)
        )

        def _parse_harness_cli(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        harness_cli = _parse_harness_cli(d.pop("harness_cli", None))

        def _parse_permission_mode(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        permission_mode = _parse_permission_mode(d.pop("permission_mode", None))

        def _parse_tokens(data: object) -> None | Tokens | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                tokens_type_0 = Tokens.from_dict(data)

                return tokens_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Tokens | Unset, data)

        tokens = _parse_tokens(d.pop("tokens", None))

        def _parse_used_tools(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                used_tools_type_0 = cast(list[str], data)

                return used_tools_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        used_tools = _parse_used_tools(d.pop("used_tools", []))

        def _parse_duration(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        duration = _parse_duration(d.pop("duration", 0))

        def _parse_execution_attempts(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        execution_attempts = _parse_execution_attempts(d.pop("execution_attempts", 1))

        def _parse_deep_planning(data: object) -> JsonObject | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                deep_planning_type_0 = data

                return deep_planning_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(JsonObject | None | Unset, data)

        deep_planning = _parse_deep_planning(d.pop("deep_planning", None))

        def _parse_should_update_parent(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        should_update_parent = _parse_should_update_parent(
            d.pop("should_update_parent", False)
        )

        def _parse_is_orchestration(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_orchestration = _parse_is_orchestration(d.pop("is_orchestration", False))

        def _parse_is_gateway(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_gateway = _parse_is_gateway(d.pop("is_gateway", False))

        def _parse_is_app(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        is_app = _parse_is_app(d.pop("is_app", False))

        def _parse_background_auth_eligible(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        background_auth_eligible = _parse_background_auth_eligible(
            d.pop("background_auth_eligible", False)
        )

        def _parse_must_deep_plan(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        must_deep_plan = _parse_must_deep_plan(d.pop("must_deep_plan", False))

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

TaskParam = TypedDict(
    "TaskParam",
    {
        "id": Required[str],
        "agent_id": Required[str],
        "organization_id": Required[str],
        "input": Required[TaskInput | dict[str, Any]],
        "created_at": Required[str],
        "status": Required[
            AgentExecutionStatus
            | Literal[
                "completed",
                "error",
                "executing",
                "failed",
                "paused",
                "pending",
                "stopped",
            ]
        ],
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
        "payload_extension": dict[str, Any] | None,
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
        "output_schema": dict[str, Any] | None,
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
        "user_tokens": dict[str, Any] | None,
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
        "deep_planning": dict[str, Any] | None,
        "should_update_parent": bool | None,
        "is_orchestration": bool | None,
        "is_gateway": bool | None,
        "is_app": bool | None,
        "background_auth_eligible": bool | None,
        "must_deep_plan": bool | None,
    },
    total=False,
)
