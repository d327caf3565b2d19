"""``ipguard report monthly``: the monthly portfolio workbook from a database file."""

from __future__ import annotations

import argparse

from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.outputs import check_target


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "report", "报表（月度业务报表）", "reports (the monthly portfolio workbook)")
    kinds = parser.add_subparsers(dest="report_kind", metavar="KIND", required=True, parser_class=type(parser))
    monthly = add_command(kinds, "monthly", "生成月度业务报表（.xlsx）", "write the monthly portfolio workbook (.xlsx)")
    monthly.add_argument("--month", required=True, help=t("报表月份 YYYY-MM（不晚于本月）", "report month, YYYY-MM (not after the current month)"))
    monthly.add_argument("--out", required=True, help=t("要写入的工作簿（.xlsx），整体替换", "workbook to write (.xlsx); replaced in one step"))
    monthly.set_defaults(func=run_monthly)


def run_monthly(args: argparse.Namespace) -> int:
    from ipguard.money import format_yuan
    from ipguard.reports.service import check_out_path, monthly_report, parse_month

    # Validate everything that needs no database before opening it: nothing is created on bad input.
    db = require_db(args)
    parse_month(args.month)
    check_out_path(args.out)
    check_target(args.out, protect=[db])
    result = monthly_report(db, args.month, args.out)
    when_zh = f"临时报表，截至 {result.as_of:%Y-%m-%d} 在保" if result.provisional else "月末在保"
    when_en = f"provisional, in force on {result.as_of:%Y-%m-%d}:" if result.provisional else "in force at month end:"
    print(t(
        f"月度报表已生成：{result.path}（{result.month_label}；{when_zh} {result.in_force_count} 笔，"
        f"余额 {format_yuan(result.in_force_balance)} 元；审计链 {result.audit_count} 条，链头 {result.audit_head_hash}）",
        f"monthly report written: {result.path} ({result.month_label}; {when_en} {result.in_force_count} guarantees, "
        f"balance {format_yuan(result.in_force_balance)} yuan; audit chain {result.audit_count} entries, head {result.audit_head_hash})",
    ))
    return 0
