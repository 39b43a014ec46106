"""Anchors, optional: openai-python and the published xpander SDK, each against its own raw
httpx floor (raw (b): a shared client posting the body dict with `json=`), measured the same
way as ours. Installed only by `nox -s bench`, never a dependency of the project: when one
is missing or fails, its row is skipped with a note.

openai-python runs on an `httpx.MockTransport` (its own `http_client`), as ours does in
`bench_overhead`. The published SDK opens an httpx client per call, so no transport can be
given to it: it runs against the local task server, beside ours and raw (b) on that server.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

import httpx
from _measure import Comparison, alternate
from _workload import API_KEY, MOCK_BASE_URL, SEED_ARGUMENTS, raw_request

from xpander_tasks import Tasks

_CHAT = {"model": "gpt-5", "messages": [{"role": "user", "content": SEED_ARGUMENTS["prompt"]}]}
_COMPLETION = json.dumps(
    {
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "created": 1764547200,
        "model": "gpt-5",
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": "Sales rose 4%."},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13},
    }
).encode()


def _us_per_call(call: Callable[[], object], calls: int) -> float:
    started = time.perf_counter()
    for _ in range(calls):
        call()
    return (time.perf_counter() - started) / calls * 1e6


def _compare(
    name: str, ours: Callable[[], object], raw: Callable[[], object], rounds: int, calls: int
) -> Comparison:
    for call in (ours, raw):
        _us_per_call(call, 5)
    results = alternate(rounds, lambda: _us_per_call(ours, calls), lambda: _us_per_call(raw, calls))
    return Comparison(name, "us/call", *results, better="lower")


def _openai(rounds: int, calls: int) -> Comparison:
    import openai

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=_COMPLETION, headers={"content-type": "application/json"}
        )

    def client() -> httpx.Client:
        return httpx.Client(transport=httpx.MockTransport(answer), base_url=MOCK_BASE_URL)

    sdk = openai.OpenAI(api_key=API_KEY, base_url=MOCK_BASE_URL, http_client=client())
    raw_client = client()

    def raw() -> Any:
        body = {"model": _CHAT["model"], "messages": list(_CHAT["messages"])}
        headers = {"authorization": f"Bearer {API_KEY}"}
        return json.loads(raw_client.post("/chat/completions", json=body, headers=headers).content)

    return _compare(
        f"anchor: openai {openai.__version__} / raw (b), mock",
        lambda: sdk.chat.completions.create(**_CHAT),
        raw,
        rounds,
        calls,
    )


def _raw_on(url: str) -> Callable[[], Any]:
    client = httpx.Client(base_url=url)

    def raw() -> Any:
        path, body, headers = raw_request(SEED_ARGUMENTS)
        response = client.post(path, json=body, headers=headers)
        response.raise_for_status()
        return json.loads(response.content)

    return raw


def _xpander_sdk(rounds: int, calls: int, url: str) -> Comparison:
    import xpander_sdk

    configuration = xpander_sdk.Configuration(
        api_key=API_KEY, organization_id="org-1", base_url=url
    )
    sdk = xpander_sdk.Tasks(configuration=configuration)
    version = getattr(xpander_sdk, "__version__", "")
    return _compare(
        f"anchor: xpander-sdk {version} / raw (b), loopback".replace("  ", " "),
        lambda: sdk.create(**SEED_ARGUMENTS),
        _raw_on(url),
        rounds,
        calls,
    )


def _ours_on(rounds: int, calls: int, url: str) -> Comparison:
    tasks = Tasks(api_key=API_KEY, base_url=url)
    comparison = _compare(
        "anchor: ours / raw (b), loopback",
        lambda: tasks.create(**SEED_ARGUMENTS),
        _raw_on(url),
        rounds,
        calls,
    )
    tasks.close()
    return comparison


def run(rounds: int, calls: int, url: str) -> tuple[list[Comparison], list[str]]:
    comparisons = [_ours_on(rounds, calls, url)]
    notes = []
    for name, measure in (
        ("openai-python", lambda: _openai(rounds, calls)),
        ("xpander-sdk", lambda: _xpander_sdk(rounds, calls, url)),
    ):
        try:
            comparisons.append(measure())
        except ImportError as error:
            notes.append(f"anchor {name} skipped: not installed ({error.name})")
        except Exception as error:  # an anchor that breaks skips its row, not the run
            notes.append(f"anchor {name} skipped: {type(error).__name__}: {error}"[:300])
    return comparisons, notes
