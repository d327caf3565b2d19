"""Export a filtered case list to xlsx, in the same form as the monthly report."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from ipguard.reports.models import CaseListRow
from ipguard.reports.xlsx import Cell, Column, Kind, PageHeader, TableSheet, Ticker, atomic_workbook, sized_total

CASE_LIST_COLUMNS = (
    Column("案件编号"),
    Column("企业名称", max_width=36),
    Column("统一社会信用代码"),
    Column("阶段"),
    Column("贷款银行", max_width=30),
    Column("客户经理"),
    Column("申请金额（元）", Kind.MONEY),
    Column("担保金额（元）", Kind.MONEY),
    Column("申请日", Kind.DATE),
    Column("放款日", Kind.DATE),
    Column("到期日", Kind.DATE),
    Column("质押知识产权类型", max_width=30),
    Column("所属行业", max_width=24),
    Column("最后更新", Kind.DATETIME),
)


def export_case_list(
    out_path: str | os.PathLike[str],
    rows: Iterable[CaseListRow],
    *,
    title: str,
    filters_text: str,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write ``rows`` to one sheet 案件列表 at ``out_path`` (all or nothing); return the row count.

    ``title`` is the title row (e.g. company name + "案件列表"), ``filters_text``
    the subtitle saying which filter produced the list ("阶段：在保；银行：…").
    A case without a guarantee amount yet leaves that cell empty. Under the
    table: the count and the sums of the two money columns (SUBTOTAL formulas: they follow a filter).
    """
    ticker = Ticker(progress, cancelled, sized_total(rows))
    with atomic_workbook(out_path, PageHeader(title, "", "")) as book:
        ticker.check()
        sheet = TableSheet(book, "案件列表", CASE_LIST_COLUMNS, title=title, subtitle=filters_text)
        requested = guaranteed = 0
        for r in rows:
            sheet.add_row(
                (r.case_no, r.company, r.uscc, r.stage_label, r.bank, r.account_manager, r.requested_amount,
                 r.guarantee_amount, r.application_date, r.disbursed_on, r.maturity, r.ip_types, r.industry, r.updated_at)
            )  # fmt: skip
            requested += r.requested_amount
            guaranteed += r.guarantee_amount or 0
            ticker.tick()
        cells: list[object] = [None] * len(CASE_LIST_COLUMNS)
        cells[0] = Cell("合计（筛选后）", None, "bold")
        cells[1] = sheet.count(sheet.rows_written, "件")
        cells[6] = sheet.total(7, requested)
        cells[7] = sheet.total(8, guaranteed)
        sheet.add_footer(cells)
        count = sheet.finish()
        ticker.check()
    return count
