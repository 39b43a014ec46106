from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import (
    TYPE_CHECKING,
    Any,
    ClassVar,
    Literal,
    Required,
    Self,
    TypedDict,
    TypeVar,
)

from ..models.agent_execution_status import AgentExecutionStatus
from ..models.conversation_kind import ConversationKind
from ..models.llm_reasoning_effort import LLMReasoningEffort
from ..models.output_format import OutputFormat
from ..models.think_mode import ThinkMode
from ..types import UNSET, LazyFields, ModelAPI, Unset, model_field

if TYPE_CHECKING:
    from ..models.hitl_request import HITLRequest
    from ..models.json_object import JsonObject
    from ..models.mcp_server_details import MCPServerDetails
    from ..models.pending_eca_request import PendingECARequest
    from ..models.task_input import TaskInput
    from ..models.tokens import Tokens


T = TypeVar("T", bound="Task")


class Task(ModelAPI):
    """A task (an agent execution). Servers add fields over time: unknown fields are kept,
    never an error.

    """

    __slots__ = (
        "__weakref__",
        "additional_context",
        "additional_properties",
        "agent_id",
        "agent_version",
        "background_auth_eligible",
        "conversation_id",
        "conversation_kind",
        "created_at",
        "deep_planning",
        "disable_attachment_injection",
        "duration",
        "events_streaming",
        "execution_attempts",
        "execution_kind",
        "expected_output",
        "finished_at",
        "harness_cli",
        "hitl_request",
        "id",
        "input_",
        "instructions_override",
        "internal_status",
        "is_app",
        "is_gateway",
        "is_manually_stopped",
        "is_orchestration",
        "last_executed_node_id",
        "llm_model_name",
        "llm_model_provider",
        "llm_reasoning_effort",
        "mcp_servers",
        "must_deep_plan",
        "organization_id",
        "output_format",
        "output_schema",
        "parent_execution",
        "paused_at",
        "payload_extension",
        "pending_eca_request",
        "permission_mode",
        "result",
        "return_metrics",
        "run_locally",
        "should_update_parent",
        "source",
        "started_at",
        "status",
        "sub_executions",
        "test_run_node_id",
        "think_mode",
        "title",
        "tokens",
        "tool_call_limit",
        "triggering_agent_id",
        "used_tools",
        "user_oidc_token",
        "user_tokens",
        "voice_id",
        "worker_id",
    )
    __attrs_attrs__: ClassVar[LazyFields] = LazyFields(
        lambda: (
            model_field("id", "str"),
            model_field("agent_id", "str"),
            model_field("organization_id", "str"),
            model_field("input_", "TaskInput", alias="input"),
            model_field("created_at", "datetime.datetime"),
            model_field("status", "AgentExecutionStatus | None | Unset", default=UNSET),
            model_field("internal_status", "None | str | Unset", default=UNSET),
            model_field("last_executed_node_id", "None | str | Unset", default=UNSET),
            model_field("agent_version", "None | str | Unset", default=UNSET),
            model_field(
                "started_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field("paused_at", "datetime.datetime | None | Unset", default=UNSET),
            model_field(
                "finished_at", "datetime.datetime | None | Unset", default=UNSET
            ),
            model_field("result", "None | str | Unset", default=UNSET),
            model_field("parent_execution", "None | str | Unset", default=UNSET),
            model_field("conversation_id", "None | str | Unset", default=UNSET),
            model_field(
                "conversation_kind", "ConversationKind | None | Unset", default=UNSET
            ),
            model_field("sub_executions", "list[str] | None | Unset", default=UNSET),
            model_field("is_manually_stopped", "bool | None | Unset", default=UNSET),
            model_field(
                "payload_extension", "JsonObject | None | Unset", default=UNSET
            ),
            model_field("execution_kind", "None | str | Unset", default=UNSET),
            model_field("hitl_request", "HITLRequest | None | Unset", default=UNSET),
            model_field(
                "pending_eca_request", "None | PendingECARequest | Unset", default=UNSET
            ),
            model_field("source", "None | str | Unset", default=UNSET),
            model_field("voice_id", "None | str | Unset", default=UNSET),
            model_field("worker_id", "None | str | Unset", default=UNSET),
            model_field("run_locally", "bool | None | Unset", default=UNSET),
            model_field("output_format", "None | OutputFormat | Unset", default=UNSET),
            model_field("output_schema", "JsonObject | None | Unset", default=UNSET),
            model_field("events_streaming", "bool | None | Unset", default=UNSET),
            model_field("additional_context", "None | str | Unset", default=UNSET),
            model_field("instructions_override", "None | str | Unset", default=UNSET),
            model_field("test_run_node_id", "None | str | Unset", default=UNSET),
            model_field(
                "user_oidc_token", "None | str | Unset", default=UNSET, secret=True
            ),
            model_field("expected_output", "None | str | Unset", default=UNSET),
            model_field(
                "mcp_servers", "list[MCPServerDetails] | None | Unset", default=UNSET
            ),
            model_field("triggering_agent_id", "None | str | Unset", default=UNSET),
            model_field("title", "None | str | Unset", default=UNSET),
            model_field("think_mode", "None | ThinkMode | Unset", default=UNSET),
            model_field(
                "disable_attachment_injection", "bool | None | Unset", default=UNSET
            ),
            model_field("return_metrics", "bool | None | Unset", default=UNSET),
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
            model_field("tokens", "None | Tokens | Unset", default=UNSET),
            model_field("used_tools", "list[str] | None | Unset", default=UNSET),
            model_field("duration", "float | None | Unset", default=UNSET),
            model_field("execution_attempts", "int | None | Unset", default=UNSET),
            model_field("deep_planning", "JsonObject | None | Unset", default=UNSET),
            model_field("should_update_parent", "bool | None | Unset", default=False),
            model_field("is_orchestration", "bool | None | Unset", default=False),
            model_field("is_gateway", "bool | None | Unset", default=False),
            model_field("is_app", "bool | None | Unset", default=False),
            model_field(
                "background_auth_eligible", "bool | None | Unset", default=False
            ),
            model_field("must_deep_plan", "bool | None | Unset", default=False),
            model_field(
                "additional_properties", "dict[str, Any]", init=False, factory=dict
            ),
        )
    )
    __match_args__ = (
        "id",
        "agent_id",
        "organization_id",
        "input_",
        "created_at",
        "status",
        "internal_status",
        "last_executed_node_id",
        "agent_version",
        "started_at",
        "paused_at",
        "finished_at",
        "result",
        "parent_execution",
        "conversation_id",
        "conversation_kind",
        "sub_executions",
        "is_manually_stopped",
        "payload_extension",
        "execution_kind",
        "hitl_request",
        "pending_eca_request",
        "source",
        "voice_id",
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
        "tokens",
        "used_tools",
        "duration",
        "execution_attempts",
        "deep_planning",
        "should_update_parent",
        "is_orchestration",
        "is_gateway",
        "is_app",
        "background_auth_eligible",
        "must_deep_plan",
    )
    __hash__ = None  # mutable and compared by value

    id: str
    agent_id: str
    organization_id: str
    input_: TaskInput
    """ What the agent is asked to do. """
    created_at: datetime.datetime
    status: AgentExecutionStatus | None | Unset
    internal_status: None | str | Unset
    last_executed_node_id: None | str | Unset
    agent_version: None | str | Unset
    started_at: datetime.datetime | None | Unset
    paused_at: datetime.datetime | None | Unset
    finished_at: datetime.datetime | None | Unset
    result: None | str | Unset
    parent_execution: None | str | Unset
    conversation_id: None | str | Unset
    conversation_kind: ConversationKind | None | Unset
    sub_executions: list[str] | None | Unset
    is_manually_stopped: bool | None | Unset
    payload_extension: JsonObject | None | Unset
    execution_kind: None | str | Unset
    hitl_request: HITLRequest | None | Unset
    pending_eca_request: None | PendingECARequest | Unset
    source: None | str | Unset
    voice_id: None | str | Unset
    worker_id: None | str | Unset
    run_locally: bool | None | Unset
    output_format: None | OutputFormat | Unset
    output_schema: JsonObject | None | Unset
    events_streaming: bool | None | Unset
    additional_context: None | str | Unset
    instructions_override: None | str | Unset
    test_run_node_id: None | str | Unset
    user_oidc_token: None | str | Unset
    """ OIDC token for connector pre-auth, echoed back. [secret] """
    expected_output: None | str | Unset
    mcp_servers: list[MCPServerDetails] | None | Unset
    triggering_agent_id: None | str | Unset
    title: None | str | Unset
    think_mode: None | ThinkMode | Unset
    disable_attachment_injection: bool | None | Unset
    return_metrics: bool | None | Unset
    user_tokens: JsonObject | None | Unset
    """ Pre-computed user tokens for MCP auth, echoed back. [secret] """
    tool_call_limit: int | None | Unset
    llm_model_provider: None | str | Unset
    llm_model_name: None | str | Unset
    llm_reasoning_effort: LLMReasoningEffort | None | Unset
    harness_cli: None | str | Unset
    permission_mode: None | str | Unset
    tokens: None | Tokens | Unset
    used_tools: list[str] | None | Unset
    duration: float | None | Unset
    execution_attempts: int | None | Unset
    deep_planning: JsonObject | None | Unset
    should_update_parent: bool | None | Unset
    is_orchestration: bool | None | Unset
    is_gateway: bool | None | Unset
    is_app: bool | None | Unset
    background_auth_eligible: bool | None | Unset
    must_deep_plan: bool | None | Unset
    additional_properties: dict[str, Any]

    def __init__(
        self,
        id: str,
        agent_id: str,
        organization_id: str,
        input: TaskInput,
        created_at: datetime.datetime,
        status: AgentExecutionStatus | None | Unset = UNSET,
        internal_status: None | str | Unset = UNSET,
        last_executed_node_id: None | str | Unset = UNSET,
        agent_version: None | str | Unset = UNSET,
        started_at: datetime.datetime | None | Unset = UNSET,
        paused_at: datetime.datetime | None | Unset = UNSET,
        finished_at: datetime.datetime | None | Unset = UNSET,
        result: None | str | Unset = UNSET,
        parent_execution: None | str | Unset = UNSET,
        conversation_id: None | str | Unset = UNSET,
        conversation_kind: ConversationKind | None | Unset = UNSET,
        sub_executions: list[str] | None | Unset = UNSET,
        is_manually_stopped: bool | None | Unset = UNSET,
        payload_extension: JsonObject | None | Unset = UNSET,
        execution_kind: None | str | Unset = UNSET,
        hitl_request: HITLRequest | None | Unset = UNSET,
        pending_eca_request: None | PendingECARequest | Unset = UNSET,
        source: None | str | Unset = UNSET,
        voice_id: None | str | Unset = UNSET,
        worker_id: None | str | Unset = UNSET,
        run_locally: bool | None | Unset = UNSET,
        output_format: None | OutputFormat | Unset = UNSET,
        output_schema: JsonObject | None | Unset = UNSET,
        events_streaming: bool | None | Unset = UNSET,
        additional_context: None | str | Unset = UNSET,
        instructions_override: None | str | Unset = UNSET,
        test_run_node_id: None | str | Unset = UNSET,
        user_oidc_token: None | str | Unset = UNSET,
        expected_output: None | str | Unset = UNSET,
        mcp_servers: list[MCPServerDetails] | None | Unset = UNSET,
        triggering_agent_id: None | str | Unset = UNSET,
        title: None | str | Unset = UNSET,
        think_mode: None | ThinkMode | Unset = UNSET,
        disable_attachment_injection: bool | None | Unset = UNSET,
        return_metrics: bool | None | Unset = UNSET,
        user_tokens: JsonObject | None | Unset = UNSET,
        tool_call_limit: int | None | Unset = UNSET,
        llm_model_provider: None | str | Unset = UNSET,
        llm_model_name: None | str | Unset = UNSET,
        llm_reasoning_effort: LLMReasoningEffort | None | Unset = UNSET,
        harness_cli: None | str | Unset = UNSET,
        permission_mode: None | str | Unset = UNSET,
        tokens: None | Tokens | Unset = UNSET,
        used_tools: list[str] | None | Unset = UNSET,
        duration: float | None | Unset = UNSET,
        execution_attempts: int | None | Unset = UNSET,
        deep_planning: JsonObject | None | Unset = UNSET,
        should_update_parent: bool | None | Unset = False,
        is_orchestration: bool | None | Unset = False,
        is_gateway: bool | None | Unset = False,
        is_app: bool | None | Unset = False,
        background_auth_eligible: bool | None | Unset = False,
        must_deep_plan: bool | None | Unset = False,
    ) -> None:
        self.id = id
        self.agent_id = agent_id
        self.organization_id = organization_id
        self.input_ = input
        self.created_at = created_at
        self.status = status
        self.internal_status = internal_status
        self.last_executed_node_id = last_executed_node_id
        self.agent_version = agent_version
        self.started_at = started_at
        self.paused_at = paused_at
        self.finished_at = finished_at
        self.result = result
        self.parent_execution = parent_execution
        self.conversation_id = conversation_id
        self.conversation_kind = conversation_kind
        self.sub_executions = sub_executions
        self.is_manually_stopped = is_manually_stopped
        self.payload_extension = payload_extension
        self.execution_kind = execution_kind
        self.hitl_request = hitl_request
        self.pending_eca_request = pending_eca_request
        self.source = source
        self.voice_id = voice_id
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
        self.tokens = tokens
        self.used_tools = used_tools
        self.duration = duration
        self.execution_attempts = execution_attempts
        self.deep_planning = deep_planning
        self.should_update_parent = should_update_parent
        self.is_orchestration = is_orchestration
        self.is_gateway = is_gateway
        self.is_app = is_app
        self.background_auth_eligible = background_auth_eligible
        self.must_deep_plan = must_deep_plan
        self.additional_properties = {}

    def __repr__(self) -> str:
        return (
            f"{self.__class__.__qualname__}("
            f"id={self.id!r}, "
            f"agent_id={self.agent_id!r}, "
            f"organization_id={self.organization_id!r}, "
            f"input_={self.input_!r}, "
            f"created_at={self.created_at!r}, "
            f"status={self.status!r}, "
            f"internal_status={self.internal_status!r}, "
            f"last_executed_node_id={self.last_executed_node_id!r}, "
            f"agent_version={self.agent_version!r}, "
            f"started_at={self.started_at!r}, "
            f"paused_at={self.paused_at!r}, "
            f"finished_at={self.finished_at!r}, "
            f"result={self.result!r}, "
            f"parent_execution={self.parent_execution!r}, "
            f"conversation_id={self.conversation_id!r}, "
            f"conversation_kind={self.conversation_kind!r}, "
            f"sub_executions={self.sub_executions!r}, "
            f"is_manually_stopped={self.is_manually_stopped!r}, "
            f"payload_extension={self.payload_extension!r}, "
            f"execution_kind={self.execution_kind!r}, "
            f"hitl_request={self.hitl_request!r}, "
            f"pending_eca_request={self.pending_eca_request!r}, "
            f"source={self.source!r}, "
            f"voice_id={self.voice_id!r}, "
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
            f"permission_mode={self.permission_mode!r}, "
            f"tokens={self.tokens!r}, "
            f"used_tools={self.used_tools!r}, "
            f"duration={self.duration!r}, "
            f"execution_attempts={self.execution_attempts!r}, "
            f"deep_planning={self.deep_planning!r}, "
            f"should_update_parent={self.should_update_parent!r}, "
            f"is_orchestration={self.is_orchestration!r}, "
            f"is_gateway={self.is_gateway!r}, "
            f"is_app={self.is_app!r}, "
            f"background_auth_eligible={self.background_auth_eligible!r}, "
            f"must_deep_plan={self.must_deep_plan!r}"
            ")"
        )

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return (
            self.id == other.id
            and self.agent_id == other.agent_id
            and self.organization_id == other.organization_id
            and self.input_ == other.input_
            and self.created_at == other.created_at
            and self.status == other.status
            and self.internal_status == other.internal_status
            and self.last_executed_node_id == other.last_executed_node_id
            and self.agent_version == other.agent_version
            and self.started_at == other.started_at
            and self.paused_at == other.paused_at
            and self.finished_at == other.finished_at
            and self.result == other.result
            and self.parent_execution == other.parent_execution
            and self.conversation_id == other.conversation_id
            and self.conversation_kind == other.conversation_kind
            and self.sub_executions == other.sub_executions
            and self.is_manually_stopped == other.is_manually_stopped
            and self.payload_extension == other.payload_extension
            and self.execution_kind == other.execution_kind
            and self.hitl_request == other.hitl_request
            and self.pending_eca_request == other.pending_eca_request
            and self.source == other.source
            and self.voice_id == other.voice_id
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
            and self.tokens == other.tokens
            and self.used_tools == other.used_tools
            and self.duration == other.duration
            and self.execution_attempts == other.execution_attempts
            and self.deep_planning == other.deep_planning
            and self.should_update_parent == other.should_update_parent
            and self.is_orchestration == other.is_orchestration
            and self.is_gateway == other.is_gateway
            and self.is_app == other.is_app
            and self.background_auth_eligible == other.background_auth_eligible
            and self.must_deep_plan == other.must_deep_plan
            and self.additional_properties == other.additional_properties
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
                status_type_0 = AgentExecutionStatus._value2member_map_.get(
                    _enum_value := status
                ) or AgentExecutionStatus(_enum_value)

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
                conversation_kind_type_0 = ConversationKind._value2member_map_.get(
                    _enum_value := conversation_kind
                ) or ConversationKind(_enum_value)

                conversation_kind = conversation_kind_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass

        sub_executions = d.pop("sub_executions", UNSET)
        if isinstance(sub_executions, list):
            try:
                sub_executions_type_0: list[str] = sub_executions

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
                think_mode_type_0 = ThinkMode._value2member_map_.get(
                    _enum_value := think_mode
                ) or ThinkMode(_enum_value)

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
                llm_reasoning_effort_type_0 = LLMReasoningEffort._value2member_map_.get(
                    _enum_value := llm_reasoning_effort
                ) or LLMReasoningEffort(_enum_value)

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
                used_tools_type_0: list[str] = used_tools

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
