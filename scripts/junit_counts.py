"""Print one backend's test counts from a pytest JUnit XML report (scripts/test.sh).

    python scripts/junit_counts.py SQLite report.xml   ->   == backend SQLite: 1104 passed, 3 skipped
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET


def counts(path: str) -> dict[str, int]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite in suites:
        for key in total:
            total[key] += int(suite.get(key, "0"))
    return total


def line(backend: str, path: str) -> str:
    c = counts(path)
    passed = c["tests"] - c["failures"] - c["errors"] - c["skipped"]
    parts = [f"{passed} passed"]
    for key, word in (("failures", "failed"), ("errors", "errors"), ("skipped", "skipped")):
        if c[key]:
            parts.append(f"{c[key]} {word}")
    return f"== backend {backend}: " + ", ".join(parts)


if __name__ == "__main__":
    print(line(sys.argv[1], sys.argv[2]))
