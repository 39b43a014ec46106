"""A local stand-in for the xpander.ai task API, driven by `openapi.yaml`, for tests and fuzzing."""

from xpander_tasks_server._app import (
    DEFAULT_AGENTS,
    DEFAULT_ORGANIZATION_ID,
    DEFAULT_STEP_DELAY,
    counters_of,
    create_app,
)
from xpander_tasks_server._faults import REQUEST_ID_HEADER, Fault, ReceivedCreate, StreamDrop
from xpander_tasks_server._lifecycle import UNKNOWN_EVENT_MARKER, UNKNOWN_EVENT_TYPE
from xpander_tasks_server._script import AgentBehaviour, Script
from xpander_tasks_server._serve import LocalTaskServer
from xpander_tasks_server._service import Counters
from xpander_tasks_server._spec import Spec, load_spec, spec_path

__all__ = [
    "DEFAULT_AGENTS",
    "DEFAULT_ORGANIZATION_ID",
    "DEFAULT_STEP_DELAY",
    "REQUEST_ID_HEADER",
    "UNKNOWN_EVENT_MARKER",
    "UNKNOWN_EVENT_TYPE",
    "AgentBehaviour",
    "Counters",
    "Fault",
    "LocalTaskServer",
    "ReceivedCreate",
    "Script",
    "Spec",
    "StreamDrop",
    "counters_of",
    "create_app",
    "load_spec",
    "spec_path",
]
