"""Import cost: a fresh `python -c "import xpander_tasks"` against `import httpx`, its floor;
and the time to a first task (import, then one create against the local server) beside it.

Wall time and peak RSS over alternating rounds; instructions (the whole child process under
callgrind, startup included on both sides) when valgrind is installed.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from _measure import PRINT_PEAK_RSS_KIB, ChildRun, Comparison, alternate, run_child
from _workload import API_KEY, SEED_ARGUMENTS

_TOTALS = re.compile(r"^(?:summary|totals):\s*(\d+)", re.MULTILINE)

# The first task, ours and raw httpx's: `{url}` is the local server's.
FIRST_TASK = {
    "ours": (
        "from xpander_tasks import Tasks\n"
        "Tasks(api_key={key!r}, base_url={url!r}).create(**{arguments!r})\n"
    ),
    "raw": (
        "import httpx\n"
        "answer = httpx.post({url!r} + '/agent-execution/' + {agent!r}, "
        "json={{'input': {{'text': {prompt!r}, 'files': {files!r}}}}}, "
        "headers={{'x-api-key': {key!r}}})\n"
        "answer.raise_for_status(); answer.json()\n"
    ),
}


def _environment(bytecode_cache: str) -> dict[str, str]:
    # Bytecode compiled once into a cache of our own, as an installed package would have it:
    # whatever PYTHONDONTWRITEBYTECODE says, and without writing into the source tree.
    environment = {**os.environ, "PYTHONPYCACHEPREFIX": bytecode_cache, "PYTHONHASHSEED": "0"}
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    return environment


def _importing(python: str, module: str, bytecode_cache: str) -> ChildRun:
    argv = [python, "-c", f"import {module}\n{PRINT_PEAK_RSS_KIB}"]
    return run_child(argv, _environment(bytecode_cache))


def _first_task(python: str, side: str, url: str, bytecode_cache: str) -> ChildRun:
    code = FIRST_TASK[side].format(
        key=API_KEY,
        url=url,
        arguments=SEED_ARGUMENTS,
        agent=SEED_ARGUMENTS["agent_id"],
        prompt=SEED_ARGUMENTS["prompt"],
        files=SEED_ARGUMENTS["file_urls"],
    )
    return run_child([python, "-c", code], _environment(bytecode_cache))


def _instructions(python: str, module: str, bytecode_cache: str) -> float | None:
    valgrind = shutil.which("valgrind")
    if valgrind is None:
        return None
    with tempfile.TemporaryDirectory() as directory:
        out = Path(directory) / "cg.out"
        argv = [valgrind, "--tool=callgrind", f"--callgrind-out-file={out}", python]
        run_child([*argv, "-c", f"import {module}"], _environment(bytecode_cache))
        found = _TOTALS.search(out.read_text(errors="replace"))
        return float(found.group(1)) if found else None


def _peak_rss_mib(run: ChildRun) -> float:
    return int(run.stdout) / 1024


def run(rounds: int, python: str, url: str) -> tuple[list[Comparison], list[str]]:
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as cache:
        for module in ("httpx", "xpander_tasks"):  # compile, and warm the page cache
            _importing(python, module, cache)
        ours, baseline = alternate(
            rounds,
            lambda: _importing(python, "xpander_tasks", cache),
            lambda: _importing(python, "httpx", cache),
        )
        first_ours, first_raw = alternate(
            rounds,
            lambda: _first_task(python, "ours", url, cache),
            lambda: _first_task(python, "raw", url, cache),
        )
        instructions = [_instructions(python, m, cache) for m in ("xpander_tasks", "httpx")]
    results = [
        Comparison(
            "import: wall time",
            "ms",
            [run.seconds * 1000 for run in ours],
            [run.seconds * 1000 for run in baseline],
            better="lower",
        ),
        Comparison(
            "import: peak RSS",
            "MiB",
            [_peak_rss_mib(run) for run in ours],
            [_peak_rss_mib(run) for run in baseline],
            better="lower",
        ),
        Comparison(
            "first task: import + create (wall)",
            "ms",
            [run.seconds * 1000 for run in first_ours],
            [run.seconds * 1000 for run in first_raw],
            better="lower",
        ),
    ]
    ours_instructions, httpx_instructions = instructions
    if ours_instructions is None or httpx_instructions is None:
        notes.append("import instruction row skipped: valgrind is not installed")
    else:
        results.append(
            Comparison(
                "import: instructions",
                "instr",
                [ours_instructions],
                [httpx_instructions],
                better="lower",
                goal=1.3,
            )
        )
    return results, notes
