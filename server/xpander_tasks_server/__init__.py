"""A local stand-in for the xpander.ai task API, driven by `openapi.yaml`, for tests and fuzzing.

The names below load on first use, so that the package imports without the `[server]` extra
and `xpander-tasks-server` can say what to install.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
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
    from xpander_tasks_server._spec import Spec, SpecError, load_spec, spec_path

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
    "SpecError",
    "StreamDrop",
    "counters_of",
    "create_app",
    "load_spec",
    "spec_path",
]

# The modules defining the names of `__all__`, as imported above for type checkers.
_MODULES = ("_app", "_faults", "_lifecycle", "_script", "_serve", "_service", "_spec")


def __getattr__(name: str) -> object:
    if name in __all__:
        for module in _MODULES:
            namespace = vars(importlib.import_module(f"{__name__}.{module}"))
            if name in namespace:
                globals()[name] = namespace[name]
                return namespace[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
