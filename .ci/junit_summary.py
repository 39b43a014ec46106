"""Print one closing line for a CI run from the JUnit reports that `nox` wrote.

The last runner in `nox` is not always pytest (schemathesis prints a pytest-like line of its
own), so CI closes on the plain totals of every suite: "ci: N passed, N failed, N skipped".
Exits 1 when a report is missing or no test passed, so an empty run cannot look green.
"""

from __future__ import annotations

import sys
from pathlib import Path
from xml.etree import ElementTree


def totals(report: Path) -> tuple[int, int, int]:
    """(passed, failed, skipped) of one JUnit report, errors counted as failures."""
    root = ElementTree.parse(report).getroot()  # noqa: S314 - our own reports
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    tests = failed = skipped = 0
    for suite in suites:
        tests += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    return tests - failed - skipped, failed, skipped


def main(paths: list[str]) -> int:
    passed = failed = skipped = 0
    for path in map(Path, paths):
        if not path.is_file():
            print(f"ci: no report at {path}", file=sys.stderr)
            return 1
        report_passed, report_failed, report_skipped = totals(path)
        print(f"{path.name}: {report_passed} passed, {report_failed} failed")
        passed, failed, skipped = (
            passed + report_passed,
            failed + report_failed,
            skipped + report_skipped,
        )
    print(f"ci: {passed} passed, {failed} failed, {skipped} skipped")
    return 0 if passed and not failed else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
