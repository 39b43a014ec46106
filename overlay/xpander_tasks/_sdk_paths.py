"""The published SDK's module paths, so that a program migrated by replacing `xpander_sdk`
with `xpander_tasks` keeps its imports: `from xpander_tasks.models.shared import ThinkMode`.

`SDK_MODULES` is the one table: each module of xpander-sdk 2.0.537 that defines or imports a
name this package offers, and those names. A finder on `sys.meta_path` makes each module on
first import, its names this package's own objects; nothing is loaded before.
"""

from __future__ import annotations

import importlib.machinery
import sys
from types import ModuleType
from typing import TYPE_CHECKING, Final, cast

if TYPE_CHECKING:
    import importlib.abc

_PACKAGE: Final = __name__.rpartition(".")[0]

# Module (under the package) -> the names the SDK offers there. Read from the SDK's package
# tree: the modules defining each name, and those of its root, `models`, `exceptions`,
# `modules.tasks` and `modules.agents` that import it.
SDK_MODULES: Final[dict[str, tuple[str, ...]]] = {
    "exceptions.module_exception": ("ModuleException",),
    "models.activity": ("User",),
    "models.compactization": ("AgentExecutionInput",),
    "models.configuration": ("Configuration",),
    "models.events": ("TaskUpdateEventType",),
    "models.orchestrations": ("OutputFormat",),
    "models.principal": ("Principal", "PrincipalKind"),
    "models.shared": ("OutputFormat", "ThinkMode", "Tokens"),
    "models.user": ("User",),
    "modules.agents.agents_module": (
        "Agent", "Agents", "AgentsListItem", "Configuration", "ModuleException",
    ),
    "modules.agents.models.agent": ("AgentStatus", "LLMReasoningEffort", "MCPServerDetails"),
    "modules.agents.models.agent_list": ("Agent", "AgentStatus", "AgentsListItem", "Configuration"),
    "modules.agents.sub_modules.agent": (
        "Agent", "AgentExecutionInput", "AgentStatus", "AttachmentRef", "Configuration",
        "LLMReasoningEffort", "MCPServerDetails", "ModuleException", "OutputFormat",
        "Principal", "Task", "ThinkMode", "User",
    ),
    "modules.tasks.models.task": (
        "AgentExecutionInput", "AgentExecutionStatus", "AttachmentKind", "AttachmentRef",
        "OutputFormat", "Principal", "Tokens", "User",
    ),
    "modules.tasks.models.tasks_list": (
        "AgentExecutionStatus", "Configuration", "Task", "TasksListItem",
    ),
    "modules.tasks.sub_modules.task": (
        "AgentExecutionInput", "AgentExecutionStatus", "Configuration", "LLMReasoningEffort",
        "MCPServerDetails", "MessageIdentity", "ModuleException", "OutputFormat", "Task",
        "TaskUpdateEvent", "TaskUpdateEventType", "ThinkMode", "Tokens",
    ),
    "modules.tasks.tasks_module": (
        "AgentExecutionInput", "AgentExecutionStatus", "Configuration", "LLMReasoningEffort",
        "MCPServerDetails", "ModuleException", "OutputFormat", "Principal", "Task", "Tasks",
        "TasksListItem", "ThinkMode", "User",
    ),
    "modules.tasks.utils.files": ("ModuleException",),
    "modules.tools_repository.models.mcp": (
        "MCPServerAuthType", "MCPServerDetails", "MCPServerSSOTokenMode", "MCPServerTransport",
        "MCPServerType",
    ),
}  # fmt: skip

# The SDK's names of models this package offers under the spec's names.
_MODEL_NAMES: Final = {"AgentExecutionInput": "TaskInput", "MessageIdentity": "EventIdentity"}

# Every module above the table's: packages, as the SDK's are.
_PACKAGES: Final = frozenset(
    module.rsplit(".", depth)[0]
    for module in SDK_MODULES
    for depth in range(1, module.count(".") + 1)
)


def _public(name: str) -> object:
    model = _MODEL_NAMES.get(name)
    if model is not None:
        from xpander_tasks_api import models  # noqa: PLC0415  (loaded with the package)

        return getattr(models, model)
    return getattr(sys.modules[_PACKAGE], name)


class _SDKPathFinder:
    """Finds `xpander_tasks.<an SDK module path>` and makes it from `SDK_MODULES` (a
    meta path finder and its loader, by their protocols: importlib.abc costs import time)."""

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> importlib.machinery.ModuleSpec | None:
        module = fullname.removeprefix(f"{_PACKAGE}.")
        if module == fullname or (module not in SDK_MODULES and module not in _PACKAGES):
            return None
        loader = cast("importlib.abc.Loader", self)
        return importlib.machinery.ModuleSpec(fullname, loader, is_package=module in _PACKAGES)

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> None:
        return None  # the default module

    def exec_module(self, module: ModuleType) -> None:
        names = SDK_MODULES.get(module.__name__.removeprefix(f"{_PACKAGE}."), ())
        for name in names:
            setattr(module, name, _public(name))
        vars(module)["__all__"] = list(names)


_FINDER: Final = _SDKPathFinder()


def install() -> None:
    """Put the finder last on `sys.meta_path` (a real module always wins), once."""
    if _FINDER not in sys.meta_path:
        sys.meta_path.append(_FINDER)
