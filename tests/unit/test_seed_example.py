"""The seed page's example runs unchanged but for the import line (async and sync)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from support import API_KEY, echo_handler, spec_checked

# The code of shared/seed/tasks-create.md; only the import line differs.
SEED_EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "seed_example.py").read_text()


async def test_seed_example_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    requests: list[httpx.Request] = []
    transport = spec_checked(echo_handler(requests))
    # The example builds its own client from the environment: route its pools to the mock.
    monkeypatch.setenv("XPANDER_API_KEY", API_KEY)
    monkeypatch.setattr(
        httpx.AsyncClient, "__init__", _with_transport(httpx.AsyncClient.__init__, transport)
    )
    monkeypatch.setattr(httpx.Client, "__init__", _with_transport(httpx.Client.__init__, transport))
    namespace: dict[str, object] = {}
    exec(compile(SEED_EXAMPLE, "seed-example", "exec"), namespace)
    await namespace["main"]()  # type: ignore[operator]

    lines = capsys.readouterr().out.splitlines()
    assert lines == ["7f1c2a9e-3b4d-4e5f-8a6b-1c2d3e4f5a6b pending"] * 2
    first, second = (json.loads(request.content) for request in requests)
    assert first["input"] == {
        "text": "Summarize the latest sales report",
        "files": ["https://example.com/sales.csv"],
        "user": None,
    }
    assert second["input"]["text"] == "Hello!"
    assert all(request.headers["x-api-key"] == API_KEY for request in requests)


def _with_transport(init, transport):  # type: ignore[no-untyped-def]
    def patched(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        kwargs["transport"] = transport
        init(self, *args, **kwargs)

    return patched
