"""``ipguard demo``: write the demo database, and optionally a letter and a monthly report from it."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from ipguard import clock


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="write a demo database (replaces the file)")
    parser.add_argument("--db", required=True, help="database file to write")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
    parser.add_argument("--out-dir", help="also write an intent letter (PDF) and this month's report (xlsx) here")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.demo.build import DEMO_PASSWORD, build_demo
    from ipguard.store import open_store

    started = time.perf_counter()
    path = build_demo(args.db, args.seed)
    with open_store(path, create=False) as store:
        counts = store.repos.cases.count_by_stage()
        head = store.audit_head()
        print(f"demo database written: {path} ({sum(counts.values())} cases in {len(counts)} stages, "
              f"{head.count} audit entries, {time.perf_counter() - started:.1f} s)")
        if args.out_dir:
            _write_outputs(store, Path(args.out_dir))
    print(f"sign in as admin / zhangwei / wangqiang / chenjie … with password {DEMO_PASSWORD}")
    return 0


def _write_outputs(store, out_dir: Path) -> None:
    from ipguard.documents.service import archived

    out_dir.mkdir(parents=True, exist_ok=True)
    case_id = store.repos.documents.first_case_with_issued("intent_letter")
    if case_id is not None:
        doc_no, pdf = archived(store, case_id, "intent_letter")  # type: ignore[misc]
        letter = out_dir / "intent_letter.pdf"
        letter.write_bytes(pdf)
        print(f"intent letter {doc_no}: {letter}")
    try:
        from ipguard.reports.service import monthly_report
    except ImportError:
        return
    month = clock.today().strftime("%Y-%m")
    report = out_dir / f"monthly-{month}.xlsx"
    monthly_report(store, month, report)
    print(f"monthly report {month}: {report}")
