"""monthly_report_10k_s, bare_writeonly_10k_s and monthly_report_100k_peak_mb.

- ``monthly_report_10k_s``: :func:`ipguard.reports.service.monthly_report` on a
  database whose in-force portfolio has the given size — the queries, the
  report logic (splits, breakdowns, summary checks) and the write-only
  workbook, end to end, as the 月报 button runs it.
- ``bare_writeonly_10k_s``: the same in-force rows (the 20 columns of the
  在保明细 sheet, read beforehand, not timed) dumped into one openpyxl
  write-only sheet with no styles, no report logic and no other sheets: the
  floor set by openpyxl. The report itself is written with XlsxWriter through
  its public cell writers: in memory with shared strings up to
  ``ipguard.reports.xlsx.IN_MEMORY_ROWS`` rows (so at 10k), streamed with
  ``constant_memory`` past it (so at 100k, the peak figure).
- ``monthly_report_100k_peak_mb``: peak resident memory (Linux VmHWM) of a
  fresh process that runs ``monthly_report`` on a 100k in-force database;
  the child reports its own peak (``python -m benchmarks.reports --peak``),
  so the parent's memory does not count. It includes the interpreter and
  every import.

When ``ipguard.reports.service`` cannot be imported (it was written in
parallel with this module), the report figures fall back to
:func:`ipguard.reports.write_monthly` fed by generated rows, and the notes say so.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

from benchmarks._util import median_time, peak_rss_mb


def service_available() -> bool:
    try:
        from ipguard.reports.service import monthly_report  # noqa: F401
    except ImportError:
        return False
    return True


def run_report(db: Path, month: str, out: Path) -> int:
    """One monthly report of ``db``; the number of in-force rows written."""
    if service_available():
        from ipguard.reports.service import monthly_report

        return monthly_report(db, month, out).in_force_count
    return _fallback_report(db, out)


def _fallback_report(db: Path, out: Path) -> int:
    import runpy

    from ipguard.store import open_store

    store = open_store(db)
    try:
        n = store.scalar("SELECT COUNT(*) FROM loans WHERE repaid_on IS NULL")
    finally:
        store.close()
    script = runpy.run_path(str(Path(__file__).resolve().parent.parent / "scripts" / "sample_monthly_report.py"))
    script["main"](["--rows", str(n), "--out", str(out)])
    return n


def in_force_tuples(db: Path, month: str) -> list[tuple]:
    """The in-force rows of the month as plain tuples (for the bare write)."""
    from ipguard.reports.monthly import IN_FORCE_COLUMNS
    from ipguard.reports.queries import monthly_data
    from ipguard.store import open_store

    store = open_store(db)
    try:
        data = monthly_data(store, dt.date.fromisoformat(month + "-01"))
        width = len(IN_FORCE_COLUMNS)  # the same cells the report's 在保明细 sheet holds
        return [tuple(dataclasses.astuple(row))[:width] for row in data.in_force]
    finally:
        store.close()


def bare_write(rows: list[tuple], out: Path) -> None:
    from openpyxl import Workbook

    from ipguard.reports.monthly import IN_FORCE_COLUMNS

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("在保明细")
    ws.append([c.header for c in IN_FORCE_COLUMNS])
    for row in rows:
        ws.append([float(v) if isinstance(v, Decimal) else v for v in row])
    wb.save(out)


def measure(db: Path, month: str, repeat: int, work: Path) -> tuple[dict[str, float], dict[str, object]]:
    out = work / "monthly.xlsx"
    rows_written = run_report(db, month, out)
    report_s = median_time(lambda: run_report(db, month, out), repeat, warmup=0)
    rows = in_force_tuples(db, month) if service_available() else []
    bare_out = work / "bare.xlsx"
    bare_s = median_time(lambda: bare_write(rows, bare_out), repeat) if rows else float("nan")
    info = {
        "monthly_report_rows": rows_written,
        "monthly_report_xlsx_mb": round(out.stat().st_size / 1e6, 2),
        "report_path": "ipguard.reports.service.monthly_report" if service_available() else "write_monthly (fallback)",
        "report_writer": "XlsxWriter public cell writers; shared strings in memory up to IN_MEMORY_ROWS rows, "
        "constant_memory past it",
        "monthly_report_to_bare_ratio": round(report_s / bare_s, 2) if bare_s == bare_s else None,  # NaN-safe
    }
    return {"monthly_report_10k_s": report_s, "bare_writeonly_10k_s": bare_s}, info


def measure_peak(db: Path, month: str, repeat: int, work: Path) -> tuple[dict[str, float], dict[str, object]]:
    peaks, rows = [], 0
    for i in range(repeat):
        proc = subprocess.run(
            [sys.executable, "-m", "benchmarks.reports", "--peak", str(db), month, str(work / f"peak{i}.xlsx")],
            capture_output=True, text=True, check=False, cwd=Path(__file__).resolve().parent.parent,
        )  # fmt: skip
        if proc.returncode != 0:
            raise RuntimeError(f"peak report failed: {proc.stderr[-2000:]}")
        result = json.loads(proc.stdout.strip().splitlines()[-1])
        peaks.append(result["peak_mb"])
        rows = result["rows"]
    peaks.sort()
    return {"monthly_report_100k_peak_mb": peaks[len(peaks) // 2]}, {"peak_report_rows": rows, "peak_runs": repeat}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="child process of the peak-memory figure")
    parser.add_argument("--peak", nargs=3, metavar=("DB", "MONTH", "OUT"), required=True)
    args = parser.parse_args(argv)
    db, month, out = args.peak
    rows = run_report(Path(db), month, Path(out))
    print(json.dumps({"peak_mb": round(peak_rss_mb(), 1), "rows": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
