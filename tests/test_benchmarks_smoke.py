"""``python -m benchmarks --quick`` still runs and reports every figure (never a time assertion)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import FIGURES

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_quick_benchmark_reports_every_figure(tmp_path):
    out = tmp_path / "bench.json"
    proc = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    result = json.loads(proc.stdout)
    assert json.loads(out.read_text(encoding="utf-8")) == result
    for name in FIGURES:
        value = result[name]
        assert isinstance(value, int | float) and not isinstance(value, bool), (name, value)
        assert math.isfinite(value) and value > 0, (name, value)
    assert result["mode"] == "quick"
    assert result["machine"]["cpu_count"] >= 1
    assert result["info"]["peak_report_rows"] == result["sizes"]["peak_rows"]
    server = result["server"]  # the team server's section: figures and goals, or why it was skipped
    if "skipped" not in server:
        assert set(server["latency"]) == {"sqlite_1", *(f"server_{n}{pace}" for n in (1, 8, 20) for pace in ("", "_back_to_back"))}
        assert all(v["p95_ms"] >= v["p50_ms"] > 0 for run in server["latency"].values() for v in run.values())
        assert server["case_list"]["first_page_s"] > 0 and set(server["goals"].values()) <= {"met", "missed"}
