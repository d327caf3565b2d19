"""``ipguard demo``: write the demo database, and optionally a letter and a monthly report from it.

A demo never replaces a real database: an existing file is refused unless
``--force`` is given, and even then only when it is itself an ipguard demo
database (marked when it was built).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from ipguard import clock
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.outputs import write_output

if TYPE_CHECKING:
    from ipguard.store.core import Store


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "demo", "生成演示数据库（不覆盖已有文件）", "write a demo database (never over an existing file)")
    parser.add_argument("--seed", type=int, default=2026, help=t("随机种子（同一种子，同样的数据）", "random seed (same seed, same data)"))
    parser.add_argument("--out-dir", help=t("另在此写一份担保意向函（PDF）和本月报表（xlsx）", "also write an intent letter (PDF) and this month's report (xlsx) here"))
    parser.add_argument("--force", action="store_true", help=t("替换已有的演示数据库（其他文件一律不替换）", "replace an existing demo database (never any other file)"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from ipguard.demo.build import DEMO_PASSWORD, build_demo, check_replaceable
    from ipguard.store import open_store

    path = Path(require_db(args, create=True)).expanduser()
    check_replaceable(path, args.force)
    started = time.perf_counter()
    build_demo(path, args.seed)
    with open_store(path, create=False) as store:
        counts = store.repos.cases.count_by_stage()
        head = store.audit_head()
        seconds = time.perf_counter() - started
        print(t(
            f"演示数据库已写入：{path}（{sum(counts.values())} 个案件，{len(counts)} 个阶段，审计 {head.count} 条，用时 {seconds:.1f} 秒）",
            f"demo database written: {path} ({sum(counts.values())} cases in {len(counts)} stages, {head.count} audit entries, {seconds:.1f} s)",
        ))
        if args.out_dir:
            _write_outputs(store, Path(args.out_dir))
    print(t(
        f"登录：admin（管理员）、zhangwei（客户经理）、wangqiang（风控经理）、chenjie（保审会委员）、sunli（业务运营），密码均为 {DEMO_PASSWORD}（见 README）",
        f"sign in as admin (admin), zhangwei (account manager), wangqiang (risk manager), chenjie (committee), sunli (operations); "
        f"password {DEMO_PASSWORD} (see the README)",
    ))
    return 0


def _write_outputs(store: Store, out_dir: Path) -> None:
    from ipguard.documents.service import archived
    from ipguard.reports.service import monthly_report

    out_dir.mkdir(parents=True, exist_ok=True)
    case_id = store.repos.documents.first_case_with_issued("intent_letter")
    copy = archived(store, case_id, "intent_letter") if case_id is not None else None
    if copy is not None:
        doc_no, pdf = copy
        letter = write_output(out_dir / "intent_letter.pdf", pdf, protect=[store.path] if store.path else [])
        print(t(f"担保意向函 {doc_no}：{letter}", f"intent letter {doc_no}: {letter}"))
    month = clock.today().strftime("%Y-%m")
    report = out_dir / f"monthly-{month}.xlsx"
    monthly_report(store, month, report)
    print(t(f"月度报表 {month}：{report}", f"monthly report {month}: {report}"))
