"""The client's default poll interval: `Tasks(poll_interval=...)`, `Configuration`, or
`XPANDER_POLL_INTERVAL`, used by `wait()` / `await_completion()` when a call gives none;
the testing kit sets it so that code under the `xpander_server` fixture polls fast."""

from __future__ import annotations

import asyncio
import os
import time

import pytest

import xpander_tasks._wait
from xpander_tasks import Configuration, ConfigurationError, InvalidArgumentError, Tasks
from xpander_tasks_testing import XpanderServer

pytestmark = pytest.mark.timeout(60)

KIT_POLL_INTERVAL = 0.05


@pytest.fixture
def no_poll_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XPANDER_POLL_INTERVAL", raising=False)


@pytest.mark.usefixtures("no_poll_env")
def test_nothing_set_keeps_the_published_sdks_second() -> None:
    assert Tasks("key").config.poll_interval == 1.0


def test_the_argument_then_the_configuration_then_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XPANDER_POLL_INTERVAL", " 0.25\n")
    assert Tasks("key").config.poll_interval == 0.25
    assert Tasks(Configuration(api_key="key", poll_interval=0.5)).config.poll_interval == 0.5
    given = Configuration(api_key="key", poll_interval=0.5)
    assert Tasks(given, poll_interval=2).config.poll_interval == 2


@pytest.mark.parametrize("text", ["0", "-1", "soon", "nan", "inf", "1e9", "1s"])
def test_a_bad_environment_value_is_a_configuration_error_naming_it(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    monkeypatch.setenv("XPANDER_POLL_INTERVAL", text)
    with pytest.raises(ConfigurationError, match="XPANDER_POLL_INTERVAL") as raised:
        Tasks("key")
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.usefixtures("no_poll_env")
@pytest.mark.parametrize("value", [0, -1, True, "1", float("nan"), 1e9])
def test_a_bad_argument_is_refused_naming_it(value: object) -> None:
    with pytest.raises(InvalidArgumentError, match="poll_interval") as raised:
        Tasks("key", poll_interval=value)  # type: ignore[arg-type]
    assert raised.value.parameter == "poll_interval"
    with pytest.raises(InvalidArgumentError, match="poll_interval"):
        Tasks(Configuration(api_key="key", poll_interval=value))  # type: ignore[arg-type]


def test_the_kit_sets_it_for_its_client_and_the_apps_own(xpander_server: XpanderServer) -> None:
    assert os.environ["XPANDER_POLL_INTERVAL"] == str(KIT_POLL_INTERVAL)
    assert xpander_server.tasks.config.poll_interval == KIT_POLL_INTERVAL
    with Tasks() as own:
        assert own.config.poll_interval == KIT_POLL_INTERVAL


def _record_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    slept: list[float] = []
    real_sleep = time.sleep

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        real_sleep(seconds)

    monkeypatch.setattr(xpander_tasks._wait.time, "sleep", sleep)
    return slept


def _record_async_sleeps(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """Every `asyncio.sleep`'s seconds (the client's waits among the event loop's own)."""
    slept: list[float] = []
    real_sleep = asyncio.sleep

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await real_sleep(seconds)

    monkeypatch.setattr(asyncio, "sleep", sleep)
    return slept


def test_wait_polls_at_the_clients_interval_unless_the_call_gives_one(
    xpander_server: XpanderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    xpander_server.agent("polled", executing=0.3)
    slept = _record_sleeps(monkeypatch)
    with Tasks() as own:  # the app's own client, from the environment the kit exported
        own.create(agent_id="polled", prompt="go").wait(timeout=30)
        assert slept and set(slept) == {KIT_POLL_INTERVAL}
        slept.clear()
        own.create(agent_id="polled", prompt="go").wait(timeout=30, poll_interval=0.1)
        assert slept and set(slept) == {0.1}


async def test_await_completion_polls_at_the_clients_interval(
    xpander_server: XpanderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    xpander_server.agent("polled", executing=0.3)
    slept = _record_async_sleeps(monkeypatch)
    async with Tasks() as own:
        task = await own.acreate(agent_id="polled", prompt="go")
        await task.await_completion(timeout=30)
    assert task.status is not None and task.status.value == "completed"
    assert KIT_POLL_INTERVAL in slept and 1.0 not in slept


async def test_a_batch_polls_at_the_clients_interval_unless_given_one(
    xpander_server: XpanderServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    slept = _record_async_sleeps(monkeypatch)
    xpander_server.agent("polled", executing=0.3)
    async with Tasks() as own:
        outcomes = [o async for o in own.abatch([{"prompt": "a"}], agent_id="polled")]
        assert [o.result for o in outcomes] == ["Completed: a"]
        assert KIT_POLL_INTERVAL in slept and 1.0 not in slept
        slept.clear()
        given = [
            o async for o in own.abatch([{"prompt": "b"}], agent_id="polled", poll_interval=0.2)
        ]
        assert len(given) == 1 and 0.2 in slept and KIT_POLL_INTERVAL not in slept
