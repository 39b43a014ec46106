"""The README's Performance table from a run's JSON: `python benchmarks/table.py [FILE]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"


def rows(report: dict[str, Any]) -> list[str]:
    lines = [
        "| row | ours | baseline | unit | ratio | goal |",
        "| --- | ---: | ---: | --- | ---: | --- |",
    ]
    for comparisons in report["benchmarks"].values():
        for c in comparisons:
            verdict = {None: "", True: ", met", False: ", **missed**"}[c["met"]]
            goal = f"{c['goal']}{verdict}" if c["goal"] else ""
            ratio = "" if c["ratio"] is None else f"{c['ratio']:.2f}"
            lines.append(
                f"| {c['name']} | {_number(c['ours']['median'])} | "
                f"{_number(c['baseline']['median'])} | {c['unit']} | {ratio} | {goal} |"
            )
    notes = report.get("notes", [])
    lines += [""] + [f"- {note}" for note in notes] if notes else []
    return lines


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "reports" / "bench.json"
    print("\n".join(rows(json.loads(path.read_text()))))
