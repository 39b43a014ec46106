"""The headers `extra_headers` may not replace are the client's own, derived from the spec
(its API key scheme, its header parameters) and HTTP's framing: no second list of them."""

from __future__ import annotations

import copy
import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from xpander_tasks import InvalidArgumentError
from xpander_tasks._params import _OWN_HEADERS, _TRANSPORT_HEADERS, call_options

ROOT = Path(__file__).resolve().parents[2]
SPEC: dict[str, Any] = yaml.safe_load((ROOT / "openapi.yaml").read_text())


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "spec_extensions_script", ROOT / ".ci" / "spec_extensions.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCRIPT = _script()


def test_the_own_headers_are_the_specs_and_the_transports() -> None:
    (scheme,) = SPEC["components"]["securitySchemes"].values()
    from_spec = {scheme["name"], "x-agent-version", "last-event-id"}
    assert from_spec <= _OWN_HEADERS
    assert from_spec == _OWN_HEADERS - _TRANSPORT_HEADERS


def test_a_renamed_key_header_in_a_copy_of_the_spec_is_derived() -> None:
    spec = copy.deepcopy(SPEC)
    spec["components"]["securitySchemes"]["ApiKeyAuth"]["name"] = "X-Org-Key"
    spec["components"]["parameters"]["AgentVersion"]["name"] = "X-Pinned-Version"
    assert SCRIPT.api_key_header(spec) == "x-org-key"
    assert "x-pinned-version" in SCRIPT.header_parameters(spec)
    assert "x-agent-version" not in SCRIPT.header_parameters(spec)


@pytest.mark.parametrize("header", ["X-Api-Key", "X-Agent-Version", "Last-Event-ID"])
def test_an_extra_header_may_not_replace_a_spec_header(header: str) -> None:
    with pytest.raises(InvalidArgumentError, match="set by the client"):
        call_options(extra_headers={header: "value"})
