"""``python -m benchmarks [--quick] [--out FILE]``: build portfolios, measure, print one JSON object.

Progress goes to stderr; stdout carries only the JSON: every figure of
:data:`benchmarks.FIGURES` (medians; seconds unless the name says otherwise,
``assess_per_s`` in applicants per second), then ``sizes``, ``machine``,
``notes`` (how each figure was obtained) and ``info`` (sizes of outputs,
the search text, ...), and ``server``: the team server's figures (benchmarks/server.py;
``IPGUARD_BENCH_PG`` or a throwaway cluster, else "skipped: no PostgreSQL"). ``--quick`` uses small sizes (a smoke run, not
figures to compare); figure names keep their full-size names.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

from benchmarks import FIGURES, _util, assess, case_list, casefile, documents, portfolio, reports, server, startup, ui_stall
from ipguard import clock

FULL = {"cases": 100_000, "report_rows": 10_000, "peak_rows": 100_000, "repeat": 5, "startup_repeat": 5,
        "report_repeat": 3, "peak_repeat": 1, "assess_seconds": 2.0, "letter_repeat": 20, "stall_repeat": 3}  # fmt: skip
QUICK = {"cases": 2_000, "report_rows": 500, "peak_rows": 2_000, "repeat": 3, "startup_repeat": 2,
         "report_repeat": 2, "peak_repeat": 1, "assess_seconds": 0.3, "letter_repeat": 3, "stall_repeat": 1}  # fmt: skip

NOTES = {
    "attach_20mb_pdf_s": "ipguard.casefile.attach of a 20 MB PDF (type check, SHA-256, text extraction, one transaction); goal ≤ 1 s",
    "casefile_panel_200_s": "the 电子档案 tab's refresh + one event-loop pass for a case with 200 attachments; goal ≤ 0.2 s",
    "startup_s": "wall time from spawning scripts/bench_startup.py to its READY line: interpreter, imports, "
    "ui.app.start() on the demo database, programmatic sign-in (real password check), main window shown, one "
    "event-loop pass; offscreen; median of fresh processes after one warm-up",
    "bare_window_s": "the same for a bare QMainWindow process",
    "startup_ratio": "startup_s / bare_window_s (goal ≤ 2.5)",
    "ui_stall_ms": "longest gap of a 5 ms UI-thread heartbeat over a scripted walk of one case in the workspace "
    "(open, both signatures, resolution, letter, issue and reprint a document, every tab), minus the interval; "
    "worst of the runs, fresh process each (scripts/bench_ui_stall.py); goal ≤ 100 ms",
    "ui_stall_sync_ms": "the same walk with the work on the UI thread (the client before ui.tasks)",
    "ui_stall_bare_ms": "the same heartbeat over an idle bare QMainWindow (the timer's own jitter)",
    "case_list_first_page_s": "CaseListModel(store): ordered ids of every case + first 200 rows by id, every cell read through data()",
    "case_filter_s": "CaseListModel.set_filter(CaseFilter(text=2-character company-name fragment)) + cells read",
    "intent_letter_s": "ipguard.documents.render(samples.intent_letter()) after warm-up (reportlab imported, font registered)",
    "monthly_report_10k_s": "ipguard.reports.service.monthly_report end to end (queries + logic + xlsx) on a database "
    "whose cases are all in force",
    "bare_writeonly_10k_s": "the same in-force rows (pre-read) appended to one unstyled openpyxl write-only sheet",
    "monthly_report_100k_peak_mb": "peak RSS (VmHWM) of a fresh process running monthly_report on the 100k-case "
    "database with every case in force; includes interpreter and imports",
    "assess_per_s": "Applicant.from_json + assess() with the 快易贷 product over a fixed mix of 200 applicants",
    "portfolios": "ipguard.demo.synthetic.generate_cases + benchmarks.portfolio (loans, events, one chained audit entry "
    "per case); see benchmarks/portfolio.py for what is synthetic",
}


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def run(quick: bool, work: Path) -> dict[str, object]:
    sizes = QUICK if quick else FULL
    today = clock.today()
    figures: dict[str, float] = {}
    info: dict[str, object] = {}
    notes = dict(NOTES)
    timings: dict[str, float] = {}

    def step(name: str, fn):
        log(name)
        started = time.perf_counter()
        result = fn()
        timings[name] = round(time.perf_counter() - started, 1)
        return result

    f, i = step("intent letter", lambda: documents.measure(sizes["letter_repeat"]))
    figures.update(f), info.update(i)
    f, i = step("assess", lambda: assess.measure(sizes["assess_seconds"], sizes["repeat"]))
    figures.update(f), info.update(i)

    f, i = step("case file", lambda: casefile.measure(2 if quick else 3))
    figures.update(f), info.update(i)

    demo = work / "demo.sqlite"
    if quick:
        step("demo database (synthetic, quick)", lambda: portfolio.build(demo, 300, seed=3, today=today))
        notes["startup_db"] = "quick: 300 synthetic cases instead of the demo database"
    else:
        from ipguard.demo.build import build_demo

        step("demo database (build_demo)", lambda: build_demo(demo, 2026, today=today))
        notes["startup_db"] = "ipguard.demo.build.build_demo(seed 2026)"
    figures.update(step("startup", lambda: startup.measure(demo, work / "home", sizes["startup_repeat"])))
    figures["startup_ratio"] = figures["startup_s"] / figures["bare_window_s"]
    f, i = step("UI-thread stall", lambda: ui_stall.measure(work / "stall", sizes["stall_repeat"]))
    figures.update(f), info.update(i)

    big = work / "cases.sqlite"
    built = step(f"portfolio of {sizes['cases']:,} cases", lambda: portfolio.build(big, sizes["cases"], today=today))
    f, i = step("case list", lambda: case_list.measure(big, sizes["repeat"]))
    figures.update(f), info.update(i)

    small = work / "report.sqlite"
    rp = step(
        f"portfolio of {sizes['report_rows']:,} in force",
        lambda: portfolio.build(small, sizes["report_rows"], seed=2, all_in_force=True, today=today),
    )
    f, i = step("monthly report", lambda: reports.measure(small, rp.month, sizes["report_repeat"], work))
    figures.update(f), info.update(i)

    def all_in_force() -> int:
        from ipguard.store import open_store

        store = open_store(big)
        try:
            if sizes["peak_rows"] > sizes["cases"]:
                from ipguard.demo.synthetic import generate_cases

                extra = generate_cases(store, sizes["peak_rows"] - sizes["cases"], 9, today=today)
                portfolio.extend(store, extra.first_case_id, today)
            return portfolio.make_all_in_force(store, today)
        finally:
            store.close()

    info["peak_db_in_force"] = step("all in force", all_in_force)
    f, i = step("monthly report peak memory", lambda: reports.measure_peak(big, built.month, sizes["peak_repeat"], work))
    figures.update(f), info.update(i)
    if not reports.service_available():
        notes["monthly_report_10k_s"] = "FALLBACK: ipguard.reports.service missing; write_monthly with generated rows"
    server_figures = step("team server", lambda: server.measure(work / "server", quick, log))
    notes["server"] = (server.__doc__ or "").split("\n\n", 1)[1].replace("\n", " ").strip()
    info["step_seconds"] = timings
    out: dict[str, object] = {name: round(figures[name], 4) for name in FIGURES}
    out.update(mode="quick" if quick else "full", sizes=sizes, machine=_util.machine(), notes=notes, info=info,
               server=server_figures)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run in well under a minute")
    parser.add_argument("--out", type=Path, help="also write the JSON to this file")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="ipguard-bench-") as tmp:
        result = run(args.quick, Path(tmp))
    result["elapsed_s"] = round(time.perf_counter() - started, 1)
    text = json.dumps(result, ensure_ascii=False, indent=2)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
