"""``ipguard report monthly``: the monthly portfolio workbook from a database file."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("report", help="reports (月度业务报表)")
    kinds = parser.add_subparsers(dest="report_kind", metavar="KIND", required=True, parser_class=type(parser))
    monthly = kinds.add_parser("monthly", help="write the monthly portfolio workbook (.xlsx)")
    monthly.add_argument("--db", required=True, help="database file (must exist)")
    monthly.add_argument("--month", required=True, help="report month, YYYY-MM (not after the current month)")
    monthly.add_argument("--out", required=True, help="workbook to write (.xlsx); replaced atomically")
    monthly.set_defaults(func=run_monthly)


def run_monthly(args: argparse.Namespace) -> int:
    from ipguard.money import format_yuan
    from ipguard.reports.service import check_out_path, monthly_report, parse_month

    # Validate everything that needs no database before opening it: nothing is created on bad input.
    parse_month(args.month)
    check_out_path(args.out)
    result = monthly_report(args.db, args.month, args.out)
    when = f"临时报表，截至 {result.as_of:%Y-%m-%d} 在保" if result.provisional else "月末在保"
    print(
        f"月度报表已生成：{result.path}（{result.month_label}；{when} {result.in_force_count} 笔，"
        f"余额 {format_yuan(result.in_force_balance)} 元；审计链 {result.audit_count} 条，链头 {result.audit_head_hash}）"
    )
    return 0
