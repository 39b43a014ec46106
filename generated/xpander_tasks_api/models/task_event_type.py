from enum import StrEnum


class TaskEventType(StrEnum):
    Analyze = "analyze"
    ANALYZE = "analyze"
    AuthEvent = "auth_event"
    AUTH_EVENT = "auth_event"
    Chunk = "chunk"
    CHUNK = "chunk"
    Connected = "connected"
    CONNECTED = "connected"
    PlanUpdated = "plan_updated"
    PLAN_UPDATED = "plan_updated"
    SubAgentTrigger = "sub_agent_trigger"
    SUB_AGENT_TRIGGER = "sub_agent_trigger"
    TaskCreated = "task_created"
    TASK_CREATED = "task_created"
    TaskFinished = "task_finished"
    TASK_FINISHED = "task_finished"
    TaskUpdated = "task_updated"
    TASK_UPDATED = "task_updated"
    Think = "think"
    THINK = "think"
    ToolCallRequest = "tool_call_request"
    TOOL_CALL_REQUEST = "tool_call_request"
    ToolCallResult = "tool_call_result"
    TOOL_CALL_RESULT = "tool_call_result"

    def __str__(self) -> str:
        return str(self.value)
