"""Print one closing line for a CI run from the JUnit reports that `nox` wrote.

The last runner in `nox` is not always pytest (schemathesis prints a pytest-like line of its
own), so CI closes on the plain totals of every suite: "ci: N passed, N failed, N skipped".
Each test case counts once: failed if it has a failure or an error, else skipped if skipped,
else passed. Exits 1 when a report is missing or unreadable, a case failed, or none passed,
so an empty run cannot look green.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree


def outcomes(report: Path) -> Counter[str]:
    """How many test cases of one JUnit report passed, failed and were skipped."""
    root = ElementTree.parse(report).getroot()  # noqa: S314 - our own reports
    counts: Counter[str] = Counter()
    for case in root.iter("testcase"):
        if case.find("failure") is not None or case.find("error") is not None:
            counts["failed"] += 1
        elif case.find("skipped") is not None:
            counts["skipped"] += 1
        else:
            counts["passed"] += 1
    return counts


def main(paths: list[str]) -> int:
    total: Counter[str] = Counter()
    unreadable = False
    for path in map(Path, paths):
        try:
            counts = outcomes(path)
        except (OSError, ElementTree.ParseError) as exc:
            print(f"{path}: no readable report ({exc})")
            unreadable = True
            continue
        print(f"{path.name}: {counts['passed']} passed, {counts['failed']} failed")
        total += counts
    print(f"ci: {total['passed']} passed, {total['failed']} failed, {total['skipped']} skipped")
    return 0 if total["passed"] and not total["failed"] and not unreadable else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
