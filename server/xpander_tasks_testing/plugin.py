"""The pytest plugin of the testing kit: the `xpander_server` fixture and its settings.

Settings (ini options, e.g. in `pyproject.toml` under `[tool.pytest.ini_options]`):
`xpander_server_scope` is how long one server lives: `function` (the default: a new server
for each test), `module`, `package` or `session` (one per xdist worker); the script, the
recorded creates, the client and the environment are per test whatever the scope.
`xpander_step_delay` is the seconds a default task stays pending, then executing (0.05).
Clients under the fixture poll a task every `POLL_INTERVAL` seconds (`XPANDER_POLL_INTERVAL`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from xpander_tasks_server import LocalTaskServer
    from xpander_tasks_testing import XpanderServer

_SCOPES = ("function", "class", "module", "package", "session")
# The local server answers at once: a test's `wait()` need not spend the SDK's second a task.
POLL_INTERVAL = 0.05


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addini(
        "xpander_server_scope",
        "how long one local task server of `xpander_server` lives (function)",
        default="function",
    )
    parser.addini(
        "xpander_step_delay",
        "seconds a default task of `xpander_server` stays pending, then executing (0.05)",
        default="0.05",
    )


def _server_scope(fixture_name: str, config: pytest.Config) -> str:
    scope = str(config.getini("xpander_server_scope"))
    if scope not in _SCOPES:
        raise pytest.UsageError(
            f"xpander_server_scope must be one of {', '.join(_SCOPES)}, not {scope!r}"
        )
    return scope


@pytest.fixture(scope=_server_scope)  # type: ignore[arg-type]
def xpander_local_server(pytestconfig: pytest.Config) -> Iterator[LocalTaskServer]:
    """The running local task server behind `xpander_server` (lives `xpander_server_scope`)."""
    try:
        from xpander_tasks_server import LocalTaskServer  # noqa: PLC0415
    except ImportError as exc:  # the plugin is installed with the client, the server is an extra
        raise pytest.UsageError(
            "the xpander_server fixture needs the local task server: "
            f"pip install 'xpander-tasks[testing]' ({exc})"
        ) from None
    try:
        step_delay = float(pytestconfig.getini("xpander_step_delay"))
    except ValueError:
        raise pytest.UsageError("xpander_step_delay must be a number of seconds") from None
    with LocalTaskServer(step_delay=step_delay) as server:
        yield server


@pytest.fixture
def xpander_server(
    xpander_local_server: LocalTaskServer, monkeypatch: pytest.MonkeyPatch
) -> Iterator[XpanderServer]:
    """A local task server for this test, a `Tasks` for it, and the environment pointing at it.

    See `xpander_tasks_testing.XpanderServer` for the scripting; the script starts empty.
    """
    import httpx  # noqa: PLC0415

    from xpander_tasks import Tasks  # noqa: PLC0415
    from xpander_tasks_testing._kit import XpanderServer  # noqa: PLC0415

    server = xpander_local_server
    server.script.clear()
    monkeypatch.setenv("XPANDER_API_KEY", server.api_key)
    monkeypatch.setenv("XPANDER_BASE_URL", server.url)
    monkeypatch.setenv("XPANDER_ORGANIZATION_ID", server.organization_id)
    monkeypatch.setenv("XPANDER_POLL_INTERVAL", str(POLL_INTERVAL))
    # Async calls open no keep-alive connections: each async test has its own event loop,
    # and a pooled connection would outlive it (unclosable, a ResourceWarning).
    async_pool = httpx.AsyncClient(limits=httpx.Limits(max_keepalive_connections=0))
    tasks = Tasks(
        server.api_key,
        base_url=server.url,
        organization_id=server.organization_id,
        async_http_client=async_pool,
        poll_interval=POLL_INTERVAL,
    )
    try:
        yield XpanderServer(server, tasks)
    finally:
        tasks.close()
        server.script.clear()
