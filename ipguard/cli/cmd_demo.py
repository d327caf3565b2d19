"""``ipguard demo``: write the demo database."""

from __future__ import annotations

import argparse
import time


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("demo", help="write a demo database (replaces the file)")
    parser.add_argument("--db", required=True, help="database file to write")
    parser.add_argument("--seed", type=int, default=2026, help="random seed (same seed, same data)")
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
    print(f"sign in as admin / zhangwei / wangqiang / chenjie … with password {DEMO_PASSWORD}")
    return 0
