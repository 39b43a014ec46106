"""The harness that runs a program under the published SDK and under ours."""

from __future__ import annotations

from pathlib import Path

from published_sdk import as_ours, run_both
from support import TaskServerFactory

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_as_ours_changes_only_the_package_name() -> None:
    program = "from xpander_sdk.models import ThinkMode\nimport xpander_sdk\n"
    assert as_ours(program) == "from xpander_tasks.models import ThinkMode\nimport xpander_tasks\n"


def test_the_example_program_prints_the_same_under_both_clients(
    make_task_server: TaskServerFactory,
) -> None:
    program = (EXAMPLES / "sdk_program.py").read_text()
    theirs, ours = run_both(program, make_task_server)
    assert theirs.returncode == 0, theirs.stderr
    assert ours.returncode == 0, ours.stderr
    # Ids differ from run to run; every other word is the same.
    assert [line.split()[0] for line in ours.lines] == [line.split()[0] for line in theirs.lines]
    assert ours.lines[1:] == theirs.lines[1:]
    assert ours.lines[-1] == "all calls done"
