"""Comparing ours with a baseline: alternating rounds, medians, ratios and child processes."""

from __future__ import annotations

import statistics
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, TypeVar

Better = Literal["lower", "higher"]
T = TypeVar("T")


@dataclass(frozen=True)
class Comparison:
    """One metric measured for ours and for its baseline, round by round.

    `goal` bounds the ratio ours / baseline; `limit` bounds ours's own median, in `unit`, for
    metrics near zero where a ratio means nothing. Without either, the metric only informs.
    """

    name: str
    unit: str
    ours: list[float]
    baseline: list[float]
    better: Better
    goal: float | None = None
    limit: float | None = None

    @property
    def ours_median(self) -> float:
        return statistics.median(self.ours)

    @property
    def baseline_median(self) -> float:
        return statistics.median(self.baseline)

    @property
    def ratio(self) -> float | None:
        if self.baseline_median == 0:
            return None
        return self.ours_median / self.baseline_median

    def _within(self, value: float | None, bound: float) -> bool:
        if value is None:
            return False
        return value <= bound if self.better == "lower" else value >= bound

    @property
    def goal_text(self) -> str | None:
        sign = "<=" if self.better == "lower" else ">="
        parts = [] if self.goal is None else [f"ratio {sign} {self.goal}"]
        parts += [] if self.limit is None else [f"ours {sign} {self.limit} {self.unit}"]
        return ", ".join(parts) or None

    @property
    def met(self) -> bool | None:
        checks = [] if self.goal is None else [self._within(self.ratio, self.goal)]
        checks += [] if self.limit is None else [self._within(self.ours_median, self.limit)]
        return all(checks) if checks else None

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit,
            "better": self.better,
            "ours": {"median": self.ours_median, "samples": self.ours},
            "baseline": {"median": self.baseline_median, "samples": self.baseline},
            "ratio": self.ratio,
            "goal": self.goal_text,
            "met": self.met,
        }

    def line(self) -> str:
        ratio = "  n/a" if self.ratio is None else f"{self.ratio:5.2f}"
        goal = "" if self.goal_text is None else f"  goal {self.goal_text}"
        verdict = {None: "", True: ": ok", False: ": MISSED"}[self.met]
        return (
            f"  {self.name:<36} ours {_number(self.ours_median):>8}  "
            f"baseline {_number(self.baseline_median):>8} {self.unit:<8} "
            f"ratio {ratio}{goal}{verdict}"
        )


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def alternate(
    rounds: int, ours: Callable[[], T], baseline: Callable[[], T]
) -> tuple[list[T], list[T]]:
    """Run both `rounds` times, swapping which goes first each round so drift hits both alike."""
    ours_results: list[T] = []
    baseline_results: list[T] = []
    for index in range(rounds):
        if index % 2 == 0:
            ours_results.append(ours())
            baseline_results.append(baseline())
        else:
            baseline_results.append(baseline())
            ours_results.append(ours())
    return ours_results, baseline_results


# Python for a child to print its peak RSS in KiB, with no import that would add to it. It
# reads VmHWM: a child's ru_maxrss on Linux starts from its parent's peak, kept through exec.
PRINT_PEAK_RSS_KIB = (
    "print(next(line for line in open('/proc/self/status') if line.startswith('VmHWM:'))"
    ".split()[1])"
)


@dataclass(frozen=True)
class ChildRun:
    """A finished child process: its wall time and what it printed."""

    seconds: float
    stdout: str


def run_child(
    argv: Sequence[str],
    environment: Mapping[str, str] | None = None,
    *,
    limit_seconds: float | None = None,
) -> ChildRun:
    """Run `argv` to its end, timing it from spawn to exit; past `limit_seconds` it is killed
    and `subprocess.TimeoutExpired` raised."""
    started = time.perf_counter()
    done = subprocess.run(
        argv, capture_output=True, text=True, check=False, env=environment, timeout=limit_seconds
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")
    return ChildRun(seconds, done.stdout)
