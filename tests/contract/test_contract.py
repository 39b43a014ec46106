"""openapi.yaml against the server in-process: schemathesis with the same settings as `nox -s fuzz`.

A quick pass for plain `pytest`; `nox -s fuzz` runs the long one over real HTTP.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.config import SchemathesisConfig

from xpander_tasks_server import create_app, spec_path

API_KEY = "contract-test-key"


def _config() -> SchemathesisConfig:
    """tests/schemathesis.toml with this test's key in place of XPANDER_API_KEY."""
    data = tomllib.loads((Path(__file__).resolve().parents[1] / "schemathesis.toml").read_text())
    data["auth"]["openapi"]["ApiKeyAuth"]["api_key"] = API_KEY
    return SchemathesisConfig.from_dict(data)


schema = schemathesis.openapi.from_path(spec_path(), config=_config())
schema.app = create_app(api_keys=[API_KEY], step_delay=0.01)


# Derandomized: the same cases every run, so a red run is reproducible and CI cannot turn red
# on a new random find (`nox -s fuzz -- --seed N` explores further).
SETTINGS = settings(
    derandomize=True, database=None, deadline=None, suppress_health_check=list(HealthCheck)
)


@schema.parametrize()
@settings(SETTINGS, max_examples=25)
def test_each_operation_keeps_the_contract(case: schemathesis.Case) -> None:
    case.call_and_validate()


# Create a task, then follow the spec's links: read it back, stream its events, update, stop
# and list it.
Workflow = schema.as_state_machine()
Workflow.TestCase.settings = settings(SETTINGS, max_examples=15, stateful_step_count=5)
TestLinkedCalls = Workflow.TestCase
