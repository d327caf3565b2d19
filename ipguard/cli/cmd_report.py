"""``ipguard report monthly``: the monthly portfolio workbook from a database file or a team server.

With ``--user`` it reads as that user (on a team server it connects as his login role); without it, as
the file is or as the connection string names (:func:`ipguard.cli.credentials.for_reading`).
"""

from __future__ import annotations

import argparse

from ipguard.cli import credentials
from ipguard.cli.common import Subparsers, add_command, require_db, t
from ipguard.outputs import check_target


def register(subparsers: Subparsers) -> None:
    parser = add_command(subparsers, "report", "报表（月度业务报表）", "reports (the monthly portfolio workbook)")
    kinds = parser.add_subparsers(dest="report_kind", metavar="KIND", required=True, parser_class=type(parser))
    monthly = add_command(kinds, "monthly", "生成月度业务报表（.xlsx）", "write the monthly portfolio workbook (.xlsx)")
    monthly.add_argument("--month", required=True, help=t("报表月份 YYYY-MM（不晚于本月）", "report month, YYYY-MM (not after the current month)"))
    monthly.add_argument("--out", required=True, help=t("要写入的工作簿（.xlsx），整体替换", "workbook to write (.xlsx); replaced in one step"))
    credentials.add_arguments(monthly)
    monthly.set_defaults(func=run_monthly)


def run_monthly(args: argparse.Namespace) -> int:
    from ipguard.money import format_yuan
    from ipguard.reports.service import ReportResult, check_out_path, monthly_report, parse_month
    from ipguard.store import open_store

    # Validate everything that needs no database before opening it: nothing is created on bad input.
    db = require_db(args)
    parse_month(args.month)
    check_out_path(args.out)
    check_target(args.out, protect=[db])
    given = credentials.for_reading(args)  # --user without a password: refused before connecting
    result: ReportResult
    if given is None:
        result = monthly_report(db, args.month, args.out)
    else:
        with open_store(db, create=False, credentials=given) as store:
            credentials.sign_in(store, args, given)  # a wrong password: refused, no workbook
            result = monthly_report(store, args.month, args.out)
    when_zh = f"临时报表，截至 {result.as_of:%Y-%m-%d} 在保" if result.provisional else "月末在保"
    when_en = f"provisional, in force on {result.as_of:%Y-%m-%d}:" if result.provisional else "in force at month end:"
    print(t(
        f"月度报表已生成：{result.path}（{result.month_label}；{when_zh} {result.in_force_count} 笔，"
        f"余额 {format_yuan(result.in_force_balance)} 元；审计链 {result.audit_count} 条，链头 {result.audit_head_hash}）",
        f"monthly report written: {result.path} ({result.month_label}; {when_en} {result.in_force_count} guarantees, "
        f"balance {format_yuan(result.in_force_balance)} yuan; audit chain {result.audit_count} entries, head {result.audit_head_hash})",
    ))
    return 0
